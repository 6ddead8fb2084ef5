// JPEG decoding side by side, for e2e/viewer-jpeg.spec.ts. window.__jpeg.compare(base64) decodes one
// JPEG three ways and compares them in the page (megapixels never cross to the test):
//   native  — the decoder our pdf.js worker uses (src-renderer/features/viewer/worker/native-jpeg.ts);
//   pdfjs   — pdf.js's own JavaScript decoder (what Chromium gets from pdf.js by default);
//   applied — the browser's decoder with the JPEG's colour profile applied (what we must not do).
// (.tsx only so that the DOM type check, which takes the harness's .tsx files, checks it too.)
import { JpegImage } from 'pdfjs-dist/image_decoders/pdf.image_decoders.mjs';
import { JpegDecoder } from '../../src-renderer/features/viewer/worker/native-jpeg';
import type { Comparison, Difference, JpegHarness } from './jpeg-types';

/** RGBA pixels of a bitmap, as a page would draw them. */
function pixels(bitmap: ImageBitmap): Uint8ClampedArray {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D context');
  ctx.drawImage(bitmap, 0, 0);
  return ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
}

function difference(a: Uint8ClampedArray, b: Uint8ClampedArray): Difference {
  let sum = 0;
  let over = 0;
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    if (i % 4 === 3) continue; // alpha
    const d = Math.abs(a[i]! - b[i]!);
    sum += d;
    if (d > 16) over += 1;
    count += 1;
  }
  return { mean: sum / count, over16: over / count };
}

function bandMean(rgba: Uint8ClampedArray, width: number, rows: number): number[] {
  const sum = [0, 0, 0];
  for (let i = 0; i < width * rows * 4; i += 4) for (let c = 0; c < 3; c++) sum[c]! += rgba[i + c]!;
  return sum.map((s) => s / (width * rows));
}

async function compare(base64: string, bandRows: number): Promise<Comparison> {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

  let started = performance.now();
  const decoded = await new JpegDecoder({ data: bytes, type: 'image/jpeg' }).decode();
  const bitmap = decoded.image as unknown as ImageBitmap;
  const nativeMs = performance.now() - started;
  const native = pixels(bitmap);
  const { width, height } = bitmap;

  started = performance.now();
  const jpeg = new JpegImage();
  jpeg.parse(bytes);
  const rgb = jpeg.getData({ width, height, forceRGB: true, isSourcePDF: true });
  const pdfjsMs = performance.now() - started;
  const pdfjs = new Uint8ClampedArray(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    pdfjs.set(rgb.subarray(3 * p, 3 * p + 3), 4 * p);
    pdfjs[4 * p + 3] = 255;
  }

  const applied = pixels(await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' })));
  return {
    width,
    height,
    band: {
      native: bandMean(native, width, bandRows),
      pdfjs: bandMean(pdfjs, width, bandRows),
      applied: bandMean(applied, width, bandRows),
    },
    nativeVsPdfjs: difference(native, pdfjs),
    appliedVsPdfjs: difference(applied, pdfjs),
    ms: { native: nativeMs, pdfjs: pdfjsMs },
  };
}

declare global {
  interface Window {
    __jpeg: JpegHarness;
  }
}

window.__jpeg = {
  compare,
  unsupported: async (type) => !(await JpegDecoder.isTypeSupported(type)),
};
document.documentElement.dataset.ready = 'true';
