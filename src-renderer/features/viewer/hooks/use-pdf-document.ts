import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useState } from 'react';
import { MAX_PAGES, toLoadError, tooLargeError } from '../lib/load-error';
import type { PageSize } from '../lib/page-layout';
import { loadParameters, pdfjs, takeWorker } from '../lib/pdfjs';
import type { PdfSource, ViewerLoadError } from '../lib/viewer-types';

export type PdfDocumentState =
  | { status: 'loading'; loaded: number; total: number | null }
  | { status: 'error'; error: ViewerLoadError }
  | {
      status: 'ready';
      pdf: PDFDocumentProxy;
      /** Page 1's size: every page's until its own is known. */
      firstSize: PageSize;
      /** The sizes fetched before the first paint (page 1 and the page to start on). */
      sizes: ReadonlyMap<number, PageSize>;
    };

/**
 * Opens a PDF with pdf.js and fetches the sizes of page 1 and of `startPage`, so the first layout
 * puts the reader exactly where they were. The document is destroyed when the source changes or
 * the viewer goes away.
 */
export function usePdfDocument(source: PdfSource, startPage: number): PdfDocumentState {
  const [state, setState] = useState<PdfDocumentState>({ status: 'loading', loaded: 0, total: null });
  const key = 'url' in source ? source.url : source.data;

  useEffect(() => {
    let alive = true;
    setState({ status: 'loading', loaded: 0, total: null });
    const worker = takeWorker();
    const task = pdfjs.getDocument({
      ...loadParameters('url' in source ? { url: source.url } : source),
      worker,
    });
    let lastProgress = 0;
    task.onProgress = ({ loaded, total }: { loaded: number; total: number }) => {
      const now = performance.now();
      if (!alive || now - lastProgress < 100) return;
      lastProgress = now;
      setState((old) =>
        old.status === 'loading' ? { status: 'loading', loaded, total: total || null } : old,
      );
    };
    const open = async () => {
      const pdf = await task.promise;
      if (pdf.numPages > MAX_PAGES) throw Object.assign(new Error(''), { tooLarge: pdf.numPages });
      const sizeOf = async (page: number): Promise<PageSize> => {
        const viewport = (await pdf.getPage(page)).getViewport({ scale: 1 });
        return { width: viewport.width, height: viewport.height };
      };
      const firstSize = await sizeOf(1);
      const sizes = new Map<number, PageSize>([[1, firstSize]]);
      const start = Math.min(pdf.numPages, Math.max(1, startPage));
      if (start !== 1) {
        const size = await sizeOf(start).catch(() => firstSize);
        sizes.set(start, size);
      }
      return { pdf, firstSize, sizes };
    };
    open().then(
      ({ pdf, firstSize, sizes }) => {
        if (alive) setState({ status: 'ready', pdf, firstSize, sizes });
      },
      (error: unknown) => {
        if (!alive) return;
        const tooLarge =
          typeof error === 'object' &&
          error !== null &&
          'tooLarge' in error &&
          typeof error.tooLarge === 'number'
            ? error.tooLarge
            : null;
        setState({
          status: 'error',
          error: tooLarge !== null ? tooLargeError(tooLarge) : toLoadError(error),
        });
      },
    );
    return () => {
      alive = false;
      // A worker given to getDocument outlives the document unless destroyed here.
      void task.destroy().finally(() => worker.destroy());
    };
    // The source is compared by its URL or its bytes; startPage matters only for the first load.
  }, [key]);

  return state;
}
