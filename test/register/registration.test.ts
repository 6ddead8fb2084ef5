import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  CaseFileResponse,
  RegistrationResponse,
  SessionResponse,
} from '../../src-shared/register-api/index.js';
import { FolderBlobStore } from '../../src-register/blobs/folder-blob-store.js';
import { createPlanVersion } from '../../src-register/domain/allocation/plans.js';
import { type RunningRegister, startRegister } from '../../src-register/server.js';
import { describeOnBothDatabases } from './databases.js';
import { call } from './http-client.js';
import {
  PDF_BYTES,
  addStaff,
  badPersonalCode,
  civilRequest,
  freshPersonalCode,
} from './registration-fixtures.js';

const TLRK = { code: 'TLRK', name: 'Tallinna Ringkonnakohus', level: 2 };
const RK = { code: 'RK', name: 'Riigikohus', level: 3 };
type ErrorAnswer = { error: { code: string; message: string } };

describeOnBothDatabases('case registration', (dbs) => {
  let reg: RunningRegister;
  let blobDir: string;
  const tokens: Record<'chancery' | 'judge' | 'circuit' | 'supreme', string> = {
    chancery: '',
    judge: '',
    circuit: '',
    supreme: '',
  };
  let chanceryId = '';
  const signIn = async (personalCode: string) =>
    SessionResponse.parse((await call(reg.url, '/api/v1/dev/sign-in', { json: { personalCode } })).body)
      .token;
  const register = (body: unknown, token = tokens.chancery) =>
    call<unknown>(reg.url, '/api/v1/cases', { token, json: body });
  const registered = async (body: unknown) => {
    const res = await register(body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return RegistrationResponse.parse(res.body);
  };
  const counts = async () =>
    (
      await reg.db.query<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM parties) AS parties,
                (SELECT count(*)::int FROM documents) AS documents, (SELECT count(*)::int FROM audit_log) AS audit,
                (SELECT count(*)::int FROM proceedings) AS proceedings, (SELECT count(*)::int FROM case_aliases) AS aliases,
                (SELECT coalesce(sum(next), 0)::int FROM case_number_counters) AS counters`,
      )
    )[0]!;
  const running = (number: string) => Number(number.split('-')[2]);

  beforeAll(async () => {
    blobDir = path.join(dbs().scratch, 'blobs');
    reg = await startRegister({
      db: await dbs().create('registration'),
      host: '127.0.0.1',
      port: 0,
      devSignIn: true,
      production: false,
      blobDir,
      seedDemo: true,
      demoCaseCount: 6,
      logLevel: 'silent',
    });
    const staffOf = (role: string) =>
      reg.db.query<{ id: string; personal_code: string }>(
        `SELECT u.id, u.personal_code FROM users u JOIN role_assignments r ON r.user_id = u.id
         WHERE r.role = $1 AND r.court_code = 'HMK' ORDER BY u.name LIMIT 1`,
        [role],
      );
    const [chancery] = await staffOf('chancery_official');
    const [judge] = await staffOf('judge');
    chanceryId = chancery!.id;
    tokens.chancery = await signIn(chancery!.personal_code);
    tokens.judge = await signIn(judge!.personal_code);
    tokens.circuit = await signIn((await addStaff(reg.db, 'chancery_official', TLRK)).personalCode);
    tokens.supreme = await signIn((await addStaff(reg.db, 'chancery_official', RK)).personalCode);
  });
  afterAll(() => reg?.close());

  it('registers a case with parties and a document in one request, and audits every row it creates', async () => {
    const auditBefore = (await counts()).audit;
    const answer = await registered(civilRequest());
    const { case: snapshot } = answer;
    expect(answer.number).toMatch(/^2-\d{2}-\d+$/);
    expect(snapshot).toMatchObject({ number: answer.number, status: 'registered', court: { code: 'HMK' } });
    expect(snapshot.claimValueCents).toBe(123_400);
    expect(snapshot.parties.map((p) => [p.kind, p.role, p.code?.length])).toEqual([
      ['legal', 'plaintiff', 8],
      ['natural', 'defendant', 11],
    ]);
    expect(snapshot.documents.map((d) => d.number)).toEqual([`${answer.number}/1`]);
    const sha256 = createHash('sha256').update(PDF_BYTES).digest('hex');
    expect(snapshot.documents[0]).toMatchObject({ sha256, size: PDF_BYTES.byteLength });
    expect(await new FolderBlobStore(blobDir).get(sha256)).toEqual(PDF_BYTES);
    expect(snapshot.steps.map((s) => s.kind).sort()).toEqual(['judge_assigned', 'registered']);
    const [step] = await reg.db.query<{ entered_by: string }>(
      "SELECT entered_by FROM procedural_steps WHERE case_id = $1 AND kind = 'registered'",
      [snapshot.id],
    );
    expect(step!.entered_by).toBe(chanceryId);
    const allocation = answer.allocation!;
    expect(allocation.judges).toHaveLength(1);
    expect(allocation.record).toMatchObject({ kind: 'draw', caseId: snapshot.id, seq: allocation.logSeq });
    expect(allocation.record.judgeIds).toEqual([allocation.judges[0]!.id]);
    expect(allocation.record.draw!.candidates.length).toBeGreaterThan(1);
    expect(snapshot.judge).toEqual(allocation.judges[0]);
    expect(answer.allocationNote).toBeNull();
    expect(answer.proceedings).toEqual([
      expect.objectContaining({ seq: 1, courtCode: 'HMK', level: 1, kind: 'first_instance', endedAt: null }),
    ]);
    expect(answer.proceedings[0]!.judgeIds).toEqual([allocation.judges[0]!.id]);

    const audit = await reg.db.query<{ action: string; actor_user_id: string; actor_personal_code: string }>(
      'SELECT action, actor_user_id, actor_personal_code FROM audit_log WHERE id > $1 ORDER BY id',
      [auditBefore],
    );
    expect(audit.map((a) => a.action).sort()).toEqual(
      ['case.create', 'document.create', 'party.create', 'party.create', 'proceeding.create'].sort(),
    );
    expect(new Set(audit.map((a) => a.actor_user_id))).toEqual(new Set([chanceryId]));
  });

  it('numbers cases of one type and year in sequence and documents /1…/n, inline or uploaded', async () => {
    const uploaded = await new FolderBlobStore(blobDir).put(new TextEncoder().encode('an uploaded file'));
    const first = await registered(civilRequest());
    const second = await registered(
      civilRequest({
        documents: [
          { title: 'Hagi', kind: 'claim', mediaType: 'application/pdf', content: 'JVBERi0=' },
          { title: 'Lisa 1', kind: 'annex', mediaType: 'text/plain', sha256: uploaded.sha256 },
          { title: 'Lisa 2', kind: 'annex', mediaType: 'application/pdf', content: 'JVBERi0xLjQ=' },
        ],
      }),
    );
    expect(running(second.number)).toBe(running(first.number) + 1);
    expect(second.case.documents.map((d) => d.number)).toEqual([1, 2, 3].map((d) => `${second.number}/${d}`));
    expect(second.case.documents[1]).toMatchObject({ sha256: uploaded.sha256, size: uploaded.size });
    const criminal = await registered(
      civilRequest({
        procedureType: 'criminal',
        claimValueCents: null,
        parties: [
          { kind: 'legal', name: 'Prokuratuur', registryCode: '70000906', role: 'prosecutor' },
          { kind: 'natural', name: 'Jaan Tamm', personalCode: freshPersonalCode(), role: 'accused' },
        ],
      }),
    );
    expect(criminal.number).toMatch(/^1-\d{2}-\d+$/);
  });

  it('sends a refiled claim (same parties and subject) to the judge of the first case, and says so', async () => {
    const body = civilRequest({ documents: [] });
    const first = await registered(body);
    const again = await registered(body);
    expect(again.number).not.toBe(first.number);
    expect(again.allocation!.record).toMatchObject({
      kind: 'refiling',
      earlierCase: { id: first.case.id, number: first.number },
    });
    expect(again.allocation!.judges).toEqual(first.allocation!.judges);
  });

  it('gives 50 concurrent registrations 50 distinct numbers without a gap', async () => {
    const before = running((await registered(civilRequest({ documents: [] }))).number);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => register(civilRequest({ documents: [] }))),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));
    const numbers = answers
      .map((a) => running(RegistrationResponse.parse(a.body).number))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => before + 1 + i));
  });

  it('writes nothing and leaves no gap when a registration fails half-way', async () => {
    const first = await registered(civilRequest({ formerNumbers: ['2-16-4242'] }));
    const before = await counts();
    const failed = await register(civilRequest({ formerNumbers: ['3-2-1-99-05', '2-16-4242'] }));
    expect(failed.status).toBe(409);
    expect((failed.body as ErrorAnswer).error.message).toMatch(/2-16-4242/);
    expect(await counts()).toEqual(before);
    const next = await registered(civilRequest());
    expect(running(next.number)).toBe(running(first.number) + 1);
  });

  it('refuses bad input with 400 and a reason, and changes nothing', async () => {
    const before = await counts();
    const oversized = Buffer.alloc(512 * 1024 + 1, 7).toString('base64');
    const natural = (personalCode: string, role = 'defendant') => ({
      kind: 'natural',
      name: 'Mari Maasikas',
      personalCode,
      role,
    });
    const plaintiff = { kind: 'legal', name: 'Näidis OÜ', registryCode: '12345678', role: 'plaintiff' };
    const bad: [unknown, RegExp][] = [
      [
        civilRequest({ parties: [plaintiff, natural(badPersonalCode())] } as never),
        /parties\.1\.personalCode/,
      ],
      [
        civilRequest({ parties: [plaintiff, natural(freshPersonalCode(), 'accused')] } as never),
        /parties\.1\.role.*"accused"/,
      ],
      [
        civilRequest({ parties: [{ ...plaintiff, registryCode: '1234567' }] } as never),
        /registryCode: must be an 8-digit/,
      ],
      [civilRequest({ courtCode: 'XXK' }), /courtCode: no court XXK/],
      [civilRequest({ courtCode: 'hmk' }), /courtCode/],
      [
        civilRequest({
          documents: [{ title: 'Suur', kind: 'claim', mediaType: 'application/pdf', content: oversized }],
        }),
        /documents\.0\.content: at most 524288 bytes/,
      ],
      [
        civilRequest({
          documents: [
            { title: 'Puudub', kind: 'claim', mediaType: 'application/pdf', sha256: 'b'.repeat(64) },
          ],
        }),
        /documents\.0\.sha256: no uploaded file/,
      ],
      [
        civilRequest({
          documents: [{ title: 'X', kind: 'claim', mediaType: 'application/zip', content: 'AA==' }],
        } as never),
        /mediaType/,
      ],
      [civilRequest({ procedureType: 'misdemeanour' }), /claimValueCents: only civil/],
      [civilRequest({ parties: [] }), /parties/],
      [civilRequest({ formerNumbers: ['nonsense'] }), /formerNumbers\.0/],
      [civilRequest({ subject: 'nul\u0000byte' }), /subject: must not contain NUL/],
      [{ ...civilRequest(), unknownField: 1, subject: '' }, /subject/],
    ];
    for (const [body, reason] of bad) {
      const res = await register(body);
      expect({ status: res.status, reason: reason.source }).toEqual({ status: 400, reason: reason.source });
      expect((res.body as ErrorAnswer).error.code).toBe('invalid_input');
      expect((res.body as ErrorAnswer).error.message).toMatch(reason);
    }
    expect(await counts()).toEqual(before);
  });

  it('lists the endpoints in the OpenAPI document, registration answering 201', async () => {
    const doc = (
      await call<{ paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }>(
        reg.url,
        '/api/v1/openapi.json',
      )
    ).body;
    expect(Object.keys(doc.paths['/api/v1/cases']!.post!.responses)).toContain('201');
    expect(doc.paths['/api/v1/cases/{caseId}/appeal']!.post!.responses).toHaveProperty('201');
    expect(doc.paths['/api/v1/cases/by-number/{number}']!.get!.responses).toHaveProperty('200');
  });

  it('lets only the chancery of the court register: a judge gets 403, no session 401', async () => {
    const before = await counts();
    const judge = await register(civilRequest(), tokens.judge);
    expect(judge.status).toBe(403);
    expect((judge.body as ErrorAnswer).error.code).toBe('forbidden');
    expect((await register(civilRequest({ courtCode: 'TLRK' }))).status).toBe(403);
    expect((await call(reg.url, '/api/v1/cases', { json: civilRequest() })).status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('takes a case on appeal: same number, a new proceeding at the higher court', async () => {
    const supremeJudges = await Promise.all(
      [1, 2, 3].map(async () => (await addStaff(reg.db, 'judge', RK)).id),
    );
    await reg.db.transaction((tx) =>
      createPlanVersion(
        tx,
        'RK',
        {
          reason: 'Tsiviilkolleegium',
          entries: supremeJudges.map((judgeId) => ({
            judgeId,
            procedureTypes: ['civil'],
            categories: null,
            weight: 1,
            panelMember: true,
          })),
          exclusions: [],
          panelProcedureTypes: ['civil'],
        },
        { userId: null },
      ),
    );
    const first = await registered(civilRequest());
    const appeal = (court: string, token: string, caseId = first.case.id) =>
      call<unknown>(reg.url, `/api/v1/cases/${caseId}/appeal`, { token, json: { courtCode: court } });
    expect((await appeal('TLRK', tokens.chancery)).status).toBe(403);
    const res = await appeal('TLRK', tokens.circuit);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const appealed = RegistrationResponse.parse(res.body);
    expect(appealed.number).toBe(first.number);
    expect(appealed.case.court.code).toBe('TLRK');
    expect(appealed.proceedings.map((p) => [p.seq, p.courtCode, p.kind, p.endedAt === null])).toEqual([
      [1, 'HMK', 'first_instance', false],
      [2, 'TLRK', 'appeal', true],
    ]);
    expect(appealed.case.steps.map((s) => s.kind)).toContain('appeal_registered');
    expect(appealed.allocation).toBeNull();
    expect(appealed.allocationNote).toMatch(/no judge was allocated: .*TLRK has no allocation plan/);
    expect(appealed.case.judge).toBeNull();
    expect((await appeal('TLRK', tokens.circuit)).status).toBe(409);
    const cassation = RegistrationResponse.parse((await appeal('RK', tokens.supreme)).body);
    expect(cassation.proceedings.map((p) => p.kind)).toEqual(['first_instance', 'appeal', 'cassation']);
    expect(cassation.number).toBe(first.number);
    expect(cassation.allocation!.judges.map((j) => j.id).sort()).toEqual([...supremeJudges].sort());
    expect(cassation.proceedings[2]!.judgeIds).toEqual(cassation.allocation!.judges.map((j) => j.id));
    expect(cassation.case.judge).toEqual(cassation.allocation!.judges[0]);
    expect((await appeal('RK', tokens.supreme, randomUUID())).status).toBe(404);
    const actions = await reg.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE details->>'caseId' = $1 AND action = 'proceeding.create'",
      [first.case.id],
    );
    expect(actions).toHaveLength(3);
  });

  it('finds a case by its number or a former number, for those who may read it', async () => {
    const answer = await registered(
      civilRequest({
        procedureType: 'administrative',
        claimValueCents: null,
        parties: [
          { kind: 'natural', name: 'Kaebaja', personalCode: freshPersonalCode(), role: 'complainant' },
          { kind: 'legal', name: 'Maksu- ja Tolliamet', registryCode: '70000349', role: 'respondent' },
        ],
        formerNumbers: ['3-3-1-161-05'],
      }),
    );
    const lookup = (number: string, token = tokens.judge) =>
      call<unknown>(reg.url, `/api/v1/cases/by-number/${number}`, { token });
    for (const number of [answer.number, '3-3-1-161-05']) {
      const res = await lookup(number);
      expect(res.status).toBe(200);
      const file = CaseFileResponse.parse(res.body);
      expect(file.case.id).toBe(answer.case.id);
      expect(file.formerNumbers).toEqual(['3-3-1-161-05']);
      expect(file.proceedings).toHaveLength(1);
    }
    expect((await lookup('3-3-1-999-05')).status).toBe(404);
    expect((await lookup(answer.number, tokens.circuit)).status).toBe(404);
    const closed = await registered(civilRequest({ restriction: 'closed' }));
    // Its registrar reads the court's cases but does not handle this one (a judge might: the drawn one).
    expect((await lookup(closed.number, tokens.chancery)).status).toBe(404);
    expect((await lookup(answer.number, tokens.chancery)).status).toBe(200);
    const [drawn] = await reg.db.query<{ personal_code: string }>(
      'SELECT personal_code FROM users WHERE id = $1',
      [closed.allocation!.judges[0]!.id],
    );
    expect((await lookup(closed.number, await signIn(drawn!.personal_code))).status).toBe(200);
    const reads = await reg.db.query<{ actor_user_id: string }>(
      "SELECT actor_user_id FROM audit_log WHERE action = 'case.read' AND object_id = $1",
      [closed.case.id],
    );
    expect(reads.map((r) => r.actor_user_id)).toEqual([closed.allocation!.judges[0]!.id]);
  });

  it('answers a retried request id with the first registration, and refuses the id for another', async () => {
    const requestId = randomUUID();
    const body = civilRequest({ requestId });
    const [a, b] = await Promise.all([register(body), register(body)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(RegistrationResponse.parse(b.body).number).toBe(RegistrationResponse.parse(a.body).number);
    const again = RegistrationResponse.parse((await register(body)).body);
    expect(again.number).toBe(RegistrationResponse.parse(a.body).number);
    const [{ n }] = (await reg.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM cases WHERE number = $1',
      [again.number],
    )) as [{ n: number }];
    expect(n).toBe(1);
    expect((await register({ ...body, subject: 'Teine asi' })).status).toBe(409);
  });
});
