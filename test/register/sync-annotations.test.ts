import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningRegister } from '../../src-register/server.js';
import {
  type DocumentAnnotation,
  type SyncMutationResult,
  SyncMutationsResponse,
} from '../../src-shared/register-api/index.js';
import { describeOnBothDatabases } from './databases.js';
import { call } from './http-client.js';
import {
  type StaffMember,
  changesPage,
  changesUntilDone,
  signIn,
  startSyncRegister,
} from './sync-harness.js';

const SECRET = 'Tunnistaja ütlused on vastuolus — privaatne märge';

describeOnBothDatabases('sync annotations', (dbs) => {
  let reg: RunningRegister;
  let staff: Map<string, StaffMember[]>;
  let judge: StaffMember;
  let token: string;
  let otherToken: string;
  let doc: { id: string; case_id: string };
  let restrictedDoc: { id: string; case_id: string };
  let hiddenDocId: string;

  const send = async (mutations: unknown[], as = token): Promise<SyncMutationResult[]> => {
    const res = await call(reg.url, '/api/v1/sync/mutations', { json: { mutations }, token: as });
    expect(res.status).toBe(200);
    return SyncMutationsResponse.parse(res.body).results;
  };
  const put = (
    annotationId: string,
    documentId: string,
    baseVersion: number | null,
    text = SECRET,
    id = randomUUID(),
  ) => ({
    id,
    kind: 'annotation.put',
    baseVersion,
    payload: {
      annotationId,
      documentId,
      page: 2,
      rect: { x: 0.1, y: 0.2, width: 0.5, height: 0.05 },
      kind: 'highlight',
      text,
      color: 'yellow',
    },
  });
  const del = (annotationId: string, baseVersion: number | null, id = randomUUID()) => ({
    id,
    kind: 'annotation.delete',
    baseVersion,
    payload: { annotationId },
  });
  const recordOf = (result: SyncMutationResult | undefined): DocumentAnnotation => {
    if (
      !result ||
      result.status === 'rejected' ||
      result.record.type !== 'annotation' ||
      !result.record.annotation
    )
      throw new Error(`no annotation record in ${JSON.stringify(result)}`);
    return result.record.annotation;
  };
  const feedAnnotations = async (as: string, cursor = '0') =>
    (await changesUntilDone(reg, as, cursor)).changes.flatMap((c) =>
      c.kind === 'annotation' ? [c.annotation] : [],
    );

  beforeAll(async () => {
    ({ reg, staff } = await startSyncRegister(dbs(), 'annotations'));
    judge = staff.get('judge')![0]!;
    token = await signIn(reg, judge.personalCode);
    otherToken = await signIn(reg, staff.get('court_president')![0]!.personalCode);
    const docs = await reg.db.query<{ id: string; case_id: string }>(
      `SELECT d.id, d.case_id FROM documents d JOIN cases c ON c.id = d.case_id
       WHERE c.judge_id = $1 AND c.restriction = 'none' ORDER BY d.number LIMIT 2`,
      [judge.id],
    );
    expect(docs).toHaveLength(2);
    [doc, restrictedDoc] = docs as [typeof doc, typeof doc];
    await reg.db.query('UPDATE documents SET restricted = true WHERE id = $1', [restrictedDoc.id]);
    // A document of a case this judge cannot see: restricted and handled by someone else.
    const [hidden] = await reg.db.query<{ id: string; case_id: string }>(
      `SELECT d.id, d.case_id FROM documents d JOIN cases c ON c.id = d.case_id
       WHERE c.judge_id <> $1 ORDER BY d.number LIMIT 1`,
      [judge.id],
    );
    hiddenDocId = hidden!.id;
    await reg.db.query("UPDATE cases SET restriction = 'adoption' WHERE id = $1", [hidden!.case_id]);
    await reg.db.query(
      `DELETE FROM hearing_judges WHERE user_id = $2 AND hearing_id IN (SELECT id FROM hearings WHERE case_id = $1)`,
      [hidden!.case_id, judge.id],
    );
    await reg.db.query('DELETE FROM case_staff WHERE user_id = $2 AND case_id = $1', [
      hidden!.case_id,
      judge.id,
    ]);
    await reg.db.query('DELETE FROM case_judges WHERE judge_id = $2 AND case_id = $1', [
      hidden!.case_id,
      judge.id,
    ]);
  });
  afterAll(() => reg?.close());

  it('creates, updates and deletes through mutations, and the feed carries each state', async () => {
    const start = (await changesUntilDone(reg, token)).cursor;
    const id = randomUUID();
    const created = recordOf((await send([put(id, doc.id, null)]))[0]);
    expect(created).toMatchObject({
      id,
      documentId: doc.id,
      caseId: doc.case_id,
      text: SECRET,
      deleted: false,
    });
    expect(created.rect).toEqual({ x: 0.1, y: 0.2, width: 0.5, height: 0.05 });
    expect(await feedAnnotations(token, start)).toEqual([created]);

    const updated = recordOf((await send([put(id, doc.id, created.version, 'Teine tekst')]))[0]);
    expect(updated.version).toBeGreaterThan(created.version);
    expect(updated.createdAt).toBe(created.createdAt);
    expect(await feedAnnotations(token, start)).toEqual([updated]);

    // A stale base: nothing changes, the answer carries the register's record.
    const [stale] = await send([put(id, doc.id, created.version, 'Vananenud')]);
    expect(stale).toMatchObject({ status: 'conflict', record: { type: 'annotation', annotation: updated } });
    // Creating an id that exists is stale too.
    expect((await send([put(id, doc.id, null)]))[0]).toMatchObject({ status: 'conflict' });
    expect((await send([del(id, created.version)]))[0]).toMatchObject({ status: 'conflict' });

    const deleted = recordOf((await send([del(id, updated.version)]))[0]);
    expect(deleted).toMatchObject({ id, deleted: true, text: '' });
    expect(deleted.version).toBeGreaterThan(updated.version);
    expect(await feedAnnotations(token, start)).toEqual([deleted]);
    // Deleting again changes nothing; a tombstone is not brought back by a put.
    expect(recordOf((await send([del(id, updated.version)]))[0])).toEqual(deleted);
    expect((await send([put(id, doc.id, deleted.version)]))[0]).toMatchObject({ status: 'conflict' });
    const [stored] = await reg.db.query<{ text: string; deleted: boolean }>(
      'SELECT text, deleted FROM document_annotations WHERE id = $1',
      [id],
    );
    expect(stored).toEqual({ text: '', deleted: true });
  });

  it('annotates a restricted document of a readable case, as its readers may', async () => {
    const [result] = await send([put(randomUUID(), restrictedDoc.id, null)]);
    expect(result).toMatchObject({ status: 'applied' });
  });

  it('never shows an annotation to anyone else, nor lets them change it', async () => {
    const id = randomUUID();
    const mine = recordOf((await send([put(id, doc.id, null)]))[0]);
    // The other user may read the document (their own annotation on it is applied)…
    const theirs = recordOf((await send([put(randomUUID(), doc.id, null, 'Minu oma')], otherToken))[0]);
    // …but never receives this one, and an attempt on its id answers as if there were none.
    const otherFeed = await feedAnnotations(otherToken);
    expect(otherFeed.map((a) => a.id)).toEqual([theirs.id]);
    for (const attempt of [put(id, doc.id, null), put(id, doc.id, mine.version), del(id, mine.version)]) {
      expect((await send([attempt], otherToken))[0]).toMatchObject({ status: 'rejected', code: 'not_found' });
    }
    expect((await feedAnnotations(token)).map((a) => a.id)).not.toContain(theirs.id);
    const [row] = await reg.db.query<{ text: string; version: number }>(
      'SELECT text, version FROM document_annotations WHERE id = $1',
      [id],
    );
    expect(row).toEqual({ text: SECRET, version: mine.version });
  });

  it('answers a document the user may not read exactly like one that does not exist', async () => {
    const [hidden, missing] = await send([
      put(randomUUID(), hiddenDocId, null),
      put(randomUUID(), randomUUID(), null),
    ]);
    expect(hidden).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect(missing).toMatchObject({ status: 'rejected', code: 'not_found' });
    const shape = (r: SyncMutationResult | undefined) =>
      r?.status === 'rejected' ? r.reason.replace(/[0-9a-f-]{36}/g, 'ID') : null;
    expect(shape(hidden)).toBe(shape(missing));
    const [count] = await reg.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM document_annotations WHERE document_id = $1',
      [hiddenDocId],
    );
    expect(count!.n).toBe(0);
  });

  it('applies a mutation id once and logs each write without its text', async () => {
    const id = randomUUID();
    const mutation = put(id, doc.id, null);
    const [first] = await send([mutation]);
    expect(await send([mutation, mutation])).toEqual([first, first]);
    const versions = await reg.db.query('SELECT version FROM document_annotations WHERE id = $1', [id]);
    expect(versions).toHaveLength(1);
    await send([del(id, recordOf(first).version)]);
    const audits = await reg.db.query<{
      action: string;
      object_type: string;
      object_id: string;
      details: unknown;
    }>(
      `SELECT action, object_type, object_id, details FROM audit_log WHERE details->>'annotationId' = $1 ORDER BY seq`,
      [id],
    );
    expect(audits.map((a) => [a.action, a.object_type, a.object_id])).toEqual([
      ['annotation.put', 'document', doc.id],
      ['annotation.delete', 'document', doc.id],
    ]);
    const logged = JSON.stringify(audits);
    expect(logged).not.toContain('Tunnistaja');
    expect(logged).toContain(mutation.id);
  });

  it('pages annotations with the rest of the feed in version order', async () => {
    const page = await changesPage(reg, token, '0', 500);
    const positions = page.changes.flatMap((c) => (c.kind === 'annotation' ? [c.annotation.version] : []));
    expect(positions.length).toBeGreaterThan(0);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});
