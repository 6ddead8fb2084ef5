import type { MinutesIssue } from '../../../src-shared/contract/minutes.js';
import type { MinutesRecord } from '../store/minutes-store.js';

/** Kinds whose entry is said by someone: a speaker must be chosen. */
const SPOKEN = new Set(['statement', 'question', 'answer', 'application']);
/** Kinds that are nothing without their text. */
const NEEDS_TEXT = new Set([
  'statement',
  'question',
  'answer',
  'application',
  'ruling',
  'evidence',
  'pronouncement',
]);

/**
 * What the minutes still lack (domain.md, "Hearing minutes"). Errors block finalising: times, the
 * court's composition, every participant's attendance, the reason a hearing was closed, a timeline.
 * Warnings are shown and may stand (a hearing adjourned has no pronouncement).
 */
export function checkMinutes(m: MinutesRecord): MinutesIssue[] {
  const issues: MinutesIssue[] = [];
  const error = (code: MinutesIssue['code'], extra: Partial<MinutesIssue> = {}) =>
    issues.push({ code, severity: 'error', ...extra });
  const warning = (code: MinutesIssue['code'], extra: Partial<MinutesIssue> = {}) =>
    issues.push({ code, severity: 'warning', ...extra });

  if (m.startedAt === null) error('start-time-missing');
  if (m.endedAt === null) error('end-time-missing');
  if (m.startedAt !== null && m.endedAt !== null && Date.parse(m.endedAt) < Date.parse(m.startedAt))
    error('end-before-start');
  const presiding = m.participants.find((p) => p.id === m.header.presidingJudgeId && p.role === 'judge');
  if (!presiding) error('presiding-judge-missing');
  if (!m.participants.some((p) => p.role === 'secretary')) error('secretary-missing');
  for (const p of m.participants)
    if (p.attendance === null) error('attendance-missing', { participantId: p.id });
  if (!m.header.public && m.header.closedReason.trim() === '') error('closed-reason-missing');
  if (m.entries.length === 0) error('no-entries');

  const ruled = new Set(
    m.entries.filter((e) => e.kind === 'ruling' && e.refersToId).map((e) => e.refersToId),
  );
  for (const e of m.entries) {
    if (NEEDS_TEXT.has(e.kind) && e.text.trim() === '') error('entry-text-missing', { entryId: e.id });
    if (SPOKEN.has(e.kind) && e.speakerId === null) warning('speaker-missing', { entryId: e.id });
    if (e.kind === 'application' && !ruled.has(e.id))
      warning('application-without-ruling', { entryId: e.id });
    if (e.kind === 'pronouncement' && e.appealRoute.trim() === '')
      error('appeal-route-missing', { entryId: e.id });
  }
  if (m.entries.length > 0 && !m.entries.some((e) => e.kind === 'pronouncement'))
    warning('pronouncement-missing');
  return issues;
}
