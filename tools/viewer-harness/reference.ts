// The benchmark's peer: pdf.js's own reference viewer component (PDFViewer + EventBus +
// PDFLinkService) on the same file and with the same loading settings as our viewer
// (src-renderer/features/viewer/lib/pdfjs.ts): same worker file, no eval, URL read by 256 KiB ranges,
// no auto-fetch, no streaming; same canvas pixel cap; fit width.
// Query: ?file=<url>&page=N. Exposes the same test surface as index.html: `window.__viewer` with
// `ready` and `controller.goTo(page)`, and `data-ready` / `data-rendered-pages` (pages whose canvas
// is drawn now, space-separated) on the scroll container.
import 'pdfjs-dist/web/pdf_viewer.css';
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

const RANGE_CHUNK_SIZE = 262_144;
const MAX_CANVAS_PIXELS = 16_777_216;

interface ReferenceViewer {
  ready: Promise<void>;
  controller: { readonly numPages: number; goTo(page: number): void };
}

declare global {
  interface Window {
    __viewer?: ReferenceViewer;
  }
  // pdf_viewer.mjs reads the library from this global when it is evaluated.
  var pdfjsLib: typeof pdfjs | undefined;
}

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const file = params.get('file');
  if (!file) throw new Error('reference viewer: ?file=<url> is required');
  const startPage = Number(params.get('page') ?? '1');

  globalThis.pdfjsLib = pdfjs;
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  const { EventBus, PDFLinkService, PDFViewer, RenderingStates } =
    await import('pdfjs-dist/web/pdf_viewer.mjs');

  const container = document.getElementById('viewerContainer') as HTMLDivElement;
  const eventBus = new EventBus();
  const linkService = new PDFLinkService({ eventBus });
  const viewer = new PDFViewer({
    container,
    viewer: document.getElementById('viewer') as HTMLDivElement,
    eventBus,
    linkService,
    maxCanvasPixels: MAX_CANVAS_PIXELS,
  });
  linkService.setViewer(viewer);

  const markRendered = () => {
    const drawn: number[] = [];
    for (let i = 0; i < viewer.pagesCount; i++) {
      if (viewer.getPageView(i)?.renderingState === RenderingStates.FINISHED) drawn.push(i + 1);
    }
    const value = drawn.join(' ');
    if (container.dataset.renderedPages !== value) container.dataset.renderedPages = value;
  };
  eventBus.on('pagerendered', markRendered);
  eventBus.on('updateviewarea', markRendered);

  let resolveReady = () => {};
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  eventBus.on('pagesinit', () => {
    viewer.currentScaleValue = 'page-width';
    if (startPage > 1) viewer.currentPageNumber = startPage;
    container.dataset.ready = 'true';
    resolveReady();
  });
  window.__viewer = {
    ready,
    controller: {
      get numPages() {
        return viewer.pagesCount;
      },
      goTo(page: number) {
        viewer.currentPageNumber = page;
      },
    },
  };

  const pdf = await pdfjs.getDocument({
    url: file,
    isEvalSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    disableAutoFetch: true,
    disableStream: true,
    rangeChunkSize: RANGE_CHUNK_SIZE,
  }).promise;
  viewer.setDocument(pdf);
  linkService.setDocument(pdf, null);
}

start().catch((error: unknown) => {
  document.documentElement.dataset.error = error instanceof Error ? error.message : String(error);
  throw error;
});
