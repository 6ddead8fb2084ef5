import type { Party } from '../../../../src-shared/domain/case';
import { isMessageKey, useT } from '../../../i18n/use-t';
import { CaseSection } from './case-section';

export function PartiesSection({ parties }: { parties: readonly Party[] }) {
  const t = useT();
  // Roles arrive as data; known ones are translated, unknown ones shown as the register wrote them.
  const roleLabel = (role: string) => {
    const key = `partyRole.${role}`;
    return isMessageKey(key) ? t(key) : role;
  };
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
              <td>{roleLabel(party.role)}</td>
              <td>{party.representative ?? <span className="muted">{t('caseFile.notGiven')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </CaseSection>
  );
}
