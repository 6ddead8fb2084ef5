import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../i18n/use-t';
import { judgesQuery, planQuery } from '../api/allocation-queries';

/** Every version of the plan, newest first: who changed the rules, when and why (domain.md). */
export function HistorySection({ court }: { court: string }) {
  const { t, format } = useI18n();
  const plan = useQuery(planQuery(court));
  // Names where the author is a judge of the court; otherwise the register's user id is shown.
  const judges = useQuery(judgesQuery(court));
  const names = new Map((judges.data ?? []).map((judge) => [judge.id, judge.name]));
  const versions = [...(plan.data?.versions ?? [])].sort((a, b) => b.version - a.version);

  return (
    <section className="allocation-section" aria-labelledby="allocation-history-heading">
      <h2 className="allocation-section__title" id="allocation-history-heading">
        {t('allocation.history.title')}
      </h2>
      {plan.data && versions.length === 0 ? <p className="muted">{t('allocation.history.none')}</p> : null}
      {versions.length > 0 ? (
        <div className="allocation-table-wrap">
          <table className="table" data-testid="plan-history">
            <caption className="visually-hidden">{t('allocation.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="table__numeric">
                  {t('allocation.history.version')}
                </th>
                <th scope="col">{t('allocation.history.date')}</th>
                <th scope="col">{t('allocation.history.by')}</th>
                <th scope="col">{t('allocation.history.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((version) => (
                <tr key={version.version}>
                  <th scope="row" className="table__numeric num">
                    {format.number(version.version)}
                  </th>
                  <td className="num nowrap">{format.dateTime(version.createdAt)}</td>
                  <td>
                    {version.createdBy === null
                      ? t('allocation.history.system')
                      : (names.get(version.createdBy) ?? version.createdBy)}
                  </td>
                  <td className="allocation-wrap">{version.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
