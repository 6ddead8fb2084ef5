import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNotesService, type NotesService } from '../../../src-main/services/notes.js';
import { createPushEngine, type PushSession } from '../../../src-main/services/push.js';
import { createRegisterClient, type RegisterClient } from '../../../src-main/services/register-client.js';
import { openCache } from '../../../src-main/services/store/cache.js';
import { applyPulledNote } from '../../../src-main/services/store/notes-store.js';
import { markSending, sendable, toMutation } from '../../../src-main/services/store/outbox.js';
import type { CaseNote } from '../../../src-shared/register-api/index.js';
import {
  devSession,
  devUsers,
  registerView,
  startTestRegister,
  type TestRegister,
} from '../support/register.js';
import { pushReached } from '../support/push.js';
import { startTcpGate, type TcpGate } from '../support/tcp-gate.js';

let register: TestRegister;
let gate: TcpGate;
let direct: RegisterClient;
let viaGate: RegisterClient;
let token: string;
let caseIds: string[];
let dir: string;
const sessions: PushSession[] = [];

beforeAll(async () => {
  register = await startTestRegister(40);
  gate = await startTcpGate(register.url);
  direct = createRegisterClient({ baseUrl: register.url });
  viaGate = createRegisterClient({ baseUrl: gate.url, timeoutMs: 3_000 });
  const users = await devUsers(register.url);
  token = (await devSession(register.url, users[0]!.personalCode)).token;
  caseIds = [...(await registerView(direct, token)).cases.keys()];
  expect(caseIds.length).toBeGreaterThanOrEqual(8);
});
afterAll(async () => {
  await gate.stop();
  await register.close();
});
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chambers-push-'));
  await gate.open();
});
afterEach(() => {
  for (const session of sessions.splice(0)) session.cache.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A desktop of the same user: its own cache, the register's token. */
function client(name: string): { session: PushSession; notes: NotesService } {
  const session: PushSession = { token, cache: openCache(join(dir, `${name}.sqlite`)) };
  sessions.push(session);
  return { session, notes: createNotesService({ session: { require: () => session } }) };
}

/** The user's notes as the register holds them, from the whole feed. */
async function registerNotes(): Promise<Map<string, CaseNote>> {
  const notes = new Map<string, CaseNote>();
  let cursor = '0';
  for (;;) {
    const page = await direct.syncPullAll(token, { cursor, limit: 500 });
    for (const change of page.changes)
      if (change.kind === 'case-note') notes.set(change.note.caseId, change.note);
    cursor = page.cursor;
    if (!page.hasMore) return notes;
  }
}

const engine = () => createPushEngine({ client: viaGate, random: () => 0.5 });

describe('push through the outbox to a real register', () => {
  it('keeps edits made offline and applies them once when the register is back', async () => {
    const caseId = caseIds[0]!;
    const { session, notes } = client('a');
    const push = engine();
    await gate.close();
    await notes.put(caseId, 'draft 1');
    await notes.put(caseId, 'draft 2');
    const offline = await push.push(session);
    expect(offline).toMatchObject({ stopped: 'offline', sent: 0, status: { pending: 1 } });
    expect(offline.retryInMs).toBeGreaterThanOrEqual(0);
    expect(offline.lastError).toMatch(/cannot be reached/);
    expect((await registerNotes()).has(caseId)).toBe(false);

    await gate.open();
    const online = await pushReached(push, session);
    expect(online).toMatchObject({ stopped: null, sent: 1, applied: 1, status: { pending: 0, failed: 0 } });
    const stored = (await registerNotes()).get(caseId);
    expect(stored?.text).toBe('draft 2');
    expect(await notes.get(caseId)).toMatchObject({
      text: 'draft 2',
      baseVersion: stored!.version,
      unsent: false,
    });
    expect(await push.push(session)).toMatchObject({ sent: 0 });
    // The next edit is based on the version the register gave: no conflict with itself.
    await notes.put(caseId, 'draft 3');
    expect(await push.push(session)).toMatchObject({ applied: 1, conflicts: 0 });
    expect((await registerNotes()).get(caseId)?.text).toBe('draft 3');
  });

  it('sends a mutation a crash left "sending" again with the same id, applied only once', async () => {
    const caseId = caseIds[1]!;
    const { session, notes } = client('a');
    await notes.put(caseId, 'before the crash');
    const row = sendable(session.cache, 10)[0]!;
    markSending(session.cache, [row.seq]);
    // The request reached the register, the answer was lost with the process.
    const [first] = (await direct.syncMutations(token, { mutations: [toMutation(row)] })).results;
    expect(first?.status).toBe('applied');
    const version = (await registerNotes()).get(caseId)!.version;

    const report = await engine().push(session);
    expect(report).toMatchObject({ sent: 1, applied: 1, conflicts: 0 });
    expect((await registerNotes()).get(caseId)).toMatchObject({ text: 'before the crash', version });
    expect(await notes.get(caseId)).toMatchObject({ baseVersion: version, unsent: false });
  });

  it('two desktops edit one note offline: the conflict is shown and both texts survive', async () => {
    const caseId = caseIds[2]!;
    const a = client('a');
    const b = client('b');
    const push = engine();
    await gate.close();
    await a.notes.put(caseId, 'text from A');
    await b.notes.put(caseId, 'text from B');
    await gate.open();
    expect(await pushReached(push, a.session)).toMatchObject({ applied: 1 });
    const fromB = await push.push(b.session);
    expect(fromB).toMatchObject({ applied: 0, conflicts: 1, status: { pending: 0, conflicts: 1 } });

    const server = (await registerNotes()).get(caseId)!;
    expect(server.text).toBe('text from A');
    const [conflict] = await b.notes.conflicts();
    expect(conflict).toMatchObject({ caseId, localText: 'text from B', serverText: 'text from A' });
    expect(conflict!.serverVersion).toBe(server.version);
    expect(await b.notes.get(caseId)).toMatchObject({ text: 'text from B', conflictId: conflict!.id });
    // The pull's copy of A's note does not overwrite B's text while the conflict is open.
    expect(applyPulledNote(b.session.cache, server)).toBe(false);
    expect((await b.notes.get(caseId))?.text).toBe('text from B');

    // B keeps its own: pushed on top of A's version.
    await b.notes.resolve(conflict!.id, 'mine');
    expect(await push.push(b.session)).toMatchObject({ applied: 1, conflicts: 0, status: { conflicts: 0 } });
    const after = (await registerNotes()).get(caseId)!;
    expect(after.text).toBe('text from B');
    // A has nothing unsent: the pull brings B's text.
    expect(applyPulledNote(a.session.cache, after)).toBe(true);
    expect((await a.notes.get(caseId))?.text).toBe('text from B');

    // Again, and this time A takes the register's text.
    await a.notes.put(caseId, 'A, second');
    await b.notes.put(caseId, 'B, second');
    await push.push(b.session);
    expect(await push.push(a.session)).toMatchObject({ conflicts: 1 });
    const [second] = await a.notes.conflicts();
    expect(second).toMatchObject({ localText: 'A, second', serverText: 'B, second' });
    expect(await a.notes.resolve(second!.id, 'theirs')).toMatchObject({ text: 'B, second', unsent: false });
    expect(await push.push(a.session)).toMatchObject({ sent: 0, status: { pending: 0, conflicts: 0 } });
  });

  it('marks a refused mutation failed and still sends the rest, in order', async () => {
    const { session, notes } = client('a');
    const missing = randomUUID();
    await notes.put(caseIds[3]!, 'first');
    await notes.put(missing, 'on a case that does not exist');
    await notes.put(caseIds[4]!, 'third');
    const report = await engine().push(session);
    expect(report).toMatchObject({ sent: 3, applied: 2, failed: 1, status: { pending: 0, failed: 1 } });
    const [failed] = await notes.failed();
    expect(failed).toMatchObject({ caseId: missing, error: expect.stringMatching(/^not_found/) });
    expect((await notes.get(missing))?.text).toBe('on a case that does not exist');
    const onRegister = await registerNotes();
    expect(onRegister.get(caseIds[3]!)!.version).toBeLessThan(onRegister.get(caseIds[4]!)!.version);
    await notes.dismiss(failed!.id);
    expect(await notes.status()).toEqual({ pending: 0, failed: 0, conflicts: 0 });
  });

  it('stops at a refused token and keeps the rows for the next session', async () => {
    const cache = openCache(join(dir, 'x.sqlite'));
    const session: PushSession = { token: 'not-a-token', cache };
    sessions.push(session);
    const notes = createNotesService({ session: { require: () => session } });
    await notes.put(caseIds[5]!, 'kept');
    expect(await engine().push(session)).toMatchObject({
      stopped: 'unauthenticated',
      status: { pending: 1 },
    });
    expect(await engine().push({ token, cache })).toMatchObject({ applied: 1, status: { pending: 0 } });
  });

  it('retries on its own with backoff and pushes what is queued while offline', async () => {
    const caseId = caseIds[6]!;
    const { session } = client('a');
    const statuses: number[] = [];
    const push = createPushEngine({
      client: viaGate,
      backoff: { baseMs: 50, capMs: 200 },
      onStatus: (status) => statuses.push(status.pending),
    });
    const notes = createNotesService({ session: { require: () => session }, onQueued: () => push.notify() });
    await gate.close();
    push.start(session);
    await notes.put(caseId, 'queued offline');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await notes.status()).toMatchObject({ pending: 1 });
    await gate.open();
    const deadline = Date.now() + 10_000;
    while ((await notes.status()).pending > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    await push.stop();
    expect(await notes.status()).toMatchObject({ pending: 0 });
    expect((await registerNotes()).get(caseId)?.text).toBe('queued offline');
    expect(statuses.at(-1)).toBe(0);
  });
});
