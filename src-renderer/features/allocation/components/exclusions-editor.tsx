import { useId, useState, type KeyboardEvent } from 'react';
import { PROCEDURE_TYPES, type ProcedureType } from '../../../../src-shared/domain/procedure-type';
import { procedureTypeKey } from '../../../i18n/domain-labels';
import { useT } from '../../../i18n/use-t';
import {
  isReason,
  nextExclusionKey,
  type AllocationErrorKey,
  type ExclusionRow,
  type JudgeRow,
} from '../lib/plan-draft';
import { describedBy, FieldError } from './field-error';

interface ExclusionsEditorProps {
  judges: readonly JudgeRow[];
  exclusions: readonly ExclusionRow[];
  onChange: (exclusions: ExclusionRow[]) => void;
}

const isProcedureType = (value: string): value is ProcedureType =>
  (PROCEDURE_TYPES as readonly string[]).includes(value);

/** Judges kept out of a procedure type or category (e.g. a conflict of interest), each with a reason. */
export function ExclusionsEditor({ judges, exclusions, onChange }: ExclusionsEditorProps) {
  const t = useT();
  const id = useId();
  const [judgeId, setJudgeId] = useState('');
  const [procedureType, setProcedureType] = useState<ProcedureType | ''>('');
  const [category, setCategory] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const names = new Map(judges.map((judge) => [judge.judgeId, judge.name]));
  const nameOf = (judge: string) => names.get(judge) ?? judge;
  const typeLabel = (type: ProcedureType | null) =>
    type ? t(procedureTypeKey(type)) : t('procedureType.all');

  const judgeError: AllocationErrorKey | undefined =
    tried && judgeId === '' ? 'allocation.error.judge' : undefined;
  const reasonError: AllocationErrorKey | undefined =
    tried && !isReason(reason) ? 'allocation.error.reason' : undefined;

  const add = () => {
    setTried(true);
    if (judgeId === '' || !isReason(reason)) return;
    onChange([
      ...exclusions,
      {
        key: nextExclusionKey(),
        judgeId,
        procedureType: procedureType === '' ? null : procedureType,
        category: category.trim() === '' ? null : category.trim(),
        reason: reason.trim(),
      },
    ]);
    setJudgeId('');
    setProcedureType('');
    setCategory('');
    setReason('');
    setTried(false);
  };
  // Enter here adds the exclusion; it must not adopt the whole plan.
  const onEnter = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  };

  return (
    <div className="allocation-block">
      <h3 className="allocation-subtitle">{t('allocation.exclusions.title')}</h3>
      {exclusions.length === 0 ? (
        <p className="muted">{t('allocation.exclusions.none')}</p>
      ) : (
        <table className="table" data-testid="exclusions">
          <thead>
            <tr>
              <th scope="col">{t('allocation.exclusions.judge')}</th>
              <th scope="col">{t('allocation.exclusions.procedureType')}</th>
              <th scope="col">{t('allocation.exclusions.category')}</th>
              <th scope="col">{t('allocation.exclusions.reason')}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {exclusions.map((exclusion) => (
              <tr key={exclusion.key}>
                <th scope="row">{nameOf(exclusion.judgeId)}</th>
                <td>{typeLabel(exclusion.procedureType)}</td>
                <td>{exclusion.category ?? t('allocation.exclusions.allCategories')}</td>
                <td className="allocation-wrap">{exclusion.reason}</td>
                <td>
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={t('allocation.exclusions.remove', {
                      name: nameOf(exclusion.judgeId),
                      type: typeLabel(exclusion.procedureType),
                    })}
                    onClick={() => onChange(exclusions.filter((other) => other.key !== exclusion.key))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <fieldset className="allocation-fieldset allocation-inline-form">
        <legend>{t('allocation.exclusions.addTitle')}</legend>
        <div className="allocation-field">
          <label htmlFor={`${id}-judge`}>{t('allocation.exclusions.judge')}</label>
          <select
            id={`${id}-judge`}
            className="select"
            value={judgeId}
            onChange={(event) => setJudgeId(event.target.value)}
            onKeyDown={onEnter}
            {...describedBy(`${id}-judge-error`, judgeError)}
          >
            <option value="">{t('allocation.absences.chooseJudge')}</option>
            {judges.map((judge) => (
              <option key={judge.judgeId} value={judge.judgeId}>
                {judge.name}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-judge-error`} messageKey={judgeError} />
        </div>
        <div className="allocation-field">
          <label htmlFor={`${id}-type`}>{t('allocation.exclusions.procedureType')}</label>
          <select
            id={`${id}-type`}
            className="select"
            value={procedureType}
            onChange={(event) => {
              const value = event.target.value;
              setProcedureType(isProcedureType(value) ? value : '');
            }}
            onKeyDown={onEnter}
          >
            <option value="">{t('procedureType.all')}</option>
            {PROCEDURE_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(procedureTypeKey(type))}
              </option>
            ))}
          </select>
        </div>
        <div className="allocation-field">
          <label htmlFor={`${id}-category`}>{t('allocation.exclusions.category')}</label>
          <input
            id={`${id}-category`}
            className="input"
            value={category}
            onChange={(event) => setCategory(event.target.value)}
            onKeyDown={onEnter}
          />
        </div>
        <div className="allocation-field allocation-field--grow">
          <label htmlFor={`${id}-reason`}>{t('allocation.exclusions.reason')}</label>
          <input
            id={`${id}-reason`}
            className="input"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            onKeyDown={onEnter}
            {...describedBy(`${id}-reason-error`, reasonError)}
          />
          <FieldError id={`${id}-reason-error`} messageKey={reasonError} />
        </div>
        <button type="button" className="button allocation-inline-form__submit" onClick={add}>
          {t('allocation.exclusions.add')}
        </button>
      </fieldset>
    </div>
  );
}
