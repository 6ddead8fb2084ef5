// The viewer's JPEG decoding in real Chromium (decision 15): pdf.js's worker decodes scanned pages with
// the browser's decoder (src-renderer/features/viewer/worker/native-jpeg.ts). Checked here: it gives the
// pixels pdf.js's own decoder gives, it ignores a JPEG's embedded colour profile as pdf.js does, the
// viewer's worker really uses it, and a page whose JPEG is broken does not break the viewer.
//   npx playwright test e2e/viewer-jpeg.spec.ts
import { expect, type Page, test } from '@playwright/test';
import {
  FLAT_GREY,
  GREY_BAND_ROWS,
  linearRgbProfile,
  pdfOfJpegs,
  scanPageJpeg,
  testCardJpeg,
  withIccProfile,
} from '../test/support/jpeg-fixtures.js';
import type { Comparison, JpegHarness } from '../tools/viewer-harness/jpeg-types.js';
import type { CanvasLike } from './support/canvas.js';
import { guard } from './support/harness-server.js';
import { useViewerHarness } from './support/viewer-harness.js';

interface JpegWindow {
  __jpeg: JpegHarness;
}

const jpegs: Record<'scan' | 'card' | 'cardLinear', Uint8Array> = {
  scan: new Uint8Array(),
  card: new Uint8Array(),
  cardLinear: new Uint8Array(),
};

const harness = useViewerHarness(async () => {
  jpegs.scan = await scanPageJpeg();
  jpegs.card = await testCardJpeg();
  jpegs.cardLinear = withIccProfile(jpegs.card, linearRgbProfile());
  // Page 2's JPEG stops half-way through its scan data.
  const broken = jpegs.card.slice(0, Math.floor(jpegs.card.length / 2));
  return { 'jpegs.pdf': pdfOfJpegs('JPEG', [jpegs.cardLinear, broken, jpegs.scan]) };
});

async function compare(page: Page, jpeg: Uint8Array): Promise<Comparison> {
  await page.goto(`${harness.origin()}jpeg.html`);
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  const base64 = Buffer.from(jpeg).toString('base64');
  return page.evaluate(([data, rows]) => (globalThis as unknown as JpegWindow).__jpeg.compare(data, rows), [
    base64,
    GREY_BAND_ROWS,
  ] as const);
}

const near = (values: number[], target: number, within: number) =>
  values.every((v) => Math.abs(v - target) <= within);

test.describe('the worker JPEG decoder against pdf.js', () => {
  // Two IDCTs agree to a level or so. At sharp colour edges the chroma upsampling differs (the browser
  // interpolates, pdf.js repeats), so a colour card has a few values further apart; a grey scan has none.
  const cases = [
    { kind: 'scan', title: 'a scanned page (quality 50)', mean: 0.5, over16: 0.0005 },
    { kind: 'card', title: 'a colour test card (quality 90)', mean: 1, over16: 0.02 },
  ] as const;
  for (const { kind, title, mean, over16 } of cases) {
    test(`${title}: the pixels pdf.js gives`, async ({ page }, info) => {
      const seen = guard(page);
      const result = await compare(page, jpegs[kind]);
      info.annotations.push({
        type: 'one decode, ms (ours / pdf.js)',
        description: `${result.ms.native.toFixed(1)} / ${result.ms.pdfjs.toFixed(1)}`,
      });
      info.annotations.push({ type: 'difference', description: JSON.stringify(result.nativeVsPdfjs) });
      expect(result.nativeVsPdfjs.mean).toBeLessThan(mean);
      expect(result.nativeVsPdfjs.over16).toBeLessThan(over16);
      expect(seen.errors).toEqual([]);
    });
  }

  test('an embedded colour profile is ignored, as pdf.js ignores it', async ({ page }) => {
    const result = await compare(page, jpegs.cardLinear);
    // The profile is live: the browser applying it turns the mid-grey band light (≈188).
    expect(near(result.band.applied, FLAT_GREY + 40, 30), `applied ${result.band.applied}`).toBe(true);
    expect(result.appliedVsPdfjs.mean).toBeGreaterThan(15);
    // Ours gives the PDF's colours, as pdf.js's decoder does.
    expect(near(result.band.pdfjs, FLAT_GREY, 3), `pdf.js ${result.band.pdfjs}`).toBe(true);
    expect(near(result.band.native, FLAT_GREY, 3), `native ${result.band.native}`).toBe(true);
    expect(result.nativeVsPdfjs.mean).toBeLessThan(1.5);
  });

  test('it answers for JPEG only: BMPs (pdf.js resizing huge images) go the default way', async ({
    page,
  }) => {
    await page.goto(`${harness.origin()}jpeg.html`);
    const answers = await page.evaluate(async () => {
      const jpeg = (globalThis as unknown as JpegWindow).__jpeg;
      return [await jpeg.unsupported('image/jpeg'), await jpeg.unsupported('image/bmp')];
    });
    expect(answers).toEqual([false, true]);
  });
});

test('the viewer: its worker decodes with it, a profile changes nothing, a broken JPEG breaks nothing', async ({
  page,
}) => {
  const seen = guard(page);
  // pdf.js's worker is started when the viewer loads: count the decodes of whatever ImageDecoder it has.
  const counted: Promise<boolean>[] = [];
  page.on('worker', (worker) =>
    counted.push(
      worker
        .evaluate(() => {
          const scope = globalThis as unknown as {
            ImageDecoder?: { prototype: { decode(...args: unknown[]): Promise<unknown> } };
            __decodes?: number;
          };
          const decoder = scope.ImageDecoder;
          // Ours, not the browser's (whose prototype has `tracks`).
          if (!decoder || 'tracks' in decoder.prototype) return false;
          const decode = decoder.prototype.decode;
          scope.__decodes = 0;
          decoder.prototype.decode = function (...args: unknown[]) {
            scope.__decodes! += 1;
            return decode.apply(this, args);
          };
          return true;
        })
        // A worker may be gone already (React's strict mode opens the document twice in development).
        .catch(() => false),
    ),
  );
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${harness.origin()}?lang=en&zoom=fit-width&file=/fixtures/jpegs.pdf`);
  const viewer = page.locator('.pdf-viewer[data-ready="true"]');
  await expect(viewer).toBeVisible({ timeout: 30_000 });
  await expect(viewer).toHaveAttribute('data-rendered-pages', /(^| )1( |$)/);
  expect(await Promise.all(counted), 'our decoder in the pdf.js worker').toContain(true);

  // Page 1 (the card with a linear-gamma profile) shows its band in the PDF's grey.
  const band = await page
    .locator('.pdf-page[data-page-number="1"] canvas')
    .first()
    .evaluate((canvas: CanvasLike, rows: number) => {
      const ctx = canvas.getContext('2d');
      const y = Math.floor(((rows / 2) * canvas.height) / 848);
      const data = ctx?.getImageData(Math.floor(canvas.width / 2) - 10, y, 20, 1).data ?? [];
      let sum = 0;
      for (let i = 0; i < data.length; i += 4) sum += data[i]! + data[i + 1]! + data[i + 2]!;
      return sum / ((data.length / 4) * 3);
    }, GREY_BAND_ROWS);
  expect(Math.abs(band - FLAT_GREY)).toBeLessThanOrEqual(4);

  // Past the broken page 2 to page 3: the viewer goes on and draws it.
  await page.locator('.pdf-viewer__scroller').focus();
  await page.keyboard.press('End');
  await expect(viewer).toHaveAttribute('data-current-page', '3');
  await expect(viewer).toHaveAttribute('data-rendered-pages', /(^| )3( |$)/);
  // Page 3's scan (and page 2's broken JPEG, which the browser refuses) went through our decoder.
  const decodes = await Promise.all(
    page
      .workers()
      .map((w) => w.evaluate(() => (globalThis as { __decodes?: number }).__decodes ?? 0).catch(() => 0)),
  );
  expect(decodes.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  expect(seen.errors).toEqual([]);
});
