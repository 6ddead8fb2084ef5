import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../../i18n/use-t';
import { useViewer } from '../lib/viewer-context';
import type { Rotation } from '../lib/viewer-types';

/** The box a thumbnail's page is fitted into, in CSS pixels, and each slot's height with its label. */
export const THUMB_BOX = { width: 112, height: 150 } as const;
export const SLOT_HEIGHT = 190;
/** Slots rendered beyond the visible ones, above and below. */
const OVERSCAN = 3;
/** Thumbnails being drawn at once. */
export const MAX_CONCURRENT_RENDERS = 2;

/** A tiny limiter: at most `limit` jobs run; the others wait their turn (a cancelled one is skipped). */
export function createRenderQueue(limit: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    running -= 1;
    waiting.shift()?.();
  };
  return {
    /** Resolves with a `done` to call when the slot is free again. */
    acquire(signal: AbortSignal): Promise<() => void> {
      return new Promise((resolve, reject) => {
        const start = () => {
          if (signal.aborted) {
            reject(signal.reason);
            waiting.shift()?.();
            return;
          }
          running += 1;
          resolve(release);
        };
        if (running < limit) start();
        else waiting.push(start);
      });
    },
  };
}
type RenderQueue = ReturnType<typeof createRenderQueue>;

async function drawThumbnail(
  pdf: PDFDocumentProxy,
  pageNumber: number,
  rotation: Rotation,
  canvas: HTMLCanvasElement,
  queue: RenderQueue,
  signal: AbortSignal,
): Promise<void> {
  const done = await queue.acquire(signal);
  try {
    const page = await pdf.getPage(pageNumber);
    if (signal.aborted) return;
    const base = page.getViewport({ scale: 1, rotation: (page.rotate + rotation) % 360 });
    const scale = Math.min(THUMB_BOX.width / base.width, THUMB_BOX.height / base.height);
    const ratio = window.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale: scale * ratio, rotation: (page.rotate + rotation) % 360 });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
    canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
    const task = page.render({ canvas, viewport });
    const cancel = () => task.cancel();
    signal.addEventListener('abort', cancel);
    try {
      await task.promise;
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  } finally {
    done();
  }
}

/** Small images of the pages, drawn only near the panel's view; click or Enter goes to the page. */
export function ThumbnailsPanel() {
  const { t } = useI18n();
  const viewer = useViewer();
  const { numPages, currentPage } = viewer;
  const scroller = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState({ first: 1, last: Math.min(numPages, 8) });
  const [focused, setFocused] = useState(currentPage);
  const focusAfterRender = useRef(false);
  const queue = useMemo(() => createRenderQueue(MAX_CONCURRENT_RENDERS), []);

  const measure = () => {
    const element = scroller.current;
    if (!element) return;
    const height = element.clientHeight || SLOT_HEIGHT * 4;
    const first = Math.max(1, Math.floor(element.scrollTop / SLOT_HEIGHT) + 1 - OVERSCAN);
    const last = Math.min(numPages, Math.ceil((element.scrollTop + height) / SLOT_HEIGHT) + OVERSCAN);
    setRange((previous) => (previous.first === first && previous.last === last ? previous : { first, last }));
  };

  const reveal = (page: number) => {
    const element = scroller.current;
    if (!element) return;
    const top = (page - 1) * SLOT_HEIGHT;
    const height = element.clientHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + SLOT_HEIGHT > element.scrollTop + height) element.scrollTop = top + SLOT_HEIGHT - height;
    measure();
  };

  useLayoutEffect(measure);

  // The current page follows the reader; its thumbnail scrolls into the panel's view.
  useEffect(() => {
    setFocused(currentPage);
    reveal(currentPage);
  }, [currentPage]);

  useEffect(() => {
    if (!focusAfterRender.current) return;
    focusAfterRender.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-page="${focused}"]`)?.focus();
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: focused + 1,
      ArrowRight: focused + 1,
      ArrowUp: focused - 1,
      ArrowLeft: focused - 1,
      Home: 1,
      End: numPages,
      PageDown: focused + 4,
      PageUp: focused - 4,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const page = Math.min(numPages, Math.max(1, target));
    setFocused(page);
    focusAfterRender.current = true;
    reveal(page);
  };

  const pages: number[] = [];
  for (let page = range.first; page <= range.last; page += 1) pages.push(page);

  return (
    <div
      className="thumbnails"
      ref={scroller}
      onScroll={measure}
      onKeyDown={onKeyDown}
      data-testid="thumbnails-panel"
    >
      <ol
        className="thumbnails__list"
        aria-label={t('viewerPanels.thumbnails.label')}
        style={{ height: `${numPages * SLOT_HEIGHT}px` }}
      >
        {pages.map((page) => (
          <Thumbnail
            key={page}
            page={page}
            rotation={viewer.rotationOf(page)}
            current={page === currentPage}
            tabbable={page === focused}
            queue={queue}
            onFocus={() => setFocused(page)}
          />
        ))}
      </ol>
    </div>
  );
}

interface ThumbnailProps {
  page: number;
  rotation: Rotation;
  current: boolean;
  tabbable: boolean;
  queue: RenderQueue;
  onFocus(): void;
}

function Thumbnail({ page, rotation, current, tabbable, queue, onFocus }: ThumbnailProps) {
  const { t, format } = useI18n();
  const { pdf, goTo } = useViewer();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'drawing' | 'drawn' | 'failed'>('drawing');

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const controller = new AbortController();
    setState('drawing');
    drawThumbnail(pdf, page, rotation, element, queue, controller.signal).then(
      () => !controller.signal.aborted && setState('drawn'),
      () => !controller.signal.aborted && setState('failed'),
    );
    return () => {
      controller.abort();
      // Releases the bitmap at once: a far thumbnail keeps no memory.
      element.width = 0;
      element.height = 0;
    };
  }, [pdf, page, rotation, queue]);

  const label = t('viewerPanels.thumbnails.page', { page: format.number(page) });
  return (
    <li
      className="thumbnails__slot"
      style={{ top: `${(page - 1) * SLOT_HEIGHT}px`, height: `${SLOT_HEIGHT}px` }}
    >
      <button
        type="button"
        className={current ? 'thumbnails__item thumbnails__item--current' : 'thumbnails__item'}
        data-page={page}
        data-state={state}
        tabIndex={tabbable ? 0 : -1}
        aria-current={current ? 'page' : undefined}
        aria-label={label}
        onFocus={onFocus}
        onClick={() => goTo(page)}
      >
        <span className="thumbnails__box">
          <canvas ref={canvas} className="thumbnails__canvas" aria-hidden="true" />
        </span>
        <span className="thumbnails__number" aria-hidden="true">
          {format.number(page)}
        </span>
      </button>
    </li>
  );
}
