import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeychain } from '../../../src-main/services/keychain.js';
import { accountFor, readItem } from '../../../src-main/services/session/keychain-item.js';
import { runDesktopChild } from '../support/child.js';
import { ensureKeyring } from '../support/keyring.js';

let stopKeyring: () => Promise<void>;
beforeAll(async () => {
  stopKeyring = await ensureKeyring();
});
afterAll(() => stopKeyring());

describe('OS keychain (a private Secret Service)', () => {
  it('stores, reads, replaces and deletes a secret', async () => {
    const keychain = createKeychain('Chambers test');
    const account = `http://127.0.0.1:1 ${randomUUID()}`;
    expect(await keychain.get(account)).toBeNull();
    await keychain.set(account, '{"v":1}');
    expect(await keychain.get(account)).toBe('{"v":1}');
    await keychain.set(account, 'second');
    expect(await keychain.get(account)).toBe('second');
    await keychain.delete(account);
    expect(await keychain.get(account)).toBeNull();
    // Deleting what is not there is fine.
    await keychain.delete(account);
  });

  it('keeps items of another service name apart', async () => {
    const account = `acct ${randomUUID()}`;
    await createKeychain('Chambers test').set(account, 'a');
    expect(await createKeychain('Chambers other test').get(account)).toBeNull();
    await createKeychain('Chambers test').delete(account);
  });

  it('treats a Chambers item that does not parse as absent, and deletes it', async () => {
    const keychain = createKeychain('Chambers test');
    const account = accountFor('http://127.0.0.1:1', '38001085718');
    await keychain.set(account, '{"v":1,"cacheKey":"short"}');
    expect(await readItem(keychain, account)).toBeNull();
    expect(await keychain.get(account)).toBeNull();
    await keychain.set(account, 'not json');
    expect(await readItem(keychain, account)).toBeNull();
    expect(await keychain.get(account)).toBeNull();
  });

  it('turns a missing Secret Service into keychain_unavailable, with no fallback store', async () => {
    // The library connects to the bus once per process, so a process of its own gets no bus at all.
    const { result } = await runDesktopChild(
      { op: 'keychain', account: 'probe' },
      { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/chambers-bus' },
    );
    const failure = {
      ok: false,
      error: {
        code: 'unavailable',
        reason: 'keychain_unavailable',
        message: expect.stringMatching(
          /^No OS keychain is available, so Chambers cannot keep your sign-in safely/,
        ),
      },
    };
    // Had the kernel keyring been used as a fallback, `set` and `get` would have succeeded.
    expect(result).toMatchObject({ set: failure, get: failure, delete: failure });
  });
});
