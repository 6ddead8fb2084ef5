// The viewer in real Chromium, on the harness pages of tools/viewer-harness/ served by its own Vite dev
// server (no build): index.html = PdfViewer alone (a 500-page scan, the bad files), panels.html = the
// host-connected DocumentViewer with its panels over the fake host. The PDFs are made here.
//   npx playwright test e2e/viewer-harness.spec.ts
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { makeScannedPdf } from '../src-register/seed/scanned-pdf.js';
import type { Annotation, ViewerState } from '../src-shared/contract/viewer.js';
import { BAD_PDFS, makeTextPdf } from '../test/support/pdf-fixtures.js';
import { expectNoAxeViolations } from './support/axe.js';
import type { CanvasLike } from './support/canvas.js';
import { guard, startHarness, type Harness } from './support/harness-server.js';

/**
 * The page's globals as this spec uses them: what tools/viewer-harness/main.tsx (__viewer) and
 * panels.tsx (__panels) publish, and a little of the DOM (the Node-side tsconfig has no DOM types).
 */
interface HarnessWindow {
  __viewer: { controller: { scale: number } | null; error: { kind: string } | null };
  __panels: {
    host: {
      state: { annotations: Annotation[] };
      emit(event: 'annotations:changed', payload: { documentIds: string[] }): void;
    };
    saved: ViewerState[];
  };
  document: {
    activeElement: { className: string; dataset: Record<string, string | undefined> } | null;
    documentElement: { dataset: Record<string, string | undefined> };
  };
}

/**
 * Each test has its own page, in one browser context for the whole file: the HTTP cache is shared, so
 * the dev server's modules (pdf.js among them) are not fetched afresh for every test.
 */
const test = base.extend<object, { shared: BrowserContext }>({
  shared: [
    async ({ browser }, use) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      await use(context);
      await context.close();
    },
    { scope: 'worker' },
  ],
  page: async ({ shared }, use) => {
    const page = await shared.newPage();
    await use(page);
    await page.close();
  },
});

const SCAN_PAGES = 500;
let harness: Harness | undefined;
let origin = '';
let fixtures = '';

test.beforeAll(async () => {
  test.setTimeout(90_000);
  fixtures = mkdtempSync(join(tmpdir(), 'viewer-harness-'));
  const lines = ['HARJU MAAKOHUS', 'Kohtuasi 2-24-1234', 'Kohus leiab, et hagi tuleb rahuldada.'];
  const files: Record<string, Uint8Array> = {
    'text-12.pdf': makeTextPdf({ pages: 12, title: 'Kohtuotsus' }),
    'scan-6.pdf': await makeScannedPdf({ title: 'Skaneering', lines: ['Kohus leiab'], pages: 6, seed: 3 }),
    'scan-500.pdf': await makeScannedPdf({ title: 'Toimik', lines, pages: SCAN_PAGES, seed: 2 }),
  };
  for (const bad of BAD_PDFS) files[`bad-${bad.name}.pdf`] = bad.bytes;
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(fixtures, name), bytes);
  // The harness config reads its fixtures folder from VIEWER_FIXTURES when Vite loads it.
  harness = await startHarness('viewer-harness', { VIEWER_FIXTURES: fixtures });
  origin = harness.origin;
});

test.afterAll(async () => {
  await harness?.close();
  if (fixtures) rmSync(fixtures, { recursive: true, force: true });
});

const viewer = (page: Page) => page.locator('.pdf-viewer[data-ready="true"]');
const currentPage = async (page: Page) => Number(await viewer(page).getAttribute('data-current-page'));
const pageBox = (page: Page, n: number) => page.locator(`.pdf-page[data-page-number="${n}"]`);
const scale = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as HarnessWindow).__viewer.controller?.scale ?? 0);

async function drawn(page: Page, n: number) {
  await expect(viewer(page)).toHaveAttribute('data-rendered-pages', new RegExp(`(^| )${n}( |$)`));
}

/** Pixels of page `n`'s canvas: how many of every 7th are opaque and dark ("ink"), of how many. */
function ink(page: Page, n: number) {
  return pageBox(page, n)
    .locator('canvas')
    .first()
    .evaluate((canvas: CanvasLike) => {
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      if (!data) return { dark: 0, total: 0 };
      let dark = 0;
      let total = 0;
      for (let i = 0; i < data.length; i += 4 * 7) {
        total += 1;
        if (data[i + 3]! > 200 && data[i]! + data[i + 1]! + data[i + 2]! < 3 * 100) dark += 1;
      }
      return { dark, total };
    });
}

/** Page `n` is drawn with some ink on it, but it is not a dark block either. */
async function expectInk(page: Page, n: number) {
  await drawn(page, n);
  const { dark, total } = await ink(page, n);
  expect(total, `page ${n} has a canvas`).toBeGreaterThan(10_000);
  expect(dark / total, `dark share of page ${n}`).toBeGreaterThan(0.0005);
  expect(dark / total, `dark share of page ${n}`).toBeLessThan(0.5);
}

async function shot(page: Page, info: TestInfo, name: string) {
  await page.screenshot({ path: info.outputPath(`${name}.png`) });
}

// ------------------------------------------------------------------------------------------------
// index.html: PdfViewer alone.

test.describe('PdfViewer harness (index.html)', () => {
  async function openScan(page: Page) {
    const seen = guard(page);
    await page.goto(`${origin}?lang=en&file=/fixtures/scan-${SCAN_PAGES}.pdf`);
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
      const url = `${origin}?lang=en&zoom=fit-page&file=/fixtures/bad-${bad.name}.pdf`;
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

// ------------------------------------------------------------------------------------------------
// panels.html: DocumentViewer with thumbnails, outline, find and notes over the fake host.

test.describe('DocumentViewer panels (panels.html)', () => {
  let seen: { errors: string[]; dialogs: string[] };
  async function openPanels(page: Page, doc = 'text-12.pdf') {
    seen = guard(page);
    await page.goto(`${origin}panels.html?doc=${doc}`);
    await expect(viewer(page)).toBeVisible({ timeout: 30_000 });
  }
  test.afterEach(() => {
    expect(seen.errors, 'uncaught page errors').toEqual([]);
    expect(seen.dialogs, 'dialogs raised').toEqual([]);
  });
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = (globalThis as unknown as HarnessWindow).document.activeElement;
      return { cls: el?.className ?? '', page: el?.dataset.page };
    });
  const thumb = (page: Page, n: number) => page.locator(`.thumbnails__item[data-page="${n}"]`);

  test("thumbnails draw near pages only, go to a page by keyboard; the reader's place is saved", async ({
    page,
  }, info) => {
    await openPanels(page);
    await expect(page.locator('.thumbnails__item[data-page="1"][data-state="drawn"]')).toBeVisible();
    const width = await thumb(page, 1)
      .locator('canvas')
      .evaluate((c: CanvasLike) => c.width);
    expect(width, 'thumbnail canvas width').toBeGreaterThan(50);
    expect(await page.locator('.thumbnails__item').count(), 'thumbnails in the DOM').toBeLessThan(12);
    await expect(thumb(page, 1)).toHaveAttribute('aria-current', 'page');
    await thumb(page, 1).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).page).toBe('3');
    await page.keyboard.press('Enter');
    await expect(viewer(page)).toHaveAttribute('data-current-page', '3');
    await expect(thumb(page, 3)).toHaveAttribute('aria-current', 'page');
    await thumb(page, 3).focus();
    await page.keyboard.press('End');
    await expect.poll(async () => (await focused(page)).page).toBe('12');
    await shot(page, info, 'panels-thumbnails');
    // The reader's place goes to the host (viewer:putState), from which the next opening restores it.
    await page.keyboard.press('Home');
    await expect.poll(async () => (await focused(page)).page).toBe('1');
    await expect(thumb(page, 4)).toBeVisible();
    await thumb(page, 4).click();
    await expect(viewer(page)).toHaveAttribute('data-current-page', '4');
    await expect
      .poll(() =>
        page.evaluate(() =>
          (globalThis as unknown as HarnessWindow).__panels.saved.some((state) => state.page === 4),
        ),
      )
      .toBe(true);
  });

  test('outline tab: arrow keys reach it, entries expand and go to their page', async ({ page }, info) => {
    await openPanels(page);
    await page.getByRole('tab', { name: 'Thumbnails' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Outline' })).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('button', { name: 'Peatükk 2: õigus ja žürii', exact: true }).click();
    await expect(viewer(page)).toHaveAttribute('data-current-page', '5');
    await page.getByRole('button', { name: 'Expand “Peatükk 3: õigus ja žürii”' }).click();
    await page.getByRole('button', { name: 'Lehekülg 11', exact: true }).click();
    await expect(viewer(page)).toHaveAttribute('data-current-page', '11');
    await shot(page, info, 'panels-outline');
  });

  test('find: Ctrl+F, diacritic-insensitive count, next/previous, Escape returns focus', async ({
    page,
  }, info) => {
    await openPanels(page);
    const status = page.getByTestId('find-status');
    await page.locator('.pdf-viewer__scroller').focus();
    await page.keyboard.press('Control+f');
    expect((await focused(page)).cls).toContain('find-bar__input');
    await page.keyboard.type('ZURII');
    await expect(status).toHaveText('1 of 12');
    await expect(page.locator('[data-testid="find-layer-1"] .find-layer__match--current')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(status).toHaveText('2 of 12');
    await expect(viewer(page)).toHaveAttribute('data-current-page', '2');
    const match = page.locator('[data-testid="find-layer-2"] .find-layer__match--current');
    await expect(match).toBeVisible();
    const box = (await match.boundingBox())!;
    const page2 = (await pageBox(page, 2).boundingBox())!;
    expect(box.y, 'match below the top of page 2').toBeGreaterThan(page2.y);
    expect(box.y, 'match near the top of page 2').toBeLessThan(page2.y + page2.height * 0.3);
    await shot(page, info, 'panels-find');
    await page.keyboard.press('Shift+Enter');
    await expect(status).toHaveText('1 of 12');
    await page.keyboard.press('Escape');
    await expect(page.locator('.find-bar')).toHaveCount(0);
    expect((await focused(page)).cls).toContain('pdf-viewer__scroller');
  });

  test('find in a scan says it has no text layer', async ({ page }, info) => {
    await openPanels(page, 'scan-6.pdf');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.keyboard.type('kohus');
    await expect(page.getByTestId('find-status')).toContainText('scan without a text layer');
    await shot(page, info, 'panels-find-scan');
  });

  test('a note by keyboard: Add note, Enter, type, Ctrl+Enter; listed as not yet sent', async ({
    page,
  }, info) => {
    await openPanels(page);
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(async () => (await focused(page)).cls).toContain('annotation-layer__surface');
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-testid="annotation-editor"] textarea')).toBeFocused();
    await page.keyboard.type('Vaata tõendeid');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('annotation-editor')).toHaveCount(0);
    const stored = await page.evaluate(
      () => (globalThis as unknown as HarnessWindow).__panels.host.state.annotations,
    );
    expect(stored.map((a) => ({ text: a.text, page: a.page, kind: a.kind }))).toEqual([
      { text: 'Vaata tõendeid', page: 1, kind: 'note' },
    ]);
    await expect(page.locator('.annotation--note')).toHaveCount(1);
    await page.getByRole('tab', { name: 'Notes' }).click();
    await expect(page.getByText('Only you see your notes.')).toBeVisible();
    await expect(page.getByTestId('annotation-unsent')).toBeVisible();
    await shot(page, info, 'panels-note');
  });

  test('a highlight by pointer: drag a region, save; its rect is where it was dragged', async ({
    page,
  }, info) => {
    await openPanels(page);
    await page.getByRole('button', { name: 'Highlight' }).click();
    const box = (await page.locator('[data-annotation-surface="1"]').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.35, { steps: 5 });
    await page.mouse.up();
    await expect(page.getByTestId('annotation-editor')).toBeVisible();
    await page.getByRole('radio', { name: 'blue' }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('annotation-editor')).toHaveCount(0);
    const [saved] = await page.evaluate(
      () => (globalThis as unknown as HarnessWindow).__panels.host.state.annotations,
    );
    expect(saved?.kind).toBe('highlight');
    expect(saved?.color).toBe('blue');
    expect(saved!.rect.x).toBeCloseTo(0.2, 1);
    expect(saved!.rect.y).toBeCloseTo(0.3, 1);
    expect(saved!.rect.width).toBeCloseTo(0.3, 1);
    expect(saved!.rect.height).toBeCloseTo(0.05, 1);
    await shot(page, info, 'panels-highlight');
    await page.locator('.annotation--highlight').click();
    await expect(page.getByRole('heading', { name: 'Edit highlight' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('annotation-editor')).toHaveCount(0);
  });

  test('no axe violations with find open, a note and the notes tab, light and dark', async ({
    page,
  }, info) => {
    await openPanels(page);
    await page.evaluate(() => {
      const { host } = (globalThis as unknown as HarnessWindow).__panels;
      host.state.annotations.push({
        id: '0b3b7a4e-1b1e-4c5e-9a43-6e1f1d6c0a01',
        documentId: 'text-12.pdf',
        caseId: 'case-1',
        page: 1,
        rect: { x: 0.1, y: 0.1, width: 0.3, height: 0.05 },
        kind: 'note',
        text: 'Märge',
        color: 'pink',
        createdAt: '2025-03-05T10:00:00.000Z',
        updatedAt: '2025-03-05T10:00:00.000Z',
        unsent: true,
      });
      host.emit('annotations:changed', { documentIds: ['text-12.pdf'] });
    });
    await expect(page.locator('.annotation--note')).toBeVisible();
    await page.getByRole('button', { name: 'Find' }).click();
    await page.keyboard.type('kohus');
    await page.getByRole('tab', { name: 'Notes' }).click();
    await expect(page.getByText('Märge', { exact: true })).toBeVisible();
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => {
        (globalThis as unknown as HarnessWindow).document.documentElement.dataset.theme = t;
      }, theme);
      await shot(page, info, `panels-axe-${theme}`);
      await expectNoAxeViolations(page, `the viewer panels (${theme})`);
    }
  });
});
