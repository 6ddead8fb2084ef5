import type { PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist';
import { memo, useEffect, useRef, useState } from 'react';
import { useT } from '../../../i18n/use-t';
import { type CanvasPool, release } from '../lib/canvas-pool';
import { outputScale } from '../lib/canvas-size';
import type { PageLayout, PageSize } from '../lib/page-layout';
import type { RenderQueue } from '../lib/render-queue';
import type { PageLayer, PageRect, PdfViewerProps, Rotation } from '../lib/viewer-types';

export interface PdfPageProps {
  pdf: PDFDocumentProxy;
  page: number;
  top: number;
  left: number;
  /** CSS pixels of the page box, turned. */
  width: number;
  height: number;
  rotation: Rotation;
  scale: number;
  queue: RenderQueue;
  /** Canvases of pages that left the view, for this page's drawing. */
  canvases: CanvasPool;
  layers: readonly PageLayer[] | undefined;
  /** A region to flash (after `goTo(page, rect)`); `flashKey` restarts the flash. */
  flash: PageRect | null;
  flashKey: number;
  onSize(page: number, size: PageSize): void;
  /** The page's canvas is in place, its drawing failed, or its box is gone. */
  onDrawn(page: number, state: PageDrawState): void;
}

export type PageDrawState = 'drawn' | 'failed' | 'gone';

const isCancel = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  'name' in error &&
  error.name === 'RenderingCancelledException';

/** One page box: its canvas (drawn at the device's pixel ratio, capped) and the layers over it. */
export const PdfPage = memo(function PdfPage(props: PdfPageProps) {
  const { pdf, page, rotation, scale, queue, canvases, onSize, onDrawn } = props;
  const t = useT();
  const holderRef = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let alive = true;
    let loaded: PDFPageProxy | null = null;
    pdf.getPage(page).then(
      (p) => {
        loaded = p;
        if (!alive) return;
        const viewport = p.getViewport({ scale: 1 });
        onSize(page, { width: viewport.width, height: viewport.height });
      },
      () => {
        if (!alive) return;
        setFailed(true);
        onDrawn(page, 'failed');
      },
    );
    return () => {
      alive = false;
      loaded?.cleanup();
    };
  }, [pdf, page, onSize, onDrawn]);

  useEffect(() => {
    const holder = holderRef.current;
    if (!holder) return;
    let cancelled = false;
    let task: RenderTask | null = null;
    const run = async (proxy: PDFPageProxy) => {
      if (cancelled) return;
      const turn = (proxy.rotate + rotation) % 360;
      const css = proxy.getViewport({ scale, rotation: turn });
      const ratio = outputScale(css.width, css.height, window.devicePixelRatio);
      const viewport = proxy.getViewport({ scale: scale * ratio, rotation: turn });
      const canvas = canvases.take(
        Math.max(1, Math.floor(viewport.width)),
        Math.max(1, Math.floor(viewport.height)),
      );
      canvas.className = 'pdf-page__canvas';
      task = proxy.render({ canvas, viewport });
      try {
        await task.promise;
      } catch (error) {
        release(canvas);
        if (!cancelled && !isCancel(error)) {
          setFailed(true);
          onDrawn(page, 'failed');
        }
        return;
      }
      if (cancelled) {
        release(canvas);
        return;
      }
      const old = holder.firstElementChild;
      holder.replaceChildren(canvas);
      canvases.give(old);
      setFailed(false);
      onDrawn(page, 'drawn');
    };
    let drop: (() => void) | null = null;
    let timer: number | null = null;
    // The page straight from pdf.js (which keeps one promise per page, the one the size effect above
    // waits for too), not through a render of this component: a jump's page is queued sooner.
    pdf.getPage(page).then(
      (proxy) => {
        if (cancelled) return;
        const queueRender = () => {
          drop = queue.enqueue(page, () => run(proxy));
        };
        // A page already drawn keeps its stretched canvas while the zoom settles, then redraws.
        if (holder.firstElementChild) timer = window.setTimeout(queueRender, 120);
        else queueRender();
      },
      () => undefined, // the size effect above says the page failed
    );
    return () => {
      cancelled = true;
      if (timer !== null) window.clearTimeout(timer);
      drop?.();
      task?.cancel();
    };
  }, [pdf, page, rotation, scale, queue, canvases, onDrawn]);

  useEffect(() => {
    const holder = holderRef.current;
    return () => {
      // Drawn completely: the next page to draw may reuse it.
      canvases.give(holder?.firstElementChild);
      holder?.replaceChildren();
      onDrawn(page, 'gone');
    };
  }, [page, canvases, onDrawn]);

  const turned = rotation === 90 || rotation === 270;
  const unturned = turned
    ? { width: props.height, height: props.width }
    : { width: props.width, height: props.height };
  const info = { page, width: unturned.width, height: unturned.height, rotation, scale };
  return (
    <div
      className="pdf-page"
      role="group"
      aria-label={t('viewer.page.label', { page })}
      data-page-number={page}
      style={{ top: props.top, left: props.left, width: props.width, height: props.height }}
    >
      <div className="pdf-page__holder" ref={holderRef} />
      <div
        className="pdf-page__layers"
        style={{
          width: unturned.width,
          height: unturned.height,
          transform: `translate(-50%, -50%) rotate(${rotation}deg)`,
        }}
      >
        {props.layers?.map((layer, index) => (
          <div className="pdf-page__layer" key={index}>
            {layer(info)}
          </div>
        ))}
        {props.flash && (
          <div
            key={props.flashKey}
            className="pdf-page__flash"
            style={{
              left: `${props.flash.x * 100}%`,
              top: `${props.flash.y * 100}%`,
              width: `${props.flash.width * 100}%`,
              height: `${props.flash.height * 100}%`,
            }}
          />
        )}
      </div>
      {failed && (
        <p className="pdf-page__error" role="alert">
          {t('viewer.page.renderError', { page })}
        </p>
      )}
    </div>
  );
});

/** A page's box at its place in the layout (relative to the scroll window's base). */
export function PageSlot(props: {
  page: number;
  layout: PageLayout;
  base: number;
  left: number;
  rotation: Rotation;
  pdf: PDFDocumentProxy;
  queue: RenderQueue;
  canvases: CanvasPool;
  onSize(page: number, size: PageSize): void;
  onDrawn(page: number, state: PageDrawState): void;
  layers: PdfViewerProps['pageLayers'];
  flash: { rect: PageRect; key: number } | null;
}) {
  const box = props.layout.boxSize(props.page);
  return (
    <PdfPage
      pdf={props.pdf}
      page={props.page}
      top={props.layout.tops[props.page - 1]! - props.base}
      left={props.left}
      width={box.width}
      height={box.height}
      rotation={props.rotation}
      scale={props.layout.scale}
      queue={props.queue}
      canvases={props.canvases}
      layers={props.layers}
      flash={props.flash?.rect ?? null}
      flashKey={props.flash?.key ?? 0}
      onSize={props.onSize}
      onDrawn={props.onDrawn}
    />
  );
}
