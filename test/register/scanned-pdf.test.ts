import { createCanvas } from '@napi-rs/canvas';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeScannedPdf } from '../../src-register/seed/scanned-pdf.js';
import { readJpegInfo } from '../../src-register/seed/scanned-pdf-writer.js';

const LINES = [
  'HARJU MAAKOHUS',
  '',
  'Hageja nõuab kostjalt võlgnevuse tasumist summas 12 345 eurot koos viivisega. Kohus on tutvunud ' +
    'toimikuga ja leiab, et hagi tuleb rahuldada osaliselt järgmistel põhjustel.',
  'Menetlusosalised on esitanud oma seisukohad kirjalikult ning kohtuistungit ei peetud.',
];
const OPTS = { title: 'KOHTUOTSUS tsiviilasjas nr 2-24-12345', lines: LINES, pages: 3, seed: 42 };

type RenderParams = Parameters<Awaited<ReturnType<PDFDocumentProxy['getPage']>>['render']>[0];

async function open(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // pdf.js takes ownership of the buffer it is given, so it gets a copy.
  return getDocument({ data: bytes.slice(), isEvalSupported: false }).promise;
}

describe('makeScannedPdf', () => {
  let bytes: Uint8Array;
  let doc: PDFDocumentProxy;

  beforeAll(async () => {
    bytes = await makeScannedPdf(OPTS);
    doc = await open(bytes);
  });
  afterAll(async () => {
    await doc?.destroy();
  });

  it('is a PDF that pdf.js opens, with the requested number of A4 pages', async () => {
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('%PDF-1.4');
    expect(doc.numPages).toBe(3);
    for (let n = 1; n <= 3; n++) {
      const viewport = (await doc.getPage(n)).getViewport({ scale: 1 });
      expect(viewport.width).toBeCloseTo(595.28, 1);
      expect(viewport.height).toBeCloseTo(841.89, 1);
    }
    const { info } = (await doc.getMetadata()) as { info: { Title?: string } };
    expect(info.Title).toBe(OPTS.title);
  });

  it('has no text layer: every page is one JPEG image', async () => {
    for (let n = 1; n <= 3; n++) {
      const text = await (await doc.getPage(n)).getTextContent();
      expect(text.items).toEqual([]);
    }
    const text = new TextDecoder('latin1').decode(bytes);
    expect(text.match(/\/Subtype \/Image/g)).toHaveLength(3);
    expect(text.match(/\/Filter \/DCTDecode/g)).toHaveLength(3);
    expect(text).not.toMatch(/\/Font/);
    const soi = text.indexOf('stream\n\xff\xd8') + 'stream\n'.length;
    expect(readJpegInfo(bytes.subarray(soi))).toMatchObject({ width: 827, height: 1169 });
  });

  it('renders page 1 as a greyish page with marks on it, not a blank one', async () => {
    const page = await doc.getPage(1);
    const viewport = page.getViewport({ scale: 0.5 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvas, viewport } as unknown as RenderParams).promise;
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let sum = 0;
    let sumSquares = 0;
    let dark = 0;
    const pixels = data.length / 4;
    for (let i = 0; i < data.length; i += 4) {
      const v = data[i]!;
      sum += v;
      sumSquares += v * v;
      if (v < 128) dark++;
    }
    const mean = sum / pixels;
    const variance = sumSquares / pixels - mean * mean;
    expect(mean).toBeGreaterThan(150);
    expect(mean).toBeLessThan(245);
    expect(variance).toBeGreaterThan(100);
    expect(dark / pixels).toBeGreaterThan(0.005);
  });

  it('gives the same bytes for the same seed and different pages for another seed', async () => {
    expect(Buffer.from(await makeScannedPdf(OPTS)).equals(Buffer.from(bytes))).toBe(true);
    const other = await makeScannedPdf({ ...OPTS, seed: 43 });
    expect(Buffer.from(other).equals(Buffer.from(bytes))).toBe(false);
  });

  it('rejects a page count it cannot make', async () => {
    await expect(makeScannedPdf({ ...OPTS, pages: 0 })).rejects.toThrow(/pages must be/);
    await expect(makeScannedPdf({ ...OPTS, pages: 2.5 })).rejects.toThrow(/pages must be/);
  });

  it('makes a 500-page file that pdf.js opens', async () => {
    const started = performance.now();
    const big = await makeScannedPdf({ ...OPTS, pages: 500, seed: 7 });
    const ms = performance.now() - started;
    console.log(
      `500-page scanned PDF: ${(ms / 1000).toFixed(2)} s (${(ms / 500).toFixed(1)} ms/page), ` +
        `${(big.length / 1e6).toFixed(1)} MB`,
    );
    const bigDoc = await open(big);
    try {
      expect(bigDoc.numPages).toBe(500);
      expect((await (await bigDoc.getPage(500)).getTextContent()).items).toEqual([]);
    } finally {
      await bigDoc.destroy();
    }
  });
});

describe('the page tree of a long scan', () => {
  it('is balanced and comes before the images, so any page is found from the start of the file', async () => {
    const { ImagePdfWriter } = await import('../../src-register/seed/scanned-pdf-writer.js');
    const jpeg = createCanvas(20, 28).encodeSync('jpeg', 50);
    const pages = 1100; // two levels of inner nodes under the root at 32 kids each
    const writer = new ImagePdfWriter(pages, { title: 'Toimik', producer: 'test' });
    for (let i = 0; i < pages; i++) writer.addPage(jpeg);
    const bytes = writer.finish();
    const text = Buffer.from(bytes).toString('latin1');
    // Every page dictionary is written before the first image.
    expect(text.lastIndexOf('/Type /Page ')).toBeLessThan(text.indexOf('/Subtype /Image'));
    // No node has more than 32 kids.
    for (const match of text.matchAll(/\/Kids \[([^\]]*)\]/g)) {
      expect(match[1]!.trim().split(/\s+/).length / 3).toBeLessThanOrEqual(32);
    }
    const doc = await open(bytes);
    try {
      expect(doc.numPages).toBe(pages);
      for (const n of [1, 32, 33, 1024, 1025, pages]) {
        const page = await doc.getPage(n);
        expect(page.pageNumber).toBe(n);
        const ops = await page.getOperatorList();
        expect(ops.fnArray.length).toBeGreaterThan(0);
      }
    } finally {
      await doc.destroy();
    }
  });
});
