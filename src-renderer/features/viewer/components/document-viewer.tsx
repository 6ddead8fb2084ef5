import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useT } from '../../../i18n/use-t';
import { documentUrl } from '../../../platform/chambers';
import { type Annotation, useAnnotationEvents } from '../api/annotation-queries';
import { saveReaderState, toReaderState, viewerStateQuery } from '../api/viewer-state-queries';
import { useFind, type FindController } from '../hooks/use-find';
import { useViewer } from '../lib/viewer-context';
import type { PageLayer, PdfSource, ReaderState } from '../lib/viewer-types';
import { AnnotationEditor } from './annotation-editor';
import { annotationLayer, type AnnotationDraft, type AnnotationMode } from './annotation-layer';
import { AnnotationsPanel } from './annotations-panel';
import { FindBar, findMatchesLayer } from './find-bar';
import { OutlinePanel } from './outline-panel';
import { PdfViewer } from './pdf-viewer';
import { ThumbnailsPanel } from './thumbnails-panel';
import './viewer-panels.css';
import './viewer-annotations.css';

export interface DocumentViewerProps {
  /** A document whose bytes are on this computer (the reading room opened it first). */
  documentId: string;
  /** The viewer region's name: the document's number and title. */
  label: string;
}

const focusIfConnected = (element: HTMLElement | null | undefined) => {
  if (element?.isConnected) {
    element.focus();
    return true;
  }
  return false;
};

/**
 * The viewer connected to the host: the bytes by URL, the reader's place kept per document, the
 * panels (thumbnails, outline, notes), find, and the user's private notes and highlights.
 */
export function DocumentViewer({ documentId, label }: DocumentViewerProps) {
  const t = useT();
  const stateQuery = useQuery(viewerStateQuery(documentId));
  useAnnotationEvents();
  const find = useFind();
  const [findOpen, setFindOpen] = useState(false);
  const [mode, setMode] = useState<AnnotationMode>(null);
  const [draft, setDraft] = useState<AnnotationDraft | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const findReturn = useRef<HTMLElement | null>(null);
  const editorReturn = useRef<HTMLElement | null>(null);

  const source = useMemo<PdfSource>(() => ({ url: documentUrl(documentId) }), [documentId]);
  const onStateChange = useCallback((state: ReaderState) => saveReaderState(documentId, state), [documentId]);

  const openFind = () => {
    const active = document.activeElement;
    if (!findOpen) findReturn.current = active instanceof HTMLElement ? active : null;
    setFindOpen(true);
    root.current?.querySelector<HTMLInputElement>('.find-bar__input')?.focus();
  };
  const closeFind = () => {
    setFindOpen(false);
    find.clear();
    if (!focusIfConnected(findReturn.current))
      root.current?.querySelector<HTMLElement>('[data-viewer-tool="find"]')?.focus();
  };

  const openDraft = useCallback((next: AnnotationDraft, returnTo: HTMLElement | null) => {
    editorReturn.current = returnTo;
    setMode(null);
    setDraft(next);
  }, []);
  const closeEditor = () => {
    const kind = draft?.kind;
    setDraft(null);
    if (!focusIfConnected(editorReturn.current) && kind)
      root.current?.querySelector<HTMLElement>(`[data-viewer-tool="${kind}"]`)?.focus();
  };
  const editAnnotation = useCallback(
    (annotation: Annotation) => {
      const active = document.activeElement;
      openDraft({ ...annotation, isNew: false }, active instanceof HTMLElement ? active : null);
    },
    [openDraft],
  );

  const pageLayers = useMemo<PageLayer[]>(
    () => [
      findMatchesLayer({ matches: find.matches, current: find.current }),
      annotationLayer({
        documentId,
        mode,
        color: 'yellow',
        draft,
        onDraft: (next) =>
          openDraft(next, root.current?.querySelector(`[data-viewer-tool="${next.kind}"]`) ?? null),
        onOpen: editAnnotation,
      }),
    ],
    [find.matches, find.current, documentId, mode, draft, openDraft, editAnnotation],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      openFind();
    } else if (event.key === 'Escape' && mode) {
      event.preventDefault();
      setMode(null);
      root.current?.querySelector<HTMLElement>(`[data-viewer-tool="${mode}"]`)?.focus();
    }
  };

  if (stateQuery.isPending)
    return (
      <p className="document-viewer__loading" role="status">
        {t('viewerPanels.loadingState')}
      </p>
    );
  // A place that cannot be read is no reason not to show the document: it starts fresh.
  const initialState = stateQuery.isError ? null : toReaderState(stateQuery.data);

  return (
    <div className="document-viewer" ref={root} onKeyDown={onKeyDown} data-testid="document-viewer">
      <PdfViewer
        source={source}
        label={label}
        initialState={initialState}
        onStateChange={onStateChange}
        pageLayers={pageLayers}
        sidebar={<ViewerSidebar documentId={documentId} onEdit={editAnnotation} />}
        toolbarEnd={
          <ViewerTools
            find={find}
            findOpen={findOpen}
            onOpenFind={openFind}
            onCloseFind={closeFind}
            mode={mode}
            onMode={(next) => {
              setMode(next);
              setDraft(null);
            }}
          />
        }
      />
      {mode ? (
        <p className="document-viewer__hint" role="status">
          {t(
            mode === 'note'
              ? 'viewerPanels.annotations.addNoteHint'
              : 'viewerPanels.annotations.addHighlightHint',
          )}
        </p>
      ) : null}
      {draft ? (
        <AnnotationEditor key={draft.id} documentId={documentId} draft={draft} onClose={closeEditor} />
      ) : null}
    </div>
  );
}

interface ViewerToolsProps {
  find: FindController;
  findOpen: boolean;
  onOpenFind(): void;
  onCloseFind(): void;
  mode: AnnotationMode;
  onMode(mode: AnnotationMode): void;
}

/** The toolbar's end: find, and the "add note" / "highlight" toggles. */
function ViewerTools({ find, findOpen, onOpenFind, onCloseFind, mode, onMode }: ViewerToolsProps) {
  const t = useT();
  const { currentPage } = useViewer();
  const toggle = (kind: 'note' | 'highlight', event: MouseEvent<HTMLButtonElement>) => {
    const next = mode === kind ? null : kind;
    onMode(next);
    if (!next) return;
    // The keyboard's way in: the current page's surface takes Enter to place a region.
    const container = event.currentTarget.closest('.document-viewer');
    window.requestAnimationFrame(() =>
      container?.querySelector<HTMLElement>(`[data-annotation-surface="${currentPage}"]`)?.focus(),
    );
  };
  return (
    <div className="viewer-tools">
      {findOpen ? (
        <FindBar find={find} onClose={onCloseFind} />
      ) : (
        <button
          type="button"
          className="viewer-panels__button"
          data-viewer-tool="find"
          onClick={onOpenFind}
          title={t('viewerPanels.find.openHint')}
        >
          {t('viewerPanels.find.open')}
        </button>
      )}
      <button
        type="button"
        className="viewer-panels__button"
        data-viewer-tool="note"
        aria-pressed={mode === 'note'}
        onClick={(event) => toggle('note', event)}
      >
        {t('viewerPanels.annotations.addNote')}
      </button>
      <button
        type="button"
        className="viewer-panels__button"
        data-viewer-tool="highlight"
        aria-pressed={mode === 'highlight'}
        onClick={(event) => toggle('highlight', event)}
      >
        {t('viewerPanels.annotations.addHighlight')}
      </button>
    </div>
  );
}

type Tab = 'thumbnails' | 'outline' | 'notes';
const TABS: readonly Tab[] = ['thumbnails', 'outline', 'notes'];
const TAB_KEYS = {
  thumbnails: 'viewerPanels.tab.thumbnails',
  outline: 'viewerPanels.tab.outline',
  notes: 'viewerPanels.tab.notes',
} as const;

/** The panels beside the pages, as tabs (arrow keys move between them). */
function ViewerSidebar({ documentId, onEdit }: { documentId: string; onEdit(annotation: Annotation): void }) {
  const t = useT();
  const { goTo } = useViewer();
  const [tab, setTab] = useState<Tab>('thumbnails');
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TABS.indexOf(tab);
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowDown: index + 1,
      ArrowLeft: index - 1,
      ArrowUp: index - 1,
      Home: 0,
      End: TABS.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = TABS[(target + TABS.length) % TABS.length]!;
    setTab(next);
    list.current?.querySelector<HTMLElement>(`[data-tab="${next}"]`)?.focus();
  };

  return (
    <div className="viewer-sidebar">
      <div
        className="viewer-sidebar__tabs"
        role="tablist"
        aria-label={t('viewerPanels.tabs.label')}
        ref={list}
        onKeyDown={onKeyDown}
      >
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`viewer-tab-${documentId}-${name}`}
            aria-controls={tab === name ? `viewer-panel-${documentId}-${name}` : undefined}
            aria-selected={tab === name}
            tabIndex={tab === name ? 0 : -1}
            data-tab={name}
            className="viewer-sidebar__tab"
            onClick={() => setTab(name)}
          >
            {t(TAB_KEYS[name])}
          </button>
        ))}
      </div>
      <div
        className="viewer-sidebar__panel"
        role="tabpanel"
        id={`viewer-panel-${documentId}-${tab}`}
        aria-labelledby={`viewer-tab-${documentId}-${tab}`}
      >
        {tab === 'thumbnails' ? <ThumbnailsPanel /> : null}
        {tab === 'outline' ? <OutlinePanel /> : null}
        {tab === 'notes' ? (
          <AnnotationsPanel
            documentId={documentId}
            onShow={(annotation) => goTo(annotation.page, annotation.rect)}
            onEdit={onEdit}
          />
        ) : null}
      </div>
    </div>
  );
}
