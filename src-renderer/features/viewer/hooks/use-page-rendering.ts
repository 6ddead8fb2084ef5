import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { PageDrawState } from '../components/pdf-viewer-page';
import { CanvasPool } from '../lib/canvas-pool';
import { RenderQueue } from '../lib/render-queue';

export interface PageRenderingView {
  /** The pages in the view this moment (the scroll position, not the last render's). */
  inView(): { first: number; last: number } | null;
  currentPage(): number;
  /** At most this many pages of the view have a box (at a tiny zoom the view can hold more). */
  mountedInView: number;
}

/**
 * The viewer's render queue, its pool of page canvases, and what the queue needs to know: which pages are drawn or failed. Drawn pages
 * go straight into the root's `data-rendered-pages` (tests and the benchmark read it), not through a
 * render of the whole viewer; a page in the view settling lets waiting renders go.
 */
export function usePageRendering(view: PageRenderingView) {
  const viewRef = useRef(view);
  viewRef.current = view;
  /** Pages whose canvas is in place, and pages that could not be drawn. */
  const settled = useRef(new Map<number, 'drawn' | 'failed'>());
  const rootRef = useRef<HTMLDivElement>(null);

  const queue = useMemo(
    () =>
      new RenderQueue({
        distance: (page) => Math.abs(page - viewRef.current.currentPage()),
        visible: (page) => {
          const shown = viewRef.current.inView();
          return shown !== null && page >= shown.first && page <= shown.last;
        },
        viewWaiting: () => {
          const shown = viewRef.current.inView();
          if (!shown) return false;
          const last = Math.min(shown.last, shown.first + viewRef.current.mountedInView);
          for (let page = shown.first; page <= last; page += 1) if (!settled.current.has(page)) return true;
          return false;
        },
      }),
    [],
  );

  // Canvases of pages that left the view, reused for the pages that enter it; let go with the viewer.
  const canvases = useMemo(() => new CanvasPool(), []);
  useEffect(() => () => canvases.clear(), [canvases]);

  const onDrawn = useCallback(
    (page: number, state: PageDrawState) => {
      if (state === 'gone') settled.current.delete(page);
      else settled.current.set(page, state);
      const drawn = [...settled.current].flatMap(([p, s]) => (s === 'drawn' ? [p] : []));
      const value = drawn.sort((a, b) => a - b).join(' ');
      const root = rootRef.current;
      if (root && root.dataset.renderedPages !== value) root.dataset.renderedPages = value;
      queue.wake();
    },
    [queue],
  );

  return { queue, canvases, onDrawn, rootRef };
}
