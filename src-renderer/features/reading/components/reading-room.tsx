import { useQueries } from '@tanstack/react-query';
import { type ComponentType, useEffect, useId } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { useI18n } from '../../../i18n/use-t';
import { documentOpenQuery } from '../api/reading-queries';
import { useDownloads } from '../hooks/use-downloads';
import {
  closeDocument,
  openDocument,
  type ReadingLayout,
  readStoredLayout,
  singlePane,
  splitWithNext,
  storeLayout,
} from '../lib/reading-layout';
import { DocumentPane } from './document-pane';
import { DocumentTabs } from './document-tabs';
import type { DocumentViewerProps } from './placeholder-viewer';
import './reading.css';

export interface ReadingRoomProps {
  /** What the address says is open; the feature itself knows no routes. */
  layout: ReadingLayout;
  /** Show another layout (the shell writes it into the address). */
  onLayoutChange: (layout: ReadingLayout) => void;
  /** The viewer of one document whose bytes are on this computer. */
  Viewer: ComponentType<DocumentViewerProps>;
  onOpenCase?: (caseId: string) => void;
}

/**
 * The reading room: open documents as tabs, one pane or two side by side (each with its own
 * viewer, scroll and zoom). The layout lives in the address and, for this window, in sessionStorage.
 */
export function ReadingRoom({ layout, onLayoutChange, Viewer, onOpenCase }: ReadingRoomProps) {
  const { t } = useI18n();
  const baseId = useId();
  const tabId = (documentId: string) => `${baseId}-tab-${encodeURIComponent(documentId)}`;
  const panelId = (documentId: string) => `${baseId}-panel-${encodeURIComponent(documentId)}`;
  const downloads = useDownloads(layout.ids);
  // Every open tab is opened (downloaded if need be): its tab shows the number and title.
  const opens = useQueries({ queries: layout.ids.map((id) => documentOpenQuery(id)) });

  const change = (next: ReadingLayout) => {
    storeLayout(next);
    onLayoutChange(next);
  };

  // `#/documents` with no ids brings back what this window had open; otherwise the address wins.
  const empty = layout.ids.length === 0;
  useEffect(() => {
    if (!empty) {
      storeLayout(layout);
      return;
    }
    const stored = readStoredLayout();
    if (stored.ids.length > 0) onLayoutChange(stored);
  });

  if (empty) {
    return (
      <div className="reading-room" data-testid="reading-room">
        <h1 className="pane-title reading-room__title">{t('reading.title')}</h1>
        <EmptyState title={t('reading.empty.title')}>{t('reading.empty.body')}</EmptyState>
      </div>
    );
  }

  const tabs = layout.ids.map((documentId, index) => ({
    documentId,
    info: opens[index]?.data,
    failed: opens[index]?.isError ?? false,
  }));
  const labelOf = (documentId: string) => {
    const info = tabs.find((tab) => tab.documentId === documentId)?.info;
    return info ? `${info.number} ${info.title}` : documentId;
  };
  const { active, beside } = layout;
  const split = beside !== null;

  return (
    <div className="reading-room" data-testid="reading-room">
      <header className="reading-room__header">
        <h1 className="visually-hidden">{t('reading.title')}</h1>
        <DocumentTabs
          tabs={tabs}
          active={active}
          beside={beside}
          tabId={tabId}
          panelId={panelId}
          onSelect={(documentId) => change(openDocument(layout, documentId))}
          onClose={(documentId) => change(closeDocument(layout, documentId))}
        />
        <div className="reading-room__actions" role="group" aria-label={t('reading.toolbar.label')}>
          {split ? (
            <button type="button" className="button" onClick={() => change(singlePane(layout))}>
              {t('reading.single')}
            </button>
          ) : (
            <button
              type="button"
              className="button"
              disabled={layout.ids.length < 2}
              onClick={() => change(splitWithNext(layout))}
            >
              {t('reading.split')}
            </button>
          )}
          {active !== null ? (
            <button type="button" className="button" onClick={() => change(closeDocument(layout, active))}>
              {t('reading.close')}
            </button>
          ) : null}
        </div>
      </header>
      <div className={split ? 'reading-room__panes reading-room__panes--split' : 'reading-room__panes'}>
        {active !== null ? (
          <DocumentPane
            key={active}
            documentId={active}
            download={downloads.get(active)}
            Viewer={Viewer}
            onClose={() => change(closeDocument(layout, active))}
            onOpenCase={onOpenCase}
            paneProps={{ id: panelId(active), role: 'tabpanel', 'aria-labelledby': tabId(active) }}
          />
        ) : null}
        {beside !== null ? (
          <DocumentPane
            key={beside}
            documentId={beside}
            download={downloads.get(beside)}
            Viewer={Viewer}
            onClose={() => change(closeDocument(layout, beside))}
            onOpenCase={onOpenCase}
            paneProps={{
              id: panelId(beside),
              'aria-label': t('reading.pane.beside', { label: labelOf(beside) }),
            }}
          />
        ) : null}
      </div>
    </div>
  );
}
