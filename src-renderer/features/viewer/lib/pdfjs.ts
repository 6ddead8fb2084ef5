// pdf.js, set up once: its worker is a bundled module file (CSP: worker-src 'self').
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { DocumentInitParameters } from 'pdfjs-dist/types/src/display/api';
import type { PdfSource } from './viewer-types';

if (!pdfjs.GlobalWorkerOptions.workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

/** Range requests of 256 KiB: page 1 of a 50 MB scan needs a few of them, not the whole file. */
export const RANGE_CHUNK_SIZE = 262_144;

/** The loading parameters for a source: no eval, no XFA, no scripts; a URL is read by ranges on demand. */
export function loadParameters(source: PdfSource): DocumentInitParameters {
  const common: DocumentInitParameters = {
    isEvalSupported: false,
    enableXfa: false,
    stopAtErrors: false,
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
