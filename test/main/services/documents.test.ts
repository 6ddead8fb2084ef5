import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningRegister, startRegister } from '../../../src-register/server.js';
import { blobDirFor, openEncryptedBlobStore, sha256Hex } from '../../../src-main/services/blob-store.js';
import { createDocumentsService, type DocumentSession } from '../../../src-main/services/documents.js';
import { createEventBus } from '../../../src-main/services/events.js';
import { createRegisterClient } from '../../../src-main/services/register-client.js';
import { openCache } from '../../../src-main/services/store/cache.js';
import { createSyncEngine } from '../../../src-main/services/sync.js';
import type { CaseSnapshot } from '../../../src-shared/domain/index.js';
import { devSession, registerView } from '../support/register.js';

let register: RunningRegister;
let dir: string;
let session: DocumentSession;
let view: Map<string, CaseSnapshot>;
const cacheKey = randomBytes(32).toString('hex');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chambers-documents-'));
  register = await startRegister({
    db: 'pglite:memory',
    host: '127.0.0.1',
    port: 0,
    devSignIn: true,
    production: false,
    blobDir: join(dir, 'register-blobs'),
    seedDemo: true,
    demoCaseCount: 40,
    logLevel: 'warn',
  });
  const [judge] = await register.db.query<{ personal_code: string }>(
    "SELECT personal_code FROM users WHERE name = 'Triin Lepik'",
  );
  const signedIn = await devSession(register.url, judge!.personal_code);
  session = { user: signedIn.user, token: signedIn.token, cache: openCache(join(dir, 'c.sqlite')), cacheKey };
  view = (await registerView(createRegisterClient({ baseUrl: register.url }), signedIn.token)).cases;
}, 120_000);
afterAll(async () => {
  session?.cache.close();
  await register?.close();
  rmSync(dir, { recursive: true, force: true });
});

const soon = (c: CaseSnapshot) =>
  c.hearings.some(
    (h) => Date.parse(h.startsAt) >= Date.now() && Date.parse(h.startsAt) <= Date.now() + 14 * 864e5,
  );
const own = (c: CaseSnapshot, id: string) =>
  c.judge?.id === id || c.hearings.some((h) => h.secretary?.id === id || h.judges.some((j) => j.id === id));
const open = (c: CaseSnapshot) => c.restriction === 'none';

describe('documents cached for the signed-in user', () => {
  it('downloads own and upcoming documents, encrypted; detects tampering; resumes; drops lost cases', async () => {
    const requests: Array<{ range: string | null; status: number }> = [];
    const docs = createDocumentsService({
      baseUrl: register.url,
      dataDir: dir,
      concurrency: 2,
      recordBytes: 1024,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        requests.push({ range: new Headers(init?.headers).get('range'), status: response.status });
        return response;
      },
      logError: () => undefined,
    });
    docs.start(session);
    const sync = createSyncEngine({
      client: createRegisterClient({ baseUrl: register.url }),
      events: createEventBus(),
      onPulled: () => void docs.afterPull(),
      logError: () => undefined,
    });
    sync.start({
      ...session,
      mode: 'id-card',
      connection: 'online',
      cardId: 'test-card',
      expiresAt: '2099-01-01T00:00:00Z',
    });
    try {
      expect((await sync.pull()).lastError).toBeNull();
      await docs.afterPull();
      const expected = new Set<string>();
      for (const c of view.values())
        if (open(c) && (own(c, session.user.id) || soon(c)))
          for (const d of c.documents) if (!d.restricted) expected.add(d.sha256);
      expect(expected.size).toBeGreaterThan(5);
      const store = openEncryptedBlobStore(blobDirFor(dir, session.user.personalCode), cacheKey);
      expect(new Set(store.list())).toEqual(expected);
      expect(docs.progress()).toMatchObject({ running: false, failed: 0 });
      for (const sha of expected) {
        const read = store.read(sha);
        expect(read.kind).toBe('ok');
        if (read.kind === 'ok') expect(read.bytes.subarray(0, 4).toString()).toBe('%PDF');
        expect(readFileSync(join(store.dir, `${sha}.blob`)).includes('%PDF')).toBe(false);
      }

      // A tampered file is detected on open and fetched again.
      const ownCase = [...view.values()].find(
        (c) => own(c, session.user.id) && open(c) && c.documents.length,
      )!;
      const doc = ownCase.documents[0]!;
      const file = join(store.dir, `${doc.sha256}.blob`);
      const raw = readFileSync(file);
      raw[raw.length - 1]! ^= 0xff;
      writeFileSync(file, raw);
      expect(store.read(doc.sha256).kind).toBe('corrupt');
      requests.length = 0;
      const opened = await docs.open(doc.id);
      expect(sha256Hex(opened.bytes)).toBe(doc.sha256);
      expect(requests).toHaveLength(1);
      expect(store.read(doc.sha256).kind).toBe('ok');

      // A document not fetched in the background: a partial download resumes with a Range request.
      const other = [...view.values()]
        .flatMap((c) => c.documents)
        .find((d) => !store.has(d.sha256) && !d.restricted && d.size > 2048)!;
      const full = Buffer.from(
        await (
          await fetch(`${register.url}/api/v1/blobs/${other.sha256}`, {
            headers: { authorization: `Bearer ${session.token}` },
          })
        ).arrayBuffer(),
      );
      store.appendPartial(other.sha256, 0, full.subarray(0, 1000));
      requests.length = 0;
      const resumed = await docs.open(other.id);
      expect(resumed.bytes.equals(full)).toBe(true);
      expect(requests).toEqual([{ range: 'bytes=1000-', status: 206 }]);
      expect(readdirSync(store.dir).filter((n) => n.endsWith('.part'))).toEqual([]);

      // The user loses access to a case heard soon: its files go, unless another cached case names them.
      const lost = [...view.values()].find(
        (c) => soon(c) && open(c) && !own(c, session.user.id) && c.documents.some((d) => store.has(d.sha256)),
      )!;
      await register.db.query("UPDATE cases SET restriction = 'closed' WHERE id = $1", [lost.id]);
      expect((await sync.pull()).lastError).toBeNull();
      await docs.afterPull();
      expect(session.cache.prepare('SELECT count(*) FROM cases WHERE id = ?').pluck().get(lost.id)).toBe(0);
      const stillNamed = new Set(
        [...view.values()].filter((c) => c.id !== lost.id).flatMap((c) => c.documents.map((d) => d.sha256)),
      );
      for (const d of lost.documents) expect(store.has(d.sha256)).toBe(stillNamed.has(d.sha256));
      expect(store.has(doc.sha256)).toBe(true);
    } finally {
      await sync.stop();
      await docs.stop();
    }
  }, 120_000);
});
