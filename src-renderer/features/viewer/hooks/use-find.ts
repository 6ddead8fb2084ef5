import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useCallback, useMemo, useRef, useState } from 'react';
import {
  findInItems,
  foldQuery,
  hasText,
  matchRects,
  NO_TEXT_PAGES,
  type MeasureText,
  type TextItemLike,
  type UnrotatedViewport,
} from '../lib/find-text';
import type { PageRect } from '../lib/viewer-types';

/** One occurrence of the query: its page and the rectangles it covers there. */
export interface FindMatch {
  page: number;
  rects: PageRect[];
}

/** idle: nothing asked; searching: pages are still being read; done; noText: a scan without text. */
export type FindStatus = 'idle' | 'searching' | 'done' | 'noText' | 'failed';

export interface FindState {
  query: string;
  matches: readonly FindMatch[];
  /** Index into matches of the one shown stronger; -1 when none. */
  current: number;
  status: FindStatus;
}

export interface FindController extends FindState {
  /** Starts a new search (cancelling the one running); an empty query clears. */
  search(pdf: PDFDocumentProxy, query: string): void;
  /** Moves to the next (1) or previous (-1) match and returns it. */
  step(direction: 1 | -1): FindMatch | null;
  clear(): void;
}

interface PageText {
  items: TextItemLike[];
  viewport: UnrotatedViewport;
  measure: MeasureText | undefined;
}

/** Measures text in the font family pdf.js reports for an item (no canvas: shares by characters). */
function textMeasurer(styles: Record<string, { fontFamily: string }>): MeasureText | undefined {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return undefined;
  return (text, item) => {
    const family = (item.fontName && styles[item.fontName]?.fontFamily) || 'sans-serif';
    context.font = `100px ${family}`;
    return context.measureText(text).width;
  };
}

const INITIAL: FindState = { query: '', matches: [], current: -1, status: 'idle' };

async function readPage(pdf: PDFDocumentProxy, pageNumber: number): Promise<PageText> {
  const page = await pdf.getPage(pageNumber);
  const content = await page.getTextContent();
  // The frame of the page layers: scale 1, the page's own /Rotate, without the reader's turns.
  const { width, height, transform } = page.getViewport({ scale: 1 });
  return {
    items: content.items.flatMap((item) => ('str' in item ? [item] : [])),
    viewport: { width, height, transform },
    measure: textMeasurer(content.styles),
  };
}

/** Lets the browser paint and handle input between pages: a long document never blocks the UI. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Find in the document's text: reads pages one after another (each page's text once per document),
 * publishing matches as it goes; a new query cancels the running search.
 */
export function useFind(): FindController {
  const [state, setState] = useState<FindState>(INITIAL);
  const run = useRef(0);
  const cache = useRef<{ pdf: PDFDocumentProxy | null; pages: Map<number, Promise<PageText>> }>({
    pdf: null,
    pages: new Map(),
  });
  const stateRef = useRef(state);
  stateRef.current = state;

  const textOf = useCallback((pdf: PDFDocumentProxy, pageNumber: number) => {
    if (cache.current.pdf !== pdf) cache.current = { pdf, pages: new Map() };
    let text = cache.current.pages.get(pageNumber);
    if (!text) {
      text = readPage(pdf, pageNumber);
      cache.current.pages.set(pageNumber, text);
      // A failed read is tried again by the next search.
      text.catch(() => cache.current.pages.delete(pageNumber));
    }
    return text;
  }, []);

  const search = useCallback(
    (pdf: PDFDocumentProxy, query: string) => {
      const token = (run.current += 1);
      const folded = foldQuery(query);
      if (folded === '') {
        setState({ ...INITIAL, query });
        return;
      }
      setState({ query, matches: [], current: -1, status: 'searching' });
      void (async () => {
        let textSeen = false;
        try {
          for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber += 1) {
            const { items, viewport, measure } = await textOf(pdf, pageNumber);
            if (run.current !== token) return;
            textSeen ||= hasText(items);
            if (!textSeen && pageNumber >= Math.min(NO_TEXT_PAGES, pdf.numPages)) {
              setState((previous) => ({ ...previous, status: 'noText' }));
              return;
            }
            const found = findInItems(items, folded)
              .map((match) => ({ page: pageNumber, rects: matchRects(items, match, viewport, measure) }))
              .filter((match) => match.rects.length > 0);
            if (found.length > 0) {
              setState((previous) => ({
                ...previous,
                matches: [...previous.matches, ...found],
                current: previous.current < 0 ? 0 : previous.current,
              }));
            }
            await nextTask();
            if (run.current !== token) return;
          }
          setState((previous) => ({ ...previous, status: 'done' }));
        } catch {
          if (run.current === token) setState((previous) => ({ ...previous, status: 'failed' }));
        }
      })();
    },
    [textOf],
  );

  const step = useCallback((direction: 1 | -1): FindMatch | null => {
    const { matches, current } = stateRef.current;
    if (matches.length === 0) return null;
    const next = (current + direction + matches.length) % matches.length;
    setState((previous) => ({ ...previous, current: next }));
    return matches[next] ?? null;
  }, []);

  const clear = useCallback(() => {
    run.current += 1;
    setState(INITIAL);
  }, []);

  return useMemo(() => ({ ...state, search, step, clear }), [state, search, step, clear]);
}
