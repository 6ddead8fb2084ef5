import type { MinutesHeader, Participant } from '../../../src-shared/contract/minutes.js';
import type { CaseSnapshot, Hearing } from '../../../src-shared/domain/case.js';
import { addWorkingDays, workingDaysBetween } from '../../../src-shared/domain/working-days.js';
import { COURT_TIME_ZONE } from '../court-text.js';

/** The presiding judge and the secretary sign the minutes within three working days. */
export const MINUTES_WORKING_DAYS = 3;

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: COURT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The Estonian local date (YYYY-MM-DD) and time (HHMM) of an instant. */
export function courtLocal(at: string | Date): { date: string; hhmm: string } {
  const p = Object.fromEntries(
    parts.formatToParts(typeof at === 'string' ? new Date(at) : at).map((x) => [x.type, x.value]),
  );
  return { date: `${p.year}-${p.month}-${p.day}`, hhmm: `${p.hour}${p.minute}` };
}

/** `2-25-7_2026-12-01_0930.mp3`: the case number, the local date and time the recording started (else the scheduled start). */
export function audioFileName(
  caseNumber: string,
  scheduledAt: string,
  recordingStartedAt: string | null,
): string {
  const { date, hhmm } = courtLocal(recordingStartedAt ?? scheduledAt);
  const safe = caseNumber.replace(/[^0-9A-Za-z-]/g, '-');
  return `${safe}_${date}_${hhmm}.mp3`;
}

/** Due date of the minutes and the working days left from today (in court time). */
export function minutesDeadline(
  hearingDate: string,
  now: Date,
): { dueDate: string; workingDaysLeft: number } {
  const dueDate = addWorkingDays(hearingDate, MINUTES_WORKING_DAYS);
  return { dueDate, workingDaysLeft: workingDaysBetween(courtLocal(now).date, dueDate) };
}

const participantId = (kind: string, id: string): string => `${kind}:${id}`.slice(0, 64);

/** The minutes' header and participants as the cached case has the hearing. */
export function prefillMinutes(
  snapshot: CaseSnapshot,
  hearing: Hearing,
): { header: MinutesHeader; participants: Participant[] } {
  const header: MinutesHeader = {
    court: snapshot.court.name,
    place: hearing.room,
    date: courtLocal(hearing.startsAt).date,
    scheduledAt: hearing.startsAt,
    hearingKind: hearing.kind,
    caseId: snapshot.id,
    caseNumber: snapshot.number,
    subject: snapshot.subject,
    presidingJudgeId: hearing.judges[0] ? participantId('judge', hearing.judges[0].id) : null,
    public: hearing.public,
    closedReason: '',
  };
  const participants: Participant[] = [];
  const court = (role: 'judge' | 'secretary', person: { id: string; name: string }): Participant => ({
    id: participantId(role, person.id),
    role,
    name: person.name,
    procedureRole: '',
    representsId: null,
    // The court is there; the secretary marks the others.
    attendance: 'present',
  });
  for (const judge of hearing.judges) participants.push(court('judge', judge));
  if (hearing.secretary) participants.push(court('secretary', hearing.secretary));
  for (const party of snapshot.parties) {
    const id = participantId('party', party.id);
    participants.push({
      id,
      role: party.role === 'prosecutor' ? 'prosecutor' : 'party',
      name: party.name,
      procedureRole: party.role,
      representsId: null,
      attendance: null,
    });
    if (party.representative)
      participants.push({
        id: participantId('representative', party.id),
        role: 'representative',
        name: party.representative,
        procedureRole: '',
        representsId: id,
        attendance: null,
      });
  }
  return { header, participants };
}

/** The participant id of a court member (judge) as the prefill gives it. */
export const judgeParticipantId = (personId: string): string => participantId('judge', personId);
