// Issue 7: the scanned-document viewer in the real app (browser host, register, ID card). A judge opens
// the 500-page expert opinion from her case, goes to page 400, zooms, turns the page, adds a private
// note, reloads, and finds the note and her place kept; each page is checked to be really drawn.
import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.js';
import { expect, test } from './support/chambers-fixture.js';
import { SignInPage, Shell } from './pages/workspace.js';

/** The share of a page canvas's sampled pixels that are dark ("ink"): a blank page has none. */
async function inkOf(page: Locator): Promise<number> {
  return page
    .locator('canvas')
    .first()
    .evaluate((node) => {
      // The e2e project has no DOM types: the canvas as far as this check needs it.
      const canvas = node as unknown as {
        width: number;
        height: number;
        getContext(kind: '2d'): { getImageData(...box: number[]): { data: ArrayLike<number> } } | null;
      };
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0) return 0;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let dark = 0;
      let seen = 0;
      for (let i = 0; i < data.length; i += 4 * 13) {
        seen++;
        if (data[i]! + data[i + 1]! + data[i + 2]! < 3 * 110) dark++;
      }
      return dark / seen;
    });
}

const viewerOf = (page: Page) => page.locator('.pdf-viewer');
const pageBox = (page: Page, n: number) => page.locator(`.pdf-page[data-page-number="${n}"]`);

async function expectDrawn(page: Page, n: number): Promise<void> {
  await expect(viewerOf(page)).toHaveAttribute('data-rendered-pages', new RegExp(`(^| )${n}( |$)`));
  // Typed lines and speckles: more than 0.2 % ink; a white or grey canvas has none.
  await expect.poll(() => inkOf(pageBox(page, n)), { timeout: 15_000 }).toBeGreaterThan(0.002);
}

async function openExpertOpinion(page: Page, url: string): Promise<void> {
  await new SignInPage(page).open(url);
  await new SignInPage(page).signInToWork(/Triin Lepik/);
  await new Shell(page).link('Otsing').click();
  await page.getByRole('searchbox').fill('Ekspertiisiakt');
  await page.getByTestId('search-hit').first().click();
  const file = page.getByTestId('case-file');
  await expect(file).toBeVisible();
  await file.getByRole('link', { name: /Ekspertiisiakt/ }).click();
  await expect(viewerOf(page)).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
}

test('a judge reads a 500-page scan: page 400, zoom, rotation and a private note survive a reload', async ({
  app,
  page,
}, info) => {
  await openExpertOpinion(page, app.url);
  await expect(page.getByText('/ 500')).toBeVisible();
  await expectDrawn(page, 1);
  await page.screenshot({ path: info.outputPath('viewer-page-1.png') });

  // Go to page 400 from the toolbar.
  const pageInput = page.getByRole('textbox', { name: 'Lehekülg', exact: true });
  await pageInput.fill('400');
  await pageInput.press('Enter');
  await expect(viewerOf(page)).toHaveAttribute('data-current-page', '400');
  await expectDrawn(page, 400);
  // Virtualised: only pages near the view have a canvas.
  expect(await page.locator('.pdf-page canvas').count()).toBeLessThanOrEqual(8);

  // Zoom in twice from fit width, then turn page 400 clockwise.
  const zoom = page.getByRole('combobox', { name: 'Suurendus' });
  const widthBefore = (await pageBox(page, 400).boundingBox())!.width;
  await page.getByRole('button', { name: 'Suurenda' }).click();
  await page.getByRole('button', { name: 'Suurenda' }).click();
  await expect(zoom).not.toHaveValue('fit-width');
  const zoomed = await zoom.inputValue();
  await expect.poll(async () => (await pageBox(page, 400).boundingBox())!.width).not.toBe(widthBefore);
  await page.getByRole('button', { name: 'Pööra lehekülge päripäeva' }).click();
  await expect
    .poll(async () => {
      const box = (await pageBox(page, 400).boundingBox())!;
      return box.width > box.height;
    })
    .toBe(true);
  await expectDrawn(page, 400);

  // A private note on page 400, placed with the keyboard in the middle of the view.
  await page.getByRole('button', { name: 'Lisa märge' }).click();
  const surface = page.locator('[data-annotation-surface="400"]');
  await surface.focus();
  await surface.press('Enter');
  const editor = page.getByRole('dialog', { name: /Uus märge/ });
  await editor.getByLabel('Märke tekst').fill('Vaata järeldust punktis 3');
  await editor.getByRole('button', { name: 'Salvesta' }).click();
  await expect(editor).toBeHidden();
  await expect(
    pageBox(page, 400).getByRole('button', { name: 'Märge: Vaata järeldust punktis 3' }),
  ).toBeVisible();
  await page.getByRole('tab', { name: 'Märkmed' }).click();
  const notes = page.getByRole('tabpanel', { name: 'Märkmed' });
  await expect(notes).toContainText('Vaata järeldust punktis 3');
  // The register confirms it (the marker "not yet sent" goes).
  await expect(notes.getByText('registrisse veel saatmata')).toBeHidden({ timeout: 20_000 });
  await page.screenshot({ path: info.outputPath('viewer-page-400-note.png') });
  await expectNoAxeViolations(page, 'Document viewer (page 400, note)');

  // The place is saved at most every half second; then a reload.
  await page.waitForTimeout(1_500);
  await page.reload();
  await expect(viewerOf(page)).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await expect(viewerOf(page)).toHaveAttribute('data-current-page', '400');
  await expect(zoom).toHaveValue(zoomed);
  const box = (await pageBox(page, 400).boundingBox())!;
  expect(box.width).toBeGreaterThan(box.height);
  await expectDrawn(page, 400);
  await expect(
    pageBox(page, 400).getByRole('button', { name: 'Märge: Vaata järeldust punktis 3' }),
  ).toBeVisible();
  await page.getByRole('tab', { name: 'Märkmed' }).click();
  await notes
    .getByRole('button', { name: /Vaata järeldust punktis 3/ })
    .first()
    .click();
  await expect(viewerOf(page)).toHaveAttribute('data-current-page', '400');
  await page.screenshot({ path: info.outputPath('viewer-after-reload.png') });
});

test('two documents of a case side by side, each in its own viewer', async ({ app, page }, info) => {
  await openExpertOpinion(page, app.url);
  await page.goBack();
  const file = page.getByTestId('case-file');
  await expect(file).toBeVisible();
  const other = file.getByTestId('document-row').filter({ hasNotText: 'Ekspertiisiakt' }).first();
  await other.getByRole('link', { name: /^Ava kõrvale/ }).click();
  await expect(page.locator('.pdf-viewer')).toHaveCount(2, { timeout: 60_000 });
  for (const viewer of await page.locator('.pdf-viewer').all()) {
    await expect(viewer).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  }
  await page.screenshot({ path: info.outputPath('viewer-side-by-side.png') });
  await expectNoAxeViolations(page, 'Two documents side by side');
});
