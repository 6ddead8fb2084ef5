import { type FormEvent, useEffect, useRef, useState } from 'react';
import { CaseRestriction } from '../../../../src-shared/domain/case';
import { PROCEDURE_TYPES, ProcedureType } from '../../../../src-shared/domain/procedure-type';
import { AppError } from '../../../../src-shared/contract/result';
import { ErrorNotice } from '../../../components/error-notice';
import { procedureTypeKey, restrictionKey } from '../../../i18n/domain-labels';
import { useT } from '../../../i18n/use-t';
import { MAX_DOCUMENTS, MAX_PARTIES, type useRegistrationForm } from '../hooks/use-registration-form';
import { fieldId } from '../lib/registration-draft';
import { DocumentFields } from './document-fields';
import { ErrorSummary } from './error-summary';
import { FormField } from './form-field';
import { PartyFields } from './party-fields';

interface RegistrationFormProps {
  courts: readonly string[];
  form: ReturnType<typeof useRegistrationForm>;
}

export function RegistrationForm({ courts, form }: RegistrationFormProps) {
  const t = useT();
  const { draft, errors, mutation } = form;
  const summaryRef = useRef<HTMLDivElement>(null);
  const [focusSummary, setFocusSummary] = useState(0);
  useEffect(() => {
    if (focusSummary > 0) summaryRef.current?.focus();
  }, [focusSummary]);

  const errorFor = (id: string) => {
    const found = errors.find((error) => error.fieldId === id);
    return found ? t(found.message) : undefined;
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    if (form.submit().length > 0) setFocusSummary((count) => count + 1);
  };
  const offline = mutation.error instanceof AppError && mutation.error.code === 'unavailable';

  return (
    <form className="register-form" noValidate onSubmit={onSubmit} aria-labelledby="register-title">
      {errors.length > 0 ? <ErrorSummary ref={summaryRef} errors={errors} /> : null}
      <section className="register-section" aria-labelledby="register-case-title">
        <h2 className="register-section__legend" id="register-case-title">
          {t('register.section.case')}
        </h2>
        <div className="register-section__grid">
          {courts.length > 1 ? (
            <FormField id={fieldId.courtCode} label={t('register.court')} error={errorFor(fieldId.courtCode)}>
              {(control) => (
                <select
                  {...control}
                  className="select"
                  value={draft.courtCode}
                  onChange={(event) => form.update({ courtCode: event.target.value })}
                >
                  <option value="">{t('register.choose')}</option>
                  {courts.map((court) => (
                    <option key={court} value={court}>
                      {court}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          ) : (
            <p className="register-court" data-testid="register-court">
              {t('register.court.single', { court: draft.courtCode })}
            </p>
          )}
          <FormField
            id={fieldId.procedureType}
            label={t('register.procedureType')}
            error={errorFor(fieldId.procedureType)}
          >
            {(control) => (
              <select
                {...control}
                className="select"
                value={draft.procedureType}
                onChange={(event) => {
                  const parsed = ProcedureType.safeParse(event.target.value);
                  form.setProcedureType(parsed.success ? parsed.data : '');
                }}
              >
                <option value="">{t('register.choose')}</option>
                {PROCEDURE_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(procedureTypeKey(type))}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField
            id={fieldId.subject}
            label={t('register.subject')}
            hint={t('register.subject.hint')}
            error={errorFor(fieldId.subject)}
            className="register-section__wide"
          >
            {(control) => (
              <textarea
                {...control}
                className="input register-textarea"
                rows={2}
                value={draft.subject}
                onChange={(event) => form.update({ subject: event.target.value })}
              />
            )}
          </FormField>
          <FormField
            id={fieldId.category}
            label={t('register.category')}
            hint={t('register.optional')}
            error={errorFor(fieldId.category)}
          >
            {(control) => (
              <input
                {...control}
                className="input"
                value={draft.category}
                autoComplete="off"
                onChange={(event) => form.update({ category: event.target.value })}
              />
            )}
          </FormField>
          {draft.procedureType === 'civil' ? (
            <FormField
              id={fieldId.claimValue}
              label={t('register.claimValue')}
              hint={t('register.claimValue.hint')}
              error={errorFor(fieldId.claimValue)}
            >
              {(control) => (
                <input
                  {...control}
                  className="input num"
                  inputMode="decimal"
                  value={draft.claimValue}
                  autoComplete="off"
                  onChange={(event) => form.update({ claimValue: event.target.value })}
                />
              )}
            </FormField>
          ) : null}
          <FormField
            id={fieldId.restriction}
            label={t('register.restriction')}
            hint={t('register.restriction.hint')}
            error={errorFor(fieldId.restriction)}
          >
            {(control) => (
              <select
                {...control}
                className="select"
                value={draft.restriction}
                onChange={(event) => {
                  const parsed = CaseRestriction.safeParse(event.target.value);
                  if (parsed.success) form.update({ restriction: parsed.data });
                }}
              >
                {CaseRestriction.options.map((restriction) => (
                  <option key={restriction} value={restriction}>
                    {t(restrictionKey(restriction))}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
      </section>

      <section className="register-section" aria-labelledby="register-parties-title">
        <h2 className="register-section__legend" id="register-parties-title">
          {t('register.section.parties')}
        </h2>
        {draft.parties.map((party, index) => (
          <PartyFields
            key={party.key}
            index={index}
            party={party}
            procedureType={draft.procedureType}
            errors={errors}
            canRemove={draft.parties.length > 1}
            onChange={(change) => form.updateParty(party.key, change)}
            onRemove={() => form.removeParty(party.key)}
          />
        ))}
        {errorFor(fieldId.addParty) ? (
          <p className="form-field__error" id={`${fieldId.addParty}-error`}>
            {errorFor(fieldId.addParty)}
          </p>
        ) : null}
        <button
          type="button"
          id={fieldId.addParty}
          className="button"
          disabled={draft.parties.length >= MAX_PARTIES}
          aria-describedby={errorFor(fieldId.addParty) ? `${fieldId.addParty}-error` : undefined}
          onClick={form.addParty}
        >
          {t('register.party.add')}
        </button>
      </section>

      <section className="register-section" aria-labelledby="register-documents-title">
        <h2 className="register-section__legend" id="register-documents-title">
          {t('register.section.documents')}
        </h2>
        {draft.documents.length === 0 ? <p className="muted">{t('register.documents.none')}</p> : null}
        {draft.documents.map((document, index) => (
          <DocumentFields
            key={document.key}
            index={index}
            document={document}
            errors={errors}
            onChange={(change) => form.updateDocument(document.key, change)}
            onFile={(file) => void form.attachFile(document.key, file)}
            onRemove={() => form.removeDocument(document.key)}
          />
        ))}
        <button
          type="button"
          className="button"
          disabled={draft.documents.length >= MAX_DOCUMENTS}
          onClick={form.addDocument}
        >
          {t('register.document.add')}
        </button>
      </section>

      {offline ? (
        <div className="notice notice--error" role="alert" data-testid="register-offline">
          <p className="notice__text">{t('register.offline.title')}</p>
          <p>{t('register.offline.body')}</p>
        </div>
      ) : null}
      {mutation.isError && !offline ? <ErrorNotice error={mutation.error} /> : null}

      <div className="register-form__actions">
        <button type="submit" className="button register-button--primary" aria-disabled={mutation.isPending}>
          {mutation.isPending
            ? t('register.submitting')
            : mutation.isError
              ? t('register.submitAgain')
              : t('register.submit')}
        </button>
      </div>
    </form>
  );
}
