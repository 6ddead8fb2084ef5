import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_USERS, idCardSession } from '../../support/demo-data';
import { renderApp, resetWindow } from '../../support/render-app';

afterEach(resetWindow);

const signedIn = { session: idCardSession(DEMO_USERS[0]!.user) };
const rowNumbers = () =>
  within(screen.getByTestId('case-list'))
    .getAllByTestId('case-row')
    .map((row) => row.querySelector('.case-row__number')?.textContent);

describe('case search', () => {
  it('filters as you type, one query per pause', async () => {
    const { host } = renderApp(signedIn);
    await screen.findByTestId('case-list');
    const search = screen.getByRole('searchbox', { name: 'Otsi kohtuasju' });
    for (const text of ['m', 'ma', 'maasikas']) fireEvent.change(search, { target: { value: text } });
    await waitFor(() => expect(rowNumbers()).toEqual(['2-24-4962']));
    const texts = host.calls
      .filter((call) => call.channel === 'cases:list')
      .map((call) => (call.input as { text?: string }).text);
    expect(texts).toEqual([undefined, 'maasikas']);
    expect(screen.getByText('1 kohtuasi')).toBeTruthy();
  });

  it('filters by procedure type', async () => {
    renderApp(signedIn);
    await screen.findByTestId('case-list');
    fireEvent.change(screen.getByRole('combobox', { name: 'Menetlusliik' }), {
      target: { value: 'criminal' },
    });
    await waitFor(() => expect(rowNumbers()).toEqual(['1-23-1500']));
  });

  it('says how to find cases when nothing matches', async () => {
    renderApp(signedIn);
    await screen.findByTestId('case-list');
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'olematu' } });
    await screen.findByText('Ükski kohtuasi ei vasta otsingule');
    expect(screen.queryByTestId('case-list')).toBeNull();
  });

  it('says what will appear when the cache is empty', async () => {
    renderApp({ ...signedIn, cases: [] });
    await screen.findByText('Vahemälus pole veel kohtuasju');
    expect(screen.getByText(/pärast sünkroonimist registriga/)).toBeTruthy();
  });

  it('continues from the search box into the list with ArrowDown', async () => {
    renderApp(signedIn);
    const options = within(await screen.findByTestId('case-list')).getAllByRole('option');
    const search = screen.getByRole('searchbox');
    search.focus();
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(options[0]);
  });
});
