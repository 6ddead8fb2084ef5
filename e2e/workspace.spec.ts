// Issue 6: the workspace screens in Chromium against the browser host — journeys 1 and 4 of
// mission.md, the keyboard alone from My work through Search to a case file, language switching,
// and axe-core on every screen. Screenshots are kept as test artifacts.
import { makeScannedPdf } from '../src-register/seed/scanned-pdf.js';
import { CASE_NUMBER_PATTERN } from '../src-shared/domain/case-number.js';
import { expectNoAxeViolations } from './support/axe.js';
import { expect, test } from './support/chambers-fixture.js';
import { RegisterForm } from './pages/register-form.js';
import { SignInPage, Shell } from './pages/workspace.js';

test('journey 1: chancery registers a civil case with two parties and a scan; number, judge and why', async ({
  app,
  page,
}, info) => {
  const work = await new SignInPage(page)
    .open(app.url)
    .then(() => new SignInPage(page).signInToWork(/Piret Org/));
  await expect(work.root).toBeVisible();
  await expectNoAxeViolations(page, 'My work (chancery)');
  await new Shell(page).link('Registreeri').click();

  const form = new RegisterForm(page);
  await expect(form.root.getByRole('heading', { level: 1, name: 'Kohtuasja registreerimine' })).toBeVisible();
  await expectNoAxeViolations(page, 'Register a case (empty)');
  await form.fillCivilCase('Hagi üürivõla väljamõistmiseks', '1500,50', [
    { name: 'Mari Maasikas', code: '48001010005', role: 'hageja' },
    { kind: 'Juriidiline isik', name: 'OÜ Päikesekiir', code: '12345678', role: 'kostja' },
  ]);
  const scan = await makeScannedPdf({
    title: 'Hagiavaldus',
    lines: ['HAGIAVALDUS', 'Mari Maasikas'],
    pages: 2,
    seed: 7,
  });
  await form.addDocuments([{ fileName: 'hagiavaldus.pdf', bytes: scan, title: 'Hagiavaldus' }]);
  await page.screenshot({ path: info.outputPath('register-form.png'), fullPage: true });

  const result = await form.submit();
  const number = (await result.getByTestId('registered-number').innerText()).trim();
  expect(number).toMatch(CASE_NUMBER_PATTERN);
  expect(number).toMatch(/^2-\d\d-\d+$/);
  await expect(result.getByText('Miks see kohtunik')).toBeVisible();
  await expect(result).toContainText(/loosis/);
  await page.screenshot({ path: info.outputPath('register-result.png'), fullPage: true });
  await expectNoAxeViolations(page, 'Register a case (result)');

  // The new case comes into this computer's cache and opens as a case file.
  await result.getByRole('button', { name: 'Ava kohtuasi' }).click();
  const file = page.getByTestId('case-file');
  await expect(file.getByTestId('case-number')).toHaveText(number);
  await expect(file.getByRole('rowheader', { name: 'Mari Maasikas' })).toBeVisible();
  await expect(file.getByTestId('document-row').first()).toContainText('Hagiavaldus');
});

test('journey 4: the president changes the rules, marks a judge absent and reads the statistics', async ({
  app,
  page,
}, info) => {
  await new SignInPage(page).open(app.url).then(() => new SignInPage(page).signInToWork(/Helen Saar/));
  await new Shell(page).link('Jaotusplaan').click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: 'Jaotusplaan' })).toBeVisible();
  await expectNoAxeViolations(page, 'Allocation plan');

  const weight = main.getByLabel('Kohtuniku Triin Lepik koormus');
  await weight.fill('0.5');
  await main.getByLabel('Muudatuse põhjus').fill('Triin Lepik juhendab sel aastal noori kohtunikke');
  await main.getByRole('button', { name: 'Võta vastu uus versioon' }).click();
  await expect(main.getByText(/Versioon \d+ on vastu võetud\./)).toBeVisible();
  const history = main.getByRole('region', { name: 'Plaani ajalugu' });
  await expect(history).toContainText('Triin Lepik juhendab sel aastal noori kohtunikke');

  const absences = main.getByRole('region', { name: 'Puudumised' });
  await absences.getByLabel('Kohtunik').selectOption({ label: 'Triin Lepik' });
  await absences.getByLabel('Alates').fill('2027-01-04');
  await absences.getByLabel('Kuni (kaasa arvatud)').fill('2027-01-15');
  await absences.getByLabel('Põhjus').fill('Koolitus');
  await absences.getByRole('button', { name: 'Kanna puudumine' }).click();
  await expect(absences.getByText('Puudumine on kantud.')).toBeVisible();
  await expect(absences).toContainText('Koolitus');

  const statistics = main.getByRole('region', { name: 'Koormus ja menetluste statistika' });
  await statistics.scrollIntoViewIfNeeded();
  await expect(statistics.getByRole('table')).toBeVisible();
  await expect(statistics.getByRole('columnheader', { name: 'Lahendamise määr' })).toBeVisible();
  await expect(statistics.getByRole('row').nth(1)).toBeVisible();
  await page.screenshot({ path: info.outputPath('allocation.png'), fullPage: true });
  await expectNoAxeViolations(page, 'Allocation plan after changes');
});

test('the keyboard alone goes from My work through Search to a case file', async ({ app, page }, info) => {
  await new SignInPage(page).open(app.url).then(() => new SignInPage(page).signInToWork(/Helen Saar/));
  // Run in the page (as text: this project is type-checked without the DOM library).
  const inPage = async (expression: string): Promise<boolean> => (await page.evaluate(expression)) === true;
  // A focus that is visible wherever it lands: the focused element draws an outline.
  const focusVisible = () =>
    inPage(`(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return false;
      const style = getComputedStyle(element);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    })()`);

  // Tab to the navigation's Search link, then Enter.
  let found = false;
  for (let i = 0; i < 30 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await inPage(`document.activeElement?.textContent?.trim() === 'Otsing'`);
  }
  expect(found).toBe(true);
  expect(await focusVisible()).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-screen')).toBeVisible();

  // Into the search box, type, arrow into the results, Enter opens the case.
  for (let i = 0; i < 30; i++) {
    if (
      await inPage(
        `document.activeElement?.type === 'search' || document.activeElement?.getAttribute('role') === 'searchbox'`,
      )
    )
      break;
    await page.keyboard.press('Tab');
  }
  expect(
    await inPage(
      `document.activeElement?.type === 'search' || document.activeElement?.getAttribute('role') === 'searchbox'`,
    ),
  ).toBe(true);
  await page.keyboard.type('tööleping');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  await expect(page.getByTestId('search-hit').first().locator('mark').first()).toBeVisible();
  await page.screenshot({ path: info.outputPath('search.png') });
  await expectNoAxeViolations(page, 'Search with results');
  await page.keyboard.press('ArrowDown');
  expect(await focusVisible()).toBe(true);
  await page.keyboard.press('Enter');
  const file = page.getByTestId('case-file');
  await expect(file.getByTestId('case-number')).toHaveText(CASE_NUMBER_PATTERN);
  await page.screenshot({ path: info.outputPath('case-file.png') });
  await expectNoAxeViolations(page, 'Case file');
});

test('the language switches the whole workspace at once, and Settings passes axe', async ({
  app,
  page,
}, info) => {
  await new SignInPage(page).open(app.url).then(() => new SignInPage(page).signInToWork(/Triin Lepik/));
  await expect(page.getByRole('heading', { level: 1, name: 'Minu töö' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
  await expect(page.getByRole('navigation')).toContainText('Search');
  await expect(page.getByTestId('status-bar')).toContainText(/Online|cached/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.screenshot({ path: info.outputPath('work-english.png') });
  await expectNoAxeViolations(page, 'My work (English)');

  await new Shell(page).link('Settings').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expectNoAxeViolations(page, 'Settings');
  await page.getByRole('button', { name: 'Eesti' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Seaded' })).toBeVisible();
  await page.screenshot({ path: info.outputPath('settings.png') });

  // The dark theme, chosen in Settings, holds the same contrast rules on every kind of screen.
  await page.getByRole('radio', { name: 'Tume' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectNoAxeViolations(page, 'Settings (dark)');
  await new Shell(page).link('Minu töö').click();
  await expect(page.getByTestId('work-screen')).toBeVisible();
  await expectNoAxeViolations(page, 'My work (dark)');
  await page.screenshot({ path: info.outputPath('work-dark.png') });
  await new Shell(page).openCases();
  await expectNoAxeViolations(page, 'Cases (dark)');
});
