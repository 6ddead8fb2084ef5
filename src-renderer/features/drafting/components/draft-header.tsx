import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useI18n } from '../../../i18n/use-t';
import { templatesQuery, type Draft } from '../api/draft-queries';
import type { DraftAutosave } from '../hooks/use-draft-autosave';
import { useDraftingLinks } from '../lib/drafting-context';
import { useStatusText } from './drafts-table';

interface DraftHeaderProps {
  draft: Draft;
  autosave: DraftAutosave;
  wordCount: number;
  headingId: string;
}

/** Case number, template, title, status, the save indicator (announced politely) and the word count. */
export function DraftHeader({ draft, autosave, wordCount, headingId }: DraftHeaderProps) {
  const { t, format } = useI18n();
  const links = useDraftingLinks();
  const statusText = useStatusText();
  const templates = useQuery(templatesQuery(null));
  // The template's name once the list is read (never its id, which means nothing to a judge).
  const templateName = templates.data?.find((template) => template.id === draft.templateId)?.name;
  const shortcutId = useId();
  return (
    <header className="draft-header">
      <p className="draft-header__meta">
        {links ? (
          <a href={links.caseHref(draft.caseId)} className="num">
            {t('drafting.header.case', { caseNumber: draft.caseNumber })}
          </a>
        ) : (
          <span className="num">{t('drafting.header.case', { caseNumber: draft.caseNumber })}</span>
        )}
        {templateName ? <span>{t('drafting.header.template', { name: templateName })}</span> : null}
      </p>
      <h1 className="draft-header__title" id={headingId}>
        {draft.title}
      </h1>
      <p className="draft-header__facts">
        <span className={`draft-status draft-status--${draft.status}`} data-testid="draft-status">
          {statusText(draft.status, draft.documentNumber)}
        </span>
        <span className="num" data-testid="draft-word-count">
          {t('drafting.header.words', { count: format.number(wordCount) })}
        </span>
        <SaveIndicator autosave={autosave} />
        {draft.status === 'draft' ? (
          <span className="muted" id={shortcutId}>
            {t('drafting.save.shortcut')}
          </span>
        ) : null}
      </p>
      {draft.status !== 'draft' ? (
        <p className="draft-header__readonly">{t('drafting.header.readOnly')}</p>
      ) : null}
    </header>
  );
}

function SaveIndicator({ autosave }: { autosave: DraftAutosave }) {
  const { t, format } = useI18n();
  const { state, savedAt, versionSavedAt, error } = autosave;
  const reason = error instanceof Error ? error.message : t('error.internal');
  const text =
    state === 'saving'
      ? t('drafting.save.saving')
      : state === 'failed'
        ? t('drafting.save.failed', { reason })
        : state === 'conflict'
          ? t('drafting.save.conflict')
          : versionSavedAt !== null && versionSavedAt === savedAt
            ? t('drafting.save.version', { time: format.time(versionSavedAt, { seconds: true }) })
            : savedAt
              ? t('drafting.save.saved', { time: format.time(savedAt, { seconds: true }) })
              : '';
  const problem = state === 'failed' || state === 'conflict';
  return (
    <span className="save-indicator" data-state={state}>
      <span
        className={`save-indicator__text${problem ? ' save-indicator__text--problem' : ''}`}
        aria-live="polite"
        data-testid="save-indicator"
      >
        {text}
      </span>
      {state === 'failed' ? (
        <button type="button" className="button button--quiet" onClick={autosave.flush}>
          {t('drafting.save.retry')}
        </button>
      ) : null}
      {state === 'conflict' ? (
        <button type="button" className="button" onClick={() => void autosave.reload()}>
          {t('drafting.save.reload')}
        </button>
      ) : null}
    </span>
  );
}
