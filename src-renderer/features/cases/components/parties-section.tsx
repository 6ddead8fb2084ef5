import type { Party } from '../../../../src-shared/domain/case';
import { domainLabel } from '../../../i18n/domain-labels';
import { useT } from '../../../i18n/use-t';
import { CaseSection } from './case-section';

export function PartiesSection({ parties }: { parties: readonly Party[] }) {
  const t = useT();
  return (
    <CaseSection
      title={t('caseFile.parties.title')}
      count={parties.length}
      empty={t('caseFile.parties.empty')}
    >
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('caseFile.parties.name')}</th>
            <th scope="col">{t('caseFile.parties.code')}</th>
            <th scope="col">{t('caseFile.parties.role')}</th>
            <th scope="col">{t('caseFile.parties.representative')}</th>
          </tr>
        </thead>
        <tbody>
          {parties.map((party) => (
            <tr key={party.id}>
              <th scope="row" className="table__name">
                {party.name}
              </th>
              <td className="num">{party.code ?? <span className="muted">{t('caseFile.notGiven')}</span>}</td>
              <td>{domainLabel(t, 'partyRole', party.role)}</td>
              <td>{party.representative ?? <span className="muted">{t('caseFile.notGiven')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </CaseSection>
  );
}
