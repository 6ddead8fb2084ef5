import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { DRAFT_IMPORT_MAX_BYTES } from '../../../../src-shared/contract/drafting';
import type { ProcedureType } from '../../../../src-shared/domain/procedure-type';
import { ErrorNotice } from '../../../components/error-notice';
import { Loading } from '../../../components/loading';
import { useI18n } from '../../../i18n/use-t';
import { templatesQuery, useCreateDraft, useImportDraft, type Draft } from '../api/draft-queries';
import { isDocxName, readAsBase64 } from '../lib/files';
import { ModalDialog } from './modal-dialog';

interface StartDraftDialogProps {
  mode: 'create' | 'import' | null;
  caseId: string;
  procedureType: ProcedureType;
  onClose: () => void;
  onCreated: (draft: Draft) => void;
}

/** Chooses a template of the case's procedure type, and for an import the Word file. */
export function StartDraftDialog({ mode, caseId, procedureType, onClose, onCreated }: StartDraftDialogProps) {
  const { t } = useI18n();
  return (
    <ModalDialog
      open={mode !== null}
      title={t(mode === 'import' ? 'drafting.dialog.importTitle' : 'drafting.dialog.title')}
      onClose={onClose}
      testId="start-draft-dialog"
    >
      {mode === null ? null : (
        <StartDraftForm
          mode={mode}
          caseId={caseId}
          procedureType={procedureType}
          onClose={onClose}
          onCreated={onCreated}
        />
      )}
    </ModalDialog>
  );
}

function StartDraftForm({
  mode,
  caseId,
  procedureType,
  onClose,
  onCreated,
}: StartDraftDialogProps & { mode: 'create' | 'import' }) {
  const { t, format } = useI18n();
  const templateId = useId();
  const fileId = useId();
  const problemId = useId();
  const templates = useQuery(templatesQuery(procedureType));
  const [chosen, setChosen] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const create = useCreateDraft();
  const importing = useImportDraft();
  const mutation = mode === 'import' ? importing : create;
  const selected = chosen ?? templates.data?.[0]?.id ?? null;
  const busy = reading || mutation.isPending;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!selected) return;
    setProblem(null);
    if (mode === 'create') {
      create.mutate({ caseId, templateId: selected }, { onSuccess: onCreated });
      return;
    }
    if (!file || !isDocxName(file.name)) {
      setProblem(t('drafting.import.notDocx'));
      return;
    }
    if (file.size > DRAFT_IMPORT_MAX_BYTES) {
      setProblem(
        t('drafting.import.tooLarge', {
          size: format.bytes(file.size),
          max: format.bytes(DRAFT_IMPORT_MAX_BYTES),
        }),
      );
      return;
    }
    setReading(true);
    try {
      const base64 = await readAsBase64(file);
      importing.mutate(
        { caseId, templateId: selected, fileName: file.name, base64 },
        { onSuccess: onCreated },
      );
    } catch (failure) {
      setProblem(
        t('drafting.import.failed', { reason: failure instanceof Error ? failure.message : String(failure) }),
      );
    } finally {
      setReading(false);
    }
  };

  if (templates.isPending) return <Loading label={t('drafting.dialog.loading')} />;
  if (templates.isError)
    return <ErrorNotice error={templates.error} onRetry={() => void templates.refetch()} />;
  return (
    <form className="drafting-dialog__form" onSubmit={(event) => void submit(event)}>
      {templates.data.length === 0 ? (
        <p>{t('drafting.dialog.noTemplates')}</p>
      ) : (
        <div className="drafting-field">
          <label htmlFor={templateId}>{t('drafting.dialog.template')}</label>
          <select
            id={templateId}
            className="select"
            value={selected ?? ''}
            onChange={(event) => setChosen(event.target.value)}
          >
            {templates.data.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {mode === 'import' ? (
        <div className="drafting-field">
          <label htmlFor={fileId}>{t('drafting.dialog.file')}</label>
          <input
            id={fileId}
            type="file"
            className="input"
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-describedby={problem ? problemId : undefined}
            aria-invalid={problem ? true : undefined}
            data-testid="import-file"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setProblem(null);
            }}
          />
        </div>
      ) : null}
      {problem ? (
        <p className="drafting-problem" id={problemId} role="alert">
          {problem}
        </p>
      ) : null}
      {mutation.isError ? <ErrorNotice error={mutation.error} /> : null}
      {busy ? (
        <p role="status" className="muted">
          {t(mode === 'import' ? 'drafting.import.busy' : 'drafting.dialog.creating')}
        </p>
      ) : null}
      <div className="drafting-dialog__actions">
        <button type="submit" className="button drafting-primary" disabled={!selected || busy}>
          {t(mode === 'import' ? 'drafting.dialog.importAction' : 'drafting.dialog.create')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('drafting.dialog.cancel')}
        </button>
      </div>
    </form>
  );
}
