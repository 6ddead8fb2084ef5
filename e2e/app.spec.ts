import { CASE_NUMBER_PATTERN } from '../src-shared/domain/case-number.js';
import { expect, test } from './support/chambers-fixture.js';
import { SignInPage } from './pages/workspace.js';

test('a court president signs in and sees the demo court’s cases, then opens one', async ({
  app,
  page,
}, info) => {
  const signIn = new SignInPage(page);
  await signIn.open(app.url);
  const list = await signIn.signInAs(/Helen Saar/);

  await expect.poll(() => list.rows.count()).toBeGreaterThan(50);
  await expect(page.getByTestId('status-bar')).toContainText(/190/);
  await page.screenshot({ path: info.outputPath('case-list.png') });

  const firstNumber =
    (await list.rows.first().getAttribute('aria-label')) ?? (await list.rows.first().innerText());
  const file = await list.openRow(0);
  const number = (await file.number.innerText()).trim();
  expect(number).toMatch(CASE_NUMBER_PATTERN);
  expect(firstNumber).toContain(number);
  await expect(file.root.getByRole('heading', { name: 'Menetlusosalised' })).toBeVisible();
  await expect(file.root.getByTestId('document-row').first()).toBeVisible();
  await page.screenshot({ path: info.outputPath('case-file.png') });

  // The open case is in the address, so a reload comes back to it.
  await page.reload();
  await expect(file.number).toHaveText(number);
});

test('search narrows the list as you type and finds a case by its number', async ({ app, page }) => {
  const list = await new SignInPage(page)
    .open(app.url)
    .then(() => new SignInPage(page).signInAs(/Helen Saar/));
  const target = await list.openRow(3);
  const number = (await target.number.innerText()).trim();

  await list.search.fill(number);
  await expect(list.rows.first()).toContainText(number);
  await list.search.fill('zzzz-no-such-case');
  await expect(list.rows).toHaveCount(0);
});

test('the browser host refuses a visit without its start token', async ({ app, page }) => {
  const origin = new URL(app.url).origin;
  const response = await page.goto(`${origin}/`);
  expect(response?.status()).toBe(401);
  await expect(page.getByTestId('case-list')).toHaveCount(0);
});

test('with the register stopped the cached cases stay readable and the status says offline', async ({
  app,
  page,
}) => {
  const list = await new SignInPage(page)
    .open(app.url)
    .then(() => new SignInPage(page).signInAs(/Helen Saar/));
  await app.stopRegister();
  await page.getByRole('button', { name: 'Sünkrooni kohe' }).click();
  await expect(page.getByTestId('sync-status')).toContainText(/Võrguühenduseta/);
  const file = await list.openRow(1);
  await expect(file.number).toHaveText(CASE_NUMBER_PATTERN);
});
