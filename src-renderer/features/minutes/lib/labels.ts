import type {
  Attendance,
  EntryKind,
  MinutesIssueCode,
  MinutesStatus,
  ParticipantRole,
} from '../../../../src-shared/contract/minutes';
import type { CheckedKey } from '../../../i18n/dictionary';

export const ATTENDANCES = ['present', 'absent', 'excused', 'video'] as const satisfies readonly Attendance[];

export const ATTENDANCE_KEYS = {
  present: 'minutes.attendance.present',
  absent: 'minutes.attendance.absent',
  excused: 'minutes.attendance.excused',
  video: 'minutes.attendance.video',
} as const satisfies Record<Attendance, CheckedKey<`minutes.attendance.${Attendance}`>>;

export const ROLE_KEYS = {
  judge: 'minutes.participant.judge',
  secretary: 'minutes.participant.secretary',
  party: 'minutes.participant.party',
  representative: 'minutes.participant.representative',
  prosecutor: 'minutes.participant.prosecutor',
  interpreter: 'minutes.participant.interpreter',
  expert: 'minutes.participant.expert',
  witness: 'minutes.participant.witness',
  other: 'minutes.participant.other',
} as const satisfies Record<ParticipantRole, CheckedKey<`minutes.participant.${ParticipantRole}`>>;

export const STATUS_KEYS = {
  draft: 'minutes.status.draft',
  finalised: 'minutes.status.finalised',
  approved: 'minutes.status.approved',
  submitted: 'minutes.status.submitted',
  filed: 'minutes.status.filed',
} as const satisfies Record<MinutesStatus, CheckedKey<`minutes.status.${MinutesStatus}`>>;

/** Each entry kind with its shortcut: Ctrl+Alt and the letter (by the key's place, `KeyS`). */
export const KINDS: ReadonlyArray<{ kind: EntryKind; letter: string }> = [
  { kind: 'statement', letter: 'S' },
  { kind: 'question', letter: 'Q' },
  { kind: 'answer', letter: 'A' },
  { kind: 'application', letter: 'T' },
  { kind: 'ruling', letter: 'R' },
  { kind: 'evidence', letter: 'E' },
  { kind: 'break', letter: 'B' },
  { kind: 'deliberation', letter: 'D' },
  { kind: 'pronouncement', letter: 'K' },
  { kind: 'note', letter: 'N' },
];

export const KIND_KEYS = {
  statement: 'minutes.kind.statement',
  question: 'minutes.kind.question',
  answer: 'minutes.kind.answer',
  application: 'minutes.kind.application',
  ruling: 'minutes.kind.ruling',
  evidence: 'minutes.kind.evidence',
  break: 'minutes.kind.break',
  deliberation: 'minutes.kind.deliberation',
  pronouncement: 'minutes.kind.pronouncement',
  note: 'minutes.kind.note',
} as const satisfies Record<EntryKind, CheckedKey<`minutes.kind.${EntryKind}`>>;

/** Kinds said by someone: the composer keeps a speaker for them. */
export const SPOKEN_KINDS: ReadonlySet<EntryKind> = new Set([
  'statement',
  'question',
  'answer',
  'application',
]);

/** What a ruling or an answer refers to. */
export const REFERS_TO: Partial<Record<EntryKind, EntryKind>> = { ruling: 'application', answer: 'question' };

export type IssueKey = `minutes.issue.${MinutesIssueCode}`;

/** The shortcut of a keydown, or null: Ctrl+Alt+letter picks a kind, Alt+digit a speaker. */
export function shortcutOf(
  event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'> & {
    getModifierState?: (key: string) => boolean;
  },
): { kind: EntryKind } | { speaker: number } | null {
  // AltGr is Ctrl+Alt on Windows: it types š, ž, € … in Estonian, never a shortcut.
  if (event.getModifierState?.('AltGraph')) return null;
  if (event.metaKey || event.shiftKey || !event.altKey) return null;
  if (event.ctrlKey) {
    const letter = /^Key([A-Z])$/.exec(event.code)?.[1];
    const found = KINDS.find((k) => k.letter === letter);
    return found ? { kind: found.kind } : null;
  }
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(event.code)?.[1];
  return digit === undefined ? null : { speaker: Number(digit) };
}

/** `12:34` or `1:02:03` of an audio position in ms. */
export function formatAudio(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/** `4. dets` / `4 Dec`: the due date of the minutes. */
export function formatDueDate(isoDate: string, locale: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
}
