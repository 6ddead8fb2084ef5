import { useState } from 'react';
import type { RichDoc } from '../../../../src-shared/domain/rich-text';
import { hasText } from '../../../../src-shared/domain/rich-text';
import { AppError } from '../../../../src-shared/contract/result';
import { ErrorNotice } from '../../../components/error-notice';
import { useI18n } from '../../../i18n/use-t';
import { useDeleteDraft, useExportDraft, useSubmitDraft, type Draft } from '../api/draft-queries';
import { saveExportedFile } from '../lib/files';
import { ModalDialog } from './modal-dialog';

interface DraftActionsProps {
  draft: Draft;
  sections: Readonly<Record<string, RichDoc>>;
  wordCount: number;
  versionsOpen: boolean;
  onToggleVersions: () => void;
  onSaveVersion: () => void;
  /** Saves what waits, so the export and the submission take the text as shown. */
  settle: () => Promise<void>;
  onDeleted: () => void;
}

/** Versions, a version now, DOCX export, submission to the register and deletion of the draft. */
export function DraftActions(props: DraftActionsProps) {
  const { draft, sections, wordCount, settle } = props;
  const { t, format } = useI18n();
  const exporting = useExportDraft(draft.id);
  const submit = useSubmitDraft(draft.id);
  const remove = useDeleteDraft();
  const [exported, setExported] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'submit' | 'delete' | null>(null);
  const editable = draft.status === 'draft';
  const parts = draft.sections.filter((section) => section.role !== 'introduction');
  const missing = parts.filter(
    (section) => section.required && !hasText(sections[section.id] ?? section.content),
  );
  const submitError = submit.error;
  const refused = submitError instanceof AppError && submitError.code === 'invalid_input';

  const doExport = async () => {
    setExported(null);
    await settle();
    exporting.mutate(undefined, {
      onSuccess: (file) => {
        saveExportedFile(file);
        setExported(
          t('drafting.actions.exported', { fileName: file.fileName, size: format.bytes(file.size) }),
        );
      },
    });
  };

  const doSubmit = async () => {
    await settle();
    submit.mutate(undefined, { onSuccess: () => setDialog(null) });
  };

  return (
    <div className="draft-actions">
      <div className="draft-actions__buttons" role="group" aria-label={t('drafting.actions.label')}>
        <button
          type="button"
          className="button"
          aria-expanded={props.versionsOpen}
          onClick={props.onToggleVersions}
        >
          {t('drafting.actions.versions')}
        </button>
        {editable ? (
          <button
            type="button"
            className="button"
            onClick={props.onSaveVersion}
            aria-keyshortcuts="Control+S"
          >
            {t('drafting.actions.saveVersion')}
          </button>
        ) : null}
        <button
          type="button"
          className="button"
          disabled={exporting.isPending}
          onClick={() => void doExport()}
        >
          {t(exporting.isPending ? 'drafting.actions.exporting' : 'drafting.actions.export')}
        </button>
        {editable ? (
          <button
            type="button"
            className="button drafting-primary"
            onClick={() => {
              submit.reset();
              setDialog('submit');
            }}
          >
            {t('drafting.actions.submit')}
          </button>
        ) : null}
        {editable ? (
          <button type="button" className="button drafting-danger" onClick={() => setDialog('delete')}>
            {t('drafting.actions.delete')}
          </button>
        ) : null}
      </div>
      <p role="status" className="draft-actions__status" data-testid="export-status">
        {exported ?? ''}
      </p>
      {exporting.isError ? <ErrorNotice error={exporting.error} /> : null}
      <ModalDialog
        open={dialog === 'submit'}
        title={t('drafting.submit.title')}
        onClose={() => setDialog(null)}
        testId="submit-dialog"
      >
        <p>{t('drafting.submit.body', { caseNumber: draft.caseNumber })}</p>
        <ul className="drafting-dialog__list">
          <li>{t('drafting.submit.document', { title: draft.title, words: format.number(wordCount) })}</li>
          <li>
            {t('drafting.submit.sections', { sections: parts.map((section) => section.heading).join(', ') })}
          </li>
        </ul>
        <p className="muted">{t('drafting.submit.offline')}</p>
        {refused ? (
          <div className="notice notice--error" role="alert" data-testid="submit-missing">
            <p className="notice__text">{t('drafting.submit.missing')}</p>
            <ul>
              {(missing.length > 0 ? missing : parts.filter((section) => section.required)).map((section) => (
                <li key={section.id}>{section.heading}</li>
              ))}
            </ul>
            <p className="notice__details">{t('error.details', { message: submitError.message })}</p>
          </div>
        ) : submit.isError ? (
          <ErrorNotice error={submit.error} />
        ) : null}
        <div className="drafting-dialog__actions">
          <button
            type="button"
            className="button drafting-primary"
            disabled={submit.isPending}
            onClick={() => void doSubmit()}
          >
            {t(submit.isPending ? 'drafting.submit.busy' : 'drafting.submit.confirm')}
          </button>
          <button type="button" className="button" onClick={() => setDialog(null)}>
            {t('drafting.dialog.cancel')}
          </button>
        </div>
      </ModalDialog>
      <ModalDialog
        open={dialog === 'delete'}
        title={t('drafting.delete.title')}
        onClose={() => setDialog(null)}
        testId="delete-dialog"
      >
        <p>{t('drafting.delete.body', { title: draft.title })}</p>
        {remove.isError ? <ErrorNotice error={remove.error} /> : null}
        <div className="drafting-dialog__actions">
          <button
            type="button"
            className="button drafting-danger"
            disabled={remove.isPending}
            onClick={() =>
              remove.mutate(draft.id, {
                onSuccess: () => {
                  setDialog(null);
                  props.onDeleted();
                },
              })
            }
          >
            {t('drafting.delete.confirm')}
          </button>
          <button type="button" className="button" onClick={() => setDialog(null)}>
            {t('drafting.dialog.cancel')}
          </button>
        </div>
      </ModalDialog>
    </div>
  );
}
