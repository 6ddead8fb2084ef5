import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/contract/result';
import type { HostSettings } from '../../../src-shared/contract/workspace';
import { createQueryClient } from '../../../src-renderer/app/query-client';
import { SettingsScreen } from '../../../src-renderer/features/settings/components/settings-screen';
import { I18nProvider } from '../../../src-renderer/i18n/i18n-provider';
import { LANGUAGE_STORAGE_KEY } from '../../../src-renderer/i18n/languages';
import { THEME_STORAGE_KEY } from '../../../src-renderer/theme/theme';
import { createFakeHost, type FakeHostOptions } from '../support/fake-host';
import { resetWindow } from '../support/render-app';

afterEach(resetWindow);

const IN_EFFECT: HostSettings = {
  registerUrl: 'http://127.0.0.1:4610',
  cardModule: '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so',
};

/** A host that keeps what was saved and, like the real one, applies it only at the next start. */
function settingsHost(): FakeHostOptions['handlers'] {
  let saved = IN_EFFECT;
  const view = () => ({
    ...saved,
    inEffect: IN_EFFECT,
    restartNeeded: saved.registerUrl !== IN_EFFECT.registerUrl || saved.cardModule !== IN_EFFECT.cardModule,
  });
  return {
    'settings:get': view,
    'settings:put': (input) => {
      saved = input;
      return view();
    },
  };
}

function renderSettings(options: FakeHostOptions = { handlers: settingsHost() }) {
  const host = createFakeHost(options);
  Object.defineProperty(window, 'chambers', { value: host.api, configurable: true, writable: true });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <I18nProvider>
        <main>
          <SettingsScreen />
        </main>
      </I18nProvider>
    </QueryClientProvider>,
  );
  return host;
}

const registerField = () => screen.getByRole('textbox', { name: 'Registri aadress' });
const moduleField = () => screen.getByRole('textbox', { name: 'ID-kaardi moodul (PKCS#11)' });
const puts = (host: ReturnType<typeof renderSettings>) =>
  host.calls.filter((call) => call.channel === 'settings:put');

describe('Settings', () => {
  it('starts from the saved settings and shows what is in use now', async () => {
    renderSettings();
    await screen.findByTestId('settings-form');
    expect(screen.getByRole('heading', { level: 1, name: 'Seaded' })).toBeTruthy();
    expect((registerField() as HTMLInputElement).value).toBe(IN_EFFECT.registerUrl);
    expect((moduleField() as HTMLInputElement).value).toBe(IN_EFFECT.cardModule);
    const inEffect = screen.getByTestId('settings-in-effect');
    expect(within(inEffect).getByText(IN_EFFECT.registerUrl)).toBeTruthy();
    expect(within(inEffect).getByText(IN_EFFECT.cardModule)).toBeTruthy();
    expect(screen.getByTestId('settings-status').textContent).toBe('');
  });

  it('saves the typed values through settings:put and says a restart is needed', async () => {
    const host = renderSettings();
    await screen.findByTestId('settings-form');
    fireEvent.change(registerField(), { target: { value: '  https://register.kohus.ee  ' } });
    fireEvent.change(moduleField(), { target: { value: '/opt/esteid/lib/libpkcs11.so' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salvesta' }));

    await waitFor(() =>
      expect(screen.getByTestId('settings-status').textContent).toBe(
        'Salvestatud. Muudatused jõustuvad, kui Chambers uuesti käivitada.',
      ),
    );
    expect(puts(host).map((call) => call.input)).toEqual([
      { registerUrl: 'https://register.kohus.ee', cardModule: '/opt/esteid/lib/libpkcs11.so' },
    ]);
    // What this run uses has not changed: the saved values wait for the restart.
    expect(within(screen.getByTestId('settings-in-effect')).getByText(IN_EFFECT.registerUrl)).toBeTruthy();
    expect((registerField() as HTMLInputElement).value).toBe('https://register.kohus.ee');
  });

  it('says the settings are in use when the saved ones equal what runs now', async () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    const host = renderSettings();
    await screen.findByTestId('settings-form');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.getByTestId('settings-status').textContent).toBe(
        'Saved. These settings are already in use.',
      ),
    );
    expect(puts(host)).toHaveLength(1);
  });

  it('refuses an address that is not http(s) in the form, without asking the host', async () => {
    const host = renderSettings();
    await screen.findByTestId('settings-form');
    for (const wrong of ['register.kohus.ee', 'ftp://register.kohus.ee', '']) {
      fireEvent.change(registerField(), { target: { value: wrong } });
      fireEvent.click(screen.getByRole('button', { name: 'Salvesta' }));
      const message = await screen.findByTestId('settings-error-registerUrl');
      expect(message.textContent).toContain('algab http:// või https://');
      expect(registerField().getAttribute('aria-invalid')).toBe('true');
      expect(registerField().getAttribute('aria-describedby')).toContain(message.id);
      expect(document.activeElement).toBe(registerField());
    }
    expect(puts(host)).toEqual([]);

    // Fixing the field takes the message away at once.
    fireEvent.change(registerField(), { target: { value: 'https://register.kohus.ee' } });
    expect(screen.queryByTestId('settings-error-registerUrl')).toBeNull();
    expect(registerField().getAttribute('aria-invalid')).toBeNull();
  });

  it('refuses an empty card module', async () => {
    const host = renderSettings();
    await screen.findByTestId('settings-form');
    fireEvent.change(moduleField(), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salvesta' }));
    expect((await screen.findByTestId('settings-error-cardModule')).textContent).toBe(
      'Sisesta kaardimooduli faili asukoht.',
    );
    expect(document.activeElement).toBe(moduleField());
    expect(puts(host)).toEqual([]);
  });

  it('shows a refusal of the host with the shared error notice', async () => {
    renderSettings({
      handlers: {
        ...settingsHost(),
        'settings:put': () => {
          throw new AppError('forbidden', 'Settings are managed by the administrator.');
        },
      },
    });
    await screen.findByTestId('settings-form');
    fireEvent.click(screen.getByRole('button', { name: 'Salvesta' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Sul ei ole õigust neid andmeid näha.');
    expect(alert.textContent).toContain('Settings are managed by the administrator.');
    expect(screen.getByTestId('settings-status').textContent).toBe('');
  });

  it('changes the language and the theme at once', async () => {
    renderSettings();
    await screen.findByTestId('settings-form');
    const language = screen.getByRole('radiogroup', { name: 'Keel' });
    expect(within(language).getByRole('radio', { name: 'Eesti' })).toHaveProperty('checked', true);
    fireEvent.click(within(language).getByRole('radio', { name: 'English' }));
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(document.documentElement.lang).toBe('en');

    const theme = screen.getByRole('radiogroup', { name: 'Appearance' });
    expect(within(theme).getByRole('radio', { name: 'As the system' })).toHaveProperty('checked', true);
    fireEvent.click(within(theme).getByRole('radio', { name: 'Dark' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    expect(within(theme).getByRole('radio', { name: 'Dark' })).toHaveProperty('checked', true);
  });

  it('has no accessibility violations axe can find in jsdom, also with field errors', async () => {
    renderSettings();
    await screen.findByTestId('settings-form');
    fireEvent.change(registerField(), { target: { value: 'register' } });
    fireEvent.change(moduleField(), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salvesta' }));
    await screen.findByTestId('settings-error-cardModule');
    // Colour contrast needs a layout engine; tokens-contrast.test.ts and the e2e axe run cover it.
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});
