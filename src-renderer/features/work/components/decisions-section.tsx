import { WarningIcon } from '../../../components/icons';
import { useI18n } from '../../../i18n/use-t';
import type { DecisionDue } from '../api/work-queries';
import { daysFrom, localNoon } from '../lib/days';
import { OpenCaseButton, rowClick } from './open-case-button';
import { WorkSection } from './work-section';

function DecisionState({ today, decision }: { today: string; decision: DecisionDue }) {
  const { t, plural } = useI18n();
  const days = daysFrom(today, decision.dueOn);
  // The host decides what is overdue; the day count only adds how far.
  if (decision.overdue) {
    return (
      <span className="deadline deadline--overdue" data-testid="decision-overdue">
        <WarningIcon />
        <strong className="deadline__words">{t('work.decisions.overdue')}</strong>
        {days < 0 ? (
          <span className="deadline__date num">{plural('work.deadline.decision.overdueBy', -days)}</span>
        ) : null}
      </span>
    );
  }
  let words: string;
  if (days <= 0) words = t('work.deadline.decision.today');
  else if (days === 1) words = t('work.deadline.decision.tomorrow');
  else words = plural('work.deadline.decision.inDays', days);
  return <span className="deadline">{words}</span>;
}

interface DecisionsSectionProps {
  today: string;
  decisions: readonly DecisionDue[];
  onOpenCase: (caseId: string) => void;
}

export function DecisionsSection({ today, decisions, onOpenCase }: DecisionsSectionProps) {
  const { t, format } = useI18n();
  const sorted = [...decisions].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return (
    <WorkSection
      title={t('work.decisions.title')}
      count={decisions.length}
      className="work-section--decisions"
      testId="work-decisions"
      empty={
        decisions.length === 0
          ? { title: t('work.decisions.empty.title'), body: t('work.decisions.empty.body') }
          : null
      }
    >
      <table className="table work-table">
        <thead>
          <tr>
            <th scope="col">{t('work.decisions.due')}</th>
            <th scope="col">{t('work.decisions.case')}</th>
            <th scope="col">{t('work.decisions.state')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((decision) => {
            const open = () => onOpenCase(decision.caseId);
            return (
              <tr
                key={decision.caseId}
                className="work-row"
                data-testid="work-decision-row"
                onClick={rowClick(open)}
              >
                <td className="num nowrap">
                  <time dateTime={decision.dueOn}>{format.date(localNoon(decision.dueOn))}</time>
                </td>
                <td>
                  <OpenCaseButton number={decision.caseNumber} onOpen={open} />
                  <span className="work-subject">{decision.subject}</span>
                </td>
                <td>
                  <DecisionState today={today} decision={decision} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </WorkSection>
  );
}
