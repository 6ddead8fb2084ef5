import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CASES, DEMO_USERS, idCardSession } from '../support/demo-data';
import { renderApp, resetWindow } from '../support/render-app';

afterEach(resetWindow);

const signedIn = { session: idCardSession(DEMO_USERS[0]!.user) };

describe('host events', () => {
  it('show sync progress with numbers in the status bar', async () => {
    const { host } = renderApp(signedIn);
    const status = await screen.findByTestId('sync-status');
    await waitFor(() => expect(status.textContent).toContain('Võrgus'));
    host.emit('sync:status', {
      ...host.state.sync,
      connectivity: 'syncing',
      progress: { done: 120, total: 500 },
    });
    await waitFor(() => expect(status.textContent).toContain('Sünkroonin'));
    expect(status.textContent).toContain('120 / 500 kohtuasja');
    host.emit('sync:status', { ...host.state.sync, connectivity: 'offline', pending: 3 });
    await waitFor(() => expect(status.textContent).toContain('Võrguühenduseta'));
    expect(status.textContent).toContain('3 muudatust ootel');
    // Offline is calm: no alert.
    expect(screen.queryByRole('alert')).toBeNull();
    host.emit('sync:status', { ...host.state.sync, conflicts: 1, failed: 2 });
    await waitFor(() => expect(status.textContent).toContain('1 vastuolu vajab otsust'));
    expect(status.textContent).toContain('Register lükkas tagasi 2 muudatust');
  });

  it('refresh the case list when cases change', async () => {
    const { host } = renderApp(signedIn);
    const list = await screen.findByTestId('case-list');
    expect(within(list).getAllByTestId('case-row')).toHaveLength(DEMO_CASES.length);
    host.state.cases.push({ ...DEMO_CASES[1]!, id: 'case-new', number: '1-25-7', subject: 'Uus asi' });
    host.emit('cases:changed', { caseIds: ['case-new'] });
    await waitFor(() => expect(within(list).getAllByTestId('case-row')).toHaveLength(DEMO_CASES.length + 1));
  });

  it('return to the sign-in screen when the session ends elsewhere', async () => {
    const { host } = renderApp(signedIn);
    await screen.findByTestId('case-list');
    host.state.session = null;
    host.emit('session:changed', { signedIn: false });
    await screen.findByRole('button', { name: /Kadri Kask/ });
    expect(screen.queryByTestId('case-list')).toBeNull();
  });

  it('ask for the cards again when a card goes in or out', async () => {
    const { host } = renderApp({ cards: [] });
    await screen.findByText('Sisesta ID-kaart lugejasse');
    host.state.cards.push({
      id: 'card-lepp',
      holderName: 'Liis Lepp',
      personalCode: DEMO_USERS[1]!.user.personalCode,
      pin1: { triesLeft: 3, blocked: false },
    });
    host.emit('card:changed', { cards: 1 });
    // Well before the 3-second poll: the event did it.
    await waitFor(() => expect(screen.getByTestId('card-option').textContent).toContain('Liis Lepp'), {
      timeout: 1_000,
    });
  });
});
