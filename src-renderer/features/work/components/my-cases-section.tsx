import { LockIcon } from '../../../components/icons';
import { caseStatusKey, restrictionKey } from '../../../i18n/domain-labels';
import { useT } from '../../../i18n/use-t';
import type { MyCase } from '../api/work-queries';
import { DeadlineText } from './deadline-text';
import { OpenCaseButton, rowClick } from './open-case-button';
import { WorkSection } from './work-section';

/** Nearest deadline first; cases with nothing pending after them, by number. */
function byDeadline(a: MyCase, b: MyCase): number {
  const at = (item: MyCase) => (item.nextDeadline ? Date.parse(item.nextDeadline.at) : Infinity);
  return at(a) - at(b) || a.number.localeCompare(b.number, undefined, { numeric: true });
}

interface MyCasesSectionProps {
  today: string;
  cases: readonly MyCase[];
  onOpenCase: (caseId: string) => void;
}

export function MyCasesSection({ today, cases, onOpenCase }: MyCasesSectionProps) {
  const t = useT();
  const sorted = [...cases].sort(byDeadline);
  return (
    <WorkSection
      title={t('work.cases.title')}
      count={cases.length}
      className="work-section--cases"
      testId="work-my-cases"
      empty={
        cases.length === 0 ? { title: t('work.cases.empty.title'), body: t('work.cases.empty.body') } : null
      }
    >
      <table className="table work-table">
        <thead>
          <tr>
            <th scope="col">{t('work.cases.number')}</th>
            <th scope="col">{t('work.cases.subject')}</th>
            <th scope="col">{t('work.cases.status')}</th>
            <th scope="col">{t('work.cases.deadline')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((item) => {
            const open = () => onOpenCase(item.id);
            return (
              <tr key={item.id} className="work-row" data-testid="work-case-row" onClick={rowClick(open)}>
                <td className="nowrap">
                  <OpenCaseButton number={item.number} onOpen={open} />
                  {item.restriction === 'none' ? null : (
                    <span className="work-restriction">
                      <LockIcon />
                      {t(restrictionKey(item.restriction))}
                    </span>
                  )}
                </td>
                <td>{item.subject}</td>
                <td>{t(caseStatusKey(item.status))}</td>
                <td>
                  {item.nextDeadline ? (
                    <DeadlineText today={today} deadline={item.nextDeadline} />
                  ) : (
                    <span className="muted">{t('work.cases.noDeadline')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </WorkSection>
  );
}
