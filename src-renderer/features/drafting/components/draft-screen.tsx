import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { ErrorNotice } from '../../../components/error-notice';
import { Loading } from '../../../components/loading';
import { useI18n } from '../../../i18n/use-t';
import { draftListQuery, draftQuery, useDraftEvents, type Draft } from '../api/draft-queries';
import { useDraftAutosave } from '../hooks/use-draft-autosave';
import { useDraftingLinks } from '../lib/drafting-context';
import { wordsOf } from '../lib/word-count';
import { DraftActions } from './draft-actions';
import { DraftHeader } from './draft-header';
import { DraftSections } from './draft-sections';
import './drafting.css';
import { DraftsTable } from './drafts-table';
import { IntroductionFields } from './introduction-fields';
import { VersionPanel } from './version-panel';

/** `#/drafts/<id>`: one decision draft; `#/drafts`: the list of the user's drafts on this computer. */
export function DraftScreen({ draftId }: { draftId: string | null }) {
  useDraftEvents();
  return draftId === null ? <MyDrafts /> : <DraftLoader key={draftId} draftId={draftId} />;
}

function MyDrafts() {
  const { t } = useI18n();
  const drafts = useQuery(draftListQuery(null));
  return (
    <div className="draft-screen draft-screen--list">
      <h1 className="pane-title">{t('drafting.mine.title')}</h1>
      {drafts.isPending ? <Loading label={t('drafting.section.loading')} /> : null}
      {drafts.isError ? <ErrorNotice error={drafts.error} onRetry={() => void drafts.refetch()} /> : null}
      {drafts.data?.length === 0 ? (
        <EmptyState title={t('drafting.screen.none.title')}>{t('drafting.mine.empty')}</EmptyState>
      ) : null}
      {drafts.data && drafts.data.length > 0 ? <DraftsTable drafts={drafts.data} showCase /> : null}
    </div>
  );
}

function DraftLoader({ draftId }: { draftId: string }) {
  const { t } = useI18n();
  const query = useQuery(draftQuery(draftId));
  if (query.isPending) return <Loading label={t('drafting.screen.loading')} />;
  if (query.isError && !query.data)
    return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  return <DraftEditorView draft={query.data} />;
}

function DraftEditorView({ draft }: { draft: Draft }) {
  const headingId = useId();
  const links = useDraftingLinks();
  const readOnly = draft.status !== 'draft';
  const autosave = useDraftAutosave(draft, readOnly);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const { saveVersion } = autosave;

  // Ctrl+S (Cmd+S) keeps a version now instead of the browser's "save page".
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (!readOnly) saveVersion();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [readOnly, saveVersion]);

  const parts = useMemo(
    () =>
      draft.sections
        .filter((section) => section.role !== 'introduction')
        .map((section) => ({
          id: section.id,
          heading: section.heading,
          content: autosave.sections[section.id] ?? section.content,
        })),
    [draft.sections, autosave.sections],
  );
  // Each section's words are counted once per change of that section (wordsOf remembers the rest).
  const words = parts.reduce((sum, part) => sum + wordsOf(part.content), 0);

  return (
    <div className={`draft-screen${versionsOpen ? ' draft-screen--versions' : ''}`}>
      <article className="draft" aria-labelledby={headingId} data-testid="draft" data-draft-id={draft.id}>
        <DraftHeader draft={draft} autosave={autosave} wordCount={words} headingId={headingId} />
        <DraftActions
          draft={draft}
          sections={autosave.sections}
          wordCount={words}
          versionsOpen={versionsOpen}
          onToggleVersions={() => setVersionsOpen(!versionsOpen)}
          onSaveVersion={autosave.saveVersion}
          settle={autosave.settle}
          onDeleted={() => links?.openCase(draft.caseId)}
        />
        <div className="draft__body" onBlur={autosave.flush}>
          <IntroductionFields
            key={autosave.generation}
            fields={draft.introduction}
            overrides={autosave.overrides}
            readOnly={readOnly}
            onOverride={autosave.setOverride}
            onBlur={autosave.flush}
          />
          <DraftSections
            draft={draft}
            sections={autosave.sections}
            generation={autosave.generation}
            readOnly={readOnly}
            onChange={autosave.changeSection}
          />
        </div>
      </article>
      {versionsOpen ? (
        <VersionPanel
          draft={draft}
          current={parts}
          readOnly={readOnly}
          settle={autosave.settle}
          onRestored={autosave.replaceWith}
          onClose={() => setVersionsOpen(false)}
        />
      ) : null}
    </div>
  );
}
