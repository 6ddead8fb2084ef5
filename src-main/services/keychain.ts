import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import { AppError } from '../../src-shared/contract/index.js';
import { startDeadline } from './deadline.js';

/** Secrets in the OS keychain (Keychain, Credential Manager, Secret Service); never in a file. */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<void>;
}

export const KEYCHAIN_SERVICE = 'Chambers';

/**
 * On Linux @napi-rs/keyring silently falls back to the kernel keyutils keyring when no Secret
 * Service answers; that keyring forgets everything at reboot, which would make the offline unlock
 * fail unpredictably. The Secret Service is required instead. (The module connects to the session
 * bus named by DBUS_SESSION_BUS_ADDRESS at its first use in a process and keeps that connection.)
 */
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

/** A keychain that does not answer (a locked collection waiting for a prompt nobody sees) is down. */
export const KEYCHAIN_TIMEOUT_MS = 15_000;

export function createKeychain(service: string = KEYCHAIN_SERVICE): SecretStore {
  async function attempt<T>(task: () => Promise<T>): Promise<T> {
    const deadline = startDeadline(KEYCHAIN_TIMEOUT_MS);
    try {
      return await deadline.race(task());
    } catch (error) {
      // DeadlineExceeded says "no answer within 15 s"; that is the platform detail shown.
      throw keychainUnavailable(error);
    } finally {
      deadline.dispose();
    }
  }
  const entry = (account: string): AsyncEntry => new AsyncEntry(service, account, ENTRY_OPTIONS);
  return {
    get: (account) => attempt(() => entry(account).getPassword()),
    set: (account, value) => attempt(() => entry(account).setPassword(value)),
    delete: (account) => attempt(async () => void (await entry(account).deletePassword())),
  };
}

/** The one answer to every keychain failure: there is no plain-file fallback, ever. */
export function keychainUnavailable(error: unknown): AppError {
  const platform = (error instanceof Error ? error.message : String(error)).slice(0, 300);
  return new AppError(
    'unavailable',
    'No OS keychain is available, so Chambers cannot keep your sign-in safely. Unlock or start the system keychain (on Linux: GNOME Keyring or another Secret Service) and sign in again.',
    { reason: 'keychain_unavailable', details: { platform } },
  );
}
