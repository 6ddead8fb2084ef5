import type { DecisionDue, MyCase, MyWork, WorkHearing } from '../../../src-shared/contract/index.js';
import type { CaseSnapshot, CaseSummary, Hearing } from '../../../src-shared/domain/index.js';
import type { CacheDb } from '../store/cache.js';
import { nextHearingAt } from '../store/case-store.js';
import { outboxStatus } from '../store/outbox.js';
import { addDays, localDate, localDayStart } from './local-time.js';
import type { SearchSql } from './search-sql.js';

/** A written decision is due this many days after the last hearing (domain.md, "Decisions"). */
export const DECISION_DAYS = 10;

/**
 * The snapshots of the cases that concern the user: they are the case's judge, or a judge or the
 * secretary of one of its hearings. `instr` is a cheap first cut (most snapshots never mention the
 * id); the JSON test then decides exactly.
 */
const CASES_OF_USER = `
  SELECT c.snapshot AS snapshot FROM cases c
  WHERE instr(c.snapshot, @user) > 0
    AND ((c.snapshot ->> '$.judge.id') = @user
      OR EXISTS (
        SELECT 1 FROM json_each(c.snapshot, '$.hearings') h
        WHERE (h.value ->> '$.secretary.id') = @user
           OR EXISTS (SELECT 1 FROM json_each(h.value, '$.judges') j WHERE (j.value ->> '$.id') = @user)))`;

export function myWorkSql(userId: string): SearchSql {
  return { sql: CASES_OF_USER, params: { user: userId } };
}

const time = (iso: string): number => new Date(iso).getTime();

function summaryOf(snapshot: CaseSnapshot, now: Date): CaseSummary {
  return {
    id: snapshot.id,
    number: snapshot.number,
    procedureType: snapshot.procedureType,
    court: snapshot.court,
    status: snapshot.status,
    subject: snapshot.subject,
    restriction: snapshot.restriction,
    registeredAt: new Date(snapshot.registeredAt).toISOString(),
    judge: snapshot.judge,
    partyNames: snapshot.parties.map((party) => party.name),
    nextHearingAt: nextHearingAt(
      snapshot.hearings.map((hearing) => hearing.startsAt),
      now,
    ),
  };
}

const sitsIn = (hearing: Hearing, userId: string): boolean =>
  hearing.secretary?.id === userId || hearing.judges.some((judge) => judge.id === userId);

/** One of the user's own cases: they are its judge or the secretary of one of its hearings. */
const isOwnCase = (snapshot: CaseSnapshot, userId: string): boolean =>
  snapshot.status !== 'closed' &&
  (snapshot.judge?.id === userId || snapshot.hearings.some((hearing) => hearing.secretary?.id === userId));

/**
 * The decision the user owes on a case, if any: the case is in progress, its last hearing has
 * passed and no `decided` step is recorded; due `DECISION_DAYS` days after that hearing's local date.
 */
function decisionDue(snapshot: CaseSnapshot, now: Date, today: string): DecisionDue | null {
  if (snapshot.status !== 'in_progress' || snapshot.hearings.length === 0) return null;
  if (snapshot.steps.some((step) => step.kind === 'decided')) return null;
  const last = snapshot.hearings.reduce((a, b) => (time(b.startsAt) > time(a.startsAt) ? b : a));
  if (time(last.startsAt) > now.getTime()) return null;
  const dueOn = addDays(localDate(new Date(last.startsAt)), DECISION_DAYS);
  return {
    caseId: snapshot.id,
    caseNumber: snapshot.number,
    subject: snapshot.subject,
    lastHearingAt: new Date(last.startsAt).toISOString(),
    dueOn,
    overdue: dueOn < today,
  };
}

function workHearing(snapshot: CaseSnapshot, hearing: Hearing): WorkHearing {
  return {
    hearingId: hearing.id,
    caseId: snapshot.id,
    caseNumber: snapshot.number,
    subject: snapshot.subject,
    startsAt: new Date(hearing.startsAt).toISOString(),
    room: hearing.room,
    kind: hearing.kind,
    public: hearing.public,
  };
}

const byTime = (a: WorkHearing, b: WorkHearing): number =>
  a.startsAt.localeCompare(b.startsAt) || a.caseNumber.localeCompare(b.caseNumber);

/** My work on this thread: the rows of `myWorkSql` and the outbox counts read here. */
export function readMyWork(db: CacheDb, userId: string, now: Date): MyWork {
  const query = myWorkSql(userId);
  return toMyWork(db.prepare(query.sql).all(query.params), userId, now, outboxStatus(db));
}

/**
 * My work from the rows of `myWorkSql`. "Today" is the local date of `now`; this week runs from
 * tomorrow's local midnight to the end of the seventh day from today.
 */
export function toMyWork(
  rows: readonly unknown[],
  userId: string,
  now: Date,
  outbox: MyWork['pending'],
): MyWork {
  const today = localDate(now);
  const tomorrowStart = localDayStart(today, 1).getTime();
  const todayStart = localDayStart(today, 0).getTime();
  const weekEnd = localDayStart(today, 8).getTime();

  const snapshots = (rows as ReadonlyArray<{ snapshot: string }>).map(
    (row) => JSON.parse(row.snapshot) as CaseSnapshot,
  );

  const myCases: MyCase[] = [];
  const decisionsDue: DecisionDue[] = [];
  const hearingsToday: WorkHearing[] = [];
  const hearingsThisWeek: WorkHearing[] = [];

  for (const snapshot of snapshots) {
    const own = isOwnCase(snapshot, userId);
    for (const hearing of snapshot.hearings) {
      if (!own && !sitsIn(hearing, userId)) continue;
      const at = time(hearing.startsAt);
      if (at >= todayStart && at < tomorrowStart) hearingsToday.push(workHearing(snapshot, hearing));
      else if (at >= tomorrowStart && at < weekEnd) hearingsThisWeek.push(workHearing(snapshot, hearing));
    }
    if (!own) continue;
    const summary = summaryOf(snapshot, now);
    const due = decisionDue(snapshot, now, today);
    if (due) decisionsDue.push(due);
    const deadlines: NonNullable<MyCase['nextDeadline']>[] = [];
    if (summary.nextHearingAt) deadlines.push({ kind: 'hearing', at: summary.nextHearingAt });
    // A decision is due by the start of its day, as the hearings count: the nearer one wins.
    if (due) deadlines.push({ kind: 'decision', at: localDayStart(due.dueOn).toISOString() });
    deadlines.sort((a, b) => a.at.localeCompare(b.at));
    myCases.push({ ...summary, nextDeadline: deadlines[0] ?? null });
  }

  // Cases with a deadline first, the nearest first; then the newest registered.
  myCases.sort(
    (a, b) =>
      (a.nextDeadline?.at ?? '\uffff').localeCompare(b.nextDeadline?.at ?? '\uffff') ||
      b.registeredAt.localeCompare(a.registeredAt) ||
      a.number.localeCompare(b.number),
  );
  decisionsDue.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.caseNumber.localeCompare(b.caseNumber));
  const { pending, failed, conflicts } = outbox;
  return {
    today,
    myCases,
    hearingsToday: hearingsToday.sort(byTime),
    hearingsThisWeek: hearingsThisWeek.sort(byTime),
    decisionsDue,
    pending: { pending, failed, conflicts },
  };
}
