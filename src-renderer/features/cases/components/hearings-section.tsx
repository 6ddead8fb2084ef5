import type { Hearing } from '../../../../src-shared/domain/case';
import { domainLabel } from '../../../i18n/domain-labels';
import { useI18n } from '../../../i18n/use-t';
import { CaseSection } from './case-section';

export function HearingsSection({ hearings }: { hearings: readonly Hearing[] }) {
  const { t, format } = useI18n();
  const sorted = [...hearings].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return (
    <CaseSection
      title={t('caseFile.hearings.title')}
      count={hearings.length}
      empty={t('caseFile.hearings.empty')}
    >
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('caseFile.hearings.when')}</th>
            <th scope="col">{t('caseFile.hearings.kind')}</th>
            <th scope="col">{t('caseFile.hearings.room')}</th>
            <th scope="col">{t('caseFile.hearings.publicity')}</th>
            <th scope="col">{t('caseFile.hearings.judges')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((hearing) => (
            <tr key={hearing.id}>
              <td className="num nowrap">{format.dateTime(hearing.startsAt)}</td>
              <td>{domainLabel(t, 'hearingKind', hearing.kind)}</td>
              <td>{hearing.room}</td>
              <td>{hearing.public ? t('caseFile.hearings.public') : t('caseFile.hearings.closed')}</td>
              <td>{hearing.judges.map((judge) => judge.name).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </CaseSection>
  );
}
