import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { Loading } from '../../../components/loading';
import { useI18n } from '../../../i18n/use-t';
import { judgesQuery, planQuery } from '../api/allocation-queries';
import { PlanEditor } from './plan-editor';
import { RegisterNotice } from './register-notice';

/** The plan in force and the form that adopts its next version. */
export function PlanSection({ court }: { court: string }) {
  const { t, format } = useI18n();
  const plan = useQuery(planQuery(court));
  const judges = useQuery(judgesQuery(court));
  const [starting, setStarting] = useState(false);
  const [adopted, setAdopted] = useState<number | null>(null);
  const current = plan.data?.current ?? null;

  const body = () => {
    if (plan.isPending || judges.isPending) return <Loading label={t('allocation.loading')} />;
    if (plan.isError || judges.isError)
      return (
        <RegisterNotice
          error={plan.error ?? judges.error}
          kind="read"
          onRetry={() => {
            if (plan.isError) void plan.refetch();
            if (judges.isError) void judges.refetch();
          }}
        />
      );
    if (!current && !starting)
      return (
        <EmptyState title={t('allocation.plan.none.title')}>
          <span className="allocation-empty-body">
            {t('allocation.plan.none.body')}
            {judges.data.length === 0 ? (
              <span>{t('allocation.plan.noJudges')}</span>
            ) : (
              <button type="button" className="button allocation-primary" onClick={() => setStarting(true)}>
                {t('allocation.plan.start')}
              </button>
            )}
          </span>
        </EmptyState>
      );
    return (
      <PlanEditor
        key={current?.version ?? 'new'}
        court={court}
        plan={current}
        judges={judges.data}
        onAdopted={setAdopted}
      />
    );
  };

  return (
    <section className="allocation-section" aria-labelledby="allocation-plan-heading">
      <h2 className="allocation-section__title" id="allocation-plan-heading">
        {t('allocation.plan.title')}
      </h2>
      {current ? (
        <p className="allocation-meta muted num">
          {t('allocation.plan.inForce', {
            version: format.number(current.version),
            date: format.dateTime(current.createdAt),
          })}
        </p>
      ) : null}
      <p className="allocation-adopted" role="status" data-testid="plan-adopted">
        {adopted !== null ? t('allocation.adopted', { version: format.number(adopted) }) : ''}
      </p>
      {body()}
    </section>
  );
}
