import { QueryClientProvider } from '@tanstack/react-query';
import axe from 'axe-core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseSearchHit, CaseSearchInput } from '../../../src-shared/contract/workspace';
import { createQueryClient } from '../../../src-renderer/app/query-client';
import { SearchScreen } from '../../../src-renderer/features/search/components/search-screen';
import { I18nProvider } from '../../../src-renderer/i18n/i18n-provider';
import { DEMO_CASES, DEMO_USERS, idCardSession } from '../support/demo-data';
import { createFakeHost, type FakeHostOptions } from '../support/fake-host';
import { resetWindow } from '../support/render-app';

afterEach(resetWindow);

const [civil, criminal] = DEMO_CASES;

function hitOf(index: number, matches: CaseSearchHit['matches']): CaseSearchHit {
  const snapshot = DEMO_CASES[index]!;
  return {
    id: snapshot.id,
    number: snapshot.number,
    procedureType: snapshot.procedureType,
    court: snapshot.court,
    status: snapshot.status,
    subject: snapshot.subject,
    restriction: snapshot.restriction,
    registeredAt: snapshot.registeredAt,
    judge: snapshot.judge,
    partyNames: snapshot.parties.map((party) => party.name),
    nextHearingAt: null,
    matches,
  };
}

function renderSearch(options: FakeHostOptions = {}, language: 'et' | 'en' = 'en') {
  window.localStorage.setItem('chambers.language', language);
  const host = createFakeHost({ session: idCardSession(DEMO_USERS[0]!.user), ...options });
  Object.defineProperty(window, 'chambers', { value: host.api, configurable: true, writable: true });
  const onOpenCase = vi.fn();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <I18nProvider>
        {/* The app shell puts every screen in <main>. */}
        <main>
          <SearchScreen onOpenCase={onOpenCase} />
        </main>
      </I18nProvider>
    </QueryClientProvider>,
  );
  const searchInputs = () =>
    host.calls.filter((call) => call.channel === 'search:cases').map((call) => call.input as CaseSearchInput);
  return { host, onOpenCase, searchInputs };
}

describe('Search screen', () => {
  it('marks the matched words with <mark> and says in words where they matched', async () => {
    const search = vi.fn((input: CaseSearchInput) =>
      input.text === 'tamm'
        ? [
            hitOf(0, [
              {
                field: 'parties',
                parts: [
                  { text: 'Mari ', match: false },
                  { text: 'Tamm', match: true },
                  { text: ' <b>x</b>', match: false },
                ],
              },
            ]),
          ]
        : [],
    );
    renderSearch({ handlers: { 'search:cases': search } });
    expect(screen.getByText('Search for cases')).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'tamm' } });
    const results = await screen.findByTestId('search-results');
    const marks = results.querySelectorAll('mark');
    expect([...marks].map((mark) => mark.textContent)).toEqual(['Tamm']);
    // The host's text is text, never HTML.
    expect(results.querySelector('b')).toBeNull();
    expect(within(results).getByText('Found in the parties:')).toBeTruthy();
    expect(within(results).getByText('<b>x</b>')).toBeTruthy();
    expect(screen.getByTestId('search-count').textContent).toBe('1 case found');
  });

  it('searches once per pause in typing, not per key', async () => {
    const { searchInputs } = renderSearch();
    const box = screen.getByRole('searchbox');
    for (const text of ['v', 'võ', 'võl', 'võlanõue']) fireEvent.change(box, { target: { value: text } });
    await screen.findByTestId('search-results');
    expect(searchInputs().map((input) => input.text)).toEqual(['võlanõue']);
    expect(screen.getByTestId('search-count').textContent).toBe('1 case found');
  });

  it('sends the chosen filters and the facets fill the court and judge lists', async () => {
    const { searchInputs } = renderSearch({
      handlers: {
        'search:facets': () => ({
          courts: [{ code: 'HMK', name: 'Harju Maakohus' }],
          judges: [{ id: 'u-kask', name: 'Kadri Kask' }],
        }),
      },
    });
    await screen.findByRole('option', { name: 'Kadri Kask' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Procedure type' }), {
      target: { value: 'criminal' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'in_progress' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Court' }), { target: { value: 'HMK' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Judge' }), { target: { value: 'u-kask' } });
    fireEvent.change(screen.getByLabelText('Registered from'), { target: { value: '2023-01-01' } });
    fireEvent.change(screen.getByLabelText('Registered to'), { target: { value: '2024-12-31' } });
    await waitFor(() =>
      expect(searchInputs().at(-1)).toEqual({
        procedureType: 'criminal',
        status: 'in_progress',
        courtCode: 'HMK',
        judgeId: 'u-kask',
        registeredFrom: '2023-01-01',
        registeredTo: '2024-12-31',
        limit: 200,
      }),
    );
  });

  it('does not search with reversed dates and says why', async () => {
    const { searchInputs } = renderSearch();
    fireEvent.change(screen.getByLabelText('Registered from'), { target: { value: '2025-01-01' } });
    fireEvent.change(screen.getByLabelText('Registered to'), { target: { value: '2024-01-01' } });
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'The end date is before the start date. Correct the dates to search.',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(searchInputs().filter((input) => input.registeredTo === '2024-01-01')).toEqual([]);
  });

  it('moves through the hits with the arrow keys and opens one with Enter', async () => {
    const { onOpenCase } = renderSearch({
      handlers: { 'search:cases': () => [hitOf(0, []), hitOf(1, [])] },
    });
    const box = screen.getByRole('searchbox');
    fireEvent.change(box, { target: { value: '2' } });
    const options = within(await screen.findByTestId('search-results')).getAllByRole('option');
    box.focus();
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(options[0]);
    fireEvent.keyDown(options[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(options[1]);
    fireEvent.keyDown(options[1]!, { key: 'Enter' });
    expect(onOpenCase).toHaveBeenCalledWith(criminal!.id);
    fireEvent.click(options[0]!);
    expect(onOpenCase).toHaveBeenLastCalledWith(civil!.id);
  });

  it('says when nothing matches, in Estonian by default', async () => {
    renderSearch({}, 'et');
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'olematu' } });
    await screen.findByText('Ükski kohtuasi ei vasta otsingule');
    expect(screen.getByTestId('search-count').textContent).toBe('Leitud 0 kohtuasja');
  });

  it('has no accessibility violations axe can find in jsdom, with hits and marks', async () => {
    renderSearch({
      handlers: {
        'search:cases': () => [
          hitOf(0, [
            {
              field: 'subject',
              parts: [
                { text: 'Võlanõue', match: true },
                { text: ' üürilepingust', match: false },
              ],
            },
          ]),
          hitOf(1, []),
        ],
      },
    });
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'võl' } });
    await screen.findByTestId('search-results');
    // Colour contrast needs a layout engine; tokens-contrast.test.ts and the e2e axe run cover it.
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});
