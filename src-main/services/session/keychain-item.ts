import { z } from 'zod';
import { SessionUser } from '../../../src-shared/domain/index.js';
import type { SecretStore } from '../keychain.js';

/**
 * What the OS keychain keeps per user and register. The cache key is made once per user and kept,
 * so the encrypted cache survives sign-out; the certificate is the one pinned at the last online
 * sign-in, which the offline unlock checks the card against.
 */
export const KeychainItem = z.object({
  v: z.literal(1),
  user: SessionUser,
  /** Null after sign-out or when the register ended the session. */
  sessionToken: z.string().min(1).nullable(),
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
  cacheKey: z.string().regex(/^[0-9a-f]{64}$/),
  /** Base64 DER of the authentication certificate. */
  certificate: z.base64().min(1),
});
export type KeychainItem = z.infer<typeof KeychainItem>;

/** One item per register and person, so two registers never share a session or a cache key. */
export const accountFor = (registerOrigin: string, personalCode: string): string =>
  `${registerOrigin} ${personalCode}`;

/** The item, or null when there is none; an item that does not parse is deleted and counts as absent. */
export async function readItem(store: SecretStore, account: string): Promise<KeychainItem | null> {
  const raw = await store.get(account);
  if (raw === null) return null;
  let parsed: ReturnType<typeof KeychainItem.safeParse>;
  try {
    parsed = KeychainItem.safeParse(JSON.parse(raw));
  } catch {
    parsed = KeychainItem.safeParse(undefined);
  }
  if (parsed.success) return parsed.data;
  await store.delete(account);
  return null;
}

export const writeItem = (store: SecretStore, account: string, item: KeychainItem): Promise<void> =>
  store.set(account, JSON.stringify(KeychainItem.parse(item)));
