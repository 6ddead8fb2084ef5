import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useId, type ComponentType } from 'react';
import type { ProcedureType } from '../../../../src-shared/domain/procedure-type';
import { ErrorNotice } from '../../../components/error-notice';
import { Loading } from '../../../components/loading';
import { useT } from '../../../i18n/use-t';
import { caseQuery } from '../api/case-queries';
import { CaseFileHeader } from './case-file-header';
import { DecisionsSection } from './decisions-section';
import { DocumentsSection } from './documents-section';
import { HearingsSection } from './hearings-section';
import { NoteSection } from './note-section';
import { PartiesSection } from './parties-section';
import { StepsTimeline } from './steps-timeline';

/**
 * The case's decision drafts, given by the app shell (the drafting feature's section): features do
 * not import each other. Without it (a case file rendered on its own) the section is left out.
 */
export const CaseDraftsSlot = createContext<ComponentType<{
  caseId: string;
  procedureType: ProcedureType;
  courtCode: string;
}> | null>(null);

export function CaseFile({ caseId }: { caseId: string }) {
  const t = useT();
  const headingId = useId();
  const DraftsSection = useContext(CaseDraftsSlot);
  const query = useQuery(caseQuery(caseId));

  if (query.isPending) return <Loading label={t('caseFile.loading')} />;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;

  const snapshot = query.data;
  return (
    <article
      className="case-file"
      data-testid="case-file"
      data-case-id={snapshot.id}
      aria-labelledby={headingId}
    >
      <CaseFileHeader snapshot={snapshot} headingId={headingId} />
      <PartiesSection parties={snapshot.parties} />
      <HearingsSection hearings={snapshot.hearings} />
      <DocumentsSection documents={snapshot.documents} />
      <DecisionsSection snapshot={snapshot} />
      {DraftsSection ? (
        <DraftsSection
          caseId={snapshot.id}
          procedureType={snapshot.procedureType}
          courtCode={snapshot.court.code}
        />
      ) : null}
      <StepsTimeline steps={snapshot.steps} />
      {/* Keyed by case: text typed in one case's note never carries over into another's. */}
      <NoteSection key={snapshot.id} caseId={snapshot.id} />
    </article>
  );
}
