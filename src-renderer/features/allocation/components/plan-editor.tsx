import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { PROCEDURE_TYPES } from '../../../../src-shared/domain/procedure-type';
import { procedureTypeKey } from '../../../i18n/domain-labels';
import { useT } from '../../../i18n/use-t';
import type { AllocationPlan, CourtJudge } from '../api/allocation-queries';
import { usePutPlan } from '../hooks/use-allocation-mutations';
import {
  draftFromPlan,
  draftToRequest,
  toggleType,
  validateDraft,
  type JudgeRow,
  type PlanDraft,
} from '../lib/plan-draft';
import { ExclusionsEditor } from './exclusions-editor';
import { describedBy, FieldError } from './field-error';
import { PlanTable } from './plan-table';
import { RegisterNotice } from './register-notice';

interface PlanEditorProps {
  court: string;
  /** The plan in force, or null to start the first one from the court's judges. */
  plan: AllocationPlan | null;
  judges: readonly CourtJudge[];
  onAdopted: (version: number) => void;
}

/**
 * The next version of the plan, edited in place. Mounted per plan version: after a version is
 * adopted the editor starts again from it, while a failed save keeps every edit in the form.
 */
export function PlanEditor({ court, plan, judges, onAdopted }: PlanEditorProps) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState<PlanDraft>(() => draftFromPlan(plan, judges));
  const [submitted, setSubmitted] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  // Told from the hook: the new version re-mounts this editor before a per-call callback could run.
  const save = usePutPlan(court, onAdopted);
  const errors = submitted ? validateDraft(draft) : {};
  const invalid = Object.keys(errors).length > 0;

  useEffect(() => {
    // After a refused attempt, focus goes to the summary, which says what to correct.
    if (attempt > 0) summaryRef.current?.focus();
  }, [attempt]);

  const changeRow = (judgeId: string, change: Partial<JudgeRow>) =>
    setDraft((current) => ({
      ...current,
      rows: current.rows.map((row) => (row.judgeId === judgeId ? { ...row, ...change } : row)),
    }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(validateDraft(draft)).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    save.mutate(draftToRequest(draft));
  };

  const reasonErrorId = `${id}-reason-error`;
  const reasonHintId = `${id}-reason-hint`;
  return (
    <form className="allocation-form" noValidate onSubmit={onSubmit} data-testid="plan-form">
      {invalid ? (
        <p className="allocation-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          {t('allocation.invalid')}
        </p>
      ) : null}
      <PlanTable rows={draft.rows} errors={errors} onChange={changeRow} />
      <fieldset className="allocation-fieldset allocation-block">
        <legend>
          <span className="allocation-subtitle">{t('allocation.panels.title')}</span>
          <span className="allocation-legend-text muted">{t('allocation.panels.legend')}</span>
        </legend>
        <div className="allocation-checks">
          {PROCEDURE_TYPES.map((type) => (
            <label key={type} className="allocation-check">
              <input
                type="checkbox"
                checked={draft.panelProcedureTypes.includes(type)}
                onChange={(event) =>
                  setDraft((current) => ({
                    ...current,
                    panelProcedureTypes: toggleType(current.panelProcedureTypes, type, event.target.checked),
                  }))
                }
              />
              {t(procedureTypeKey(type))}
            </label>
          ))}
        </div>
      </fieldset>
      <ExclusionsEditor
        judges={draft.rows}
        exclusions={draft.exclusions}
        onChange={(exclusions) => setDraft((current) => ({ ...current, exclusions }))}
      />
      <div className="allocation-field allocation-reason">
        <label htmlFor={`${id}-reason`}>{t('allocation.reason.label')}</label>
        <p className="allocation-hint muted" id={reasonHintId}>
          {t('allocation.reason.hint')}
        </p>
        <textarea
          id={`${id}-reason`}
          className="input allocation-textarea"
          rows={2}
          required
          value={draft.reason}
          onChange={(event) => setDraft((current) => ({ ...current, reason: event.target.value }))}
          {...describedBy(reasonErrorId, errors.reason, reasonHintId)}
        />
        <FieldError id={reasonErrorId} messageKey={errors.reason} />
      </div>
      {save.isError ? <RegisterNotice error={save.error} kind="write" /> : null}
      <div className="allocation-actions">
        <button type="submit" className="button allocation-primary" disabled={save.isPending}>
          {save.isPending ? t('allocation.saving') : t('allocation.save')}
        </button>
      </div>
    </form>
  );
}
