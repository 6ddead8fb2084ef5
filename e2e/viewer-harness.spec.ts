// PdfViewer alone in real Chromium (tools/viewer-harness/index.html on its own Vite dev server, no
// build): a 500-page scan, paging, zoom and rotation, the canvases kept, and the bad files. The PDFs are
// made here. The panels around it: viewer-panels.spec.ts.
//   npx playwright test e2e/viewer-harness.spec.ts
import { expect, type Page } from '@playwright/test';
import { makeScannedPdf } from '../src-register/seed/scanned-pdf.js';
import { BAD_PDFS } from '../test/support/pdf-fixtures.js';
import { guard } from './support/harness-server.js';
import {
  type HarnessWindow,
  currentPage,
  drawn,
  expectInk,
  pageBox,
  scale,
  shot,
  test,
  useViewerHarness,
  viewer,
} from './support/viewer-harness.js';

const SCAN_PAGES = 500;
const harness = useViewerHarness(async () => {
  const lines = ['HARJU MAAKOHUS', 'Kohtuasi 2-24-1234', 'Kohus leiab, et hagi tuleb rahuldada.'];
  const files: Record<string, Uint8Array> = {
    [`scan-${SCAN_PAGES}.pdf`]: await makeScannedPdf({ title: 'Toimik', lines, pages: SCAN_PAGES, seed: 2 }),
  };
  for (const bad of BAD_PDFS) files[`bad-${bad.name}.pdf`] = bad.bytes;
  return files;
});

// ------------------------------------------------------------------------------------------------
// index.html: PdfViewer alone.

test.describe('PdfViewer harness (index.html)', () => {
  async function openScan(page: Page) {
    const seen = guard(page);
    await page.goto(`${harness.origin()}?lang=en&file=/fixtures/scan-${SCAN_PAGES}.pdf`);
    await expect(viewer(page)).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('.pdf-toolbar__count')).toHaveText(`of ${SCAN_PAGES}`);
    return seen;
  }

  test('a 500-page scan opens, page 1 is drawn with ink; PageDown, End and Home move through it', async ({
    page,
  }, info) => {
    const seen = await openScan(page);
    await expectInk(page, 1);
    expect(await currentPage(page)).toBe(1);
    await shot(page, info, 'scan-page-1');
    await page.getByRole('combobox', { name: 'Zoom' }).selectOption('fit-page');
    await page.locator('.pdf-viewer__scroller').focus();
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect.poll(() => currentPage(page)).toBeGreaterThan(1);
    await page.keyboard.press('End');
    await expect(viewer(page)).toHaveAttribute('data-current-page', String(SCAN_PAGES));
    await expectInk(page, SCAN_PAGES);
    await page.keyboard.press('Home');
    await expect(viewer(page)).toHaveAttribute('data-current-page', '1');
    await drawn(page, 1);
    expect(seen.errors).toEqual([]);
  });

  test('the toolbar page field goes to page 400; rotating it turns its box and draws it again', async ({
    page,
  }, info) => {
    const seen = await openScan(page);
    const input = page.getByRole('textbox', { name: 'Page', exact: true });
    await input.fill('400');
    await input.press('Enter');
    await expect(viewer(page)).toHaveAttribute('data-current-page', '400');
    await expectInk(page, 400);
    await shot(page, info, 'scan-page-400');
    await input.fill('501');
    await input.press('Enter');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Enter a page number from 1 to 500.')).toBeVisible();
    expect(await currentPage(page)).toBe(400);

    const before = (await pageBox(page, 400).boundingBox())!;
    expect(before.height, 'page 400 is upright').toBeGreaterThan(before.width);
    await page.getByRole('button', { name: 'Rotate page clockwise' }).click();
    await expect(page.locator('.pdf-page[data-page-number="400"] .pdf-page__layers')).toHaveAttribute(
      'style',
      /rotate\(90deg\)/,
    );
    // The box turns: its width over height is the upright page's height over width.
    await expect
      .poll(async () => {
        const box = (await pageBox(page, 400).boundingBox())!;
        return box.width / box.height;
      })
      .toBeCloseTo(before.height / before.width, 1);
    await expectInk(page, 400);
    const next = (await pageBox(page, 401).boundingBox())!;
    expect(next.height, 'page 401 is still upright').toBeGreaterThan(next.width);
    await shot(page, info, 'scan-rotated-400');
    expect(seen.errors).toEqual([]);
  });

  test('zoom in, zoom out and whole page change the scale', async ({ page }, info) => {
    const seen = await openScan(page);
    await drawn(page, 1);
    const fitWidth = await scale(page);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => scale(page)).toBeGreaterThan(fitWidth);
    const zoomed = await scale(page);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await expect.poll(() => scale(page)).toBeLessThan(zoomed);
    await page.getByRole('combobox', { name: 'Zoom' }).selectOption('fit-page');
    await expect(page.getByRole('combobox', { name: 'Zoom' })).toHaveValue('fit-page');
    // The whole page fits the scroller's height.
    const scroller = (await page.locator('.pdf-viewer__scroller').boundingBox())!;
    await expect
      .poll(async () => (await pageBox(page, 1).boundingBox())?.height ?? Infinity)
      .toBeLessThanOrEqual(scroller.height);
    await expectInk(page, 1);
    await shot(page, info, 'scan-fit-page');
    expect(seen.errors).toEqual([]);
  });

  test('a long scroll keeps only a handful of canvases in the DOM', async ({ page }, info) => {
    const seen = await openScan(page);
    await drawn(page, 1);
    await page.mouse.move(700, 400);
    for (let i = 0; i < 20; i++) {
      await page.mouse.wheel(0, 3000);
      await page.waitForTimeout(25);
    }
    await expect.poll(() => currentPage(page)).toBeGreaterThan(20);
    const here = await currentPage(page);
    await drawn(page, here);
    const counts = {
      canvases: await page.locator('.pdf-page canvas').count(),
      boxes: await page.locator('.pdf-page').count(),
    };
    expect(counts.canvases, 'canvases in the DOM').toBeLessThanOrEqual(8);
    expect(counts.boxes, 'page boxes in the DOM').toBeLessThanOrEqual(40);
    await shot(page, info, 'scan-after-scroll');
    expect(seen.errors).toEqual([]);
  });

  for (const bad of BAD_PDFS) {
    test(`bad file "${bad.name}": ${bad.expect === 'error' ? 'the error message' : 'page 1 drawn'}`, async ({
      page,
    }, info) => {
      const seen = guard(page);
      // The whole page in view, so the clicks on the links of with-javascript land on them.
      const url = `${harness.origin()}?lang=en&zoom=fit-page&file=/fixtures/bad-${bad.name}.pdf`;
      await page.goto(url);
      if (bad.expect === 'error') {
        await expect(page.locator('.pdf-viewer__error[role="alert"]')).toBeVisible({ timeout: 30_000 });
        const error = await page.evaluate(() => (globalThis as unknown as HarnessWindow).__viewer.error);
        expect(error?.kind, 'the load error reported').toBeTruthy();
      } else {
        await expectInk(page, 1);
      }
      if (bad.name === 'with-javascript') {
        // Click where the Launch and URI links of page 1 are (PDF y 400–420 and 360–380 of 842).
        const box = (await pageBox(page, 1).boundingBox())!;
        expect(box.y + box.height, 'page 1 is wholly in view').toBeLessThanOrEqual(720);
        for (const top of [422, 462]) {
          await page.mouse.click(box.x + box.width * (150 / 595), box.y + box.height * (top / 842));
        }
        await page.waitForTimeout(1000);
        expect(page.url(), 'the page did not navigate').toBe(url);
        expect(page.context().pages(), 'no new window').toHaveLength(1);
      }
      await shot(page, info, `bad-${bad.name}`);
      expect(seen.dialogs, 'dialogs raised').toEqual([]);
      expect(seen.errors, 'uncaught page errors').toEqual([]);
    });
  }
});
