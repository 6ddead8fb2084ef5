import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionInfo } from '../../../src-shared/contract/index.js';
import { createInvoker, type Invoker } from '../../../src-main/ipc/handler-registry.js';
import { createServices, type Services } from '../../../src-main/services/index.js';
import { nextEventWithin } from './events.js';
import type { IdCardFixture, TestCard } from './id-card.js';
import type { StaffMember } from './register.js';

export interface SignedInServices {
  services: Services;
  invoke: Invoker;
  dataDir: string;
  card: TestCard;
  session: SessionInfo;
  /** A channel's value, or a thrown error with its code, reason and message. */
  value<T>(channel: string, input?: unknown): Promise<T>;
  /** The id the desktop's reader gives a card now. */
  cardId(card: TestCard): Promise<string>;
  close(): Promise<void>;
}

/** Desktop services (real card reader, keychain and register) with no one signed in yet. */
export async function desktopServices(fx: IdCardFixture, version = '9.9.9') {
  const dataDir = mkdtempSync(join(tmpdir(), 'chambers-services-'));
  const services = await createServices({
    registerUrl: fx.registerUrl,
    dataDir,
    host: 'browser',
    version,
    cardModule: fx.module,
  });
  const invoke = createInvoker(services.handlers);
  async function value<T>(channel: string, input?: unknown): Promise<T> {
    const result = await invoke(channel, input);
    if (!result.ok) {
      const { code, reason, message } = result.error;
      throw Object.assign(new Error(`${channel}: ${code} ${reason ?? ''} ${message}`), result.error);
    }
    return result.value as T;
  }
  async function cardId(card: TestCard): Promise<string> {
    const list = await value<{ cards: Array<{ id: string; personalCode: string }> }>('card:list');
    const found = list.cards.find((c) => c.personalCode === card.personalCode);
    if (!found) throw new Error(`the card of ${card.personalCode} is not in the reader`);
    return found.id;
  }
  return {
    services,
    invoke,
    dataDir,
    value,
    cardId,
    async close() {
      await services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * "Some signed-in desktop": services whose user signed in with a card (a new one for `person`, the
 * first of the demo staff by default) and whose first pull has finished.
 */
export async function signedInServices(fx: IdCardFixture, person?: StaffMember): Promise<SignedInServices> {
  const desktop = await desktopServices(fx);
  try {
    const card = fx.issueCard(person ?? fx.staff[0]!);
    // Under the test timeout, so a first pull that never completes says why (statuses, session end).
    const synced = nextEventWithin(
      desktop.services.events,
      'sync:status',
      45_000,
      (s) => s.connectivity !== 'syncing' && s.lastSuccessAt !== null,
    );
    synced.catch(() => undefined); // awaited below; a failed sign-in must not leave it unhandled
    const session = await desktop.value<SessionInfo>('session:signIn', {
      cardId: await desktop.cardId(card),
      pin: card.pin1,
    });
    await synced;
    return {
      ...desktop,
      card,
      session,
      async close() {
        await desktop.close();
        fx.removeCard(card);
      },
    };
  } catch (error) {
    await desktop.close();
    throw error;
  }
}
