import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Draft, IntroductionFieldKey } from '../../../../src-shared/contract/drafting';
import type { RichDoc } from '../../../../src-shared/domain/rich-text';
import { AppError } from '../../../platform/chambers';
import { draftKeys, draftQuery, saveDraft } from '../api/draft-queries';

/** Typing is saved at most this long after a change (and at once on blur, hide, leave). */
export const DRAFT_SAVE_PAUSE_MS = 300;

export type DraftSaveState = 'idle' | 'saving' | 'saved' | 'failed' | 'conflict';
export type Overrides = Partial<Record<IntroductionFieldKey, string | null>>;

interface Content {
  sections: Readonly<Record<string, RichDoc>>;
  overrides: Overrides;
}

export interface DraftAutosave {
  sections: Readonly<Record<string, RichDoc>>;
  overrides: Overrides;
  /** Raised when the content is replaced from outside (restore, reload): key the editors with it. */
  generation: number;
  state: DraftSaveState;
  /** The time of the last durable save (the draft's own `savedAt` until this window saves). */
  savedAt: string | null;
  /** When the last version asked for with Ctrl+S was kept. */
  versionSavedAt: string | null;
  error: unknown;
  changeSection(sectionId: string, content: RichDoc): void;
  setOverride(key: IntroductionFieldKey, value: string | null): void;
  /** Saves now whatever waits for the pause. */
  flush(): void;
  /** Saves now and keeps the state as a version (`version: true`). */
  saveVersion(): void;
  /** Resolves once nothing waits and nothing is in flight (before a restore or an export). */
  settle(): Promise<void>;
  /** Takes the draft as the host has it now (after a conflict): local unsaved edits are dropped. */
  reload(): Promise<void>;
  /** Takes this draft's content (a restored version) as the editors' new content. */
  replaceWith(draft: Draft): void;
}

const contentOf = (draft: Draft): Content => ({
  sections: Object.fromEntries(draft.sections.map((section) => [section.id, section.content])),
  overrides: Object.fromEntries(draft.introduction.map((field) => [field.key, field.override])),
});

/**
 * The draft's text while the judge writes: every change is saved within DRAFT_SAVE_PAUSE_MS, with
 * at most one `drafts:save` in flight and the latest state always saved after it. Each answer's
 * revision is the base of the next save; a 'conflict' (another window saved) stops saving until the
 * judge reloads. Leaving the screen, hiding the window or closing it saves at once.
 */
export function useDraftAutosave(draft: Draft | undefined, readOnly: boolean): DraftAutosave {
  const queryClient = useQueryClient();
  const [content, setContent] = useState<Content>({ sections: {}, overrides: {} });
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<DraftSaveState>('idle');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [versionSavedAt, setVersionSavedAt] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [seen, setSeen] = useState<Draft | undefined>(undefined);

  const contentRef = useRef<Content>(content);
  const draftRef = useRef<Draft | undefined>(undefined);
  const baseRef = useRef(0);
  const dirtyRef = useRef(false);
  const versionWantedRef = useRef(false);
  const conflictRef = useRef(false);
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlightRef = useRef<Promise<void> | null>(null);

  const adopt = useCallback((next: Draft) => {
    const fresh = contentOf(next);
    draftRef.current = next;
    baseRef.current = next.revision;
    contentRef.current = fresh;
    dirtyRef.current = false;
    versionWantedRef.current = false;
    conflictRef.current = false;
    setContent(fresh);
    setGeneration((value) => value + 1);
    setSavedAt(next.savedAt);
    setError(null);
    setState('idle');
  }, []);

  if (draft !== seen) {
    setSeen(draft);
    if (draft) {
      const current = draftRef.current;
      const idle = !dirtyRef.current && inFlightRef.current === null && timerRef.current === null;
      if (!current || current.id !== draft.id || (draft.revision > baseRef.current && idle)) adopt(draft);
      // Same text, newer facts (status, introduction refilled from the case): kept for the next save.
      else draftRef.current = draft;
    }
  }

  const send = useCallback((): Promise<void> => {
    if (timerRef.current !== null) clearTimeout(timerRef.current);
    timerRef.current = null;
    if (inFlightRef.current) return inFlightRef.current;
    const current = draftRef.current;
    if (!current || conflictRef.current || readOnlyRef.current) return Promise.resolve();
    if (!dirtyRef.current && !versionWantedRef.current) return Promise.resolve();
    const version = versionWantedRef.current;
    const snapshot = contentRef.current;
    dirtyRef.current = false;
    versionWantedRef.current = false;
    setState('saving');
    const run = (async () => {
      try {
        const answer = await saveDraft({
          draftId: current.id,
          baseRevision: baseRef.current,
          sections: current.sections.map((section) => ({
            id: section.id,
            content: snapshot.sections[section.id] ?? section.content,
          })),
          overrides: Object.fromEntries(
            current.introduction.map((field) => [field.key, snapshot.overrides[field.key] ?? null]),
          ),
          ...(version ? { version: true } : {}),
        });
        baseRef.current = answer.revision;
        setSavedAt(answer.savedAt);
        setError(null);
        if (version) {
          setVersionSavedAt(answer.savedAt);
          void queryClient.invalidateQueries({ queryKey: draftKeys.versions(current.id) });
        }
        void queryClient.invalidateQueries({ queryKey: draftKeys.lists() });
        inFlightRef.current = null;
        if (dirtyRef.current || versionWantedRef.current) void send();
        else setState('saved');
      } catch (failure) {
        // Nothing typed is dropped: the state stays to be saved by the next change or a retry.
        dirtyRef.current = true;
        inFlightRef.current = null;
        setError(failure);
        if (failure instanceof AppError && failure.code === 'conflict') {
          conflictRef.current = true;
          setState('conflict');
        } else setState('failed');
      }
    })();
    inFlightRef.current = run;
    return run;
  }, [queryClient]);

  // Not a debounce: a judge typing without a pause is saved every DRAFT_SAVE_PAUSE_MS too, so a
  // crash mid-sentence loses at most that much.
  const schedule = useCallback(() => {
    dirtyRef.current = true;
    if (timerRef.current === null)
      timerRef.current = setTimeout(() => {
        timerRef.current = null;
        void send();
      }, DRAFT_SAVE_PAUSE_MS);
    if (!conflictRef.current) setState('saving');
  }, [send]);

  const changeSection = useCallback(
    (sectionId: string, doc: RichDoc) => {
      if (readOnlyRef.current) return;
      const next = { ...contentRef.current, sections: { ...contentRef.current.sections, [sectionId]: doc } };
      contentRef.current = next;
      setContent(next);
      schedule();
    },
    [schedule],
  );

  const setOverride = useCallback(
    (key: IntroductionFieldKey, value: string | null) => {
      if (readOnlyRef.current) return;
      const next = { ...contentRef.current, overrides: { ...contentRef.current.overrides, [key]: value } };
      contentRef.current = next;
      setContent(next);
      schedule();
    },
    [schedule],
  );

  const flush = useCallback(() => void send(), [send]);

  const saveVersion = useCallback(() => {
    versionWantedRef.current = true;
    void (async () => {
      // A save in flight finishes first; the version is the state after it.
      while (inFlightRef.current) await inFlightRef.current;
      await send();
    })();
  }, [send]);

  const settle = useCallback(async () => {
    await send();
    while (inFlightRef.current) await inFlightRef.current;
  }, [send]);

  const reload = useCallback(async () => {
    const current = draftRef.current;
    if (!current) return;
    if (timerRef.current !== null) clearTimeout(timerRef.current);
    timerRef.current = null;
    const fresh = await queryClient.fetchQuery({ ...draftQuery(current.id), staleTime: 0 });
    adopt(fresh);
  }, [adopt, queryClient]);

  // Hiding or closing the window, and leaving the screen, save what waits at once.
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void send();
    };
    const onPageHide = () => void send();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      void send();
    };
  }, [send]);

  return {
    sections: content.sections,
    overrides: content.overrides,
    generation,
    state,
    savedAt,
    versionSavedAt,
    error,
    changeSection,
    setOverride,
    flush,
    saveVersion,
    settle,
    reload,
    replaceWith: adopt,
  };
}
