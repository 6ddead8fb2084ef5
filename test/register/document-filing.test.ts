import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningRegister } from '../../src-register/server.js';
import { type SyncMutationResult, SyncMutationsResponse } from '../../src-shared/register-api/index.js';
import { describeOnBothDatabases } from './databases.js';
import { call } from './http-client.js';
import { type StaffMember, changesUntilDone, signIn, startSyncRegister } from './sync-harness.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describeOnBothDatabases('filing a document (case.document.file)', (dbs) => {
  let reg: RunningRegister;
  let judge: StaffMember;
  let judgeToken: string;
  let secretaryToken: string;
  let secretary: StaffMember;
  /** A case of the judge with a hearing whose secretary is `secretary`. */
  let caseId: string;
  let hearingId: string;
  let otherHearingId: string;
  /** A case the judge may not see (adoption, someone else's). */
  let hiddenCaseId: string;

  const send = async (mutations: unknown[], as: string): Promise<SyncMutationResult[]> => {
    const res = await call(reg.url, '/api/v1/sync/mutations', { json: { mutations }, token: as });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return SyncMutationsResponse.parse(res.body).results;
  };
  const upload = async (text: string, forCase: string, as: string) => {
    const sha256 = createHash('sha256').update(text).digest('hex');
    const res = await call(reg.url, `/api/v1/blobs/${sha256}?caseId=${forCase}`, {
      method: 'PUT',
      rawBody: text,
      contentType: 'application/octet-stream',
      token: as,
    });
    return { status: res.status, sha256, size: Buffer.byteLength(text) };
  };
  const fileDecision = (
    file: { sha256: string; size: number },
    overrides: Record<string, unknown> = {},
    id = randomUUID(),
  ) => ({
    id,
    kind: 'case.document.file',
    baseVersion: null,
    payload: {
      documentId: randomUUID(),
      caseId,
      kind: 'decision',
      title: 'Kohtuotsus',
      sha256: file.sha256,
      size: file.size,
      mediaType: DOCX,
      decisionKind: 'judgment',
      hearingId: null,
      occurredAt: '2026-11-30T10:00:00+02:00',
      ...overrides,
    },
  });
  const state = async () => {
    const [row] = await reg.db.query<{
      docs: number;
      steps: number;
      decisions: number;
      status: string;
      version: string;
    }>(
      `SELECT (SELECT count(*)::int FROM documents WHERE case_id = $1) AS docs,
              (SELECT count(*)::int FROM procedural_steps WHERE case_id = $1) AS steps,
              (SELECT count(*)::int FROM decisions WHERE case_id = $1) AS decisions,
              status, version::text FROM cases WHERE id = $1`,
      [caseId],
    );
    return row!;
  };
  const filedRecord = (result: SyncMutationResult | undefined) => {
    if (result?.status !== 'applied' || result.record.type !== 'filed-document')
      throw new Error(`not filed: ${JSON.stringify(result)}`);
    return result.record;
  };

  beforeAll(async () => {
    const started = await startSyncRegister(dbs(), 'filing');
    reg = started.reg;
    const judges = started.staff.get('judge')!;
    const [target] = await reg.db.query<{
      case_id: string;
      hearing_id: string;
      secretary_id: string;
      judge_id: string;
    }>(
      `SELECT c.id AS case_id, h.id AS hearing_id, h.secretary_id, c.judge_id FROM cases c
       JOIN hearings h ON h.case_id = c.id
       WHERE c.judge_id = ANY($1::uuid[]) AND c.restriction = 'none' AND c.status <> 'closed'
         AND h.secretary_id IS NOT NULL
       ORDER BY c.number LIMIT 1`,
      [judges.map((j) => j.id)],
    );
    expect(target).toBeDefined();
    judge = judges.find((j) => j.id === target!.judge_id)!;
    judgeToken = await signIn(reg, judge.personalCode);
    caseId = target!.case_id;
    hearingId = target!.hearing_id;
    await reg.db.query("UPDATE cases SET status = 'in_progress' WHERE id = $1", [caseId]);
    const [personal] = await reg.db.query<{ personal_code: string }>(
      'SELECT personal_code FROM users WHERE id = $1',
      [target!.secretary_id],
    );
    secretary = {
      id: target!.secretary_id,
      personalCode: personal!.personal_code,
      role: 'court_session_secretary',
    };
    secretaryToken = await signIn(reg, secretary.personalCode);
    const [other] = await reg.db.query<{ id: string; case_id: string }>(
      'SELECT id, case_id FROM hearings WHERE case_id <> $1 LIMIT 1',
      [caseId],
    );
    otherHearingId = other!.id;
    const [hidden] = await reg.db.query<{ id: string }>(
      'SELECT id FROM cases WHERE judge_id <> $1 ORDER BY number LIMIT 1',
      [judge.id],
    );
    hiddenCaseId = hidden!.id;
    await reg.db.query("UPDATE cases SET restriction = 'adoption' WHERE id = $1", [hiddenCaseId]);
    await reg.db.query(
      `DELETE FROM hearing_judges WHERE user_id = $2 AND hearing_id IN (SELECT id FROM hearings WHERE case_id = $1)`,
      [hiddenCaseId, judge.id],
    );
    await reg.db.query('DELETE FROM case_staff WHERE user_id = $2 AND case_id = $1', [
      hiddenCaseId,
      judge.id,
    ]);
    await reg.db.query('DELETE FROM case_judges WHERE judge_id = $2 AND case_id = $1', [
      hiddenCaseId,
      judge.id,
    ]);
  });
  afterAll(() => reg?.close());

  it('files an uploaded decision as the next /D with a step, the status, an audit entry and a feed change', async () => {
    const readerToken = secretaryToken;
    const cursor = (await changesUntilDone(reg, readerToken)).cursor;
    const [{ max }] = (await reg.db.query<{ max: number }>(
      `SELECT coalesce(max(split_part(number, '/', 2)::integer), 0) AS max FROM documents WHERE case_id = $1`,
      [caseId],
    )) as [{ max: number }];
    const before = await state();
    const file = await upload('PK decision bytes one', caseId, judgeToken);
    expect(file.status).toBe(200);
    const mutation = fileDecision(file);
    const record = filedRecord((await send([mutation], judgeToken))[0]);
    const [number] = (await reg.db.query<{ number: string }>('SELECT number FROM cases WHERE id = $1', [
      caseId,
    ])) as [{ number: string }];
    expect(record.documentNumber).toBe(`${number.number}/${max + 1}`);
    expect(record.documentId).toBe(mutation.payload.documentId);
    const doc = record.case.documents.find((d) => d.id === record.documentId);
    expect(doc).toMatchObject({
      number: record.documentNumber,
      kind: 'judgment',
      title: 'Kohtuotsus',
      sha256: file.sha256,
    });
    const step = record.case.steps.find(
      (s) => s.kind === 'decided' && s.description.includes(record.documentNumber),
    );
    expect(step?.description).toBe(`Kohtuotsus ${record.documentNumber}`);
    expect(record.case.status).toBe('decided');
    const after = await state();
    expect(after).toMatchObject({ docs: before.docs + 1, steps: before.steps + 1, status: 'decided' });
    expect(BigInt(after.version)).toBeGreaterThan(BigInt(before.version));
    expect(record.case.version).toBe(Number(after.version));

    const audit = await reg.db.query<{ details: Record<string, unknown>; actor_user_id: string }>(
      `SELECT details, actor_user_id FROM audit_log WHERE action = 'document.file' AND object_id = $1`,
      [record.documentId],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_user_id: judge.id,
      details: { caseId, documentNumber: record.documentNumber, kind: 'decision', sha256: file.sha256 },
    });

    // Another reader of the case (its hearing's secretary) is sent the case with the new document.
    const feed = (await changesUntilDone(reg, readerToken, cursor)).changes;
    const sent = feed.flatMap((c) => (c.kind === 'case' && c.case.id === caseId ? [c.case] : []));
    expect(sent.at(-1)?.documents.map((d) => d.number)).toContain(record.documentNumber);

    // A retry of the same mutation, and the same document under a new mutation id, answer the first result.
    const again = filedRecord((await send([mutation], judgeToken))[0]);
    expect(again.documentNumber).toBe(record.documentNumber);
    const sameDoc = filedRecord((await send([{ ...mutation, id: randomUUID() }], judgeToken))[0]);
    expect(sameDoc.documentNumber).toBe(record.documentNumber);
    expect(await state()).toMatchObject({ docs: after.docs, steps: after.steps, version: after.version });
  });

  it('files minutes of a hearing of the case; a ruling adds ruling_made without deciding', async () => {
    await reg.db.query("UPDATE cases SET status = 'in_progress' WHERE id = $1", [caseId]);
    const minutes = await upload('PK minutes bytes', caseId, secretaryToken);
    expect(minutes.status).toBe(200);
    const filed = filedRecord(
      (
        await send(
          [
            fileDecision(minutes, {
              kind: 'minutes',
              title: 'Kohtuistungi protokoll',
              decisionKind: null,
              hearingId,
            }),
          ],
          secretaryToken,
        )
      )[0],
    );
    expect(
      filed.case.steps.some(
        (s) => s.kind === 'minutes_filed' && s.description.endsWith(filed.documentNumber),
      ),
    ).toBe(true);
    expect(filed.case.documents.find((d) => d.id === filed.documentId)?.kind).toBe('minutes');

    const ruling = await upload('PK ruling bytes', caseId, judgeToken);
    const ruled = filedRecord(
      (await send([fileDecision(ruling, { title: 'Kohtumäärus', decisionKind: 'ruling' })], judgeToken))[0],
    );
    expect(ruled.case.steps.some((s) => s.kind === 'ruling_made')).toBe(true);
    expect(ruled.case.status).toBe('in_progress');
    const numbers = [filed.documentNumber, ruled.documentNumber].map((n) => Number(n.split('/')[1]));
    expect(numbers[1]).toBe(numbers[0]! + 1);
  });

  it('refuses without changing anything: not uploaded, wrong role, a stranger, a wrong hearing', async () => {
    const before = await state();
    const [{ audit }] = (await reg.db.query<{ audit: number }>(
      `SELECT count(*)::int AS audit FROM audit_log WHERE action = 'document.file'`,
    )) as [{ audit: number }];

    // Bytes never uploaded; and bytes uploaded, but for another case.
    const never = { sha256: createHash('sha256').update('never sent').digest('hex'), size: 10 };
    const [notUploaded] = await send([fileDecision(never)], judgeToken);
    expect(notUploaded).toMatchObject({ status: 'rejected', code: 'invalid_input' });
    expect(notUploaded?.status === 'rejected' && notUploaded.reason).toMatch(/upload the file first/);
    const [elsewhere] = await reg.db.query<{ id: string }>(
      "SELECT id FROM cases WHERE judge_id = $1 AND id <> $2 AND restriction = 'none' LIMIT 1",
      [judge.id, caseId],
    );
    const otherCase = await upload('PK bytes for another case', elsewhere!.id, judgeToken);
    expect(otherCase.status).toBe(200);
    expect((await send([fileDecision(otherCase)], judgeToken))[0]).toMatchObject({
      status: 'rejected',
      code: 'invalid_input',
    });
    // Uploaded, but a size that is not the file's.
    const sized = await upload('PK sized bytes', caseId, judgeToken);
    expect((await send([fileDecision({ ...sized, size: sized.size + 1 })], judgeToken))[0]).toMatchObject({
      status: 'rejected',
      code: 'invalid_input',
    });

    // A secretary may read the case and upload, but not file a decision.
    const bySecretary = await upload('PK secretary decision', caseId, secretaryToken);
    expect((await send([fileDecision(bySecretary)], secretaryToken))[0]).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
    });

    // A case the judge may not see answers as unknown, whatever else is wrong.
    const [hidden] = await send([fileDecision(sized, { caseId: hiddenCaseId })], judgeToken);
    expect(hidden).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect(hidden?.status === 'rejected' && hidden.reason).toBe(`no case ${hiddenCaseId}`);

    // Minutes of another case's hearing, or of no hearing.
    const minutes = await upload('PK wrong minutes', caseId, secretaryToken);
    const asMinutes = { kind: 'minutes', title: 'Kohtuistungi protokoll', decisionKind: null };
    for (const wrong of [{ hearingId: otherHearingId }, { hearingId: randomUUID() }, { hearingId: null }])
      expect(
        (await send([fileDecision(minutes, { ...asMinutes, ...wrong })], secretaryToken))[0],
      ).toMatchObject({
        status: 'rejected',
        code: 'invalid_input',
      });

    expect(await state()).toEqual(before);
    const [{ audit: afterAudit }] = (await reg.db.query<{ audit: number }>(
      `SELECT count(*)::int AS audit FROM audit_log WHERE action = 'document.file'`,
    )) as [{ audit: number }];
    expect(afterAudit).toBe(audit);
  });

  it('numbers concurrent filings of one case without gaps or duplicates', async () => {
    const files = await Promise.all(
      ['a', 'b', 'c'].map((x) => upload(`PK concurrent ${x}`, caseId, judgeToken)),
    );
    const results = await Promise.all(
      files.map((f) => send([fileDecision(f, { decisionKind: 'ruling', title: 'Kohtumäärus' })], judgeToken)),
    );
    const numbers = results
      .map((r) => Number(filedRecord(r[0]).documentNumber.split('/')[1]))
      .sort((a, b) => a - b);
    expect(numbers[1]).toBe(numbers[0]! + 1);
    expect(numbers[2]).toBe(numbers[0]! + 2);
  });
});
