import { createContext, useContext } from 'react';
import type { CaseDocument } from '../../../../src-shared/domain/case';
import { parseCaseNumber } from '../../../../src-shared/domain/case-number';
import { LockIcon } from '../../../components/icons';
import { useI18n } from '../../../i18n/use-t';
import { CaseSection } from './case-section';

/**
 * Where a document opens (the reading room's addresses), given by the app shell: the feature itself
 * knows no routes. Without it (a section rendered on its own) titles are plain text.
 */
export interface DocumentLinks {
  /** Opens the document in a tab of the reading room. */
  openHref(documentId: string): string;
  /** Opens it beside the document already open; null when nothing else is open. */
  besideHref(documentId: string): string | null;
}

export const DocumentLinksContext = createContext<DocumentLinks | null>(null);

export function useDocumentLinks(): DocumentLinks | null {
  return useContext(DocumentLinksContext);
}

/** The "Open beside" cell of a document row (documents, decisions), when another document is open. */
export function OpenBesideCell({ document, href }: { document: CaseDocument; href: string | null }) {
  const { t } = useI18n();
  return (
    <td className="nowrap">
      {href === null ? null : (
        <a
          href={href}
          aria-label={t('caseFile.documents.openBesideLabel', {
            number: document.number,
            title: document.title,
          })}
        >
          {t('caseFile.documents.openBeside')}
        </a>
      )}
    </td>
  );
}

/** The actions column appears when some row has an action: another document is open. */
export function hasBesideActions(links: DocumentLinks | null, documents: readonly CaseDocument[]): boolean {
  return links !== null && documents.some((document) => links.besideHref(document.id) !== null);
}

const documentOrder = (document: CaseDocument) => parseCaseNumber(document.number)?.document ?? 0;

/** A document's title as a row header, with the restriction marked in words (documents, decisions). */
export function DocumentTitleCell({ document }: { document: CaseDocument }) {
  const { t } = useI18n();
  const links = useDocumentLinks();
  return (
    <th scope="row" className="table__name">
      {links ? (
        <a href={links.openHref(document.id)} data-testid="document-link">
          {document.title}
        </a>
      ) : (
        document.title
      )}
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
  const links = useDocumentLinks();
  const actions = hasBesideActions(links, documents);
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
            {actions ? <th scope="col">{t('caseFile.documents.actions')}</th> : null}
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
              {actions ? (
                <OpenBesideCell document={document} href={links?.besideHref(document.id) ?? null} />
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </CaseSection>
  );
}
