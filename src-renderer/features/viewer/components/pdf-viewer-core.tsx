import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useT } from '../../../i18n/use-t';
import { useElementSize } from '../hooks/use-element-size';
import { useStateReport } from '../hooks/use-state-report';
import { usePageRendering } from '../hooks/use-page-rendering';
import { useWheelZoom, viewerKeyHandler, type WheelZoomAnchor } from '../hooks/use-viewer-input';
import {
  buildLayout,
  chooseBase,
  isQuarterTurn,
  mostVisiblePage,
  PAGE_GAP,
  PAGE_PADDING,
  pageAt,
  pagesIn,
  positionAt,
  rotateRect,
  SCROLL_WINDOW,
  scrollTopOf,
  type PageLayout,
  type PageSize,
} from '../lib/page-layout';
import { ViewerContext } from '../lib/viewer-context';
import type {
  PageRect,
  PdfViewerProps,
  Rotation,
  ViewerController,
  ViewerPosition,
  ZoomSetting,
} from '../lib/viewer-types';
import { clampScale, FIT_WIDTH, resolveScale } from '../lib/zoom';
import { PageSlot } from './pdf-viewer-page';
import { PdfViewerToolbar } from './pdf-viewer-toolbar';

/** At most this many page boxes exist at once, whatever the zoom. */
const MAX_MOUNTED_PAGES = 40;

interface Anchor {
  page: number;
  /** The point of the page (fractions of its box) that stays under viewport point (vx, vy). */
  fx: number;
  fy: number;
  vx: number;
  vy: number;
}

export interface PdfViewerCoreProps {
  pdf: PDFDocumentProxy;
  firstSize: PageSize;
  initialSizes: ReadonlyMap<number, PageSize>;
  viewer: PdfViewerProps;
}

function startRotations(numPages: number, given: Readonly<Record<string, Rotation>> | undefined) {
  const rotations: Record<string, Rotation> = {};
  for (const [page, rotation] of Object.entries(given ?? {})) {
    const n = Number(page);
    if (Number.isInteger(n) && n >= 1 && n <= numPages && rotation !== 0) rotations[String(n)] = rotation;
  }
  return rotations;
}

const sameSize = (a: PageSize, b: PageSize) =>
  Math.abs(a.width - b.width) < 0.5 && Math.abs(a.height - b.height) < 0.5;

/** The loaded viewer: toolbar, sidebar and the virtualised column of pages, inside the viewer context. */
export function PdfViewerCore({ pdf, firstSize, initialSizes, viewer }: PdfViewerCoreProps) {
  const t = useT();
  const numPages = pdf.numPages;
  const initial = viewer.initialState;
  const scrollerRef = useRef<HTMLDivElement>(null);
  const view = useElementSize(scrollerRef);
  const [zoom, setZoomState] = useState<ZoomSetting>(initial?.zoom ?? FIT_WIDTH);
  const [rotations, setRotations] = useState(() => startRotations(numPages, initial?.rotations));
  const [sizes, setSizes] = useState(initialSizes);
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  const [fitPage, setFitPage] = useState(() => Math.min(numPages, Math.max(1, initial?.page ?? 1)));
  const [flash, setFlash] = useState<{ page: number; rect: PageRect; key: number } | null>(null);
  const [announced, setAnnounced] = useState('');
  /** Where the scroll area's window starts in the whole column (see SCROLL_WINDOW). */
  const [base, setBase] = useState(0);
  const committedBase = useRef(0);
  const pendingTop = useRef<number | null>(null);

  const positionRef = useRef<ViewerPosition>({
    page: Math.min(numPages, Math.max(1, initial?.page ?? 1)),
    offset: initial?.offset ?? 0,
  });
  const anchorRef = useRef<Anchor | null>(null);
  const frameRef = useRef<number | null>(null);

  const rotationOf = useCallback((page: number): Rotation => rotations[String(page)] ?? 0, [rotations]);
  const fitBase = sizes.get(fitPage) ?? firstSize;
  const fitSize = isQuarterTurn(rotationOf(fitPage))
    ? { width: fitBase.height, height: fitBase.width }
    : fitBase;
  const scale = resolveScale(zoom, fitSize, {
    width: view.width - 2 * PAGE_PADDING,
    height: view.height - 2 * PAGE_GAP,
  });
  const layout = useMemo(
    () => buildLayout(numPages, firstSize, sizes, rotations, scale),
    [numPages, firstSize, sizes, rotations, scale],
  );
  const measured = view.height > 0 && view.width > 0;
  // Only the pages near the view: 100,000 page boxes would not be smooth.
  const pages: number[] = [];
  if (measured) {
    const { first, last } = pagesIn(layout, scroll.top - view.height, scroll.top + 2 * view.height);
    const around = Math.min(last, first + MAX_MOUNTED_PAGES - 1);
    for (let page = first; page <= around; page += 1) pages.push(page);
  }

  // As wide as the widest page near the view, so one turned page elsewhere does not shift the rest.
  const nearWidth = pages.reduce((widest, page) => Math.max(widest, layout.boxSize(page).width), 0);
  const contentWidth = Math.max(view.width, nearWidth + 2 * PAGE_PADDING);
  const currentPage = measured ? mostVisiblePage(layout, scroll.top, view.height) : positionRef.current.page;

  // What the event handlers and the controller read between renders.
  const live = useRef({ layout, contentWidth, scale, currentPage, rotations });
  const leftOf = (boxWidth: number, width: number) => Math.max(PAGE_PADDING, (width - boxWidth) / 2);

  useLayoutEffect(() => {
    live.current = { layout, contentWidth, scale, currentPage, rotations };
  });

  // The window moved: the same place in the column, at its new physical offset.
  useLayoutEffect(() => {
    const element = scrollerRef.current;
    if (!element) return;
    const top = pendingTop.current ?? element.scrollTop + committedBase.current;
    pendingTop.current = null;
    committedBase.current = base;
    element.scrollTop = top - base;
  }, [base]);

  /** Scrolls to `top` of the whole column, moving the window first when needed. */
  const scrollToTop = useCallback((top: number, now: PageLayout) => {
    const element = scrollerRef.current;
    if (!element) return top;
    const total = now.tops[now.numPages]!;
    const clamped = Math.max(0, Math.min(top, total - element.clientHeight));
    const nextBase = chooseBase(clamped, element.clientHeight, total, committedBase.current);
    if (nextBase !== committedBase.current) {
      pendingTop.current = clamped;
      setBase(nextBase);
    } else {
      element.scrollTop = clamped - nextBase;
    }
    return clamped;
  }, []);

  // Keeps the reader's place when the layout changes (zoom, rotation, a page's real size, resize).
  useLayoutEffect(() => {
    const element = scrollerRef.current;
    if (!element || !measured) return;
    live.current.layout = layout;
    const anchor = anchorRef.current;
    anchorRef.current = null;
    let top: number;
    if (anchor) {
      const box = layout.boxSize(anchor.page);
      top = scrollToTop(layout.tops[anchor.page - 1]! + anchor.fy * box.height - anchor.vy, layout);
      element.scrollLeft = leftOf(box.width, contentWidth) + anchor.fx * box.width - anchor.vx;
    } else {
      top = scrollToTop(scrollTopOf(layout, positionRef.current.page, positionRef.current.offset), layout);
    }
    positionRef.current = positionAt(layout, top);
    setScroll({ top, left: element.scrollLeft });
    // contentWidth follows from layout and view.
  }, [layout, measured, view.height, scrollToTop]);

  useEffect(
    () => () => {
      if (frameRef.current !== null) cancelAnimationFrame(frameRef.current);
    },
    [],
  );

  const onScroll = () => {
    const element = scrollerRef.current;
    if (!element) return;
    if (pendingTop.current !== null) return;
    const now = live.current.layout;
    const top = element.scrollTop + committedBase.current;
    positionRef.current = positionAt(now, top);
    const nextBase = chooseBase(top, element.clientHeight, now.tops[now.numPages]!, committedBase.current);
    if (nextBase !== committedBase.current) setBase(nextBase);
    if (frameRef.current !== null) return;
    frameRef.current = requestAnimationFrame(() => {
      frameRef.current = null;
      setScroll({ top: element.scrollTop + committedBase.current, left: element.scrollLeft });
    });
  };

  const goTo = useCallback(
    (page: number, rect?: PageRect) => {
      const element = scrollerRef.current;
      if (!element || !Number.isFinite(page)) return;
      const { layout: now, contentWidth: width, rotations: turns } = live.current;
      const p = Math.min(numPages, Math.max(1, Math.round(page)));
      // The page is asked for first; its box mounts below and waits for the same promise.
      void pdf.getPage(p).catch(() => undefined);
      anchorRef.current = null;
      // The boxes at the new place mount in a synchronous render (flushSync), whoever asked — a key,
      // the toolbar, a panel, a script —, rather than after the scroll event and a frame.
      if (rect) {
        const box = now.boxSize(p);
        const r = rotateRect(rect, turns[String(p)] ?? 0);
        const top = now.tops[p - 1]! + r.y * box.height;
        const height = r.height * box.height;
        const target = scrollToTop(top - Math.max(PAGE_GAP, (element.clientHeight - height) / 3), now);
        positionRef.current = positionAt(now, target);
        const left = leftOf(box.width, width) + r.x * box.width;
        const right = left + r.width * box.width;
        if (left < element.scrollLeft || right > element.scrollLeft + element.clientWidth) {
          element.scrollLeft = Math.max(0, left - PAGE_GAP);
        }
        flushSync(() => {
          setFlash({ page: p, rect, key: performance.now() });
          setScroll({ top: target, left: element.scrollLeft });
        });
      } else {
        const top = scrollToTop(scrollTopOf(now, p, 0), now);
        positionRef.current = positionAt(now, top);
        flushSync(() => setScroll({ top, left: element.scrollLeft }));
      }
    },
    [numPages, scrollToTop, pdf],
  );

  const setZoom = useCallback((next: ZoomSetting) => {
    anchorRef.current = null;
    if (next.kind !== 'scale') setFitPage(live.current.currentPage);
    setZoomState(next.kind === 'scale' ? { kind: 'scale', scale: clampScale(next.scale) } : next);
  }, []);

  const rotate = useCallback(
    (page: number, delta: 90 | -90) => {
      if (!Number.isInteger(page) || page < 1 || page > numPages) return;
      setRotations((old) => {
        const next = (((old[String(page)] ?? 0) + delta + 360) % 360) as Rotation;
        const copy = { ...old };
        if (next === 0) delete copy[String(page)];
        else copy[String(page)] = next;
        return copy;
      });
      setFitPage(page);
    },
    [numPages],
  );

  const zoomAbout = useCallback((change: (old: number) => number, point: WheelZoomAnchor) => {
    const element = scrollerRef.current;
    if (!element) return;
    const { layout: now, contentWidth: width } = live.current;
    const y = element.scrollTop + committedBase.current + point.y;
    const page = pageAt(now, y);
    const box = now.boxSize(page);
    anchorRef.current = {
      page,
      fy: (y - now.tops[page - 1]!) / box.height,
      fx: (element.scrollLeft + point.x - leftOf(box.width, width)) / box.width,
      vx: point.x,
      vy: point.y,
    };
    const next = change(live.current.scale);
    live.current.scale = next;
    setZoomState({ kind: 'scale', scale: next });
  }, []);
  useWheelZoom(scrollerRef, zoomAbout);

  const controller = useMemo<ViewerController>(
    () => ({ pdf, numPages, currentPage, zoom, scale, rotationOf, goTo, setZoom, rotate }),
    [pdf, numPages, currentPage, zoom, scale, rotationOf, goTo, setZoom, rotate],
  );

  /** The pages in the view this moment (the scroll position, not the last render's). */
  const inView = useCallback((): { first: number; last: number } | null => {
    const element = scrollerRef.current;
    if (!element || element.clientHeight === 0) return null;
    const top = element.scrollTop + committedBase.current;
    const now = live.current.layout;
    const { first, last } = pagesIn(now, top, top + element.clientHeight);
    // pagesIn counts the gap above a page as its neighbour's; only a page's own box is "in view".
    const shown = (page: number) => now.tops[page - 1]! + now.boxSize(page).height > top;
    return { first: first < last && !shown(first) ? first + 1 : first, last };
  }, []);
  const { queue, canvases, onDrawn, rootRef } = usePageRendering({
    inView,
    currentPage: () => live.current.currentPage,
    mountedInView: MAX_MOUNTED_PAGES / 2,
  });

  const onSize = useCallback(
    (page: number, size: PageSize) =>
      setSizes((old) => {
        if (sameSize(old.get(page) ?? firstSize, size)) return old;
        return new Map(old).set(page, size);
      }),
    [firstSize],
  );

  useEffect(() => {
    if (!flash) return;
    const id = window.setTimeout(() => setFlash(null), 1600);
    return () => window.clearTimeout(id);
  }, [flash]);

  useEffect(() => {
    const id = window.setTimeout(
      () => setAnnounced(t('viewer.page.current', { page: currentPage, count: numPages })),
      800,
    );
    return () => window.clearTimeout(id);
  }, [currentPage, numPages, t]);

  const position = measured ? positionAt(layout, scroll.top) : positionRef.current;
  useStateReport(
    { page: position.page, offset: Math.round(position.offset * 10_000) / 10_000, zoom, rotations },
    viewer.onStateChange,
  );

  return (
    <ViewerContext.Provider value={controller}>
      <div
        ref={rootRef}
        className="pdf-viewer"
        data-ready="true"
        data-current-page={currentPage}
        // Set once here; onDrawn keeps it current without a render.
        data-rendered-pages=""
        onKeyDown={viewerKeyHandler(scrollerRef, controller)}
      >
        <PdfViewerToolbar end={viewer.toolbarEnd} />
        <div className="pdf-viewer__body">
          {viewer.sidebar && <div className="pdf-viewer__sidebar">{viewer.sidebar}</div>}
          <div
            ref={scrollerRef}
            className="pdf-viewer__scroller"
            role="region"
            aria-label={viewer.label}
            tabIndex={0}
            onScroll={onScroll}
          >
            <div
              className="pdf-viewer__content"
              style={{ height: Math.min(layout.tops[numPages]! - base, SCROLL_WINDOW), width: contentWidth }}
            >
              {pages.map((page) => (
                <PageSlot
                  key={page}
                  page={page}
                  layout={layout}
                  base={base}
                  left={leftOf(layout.boxSize(page).width, contentWidth)}
                  rotation={rotationOf(page)}
                  {...{ pdf, queue, canvases, onSize, onDrawn }}
                  layers={viewer.pageLayers}
                  flash={flash?.page === page ? flash : null}
                />
              ))}
            </div>
          </div>
        </div>
        <div className="visually-hidden" aria-live="polite" aria-atomic="true">
          {announced}
        </div>
      </div>
    </ViewerContext.Provider>
  );
}
