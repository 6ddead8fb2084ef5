import type { DraftSummary } from '../../../../src-shared/contract/drafting';
import { useI18n } from '../../../i18n/use-t';
import { useDraftingLinks } from '../lib/drafting-context';
import { STATUS_KEYS } from '../lib/labels';

/** The status in words: kavand / saadetud registrisse / registreeritud 2-25-7/4. */
export function useStatusText() {
  const { t } = useI18n();
  return (status: DraftSummary['status'], documentNumber: string | null) =>
    status === 'filed' && documentNumber
      ? t('drafting.status.filedAs', { number: documentNumber })
      : t(STATUS_KEYS[status]);
}

/** Drafts as rows: title (a link to the draft), template, status, saved time, words. */
export function DraftsTable({ drafts, showCase }: { drafts: readonly DraftSummary[]; showCase: boolean }) {
  const { t, format } = useI18n();
  const links = useDraftingLinks();
  const statusText = useStatusText();
  return (
    <table className="table drafts-table" data-testid="drafts-table">
      <thead>
        <tr>
          <th scope="col">{t('drafting.column.title')}</th>
          {showCase ? <th scope="col">{t('drafting.column.case')}</th> : null}
          <th scope="col">{t('drafting.column.template')}</th>
          <th scope="col">{t('drafting.column.status')}</th>
          <th scope="col">{t('drafting.column.savedAt')}</th>
          <th scope="col" className="table__numeric">
            {t('drafting.column.words')}
          </th>
        </tr>
      </thead>
      <tbody>
        {drafts.map((draft) => (
          <tr key={draft.id} data-testid="draft-row" data-draft-id={draft.id}>
            <th scope="row" className="table__name">
              {links ? <a href={links.draftHref(draft.id)}>{draft.title}</a> : draft.title}
            </th>
            {showCase ? <td className="num nowrap">{draft.caseNumber}</td> : null}
            <td>{draft.templateName}</td>
            <td>
              <span className={`draft-status draft-status--${draft.status}`}>
                {statusText(draft.status, draft.documentNumber)}
              </span>
            </td>
            <td className="num nowrap">
              <time dateTime={draft.savedAt}>{format.dateTime(draft.savedAt)}</time>
            </td>
            <td className="num table__numeric">{format.number(draft.wordCount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
