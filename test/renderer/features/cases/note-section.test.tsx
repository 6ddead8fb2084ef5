import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import axe from 'axe-core';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NOTE_MAX_LENGTH, type LocalNote } from '../../../../src-shared/contract/notes';
import { AppError } from '../../../../src-shared/contract/result';
import { createQueryClient } from '../../../../src-renderer/app/query-client';
import { caseKeys } from '../../../../src-renderer/features/cases/api/case-queries';
import { noteKeys } from '../../../../src-renderer/features/cases/api/note-queries';
import { NoteSection } from '../../../../src-renderer/features/cases/components/note-section';
import { I18nProvider } from '../../../../src-renderer/i18n/i18n-provider';
import { DEMO_USERS, idCardSession } from '../../support/demo-data';
import { createFakeHost, type FakeHostOptions } from '../../support/fake-host';
import { resetWindow } from '../../support/render-app';

afterEach(resetWindow);

const CASE_ID = 'case-1';
const PAUSE = { timeout: 2_000 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const note = (text: string, extra: Partial<LocalNote> = {}): LocalNote => ({
  caseId: CASE_ID,
  text,
  baseVersion: 1,
  serverVersion: 1,
  unsent: false,
  conflictId: null,
  ...extra,
});

function renderNote(handlers: FakeHostOptions['handlers'] = {}, language: 'et' | 'en' = 'et') {
  window.localStorage.setItem('chambers.language', language);
  const host = createFakeHost({ session: idCardSession(DEMO_USERS[0]!.user), handlers });
  Object.defineProperty(window, 'chambers', { value: host.api, configurable: true, writable: true });
  const queryClient: QueryClient = createQueryClient();
  render(
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <main>
          <NoteSection caseId={CASE_ID} />
        </main>
      </I18nProvider>
    </QueryClientProvider>,
  );
  const puts = () =>
    host.calls.filter((call) => call.channel === 'notes:put').map((call) => call.input as object);
  const field = () => screen.getByRole('textbox', { name: 'Minu märge — näed ainult sina' });
  const status = () => screen.getByTestId('note-status');
  return { host, queryClient, puts, field, status };
}

/** Waits until the note is loaded and the field can be typed in. */
async function loaded(field: () => HTMLElement) {
  await waitFor(() => expect(field()).toHaveProperty('disabled', false));
}

describe('my private note', () => {
  it('loads the note into a labelled field whose status is described to screen readers', async () => {
    const { field, status } = renderNote({ 'notes:get': () => note('Tunnistaja X üle kuulata.') });
    await loaded(field);
    expect(field()).toHaveProperty('value', 'Tunnistaja X üle kuulata.');
    expect(status().textContent).toBe('Salvestatud ja registrisse saadetud');
    expect(field().getAttribute('aria-describedby')?.split(' ')).toContain(status().id);
    expect(status().getAttribute('role')).toBe('status');
  });

  it('shows the typing at once and saves once per pause, with the case and the last text', async () => {
    let cachedAtPut: unknown;
    const { field, status, puts, queryClient } = renderNote({
      'notes:put': ({ caseId, text }) => {
        cachedAtPut = queryClient.getQueryData(noteKeys.note(CASE_ID));
        return note(text, { caseId, unsent: true });
      },
    });
    await loaded(field);
    expect(status().textContent).toMatch(/^Märget pole/);
    fireEvent.change(field(), { target: { value: 'E' } });
    await act(() => sleep(300));
    for (const text of ['Ek', 'Ekspert']) fireEvent.change(field(), { target: { value: text } });
    // Shown at once; nothing sent before the pause.
    expect(field()).toHaveProperty('value', 'Ekspert');
    expect(status().textContent).toBe('Salvestan…');
    expect(puts()).toEqual([]);
    await waitFor(() => expect(puts()).toEqual([{ caseId: CASE_ID, text: 'Ekspert' }]), PAUSE);
    // Optimistic: the cache had the new text before the host answered.
    expect(cachedAtPut).toMatchObject({ caseId: CASE_ID, text: 'Ekspert', unsent: true });
    await waitFor(() =>
      expect(status().textContent).toBe('Salvestatud sellesse arvutisse, ootab registrisse saatmist'),
    );
    // A second pause with nothing new sends nothing more.
    await sleep(800);
    expect(puts()).toHaveLength(1);
  });

  it('saves at once when the field loses focus, and only once', async () => {
    const { field, puts } = renderNote();
    await loaded(field);
    fireEvent.change(field(), { target: { value: 'Kohe' } });
    fireEvent.blur(field());
    // Well before the pause would have sent it.
    await waitFor(() => expect(puts()).toEqual([{ caseId: CASE_ID, text: 'Kohe' }]), { timeout: 300 });
    await sleep(800);
    expect(puts()).toHaveLength(1);
  });

  it('keeps the text and says so when saving fails; the retry saves it', async () => {
    let failing = true;
    const { field, status, puts, queryClient } = renderNote({
      'notes:get': () => note('Vana tekst'),
      'notes:put': ({ caseId, text }) => {
        if (failing) throw new AppError('internal', 'disk full');
        return note(text, { caseId, unsent: true });
      },
    });
    await loaded(field);
    fireEvent.change(field(), { target: { value: 'Vana tekst ja uus lõik' } });
    const alert = await screen.findByRole('alert', {}, PAUSE);
    expect(alert.textContent).toContain('disk full');
    expect(status().textContent).toMatch(/^Märget ei õnnestunud salvestada/);
    expect(field()).toHaveProperty('value', 'Vana tekst ja uus lõik');
    // The optimistic text was rolled back in the cache: it holds what the store holds.
    expect(queryClient.getQueryData(noteKeys.note(CASE_ID))).toMatchObject({ text: 'Vana tekst' });

    failing = false;
    fireEvent.click(screen.getByRole('button', { name: 'Proovi uuesti' }));
    await waitFor(() =>
      expect(status().textContent).toBe('Salvestatud sellesse arvutisse, ootab registrisse saatmist'),
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(puts()).toEqual([
      { caseId: CASE_ID, text: 'Vana tekst ja uus lõik' },
      { caseId: CASE_ID, text: 'Vana tekst ja uus lõik' },
    ]);
  });

  it('says "sent" once the register has confirmed the note (a sync status asks again)', async () => {
    let stored = note('', { unsent: false, serverVersion: null, baseVersion: null });
    const { host, field, status } = renderNote({
      'notes:get': () => stored,
      'notes:put': ({ caseId, text }) => (stored = note(text, { caseId, unsent: true })),
    });
    await loaded(field);
    fireEvent.change(field(), { target: { value: 'Istungil küsida' } });
    await waitFor(
      () => expect(status().textContent).toBe('Salvestatud sellesse arvutisse, ootab registrisse saatmist'),
      PAUSE,
    );
    stored = { ...stored, unsent: false, serverVersion: 2, baseVersion: 2 };
    act(() => host.emit('sync:status', { ...host.state.sync, pending: 0 }));
    await waitFor(() => expect(status().textContent).toBe('Salvestatud ja registrisse saadetud'));
    expect(field()).toHaveProperty('value', 'Istungil küsida');
  });

  it('refreshes with the case file but never overwrites text being typed', async () => {
    let stored = note('Esimene');
    const { field, queryClient } = renderNote({ 'notes:get': () => stored });
    await loaded(field);
    // Not dirty: a newer note from the store (a sync) replaces the text.
    stored = note('Teisest arvutist');
    await act(() => queryClient.invalidateQueries({ queryKey: caseKeys.detail(CASE_ID) }));
    await waitFor(() => expect(field()).toHaveProperty('value', 'Teisest arvutist'));
    // Dirty: the typed text stays.
    fireEvent.change(field(), { target: { value: 'Teisest arvutist, minu lisandus' } });
    stored = note('Veel uuem');
    await act(() => queryClient.invalidateQueries({ queryKey: caseKeys.all }));
    expect(queryClient.getQueryData(noteKeys.note(CASE_ID))).toMatchObject({ text: 'Veel uuem' });
    await act(() => sleep(50)); // the query's observers are notified on a later tick
    expect(field()).toHaveProperty('value', 'Teisest arvutist, minu lisandus');
  });

  it('says when the note is in conflict and where to resolve it', async () => {
    const { field } = renderNote({ 'notes:get': () => note('Minu', { conflictId: 'c1', unsent: true }) });
    await loaded(field);
    const conflict = screen.getByTestId('note-conflict');
    expect(conflict.textContent).toContain('Sünkroonimise probleemid');
    expect(field().getAttribute('aria-describedby')?.split(' ')).toContain(conflict.id);
  });

  it('counts characters near the limit', async () => {
    const { field } = renderNote();
    await loaded(field);
    expect(screen.queryByTestId('note-counter')).toBeNull();
    fireEvent.change(field(), { target: { value: 'x'.repeat(NOTE_MAX_LENGTH - 10) } });
    const counter = screen.getByTestId('note-counter');
    expect(counter.textContent?.replace(/\s/g, '')).toBe('19990/20000märki');
    expect(field().getAttribute('aria-describedby')?.split(' ')).toContain(counter.id);
    expect(field().getAttribute('maxlength')).toBe(String(NOTE_MAX_LENGTH));
  });

  it('speaks English too', async () => {
    renderNote({ 'notes:get': () => note('x', { unsent: true }) }, 'en');
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'My note — only you can see it' })).toHaveProperty(
        'disabled',
        false,
      ),
    );
    expect(screen.getByTestId('note-status').textContent).toBe(
      'Saved on this computer, waiting to be sent to the register',
    );
  });

  it('has no accessibility violations axe can find in jsdom', async () => {
    const { field } = renderNote({ 'notes:get': () => note('Minu', { conflictId: 'c1', unsent: true }) });
    await loaded(field);
    fireEvent.change(field(), { target: { value: 'x'.repeat(NOTE_MAX_LENGTH - 5) } });
    // Colour contrast needs a layout engine; tokens-contrast.test.ts and the e2e axe run cover it.
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});
