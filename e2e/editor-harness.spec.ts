// The decision editor in real Chromium, on the harness page of tools/editor-harness/ served by its own
// Vite dev server (no build): type numbered paragraphs, reorder them with Alt+↑, add a footnote and a
// citation, check what a screen reader gets (Chromium's accessibility tree) and axe, in both themes.
//   npx playwright test e2e/editor-harness.spec.ts
import { test, expect, type Page, type TestInfo } from '@playwright/test';
import { RichDoc } from '../src-shared/domain/rich-text.js';
import { expectNoAxeViolations } from './support/axe.js';
import { guard, startHarness, type Harness } from './support/harness-server.js';

/** What tools/editor-harness/main.tsx publishes (the Node-side tsconfig has no DOM types). */
interface HarnessWindow {
  __editor: { docs: unknown[] };
}
interface StyleWindow {
  getComputedStyle(element: unknown, pseudo: string): { content: string };
}
interface AxNode {
  nodeId: string;
  parentId?: string;
  childIds?: string[];
  role?: { value?: unknown };
  name?: { value?: unknown };
}

let harness: Harness | undefined;
let origin = '';

test.beforeAll(async () => {
  test.setTimeout(90_000);
  harness = await startHarness('editor-harness');
  origin = harness.origin;
});

test.afterAll(async () => {
  await harness?.close();
});

const numbered = (page: Page) => page.locator('.rte-content p[data-numbered]');

/** Each numbered paragraph as the reader sees it: the number CSS shows (from data-number) and the text. */
async function shownParagraphs(page: Page): Promise<string[]> {
  return numbered(page).evaluateAll((elements) =>
    elements.map((el) => `${el.getAttribute('data-number') ?? '?'}. ${el.textContent ?? ''}`),
  );
}

/** The texts of Chromium's accessibility tree (what a screen reader reads), in reading order. */
async function accessibleTexts(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const out: string[] = [];
  const walk = (node: AxNode) => {
    if (node.role?.value === 'StaticText' && typeof node.name?.value === 'string') out.push(node.name.value);
    for (const id of node.childIds ?? []) {
      const child = byId.get(id);
      if (child) walk(child);
    }
  };
  for (const root of nodes.filter((n) => n.parentId === undefined)) walk(root);
  return out;
}

async function screenshot(page: Page, info: TestInfo, name: string) {
  await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });
}

async function lastDoc(page: Page): Promise<RichDoc> {
  const docs = await page.evaluate(() => (globalThis as unknown as HarnessWindow).__editor.docs);
  expect(docs.length).toBeGreaterThan(0);
  return RichDoc.parse(docs.at(-1));
}

test('numbered paragraphs renumber when reordered with Alt+↑; footnotes and citations; axe', async ({
  page,
}, info) => {
  const { errors } = guard(page, { consoleErrors: true });
  await page.goto(`${origin}?lang=en&theme=light`);
  const box = page.getByRole('textbox', { name: 'Reasoning' });
  await expect(box).toBeVisible();
  await expect(box).toHaveAttribute('aria-multiline', 'true');

  // The empty paragraph under the heading: number it and write three paragraphs.
  await box.locator('p').last().click();
  await page.keyboard.press('Control+Alt+N');
  await page.keyboard.type('The claim is well founded.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The defendant did not pay.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Interest is due from the day of default.');
  expect(await shownParagraphs(page)).toEqual([
    '1. The claim is well founded.',
    '2. The defendant did not pay.',
    '3. Interest is due from the day of default.',
  ]);
  await expect(page.getByRole('button', { name: 'Numbered paragraph' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // The third to the top: the text order changes, the numbers stay 1, 2, 3.
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  expect(await shownParagraphs(page)).toEqual([
    '1. Interest is due from the day of default.',
    '2. The claim is well founded.',
    '3. The defendant did not pay.',
  ]);
  // The cursor went with the paragraph: typing goes on at its end.
  await page.keyboard.type(' See below.');
  await expect(numbered(page).first()).toHaveText('Interest is due from the day of default. See below.');
  // The numbers are visible (generated content) …
  const before = await numbered(page).evaluateAll((els) =>
    els.map((el) => (globalThis as unknown as StyleWindow).getComputedStyle(el, '::before').content),
  );
  expect(before).toHaveLength(3);
  for (const content of before) expect(content).toMatch(/data-number|\d/);
  // … and read out: Chromium's accessibility tree has "1." before the first paragraph's text.
  const texts = await accessibleTexts(page);
  const first = texts.indexOf('Interest is due from the day of default. See below.');
  expect(first, texts.join(' | ')).toBeGreaterThan(0);
  expect(texts.slice(0, first).join(' ')).toMatch(/1\.?\s*$/);
  expect(texts).toContain('3.');

  // A footnote with Ctrl+Alt+F, at the end of paragraph 2.
  await numbered(page).nth(1).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Control+Alt+F');
  const dialog = page.getByRole('dialog', { name: 'New footnote' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Footnote text')).toBeFocused();
  await page.keyboard.type('Case file, page 12.');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(box).toBeFocused();
  const sup = numbered(page).nth(1).locator('sup[data-footnote]');
  await expect(sup).toHaveAttribute('data-number', '1');
  const footnotes = page.getByRole('region', { name: 'Footnotes' });
  await expect(footnotes.locator('.rte-footnotes__text')).toHaveText(['Case file, page 12.']);

  // A citation from the toolbar, checked before it is made.
  await page.keyboard.type(' See ');
  await page.getByRole('button', { name: 'Citation' }).click();
  const cite = page.getByRole('dialog', { name: 'New citation' });
  await cite.getByRole('radio', { name: 'Case number' }).check();
  await cite.getByLabel('Reference').fill('2-24-01');
  await cite.getByRole('button', { name: 'Save' }).click();
  await expect(cite.getByRole('alert')).toHaveText('A case number looks like 2-24-1234.');
  await cite.getByLabel('Reference').fill('2-24-1234');
  await cite.getByRole('button', { name: 'Save' }).click();
  await expect(cite).toBeHidden();
  await expect(box.locator('span[data-citation]')).toHaveText('2-24-1234');
  await expect(box.locator('span[data-citation]')).toHaveAttribute('title', '2-24-1234');

  await expect(page.getByTestId('word-count')).toHaveText(/^\d+ words$/);
  const doc = await lastDoc(page);
  expect(doc.content.filter((b) => b.type === 'numberedParagraph')).toHaveLength(3);
  expect(JSON.stringify(doc)).toContain('{"type":"footnote","attrs":{"text":"Case file, page 12."}}');

  await expectNoAxeViolations(page, 'the editor (light)');
  await screenshot(page, info, 'editor-light');
  // The toolbar is one tab stop with arrow keys inside.
  await page.getByRole('button', { name: 'Bold' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('button', { name: 'Italic' })).toBeFocused();
  expect(errors).toEqual([]);
});

test('the dark theme, a later section numbered from its start, and the citation window pass axe', async ({
  page,
}, info) => {
  const { errors } = guard(page, { consoleErrors: true });
  await page.goto(`${origin}?lang=et&theme=dark&start=7`);
  const box = page.getByRole('textbox', { name: 'Põhjendused' });
  await box.locator('p').last().click();
  await page.keyboard.press('Control+Alt+N');
  await page.keyboard.type('Esimene lõik.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Teine lõik.');
  expect(await shownParagraphs(page)).toEqual(['7. Esimene lõik.', '8. Teine lõik.']);
  await page.keyboard.press('Control+Alt+F');
  await page.keyboard.type('Toimik, lk 3.');
  await page.keyboard.press('Control+Enter');
  await page.getByRole('button', { name: 'Viide' }).click();
  await expect(page.getByRole('dialog', { name: 'Uus viide' })).toBeVisible();
  await expectNoAxeViolations(page, 'the editor (dark, citation window open)');
  await screenshot(page, info, 'editor-dark');
  expect(errors).toEqual([]);
});
