import { WarningIcon } from '../../../components/icons';
import { useI18n } from '../../../i18n/use-t';
import type { MyCase } from '../api/work-queries';
import { daysFrom } from '../lib/days';

type Deadline = NonNullable<MyCase['nextDeadline']>;

/** "Hearing in 3 days", "Decision overdue": words first, the date beside them for the exact day. */
export function DeadlineText({ today, deadline }: { today: string; deadline: Deadline }) {
  const { t, plural, format } = useI18n();
  const days = daysFrom(today, deadline.at);
  const overdue = deadline.kind === 'decision' && days < 0;
  let words: string;
  if (deadline.kind === 'hearing') {
    if (days < 0) words = t('work.deadline.hearing.past');
    else if (days === 0) words = t('work.deadline.hearing.today');
    else if (days === 1) words = t('work.deadline.hearing.tomorrow');
    else words = plural('work.deadline.hearing.inDays', days);
  } else if (overdue) words = t('work.deadline.decision.overdue');
  else if (days === 0) words = t('work.deadline.decision.today');
  else if (days === 1) words = t('work.deadline.decision.tomorrow');
  else words = plural('work.deadline.decision.inDays', days);

  return (
    <span className={overdue ? 'deadline deadline--overdue' : 'deadline'}>
      {overdue ? <WarningIcon /> : null}
      <span className="deadline__words">{words}</span>
      <time className="deadline__date num" dateTime={deadline.at}>
        {deadline.kind === 'hearing' ? format.dateTime(deadline.at) : format.date(deadline.at)}
      </time>
    </span>
  );
}
