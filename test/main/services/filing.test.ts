import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type EncryptedBlobStore, openEncryptedBlobStore } from '../../../src-main/services/blob-store.js';
import { createEventBus } from '../../../src-main/services/events.js';
import { createFilingService } from '../../../src-main/services/filing.js';
import type { Filing, FilingRequest } from '../../../src-main/services/filing-types.js';
import {
  createPushEngine,
  type PushDeps,
  type PushEngine,
  type PushSession,
} from '../../../src-main/services/push.js';
import { createRegisterClient, type RegisterClient } from '../../../src-main/services/register-client.js';
import { type CacheDb, openCache } from '../../../src-main/services/store/cache.js';
import { unfiledBlobs } from '../../../src-main/services/store/filings-store.js';
import { AppError } from '../../../src-shared/contract/index.js';
import type { CaseSnapshot } from '../../../src-shared/domain/index.js';
import {
  devSession,
  devUsers,
  registerView,
  startTestRegister,
  type TestRegister,
} from '../support/register.js';
import { pushReached } from '../support/push.js';
import { startTcpGate, type TcpGate } from '../support/tcp-gate.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let register: TestRegister;
let gate: TcpGate;
let direct: RegisterClient;
let viaGate: RegisterClient;
let token: string;
/** Open cases the signed-in judge is the judge of. */
let cases: CaseSnapshot[];
let dir: string;
const caches: CacheDb[] = [];

beforeAll(async () => {
  register = await startTestRegister(40);
  gate = await startTcpGate(register.url);
  direct = createRegisterClient({ baseUrl: register.url });
  viaGate = createRegisterClient({ baseUrl: gate.url, timeoutMs: 3_000 });
  // The judge with the most open, unrestricted cases of their own.
  let best: CaseSnapshot[] = [];
  for (const user of await devUsers(register.url)) {
    const session = await devSession(register.url, user.personalCode);
    if (!session.user.roles.some((r) => r.role === 'judge')) continue;
    const view = await registerView(direct, session.token);
    const own = [...view.cases.values()].filter(
      (c) => c.judge?.id === session.user.id && c.restriction === 'none' && c.status !== 'closed',
    );
    if (own.length > best.length) [best, token] = [own, session.token];
  }
  cases = best;
  expect(cases.length).toBeGreaterThanOrEqual(4);
  expect(cases.some((c) => c.hearings.length > 0)).toBe(true);
});
/** A case of the judge not used by another test yet; with a hearing if asked. */
function takeCase(withHearing = false): CaseSnapshot {
  const index = cases.findIndex((c) => !withHearing || c.hearings.length > 0);
  const [taken] = cases.splice(index, 1);
  if (!taken) throw new Error('no case left for this test');
  return taken;
}
afterAll(async () => {
  await gate.stop();
  await register.close();
});
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chambers-filing-'));
  await gate.open();
});
afterEach(() => {
  for (const cache of caches.splice(0)) cache.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Desktop {
  session: PushSession;
  store: EncryptedBlobStore;
  filings: ReturnType<typeof createFilingService>;
  filed: Filing[];
  changed: string[][];
  engine(client?: PushDeps['client']): PushEngine;
}

function desktop(): Desktop {
  const cache = openCache(join(dir, 'cache.sqlite'));
  caches.push(cache);
  const store = openEncryptedBlobStore(join(dir, 'blobs'), 'a-cache-key-of-the-test-user-0123456789');
  const events = createEventBus();
  const changed: string[][] = [];
  events.subscribe('cases:changed', ({ caseIds }) => changed.push(caseIds));
  const filed: Filing[] = [];
  return {
    session: { token, cache },
    store,
    filings: createFilingService({ blobStoreFor: () => store }),
    filed,
    changed,
    engine: (client = viaGate) =>
      createPushEngine({
        client,
        events,
        random: () => 0.5,
        blobStoreFor: () => store,
        onFiled: (filing) => filed.push(filing),
      }),
  };
}

const request = (c: CaseSnapshot, text: string, overrides: Partial<FilingRequest> = {}): FilingRequest => ({
  sourceKind: 'draft',
  sourceId: `draft-${text}`,
  caseId: c.id,
  kind: 'decision',
  title: 'Kohtuotsus',
  bytes: new TextEncoder().encode(`PK fake docx: ${text}`),
  mediaType: DOCX,
  decisionKind: 'judgment',
  hearingId: null,
  occurredAt: '2026-11-30T10:00:00+02:00',
  ...overrides,
});

const cachedCase = (cache: CacheDb, id: string): CaseSnapshot | null => {
  const text = cache.prepare('SELECT snapshot FROM cases WHERE id = ?').pluck().get(id) as string | undefined;
  return text ? (JSON.parse(text) as CaseSnapshot) : null;
};
const outboxRows = (cache: CacheDb) =>
  cache.prepare('SELECT kind, state, last_error FROM outbox ORDER BY seq').all() as {
    kind: string;
    state: string;
    last_error: string | null;
  }[];
async function registerCase(id: string): Promise<CaseSnapshot> {
  const view = await registerView(direct, token);
  return view.cases.get(id)!;
}

describe('filing a document through the outbox to a real register', () => {
  it('queues offline with the bytes sealed, then uploads and files it with the next number', async () => {
    const c = takeCase();
    const d = desktop();
    await gate.close();
    const queued = d.filings.file(d.session.cache, request(c, 'first'));
    expect(queued).toMatchObject({ state: 'queued', caseId: c.id, documentNumber: null, error: null });
    expect(d.store.read(queued.sha256)).toMatchObject({ kind: 'ok' });
    // Sealed at rest: the plaintext is nowhere in the store's files.
    for (const name of readdirSync(d.store.dir))
      expect(readFileSync(join(d.store.dir, name)).includes('PK fake docx')).toBe(false);
    expect(outboxRows(d.session.cache)).toEqual([
      { kind: 'case.document.file', state: 'pending', last_error: null },
    ]);
    expect(unfiledBlobs(d.session.cache)).toEqual([queued.sha256]);
    expect(d.filings.get(d.session.cache, 'draft', 'draft-first')).toEqual(queued);
    // One source, one document.
    expect(() => d.filings.file(d.session.cache, request(c, 'first'))).toThrow(AppError);

    const push = d.engine();
    const offline = await push.push(d.session);
    expect(offline).toMatchObject({ stopped: 'offline', sent: 0, status: { pending: 1 } });
    expect((await registerCase(c.id)).documents.some((doc) => doc.sha256 === queued.sha256)).toBe(false);

    await gate.open();
    const before = (await registerCase(c.id)).documents.length;
    const online = await pushReached(push, d.session);
    expect(online).toMatchObject({ stopped: null, applied: 1, failed: 0, status: { pending: 0 } });
    const filing = d.filings.get(d.session.cache, 'draft', 'draft-first')!;
    expect(filing.state).toBe('filed');
    expect(filing.documentNumber).toBe(`${c.number}/${before + 1}`);
    expect(filing.filedAt).not.toBeNull();
    expect(d.filed).toEqual([filing]);
    expect(d.changed).toContainEqual([c.id]);
    const cached = cachedCase(d.session.cache, c.id)!;
    expect(cached.documents.find((doc) => doc.id === filing.documentId)).toMatchObject({
      number: filing.documentNumber,
      sha256: filing.sha256,
      kind: 'judgment',
    });
    expect(cached.status).toBe('decided');
    expect(unfiledBlobs(d.session.cache)).toEqual([]);
    // The register serves the bytes that were filed.
    const bytes = await fetch(`${register.url}/api/v1/blobs/${filing.sha256}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(new TextDecoder().decode(await bytes.arrayBuffer())).toBe('PK fake docx: first');
    expect(() => d.filings.file(d.session.cache, request(c, 'first'))).toThrow(/already filed/);
  });

  it('marks a refused filing failed with the reason, and one whose bytes are gone locally', async () => {
    const b = takeCase(true);
    const a = takeCase();
    const d = desktop();
    const wrongHearing = d.filings.file(
      d.session.cache,
      request(a, 'minutes', {
        sourceKind: 'minutes',
        kind: 'minutes',
        title: 'Kohtuistungi protokoll',
        decisionKind: null,
        hearingId: b.hearings[0]!.id,
      }),
    );
    const lost = d.filings.file(d.session.cache, request(b, 'lost'));
    d.store.remove(lost.sha256);
    const report = await pushReached(d.engine(), d.session);
    expect(report).toMatchObject({ applied: 0, failed: 2, status: { pending: 0, failed: 2 } });
    const refused = d.filings.get(d.session.cache, 'minutes', 'draft-minutes')!;
    expect(refused).toMatchObject({
      documentId: wrongHearing.documentId,
      state: 'failed',
      documentNumber: null,
    });
    expect(refused.error).toMatch(/^invalid_input: .*hearing/);
    const missing = d.filings.get(d.session.cache, 'draft', 'draft-lost')!;
    expect(missing).toMatchObject({ state: 'failed' });
    expect(missing.error).toMatch(/missing on this computer/);
    expect(d.filed.map((f) => f.state)).toEqual(['failed', 'failed']);
    expect(outboxRows(d.session.cache).map((r) => r.state)).toEqual(['failed', 'failed']);
    expect((await registerCase(a.id)).documents.some((doc) => doc.sha256 === wrongHearing.sha256)).toBe(
      false,
    );
    // A failed filing may be made again: a new document id.
    const again = d.filings.file(d.session.cache, request(b, 'lost'));
    expect(again.documentId).not.toBe(lost.documentId);
    expect(again.state).toBe('queued');
  });

  it('sends again safely after a stop between the upload and the mutation, or a lost answer', async () => {
    const c = takeCase();
    const d = desktop();
    const filing = d.filings.file(d.session.cache, request(c, 'interrupted'));
    const before = (await registerCase(c.id)).documents.length;

    // The upload goes, then the session stops while the mutation request is on its way.
    const controller = new AbortController();
    let uploads = 0;
    const stopping: PushDeps['client'] = {
      uploadBlob: async (...args) => {
        uploads++;
        return direct.uploadBlob(...args);
      },
      syncMutations: (t, body) => {
        controller.abort(new AppError('unavailable', 'Push stopped.'));
        return direct.syncMutations(t, body, controller.signal);
      },
    };
    const aborted = await d.engine(stopping).push(d.session, controller.signal);
    expect(aborted).toMatchObject({ stopped: 'aborted', applied: 0 });
    expect(uploads).toBe(1);
    expect(outboxRows(d.session.cache)).toMatchObject([{ state: 'sending' }]);
    expect((await registerCase(c.id)).documents).toHaveLength(before);

    // Next time the mutation reaches the register but its answer is lost on the way back.
    let first: string | null = null;
    const losing: PushDeps['client'] = {
      uploadBlob: (...args) => direct.uploadBlob(...args),
      syncMutations: async (t, body, signal) => {
        const answer = await direct.syncMutations(t, body, signal);
        const result = answer.results[0]!;
        if (result.status === 'applied' && result.record.type === 'filed-document')
          first = result.record.documentNumber;
        throw new Error('socket hang up');
      },
    };
    expect(await d.engine(losing).push(d.session)).toMatchObject({ stopped: 'offline', applied: 0 });
    expect(first).toBe(`${c.number}/${before + 1}`);
    expect(d.filings.get(d.session.cache, 'draft', 'draft-interrupted')!.state).toBe('queued');

    // The same mutation id again: the register answers its stored result; one document, one number.
    expect(await d.engine().push(d.session)).toMatchObject({ stopped: null, applied: 1 });
    expect(d.filings.get(d.session.cache, 'draft', 'draft-interrupted')).toMatchObject({
      state: 'filed',
      documentNumber: first,
    });
    const documents = (await registerCase(c.id)).documents.filter((doc) => doc.sha256 === filing.sha256);
    expect(documents).toHaveLength(1);
    expect(documents[0]!.number).toBe(first);
  });
});
