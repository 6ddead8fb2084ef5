import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../i18n/use-t';
import type { DocumentInfo } from '../api/reading-queries';

export interface DocumentTab {
  documentId: string;
  /** Known once `documents:open` answered. */
  info: DocumentInfo | undefined;
  failed: boolean;
}

export interface DocumentTabsProps {
  tabs: readonly DocumentTab[];
  active: string | null;
  beside: string | null;
  /** The id of a tab element, for the panels' aria-labelledby. */
  tabId: (documentId: string) => string;
  panelId: (documentId: string) => string;
  onSelect: (documentId: string) => void;
  onClose: (documentId: string) => void;
}

/**
 * One tab per open document (number and title). Manual activation: arrows, Home and End move the
 * focus, Enter or Space shows the document, Delete or Ctrl+W closes it. The × on a tab is for the
 * mouse; the keyboard closes with Delete (announced through aria-keyshortcuts) or the toolbar.
 */
export function DocumentTabs({ tabs, active, beside, tabId, panelId, onSelect, onClose }: DocumentTabsProps) {
  const { t } = useI18n();
  const [focused, setFocused] = useState<string | null>(null);
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const refocus = useRef(false);
  const ids = tabs.map((tab) => tab.documentId);
  const current = focused !== null && ids.includes(focused) ? focused : active;

  // After a close from the keyboard the focus goes to the tab that took its place.
  useEffect(() => {
    if (!refocus.current || active === null) return;
    refocus.current = false;
    setFocused(active);
    refs.current.get(active)?.focus();
  }, [active, tabs.length]);

  const moveTo = (documentId: string | undefined) => {
    if (documentId === undefined) return;
    setFocused(documentId);
    refs.current.get(documentId)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, documentId: string) => {
    const index = ids.indexOf(documentId);
    const closing =
      event.key === 'Delete' || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'w');
    if (closing) {
      event.preventDefault();
      refocus.current = true;
      onClose(documentId);
      return;
    }
    const target = {
      ArrowRight: ids[(index + 1) % ids.length],
      ArrowLeft: ids[(index - 1 + ids.length) % ids.length],
      Home: ids[0],
      End: ids[ids.length - 1],
    }[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    }
  };

  return (
    <div className="reading-tabs" role="tablist" aria-label={t('reading.tabs.label')}>
      {tabs.map(({ documentId, info, failed }) => {
        const selected = documentId === active;
        const name = info ? null : failed ? t('reading.tab.failed') : t('reading.tab.opening');
        return (
          <button
            key={documentId}
            ref={(element) => {
              if (element) refs.current.set(documentId, element);
              else refs.current.delete(documentId);
            }}
            type="button"
            role="tab"
            id={tabId(documentId)}
            className="reading-tab"
            aria-selected={selected}
            aria-controls={selected || documentId === beside ? panelId(documentId) : undefined}
            aria-keyshortcuts="Delete Control+W"
            aria-description={t('reading.tab.keys')}
            tabIndex={documentId === current ? 0 : -1}
            data-beside={documentId === beside ? 'true' : undefined}
            onClick={() => {
              setFocused(documentId);
              onSelect(documentId);
            }}
            onFocus={() => setFocused(documentId)}
            onKeyDown={(event) => onKeyDown(event, documentId)}
          >
            {info ? (
              <>
                <span className="reading-tab__number num">{info.number}</span>{' '}
                <span className="reading-tab__title">{info.title}</span>
              </>
            ) : (
              <span className="reading-tab__title">{name}</span>
            )}
            {documentId === beside ? (
              <>
                {' '}
                <span className="reading-tab__beside">{t('reading.tab.beside')}</span>
              </>
            ) : null}
            <span
              className="reading-tab__close"
              aria-hidden="true"
              data-testid="tab-close"
              onClick={(event) => {
                event.stopPropagation();
                onClose(documentId);
              }}
            >
              ×
            </span>
          </button>
        );
      })}
    </div>
  );
}
