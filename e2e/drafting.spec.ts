// Issue 8: a judge drafts a civil judgment in the real app (browser host in its own process, register,
// ID card): the introduction comes filled in from the case, she writes three reasoning paragraphs and
// reorders them, exports the DOCX and LibreOffice reads it; the host is killed while she types and
// the text is there after the restart.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.js';
import { expect, test } from './support/chambers-fixture.js';
import { SignInPage, Shell } from './pages/workspace.js';

const CASE_NUMBER = '2-25-7';

/** The judge's case 2-25-7 (the one with the expert opinion), from Search. */
async function openCase(page: Page, url: string): Promise<Locator> {
  await new SignInPage(page).open(url);
  await new SignInPage(page).signInToWork(/Triin Lepik/);
  await new Shell(page).link('Otsing').click();
  await page.getByRole('searchbox').fill('Ekspertiisiakt');
  await page.getByTestId('search-hit').first().click();
  const file = page.getByTestId('case-file');
  await expect(file.getByTestId('case-number')).toHaveText(CASE_NUMBER);
  return file;
}

const reasoning = (page: Page) =>
  page.locator('[data-testid="draft-section"][data-section-id="reasoning"]').getByRole('textbox');

/** The reasoning's numbered paragraphs as shown: "number. text". */
async function shownParagraphs(page: Page): Promise<string[]> {
  return reasoning(page)
    .locator('p[data-numbered]')
    .evaluateAll((nodes) =>
      nodes.map((node) => `${node.getAttribute('data-number')}. ${node.textContent ?? ''}`),
    );
}

/** The PDF LibreOffice makes of a DOCX, as text. */
function libreOfficeText(docx: Buffer): { text: string; pages: number } {
  const dir = mkdtempSync(join(tmpdir(), 'chambers-e2e-docx-'));
  try {
    const file = join(dir, 'otsus.docx');
    execFileSync('bash', ['-c', `cat > "${file}"`], { input: docx });
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        file,
      ],
      { timeout: 120_000, stdio: 'ignore' },
    );
    const pdf = join(dir, 'otsus.pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? '0') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a judge drafts a civil judgment: filled-in introduction, reordered reasoning, DOCX read by LibreOffice, nothing lost to a crash', async ({
  killableApp,
  page,
}, info) => {
  test.setTimeout(240_000);
  const file = await openCase(page, killableApp.url());

  // Start a civil judgment from the case file.
  const drafts = file.getByTestId('case-drafts');
  await drafts.getByRole('button', { name: 'Alusta lahendit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Alusta lahendit' });
  await dialog.getByLabel('Mall').selectOption({ label: 'Tsiviilasja kohtuotsus' });
  await dialog.getByRole('button', { name: 'Loo kavand' }).click();
  const draft = page.getByTestId('draft');
  await expect(draft).toBeVisible();
  await expect(page).toHaveURL(/#\/drafts\//);
  await page.screenshot({ path: info.outputPath('draft-top.png') });

  // The introduction is filled in from the case.
  const intro = page.getByTestId('introduction');
  await expect(intro.getByTestId('intro-caseNumber')).toContainText(CASE_NUMBER);
  await expect(intro.getByTestId('intro-court')).toContainText('Maakohus');
  await expect(intro.getByTestId('intro-judges')).toContainText('Triin Lepik');
  const parties = (await intro.getByTestId('intro-parties').innerText()).trim();
  expect(parties.length).toBeGreaterThan(10);
  const firstParty = /:\s*([^(\n]+?)\s*(\(|$)/m.exec(
    parties.split('\n').find((l) => l.includes(':')) ?? '',
  )?.[1];
  expect(firstParty, parties).toBeTruthy();

  // Three numbered reasoning paragraphs, the third moved to the top with Alt+↑.
  const box = reasoning(page);
  await box.locator('p').last().click();
  await page.keyboard.press('Control+Alt+N');
  await page.keyboard.type('Hagi on põhjendatud, sest kostja ei tasunud arvet.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Kostja vastuväited ei leia tõendamist.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Viivis kuulub tasumisele alates maksetähtpäevast.');
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  expect(await shownParagraphs(page)).toEqual([
    '1. Viivis kuulub tasumisele alates maksetähtpäevast.',
    '2. Hagi on põhjendatud, sest kostja ei tasunud arvet.',
    '3. Kostja vastuväited ei leia tõendamist.',
  ]);
  await expect(page.getByTestId('save-indicator')).toContainText('Salvestatud');
  await expectNoAxeViolations(page, 'Decision draft');
  await page.screenshot({ path: info.outputPath('draft.png'), fullPage: false });

  // Export: the DOCX as LibreOffice prints it.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ekspordi DOCX' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe(`${CASE_NUMBER}_kohtuotsus.docx`);
  const docx = readFileSync(await saved.path());
  const { text, pages } = libreOfficeText(docx);
  expect(pages).toBeGreaterThanOrEqual(1);
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain(CASE_NUMBER);
  expect(flat).toContain('KOHTUOTSUS');
  expect(flat).toContain(firstParty!);
  expect(flat).toMatch(/1\. Viivis kuulub tasumisele alates maksetähtpäevast\./);
  expect(flat).toMatch(/2\. Hagi on põhjendatud, sest kostja ei tasunud arvet\./);
  expect(flat).toMatch(/3\. Kostja vastuväited ei leia tõendamist\./);
  expect(flat).toMatch(new RegExp(`Lk 1 / ${pages}`));

  // Mid-sentence, the host is killed (SIGKILL: no shutdown); what was typed is there after the restart.
  const draftUrl = page.url();
  await box.locator('p[data-numbered]').last().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const sentence = 'Kohus arvestab ka seda, et kostja';
  await page.keyboard.type(sentence, { delay: 40 });
  // Typing goes on while the host dies. The promise: what was typed more than a save interval
  // (300 ms) and a request before the kill survives — here everything up to a second before it.
  const rest = ' ei ole esitanud ühtegi tõendit, mis kinnitaks tema väidet tasumise kohta.';
  const typing = page.keyboard.type(rest, { delay: 40 }).catch(() => undefined);
  await page.waitForTimeout(1_000);
  const restarted = await killableApp.restartHost();
  await typing;
  await new SignInPage(page).open(restarted);
  await new SignInPage(page).signInToWork(/Triin Lepik/);
  await page.goto(`${restarted.split('#')[0]}#${draftUrl.split('#')[1]}`);
  await expect(page.getByTestId('draft')).toBeVisible();
  const after = await shownParagraphs(page);
  expect(after.slice(0, 3)).toEqual([
    '1. Viivis kuulub tasumisele alates maksetähtpäevast.',
    '2. Hagi on põhjendatud, sest kostja ei tasunud arvet.',
    '3. Kostja vastuväited ei leia tõendamist.',
  ]);
  // The whole sentence typed before the last second, and nothing that was not typed.
  const kept = (after[3] ?? '').replace(/^4\. /, '');
  expect(kept.startsWith(sentence), kept).toBe(true);
  expect((sentence + rest).startsWith(kept), kept).toBe(true);

  // Submitting with the facts still empty is refused and says what is missing; with them it is
  // filed as the case's next document, and the case file lists it.
  await page.getByRole('button', { name: 'Esita registrisse' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Esita registrisse' }).click();
  await expect(page.getByTestId('submit-missing')).toContainText('ASJAOLUD JA MENETLUSE KÄIK');
  await page.getByRole('dialog').getByRole('button', { name: 'Loobu' }).click();
  const facts = page.locator('[data-testid="draft-section"][data-section-id="facts"]').getByRole('textbox');
  await facts.locator('p').last().click();
  await page.keyboard.type('Hageja esitas hagi kostja vastu võla ja viivise väljamõistmiseks.');
  await expect(page.getByTestId('save-indicator')).toContainText('Salvestatud');
  await page.getByRole('button', { name: 'Esita registrisse' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Esita registrisse' }).click();
  await expect(page.getByTestId('draft-status')).toContainText(`registreeritud ${CASE_NUMBER}/`, {
    timeout: 30_000,
  });
  const number = /registreeritud (\S+)/.exec(await page.getByTestId('draft-status').innerText())![1]!;
  await page.getByRole('link', { name: `Kohtuasi ${CASE_NUMBER}`, exact: true }).click();
  await expect(page.getByTestId('case-file').getByText(number, { exact: true }).first()).toBeVisible();
});
