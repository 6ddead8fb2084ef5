import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { PROCEDURE_TYPES } from '../../../../src-shared/domain/procedure-type';
import { EmptyState } from '../../../components/empty-state';
import { Loading } from '../../../components/loading';
import { procedureTypeKey } from '../../../i18n/domain-labels';
import { useI18n } from '../../../i18n/use-t';
import { statisticsQuery, type CourtStatistics } from '../api/allocation-queries';
import type { AllocationErrorKey } from '../lib/plan-draft';
import { daysFormatter, defaultPeriod, percentFormatter, totalsOf } from '../lib/statistics';
import { describedBy, FieldError } from './field-error';
import { RegisterNotice } from './register-notice';

type Row = CourtStatistics['rows'][number];

/** By judge (cases with no judge last), then in the statute's order of procedure types. */
function ordered(rows: readonly Row[]): Row[] {
  return [...rows].sort((a, b) => {
    if ((a.judgeName === null) !== (b.judgeName === null)) return a.judgeName === null ? 1 : -1;
    const byName = (a.judgeName ?? '').localeCompare(b.judgeName ?? '', 'et');
    if (byName !== 0) return byName;
    return PROCEDURE_TYPES.indexOf(a.procedureType) - PROCEDURE_TYPES.indexOf(b.procedureType);
  });
}

/** Journey 4: workload and clearance per judge and case type, for a period (CEPEJ indicators). */
export function StatisticsSection({ court }: { court: string }) {
  const { t, format, locale } = useI18n();
  const id = useId();
  const [period, setPeriod] = useState(defaultPeriod);
  const periodError: AllocationErrorKey | undefined =
    period.from === '' || period.to === ''
      ? 'allocation.error.date'
      : period.to < period.from
        ? 'allocation.error.dateOrder'
        : undefined;
  const stats = useQuery({
    ...statisticsQuery(court, period),
    enabled: periodError === undefined,
    placeholderData: keepPreviousData,
  });
  const percent = percentFormatter(locale);
  const days = daysFormatter(locale);
  const rate = (value: number | null) =>
    value === null ? t('allocation.stats.notApplicable') : percent(value);
  const time = (value: number | null) => (value === null ? t('allocation.stats.notApplicable') : days(value));
  // The five indicators, the same for a judge's row and for the totals.
  const indicators = (
    v: Pick<Row, 'pending' | 'incoming' | 'resolved' | 'clearanceRate' | 'dispositionTimeDays'>,
  ) => (
    <>
      <td className="table__numeric num">{format.number(v.pending)}</td>
      <td className="table__numeric num">{format.number(v.incoming)}</td>
      <td className="table__numeric num">{format.number(v.resolved)}</td>
      <td className="table__numeric num">{rate(v.clearanceRate)}</td>
      <td className="table__numeric num">{time(v.dispositionTimeDays)}</td>
    </>
  );
  const data = stats.data;
  const totals = data ? totalsOf(data.rows) : null;

  return (
    <section className="allocation-section" aria-labelledby="allocation-stats-heading">
      <h2 className="allocation-section__title" id="allocation-stats-heading">
        {t('allocation.stats.title')}
      </h2>
      <fieldset className="allocation-fieldset allocation-inline-form">
        <legend>{t('allocation.stats.period')}</legend>
        <div className="allocation-field">
          <label htmlFor={`${id}-from`}>{t('allocation.stats.from')}</label>
          <input
            id={`${id}-from`}
            type="date"
            className="input num"
            value={period.from}
            onChange={(event) => setPeriod((current) => ({ ...current, from: event.target.value }))}
          />
        </div>
        <div className="allocation-field">
          <label htmlFor={`${id}-to`}>{t('allocation.stats.to')}</label>
          <input
            id={`${id}-to`}
            type="date"
            className="input num"
            value={period.to}
            onChange={(event) => setPeriod((current) => ({ ...current, to: event.target.value }))}
            {...describedBy(`${id}-error`, periodError)}
          />
          <FieldError id={`${id}-error`} messageKey={periodError} />
        </div>
      </fieldset>
      {stats.isPending && periodError === undefined ? (
        <Loading label={t('allocation.stats.loading')} />
      ) : null}
      {stats.isError ? (
        <RegisterNotice error={stats.error} kind="read" onRetry={() => void stats.refetch()} />
      ) : null}
      {data && data.rows.length === 0 ? (
        <EmptyState title={t('allocation.stats.empty')}>
          {t('allocation.stats.caption', { from: format.date(data.from), to: format.date(data.to) })}
        </EmptyState>
      ) : null}
      {data && totals && data.rows.length > 0 ? (
        <div className="allocation-table-wrap">
          <table
            className="table allocation-stats"
            data-testid="statistics"
            aria-busy={stats.isPlaceholderData}
          >
            <caption className="allocation-caption">
              <span className="allocation-caption__lead">
                {t('allocation.stats.caption', { from: format.date(data.from), to: format.date(data.to) })}
              </span>
              <span>{t('allocation.stats.explainPending')}</span>
              <span>{t('allocation.stats.explainIncoming')}</span>
              <span>{t('allocation.stats.explainResolved')}</span>
              <span>{t('allocation.stats.explainClearance')}</span>
              <span>{t('allocation.stats.explainDisposition')}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('allocation.stats.judge')}</th>
                <th scope="col">{t('allocation.stats.procedureType')}</th>
                <th scope="col" className="table__numeric">
                  {t('allocation.stats.pending')}
                </th>
                <th scope="col" className="table__numeric">
                  {t('allocation.stats.incoming')}
                </th>
                <th scope="col" className="table__numeric">
                  {t('allocation.stats.resolved')}
                </th>
                <th scope="col" className="table__numeric">
                  {t('allocation.stats.clearanceRate')}
                </th>
                <th scope="col" className="table__numeric">
                  {t('allocation.stats.dispositionTime')}
                </th>
              </tr>
            </thead>
            <tbody>
              {ordered(data.rows).map((row) => (
                <tr key={`${row.judgeId ?? '-'}:${row.procedureType}`} data-testid="statistics-row">
                  <th scope="row">{row.judgeName ?? t('allocation.stats.unallocated')}</th>
                  <td>{t(procedureTypeKey(row.procedureType))}</td>
                  {indicators(row)}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-testid="statistics-total">
                <th scope="row" colSpan={2}>
                  {t('allocation.stats.total')}
                </th>
                {indicators(totals)}
              </tr>
            </tfoot>
          </table>
        </div>
      ) : null}
    </section>
  );
}
