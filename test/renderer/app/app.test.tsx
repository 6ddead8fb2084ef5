import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/app/app';
import { createQueryClient } from '../../../src-renderer/app/query-client';
import { DEMO_CASES, DEMO_PIN, DEMO_USERS, idCardSession } from '../support/demo-data';
import { renderApp, resetWindow } from '../support/render-app';

afterEach(resetWindow);

const judge = DEMO_USERS[0]!.user;
const signedIn = { session: idCardSession(judge) };

describe('the app', () => {
  it('signs in with the ID card, lists the cases and opens one', async () => {
    const { host } = renderApp();
    await screen.findByRole('heading', { name: 'Sisselogimine' });
    const card = await screen.findByTestId('card-option');
    expect(card.textContent).toContain('Kadri Kask');
    expect(card.textContent).toContain(judge.personalCode);

    fireEvent.change(screen.getByLabelText('PIN1'), { target: { value: DEMO_PIN } });
    fireEvent.click(screen.getByRole('button', { name: 'Logi sisse' }));
    const list = await screen.findByRole('listbox', { name: 'Kohtuasjade nimekiri' });
    expect(within(list).getAllByTestId('case-row')).toHaveLength(DEMO_CASES.length);
    expect(host.calls.filter((call) => call.channel === 'session:signIn')).toEqual([
      { channel: 'session:signIn', input: { cardId: 'card-u-kask', pin: DEMO_PIN } },
    ]);
    expect(screen.queryByTestId('offline-unlock')).toBeNull();
    const statusBar = screen.getByTestId('status-bar');
    expect(within(statusBar).getByText('Kadri Kask')).toBeTruthy();
    expect(within(statusBar).getByText('kohtunik')).toBeTruthy();

    fireEvent.click(within(list).getByRole('option', { name: /2-24-4962/ }));
    const file = await screen.findByTestId('case-file');
    expect(within(file).getByTestId('case-number').textContent).toBe('2-24-4962');
    expect(window.location.hash).toBe('#/cases/case-civil-4962');
    await waitFor(() =>
      expect(
        within(list)
          .getByRole('option', { name: /2-24-4962/ })
          .getAttribute('aria-selected'),
      ).toBe('true'),
    );
    expect(within(file).getByRole('rowheader', { name: 'Mari Maasikas' })).toBeTruthy();
    expect(within(file).getByText('vandeadvokaat Jaan Tamm')).toBeTruthy();
    expect(within(file).getByText('hageja')).toBeTruthy();
    const documents = within(file)
      .getAllByTestId('document-row')
      .map((row) => row.textContent);
    expect(documents[0]).toContain('2-24-4962/1');
    expect(documents[1]).toContain('2-24-4962/2');
    expect(within(file).getByText('Hagi võeti menetlusse.')).toBeTruthy();
  });

  it('reopens the case named in the URL after a reload', async () => {
    window.history.replaceState(null, '', '/#/cases/case-adoption-7001');
    renderApp(signedIn);
    const file = await screen.findByTestId('case-file');
    expect(within(file).getByTestId('case-number').textContent).toBe('2-24-7001');
    expect(within(file).getByText('Lapsendamisasi')).toBeTruthy();
  });

  it('moves through the list with the arrow keys and opens with Enter', async () => {
    renderApp(signedIn);
    const options = within(await screen.findByTestId('case-list')).getAllByRole('option');
    options[0]!.focus();
    fireEvent.keyDown(options[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(options[1]);
    expect(window.location.hash).toBe('#/cases');
    fireEvent.keyDown(options[1]!, { key: 'Enter' });
    const file = await screen.findByTestId('case-file');
    expect(within(file).getByTestId('case-number').textContent).toBe(DEMO_CASES[1]!.number);
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(options.at(-1));
  });

  it('marks restricted cases with a lock and words', async () => {
    renderApp(signedIn);
    const row = await screen.findByRole('option', { name: /2-24-7001/ });
    expect(within(row).getByTestId('restriction-marker').textContent).toBe('Lapsendamisasi');
    expect(within(row).getByTestId('restriction-marker').querySelector('svg')).toBeTruthy();
  });

  it('signs out back to the sign-in screen', async () => {
    const { host } = renderApp(signedIn);
    fireEvent.click(await screen.findByRole('button', { name: 'Logi välja' }));
    await screen.findByRole('button', { name: /Kadri Kask/ });
    expect(host.state.session).toBeNull();
    expect(screen.queryByTestId('case-list')).toBeNull();
    // Signing out oneself is no news: no lock notice.
    expect(screen.queryByTestId('session-ended-notice')).toBeNull();
  });

  it('has no development sign-in anywhere', async () => {
    const { host } = renderApp();
    await screen.findByTestId('card-option');
    expect(screen.queryByTestId('dev-banner')).toBeNull();
    expect(document.body.textContent).not.toMatch(/arendus|development|demo/i);
    expect(Object.keys(host.api).filter((name) => /dev/i.test(name))).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(document.body.textContent).not.toMatch(/development|demo user/i);
  });

  it('explains a case that is not in the cache, in the user language', async () => {
    window.history.replaceState(null, '', '/#/cases/no-such-case');
    renderApp(signedIn);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Seda ei leitud');
  });

  it('explains itself when opened outside a Chambers host', () => {
    render(<App queryClient={createQueryClient()} />);
    expect(screen.getByText('Chambers ei leia oma rakendust')).toBeTruthy();
  });
});
