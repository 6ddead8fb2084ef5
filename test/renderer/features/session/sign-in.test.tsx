import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../src-shared/contract/result';
import { PinEntry } from '../../../../src-renderer/lib/pin';
import { DEMO_CARDS, DEMO_PIN, DEMO_USERS, idCardSession } from '../../support/demo-data';
import { createFakeHost } from '../../support/fake-host';
import { renderApp, resetWindow } from '../../support/render-app';

afterEach(resetWindow);

const [kask, lepp] = [DEMO_CARDS[0]!, DEMO_CARDS[1]!];
const pinField = () => screen.getByLabelText<HTMLInputElement>('PIN1');
const signIn = (pin: string) => {
  fireEvent.change(pinField(), { target: { value: pin } });
  fireEvent.click(screen.getByRole('button', { name: 'Logi sisse' }));
};
const signInCalls = (host: ReturnType<typeof createFakeHost>) =>
  host.calls.filter((call) => call.channel === 'session:signIn');

describe('sign-in with the ID card', () => {
  it('preselects the only card and offers a PIN1 field that is safe to type into', async () => {
    renderApp();
    const option = await screen.findByTestId('card-option');
    expect(option.getAttribute('aria-pressed')).toBe('true');
    expect(within(option).getByText('Kadri Kask')).toBeTruthy();
    expect(within(option).getByText(`isikukood ${kask.personalCode}`)).toBeTruthy();
    const pin = pinField();
    await waitFor(() => expect(document.activeElement).toBe(pin));
    expect(pin.type).toBe('password');
    expect(pin.inputMode).toBe('numeric');
    expect(pin.autocomplete).toBe('off');
    expect(pin.maxLength).toBe(12);
    expect(pin.pattern).toBe('\\d{4,12}');
  });

  it('lists several cards, marks a blocked one and asks for the PIN once a card is chosen', async () => {
    const blocked = { ...lepp, pin1: { triesLeft: 0, blocked: true } };
    const second = { ...kask, id: 'card-2', holderName: 'Toomas Saar', personalCode: '38001085718' };
    renderApp({ cards: [kask, blocked, second] });
    const options = within(await screen.findByTestId('card-list')).getAllByTestId('card-option');
    expect(options.map((option) => option.textContent)).toEqual([
      expect.stringContaining('Kadri Kask'),
      expect.stringContaining('Liis Lepp'),
      expect.stringContaining('Toomas Saar'),
    ]);
    expect(screen.queryByLabelText('PIN1')).toBeNull();
    expect((options[1] as HTMLButtonElement).disabled).toBe(true);
    expect(options[1]!.textContent).toContain('PIN1 on blokeeritud');
    expect(screen.getByTestId('pin-blocked-help').textContent).toContain('PUK-koodiga');
    fireEvent.click(options[1]!);
    expect(screen.queryByLabelText('PIN1')).toBeNull();

    // Keyboard: the card is a button, so Tab reaches it and Enter presses it.
    options[2]!.focus();
    fireEvent.click(options[2]!);
    await waitFor(() => expect(document.activeElement).toBe(pinField()));
    expect(options[2]!.getAttribute('aria-pressed')).toBe('true');
    expect(options[0]!.getAttribute('aria-pressed')).toBe('false');
  });

  it('signs in: busy while the certificate is checked, then the workspace', async () => {
    const host = createFakeHost();
    let release = () => {};
    host.state.signInGate = new Promise<void>((resolve) => (release = resolve));
    renderApp(host);
    await screen.findByTestId('card-option');
    fireEvent.change(pinField(), { target: { value: DEMO_PIN } });
    fireEvent.submit(pinField().form!);
    await screen.findByText('Kontrollin sertifikaati…');
    expect(pinField().value).toBe('');
    expect(pinField().closest('fieldset')!.disabled).toBe(true);
    release();
    await screen.findByTestId('case-list');
    expect(signInCalls(host)).toHaveLength(1);
  });

  it('says how many tries are left after a wrong PIN, and clears the field', async () => {
    const host = createFakeHost();
    renderApp(host);
    await screen.findByTestId('card-option');
    signIn('9999');
    const error = await screen.findByTestId('sign-in-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe('Vale PIN-kood. Jäänud on 2 katset.');
    expect(pinField().value).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(pinField()));
    signIn('8888');
    await waitFor(() =>
      expect(screen.getByTestId('sign-in-error').textContent).toBe('Vale PIN-kood. Jäänud on 1 katse.'),
    );
  });

  it('explains a blocked PIN1 and what to do', async () => {
    renderApp({ cards: [{ ...kask, pin1: { triesLeft: 1, blocked: false } }] });
    await screen.findByTestId('card-option');
    signIn('9999');
    const error = await screen.findByTestId('sign-in-error');
    expect(error.textContent).toContain('PIN1 on blokeeritud');
    expect(error.textContent).toContain('PUK');
    expect(error.textContent).toContain('Politsei- ja Piirivalveameti');
    // The card list was read again: the card is now marked blocked and no PIN is asked.
    await waitFor(() => expect((screen.getByTestId('card-option') as HTMLButtonElement).disabled).toBe(true));
    expect(screen.queryByLabelText('PIN1')).toBeNull();
  });

  it('checks the PIN format in the form and sends nothing that is not 4 to 12 digits', async () => {
    const host = createFakeHost();
    renderApp(host);
    await screen.findByTestId('card-option');
    signIn('12a');
    expect(await screen.findByText(/PIN1 peab olema 4–12 numbrit/)).toBeTruthy();
    expect(pinField().getAttribute('aria-invalid')).toBe('true');
    expect(signInCalls(host)).toEqual([]);
  });

  it('clears the PIN with Escape', async () => {
    renderApp();
    await screen.findByTestId('card-option');
    fireEvent.change(pinField(), { target: { value: '4321' } });
    fireEvent.keyDown(pinField(), { key: 'Escape' });
    expect(pinField().value).toBe('');
  });

  it('translates a register refusal, and shows the message of an unknown reason', async () => {
    const host = createFakeHost();
    renderApp(host);
    await screen.findByTestId('card-option');
    host.state.signInError = new AppError('unauthenticated', 'revoked', { reason: 'certificate_revoked' });
    signIn(DEMO_PIN);
    expect((await screen.findByTestId('sign-in-error')).textContent).toContain('sertifikaat on tühistatud');

    host.state.signInError = new AppError('unavailable', 'The moon is in the way.', {
      reason: 'lunar_eclipse',
    });
    signIn(DEMO_PIN);
    await waitFor(() =>
      expect(screen.getByTestId('sign-in-error').textContent).toContain('The moon is in the way.'),
    );
  });

  it('keeps the PIN out of query keys, the mutation cache and the URL', async () => {
    const host = createFakeHost();
    const secret = '80417263';
    const view = renderApp(host);
    await screen.findByTestId('card-option');
    signIn(secret);
    await screen.findByTestId('sign-in-error');
    expect(window.location.href).not.toContain(secret);
    expect(view.container.innerHTML).not.toContain(secret);
    const queries = view.queryClient.getQueryCache().getAll();
    expect(JSON.stringify(queries.map((query) => [query.queryKey, query.state.data]))).not.toContain(secret);
    const mutations = view.queryClient.getMutationCache().getAll();
    expect(mutations).toHaveLength(1);
    // The mutation's variables are the PIN box, emptied when the PIN was handed to the host.
    const entry = mutations[0]!.state.variables;
    expect(entry).toBeInstanceOf(PinEntry);
    expect(() => (entry as PinEntry).take()).toThrow(/already used/);
    expect(JSON.stringify(entry)).toBe(JSON.stringify({ cardId: kask.id }));
    // The only place the PIN went: the one call to the host.
    expect(signInCalls(host)).toEqual([
      { channel: 'session:signIn', input: { cardId: kask.id, pin: secret } },
    ]);
  });

  it('explains a missing card module, shows its path and retries', async () => {
    const host = createFakeHost({
      module: { path: '/opt/missing/opensc-pkcs11.so', loaded: false, error: 'cannot open shared object' },
    });
    renderApp(host);
    const missing = await screen.findByTestId('card-module-missing');
    expect(missing.textContent).toContain('OpenSC');
    expect(missing.textContent).toContain('CHAMBERS_PKCS11_MODULE');
    expect(missing.textContent).toContain('/opt/missing/opensc-pkcs11.so');
    expect(missing.textContent).toContain('cannot open shared object');
    host.state.module = { path: '/usr/lib/opensc-pkcs11.so', loaded: true };
    fireEvent.click(within(missing).getByRole('button', { name: 'Proovi uuesti' }));
    await screen.findByTestId('card-option');
  });

  it('asks to insert a card and notices one by polling, even without an event', async () => {
    const host = createFakeHost({ cards: [] });
    renderApp(host);
    const status = await screen.findByTestId('reader-status');
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toBe('Sisesta ID-kaart lugejasse');
    host.state.cards.push(lepp);
    await waitFor(() => expect(status.textContent).toBe('Lugejas on 1 ID-kaart'), { timeout: 5_000 });
    expect(screen.getByTestId('card-option').textContent).toContain('Liis Lepp');
  });

  it('locks back to the sign-in screen when the card is removed, forgetting the case data', async () => {
    const host = createFakeHost({ session: idCardSession(DEMO_USERS[0]!.user) });
    const { container, queryClient } = renderApp(host);
    await screen.findByTestId('case-list');
    host.state.session = null;
    host.emit('session:changed', { signedIn: false, reason: 'card-removed' });
    const notice = await screen.findByTestId('session-ended-notice');
    expect(notice.textContent).toBe('Rakendus lukustati, sest ID-kaart eemaldati lugejast.');
    expect(screen.queryByTestId('case-list')).toBeNull();
    expect(container.textContent).not.toContain('2-24-4962');
    const cached = queryClient.getQueryCache().getAll();
    expect(cached.filter((query) => query.queryKey[0] !== 'session')).toEqual([]);
    // What stays: the (empty) session, the cards in the reader and why the session ended.
    expect(JSON.stringify(cached.map((query) => query.state.data))).not.toMatch(/2-24-4962|judge|HMK/);

    // Signing in again clears the notice.
    await screen.findByTestId('card-option');
    signIn(DEMO_PIN);
    await screen.findByTestId('case-list');
    expect(screen.queryByTestId('session-ended-notice')).toBeNull();
  });

  it('says so when the session ended', async () => {
    const host = createFakeHost({ session: idCardSession(DEMO_USERS[0]!.user) });
    renderApp(host);
    await screen.findByTestId('case-list');
    host.state.session = null;
    host.emit('session:changed', { signedIn: false, reason: 'session-ended' });
    expect((await screen.findByTestId('session-ended-notice')).textContent).toBe(
      'Sinu seanss on lõppenud; logi uuesti sisse.',
    );
  });

  it('shows an offline unlock calmly in the status bar', async () => {
    renderApp({ connection: 'offline' });
    await screen.findByTestId('card-option');
    signIn(DEMO_PIN);
    const indicator = await screen.findByTestId('offline-unlock');
    expect(indicator.textContent).toBe('Võrguühenduseta — avatud ID-kaardiga');
    expect(within(screen.getByTestId('status-bar')).getByTestId('offline-unlock')).toBe(indicator);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
