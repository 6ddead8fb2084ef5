// The viewer's PDF fixtures, checked against pdf.js itself (legacy build, in Node): the text PDF has
// the text and outline it promises, and each bad file makes pdf.js do what BAD_PDFS says.
import { resolve } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import {
  ALERT_SCRIPT,
  BAD_PDFS,
  badXref,
  ESTONIAN_LINE,
  hugePageCount,
  LAUNCH_TARGET,
  LINK_URI,
  makeTextPdf,
  pageSentence,
  passwordProtected,
  randomBytes,
  rc4,
  textPdfOutline,
  truncated,
  USER_PASSWORD,
  withJavaScript,
  type OutlineNode,
} from '../support/pdf-fixtures.js';

// Helvetica is not embedded: pdf.js draws it from its own standard font data.
const STANDARD_FONTS = `${resolve(import.meta.dirname, '../../node_modules/pdfjs-dist/standard_fonts')}/`;

type RenderParams = Parameters<Awaited<ReturnType<PDFDocumentProxy['getPage']>>['render']>[0];

function open(bytes: Uint8Array, password?: string): Promise<PDFDocumentProxy> {
  // pdf.js takes ownership of the buffer it is given, so it gets a copy.
  return getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    verbosity: 0,
    password,
    standardFontDataUrl: STANDARD_FONTS,
  }).promise;
}

async function pageText(doc: PDFDocumentProxy, n: number): Promise<string[]> {
  const { items } = await (await doc.getPage(n)).getTextContent();
  return items.flatMap((item) => ('str' in item && item.str ? [item.str] : []));
}

/** Renders page 1 small and counts dark pixels: text drawn means some. */
async function darkPixelsOfPage1(doc: PDFDocumentProxy): Promise<number> {
  const page = await doc.getPage(1);
  const viewport = page.getViewport({ scale: 0.5 });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  await page.render({ canvas, viewport } as unknown as RenderParams).promise;
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let dark = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && data[i]! < 128) dark++;
  return dark;
}

async function errorOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('makeTextPdf', () => {
  it('has the known sentence and the Estonian letters in its text layer, on the right page', async () => {
    const doc = await open(makeTextPdf({ pages: 7, title: 'Kohtuotsus' }));
    try {
      expect(doc.numPages).toBe(7);
      const page3 = await pageText(doc, 3);
      expect(page3).toContain(pageSentence(3));
      expect(page3).toContain(ESTONIAN_LINE);
      expect(page3.join(' ')).not.toContain(pageSentence(4));
      expect(await pageText(doc, 7)).toContain(pageSentence(7));
      const { info } = (await doc.getMetadata()) as { info: { Title?: string } };
      expect(info.Title).toBe('Kohtuotsus');
    } finally {
      await doc.destroy();
    }
  });

  it('has an outline of chapters with one nested level leading to the right pages', async () => {
    const doc = await open(makeTextPdf({ pages: 10, title: 'Kohtuotsus' }));
    try {
      const outline = await doc.getOutline();
      const pageOf = async (dest: unknown): Promise<number> => {
        const ref = (dest as [{ num: number; gen: number }])[0];
        return (await doc.getPageIndex(ref)) + 1;
      };
      type PdfOutline = NonNullable<Awaited<ReturnType<PDFDocumentProxy['getOutline']>>>;
      const shape = async (items: PdfOutline): Promise<OutlineNode[]> =>
        Promise.all(
          items.map(async (item) => ({
            title: item.title,
            page: await pageOf(item.dest),
            items: await shape(item.items),
          })),
        );
      const expected = textPdfOutline(10);
      expect(expected.map((c) => c.items.length)).toEqual([4, 4, 2]);
      expect(await shape(outline ?? [])).toEqual(expected);
    } finally {
      await doc.destroy();
    }
  });

  it('gives the same bytes for the same arguments, other bytes for another seed', () => {
    const a = makeTextPdf({ pages: 3, title: 'A', seed: 1 });
    expect(makeTextPdf({ pages: 3, title: 'A', seed: 1 })).toEqual(a);
    expect(makeTextPdf({ pages: 3, title: 'A', seed: 2 })).not.toEqual(a);
  });
});

describe('bad PDFs', () => {
  it('random bytes and a truncated file are InvalidPDFException', async () => {
    expect((await errorOf(open(randomBytes(2000, 1)))).name).toBe('InvalidPDFException');
    const pdf = makeTextPdf({ pages: 6, title: 'T' });
    expect((await errorOf(open(truncated(pdf)))).name).toBe('InvalidPDFException');
  });

  it('a file with a garbage xref is repaired by pdf.js and keeps its text', async () => {
    const pdf = makeTextPdf({ pages: 4, title: 'T' });
    const bad = badXref(pdf);
    expect(bad).not.toEqual(pdf);
    expect(bad.length).toBe(pdf.length);
    const doc = await open(bad);
    try {
      expect(doc.numPages).toBe(4);
      expect(await pageText(doc, 2)).toContain(pageSentence(2));
    } finally {
      await doc.destroy();
    }
  });

  it('a page tree claiming a million pages comes down to the two real ones', async () => {
    expect(new TextDecoder('latin1').decode(hugePageCount())).toContain('/Count 1000000');
    const doc = await open(hugePageCount());
    try {
      expect(doc.numPages).toBe(2);
      expect(await pageText(doc, 2)).toContain(pageSentence(2));
    } finally {
      await doc.destroy();
    }
  });

  it('the password-protected file needs "salajane" and opens with it', async () => {
    const bytes = passwordProtected();
    const missing = await errorOf(open(bytes));
    expect(missing.name).toBe('PasswordException');
    expect((missing as Error & { code: number }).code).toBe(1); // NEED_PASSWORD
    const wrong = await errorOf(open(bytes, 'vale'));
    expect((wrong as Error & { code: number }).code).toBe(2); // INCORRECT_PASSWORD
    const doc = await open(bytes, USER_PASSWORD);
    try {
      expect(await pageText(doc, 1)).toContain(pageSentence(1));
    } finally {
      await doc.destroy();
    }
    // The content stream really is encrypted: the sentence is not in the file as plain text.
    expect(new TextDecoder('latin1').decode(bytes)).not.toContain('Kohus leiab');
  });

  it('RC4 matches the published test vector', () => {
    const out = rc4(new TextEncoder().encode('Key'), new TextEncoder().encode('Plaintext'));
    expect(Buffer.from(out).toString('hex')).toBe('bbf316e8d940af0ad3');
  });

  it('the active-content file carries its scripts, Launch and URI actions', async () => {
    const doc = await open(withJavaScript());
    try {
      expect(await doc.getJSActions()).toEqual({ init: [ALERT_SCRIPT], OpenAction: [ALERT_SCRIPT] });
      const page = await doc.getPage(1);
      expect(await page.getJSActions()).toEqual({ PageOpen: [ALERT_SCRIPT] });
      const links = (await page.getAnnotations()) as Array<{
        subtype: string;
        url?: string;
        unsafeUrl?: string;
      }>;
      expect(links.map((a) => [a.subtype, a.url, a.unsafeUrl])).toEqual([
        ['Link', undefined, LAUNCH_TARGET],
        ['Link', LINK_URI, LINK_URI],
      ]);
    } finally {
      await doc.destroy();
    }
  });

  it.each(BAD_PDFS.map((bad) => [bad.name, bad] as const))(
    '%s: pdf.js does what BAD_PDFS expects',
    async (_name, bad) => {
      const loaded = open(bad.bytes).then(async (doc) => {
        try {
          return await darkPixelsOfPage1(doc);
        } finally {
          await doc.destroy();
        }
      });
      if (bad.expect === 'error') {
        expect((await errorOf(loaded)).name).toMatch(/^(InvalidPDFException|PasswordException)$/);
      } else {
        expect(await loaded).toBeGreaterThan(100);
      }
    },
  );
});
