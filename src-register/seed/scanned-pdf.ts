import { encodeScannedPages, planScannedPages } from './scanned-pdf-page.js';
import { ImagePdfWriter } from './scanned-pdf-writer.js';

/** More pages than any court file we need to imitate; guards against a typo making gigabytes. */
const MAX_PAGES = 10_000;

/**
 * A scanned-looking, image-only PDF (no text layer): one greyish, speckled,
 * slightly crooked A4 page image per page, typed text on it, JPEG-compressed.
 * The same options always give the same bytes on the same machine (fonts aside).
 */
export async function makeScannedPdf(opts: {
  title: string;
  lines: string[];
  pages: number;
  seed: number;
}): Promise<Uint8Array> {
  if (!Number.isInteger(opts.pages) || opts.pages < 1 || opts.pages > MAX_PAGES) {
    throw new RangeError(`pages must be a whole number from 1 to ${MAX_PAGES}, got ${opts.pages}`);
  }
  if (!Number.isFinite(opts.seed)) throw new RangeError(`seed must be a finite number, got ${opts.seed}`);
  const plans = planScannedPages(opts);
  const writer = new ImagePdfWriter(opts.pages, { title: opts.title, producer: 'Chambers demo seed' });
  await encodeScannedPages(plans, (jpeg) => writer.addPage(jpeg));
  return writer.finish();
}
