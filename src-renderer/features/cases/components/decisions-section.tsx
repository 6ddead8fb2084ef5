import { useId } from 'react';
import type { CaseDocument, CaseSnapshot, ProceduralStep } from '../../../../src-shared/domain/case';
import { useI18n } from '../../../i18n/use-t';
import { CaseSection } from './case-section';
import { DocumentTitleCell, hasBesideActions, OpenBesideCell, useDocumentLinks } from './documents-section';

/** Document kinds that are decisions of the court (statute: judgments, rulings, orders). */
export const DECISION_DOCUMENT_KINDS = ['judgment', 'ruling', 'decision', 'order'] as const;
type DecisionKind = (typeof DECISION_DOCUMENT_KINDS)[number];

const KIND_KEYS = {
  judgment: 'caseFile.decisions.kind.judgment',
  ruling: 'caseFile.decisions.kind.ruling',
  decision: 'caseFile.decisions.kind.decision',
  order: 'caseFile.decisions.kind.order',
} as const satisfies Record<DecisionKind, `caseFile.decisions.kind.${DecisionKind}`>;

const isDecisionKind = (kind: string): kind is DecisionKind =>
  (DECISION_DOCUMENT_KINDS as readonly string[]).includes(kind);

const byTime = (a: string, b: string) => Date.parse(a) - Date.parse(b);

/** The decision documents and the `decided` steps of a case, oldest first. */
export function decisionsOf(snapshot: CaseSnapshot): {
  documents: CaseDocument[];
  steps: ProceduralStep[];
} {
  return {
    documents: snapshot.documents
      .filter((document) => isDecisionKind(document.kind))
      .sort((a, b) => byTime(a.filedAt, b.filedAt)),
    steps: snapshot.steps
      .filter((step) => step.kind === 'decided')
      .sort((a, b) => byTime(a.occurredAt, b.occurredAt)),
  };
}

/** What the court has decided in the case: its decision documents and the steps that record them. */
export function DecisionsSection({ snapshot }: { snapshot: CaseSnapshot }) {
  const { t, format } = useI18n();
  const documentsHeadingId = useId();
  const stepsHeadingId = useId();
  const { documents, steps } = decisionsOf(snapshot);
  const links = useDocumentLinks();
  const actions = hasBesideActions(links, documents);
  return (
    <CaseSection
      title={t('caseFile.decisions.title')}
      count={documents.length + steps.length}
      empty={t('caseFile.decisions.empty')}
    >
      <div className="decisions" data-testid="decisions">
        {documents.length > 0 ? (
          <div className="decisions__part">
            <h4 className="decisions__heading" id={documentsHeadingId}>
              {t('caseFile.decisions.documents')}
            </h4>
            <table className="table" aria-labelledby={documentsHeadingId}>
              <thead>
                <tr>
                  <th scope="col">{t('caseFile.documents.number')}</th>
                  <th scope="col">{t('caseFile.documents.name')}</th>
                  <th scope="col">{t('caseFile.decisions.kindColumn')}</th>
                  <th scope="col">{t('caseFile.documents.filedAt')}</th>
                  {actions ? <th scope="col">{t('caseFile.documents.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {documents.map((document) => (
                  <tr key={document.id} data-testid="decision-document">
                    <td className="num nowrap">{document.number}</td>
                    <DocumentTitleCell document={document} />
                    <td>{isDecisionKind(document.kind) ? t(KIND_KEYS[document.kind]) : document.kind}</td>
                    <td className="num nowrap">
                      <time dateTime={document.filedAt}>{format.date(document.filedAt)}</time>
                    </td>
                    {actions ? (
                      <OpenBesideCell document={document} href={links?.besideHref(document.id) ?? null} />
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {steps.length > 0 ? (
          <div className="decisions__part">
            <h4 className="decisions__heading" id={stepsHeadingId}>
              {t('caseFile.decisions.steps')}
            </h4>
            <ul className="decisions__steps" aria-labelledby={stepsHeadingId}>
              {steps.map((step) => (
                <li className="decisions__step" key={step.id} data-testid="decision-step">
                  <time className="decisions__date num" dateTime={step.occurredAt}>
                    {format.date(step.occurredAt)}
                  </time>
                  <p className="decisions__description">{step.description}</p>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </CaseSection>
  );
}
