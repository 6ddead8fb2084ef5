import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningRegister, startRegister } from '../../../src-register/server.js';
import { blobDirFor, openEncryptedBlobStore, sha256Hex } from '../../../src-main/services/blob-store.js';
import {
  createDocumentsService,
  type DocumentSession,
  type DocumentsDeps,
} from '../../../src-main/services/documents.js';
import { createEventBus } from '../../../src-main/services/events.js';
import { createRegisterClient } from '../../../src-main/services/register-client.js';
import { createPushEngine } from '../../../src-main/services/push.js';
import { openCache } from '../../../src-main/services/store/cache.js';
import { outboxStatus, sendable } from '../../../src-main/services/store/outbox.js';
import { createSyncEngine } from '../../../src-main/services/sync.js';
import type { DocumentDownload } from '../../../src-shared/contract/index.js';
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
      // Several records per demo file, each sealed and synced to disk.
      recordBytes: 16 * 1024,
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
      await docs.open(doc.id);
      expect(sha256Hex((await docs.read(doc.id)).bytes)).toBe(doc.sha256);
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
      await docs.open(other.id);
      expect((await docs.read(other.id)).bytes.equals(full)).toBe(true);
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

/** A documents service of its own (its own cache and store) on a pulled cache, for the viewer tests. */
async function viewerDocuments(name: string, deps: Partial<DocumentsDeps> = {}) {
  const cache = openCache(join(dir, `${name}.sqlite`));
  const mine: DocumentSession = { ...session, cache };
  const docs = createDocumentsService({
    baseUrl: register.url,
    dataDir: join(dir, name),
    logError: () => undefined,
    ...deps,
  });
  docs.start(mine);
  const sync = createSyncEngine({
    client: createRegisterClient({ baseUrl: register.url }),
    events: createEventBus(),
    logError: () => undefined,
  });
  sync.start({
    ...mine,
    mode: 'id-card',
    connection: 'online',
    cardId: 'test-card',
    expiresAt: '2099-01-01T00:00:00Z',
  });
  expect((await sync.pull()).lastError).toBeNull();
  return {
    mine,
    cache,
    docs,
    async close() {
      await sync.stop();
      await docs.stop();
      cache.close();
    },
  };
}

describe('opening a document for the viewer', () => {
  it('downloads a missing file with throttled progress ending done; read serves it from the store', async () => {
    const downloads: Array<DocumentDownload & { at: number }> = [];
    let offline = false;
    const { mine, docs, close } = await viewerDocuments('viewer', {
      fetch: async (input, init) => {
        if (offline) throw new TypeError('fetch failed');
        return fetch(input, init);
      },
      onDownload: (download) => downloads.push({ ...download, at: Date.now() }),
    });
    try {
      // The largest open document of one of Triin Lepik's own cases (this register has no 500-page
      // expert opinion: test registers are seeded without it, to stay quick).
      const [expertCase, expert] = [...view.values()]
        .filter((c) => c.judge?.id === session.user.id && c.restriction === 'none')
        .flatMap((c) => c.documents.filter((d) => !d.restricted).map((d) => [c, d] as const))
        .sort((a, b) => b[1].size - a[1].size)[0]!;

      await expect(docs.read(expert.id)).rejects.toMatchObject({
        code: 'not_found',
        message: expect.stringMatching(/open it first/),
      });
      const info = await docs.open(expert.id);
      expect(info).toEqual({
        documentId: expert.id,
        caseId: expertCase.id,
        caseNumber: expertCase.number,
        number: expert.number,
        title: expert.title,
        mediaType: 'application/pdf',
        sha256: expert.sha256,
        size: expert.size,
        pages: expert.pages,
        restricted: false,
      });
      expect(downloads[0]).toMatchObject({
        documentId: expert.id,
        received: 0,
        total: expert.size,
        done: false,
      });
      expect(downloads.at(-1)).toMatchObject({ received: expert.size, total: expert.size, done: true });
      expect(downloads.filter((d) => d.done)).toHaveLength(1);
      for (let i = 1; i < downloads.length; i++) {
        expect(downloads[i]!.received).toBeGreaterThanOrEqual(downloads[i - 1]!.received);
        // Throttled: about ten a second, the final report aside.
        if (!downloads[i]!.done) expect(downloads[i]!.at - downloads[i - 1]!.at).toBeGreaterThanOrEqual(90);
      }

      const first = await docs.read(expert.id);
      expect(first.info).toEqual(info);
      expect(sha256Hex(first.bytes)).toBe(expert.sha256);
      // The plaintext is kept: the next read (a Range request) does not decrypt the whole file again.
      // (Identity compared as a boolean: a failing diff of two large buffers takes forever.)
      expect((await docs.read(expert.id)).bytes === first.bytes).toBe(true);

      // Opened again, present: no download, no progress.
      downloads.length = 0;
      await docs.open(expert.id);
      expect(downloads).toEqual([]);

      // A restart of the service forgets the plaintext, and reads from the encrypted store again.
      await docs.stop();
      await expect(docs.read(expert.id)).rejects.toMatchObject({ code: 'unauthenticated' });
      docs.start(mine);
      const again = await docs.read(expert.id);
      expect(again.bytes === first.bytes).toBe(false);
      expect(again.bytes.equals(first.bytes)).toBe(true);

      // Not in any cached case, or not downloadable: not_found / unavailable, the download reported done.
      await expect(docs.open('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(docs.read('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
        code: 'not_found',
      });
      const other = [...view.values()]
        .filter((c) => c.restriction === 'none')
        .flatMap((c) => c.documents)
        .find((d) => d.id !== expert.id && !d.restricted)!;
      offline = true;
      await expect(docs.open(other.id)).rejects.toMatchObject({ code: 'unavailable' });
      expect(downloads.filter((d) => d.documentId === other.id).at(-1)).toMatchObject({ done: true });
    } finally {
      await close();
    }
  }, 120_000);

  it("reports a restricted document opened from its local copy for the register's read log", async () => {
    // One of her documents made restricted at the register (the change reaches her with the pull).
    const [plain, secret] = [...view.values()]
      .filter((c) => own(c, session.user.id) && open(c))
      .flatMap((c) => c.documents.filter((d) => !d.restricted));
    expect(secret, 'two open documents of her cases').toBeDefined();
    await register.db.query('UPDATE documents SET restricted = true WHERE id = $1', [secret!.id]);
    let queued = 0;
    const { mine, cache, docs, close } = await viewerDocuments('reads', { onQueued: () => (queued += 1) });
    const reads = () =>
      sendable(cache, 100)
        .filter((row) => row.kind === 'document.read')
        .map((row) => row.payload);
    const logged = async (documentId: string) =>
      register.db.query<{ details: Record<string, unknown> }>(
        "SELECT details FROM audit_log WHERE action = 'document.read' AND object_id = $1 ORDER BY id",
        [documentId],
      );
    try {
      // The download is logged by the register itself (the blob route); nothing is queued for it.
      await docs.open(secret!.id);
      expect((await logged(secret!.id)).map((e) => e.details.via)).toEqual(['blob']);
      expect(reads()).toEqual([]);
      // Opened again (the plaintext kept), and after a restart (from the encrypted store): two reads.
      await docs.open(secret!.id);
      await docs.stop();
      docs.start(mine);
      await docs.open(secret!.id);
      expect(reads()).toEqual([
        { documentId: secret!.id, readAt: expect.any(String) },
        { documentId: secret!.id, readAt: expect.any(String) },
      ]);
      expect(queued).toBe(2);
      // Not the user's changes: the counts the status bar shows leave them out.
      expect(outboxStatus(cache).pending).toBe(0);
      // An unrestricted document is not reported.
      await docs.open(plain!.id);
      await docs.open(plain!.id);
      expect(reads()).toHaveLength(2);

      const push = createPushEngine({ client: createRegisterClient({ baseUrl: register.url }) });
      const report = await push.push(mine);
      expect(report).toMatchObject({ applied: 2, failed: 0 });
      expect(reads()).toEqual([]);
      const entries = await logged(secret!.id);
      expect(entries.map((e) => e.details.via)).toEqual(['blob', 'local copy', 'local copy']);
      expect(Date.parse(String(entries[1]!.details.readAt))).toBeGreaterThan(Date.now() - 60_000);
    } finally {
      await close();
    }
  }, 120_000);
});
