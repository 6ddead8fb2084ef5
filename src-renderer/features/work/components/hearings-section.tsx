import { domainLabel } from '../../../i18n/domain-labels';
import { useI18n } from '../../../i18n/use-t';
import type { WorkHearing } from '../api/work-queries';
import { useTimeFormat } from '../lib/time-format';
import { OpenCaseButton, rowClick } from './open-case-button';
import { WorkSection } from './work-section';

interface HearingsSectionProps {
  /** Today's hearings show their time only; the week's show the date as well. */
  span: 'today' | 'week';
  hearings: readonly WorkHearing[];
  onOpenCase: (caseId: string) => void;
}

export function HearingsSection({ span, hearings, onOpenCase }: HearingsSectionProps) {
  const { t, format } = useI18n();
  const time = useTimeFormat();
  const sorted = [...hearings].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const today = span === 'today';
  return (
    <WorkSection
      title={today ? t('work.hearingsToday.title') : t('work.hearingsWeek.title')}
      count={hearings.length}
      className={today ? 'work-section--today' : 'work-section--week'}
      testId={today ? 'work-hearings-today' : 'work-hearings-week'}
      empty={
        hearings.length > 0
          ? null
          : today
            ? { title: t('work.hearingsToday.empty.title'), body: t('work.hearingsToday.empty.body') }
            : { title: t('work.hearingsWeek.empty.title'), body: t('work.hearingsWeek.empty.body') }
      }
    >
      <table className="table work-table">
        <thead>
          <tr>
            <th scope="col">{t('work.hearings.time')}</th>
            <th scope="col">{t('work.hearings.room')}</th>
            <th scope="col">{t('work.hearings.case')}</th>
            <th scope="col">{t('work.hearings.kind')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((hearing) => {
            const open = () => onOpenCase(hearing.caseId);
            return (
              <tr
                key={hearing.hearingId}
                className="work-row"
                data-testid="work-hearing-row"
                onClick={rowClick(open)}
              >
                <td className="num nowrap">
                  <time dateTime={hearing.startsAt}>
                    {today ? time(hearing.startsAt) : format.dateTime(hearing.startsAt)}
                  </time>
                </td>
                <td>{hearing.room}</td>
                <td>
                  <OpenCaseButton number={hearing.caseNumber} onOpen={open} />
                  <span className="work-subject">{hearing.subject}</span>
                </td>
                <td>
                  {domainLabel(t, 'hearingKind', hearing.kind)}
                  {hearing.public ? null : <span className="work-note">{t('work.hearings.closed')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </WorkSection>
  );
}
