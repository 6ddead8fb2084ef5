import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_USERS, idCardSession } from '../support/demo-data';
import { renderApp, resetWindow } from '../support/render-app';

afterEach(resetWindow);

const DEMO_SESSION = idCardSession(DEMO_USERS[0]!.user);

describe('the status bar’s sync problems', () => {
  it('shows both texts of a note in conflict and resolves it with the user’s choice', async () => {
    const { host } = renderApp({
      session: DEMO_SESSION,
      sync: { conflicts: 1 },
    });
    host.state.conflicts = [
      {
        id: 'c-1',
        caseId: 'case-1',
        localText: 'Kontrollida volikirja.',
        serverText: 'Volikiri on korras.',
        serverVersion: 7,
        createdSeq: 3,
      },
    ];
    fireEvent.click(await screen.findByTestId('sync-problems-open'));
    const conflict = await screen.findByTestId('note-conflict');
    expect(conflict.textContent).toContain('Kontrollida volikirja.');
    expect(conflict.textContent).toContain('Volikiri on korras.');
    fireEvent.click(within(conflict).getByRole('button', { name: 'Jäta minu tekst' }));
    await waitFor(() => expect(screen.queryByTestId('note-conflict')).toBeNull());
    expect(host.calls.find((c) => c.channel === 'notes:resolve')?.input).toEqual({
      conflictId: 'c-1',
      choice: 'mine',
    });
  });

  it('shows nothing when there is nothing to resolve', async () => {
    renderApp({ session: DEMO_SESSION });
    await screen.findByTestId('sync-status');
    expect(screen.queryByTestId('sync-problems-open')).toBeNull();
  });
});
