// What the viewer specs share: the harness pages of tools/viewer-harness/ on their own Vite dev server
// with the spec's PDFs as fixtures, one browser context per spec file, and the page helpers.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import type { Annotation, ViewerState } from '../../src-shared/contract/viewer.js';
import type { CanvasLike } from './canvas.js';
import { startHarness, type Harness } from './harness-server.js';

/**
 * The page's globals as the specs use them: what tools/viewer-harness/main.tsx (__viewer) and
 * panels.tsx (__panels) publish, and a little of the DOM (the Node-side tsconfig has no DOM types).
 */
export interface HarnessWindow {
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
export const test = base.extend<object, { shared: BrowserContext }>({
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

/**
 * Starts the harness for the spec file with the PDFs `files()` makes, served at /fixtures/<name>;
 * `origin()` is the harness's address (with a trailing slash) once it runs.
 */
export function useViewerHarness(
  files: () => Promise<Record<string, Uint8Array>> | Record<string, Uint8Array>,
): { origin(): string } {
  let harness: Harness | undefined;
  let fixtures = '';
  base.beforeAll(async () => {
    base.setTimeout(90_000);
    fixtures = mkdtempSync(join(tmpdir(), 'viewer-harness-'));
    for (const [name, bytes] of Object.entries(await files())) writeFileSync(join(fixtures, name), bytes);
    // The harness config reads its fixtures folder from VIEWER_FIXTURES when Vite loads it.
    harness = await startHarness('viewer-harness', { VIEWER_FIXTURES: fixtures });
  });
  base.afterAll(async () => {
    await harness?.close();
    if (fixtures) rmSync(fixtures, { recursive: true, force: true });
  });
  return {
    origin: () => {
      if (!harness) throw new Error('the viewer harness is not running');
      return harness.origin;
    },
  };
}

export const viewer = (page: Page) => page.locator('.pdf-viewer[data-ready="true"]');
export const currentPage = async (page: Page) => Number(await viewer(page).getAttribute('data-current-page'));
export const pageBox = (page: Page, n: number) => page.locator(`.pdf-page[data-page-number="${n}"]`);
export const scale = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as HarnessWindow).__viewer.controller?.scale ?? 0);

export async function drawn(page: Page, n: number) {
  await expect(viewer(page)).toHaveAttribute('data-rendered-pages', new RegExp(`(^| )${n}( |$)`));
}

/** Pixels of page `n`'s canvas: how many of every 7th are opaque and dark ("ink"), of how many. */
export function ink(page: Page, n: number) {
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
export async function expectInk(page: Page, n: number) {
  await drawn(page, n);
  const { dark, total } = await ink(page, n);
  expect(total, `page ${n} has a canvas`).toBeGreaterThan(10_000);
  expect(dark / total, `dark share of page ${n}`).toBeGreaterThan(0.0005);
  expect(dark / total, `dark share of page ${n}`).toBeLessThan(0.5);
}

export async function shot(page: Page, info: TestInfo, name: string) {
  await page.screenshot({ path: info.outputPath(`${name}.png`) });
}
