import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '../../../src-renderer/i18n/languages';
import { DEMO_USERS } from '../support/demo-data';
import { createFakeHost } from '../support/fake-host';
import { renderApp, resetWindow } from '../support/render-app';

afterEach(resetWindow);

describe('language switch', () => {
  it('starts in Estonian and switches the whole UI to English', async () => {
    renderApp({ session: { user: DEMO_USERS[0]!.user, mode: 'development' } });
    await screen.findByRole('heading', { name: 'Kohtuasjad' });
    expect(document.documentElement.lang).toBe('et');
    expect(screen.getByRole('button', { name: 'Eesti' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    await screen.findByRole('heading', { name: 'Cases' });
    expect(screen.getByRole('searchbox', { name: 'Search cases' })).toBeTruthy();
    expect(screen.getByRole('listbox', { name: 'Case list' })).toBeTruthy();
    expect(within(screen.getByTestId('status-bar')).getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(within(screen.getByTestId('status-bar')).getByText('judge')).toBeTruthy();
    expect(screen.getByTestId('dev-banner').textContent).toMatch(/Development sign-in/);
    expect(document.documentElement.lang).toBe('en');
    expect(screen.queryByText('Kohtuasjad')).toBeNull();
  });

  it('remembers the choice across a reload', async () => {
    const host = createFakeHost();
    renderApp(host);
    fireEvent.click(await screen.findByRole('button', { name: 'English' }));
    await screen.findByRole('heading', { name: 'Development sign-in' });
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');

    cleanup();
    renderApp(host);
    await screen.findByRole('heading', { name: 'Development sign-in' });
  });
});
