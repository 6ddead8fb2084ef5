// Issue 7, bad files: a case filed with damaged, encrypted and hostile PDFs. Each opens in the viewer
// to a clear message (or to its pages, where pdf.js repairs the damage); no script runs, no dialog
// appears, the page throws nothing, and the rest of the app goes on working.
import { BAD_PDFS } from '../test/support/pdf-fixtures.js';
import { makeScannedPdf } from '../src-register/seed/scanned-pdf.js';
import { expect, test } from './support/chambers-fixture.js';
import { RegisterForm } from './pages/register-form.js';
import { SignInPage, Shell } from './pages/workspace.js';

// The register takes no empty file; every other bad file is filed as a document of the case.
const FILED = BAD_PDFS.filter((bad) => bad.bytes.length > 0);

test('damaged, encrypted and hostile PDFs show a clear message and break nothing', async ({
  app,
  page,
}, info) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });

  await new SignInPage(page).open(app.url);
  await new SignInPage(page).signInToWork(/Piret Org/);
  await new Shell(page).link('Registreeri').click();
  const form = new RegisterForm(page);
  await form.fillCivilCase('Vaidlus rikutud failide üle', '100', [
    { name: 'Mari Maasikas', code: '48001010005', role: 'hageja' },
  ]);
  const good = await makeScannedPdf({ title: 'Hagiavaldus', lines: ['HAGIAVALDUS'], pages: 2, seed: 9 });
  await form.addDocuments([
    ...FILED.map((bad) => ({ fileName: `${bad.name}.pdf`, bytes: bad.bytes, title: `Fail ${bad.name}` })),
    { fileName: 'hagiavaldus.pdf', bytes: good, title: 'Terve hagiavaldus' },
  ]);
  const result = await form.submit();
  await result.getByRole('button', { name: 'Ava kohtuasi' }).click();
  const file = page.getByTestId('case-file');
  await expect(file.getByTestId('document-row')).toHaveCount(FILED.length + 1);
  const caseAddress = page.url();

  for (const bad of FILED) {
    await page.goto(caseAddress);
    await file.getByRole('link', { name: `Fail ${bad.name}` }).click();
    const viewer = page.locator('.pdf-viewer');
    if (bad.expect === 'error') {
      const alert = viewer.getByRole('alert');
      await expect(alert, bad.name).toBeVisible({ timeout: 30_000 });
      await expect(alert, bad.name).toContainText(/Dokumenti ei saa avada|parooliga kaitstud|ei õnnestunud/);
    } else {
      await expect(viewer, bad.name).toHaveAttribute('data-rendered-pages', /(^| )1( |$)/, {
        timeout: 30_000,
      });
    }
    await page.screenshot({ path: info.outputPath(`bad-${bad.name}.png`) });
    // The reading room still answers: the tab can be closed with the keyboard.
    await page.getByRole('button', { name: 'Sulge dokument' }).click();
  }

  // A sound document still opens and draws, and the rest of the app works.
  await page.goto(caseAddress);
  await file.getByRole('link', { name: 'Terve hagiavaldus' }).click();
  await expect(page.locator('.pdf-viewer')).toHaveAttribute('data-rendered-pages', /(^| )1( |$)/, {
    timeout: 30_000,
  });
  await new Shell(page).link('Otsing').click();
  await page.getByRole('searchbox').fill('rikutud failide');
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
  // The script in the hostile file never ran: no dialog, and the page is still ours.
  expect(new URL(page.url()).origin).toBe(new URL(app.url).origin);
  expect(problems).toEqual([]);
});
