import { useId, useState } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { useT } from '../../../i18n/use-t';
import { AbsencesSection } from './absences-section';
import './allocation.css';
import { HistorySection } from './history-section';
import { PlanSection } from './plan-section';
import { StatisticsSection } from './statistics-section';

interface AllocationScreenProps {
  /** Courts where the user has `allocation.manage` (`courtsWhere(user, 'allocation.manage')`). */
  courts: readonly string[];
}

/** The court president's screen: the plan in force, absences, the plan's history and statistics. */
export function AllocationScreen({ courts }: AllocationScreenProps) {
  const t = useT();
  const selectId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const court = chosen !== null && courts.includes(chosen) ? chosen : (courts[0] ?? null);

  return (
    <div className="allocation-screen" data-testid="allocation-screen">
      <header className="allocation-screen__header">
        <h1 className="allocation-screen__title">{t('allocation.title')}</h1>
        {court !== null && courts.length > 1 ? (
          <div className="field-inline">
            <label htmlFor={selectId}>{t('allocation.court')}</label>
            <select
              id={selectId}
              className="select"
              value={court}
              onChange={(event) => setChosen(event.target.value)}
            >
              {courts.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {court !== null && courts.length === 1 ? (
          <p className="allocation-screen__court muted">{t('allocation.courtOf', { court })}</p>
        ) : null}
      </header>
      {court === null ? (
        <EmptyState title={t('allocation.noCourts.title')}>{t('allocation.noCourts.body')}</EmptyState>
      ) : (
        // Keyed by court: no draft, message or period of one court carries over to another.
        <div className="allocation-screen__body" key={court}>
          <PlanSection court={court} />
          <AbsencesSection court={court} />
          <HistorySection court={court} />
          <StatisticsSection court={court} />
        </div>
      )}
    </div>
  );
}
