import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CardReader, createCardReader } from '../../../../src-main/services/card/index.js';
import { renderCourtDocx } from '../../../../src-main/services/drafting/docx/index.js';
import { type MinutesHandlers, createMinutesHandlers } from '../../../../src-main/services/minutes/index.js';
import { type CacheDb, openCache } from '../../../../src-main/services/store/cache.js';
import { Minutes, MinutesOp, minutesChannels } from '../../../../src-shared/contract/minutes.js';
import type { SessionUser } from '../../../../src-shared/domain/index.js';
import { SOFTHSM_MODULE } from '../../../../scripts/testcards/softhsm.js';
import { appError as rejection } from '../../support/app-error.js';
import { type SoftHsmCards, softHsmCards } from '../../support/id-card.js';
import {
  CASE_ID,
  HEARING_ID,
  JUDGE,
  SECRETARY,
  type TestFiling,
  queuedFilings,
  seedHearingCase,
  settleFilings,
  testFiling,
} from './fixtures.js';
import { CARD_PIN1, insertJudgeCard, personalCode } from './id-cards.js';

// The presiding judge approves on the way to the register; who may approve, and how a card is
// refused, is minutes-approve.test.ts.
const JUDGE_CODE = personalCode('4800101027');
let cards: SoftHsmCards;
let reader: CardReader;
let judgeCard: string;
beforeAll(async () => {
  cards = softHsmCards();
  reader = createCardReader({ modulePath: SOFTHSM_MODULE });
  judgeCard = await insertJudgeCard(cards, reader, 'MAASIKAS', 'MARI', JUDGE_CODE);
}, 120_000);
afterAll(() => cards?.close());

let cache: CacheDb;
let user: SessionUser;
let clock: Date;
let filing: TestFiling;
let emitted: string[][];
let handlers: MinutesHandlers;
const rendered: Array<{ title: string; entries: number }> = [];

beforeEach(() => {
  cache = openCache(':memory:');
  seedHearingCase(cache);
  user = SECRETARY;
  clock = new Date('2026-12-01T09:25:00+02:00');
  filing = testFiling();
  emitted = [];
  handlers = createMinutesHandlers({
    session: { require: () => ({ cache, user }) },
    filing: filing.filing,
    events: { emit: (_e, payload) => emitted.push(payload.minutesIds) },
    cards: reader,
    // The real writer, watched.
    renderDocx: async (doc) => {
      rendered.push({ title: doc.title, entries: doc.sections[1]?.content.content.length ?? 0 });
      return renderCourtDocx(doc);
    },
    now: () => clock,
  });
});
afterEach(() => {
  cache.close();
  filing.close();
});

/** Runs ops through the channel's own schema, as the invoker would. */
const apply = (minutesId: string, ops: unknown[], baseRevision?: number) =>
  handlers['minutes:apply'](minutesChannels['minutes:apply'].input.parse({ minutesId, ops, baseRevision }));

describe('minutes service', () => {
  it("lists the user's hearings and opens them prefilled from the cached case", async () => {
    seedHearingCase(cache, 8, '2026-12-20T10:00:00+02:00'); // too far ahead
    const hearings = await handlers['minutes:hearings'](undefined);
    expect(hearings.map((h) => [h.hearingId, h.myRole, h.status])).toEqual([[HEARING_ID, 'secretary', null]]);
    expect(hearings[0]!.deadline).toEqual({ dueDate: '2026-12-04', workingDaysLeft: 3 });

    const m = await handlers['minutes:open']({ hearingId: HEARING_ID });
    expect(Minutes.parse(m)).toEqual(m);
    expect(m.header).toMatchObject({
      court: 'Harju Maakohus',
      place: 'Tallinna Kohtumaja, saal 215',
      date: '2026-12-01',
      caseNumber: '2-25-7',
      public: true,
      presidingJudgeId: 'judge:judge-1',
    });
    expect(m.participants.map((p) => [p.role, p.name, p.attendance])).toEqual([
      ['judge', 'Mari Maasikas', 'present'],
      ['judge', 'Jaan Tamm', 'present'],
      ['secretary', 'Maarja Sepp', 'present'],
      ['party', 'Kalle Kask', null],
      ['representative', 'Advokaat Anu Aas', null],
      ['party', 'OÜ Puit', null],
    ]);
    expect(m.participants[4]!.representsId).toBe(m.participants[3]!.id);
    expect(m.audioFileName).toBe('2-25-7_2026-12-01_0930.mp3');
    // Opening again gives the same minutes.
    expect((await handlers['minutes:open']({ hearingId: HEARING_ID })).id).toBe(m.id);
    expect((await handlers['minutes:hearings'](undefined))[0]).toMatchObject({
      minutesId: m.id,
      status: 'draft',
    });
  });

  it('applies every kind of change, stamps the audio position and keeps the order', async () => {
    const { id } = await handlers['minutes:open']({ hearingId: HEARING_ID });
    const r1 = await apply(
      id,
      [
        { op: 'times', startedAt: '2026-12-01T09:31:00+02:00' },
        { op: 'recording', startedAt: '2026-12-01T09:31:10+02:00' },
        { op: 'attendance', participantId: 'party:p7-1', attendance: 'present' },
        { op: 'attendance', participantId: 'party:p7-2', attendance: 'video' },
        {
          op: 'participant.upsert',
          participant: {
            id: 'i1',
            role: 'interpreter',
            name: 'Tõlk Toomas',
            procedureRole: '',
            representsId: null,
          },
        },
        {
          op: 'entry.add',
          entry: {
            id: 'e1',
            kind: 'statement',
            at: '2026-12-01T09:32:10+02:00',
            speakerId: 'party:p7-1',
            text: 'Hageja',
          },
        },
        {
          op: 'entry.add',
          entry: {
            id: 'e2',
            kind: 'application',
            at: '2026-12-01T09:33:00+02:00',
            speakerId: 'representative:p7-1',
            text: 'Taotlen tunnistaja',
          },
        },
        {
          op: 'entry.add',
          entry: { id: 'e0', kind: 'note', at: '2026-12-01T09:31:05+02:00', text: 'Enne salvestust' },
          afterId: null,
        },
      ],
      0,
    );
    expect(r1.revision).toBe(1);
    await apply(
      id,
      [
        { op: 'entry.update', id: 'e1', patch: { text: 'Hageja jääb nõude juurde' } },
        { op: 'entry.move', id: 'e2', afterId: 'e0' },
        { op: 'header', patch: { public: false, closedReason: 'alaealise huvid' } },
        { op: 'participant.remove', id: 'i1' },
      ],
      1,
    );
    const m = await handlers['minutes:get']({ minutesId: id });
    expect(m.revision).toBe(2);
    expect(m.entries.map((e) => [e.id, e.audioMs, e.text])).toEqual([
      ['e0', null, 'Enne salvestust'],
      ['e2', 110_000, 'Taotlen tunnistaja'],
      ['e1', 60_000, 'Hageja jääb nõude juurde'],
    ]);
    expect(m.audioFileName).toBe('2-25-7_2026-12-01_0931.mp3');
    expect(m.header).toMatchObject({ public: false, closedReason: 'alaealise huvid' });
    expect(m.participants.some((p) => p.id === 'i1')).toBe(false);
    // A resent batch changes nothing; a stale base revision is refused.
    await apply(id, [
      { op: 'entry.add', entry: { id: 'e1', kind: 'statement', text: 'Hageja jääb nõude juurde' } },
    ]);
    expect((await handlers['minutes:get']({ minutesId: id })).entries.map((e) => e.id)).toEqual([
      'e0',
      'e2',
      'e1',
    ]);
    expect((await rejection(apply(id, [{ op: 'entry.remove', id: 'e0' }], 1))).reason).toBe('stale-revision');
    expect(
      (await rejection(apply(id, [{ op: 'attendance', participantId: 'nobody', attendance: 'absent' }])))
        .code,
    ).toBe('not_found');
  });

  it('refuses a malformed operation at the schema', () => {
    expect(MinutesOp.safeParse({ op: 'entry.add', entry: { id: 'x', kind: 'shout' } }).success).toBe(false);
    expect(MinutesOp.safeParse({ op: 'times', startedAt: 'yesterday' }).success).toBe(false);
  });

  it('checks, finalises, is approved, exported and submitted once', async () => {
    const { id } = await handlers['minutes:open']({ hearingId: HEARING_ID });
    const codes = async () => (await handlers['minutes:check']({ minutesId: id })).map((i) => i.code);
    expect(await codes()).toEqual(
      expect.arrayContaining(['start-time-missing', 'end-time-missing', 'attendance-missing', 'no-entries']),
    );
    expect((await rejection(handlers['minutes:finalise']({ minutesId: id }))).reason).toBe('incomplete');
    await apply(id, [
      { op: 'times', startedAt: '2026-12-01T09:31:00+02:00', endedAt: '2026-12-01T11:02:00+02:00' },
      ...['party:p7-1', 'representative:p7-1', 'party:p7-2'].map((participantId) => ({
        op: 'attendance',
        participantId,
        attendance: 'present',
      })),
      { op: 'entry.add', entry: { id: 'a1', kind: 'application', speakerId: 'party:p7-1', text: 'Taotlus' } },
      {
        op: 'entry.add',
        entry: { id: 'p1', kind: 'pronouncement', text: 'Otsus kuulutatakse välja 15.12.2026' },
      },
    ]);
    expect(await handlers['minutes:check']({ minutesId: id })).toEqual([
      { code: 'application-without-ruling', severity: 'warning', entryId: 'a1' },
      { code: 'appeal-route-missing', severity: 'error', entryId: 'p1' },
    ]);
    await apply(id, [
      { op: 'entry.update', id: 'p1', patch: { appealRoute: 'Tallinna Ringkonnakohtule 30 päeva jooksul' } },
      {
        op: 'entry.add',
        entry: { id: 'r1', kind: 'ruling', text: 'Rahuldada', refersToId: 'a1' },
        afterId: 'a1',
      },
    ]);
    expect(await handlers['minutes:check']({ minutesId: id })).toEqual([]);

    expect((await rejection(handlers['minutes:submit']({ minutesId: id }))).reason).toBe('status-draft');
    const finalised = await handlers['minutes:finalise']({ minutesId: id });
    expect(finalised.status).toBe('finalised');
    expect((await rejection(apply(id, [{ op: 'entry.remove', id: 'a1' }]))).reason).toBe('not-draft');

    clock = new Date('2026-12-02T14:00:00+02:00');
    const approved = await handlers['minutes:approve']({ minutesId: id, cardId: judgeCard, pin: CARD_PIN1 });
    expect(approved).toMatchObject({
      status: 'approved',
      approvedBy: { id: JUDGE.id, name: JUDGE.name, personalCode: JUDGE_CODE },
      approvedAt: '2026-12-02T12:00:00.000Z',
      deadline: { dueDate: '2026-12-04', workingDaysLeft: 2 },
    });

    const exported = await handlers['minutes:export']({ minutesId: id, format: 'docx' });
    expect(exported.fileName).toBe('2-25-7_2026-12-01_0930_protokoll.docx');
    // A Word file is a zip.
    expect(Buffer.from(exported.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    const submitted = await handlers['minutes:submit']({ minutesId: id });
    expect(submitted.status).toBe('submitted');
    expect(filing.filing.get(cache, 'minutes', id)).toMatchObject({
      sourceKind: 'minutes',
      sourceId: id,
      caseId: CASE_ID,
      kind: 'minutes',
      state: 'queued',
    });
    expect(queuedFilings(cache)).toHaveLength(1);
    expect(queuedFilings(cache)[0]).toMatchObject({
      caseId: CASE_ID,
      kind: 'minutes',
      hearingId: HEARING_ID,
      decisionKind: null,
      occurredAt: '2026-12-01T09:31:00+02:00',
    });
    expect((await rejection(handlers['minutes:submit']({ minutesId: id }))).reason).toBe('status-submitted');
    // Refused by the register: it may go again.
    settleFilings(cache, 'failed');
    expect(await handlers['minutes:get']({ minutesId: id })).toMatchObject({
      status: 'submitted',
      filing: { state: 'failed', error: 'refused' },
    });
    await handlers['minutes:submit']({ minutesId: id });
    expect(queuedFilings(cache)).toHaveLength(2);
    settleFilings(cache, 'filed');
    const filed = await handlers['minutes:get']({ minutesId: id });
    expect(filed).toMatchObject({ status: 'filed', filing: { state: 'filed', documentNumber: '2-25-7/9' } });
    expect(emitted).toEqual([[id], [id], [id], [id]]);
    expect(rendered.at(-1)).toEqual({ title: 'KOHTUISTUNGI PROTOKOLL', entries: 3 });
  });

  it('refuses hearings it does not have and users who do not write minutes', async () => {
    expect((await rejection(handlers['minutes:open']({ hearingId: 'nope' }))).code).toBe('not_found');
    user = {
      ...SECRETARY,
      id: 'clerk',
      roles: [{ role: 'chancery_official', courtCode: 'HMK', observerScope: null }],
    };
    expect((await rejection(handlers['minutes:open']({ hearingId: HEARING_ID }))).code).toBe('forbidden');
    // A judge writes minutes at their own court only, as the register decides it.
    user = { ...JUDGE, id: 'judge-9', roles: [{ role: 'judge', courtCode: 'TMK', observerScope: null }] };
    expect((await rejection(handlers['minutes:open']({ hearingId: HEARING_ID }))).code).toBe('forbidden');
  });
});
