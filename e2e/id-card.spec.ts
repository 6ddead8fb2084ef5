import { expect, test } from './support/chambers-fixture.js';
import { DEMO_PIN1, SignInPage } from './pages/workspace.js';
import { expectNoAxeViolations } from './support/axe.js';

test('a judge signs in with her ID card and PIN1 and sees her cases', async ({ app, page }, info) => {
  const signIn = new SignInPage(page);
  await signIn.open(app.url);
  // Whose card is in the reader: read from the authentication certificate, before any PIN.
  await expect(signIn.cards.filter({ hasText: 'Triin Lepik' })).toBeVisible();
  await page.screenshot({ path: info.outputPath('sign-in.png') });
  await expectNoAxeViolations(page, 'Sign-in');

  const list = await signIn.signInAs(/Triin Lepik/, DEMO_PIN1);
  await expect.poll(() => list.rows.count()).toBeGreaterThan(5);
  await expect(page.getByTestId('status-bar')).toBeVisible();
  await page.screenshot({ path: info.outputPath('judge-cases.png') });
});

test('a wrong PIN shows the tries left, and the right one then signs in', async ({ app, page }, info) => {
  const signIn = new SignInPage(page);
  await signIn.open(app.url);
  await signIn.enterPin(/Triin Lepik/, '9999');
  await expect(signIn.error).toBeVisible();
  await expect(signIn.error).toContainText(/2 katset/);
  await expect(signIn.pin).toHaveValue('');
  await page.screenshot({ path: info.outputPath('wrong-pin.png') });
  await expectNoAxeViolations(page, 'Sign-in with a wrong PIN');

  await signIn.pin.fill(DEMO_PIN1);
  await signIn.pin.press('Enter');
  await expect(page.getByTestId('work-screen')).toBeVisible();
});
