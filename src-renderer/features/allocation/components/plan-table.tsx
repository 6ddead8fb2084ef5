import { useId } from 'react';
import { PROCEDURE_TYPES } from '../../../../src-shared/domain/procedure-type';
import { procedureTypeKey } from '../../../i18n/domain-labels';
import { useT } from '../../../i18n/use-t';
import { toggleType, type JudgeRow, type PlanErrors } from '../lib/plan-draft';
import { describedBy, FieldError } from './field-error';

interface PlanTableProps {
  rows: readonly JudgeRow[];
  errors: PlanErrors;
  onChange: (judgeId: string, change: Partial<JudgeRow>) => void;
}

/** Judges × procedure types: who receives what, at which weight, in which categories and panels. */
export function PlanTable({ rows, errors, onChange }: PlanTableProps) {
  const t = useT();
  const id = useId();
  return (
    <div className="allocation-table-wrap">
      <table className="table allocation-plan-table">
        <caption className="allocation-caption">{t('allocation.plan.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('allocation.plan.judge')}</th>
            {PROCEDURE_TYPES.map((type) => (
              <th scope="col" key={type} className="allocation-plan-table__type">
                {t(procedureTypeKey(type))}
              </th>
            ))}
            <th scope="col">{t('allocation.plan.weight')}</th>
            <th scope="col">{t('allocation.plan.categories')}</th>
            <th scope="col">{t('allocation.plan.panelMember')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const weightError = errors[`weight:${row.judgeId}`];
            const weightErrorId = `${id}-weight-${row.judgeId}`;
            const name = row.name;
            return (
              <tr key={row.judgeId} data-testid="plan-row">
                <th scope="row">
                  <span className="allocation-plan-table__name">{name}</span>
                  {row.types.length === 0 ? (
                    <span className="allocation-plan-table__out muted">{t('allocation.plan.notInPlan')}</span>
                  ) : null}
                </th>
                {PROCEDURE_TYPES.map((type) => (
                  <td key={type} className="allocation-plan-table__type">
                    <input
                      type="checkbox"
                      aria-label={t('allocation.plan.takes', { name, type: t(procedureTypeKey(type)) })}
                      checked={row.types.includes(type)}
                      onChange={(event) =>
                        onChange(row.judgeId, { types: toggleType(row.types, type, event.target.checked) })
                      }
                    />
                  </td>
                ))}
                <td>
                  <input
                    type="number"
                    inputMode="decimal"
                    className="input allocation-weight num"
                    min="0.05"
                    max="2"
                    step="0.05"
                    aria-label={t('allocation.plan.weightOf', { name })}
                    value={row.weight}
                    onChange={(event) => onChange(row.judgeId, { weight: event.target.value })}
                    {...describedBy(weightErrorId, weightError)}
                  />
                  <FieldError id={weightErrorId} messageKey={weightError} />
                </td>
                <td>
                  <input
                    type="text"
                    className="input allocation-categories"
                    aria-label={t('allocation.plan.categoriesOf', { name })}
                    value={row.categories}
                    onChange={(event) => onChange(row.judgeId, { categories: event.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('allocation.plan.panelMemberOf', { name })}
                    checked={row.panelMember}
                    onChange={(event) => onChange(row.judgeId, { panelMember: event.target.checked })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FieldError id={`${id}-entries`} messageKey={errors.entries} />
    </div>
  );
}
