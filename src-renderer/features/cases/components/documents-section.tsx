import type { CaseDocument } from '../../../../src-shared/domain/case';
import { parseCaseNumber } from '../../../../src-shared/domain/case-number';
import { LockIcon } from '../../../components/icons';
import { useI18n } from '../../../i18n/use-t';
import { CaseSection } from './case-section';

const documentOrder = (document: CaseDocument) => parseCaseNumber(document.number)?.document ?? 0;

/** A document's title as a row header, with the restriction marked in words (documents, decisions). */
export function DocumentTitleCell({ document }: { document: CaseDocument }) {
  const { t } = useI18n();
  return (
    <th scope="row" className="table__name">
      {document.title}
      {document.restricted ? (
        <span className="restriction restriction--inline">
          <LockIcon />
          {t('caseFile.documents.restricted')}
        </span>
      ) : null}
    </th>
  );
}

export function DocumentsSection({ documents }: { documents: readonly CaseDocument[] }) {
  const { t, format } = useI18n();
  const sorted = [...documents].sort((a, b) => documentOrder(a) - documentOrder(b));
  return (
    <CaseSection
      title={t('caseFile.documents.title')}
      count={documents.length}
      empty={t('caseFile.documents.empty')}
    >
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('caseFile.documents.number')}</th>
            <th scope="col">{t('caseFile.documents.name')}</th>
            <th scope="col">{t('caseFile.documents.filedAt')}</th>
            <th scope="col" className="table__numeric">
              {t('caseFile.documents.pages')}
            </th>
            <th scope="col" className="table__numeric">
              {t('caseFile.documents.size')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((document) => (
            <tr key={document.id} data-testid="document-row">
              <td className="num nowrap">{document.number}</td>
              <DocumentTitleCell document={document} />
              <td className="num nowrap">{format.date(document.filedAt)}</td>
              <td className="num table__numeric">
                {document.pages === null ? '' : format.number(document.pages)}
              </td>
              <td className="num table__numeric nowrap">{format.bytes(document.size)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </CaseSection>
  );
}
