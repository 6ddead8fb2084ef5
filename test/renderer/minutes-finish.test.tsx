// Finishing the minutes in jsdom: the check in words, approval with the presiding judge's ID card on
// the secretary's computer, submit, export, the deadline, and axe.
import axe from 'axe-core';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createMinutesStore, makeMinutes, MINUTES_ID, SECRETARY_USER } from './minutes-fixture';
import { clock, composerText, openMinutesView, T0, useMinutesViewSetup } from './minutes-view-setup';
import { DEMO_CARDS, DEMO_PIN } from './support/demo-data';

useMinutesViewSetup();

describe('finishing the minutes', () => {
  it('lists what the check finds in words, links each to its place, and finalises only without errors', async () => {
    const { store } = await openMinutesView();
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
    const { store } = await openMinutesView(
      createMinutesStore(makeMinutes({ status: 'finalised' })),
      SECRETARY_USER,
    );
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
    const { host } = await openMinutesView(
      createMinutesStore(makeMinutes({ status: 'finalised' })),
      SECRETARY_USER,
      [],
    );
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
    const { store, host } = await openMinutesView(
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
    await openMinutesView();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    URL.createObjectURL = vi.fn(() => 'blob:minutes');
    URL.revokeObjectURL = vi.fn();
    fireEvent.click(screen.getByRole('button', { name: 'Ekspordi DOCX' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
  });

  it('shows the deadline and the save time, and axe finds nothing', async () => {
    await openMinutesView();
    expect(screen.getByTestId('minutes-deadline').textContent).toBe('tähtaeg 4. dets, 2 tööpäeva');
    expect(screen.getByTestId('minutes-save').getAttribute('aria-live')).toBe('polite');
    expect(screen.getByTestId('minutes-save').textContent).toMatch(/^Salvestatud \d\d:\d\d:\d\d$/);
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });
});
