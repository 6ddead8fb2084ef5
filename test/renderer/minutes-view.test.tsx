// The live minutes view in jsdom: composer shortcuts, the entry stamped at its first keystroke, the
// audio position, attendance, editing and removing entries (finishing: minutes-finish.test.tsx).
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { appliedOps, createMinutesStore, makeMinutes } from './minutes-fixture';
import { clock, composerText, durable, openMinutesView, T0, useMinutesViewSetup } from './minutes-view-setup';

useMinutesViewSetup();

describe('the minutes view', () => {
  it('opens with the composer focused; Ctrl+Alt+letter picks the kind, Alt+digit the speaker', async () => {
    await openMinutesView();
    expect(document.activeElement).toBe(composerText());
    fireEvent.keyDown(composerText(), { key: 'q', code: 'KeyQ', ctrlKey: true, altKey: true });
    expect((screen.getByTestId('composer-kind') as HTMLSelectElement).value).toBe('question');
    fireEvent.keyDown(composerText(), { key: '3', code: 'Digit3', altKey: true });
    expect((screen.getByTestId('composer-speaker') as HTMLSelectElement).value).toBe('party:p1');
    fireEvent.keyDown(composerText(), { key: '0', code: 'Digit0', altKey: true });
    expect((screen.getByTestId('composer-speaker') as HTMLSelectElement).value).toBe('');
    // AltGr (Ctrl+Alt on Windows) types š in Estonian: not a shortcut.
    fireEvent.keyDown(composerText(), {
      key: 'š',
      code: 'KeyS',
      ctrlKey: true,
      altKey: true,
      modifierAltGraph: true,
    });
    expect((screen.getByTestId('composer-kind') as HTMLSelectElement).value).toBe('question');
    // A shortcut from elsewhere in the view brings the focus back to the composer.
    const firstRadio = screen.getAllByRole('radio')[0]!;
    firstRadio.focus();
    fireEvent.keyDown(firstRadio, { key: 'a', code: 'KeyA', ctrlKey: true, altKey: true });
    expect((screen.getByTestId('composer-kind') as HTMLSelectElement).value).toBe('answer');
    expect(document.activeElement).toBe(composerText());
    // The help panel lists every kind with its key.
    const help = screen.getByTestId('minutes-shortcuts');
    expect(within(help).getAllByRole('row')).toHaveLength(11);
    expect(help.textContent).toContain('Ctrl+Alt+K');
    expect(help.textContent).toContain('Kuulutamine');
  });

  it('stamps an entry at its first keystroke, saves it while typed, and Enter adds it keeping the focus', async () => {
    const { store } = await openMinutesView();
    fireEvent.keyDown(composerText(), { key: 's', code: 'KeyS', ctrlKey: true, altKey: true });
    fireEvent.keyDown(composerText(), { key: '3', code: 'Digit3', altKey: true });
    fireEvent.change(composerText(), { target: { value: 'H' } });
    const stamped = new Date(T0).toISOString();
    expect(screen.getByTestId('composer-stamp').textContent).toBe(`Märgitud ${clock(T0)}`);
    // Five seconds of typing: the stamp stays where the sentence began.
    vi.setSystemTime(T0 + 5_000);
    fireEvent.change(composerText(), { target: { value: 'Hageja nõuab üüri' } });
    // The unfinished sentence reaches the host too (it survives a crash).
    await durable(store, () =>
      expect(store.minutes.entries.map((e) => e.text)).toEqual(['Hageja nõuab üüri']),
    );
    expect(screen.queryAllByTestId('minutes-entry')).toHaveLength(0);

    // Shift+Enter is a new line, not a new entry.
    fireEvent.keyDown(composerText(), { key: 'Enter', shiftKey: true });
    expect(screen.queryAllByTestId('minutes-entry')).toHaveLength(0);
    vi.setSystemTime(T0 + 9_000);
    fireEvent.keyDown(composerText(), { key: 'Enter' });
    expect(composerText().value).toBe('');
    expect(document.activeElement).toBe(composerText());
    const entries = screen.getAllByTestId('minutes-entry');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.dataset.kind).toBe('statement');
    expect(within(entries[0]!).getByRole('textbox').getAttribute('aria-label')).toBe(`Tekst ${clock(T0)}`);
    await durable(store, () => {
      const [entry] = store.minutes.entries;
      expect(entry).toMatchObject({
        kind: 'statement',
        speakerId: 'party:p1',
        text: 'Hageja nõuab üüri',
        at: stamped,
      });
    });

    // The next entry keeps kind and speaker, and gets its own stamp.
    vi.setSystemTime(T0 + 20_000);
    fireEvent.change(composerText(), { target: { value: 'Kostja vaidleb vastu' } });
    fireEvent.keyDown(composerText(), { key: 'Enter' });
    await durable(store, () => expect(store.minutes.entries).toHaveLength(2));
    expect(store.minutes.entries[1]).toMatchObject({
      at: new Date(T0 + 20_000).toISOString(),
      speakerId: 'party:p1',
    });
    // Emptying the composer before Enter leaves no empty entry behind.
    fireEvent.change(composerText(), { target: { value: 'x' } });
    fireEvent.change(composerText(), { target: { value: '' } });
    await durable(store, () => expect(appliedOps(store).at(-1)).toMatchObject({ op: 'entry.remove' }));
    expect(store.minutes.entries).toHaveLength(2);
  });

  it('links a ruling to the last application as it is typed', async () => {
    const { store } = await openMinutesView();
    fireEvent.keyDown(composerText(), { key: 't', code: 'KeyT', ctrlKey: true, altKey: true });
    fireEvent.change(composerText(), { target: { value: 'Hageja taotleb tunnistaja ülekuulamist' } });
    fireEvent.keyDown(composerText(), { key: 'Enter' });
    fireEvent.keyDown(composerText(), { key: 'r', code: 'KeyR', ctrlKey: true, altKey: true });
    fireEvent.change(composerText(), { target: { value: 'Taotlus rahuldada' } });
    fireEvent.keyDown(composerText(), { key: 'Enter' });
    await durable(store, () => expect(store.minutes.entries).toHaveLength(2));
    const [application, ruling] = store.minutes.entries;
    expect(application).toMatchObject({ kind: 'application', refersToId: null });
    expect(ruling).toMatchObject({ kind: 'ruling', refersToId: application!.id });
  });

  it('marks the audio position of entries once the recording started', async () => {
    const { store } = await openMinutesView();
    fireEvent.click(screen.getByRole('button', { name: 'Alusta salvestust' }));
    vi.setSystemTime(T0 + 83_000);
    fireEvent.change(composerText(), { target: { value: 'Kohtunik avab istungi' } });
    fireEvent.keyDown(composerText(), { key: 'Enter' });
    expect(within(screen.getByTestId('minutes-entry')).getByTestId('entry-audio').textContent).toBe(
      'heli 01:23',
    );
    await durable(store, () => expect(store.minutes.entries[0]?.audioMs).toBe(83_000));
    expect(store.minutes.recordingStartedAt).toBe(new Date(T0).toISOString());
  });

  it('sends an attendance change, edits in place and removes an entry', async () => {
    const { store } = await openMinutesView(
      createMinutesStore(
        makeMinutes({
          entries: [
            {
              id: 'e1',
              kind: 'note',
              at: '2026-12-01T07:40:00Z',
              audioMs: null,
              speakerId: null,
              text: 'Algus',
              refersToId: null,
              appealRoute: '',
            },
          ],
        }),
      ),
    );
    const row = screen.getAllByTestId('minutes-participant')[2]!;
    expect(row.textContent).toContain('Mari Maasikas');
    const group = within(row).getByRole('radiogroup', { name: 'Mari Maasikas kohalolek' });
    fireEvent.click(within(group).getByRole('radio', { name: 'videosilla kaudu' }));
    expect((within(group).getByRole('radio', { name: 'videosilla kaudu' }) as HTMLInputElement).checked).toBe(
      true,
    );
    await durable(store, () =>
      expect(appliedOps(store)).toContainEqual({
        op: 'attendance',
        participantId: 'party:p1',
        attendance: 'video',
      }),
    );
    expect(store.minutes.participants[2]!.attendance).toBe('video');

    const entry = screen.getByTestId('minutes-entry');
    fireEvent.change(within(entry).getByRole('textbox'), { target: { value: 'Algus 9.40' } });
    await durable(store, () => expect(store.minutes.entries[0]!.text).toBe('Algus 9.40'));
    fireEvent.click(within(entry).getByRole('button', { name: /Eemalda kirje/ }));
    await durable(store, () => expect(store.minutes.entries).toHaveLength(0));

    fireEvent.change(screen.getByTestId('add-participant-name'), { target: { value: 'Jaan Tamm' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lisa osaleja' }));
    await durable(store, () =>
      expect(store.minutes.participants.at(-1)).toMatchObject({ name: 'Jaan Tamm', role: 'witness' }),
    );
  });
});
