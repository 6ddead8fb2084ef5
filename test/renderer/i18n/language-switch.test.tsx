import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '../../../src-renderer/i18n/languages';
import { DEMO_USERS, idCardSession } from '../support/demo-data';
import { createFakeHost } from '../support/fake-host';
import { renderApp, resetWindow } from '../support/render-app';

afterEach(resetWindow);

describe('language switch', () => {
  it('starts in Estonian and switches the whole UI to English', async () => {
    renderApp({ session: idCardSession(DEMO_USERS[0]!.user) });
    await screen.findByRole('heading', { name: 'Kohtuasjad' });
    expect(document.documentElement.lang).toBe('et');
    expect(screen.getByRole('button', { name: 'Eesti' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    await screen.findByRole('heading', { name: 'Cases' });
    expect(screen.getByRole('searchbox', { name: 'Search cases' })).toBeTruthy();
    expect(screen.getByRole('listbox', { name: 'Case list' })).toBeTruthy();
    expect(within(screen.getByTestId('status-bar')).getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(within(screen.getByTestId('status-bar')).getByText('judge')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(screen.queryByText('Kohtuasjad')).toBeNull();
  });

  it('remembers the choice across a reload', async () => {
    const host = createFakeHost();
    renderApp(host);
    fireEvent.click(await screen.findByRole('button', { name: 'English' }));
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');

    cleanup();
    renderApp(host);
    await screen.findByRole('heading', { name: 'Sign in' });
  });

  it('switches the sign-in screen, its card list and its errors', async () => {
    const host = createFakeHost();
    renderApp(host);
    await screen.findByText('Lugejas on 1 ID-kaart');
    expect(screen.getByRole('heading', { name: 'Kelle kaart on lugejas?' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('PIN1'), { target: { value: '0000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Logi sisse' }));
    expect((await screen.findByTestId('sign-in-error')).textContent).toBe(
      'Vale PIN-kood. Jäänud on 2 katset.',
    );

    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    await screen.findByRole('heading', { name: 'Whose card is in the reader?' });
    expect(screen.getByText('1 ID card in the reader')).toBeTruthy();
    expect(screen.getByTestId('sign-in-error').textContent).toBe('Wrong PIN. 2 tries left.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByTestId('card-option').textContent).toContain('personal code');
    expect(document.documentElement.lang).toBe('en');
  });
});
