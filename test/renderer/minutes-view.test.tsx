// The live minutes view in jsdom: composer shortcuts, the entry stamped at its first keystroke,
// attendance, the check in words, approval with the presiding judge's ID card on the secretary's computer, submit, and axe.
import axe from 'axe-core';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../../src-shared/domain/user';
import { MinutesScreen } from '../../src-renderer/features/minutes/components/minutes-screen';
import {
  appliedOps,
  createMinutesStore,
  makeMinutes,
  MINUTES_ID,
  renderMinutes,
  SECRETARY_USER,
  type MinutesStore,
} from './minutes-fixture';
import { DEMO_CARDS, DEMO_PIN } from './support/demo-data';
import type { CardSummary } from '../../src-shared/contract/id-card';
import { resetWindow } from './support/render-app';

const T0 = Date.parse('2026-12-01T08:00:00Z');
/** The computer's local time of day, as the view shows stamps (the test machine's zone may be any). */
const clock = (ms: number) =>
  new Intl.DateTimeFormat('et-EE', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(ms);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});

afterEach(() => {
  vi.useRealTimers();
  resetWindow();
  vi.restoreAllMocks();
});

async function open(
  store: MinutesStore = createMinutesStore(),
  user?: SessionUser,
  cards?: readonly CardSummary[],
) {
  const rendered = renderMinutes(store, <MinutesScreen minutesId={MINUTES_ID} />, user, cards);
  await screen.findByRole('heading', { level: 1, name: 'Istungi protokoll' });
  return { store, ...rendered };
}

const composerText = () => screen.getByRole('textbox', { name: 'Kirje tekst' }) as HTMLTextAreaElement;
/** Waits until the host has every change (the view sends within 200 ms). */
const durable = (store: MinutesStore, check: () => void) => waitFor(check, { timeout: 3_000 });

describe('the minutes view', () => {
  it('opens with the composer focused; Ctrl+Alt+letter picks the kind, Alt+digit the speaker', async () => {
    await open();
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
    const { store } = await open();
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
    const { store } = await open();
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
    const { store } = await open();
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
    const { store } = await open(
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

  it('lists what the check finds in words, links each to its place, and finalises only without errors', async () => {
    const { store } = await open();
    fireEvent.click(screen.getByRole('button', { name: 'Kontrolli' }));
    const errors = await screen.findByTestId('minutes-check-errors');
    const texts = within(errors)
      .getAllByRole('listitem')
      .map((item) => item.firstChild?.textContent);
    expect(texts).toEqual([
      'Istungi algusaeg puudub.',
      'Istungi lõpuaeg puudub.',
      'Osaleja Mari Maasikas kohalolek on märkimata.',
      'Osaleja OÜ Päikesekiir kohalolek on märkimata.',
      'Istungi käigus pole ühtegi kirjet.',
    ]);
    fireEvent.click(
      within(within(errors).getAllByRole('listitem')[2]!).getByRole('button', { name: 'Mine' }),
    );
    expect(
      document.activeElement?.closest('[data-participant-id]')?.getAttribute('data-participant-id'),
    ).toBe('party:p1');
    fireEvent.click(screen.getByRole('button', { name: 'Lõpeta protokoll' }));
    await waitFor(() => expect(screen.getByTestId('minutes-check-errors')).toBeTruthy());
    expect(store.minutes.status).toBe('draft');

    // Fill what is missing: start, attendance, an entry, end.
    fireEvent.click(screen.getByRole('button', { name: 'Alusta istungit' }));
    for (const name of ['Mari Maasikas', 'OÜ Päikesekiir'])
      fireEvent.click(
        within(screen.getByRole('radiogroup', { name: `${name} kohalolek` })).getByRole('radio', {
          name: 'kohal',
        }),
      );
    fireEvent.change(composerText(), { target: { value: 'Istung kuulutatakse avatuks' } });
    fireEvent.keyDown(composerText(), { key: 'Enter' });
    fireEvent.click(screen.getByRole('button', { name: 'Lõpeta istung' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lõpeta protokoll' }));
    await waitFor(() => expect(screen.getByTestId('minutes-status').textContent).toBe('lõpetatud'));
    expect(store.minutes.status).toBe('finalised');
    // The warning (no pronouncement) was shown and did not block.
    expect(screen.getByTestId('minutes-check-warnings').textContent).toContain('Kuulutamise kirjet pole');
    expect(screen.queryByRole('textbox', { name: 'Kirje tekst' })).toBeNull();
  });

  it("approves on the secretary's computer with the presiding judge's ID card and PIN1", async () => {
    const { store } = await open(createMinutesStore(makeMinutes({ status: 'finalised' })), SECRETARY_USER);
    expect(screen.queryByTestId('minutes-approve-dialog')?.hasAttribute('open') ?? false).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Kinnita kohtuniku ID-kaardiga' }));
    const dialog = await screen.findByRole('dialog', { name: 'Protokolli kinnitamine' });
    expect(dialog.textContent).toContain('Protokolli kinnitab Kadri Kask');
    const cards = await within(dialog).findAllByTestId('card-option');
    expect(cards.map((c) => c.textContent)).toEqual([
      'Kadri Kask isikukood 48001010005',
      'Liis Lepp isikukood 49002020068',
      'Toomas Tamm isikukood 38001010009',
    ]);
    const pin = within(dialog).getByLabelText('Kohtuniku PIN1') as HTMLInputElement;
    expect(pin.type).toBe('password');
    // Nothing chosen yet (several cards): no PIN to give.
    expect((within(dialog).getByRole('button', { name: 'Kinnita' }) as HTMLButtonElement).disabled).toBe(
      true,
    );

    // Another judge's card: refused, naming who approves.
    fireEvent.click(cards[2]!);
    expect(cards[2]!.getAttribute('aria-pressed')).toBe('true');
    fireEvent.change(pin, { target: { value: DEMO_PIN } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Kinnita' }));
    await waitFor(() =>
      expect(within(dialog).getByTestId('minutes-approve-error').textContent).toBe(
        'Toomas Tamm ei saa seda protokolli kinnitada. Protokolli kinnitab Kadri Kask.',
      ),
    );
    expect(pin.value).toBe('');

    // The presiding judge's card with a wrong PIN: the tries left, nothing approved.
    fireEvent.click(cards[0]!);
    expect(screen.queryByTestId('minutes-approve-error')).toBeNull();
    fireEvent.change(pin, { target: { value: '9999' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Kinnita' }));
    await waitFor(() =>
      expect(within(dialog).getByTestId('minutes-approve-error').textContent).toBe(
        'Vale PIN1. Jäänud on 2 katset.',
      ),
    );
    expect(store.minutes.status).toBe('finalised');

    // A PIN that is not 4–12 digits is not sent.
    fireEvent.change(pin, { target: { value: '12' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Kinnita' }));
    expect(within(dialog).getByText('PIN1 on 4 kuni 12 numbrit.')).toBeTruthy();
    expect(pin.getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(pin, { target: { value: DEMO_PIN } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Kinnita' }));
    await waitFor(() =>
      expect(screen.getByTestId('minutes-approved').textContent).toBe(
        `Kinnitatud: Kadri Kask, 01.12.2026 ${clock(T0).slice(0, 5)}`,
      ),
    );
    expect(store.minutes.status).toBe('approved');
    expect(store.minutes.approvedBy).toEqual({
      id: 'u-kask',
      name: 'Kadri Kask',
      personalCode: '48001010005',
    });
    expect(store.approvals).toEqual([{ cardId: 'card-u-kask', pin: DEMO_PIN }]);
    expect(screen.getByTestId('minutes-status').textContent).toBe('kinnitatud');
    expect(screen.getByTestId('minutes-approve-dialog').hasAttribute('open')).toBe(false);
    expect(screen.queryByRole('button', { name: 'Kinnita kohtuniku ID-kaardiga' })).toBeNull();
  });

  it('follows the cards in the reader and says when the card was taken out; axe finds nothing', async () => {
    const { host } = await open(createMinutesStore(makeMinutes({ status: 'finalised' })), SECRETARY_USER, []);
    fireEvent.click(screen.getByRole('button', { name: 'Kinnita kohtuniku ID-kaardiga' }));
    const dialog = await screen.findByRole('dialog', { name: 'Protokolli kinnitamine' });
    expect((await within(dialog).findByTestId('minutes-approve-no-cards')).textContent).toBe(
      'Lugejas pole ID-kaarti. Sisesta kohtuniku ID-kaart.',
    );
    // The judge puts their card in: `card:changed` shows it; the only card is chosen at once.
    host.state.cards.push({ ...DEMO_CARDS[0]!, pin1: { triesLeft: 3, blocked: false } });
    act(() => host.emit('card:changed', { cards: 1 }));
    const [card] = await within(dialog).findAllByTestId('card-option');
    expect(card!.getAttribute('aria-pressed')).toBe('true');
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);

    // …and takes it out before confirming.
    host.state.cards.length = 0;
    fireEvent.change(within(dialog).getByLabelText('Kohtuniku PIN1'), { target: { value: DEMO_PIN } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Kinnita' }));
    await waitFor(() =>
      expect(within(dialog).getByTestId('minutes-approve-error').textContent).toBe(
        'ID-kaart võeti lugejast välja. Sisesta see ja proovi uuesti.',
      ),
    );
    // Cancel closes the dialog; the minutes stay finalised.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Loobu' }));
    expect(screen.getByTestId('minutes-approve-dialog').hasAttribute('open')).toBe(false);
    expect(screen.getByTestId('minutes-status').textContent).toBe('lõpetatud');
  });

  it('submits approved minutes and follows minutes:changed to the filed number', async () => {
    const { store, host } = await open(
      createMinutesStore(
        makeMinutes({
          status: 'approved',
          approvedBy: { id: 'u-kask', name: 'Kadri Kask', personalCode: '48001010005' },
          approvedAt: '2026-12-01T09:00:00Z',
        }),
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Saada registrisse' }));
    await waitFor(() =>
      expect(screen.getByTestId('minutes-status').textContent).toBe('saadetud registrisse'),
    );
    expect(store.minutes.status).toBe('submitted');
    store.minutes = {
      ...store.minutes,
      status: 'filed',
      filing: { state: 'filed', documentNumber: '2-24-4962/14', error: null },
    };
    act(() => host.emit('minutes:changed', { minutesIds: [MINUTES_ID] }));
    await waitFor(() =>
      expect(screen.getByTestId('minutes-status').textContent).toBe('registreeritud 2-24-4962/14'),
    );
  });

  it('exports a DOCX through a download', async () => {
    await open();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    URL.createObjectURL = vi.fn(() => 'blob:minutes');
    URL.revokeObjectURL = vi.fn();
    fireEvent.click(screen.getByRole('button', { name: 'Ekspordi DOCX' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
  });

  it('shows the deadline and the save time, and axe finds nothing', async () => {
    await open();
    expect(screen.getByTestId('minutes-deadline').textContent).toBe('tähtaeg 4. dets, 2 tööpäeva');
    expect(screen.getByTestId('minutes-save').getAttribute('aria-live')).toBe('polite');
    expect(screen.getByTestId('minutes-save').textContent).toMatch(/^Salvestatud \d\d:\d\d:\d\d$/);
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });
});
