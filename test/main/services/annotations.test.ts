import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type AnnotationPutInput,
  type AnnotationsService,
  createAnnotationsService,
} from '../../../src-main/services/annotations.js';
import { createEventBus } from '../../../src-main/services/events.js';
import { createPushEngine, type PushEngine, type PushReport } from '../../../src-main/services/push.js';
import { createRegisterClient, type RegisterClient } from '../../../src-main/services/register-client.js';
import type { ActiveSession } from '../../../src-main/services/session.js';
import { openCache } from '../../../src-main/services/store/cache.js';
import { applySyncPage, readCursor } from '../../../src-main/services/store/case-store.js';
import { outboxStatus } from '../../../src-main/services/store/outbox.js';
import { createSyncEngine, type SyncEngine } from '../../../src-main/services/sync.js';
import type { DocumentAnnotation } from '../../../src-shared/register-api/index.js';
import { devSession, devUsers, startTestRegister, type TestRegister } from '../support/register.js';
import { startTcpGate, type TcpGate } from '../support/tcp-gate.js';

let register: TestRegister;
let gate: TcpGate;
let direct: RegisterClient;
let viaGate: RegisterClient;
let me: { token: string; user: ActiveSession['user'] };
let someoneElse: { token: string; user: ActiveSession['user'] };
let dir: string;

interface Device {
  session: ActiveSession;
  annotations: AnnotationsService;
  sync: SyncEngine;
  push: PushEngine;
  /** Documents named by `annotations:changed`, in order. */
  changed: string[];
}
const devices: Device[] = [];

beforeAll(async () => {
  register = await startTestRegister(30);
  gate = await startTcpGate(register.url);
  direct = createRegisterClient({ baseUrl: register.url });
  viaGate = createRegisterClient({ baseUrl: gate.url, timeoutMs: 3_000 });
  const users = await devUsers(register.url);
  me = await devSession(register.url, users[0]!.personalCode);
  someoneElse = await devSession(register.url, users[1]!.personalCode);
});
afterAll(async () => {
  await gate.stop();
  await register.close();
});
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chambers-annotations-'));
  await gate.open();
});
afterEach(async () => {
  for (const device of devices.splice(0)) await closeDevice(device);
  rmSync(dir, { recursive: true, force: true });
});

async function closeDevice(device: Device): Promise<void> {
  device.annotations.stop();
  await device.push.stop();
  await device.sync.stop();
  if (device.session.cache.open) device.session.cache.close();
}

/** A desktop: its own cache file, sync and push engines, and the service; pulls once before it is handed out. */
async function device(name: string, who = me): Promise<Device> {
  const events = createEventBus();
  const session: ActiveSession = {
    user: who.user,
    mode: 'id-card',
    connection: 'online',
    cardId: `card-${name}`,
    token: who.token,
    expiresAt: '2099-01-01T00:00:00Z',
    cache: openCache(join(dir, `${name}.sqlite`)),
    cacheKey: 'ab'.repeat(32),
  };
  const changed: string[] = [];
  events.subscribe('annotations:changed', ({ documentIds }) => changed.push(...documentIds));
  const created: Device = {
    session,
    annotations: createAnnotationsService({ events }),
    sync: createSyncEngine({ client: direct, events, logError: () => undefined }),
    push: createPushEngine({ client: viaGate, events, random: () => 0.5 }),
    changed,
  };
  devices.push(created);
  created.annotations.start(session);
  created.sync.start(session);
  await pull(created);
  return created;
}

async function pull(d: Device): Promise<void> {
  const status = await d.sync.pull();
  expect(status.lastError).toBeNull();
}

/** A round right after the gate reopens can meet a pooled connection the gate cut: retry at once. */
async function pushReached(d: Device): Promise<PushReport> {
  for (let attempt = 0; ; attempt++) {
    const report = await d.push.push(d.session);
    if (report.stopped !== 'offline' || attempt === 2) return report;
  }
}

/** A document in this device's cache. */
function cachedDocument(d: Device, index = 0): { documentId: string; caseId: string } {
  const rows = d.session.cache
    .prepare(
      `SELECT d.value ->> '$.id' AS documentId, c.id AS caseId FROM cases c, json_each(c.snapshot, '$.documents') d
       ORDER BY c.number, d.key`,
    )
    .all() as Array<{ documentId: string; caseId: string }>;
  expect(rows.length).toBeGreaterThan(index);
  return rows[index]!;
}

const input = (documentId: string, text: string, id: string = randomUUID()): AnnotationPutInput => ({
  id,
  documentId,
  page: 1,
  rect: { x: 0.25, y: 0.5, width: 0.5, height: 0.1 },
  kind: 'note',
  text,
  color: 'green',
});

/** The user's annotations as the register holds them, from the whole feed. */
async function registerAnnotations(token = me.token): Promise<Map<string, DocumentAnnotation>> {
  const found = new Map<string, DocumentAnnotation>();
  let cursor = '0';
  for (;;) {
    const page = await direct.syncPullAll(token, { cursor, limit: 500 });
    for (const change of page.changes)
      if (change.kind === 'annotation') found.set(change.annotation.id, change.annotation);
    cursor = page.cursor;
    if (!page.hasMore) return found;
  }
}

describe('private annotations, local first, through a real register', () => {
  it('saves offline as unsent, sends when the register is back, and a second device pulls it', async () => {
    const laptop = await device('laptop');
    const { documentId, caseId } = cachedDocument(laptop);
    await gate.close();
    const saved = await laptop.annotations.put(input(documentId, 'Vaata lk 3 allkirja'));
    expect(saved).toMatchObject({ documentId, caseId, text: 'Vaata lk 3 allkirja', unsent: true });
    expect(laptop.changed).toEqual([documentId]);
    expect(await laptop.push.push(laptop.session)).toMatchObject({ stopped: 'offline', sent: 0 });
    expect(await laptop.annotations.list(documentId)).toEqual([saved]);
    expect((await registerAnnotations()).has(saved.id)).toBe(false);

    await gate.open();
    expect(await pushReached(laptop)).toMatchObject({ stopped: null, applied: 1, conflicts: 0 });
    const stored = (await registerAnnotations()).get(saved.id);
    expect(stored).toMatchObject({ text: 'Vaata lk 3 allkirja', deleted: false, documentId, caseId });
    const [sent] = await laptop.annotations.list(documentId);
    expect(sent).toMatchObject({ id: saved.id, unsent: false, updatedAt: stored!.updatedAt });

    const desktop = await device('desktop');
    expect(await desktop.annotations.list(documentId)).toEqual([sent]);
    expect(desktop.changed).toContain(documentId);

    // An edit on top of the register's version is no conflict with itself.
    await laptop.annotations.put({ ...input(documentId, 'Vaata lk 4 allkirja', saved.id) });
    expect(await laptop.push.push(laptop.session)).toMatchObject({ applied: 1, conflicts: 0 });
    await pull(desktop);
    expect((await desktop.annotations.list(documentId))[0]).toMatchObject({ text: 'Vaata lk 4 allkirja' });
  });

  it('refuses a document that is not in the cache', async () => {
    const laptop = await device('laptop');
    await expect(laptop.annotations.put(input(randomUUID(), 'x'))).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(outboxStatus(laptop.session.cache).pending).toBe(0);
  });

  it('propagates a deletion to the other device', async () => {
    const laptop = await device('laptop');
    const desktop = await device('desktop');
    const { documentId } = cachedDocument(laptop, 1);
    const saved = await laptop.annotations.put(input(documentId, 'Kustutatakse'));
    await laptop.push.push(laptop.session);
    await pull(desktop);
    expect((await desktop.annotations.list(documentId)).map((a) => a.id)).toContain(saved.id);

    await laptop.annotations.delete(saved.id);
    expect((await laptop.annotations.list(documentId)).map((a) => a.id)).not.toContain(saved.id);
    expect(await laptop.push.push(laptop.session)).toMatchObject({ applied: 1 });
    expect((await registerAnnotations()).get(saved.id)).toMatchObject({ deleted: true, text: '' });
    desktop.changed.length = 0;
    await pull(desktop);
    expect((await desktop.annotations.list(documentId)).map((a) => a.id)).not.toContain(saved.id);
    expect(desktop.changed).toEqual([documentId]);

    // One never sent goes at once, with nothing to push.
    const draft = await laptop.annotations.put(input(documentId, 'Mustand'));
    await laptop.annotations.delete(draft.id);
    expect(outboxStatus(laptop.session.cache).pending).toBe(0);
  });

  it('keeps both texts when two devices edit one annotation: nothing is lost', async () => {
    const laptop = await device('laptop');
    const desktop = await device('desktop');
    const { documentId } = cachedDocument(laptop, 2);
    const original = await laptop.annotations.put(input(documentId, 'Algne'));
    await laptop.push.push(laptop.session);
    await pull(desktop);

    await desktop.annotations.put(input(documentId, 'Lauaarvutist', original.id));
    await laptop.annotations.put(input(documentId, 'Sülearvutist', original.id));
    expect(await desktop.push.push(desktop.session)).toMatchObject({ applied: 1, conflicts: 0 });
    // The pull does not overwrite the laptop's unsent edit.
    await pull(laptop);
    expect((await laptop.annotations.list(documentId))[0]).toMatchObject({
      text: 'Sülearvutist',
      unsent: true,
    });

    const report = await laptop.push.push(laptop.session);
    expect(report).toMatchObject({ conflicts: 1, applied: 1, failed: 0, status: { pending: 0 } });
    const texts = (list: Awaited<ReturnType<AnnotationsService['list']>>) => list.map((a) => a.text).sort();
    const onLaptop = await laptop.annotations.list(documentId);
    expect(texts(onLaptop)).toEqual(['Lauaarvutist', 'Sülearvutist']);
    expect(onLaptop.find((a) => a.text === 'Lauaarvutist')!.id).toBe(original.id);
    const copy = onLaptop.find((a) => a.text === 'Sülearvutist')!;
    expect(copy).toMatchObject({ unsent: false, page: original.page, rect: original.rect });
    expect(copy.id).not.toBe(original.id);
    expect(laptop.changed).toContain(documentId);

    await pull(desktop);
    expect(texts(await desktop.annotations.list(documentId))).toEqual(['Lauaarvutist', 'Sülearvutist']);
  });

  it("never gives one user's annotations to another user's device", async () => {
    const laptop = await device('laptop');
    const { documentId } = cachedDocument(laptop, 3);
    const saved = await laptop.annotations.put(input(documentId, 'Ainult minule'));
    await laptop.push.push(laptop.session);
    expect((await registerAnnotations()).has(saved.id)).toBe(true);

    const theirs = await device('theirs', someoneElse);
    expect(theirs.session.cache.prepare('SELECT count(*) FROM annotations').pluck().get()).toBe(0);
    expect((await registerAnnotations(someoneElse.token)).size).toBe(0);
    expect(await theirs.annotations.list(documentId)).toEqual([]);
  });

  it('keeps annotations and the reading position over a restart; a removed case takes its annotations', async () => {
    const file = 'restart';
    const first = await device(file);
    const { documentId, caseId } = cachedDocument(first, 4);
    await gate.close();
    const saved = await first.annotations.put(input(documentId, 'Jääb alles'));
    const state = {
      documentId,
      page: 3,
      offset: 0.4,
      zoom: { kind: 'scale' as const, scale: 1.5 },
      rotations: { '2': 90 as const },
    };
    await first.annotations.putState(state);
    await closeDevice(first);
    devices.splice(devices.indexOf(first), 1);
    await gate.open();

    const again = await device(file);
    expect(await again.annotations.list(documentId)).toEqual([saved]);
    expect(await again.annotations.getState(documentId)).toEqual(state);
    expect(await again.annotations.getState(randomUUID())).toBeNull();
    // The unsent edit survived the restart and goes now.
    expect(await pushReached(again)).toMatchObject({ applied: 1 });
    expect((await registerAnnotations()).get(saved.id)?.text).toBe('Jääb alles');

    again.session.cache
      .prepare('UPDATE viewer_state SET state = ? WHERE document_id = ?')
      .run('{"page": ', documentId);
    expect(await again.annotations.getState(documentId)).toBeNull();

    applySyncPage(again.session.cache, [{ kind: 'case-removed', caseId }], readCursor(again.session.cache));
    expect(await again.annotations.list(documentId)).toEqual([]);
    expect(
      again.session.cache.prepare('SELECT count(*) FROM annotations WHERE case_id = ?').pluck().get(caseId),
    ).toBe(0);
  });
});
