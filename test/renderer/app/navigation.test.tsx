import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../src-shared/domain/user';
import { DEMO_USERS, idCardSession } from '../support/demo-data';
import { renderApp, resetWindow } from '../support/render-app';

afterEach(resetWindow);

const judge = DEMO_USERS[0]!.user;
const chancery = DEMO_USERS[1]!.user;
const president: SessionUser = {
  id: 'u-president',
  name: 'Helen Saar',
  personalCode: '47101010033',
  roles: [{ role: 'court_president', courtCode: 'HMK', observerScope: null }],
};

async function navLinks(): Promise<string[]> {
  const nav = await screen.findByRole('navigation', { name: 'Põhinavigatsioon' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent ?? '');
}

describe('navigation', () => {
  it('opens on My work after sign-in', async () => {
    renderApp({ session: idCardSession(judge) }, '');
    expect(await screen.findByRole('heading', { level: 1, name: 'Minu töö' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Põhinavigatsioon' });
    expect(within(nav).getByRole('link', { name: 'Minu töö' }).getAttribute('aria-current')).toBe('page');
  });

  it('offers each role only the screens the register would let it use', async () => {
    renderApp({ session: idCardSession(judge) }, '');
    // A judge writes (and approves) hearing minutes: "Protokollid".
    expect(await navLinks()).toEqual(['Minu töö', 'Otsing', 'Kohtuasjad', 'Protokollid', 'Seaded']);
    resetWindow();

    renderApp({ session: idCardSession(chancery) }, '');
    expect(await navLinks()).toEqual(['Minu töö', 'Otsing', 'Kohtuasjad', 'Registreeri', 'Seaded']);
    resetWindow();

    renderApp({ session: idCardSession(president) }, '');
    expect(await navLinks()).toContain('Jaotusplaan');
    expect(await navLinks()).not.toContain('Registreeri');
  });

  it('sends an address the role may not use back to My work', async () => {
    window.history.replaceState(null, '', '/#/allocation');
    renderApp({ session: idCardSession(judge) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Minu töö' })).toBeTruthy();
  });
});
