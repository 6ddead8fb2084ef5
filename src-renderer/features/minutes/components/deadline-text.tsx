import type { MinutesDeadline } from '../../../../src-shared/contract/minutes';
import { useI18n } from '../../../i18n/use-t';
import { formatDueDate } from '../lib/labels';

/** "tähtaeg 4. dets, 2 tööpäeva"; overdue in the danger colour with the days it is late. */
export function DeadlineText({ deadline, done }: { deadline: MinutesDeadline; done: boolean }) {
  const { t, plural, locale } = useI18n();
  const left = deadline.workingDaysLeft;
  const days =
    left < 0
      ? t('minutes.deadline.overdue', { count: -left })
      : left === 0
        ? t('minutes.deadline.today')
        : plural('minutes.deadline.days', left);
  const overdue = left < 0 && !done;
  return (
    <span
      className={`minutes-deadline${overdue ? ' minutes-deadline--overdue' : ''}`}
      data-testid="minutes-deadline"
      data-overdue={overdue ? 'true' : undefined}
    >
      <time dateTime={deadline.dueDate}>
        {t('minutes.deadline.text', { date: formatDueDate(deadline.dueDate, locale), days })}
      </time>
    </span>
  );
}
