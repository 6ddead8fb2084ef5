import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { ProcedureType } from '../../../../src-shared/domain/procedure-type';
import { ErrorNotice } from '../../../components/error-notice';
import { Loading } from '../../../components/loading';
import { useI18n } from '../../../i18n/use-t';
import { draftListQuery } from '../api/draft-queries';
import { useDraftingLinks } from '../lib/drafting-context';
import './drafting.css';
import { DraftsTable } from './drafts-table';
import { StartDraftDialog } from './start-draft-dialog';

export interface CaseDraftsSectionProps {
  caseId: string;
  procedureType: ProcedureType;
  /** The case's court: drafting is offered where the user may draft (`decision.draft`). */
  courtCode: string;
}

/** The case file's "Lahendite kavandid": this case's drafts, and starting one from a template or a Word file. */
export function CaseDraftsSection({ caseId, procedureType, courtCode }: CaseDraftsSectionProps) {
  const { t, format } = useI18n();
  const headingId = useId();
  const links = useDraftingLinks();
  const drafts = useQuery(draftListQuery(caseId));
  const [mode, setMode] = useState<'create' | 'import' | null>(null);
  const mayDraft = links !== null && links.draftingCourts.includes(courtCode);
  const count = drafts.data?.length ?? 0;
  return (
    <section className="case-section case-drafts" aria-labelledby={headingId} data-testid="case-drafts">
      <h3 className="case-section__title" id={headingId}>
        {t('drafting.section.title')} <span className="case-section__count num">{format.number(count)}</span>
      </h3>
      {mayDraft ? (
        <div className="case-drafts__actions">
          <button type="button" className="button" onClick={() => setMode('create')}>
            {t('drafting.start')}
          </button>
          <button type="button" className="button" onClick={() => setMode('import')}>
            {t('drafting.import')}
          </button>
        </div>
      ) : null}
      {drafts.isPending ? <Loading label={t('drafting.section.loading')} /> : null}
      {drafts.isError ? <ErrorNotice error={drafts.error} onRetry={() => void drafts.refetch()} /> : null}
      {drafts.data && count === 0 ? (
        <p className="case-section__empty">{t('drafting.section.empty')}</p>
      ) : null}
      {drafts.data && count > 0 ? <DraftsTable drafts={drafts.data} showCase={false} /> : null}
      {mayDraft ? (
        <StartDraftDialog
          mode={mode}
          caseId={caseId}
          procedureType={procedureType}
          onClose={() => setMode(null)}
          onCreated={(draft) => {
            setMode(null);
            links.openDraft(draft.id);
          }}
        />
      ) : null}
    </section>
  );
}
