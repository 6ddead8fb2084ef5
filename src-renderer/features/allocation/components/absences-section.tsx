import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Loading } from '../../../components/loading';
import { useI18n } from '../../../i18n/use-t';
import { judgesQuery } from '../api/allocation-queries';
import { useAddAbsence } from '../hooks/use-allocation-mutations';
import { isReason, type AllocationErrorKey } from '../lib/plan-draft';
import { describedBy, FieldError } from './field-error';
import { RegisterNotice } from './register-notice';

interface AbsenceDraft {
  judgeId: string;
  from: string;
  to: string;
  reason: string;
}

const EMPTY: AbsenceDraft = { judgeId: '', from: '', to: '', reason: '' };
type AbsenceErrors = Partial<Record<keyof AbsenceDraft, AllocationErrorKey>>;

function validate(draft: AbsenceDraft): AbsenceErrors {
  const errors: AbsenceErrors = {};
  if (draft.judgeId === '') errors.judgeId = 'allocation.error.judge';
  if (draft.from === '') errors.from = 'allocation.error.date';
  if (draft.to === '') errors.to = 'allocation.error.date';
  else if (draft.from !== '' && draft.to < draft.from) errors.to = 'allocation.error.dateOrder';
  if (!isReason(draft.reason)) errors.reason = 'allocation.error.reason';
  return errors;
}

/** Absent judges draw no cases: each judge's recorded absences and a form to record one. */
export function AbsencesSection({ court }: { court: string }) {
  const { t, format } = useI18n();
  const id = useId();
  const judges = useQuery(judgesQuery(court));
  const add = useAddAbsence(court);
  const [draft, setDraft] = useState<AbsenceDraft>(EMPTY);
  const [submitted, setSubmitted] = useState(false);
  const errors = submitted ? validate(draft) : {};
  const set = (change: Partial<AbsenceDraft>) => setDraft((current) => ({ ...current, ...change }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(validate(draft)).length > 0) return;
    add.mutate(
      { judgeId: draft.judgeId, from: draft.from, to: draft.to, reason: draft.reason.trim() },
      {
        onSuccess: () => {
          setDraft(EMPTY);
          setSubmitted(false);
        },
      },
    );
  };

  const field = (name: keyof AbsenceDraft) => ({
    id: `${id}-${name}`,
    value: draft[name],
    onChange: (event: { target: { value: string } }) => set({ [name]: event.target.value }),
    ...describedBy(`${id}-${name}-error`, errors[name]),
  });

  return (
    <section className="allocation-section" aria-labelledby="allocation-absences-heading">
      <h2 className="allocation-section__title" id="allocation-absences-heading">
        {t('allocation.absences.title')}
      </h2>
      {judges.isPending ? <Loading label={t('allocation.loading')} /> : null}
      {judges.isError ? (
        <RegisterNotice error={judges.error} kind="read" onRetry={() => void judges.refetch()} />
      ) : null}
      {judges.data ? (
        <ul className="allocation-absences" data-testid="absences">
          {judges.data.map((judge) => (
            <li key={judge.id} className="allocation-absences__judge">
              <span className="allocation-absences__name">{judge.name}</span>
              {judge.absences.length === 0 ? (
                <span className="muted">{t('allocation.absences.none')}</span>
              ) : (
                <ul className="allocation-absences__list">
                  {[...judge.absences]
                    .sort((a, b) => a.from.localeCompare(b.from))
                    .map((absence) => (
                      <li key={absence.id} data-testid="absence">
                        <span className="num nowrap">
                          {t('allocation.absences.range', {
                            from: format.date(absence.from),
                            to: format.date(absence.to),
                          })}
                        </span>{' '}
                        <span className="muted allocation-wrap">{absence.reason}</span>
                      </li>
                    ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {judges.data && judges.data.length > 0 ? (
        <form className="allocation-inline-form" noValidate onSubmit={onSubmit} data-testid="absence-form">
          <h3 className="allocation-subtitle allocation-inline-form__title">
            {t('allocation.absences.formTitle')}
          </h3>
          <div className="allocation-field">
            <label htmlFor={`${id}-judgeId`}>{t('allocation.absences.judge')}</label>
            <select className="select" {...field('judgeId')}>
              <option value="">{t('allocation.absences.chooseJudge')}</option>
              {judges.data.map((judge) => (
                <option key={judge.id} value={judge.id}>
                  {judge.name}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-judgeId-error`} messageKey={errors.judgeId} />
          </div>
          <div className="allocation-field">
            <label htmlFor={`${id}-from`}>{t('allocation.absences.from')}</label>
            <input type="date" className="input num" {...field('from')} />
            <FieldError id={`${id}-from-error`} messageKey={errors.from} />
          </div>
          <div className="allocation-field">
            <label htmlFor={`${id}-to`}>{t('allocation.absences.to')}</label>
            <input type="date" className="input num" min={draft.from || undefined} {...field('to')} />
            <FieldError id={`${id}-to-error`} messageKey={errors.to} />
          </div>
          <div className="allocation-field allocation-field--grow">
            <label htmlFor={`${id}-reason`}>{t('allocation.absences.reason')}</label>
            <input className="input" {...field('reason')} />
            <FieldError id={`${id}-reason-error`} messageKey={errors.reason} />
          </div>
          <button type="submit" className="button allocation-inline-form__submit" disabled={add.isPending}>
            {t('allocation.absences.submit')}
          </button>
          <p className="allocation-inline-form__status" role="status">
            {add.isSuccess ? t('allocation.absences.saved') : ''}
          </p>
          {add.isError ? <RegisterNotice error={add.error} kind="write" /> : null}
        </form>
      ) : null}
    </section>
  );
}
