import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useId, useState } from 'react';
import { useT } from '../../../i18n/use-t';
import { useViewer } from '../lib/viewer-context';

/** An outline entry as this panel uses it. */
export interface OutlineEntry {
  title: string;
  dest: string | readonly unknown[] | null;
  items: OutlineEntry[];
}

type OutlineState = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; entries: OutlineEntry[] };

function toEntries(raw: unknown): OutlineEntry[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((node: unknown) => {
    if (typeof node !== 'object' || node === null) return [];
    const { title, dest, items } = node as { title?: unknown; dest?: unknown; items?: unknown };
    return [
      {
        title: typeof title === 'string' ? title : '',
        dest: typeof dest === 'string' || Array.isArray(dest) ? (dest as string | unknown[]) : null,
        items: toEntries(items),
      },
    ];
  });
}

function isRef(value: unknown): value is { num: number; gen: number } {
  return typeof value === 'object' && value !== null && 'num' in value && 'gen' in value;
}

/** The 1-based page of a named or explicit destination; null when it cannot be resolved. */
export async function resolveDestinationPage(
  pdf: PDFDocumentProxy,
  dest: OutlineEntry['dest'],
): Promise<number | null> {
  const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
  if (!explicit || explicit.length === 0) return null;
  const target: unknown = explicit[0];
  if (isRef(target)) return (await pdf.getPageIndex(target)) + 1;
  if (typeof target === 'number' && Number.isInteger(target)) return target + 1;
  return null;
}

/** The document's outline (bookmarks) as nested, expandable lists; each entry goes to its page. */
export function OutlinePanel() {
  const t = useT();
  const { pdf } = useViewer();
  const [state, setState] = useState<OutlineState>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    pdf.getOutline().then(
      (outline) => live && setState({ kind: 'ready', entries: toEntries(outline) }),
      () => live && setState({ kind: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [pdf]);

  if (state.kind === 'loading')
    return <p className="viewer-panels__empty">{t('viewerPanels.outline.loading')}</p>;
  if (state.kind === 'failed')
    return <p className="viewer-panels__empty">{t('viewerPanels.outline.failed')}</p>;
  if (state.entries.length === 0)
    return (
      <p className="viewer-panels__empty" data-testid="outline-empty">
        {t('viewerPanels.outline.empty')}
      </p>
    );
  return (
    <nav className="outline" aria-label={t('viewerPanels.outline.label')}>
      <OutlineList entries={state.entries} />
    </nav>
  );
}

function OutlineList({ entries }: { entries: readonly OutlineEntry[] }) {
  return (
    <ul className="outline__list">
      {entries.map((entry, index) => (
        <OutlineItem key={index} entry={entry} />
      ))}
    </ul>
  );
}

function OutlineItem({ entry }: { entry: OutlineEntry }) {
  const t = useT();
  const { pdf, goTo } = useViewer();
  const [expanded, setExpanded] = useState(false);
  const [unresolved, setUnresolved] = useState(false);
  const childrenId = useId();
  const title = entry.title.trim() === '' ? t('viewerPanels.outline.untitled') : entry.title;

  const go = async () => {
    const page = await resolveDestinationPage(pdf, entry.dest).catch(() => null);
    if (page === null) setUnresolved(true);
    else goTo(page);
  };

  return (
    <li className="outline__item">
      <div className="outline__row">
        {entry.items.length > 0 ? (
          <button
            type="button"
            className="outline__toggle"
            aria-expanded={expanded}
            aria-controls={childrenId}
            aria-label={t(expanded ? 'viewerPanels.outline.collapse' : 'viewerPanels.outline.expand', {
              title,
            })}
            onClick={() => setExpanded((value) => !value)}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span className="outline__spacer" aria-hidden="true" />
        )}
        <button
          type="button"
          className="outline__link"
          onClick={() => void go()}
          aria-describedby={unresolved ? `${childrenId}-missing` : undefined}
        >
          {title}
        </button>
      </div>
      {unresolved ? (
        <p className="outline__missing" id={`${childrenId}-missing`}>
          {t('viewerPanels.outline.unresolved')}
        </p>
      ) : null}
      {entry.items.length > 0 ? (
        <div id={childrenId} hidden={!expanded}>
          {expanded ? <OutlineList entries={entry.items} /> : null}
        </div>
      ) : null}
    </li>
  );
}
