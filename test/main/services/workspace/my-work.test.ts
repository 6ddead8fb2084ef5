import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MyWork } from '../../../../src-shared/contract/index.js';
import type { CaseSnapshot, Hearing, SessionUser } from '../../../../src-shared/domain/index.js';
import { type CacheDb, openCache } from '../../../../src-main/services/store/cache.js';
import { applySyncPage } from '../../../../src-main/services/store/case-store.js';
import { putNote } from '../../../../src-main/services/store/notes-store.js';
import { outboxStatus, sendable, setState } from '../../../../src-main/services/store/outbox.js';
import { createSearchWorkers } from '../../../../src-main/services/store/search-worker.js';
import { createWorkspaceHandlers, readMyWork } from '../../../../src-main/services/workspace/index.js';
import { makeCase } from '../../support/cases.js';

// "Today" is the computer's local date: Tallinn is UTC+2 in early March, so a hearing at 00:30 local
// on the 10th is on the 9th in UTC, and one at 23:30 on the 17th is still within the week.
process.env.TZ = 'Europe/Tallinn';

const USER: SessionUser = { id: 'u-triin', name: 'Triin Lepik', personalCode: '48001010000', roles: [] };
const ME = { id: USER.id, name: USER.name };
const OTHER = { id: 'u-other', name: 'Kaarel Kask' };
const SECRETARY = { id: 'u-maarja', name: 'Maarja Sepp' };
const NOW = new Date('2026-03-10T10:00:00+02:00');

let hearingRunning = 0;
function hearing(startsAt: string, overrides: Partial<Hearing> = {}): Hearing {
  hearingRunning++;
  return {
    id: `h-${hearingRunning}`,
    startsAt,
    room: `${100 + hearingRunning}`,
    public: true,
    kind: 'main',
    judges: [],
    secretary: null,
    ...overrides,
  };
}

const step = (kind: string, at: string): CaseSnapshot['steps'][number] => ({
  id: `s-${kind}-${at}`,
  kind,
  occurredAt: at,
  enteredAt: at,
  description: kind,
});

const CASES: CaseSnapshot[] = [
  // Mine: a hearing early today (the 9th in UTC), one in three days, one after the week.
  makeCase(1, {
    judge: ME,
    hearings: [
      hearing('2026-03-10T00:30:00+02:00', { id: 'h-today-early' }),
      hearing('2026-03-13T09:00:00+02:00', { id: 'h-in-three-days' }),
      hearing('2026-03-18T00:30:00+02:00', { id: 'h-after-week' }),
    ],
  }),
  // Mine: the last hearing was on the 5th (local; the 4th in UTC), nothing decided — due on the 15th.
  makeCase(2, { judge: ME, hearings: [hearing('2026-03-05T00:30:00+02:00')] }),
  // Mine: due on 2 March, overdue.
  makeCase(3, {
    judge: ME,
    hearings: [hearing('2026-02-10T10:00:00+02:00'), hearing('2026-02-20T10:00:00+02:00')],
  }),
  // Mine, but decided (a `decided` step): nothing due.
  makeCase(4, {
    judge: ME,
    hearings: [hearing('2026-03-01T10:00:00+02:00')],
    steps: [step('decided', '2026-03-01T12:00:00.000Z')],
  }),
  // Another judge's case with a hearing today: not mine at all.
  makeCase(5, { judge: OTHER, hearings: [hearing('2026-03-10T13:00:00+02:00', { judges: [OTHER] })] }),
  // Another judge's case where I am the secretary of tomorrow's hearing: mine.
  makeCase(6, {
    judge: OTHER,
    hearings: [hearing('2026-03-11T09:30:00+02:00', { judges: [OTHER], secretary: ME })],
  }),
  // Another judge's case where I sit on the panel today (late): the hearing only.
  makeCase(7, {
    judge: OTHER,
    hearings: [hearing('2026-03-10T23:30:00+02:00', { judges: [OTHER, ME], secretary: SECRETARY })],
  }),
  // Mine but closed: not listed, nothing due.
  makeCase(8, { judge: ME, status: 'closed', hearings: [hearing('2026-03-02T10:00:00+02:00')] }),
  // Mine: a hearing at the very end of the seventh day, and past hearings — the next one is pending.
  makeCase(9, {
    judge: ME,
    hearings: [hearing('2026-02-01T10:00:00+02:00'), hearing('2026-03-17T23:30:00+02:00', { id: 'h-day-7' })],
  }),
  // Mine, registered, no hearings: listed without a deadline.
  makeCase(10, { judge: ME, status: 'registered' }),
  // A judge whose id contains mine is not me.
  makeCase(11, { judge: { id: 'u-triin-2', name: 'Triin Teine' } }),
];

let dir: string;
let db: CacheDb;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chambers-my-work-'));
  db = openCache(join(dir, 'cache.sqlite'), { key: randomBytes(32).toString('hex') });
  applySyncPage(
    db,
    CASES.map((snapshot) => ({ kind: 'case' as const, case: snapshot })),
    '1',
    NOW,
  );
});
afterAll(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

// One worker thread for the file (its key derivation is slow), as one session has.
const workers = createSearchWorkers();
const handlers = (now = NOW) =>
  createWorkspaceHandlers({
    session: { require: () => ({ cache: db, user: USER }) },
    now: () => now,
    searchWorkers: workers,
  });

describe('work:mine', () => {
  it('lists my open cases, nearest deadline first, then those with none', async () => {
    const work = MyWork.parse(await handlers()['work:mine']());
    expect(work.today).toBe('2026-03-10');
    // The same as this thread reads it.
    expect(work).toEqual(readMyWork(db, USER.id, NOW));
    expect(work.myCases.map((c) => [c.id, c.nextDeadline])).toEqual([
      ['case-3', { kind: 'decision', at: '2026-03-01T22:00:00.000Z' }],
      ['case-6', { kind: 'hearing', at: '2026-03-11T07:30:00.000Z' }],
      ['case-1', { kind: 'hearing', at: '2026-03-13T07:00:00.000Z' }],
      ['case-2', { kind: 'decision', at: '2026-03-14T22:00:00.000Z' }],
      ['case-9', { kind: 'hearing', at: '2026-03-17T21:30:00.000Z' }],
      ['case-10', null],
      ['case-4', null],
    ]);
    const first = work.myCases.find((c) => c.id === 'case-1')!;
    expect(first).toMatchObject({
      number: '2-24-1',
      judge: ME,
      partyNames: ['Hageja 1'],
      nextHearingAt: '2026-03-13T07:00:00.000Z',
    });
  });

  it("lists today's and this week's hearings of my cases and those I sit in, by time", async () => {
    const work = MyWork.parse(await handlers()['work:mine']());
    expect(work.hearingsToday.map((h) => [h.caseId, h.hearingId, h.startsAt])).toEqual([
      ['case-1', 'h-today-early', '2026-03-09T22:30:00.000Z'],
      ['case-7', expect.any(String), '2026-03-10T21:30:00.000Z'],
    ]);
    expect(work.hearingsThisWeek.map((h) => [h.caseId, h.startsAt])).toEqual([
      ['case-6', '2026-03-11T07:30:00.000Z'],
      ['case-1', '2026-03-13T07:00:00.000Z'],
      ['case-9', '2026-03-17T21:30:00.000Z'],
    ]);
    expect(work.hearingsToday[0]).toMatchObject({
      caseNumber: '2-24-1',
      subject: 'Nõue number 1',
      kind: 'main',
      public: true,
    });
    // Another judge's hearing today is not mine.
    const all = [...work.hearingsToday, ...work.hearingsThisWeek].map((h) => h.caseId);
    expect(all).not.toContain('case-5');
    expect(all).not.toContain('case-11');
  });

  it('lists the decisions I owe with their due date, the overdue first', async () => {
    const work = MyWork.parse(await handlers()['work:mine']());
    expect(work.decisionsDue).toEqual([
      {
        caseId: 'case-3',
        caseNumber: '2-24-3',
        subject: 'Nõue number 3',
        lastHearingAt: '2026-02-20T08:00:00.000Z',
        dueOn: '2026-03-02',
        overdue: true,
      },
      {
        caseId: 'case-2',
        caseNumber: '2-24-2',
        subject: 'Nõue number 2',
        lastHearingAt: '2026-03-04T22:30:00.000Z',
        dueOn: '2026-03-15',
        overdue: false,
      },
    ]);
  });

  it('moves with the clock: a week later the decision is overdue and the hearings are past', async () => {
    const later = MyWork.parse(await handlers(new Date('2026-03-16T09:00:00+02:00'))['work:mine']());
    expect(later.today).toBe('2026-03-16');
    expect(later.decisionsDue.map((d) => [d.caseId, d.overdue])).toEqual([
      ['case-3', true],
      ['case-2', true],
      // Tomorrow's hearing (the 11th) has passed too: its decision is due on the 21st.
      ['case-6', false],
    ]);
    expect(later.hearingsToday).toEqual([]);
    expect(later.hearingsThisWeek.map((h) => h.hearingId)).toEqual(['h-day-7', 'h-after-week']);
  });

  it('counts the outbox: pending, failed and conflicts', async () => {
    expect((await handlers()['work:mine']()).pending).toEqual({ pending: 0, failed: 0, conflicts: 0 });
    // Notes are keyed by the register's case ids (UUIDs); the cases need not be these.
    putNote(db, '11111111-1111-4111-8111-111111111111', 'Küsida lisatõendeid');
    putNote(db, '22222222-2222-4222-8222-222222222222', 'Otsus valmis');
    const [row] = sendable(db, 1);
    setState(db, row!.seq, 'failed', 'refused');
    expect(outboxStatus(db)).toMatchObject({ pending: 1, failed: 1 });
    expect((await handlers()['work:mine']()).pending).toEqual({ pending: 1, failed: 1, conflicts: 0 });
  });

  it('shows another user their own work only', async () => {
    const other = await createWorkspaceHandlers({
      session: { require: () => ({ cache: db, user: { ...USER, id: OTHER.id } }) },
      now: () => NOW,
      searchWorkers: workers,
    })['work:mine']();
    expect(other.myCases.map((c) => c.id).sort()).toEqual(['case-5', 'case-6', 'case-7']);
    expect(other.hearingsToday.map((h) => h.caseId)).toEqual(['case-5', 'case-7']);
    expect(other.decisionsDue).toEqual([]);
  });
});
