// The host-connected DocumentViewer with its panels in real Chromium (tools/viewer-harness/panels.html
// over the fake host, on its own Vite dev server): thumbnails, outline, find, notes and highlights, axe.
//   npx playwright test e2e/viewer-panels.spec.ts
import { expect, type Page } from '@playwright/test';
import { makeScannedPdf } from '../src-register/seed/scanned-pdf.js';
import { makeTextPdf } from '../test/support/pdf-fixtures.js';
import { expectNoAxeViolations } from './support/axe.js';
import type { CanvasLike } from './support/canvas.js';
import { guard } from './support/harness-server.js';
import {
  type HarnessWindow,
  pageBox,
  shot,
  test,
  useViewerHarness,
  viewer,
} from './support/viewer-harness.js';

const harness = useViewerHarness(async () => ({
  'text-12.pdf': makeTextPdf({ pages: 12, title: 'Kohtuotsus' }),
  'scan-6.pdf': await makeScannedPdf({ title: 'Skaneering', lines: ['Kohus leiab'], pages: 6, seed: 3 }),
}));

test.describe('DocumentViewer panels (panels.html)', () => {
  let seen: { errors: string[]; dialogs: string[] };
  async function openPanels(page: Page, doc = 'text-12.pdf') {
    seen = guard(page);
    await page.goto(`${harness.origin()}panels.html?doc=${doc}`);
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
