import { MAX_INLINE_DOCUMENT_BYTES } from '../../../../src-shared/register-api/registration';
import { DOMAIN_CODES, domainLabel } from '../../../i18n/domain-labels';
import { useI18n } from '../../../i18n/use-t';
import type { FileProblem } from '../lib/document-file';
import { type DocumentDraft, type FieldError, fieldId } from '../lib/registration-draft';
import { FormField } from './form-field';

interface DocumentFieldsProps {
  index: number;
  document: DocumentDraft;
  errors: readonly FieldError[];
  onChange: (change: Partial<DocumentDraft>) => void;
  onFile: (file: File | null) => void;
  onRemove: () => void;
}

// The file input accepts these; the register takes nothing else inline.
const ACCEPT = '.pdf,.asice,.sce,.bdoc,.docx,.jpg,.jpeg,.png,.txt';

export function DocumentFields({ index, document, errors, onChange, onFile, onRemove }: DocumentFieldsProps) {
  const { t, format } = useI18n();
  const errorFor = (id: string) => {
    const found = errors.find((error) => error.fieldId === id);
    return found ? t(found.message) : undefined;
  };
  const problemText = (problem: FileProblem) => {
    switch (problem.kind) {
      case 'tooLarge':
        return t('register.document.tooLarge', {
          size: format.bytes(problem.size),
          max: format.bytes(MAX_INLINE_DOCUMENT_BYTES),
        });
      case 'type':
        return t('register.document.wrongType', { type: problem.type });
      case 'unreadable':
        return t('register.document.unreadable');
    }
  };
  const number = index + 1;
  const ids = {
    title: fieldId.document(index, 'title'),
    kind: fieldId.document(index, 'kind'),
    file: fieldId.document(index, 'file'),
  };
  // A refused file says why at once; otherwise the validation's message, if any.
  const fileError = document.fileProblem ? problemText(document.fileProblem) : errorFor(ids.file);
  return (
    <fieldset className="register-row" data-testid="document-row">
      <legend className="register-row__legend">{t('register.document.legend', { number })}</legend>
      <div className="register-row__grid">
        <FormField
          id={ids.file}
          label={t('register.document.file')}
          hint={t('register.document.file.hint', { max: format.bytes(MAX_INLINE_DOCUMENT_BYTES) })}
          error={fileError}
          className="register-row__wide"
        >
          {(control) => (
            <input
              {...control}
              type="file"
              className="register-file"
              accept={ACCEPT}
              onChange={(event) => onFile(event.target.files?.[0] ?? null)}
            />
          )}
        </FormField>
        {document.file ? (
          <p className="register-file__chosen num register-row__wide" data-testid="document-chosen">
            {t('register.document.chosen', {
              name: document.file.name,
              size: format.bytes(document.file.size),
            })}
          </p>
        ) : null}
        <FormField id={ids.title} label={t('register.document.title')} error={errorFor(ids.title)}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={document.title}
              autoComplete="off"
              onChange={(event) => onChange({ title: event.target.value })}
            />
          )}
        </FormField>
        <FormField id={ids.kind} label={t('register.document.kind')} error={errorFor(ids.kind)}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={document.kind}
              onChange={(event) => onChange({ kind: event.target.value })}
            >
              <option value="">{t('register.choose')}</option>
              {DOCUMENT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {domainLabel(t, 'documentKind', kind)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="register-check">
          <input
            id={`${ids.title}-restricted`}
            type="checkbox"
            checked={document.restricted}
            onChange={(event) => onChange({ restricted: event.target.checked })}
          />
          <label htmlFor={`${ids.title}-restricted`}>{t('register.document.restricted')}</label>
        </div>
      </div>
      <button type="button" className="button button--quiet register-row__remove" onClick={onRemove}>
        {t('register.document.remove', { number })}
      </button>
    </fieldset>
  );
}

const DOCUMENT_KINDS = DOMAIN_CODES.documentKind;
