// Issue 9, mission journey 3: a court session secretary syncs tomorrow's hearing, loses the register,
// writes the minutes live (several kinds of entries, attendance, recording marks), the host is killed
// mid-sentence and started again with nothing lost, she finishes them, the presiding judge approves
// with her own ID card on the secretary's computer, and the minutes reach the register once it is back.
import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.js';
import { expect, test } from './support/chambers-fixture.js';
import { DEMO_PIN1, SignInPage, Shell } from './pages/workspace.js';

const CASE_NUMBER = '2-25-7';

async function signIn(page: Page, url: string): Promise<void> {
  await new SignInPage(page).open(url);
  await new SignInPage(page).signInToWork(/Maarja Sepp/);
}

/** Chooses the option whose text matches (options carry their shortcut: "Seletus (Ctrl+Alt+S)"). */
async function choose(select: Locator, text: RegExp): Promise<void> {
  const options = await select.locator('option').allInnerTexts();
  const label = options.find((o) => text.test(o));
  expect(label, options.join(' | ')).toBeTruthy();
  await select.selectOption({ label: label! });
}

/** Chooses the entry's kind and speaker, types its text and adds it with Enter. */
async function addEntry(page: Page, kind: string, speaker: RegExp | null, text: string): Promise<void> {
  const composer = page.getByTestId('minutes-composer');
  await choose(composer.getByTestId('composer-kind'), new RegExp(`^${kind}`));
  if (speaker) await choose(composer.getByTestId('composer-speaker'), speaker);
  const box = composer.getByTestId('composer-text');
  await box.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect(box).toHaveValue('');
}

const entries = (page: Page) => page.getByTestId('minutes-entry');

test('journey 3: minutes written offline survive a killed host, are approved with the judge’s card and reach the register', async ({
  killableApp,
  page,
}) => {
  test.setTimeout(300_000);
  await signIn(page, killableApp.url());

  // Tomorrow's hearing in case 2-25-7, synced before the register goes away.
  await new Shell(page).link('Protokollid').click();
  const row = page.getByTestId('minutes-hearing-row').filter({ hasText: CASE_NUMBER });
  await expect(row).toBeVisible();
  await killableApp.stopRegister();
  await row.getByRole('button', { name: /Ava protokoll/ }).click();
  const view = page.getByTestId('minutes-view');
  await expect(view).toBeVisible();
  await expect(page).toHaveURL(/#\/minutes\//);
  const minutesUrl = page.url().split('#')[1]!;
  const header = view.getByTestId('minutes-header');
  await expect(header.getByRole('textbox', { name: 'Kohus', exact: true })).toHaveValue('Harju Maakohus');
  await expect(page.getByRole('link', { name: `Kohtuasi ${CASE_NUMBER}`, exact: true })).toBeVisible();
  await expect(header).toContainText('Triin Lepik');
  await expect(view.getByTestId('minutes-audio-file')).toContainText(`${CASE_NUMBER}_`);

  // Live: the hearing starts, the recording starts, everyone is marked present.
  await view.getByRole('button', { name: 'Alusta istungit' }).click();
  await view.getByRole('button', { name: 'Alusta salvestust' }).click();
  const participants = view.getByTestId('minutes-participant');
  const count = await participants.count();
  expect(count).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < count; i++)
    await participants.nth(i).getByRole('radio', { name: 'kohal', exact: true }).check();

  await addEntry(
    page,
    'Seletus',
    /Triin Lepik/,
    'Kohtunik avas istungi ja selgitas menetlusosalistele nende õigusi.',
  );
  await addEntry(page, 'Taotlus', null, 'Hageja palus lisada toimikusse ekspertiisiakti.');
  await addEntry(
    page,
    'Määrus',
    /Triin Lepik/,
    'Kohus rahuldas taotluse ja lisas ekspertiisiakti toimikusse.',
  );
  await addEntry(page, 'Küsimus', /Triin Lepik/, 'Kas kostja vaidleb ekspertiisiakti järeldustele vastu?');
  await addEntry(page, 'Vastus', null, 'Kostja ei vaidle vastu.');
  await expect(entries(page)).toHaveCount(5);
  await expect(entries(page).first().getByTestId('entry-audio')).toHaveText(/\d+:\d\d/);

  // Mid-sentence, the host is killed; it starts again (still no register) and she signs in offline.
  const composer = page.getByTestId('minutes-composer');
  await choose(composer.getByTestId('composer-kind'), /^Seletus/);
  await composer.getByTestId('composer-text').click();
  const unfinished = 'Hageja esindaja selgitas, et nõue';
  await page.keyboard.type(unfinished, { delay: 30 });
  // Still typing when the host dies; what was typed more than a second before the kill survives.
  const typing = page.keyboard
    .type(' on aegunud ja hageja ei ole seda ka vaidlustanud.', { delay: 30 })
    .catch(() => undefined);
  await page.waitForTimeout(1_000);
  const restarted = await killableApp.restartHost();
  await typing;
  await signIn(page, restarted);
  await page.goto(`${restarted.split('#')[0]}#${minutesUrl}`);
  await expect(page.getByTestId('minutes-view')).toBeVisible();
  await expect(entries(page)).toHaveCount(6);
  await expect(page.getByTestId('minutes-timeline')).toContainText('Kostja ei vaidle vastu.');
  await expect(page.getByTestId('minutes-timeline')).toContainText(unfinished);

  // The rest of the hearing, then the end.
  await addEntry(
    page,
    'Kuulutamine',
    /Triin Lepik/,
    'Kohus kuulutas välja, et otsus tehakse teatavaks kirjalikult.',
  );
  const pronouncement = entries(page).last();
  const appeal = pronouncement.getByTestId('entry-appeal-route');
  if (await appeal.count()) await appeal.fill('Otsuse peale võib esitada apellatsiooni 30 päeva jooksul.');
  await page.getByRole('button', { name: 'Lõpeta istung' }).click();
  await expect(page.getByTestId('minutes-ended')).toBeVisible();
  await expect(page.getByTestId('minutes-save')).toContainText('Salvestatud');
  await expect(page.getByTestId('minutes-deadline')).toContainText(/tööpäev/);
  await expectNoAxeViolations(page, 'Hearing minutes');

  // Finish: checked, finalised, approved by the presiding judge with her card and PIN.
  const finish = page.getByTestId('minutes-finish');
  await finish.getByRole('button', { name: 'Kontrolli' }).click();
  await expect(page.getByTestId('minutes-check-result')).not.toContainText('Vead');
  await finish.getByRole('button', { name: 'Lõpeta protokoll' }).click();
  await expect(page.getByTestId('minutes-status')).toContainText('lõpetatud');
  await finish.getByRole('button', { name: /ID-kaardiga/ }).click();
  const approve = page.getByRole('dialog');
  await approve
    .getByTestId('card-option')
    .filter({ hasText: /Triin Lepik/ })
    .click();
  await approve.getByLabel('PIN1').fill(DEMO_PIN1);
  await approve.getByRole('button', { name: 'Kinnita' }).click();
  await expect(page.getByTestId('minutes-approved')).toContainText('Triin Lepik');

  // Sent while the register is away: queued; it arrives once the register is back.
  await finish.getByRole('button', { name: 'Saada registrisse' }).click();
  await expect(page.getByTestId('minutes-status')).toContainText('saadetud registrisse');
  await killableApp.startRegister();
  await page.getByRole('button', { name: 'Sünkrooni kohe' }).click();
  await expect(page.getByTestId('minutes-status')).toContainText(`registreeritud ${CASE_NUMBER}/`, {
    timeout: 60_000,
  });

  // The number is the register's; the case as the register sent it back lists the minutes.
  const number = /registreeritud (\S+)/.exec(await page.getByTestId('minutes-status').innerText())![1]!;
  await page.goto(`${restarted.split('#')[0]}#/search`);
  await page.getByRole('searchbox').fill(CASE_NUMBER);
  await page.getByTestId('search-hit').first().click();
  await expect(page.getByTestId('case-file').getByText(number, { exact: true }).first()).toBeVisible();
});
