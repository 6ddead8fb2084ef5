import { useQuery } from '@tanstack/react-query';
import { ErrorNotice } from '../../../components/error-notice';
import { Loading } from '../../../components/loading';
import { useI18n } from '../../../i18n/use-t';
import { myWorkQuery } from '../api/work-queries';
import { localNoon } from '../lib/days';
import { DecisionsSection } from './decisions-section';
import { HearingsSection } from './hearings-section';
import { MyCasesSection } from './my-cases-section';
import { PendingSection } from './pending-section';
import './work.css';

export interface WorkScreenProps {
  /** Opens a case file; the feature itself knows no routes. */
  onOpenCase: (caseId: string) => void;
}

/** The first screen of the day: own cases, today's and this week's hearings, decisions owed, outbox. */
export function WorkScreen({ onOpenCase }: WorkScreenProps) {
  const { t, format } = useI18n();
  const work = useQuery(myWorkQuery());
  return (
    <div className="work-screen" data-testid="work-screen">
      <header className="work-screen__header">
        <h1 className="work-screen__title">{t('work.title')}</h1>
        {work.data ? (
          <p className="work-screen__today num">
            {t('work.today', { date: format.date(localNoon(work.data.today)) })}
          </p>
        ) : null}
      </header>
      {work.isPending ? <Loading label={t('work.loading')} /> : null}
      {work.isError ? <ErrorNotice error={work.error} onRetry={() => void work.refetch()} /> : null}
      {work.data ? (
        <div className="work-grid">
          <MyCasesSection today={work.data.today} cases={work.data.myCases} onOpenCase={onOpenCase} />
          <HearingsSection span="today" hearings={work.data.hearingsToday} onOpenCase={onOpenCase} />
          <HearingsSection span="week" hearings={work.data.hearingsThisWeek} onOpenCase={onOpenCase} />
          <DecisionsSection
            today={work.data.today}
            decisions={work.data.decisionsDue}
            onOpenCase={onOpenCase}
          />
          <PendingSection pending={work.data.pending} />
        </div>
      ) : null}
    </div>
  );
}
