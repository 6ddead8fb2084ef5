import { z } from 'zod';
import { ExportedFile } from './drafting.js';
import { Pin } from './id-card.js';

/**
 * Hearing minutes (issue 9): written live in the courtroom, offline, on this computer. The minutes
 * of a hearing open prefilled from the cached case; the renderer sends its changes as small
 * operations at most every ~200 ms (`minutes:apply`), each durable on disk when it answers. Then
 * check → finalise → the presiding judge approves → submitted to the register as the case's next
 * document → filed.
 */

const MinutesId = z.uuid();
const HearingId = z.string().min(1).max(64);
/** Made by the renderer (a uuid), so an entry can be referred to before the host answered. */
const ItemId = z.string().min(1).max(64);
const IsoDateTime = z.iso.datetime({ offset: true });
const IsoDate = z.iso.date();
const Text = z.string().max(20_000);

/** draft → finalised (checked, no more edits) → approved (presiding judge) → submitted → filed. */
export const MinutesStatus = z.enum(['draft', 'finalised', 'approved', 'submitted', 'filed']);
export type MinutesStatus = z.infer<typeof MinutesStatus>;

export const Attendance = z.enum(['present', 'absent', 'excused', 'video']);
export type Attendance = z.infer<typeof Attendance>;

/** Who takes part: the court (judges, secretary) and everyone else; each can be a speaker. */
export const ParticipantRole = z.enum([
  'judge',
  'secretary',
  'party',
  'representative',
  'prosecutor',
  'interpreter',
  'expert',
  'witness',
  'other',
]);
export type ParticipantRole = z.infer<typeof ParticipantRole>;

export const Participant = z.object({
  id: ItemId,
  role: ParticipantRole,
  name: z.string().min(1).max(300),
  /** The procedural role of a party as the case has it (plaintiff, accused, …); else empty. */
  procedureRole: z.string().max(100),
  /** A representative's party (its participant id). */
  representsId: ItemId.nullable(),
  /** Null until the secretary marks it. */
  attendance: Attendance.nullable(),
});
export type Participant = z.infer<typeof Participant>;

export const MinutesHeader = z.object({
  court: z.string().max(300),
  /** Address and room, e.g. "Tallinna Kohtumaja, saal 215". */
  place: z.string().max(300),
  /** Local (Estonian) date of the hearing. */
  date: IsoDate,
  scheduledAt: IsoDateTime,
  hearingKind: z.string().max(200),
  caseId: z.string(),
  caseNumber: z.string(),
  subject: z.string().max(2_000),
  presidingJudgeId: ItemId.nullable(),
  public: z.boolean(),
  /** Why the hearing is closed to the public (required when it is). */
  closedReason: z.string().max(2_000),
});
export type MinutesHeader = z.infer<typeof MinutesHeader>;

export const EntryKind = z.enum([
  'statement',
  'question',
  'answer',
  'application',
  'ruling',
  'evidence',
  'break',
  'deliberation',
  'pronouncement',
  'note',
]);
export type EntryKind = z.infer<typeof EntryKind>;

export const MinutesEntry = z.object({
  id: ItemId,
  kind: EntryKind,
  /** When it happened, stamped as the secretary started it. */
  at: IsoDateTime,
  /** Position in the audio recording (ms since it started); null when not recording. */
  audioMs: z.number().int().nonnegative().nullable(),
  speakerId: ItemId.nullable(),
  text: Text,
  /** A ruling's application, an answer's question. */
  refersToId: ItemId.nullable(),
  /** A pronouncement's appeal route and deadline. */
  appealRoute: z.string().max(2_000),
});
export type MinutesEntry = z.infer<typeof MinutesEntry>;

export const MinutesDeadline = z.object({
  /** Three working days after the hearing (weekends and Estonian public holidays skipped). */
  dueDate: IsoDate,
  /** Working days from today to the due date; 0 on the due date, negative when overdue. */
  workingDaysLeft: z.number().int(),
});
export type MinutesDeadline = z.infer<typeof MinutesDeadline>;

export const MinutesFiling = z.object({
  state: z.enum(['queued', 'filed', 'failed']),
  documentNumber: z.string().nullable(),
  error: z.string().nullable(),
});

export const Minutes = z.object({
  id: MinutesId,
  hearingId: HearingId,
  status: MinutesStatus,
  /** Raised by every `minutes:apply`. */
  revision: z.number().int().nonnegative(),
  createdAt: IsoDateTime,
  savedAt: IsoDateTime,
  header: MinutesHeader,
  startedAt: IsoDateTime.nullable(),
  endedAt: IsoDateTime.nullable(),
  recordingStartedAt: IsoDateTime.nullable(),
  /** e.g. `2-25-7_2026-12-01_0930.mp3`: case number, local date and time the recording started (else scheduled). */
  audioFileName: z.string(),
  participants: z.array(Participant),
  entries: z.array(MinutesEntry),
  /**
   * The judge who approved with their ID card on this computer: their register id (from the cached
   * hearing), and the name and personal code from the card's certificate.
   */
  approvedBy: z.object({ id: z.string(), name: z.string(), personalCode: z.string() }).nullable(),
  approvedAt: IsoDateTime.nullable(),
  deadline: MinutesDeadline,
  filing: MinutesFiling.nullable(),
});
export type Minutes = z.infer<typeof Minutes>;

export const HearingMinutesSummary = z.object({
  hearingId: HearingId,
  caseId: z.string(),
  caseNumber: z.string(),
  subject: z.string(),
  startsAt: IsoDateTime,
  room: z.string(),
  kind: z.string(),
  /** The signed-in user's part in it. */
  myRole: z.enum(['secretary', 'judge']),
  minutesId: MinutesId.nullable(),
  status: MinutesStatus.nullable(),
  deadline: MinutesDeadline,
});
export type HearingMinutesSummary = z.infer<typeof HearingMinutesSummary>;

const HeaderPatch = MinutesHeader.pick({
  court: true,
  place: true,
  subject: true,
  presidingJudgeId: true,
  public: true,
  closedReason: true,
}).partial();

const EntryFields = z.object({
  kind: EntryKind,
  /** Defaults to the time the host received it; the renderer sends the keystroke's time. */
  at: IsoDateTime.optional(),
  speakerId: ItemId.nullable().optional(),
  text: Text.optional(),
  refersToId: ItemId.nullable().optional(),
  appealRoute: z.string().max(2_000).optional(),
});

const EntryPatch = EntryFields.partial().extend({
  audioMs: z.number().int().nonnegative().nullable().optional(),
});

/** One change; a batch of them is applied in one durable transaction. */
export const MinutesOp = z.discriminatedUnion('op', [
  z.object({ op: z.literal('header'), patch: HeaderPatch }),
  z.object({
    op: z.literal('times'),
    startedAt: IsoDateTime.nullable().optional(),
    endedAt: IsoDateTime.nullable().optional(),
  }),
  /** The audio recording started (null: undo); entries from now on carry their audio position. */
  z.object({ op: z.literal('recording'), startedAt: IsoDateTime.nullable() }),
  z.object({
    op: z.literal('participant.upsert'),
    participant: Participant.omit({ attendance: true }).extend({
      attendance: Attendance.nullable().optional(),
    }),
  }),
  z.object({ op: z.literal('participant.remove'), id: ItemId }),
  z.object({ op: z.literal('attendance'), participantId: ItemId, attendance: Attendance.nullable() }),
  /** Adding an id that exists updates it (a resent batch does no harm). Placed after `afterId`, or last. */
  z.object({
    op: z.literal('entry.add'),
    entry: EntryFields.extend({ id: ItemId }),
    afterId: ItemId.nullable().optional(),
  }),
  z.object({ op: z.literal('entry.update'), id: ItemId, patch: EntryPatch }),
  z.object({ op: z.literal('entry.remove'), id: ItemId }),
  /** `afterId` null: first. */
  z.object({ op: z.literal('entry.move'), id: ItemId, afterId: ItemId.nullable() }),
]);
export type MinutesOp = z.infer<typeof MinutesOp>;

/** What `minutes:check` finds missing; the renderer words each code with its params. */
export const MinutesIssueCode = z.enum([
  'start-time-missing',
  'end-time-missing',
  'end-before-start',
  'presiding-judge-missing',
  'secretary-missing',
  'attendance-missing',
  'closed-reason-missing',
  'no-entries',
  'entry-text-missing',
  'speaker-missing',
  'application-without-ruling',
  'pronouncement-missing',
  'appeal-route-missing',
]);
export type MinutesIssueCode = z.infer<typeof MinutesIssueCode>;

export const MinutesIssue = z.object({
  code: MinutesIssueCode,
  /** Errors block finalising; warnings are shown. */
  severity: z.enum(['error', 'warning']),
  /** The participant or entry concerned, for the renderer to name and focus. */
  participantId: ItemId.optional(),
  entryId: ItemId.optional(),
});
export type MinutesIssue = z.infer<typeof MinutesIssue>;

const ById = z.object({ minutesId: MinutesId });

export const minutesChannels = {
  /** The signed-in user's hearings (as secretary or judge) from yesterday to 7 days ahead, from the cache. */
  'minutes:hearings': { input: z.object({}).optional(), output: z.array(HearingMinutesSummary) },
  /** The hearing's minutes, made and prefilled from the cached case if there are none. */
  'minutes:open': { input: z.object({ hearingId: HearingId }), output: Minutes },
  'minutes:get': { input: ById, output: Minutes },
  /** Durable on disk (survives a power cut) when it answers. */
  'minutes:apply': {
    input: ById.extend({
      /** Refused (`conflict`) when the minutes moved past it. */
      baseRevision: z.number().int().nonnegative().optional(),
      ops: z.array(MinutesOp).min(1).max(500),
    }),
    output: z.object({ revision: z.number().int().nonnegative(), savedAt: IsoDateTime }),
  },
  'minutes:check': { input: ById, output: z.array(MinutesIssue) },
  /** Refused while `minutes:check` finds errors; no edits after it. */
  'minutes:finalise': { input: ById, output: Minutes },
  /** Back to draft from finalised or approved (the approval is dropped). */
  'minutes:reopen': { input: ById, output: Minutes },
  /**
   * The presiding judge (a judge of the hearing when none is set) approves finalised minutes on the
   * secretary's computer with their own ID card: PIN1 signs a fresh challenge, the certificate names
   * the judge. The session stays the secretary's. Who and when are recorded.
   */
  'minutes:approve': {
    input: ById.extend({ cardId: z.string().min(1).max(128), pin: Pin }),
    output: Minutes,
  },
  'minutes:export': { input: ById.extend({ format: z.literal('docx') }), output: ExportedFile },
  /** Approved minutes go to the register as the case's next document through the outbox. */
  'minutes:submit': { input: ById, output: Minutes },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const minutesEvents = {
  /** These minutes changed outside the editor (status, approval, filing). */
  'minutes:changed': z.object({ minutesIds: z.array(z.string()) }),
} as const satisfies Record<string, z.ZodType>;
