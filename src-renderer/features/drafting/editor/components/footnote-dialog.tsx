import { useId, useState } from 'react';
import { useT } from '../../../../i18n/use-t';
import { FOOTNOTE_TEXT_MAX } from '../extensions/footnote';
import { EditorDialog } from './editor-dialog';

export interface FootnoteDialogProps {
  /** The footnote's number when it exists; null for a new one. */
  number: number | null;
  initialText: string;
  onSave(text: string): void;
  /** Deletes an existing footnote. */
  onDelete?: () => void;
  onCancel(): void;
}

/** Writes or changes a footnote's text. */
export function FootnoteDialog({ number, initialText, onSave, onDelete, onCancel }: FootnoteDialogProps) {
  const t = useT();
  const textId = useId();
  const errorId = useId();
  const [text, setText] = useState(initialText);
  const [missing, setMissing] = useState(false);

  const save = () => {
    if (text.trim() === '') {
      setMissing(true);
      return;
    }
    onSave(text.trim());
  };

  return (
    <EditorDialog
      title={
        number === null
          ? t('draftingEditor.footnoteDialog.new')
          : t('draftingEditor.footnoteDialog.edit', { number })
      }
      onSave={save}
      onCancel={onCancel}
      testId="footnote-dialog"
      actions={
        onDelete ? (
          <button type="button" className="rte-button rte-button--danger" onClick={onDelete}>
            {t('draftingEditor.footnoteDialog.delete')}
          </button>
        ) : null
      }
    >
      <label htmlFor={textId} className="rte-dialog__label">
        {t('draftingEditor.footnoteDialog.text')}
      </label>
      <textarea
        id={textId}
        className="rte-dialog__input"
        rows={3}
        maxLength={FOOTNOTE_TEXT_MAX}
        value={text}
        aria-invalid={missing || undefined}
        aria-describedby={missing ? errorId : undefined}
        onChange={(event) => {
          setText(event.target.value);
          setMissing(false);
        }}
      />
      {missing ? (
        <p className="rte-dialog__error" id={errorId} role="alert">
          {t('draftingEditor.footnoteDialog.required')}
        </p>
      ) : null}
    </EditorDialog>
  );
}
