import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FolderBlobStore } from '../../src-register/blobs/folder-blob-store.js';
import { buildApp } from '../../src-register/http/app.js';
import type { RunningRegister } from '../../src-register/server.js';
import { describeOnBothDatabases } from './databases.js';
import { type StaffMember, counts, signIn, startSyncRegister } from './sync-harness.js';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
// Buffer comparison: a deep equality of megabytes of PDF would dominate the test's time.
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describeOnBothDatabases('documents by content hash', (dbs) => {
  let reg: RunningRegister;
  let staff: Map<string, StaffMember[]>;
  let blobs: FolderBlobStore;
  let judgeToken: string;
  let doc: { id: string; sha256: string; size: number; case_id: string };
  let file: Uint8Array;

  const request = async (
    url: string,
    init: { token?: string; method?: string; body?: Uint8Array; range?: string; ifRange?: string } = {},
  ) => {
    const headers: Record<string, string> = {};
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.range) headers.range = init.range;
    if (init.ifRange) headers['if-range'] = init.ifRange;
    if (init.body) headers['content-type'] = 'application/octet-stream';
    const res = await fetch(`${reg.url}${url}`, { method: init.method ?? 'GET', headers, body: init.body });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const json = res.headers.get('content-type')?.startsWith('application/json')
      ? (JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>)
      : undefined;
    return { status: res.status, headers: res.headers, bytes, json };
  };

  beforeAll(async () => {
    ({ reg, staff } = await startSyncRegister(dbs(), 'blobs'));
    blobs = new FolderBlobStore(path.join(dbs().scratch, 'blobs-blobs'));
    const judge = staff.get('judge')![0]!;
    judgeToken = await signIn(reg, judge.personalCode);
    [doc] = (await reg.db.query(
      `SELECT d.id, d.sha256, d.size, d.case_id FROM documents d JOIN cases c ON c.id = d.case_id
       WHERE c.judge_id = $1 AND c.restriction = 'none' ORDER BY d.number LIMIT 1`,
      [judge.id],
    )) as [typeof doc];
    file = (await blobs.get(doc.sha256))!;
    expect(file.byteLength).toBe(doc.size);
  });
  afterAll(() => reg?.close());

  it('uploads bytes that match their address, once, for users who may add to the case', async () => {
    const bytes = new Uint8Array(randomBytes(5000));
    const hash = sha(bytes);
    const put = (hashInUrl: string, token = judgeToken, caseId = doc.case_id, body = bytes) =>
      request(`/api/v1/blobs/${hashInUrl}?caseId=${caseId}`, { method: 'PUT', token, body });

    const observer = await signIn(reg, staff.get('observer')![0]!.personalCode);
    const before = await counts(reg);
    const wrong = await put(sha(new Uint8Array([1, 2, 3])));
    expect(wrong.status).toBe(400);
    expect(wrong.json).toMatchObject({
      error: { code: 'invalid_input', message: expect.stringMatching(/SHA-256/) },
    });
    expect(
      (await request(`/api/v1/blobs/${hash}?caseId=${doc.case_id}`, { method: 'PUT', token: judgeToken }))
        .status,
    ).toBe(400);
    expect(
      (await request(`/api/v1/blobs/${hash}`, { method: 'PUT', token: judgeToken, body: bytes })).status,
    ).toBe(400);
    expect((await put('NOT-A-HASH')).status).toBe(400);
    expect((await put(hash, 'x'.repeat(43))).status).toBe(401);
    expect((await put(hash, observer)).status).toBe(403);
    expect((await put(hash, judgeToken, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect(await blobs.has(hash)).toBe(false);
    expect(await counts(reg)).toEqual(before);

    const created = await put(hash);
    expect(created.status).toBe(200);
    expect(created.json).toEqual({ sha256: hash, size: 5000, created: true });
    expect(await blobs.get(hash)).toEqual(bytes);
    expect((await put(hash)).json).toEqual({ sha256: hash, size: 5000, created: false });
    const audit = await reg.db.query(
      "SELECT 1 FROM audit_log WHERE action = 'blob.upload' AND object_id = $1",
      [hash],
    );
    expect(audit).toHaveLength(2);
    // Uploaded but in no document yet: nobody downloads it by hash.
    expect((await request(`/api/v1/blobs/${hash}`, { token: judgeToken })).status).toBe(404);
  });

  it('refuses an upload over the size limit with 413 and stores nothing', async () => {
    const deps = {
      db: reg.db,
      blobs,
      devSignIn: false,
      version: 'test',
      logLevel: 'silent',
      maxBlobBytes: 1024,
    };
    const app = buildApp(deps);
    try {
      const big = new Uint8Array(randomBytes(1025));
      const res = await app.inject({
        method: 'PUT',
        url: `/api/v1/blobs/${sha(big)}?caseId=${doc.case_id}`,
        headers: { authorization: `Bearer ${judgeToken}`, 'content-type': 'application/pdf' },
        payload: Buffer.from(big),
      });
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ error: { code: 'invalid_input' } });
      expect(await blobs.has(sha(big))).toBe(false);
      const small = new Uint8Array(randomBytes(1024));
      const ok = await app.inject({
        method: 'PUT',
        url: `/api/v1/blobs/${sha(small)}?caseId=${doc.case_id}`,
        headers: { authorization: `Bearer ${judgeToken}`, 'content-type': 'application/pdf' },
        payload: Buffer.from(small),
      });
      expect(ok.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('downloads a file by hash for users who may see a case with it, and no one else', async () => {
    const res = await request(`/api/v1/blobs/${doc.sha256}`, { token: judgeToken });
    expect(res.status).toBe(200);
    expect(same(res.bytes, file)).toBe(true);
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('etag')).toBe(`"${doc.sha256}"`);
    await reg.db.query("UPDATE cases SET restriction = 'closed' WHERE id = $1", [doc.case_id]);
    const other = await signIn(reg, staff.get('judge')![1]!.personalCode);
    const others = await reg.db.query('SELECT 1 FROM documents WHERE sha256 = $1 AND case_id <> $2', [
      doc.sha256,
      doc.case_id,
    ]);
    if (others.length === 0)
      expect((await request(`/api/v1/blobs/${doc.sha256}`, { token: other })).status).toBe(404);
    expect((await request(`/api/v1/blobs/${doc.sha256}`, { token: judgeToken })).status).toBe(200);
    await reg.db.query("UPDATE cases SET restriction = 'none' WHERE id = $1", [doc.case_id]);
    expect((await request(`/api/v1/blobs/${doc.sha256}`)).status).toBe(401);
  });

  for (const route of ['blob', 'document'] as const) {
    it(`serves byte ranges of a ${route} (206, suffix, open-ended, 416; several ranges → the whole file)`, async () => {
      const url = route === 'blob' ? `/api/v1/blobs/${doc.sha256}` : `/api/v1/documents/${doc.id}/content`;
      const size = file.byteLength;
      const get = (range: string, ifRange?: string) => request(url, { token: judgeToken, range, ifRange });
      const partial = async (range: string, start: number, end: number) => {
        const res = await get(range);
        expect({ range, status: res.status }).toEqual({ range, status: 206 });
        expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${size}`);
        expect(res.headers.get('content-length')).toBe(String(end - start + 1));
        expect(same(res.bytes, file.subarray(start, end + 1))).toBe(true);
      };
      await partial('bytes=0-4', 0, 4);
      expect(new TextDecoder().decode((await get('bytes=0-4')).bytes)).toBe('%PDF-');
      await partial('bytes=-100', size - 100, size - 1);
      await partial('bytes=100-', 100, size - 1);
      await partial(`bytes=10-${size + 1000}`, 10, size - 1);
      await partial(`bytes=-${size + 5}`, 0, size - 1);
      for (const range of [`bytes=${size}-`, `bytes=${size + 10}-${size + 20}`, 'bytes=-0']) {
        const res = await get(range);
        expect({ range, status: res.status }).toEqual({ range, status: 416 });
        expect(res.headers.get('content-range')).toBe(`bytes */${size}`);
      }
      for (const [range, ifRange] of [
        ['bytes=0-1,4-5'],
        ['items=0-1'],
        ['bytes=5-1'],
        ['bytes=0-4', '"stale"'],
      ]) {
        const res = await get(range!, ifRange);
        expect({ range, status: res.status }).toEqual({ range, status: 200 });
        expect(same(res.bytes, file)).toBe(true);
      }
      await partial('bytes=0-4', 0, 4);
      const matching = await get('bytes=0-4', `"${doc.sha256}"`);
      expect(matching.status).toBe(206);
    });
  }
});
