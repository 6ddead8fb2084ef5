// pdf.js, set up once: its worker is a bundled module file (CSP: worker-src 'self'), with the
// browser's JPEG decoder installed (worker/pdf-worker.ts).
import * as pdfjs from 'pdfjs-dist';
import workerUrl from '../worker/pdf-worker?worker&url';
import type { DocumentInitParameters } from 'pdfjs-dist/types/src/display/api';
import type { PdfSource } from './viewer-types';

if (!pdfjs.GlobalWorkerOptions.workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * A worker started when this module loads, for the first document: its 1 MB script loads and
 * compiles while the viewer renders, instead of after it. Later documents start their own.
 */
let spare: pdfjs.PDFWorker | null = typeof Worker === 'undefined' ? null : new pdfjs.PDFWorker();

/** The worker for a new document; whoever takes it destroys it after the document. */
export function takeWorker(): pdfjs.PDFWorker {
  const worker = spare ?? new pdfjs.PDFWorker();
  spare = null;
  return worker;
}

/** Range requests of 256 KiB: page 1 of a 50 MB scan needs a few of them, not the whole file. */
export const RANGE_CHUNK_SIZE = 262_144;

/** The loading parameters for a source: no eval, no XFA, no scripts; a URL is read by ranges on demand. */
export function loadParameters(source: PdfSource): DocumentInitParameters {
  const common: DocumentInitParameters = {
    isEvalSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    // Scanned pages are JPEGs: the worker decodes them with the browser's decoder (worker/native-jpeg.ts).
    isImageDecoderSupported: true,
  };
  if ('url' in source) {
    return {
      ...common,
      url: source.url,
      disableAutoFetch: true,
      disableStream: true,
      rangeChunkSize: RANGE_CHUNK_SIZE,
    };
  }
  // pdf.js hands the bytes to its worker; a copy keeps the caller's array usable.
  return { ...common, data: source.data.slice() };
}

export { pdfjs };
