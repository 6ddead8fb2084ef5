import { useId } from 'react';
import { NOTE_MAX_LENGTH } from '../../../../src-shared/contract/notes';
import { ErrorNotice } from '../../../components/error-notice';
import type { CheckedKey } from '../../../i18n/dictionary';
import { useI18n } from '../../../i18n/use-t';
import { useNoteEditor, type NoteSaveState } from '../hooks/use-note-editor';

/** From here on the field shows how many characters are left. */
export const NOTE_COUNTER_FROM = NOTE_MAX_LENGTH - 2_000;

const STATUS_KEYS = {
  loading: 'caseFile.note.status.loading',
  loadFailed: 'caseFile.note.status.loadFailed',
  tooLong: 'caseFile.note.status.tooLong',
  failed: 'caseFile.note.status.failed',
  saving: 'caseFile.note.status.saving',
  empty: 'caseFile.note.status.empty',
  unsent: 'caseFile.note.status.unsent',
  sent: 'caseFile.note.status.sent',
} as const satisfies Record<NoteSaveState, CheckedKey<`caseFile.note.status.${NoteSaveState}`>>;

/** The user's own note on the case: saved on this computer as they type, sent to the register by sync. */
export function NoteSection({ caseId }: { caseId: string }) {
  const { t, format } = useI18n();
  const headingId = useId();
  const fieldId = useId();
  const statusId = useId();
  const counterId = useId();
  const conflictId = useId();
  const editor = useNoteEditor(caseId);
  const length = editor.text.length;
  const showCounter = length >= NOTE_COUNTER_FROM;
  const conflicted = Boolean(editor.note?.conflictId);
  const describedBy = [conflicted ? conflictId : null, statusId, showCounter ? counterId : null]
    .filter((id) => id !== null)
    .join(' ');

  return (
    <section className="case-section note" aria-labelledby={headingId} data-testid="note-section">
      <h3 className="case-section__title" id={headingId}>
        <label htmlFor={fieldId}>{t('caseFile.note.label')}</label>
      </h3>
      {conflicted ? (
        <p className="note__conflict" id={conflictId} data-testid="note-conflict">
          {t('caseFile.note.conflict')}
        </p>
      ) : null}
      <textarea
        id={fieldId}
        className="note__field"
        rows={6}
        maxLength={NOTE_MAX_LENGTH}
        value={editor.text}
        disabled={editor.state === 'loading' || editor.state === 'loadFailed'}
        aria-describedby={describedBy}
        aria-invalid={editor.state === 'tooLong' ? true : undefined}
        onChange={(event) => editor.change(event.target.value)}
        onBlur={editor.flush}
      />
      <div className="note__footer">
        <p
          className={`note__status${editor.state === 'failed' || editor.state === 'tooLong' ? ' note__status--problem' : ''}`}
          id={statusId}
          role="status"
          data-testid="note-status"
          data-state={editor.state}
        >
          {t(STATUS_KEYS[editor.state])}
        </p>
        {showCounter ? (
          <p
            className={`note__counter num${length > NOTE_MAX_LENGTH ? ' note__counter--over' : ''}`}
            id={counterId}
            data-testid="note-counter"
          >
            {t('caseFile.note.counter', {
              count: format.number(length),
              max: format.number(NOTE_MAX_LENGTH),
            })}
          </p>
        ) : null}
      </div>
      {editor.state === 'failed' ? <ErrorNotice error={editor.error} onRetry={editor.flush} /> : null}
      {editor.state === 'loadFailed' ? <ErrorNotice error={editor.error} onRetry={editor.reload} /> : null}
    </section>
  );
}
