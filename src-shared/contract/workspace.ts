import { z } from 'zod';
import { CaseStatus, CaseSummary, ProcedureType } from '../domain/index.js';
import {
  AbsenceRequest,
  AbsenceResponse,
  AllocationPlanResponse,
  CourtCode,
  CourtJudgeEntry,
  CourtStatisticsQuery,
  CourtStatisticsResponse,
  CourtStatisticsRowEntry,
  PutAllocationPlanRequest,
  RegistrationRequest,
  RegistrationResponse,
} from '../register-api/index.js';

const IsoDate = z.iso.date();
const IsoDateTime = z.iso.datetime({ offset: true });

/** A hearing as My work lists it: with its case, so a row can open the case file. */
export const WorkHearing = z.object({
  hearingId: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  subject: z.string(),
  startsAt: IsoDateTime,
  room: z.string(),
  kind: z.string(),
  public: z.boolean(),
});
export type WorkHearing = z.infer<typeof WorkHearing>;

/**
 * A written decision the user owes: an in-progress case of theirs whose last hearing has passed and
 * which has no `decided` step yet; due ten days after that hearing (domain.md, "Decisions").
 */
export const DecisionDue = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  subject: z.string(),
  lastHearingAt: IsoDateTime,
  dueOn: IsoDate,
  overdue: z.boolean(),
});
export type DecisionDue = z.infer<typeof DecisionDue>;

/** One of the user's own cases (they are its judge, or the secretary of one of its hearings). */
export const MyCase = CaseSummary.extend({
  /** The nearest of: the next hearing, the decision due date; null when nothing is pending. */
  nextDeadline: z.object({ kind: z.enum(['hearing', 'decision']), at: IsoDateTime }).nullable(),
});
export type MyCase = z.infer<typeof MyCase>;

/** Everything the My work screen shows, read from the local cache (works offline). */
export const MyWork = z.object({
  /** "Today" as the host computed it (local time zone of the computer), YYYY-MM-DD. */
  today: IsoDate,
  myCases: z.array(MyCase),
  hearingsToday: z.array(WorkHearing),
  /** From tomorrow to the end of the seventh day from today. */
  hearingsThisWeek: z.array(WorkHearing),
  decisionsDue: z.array(DecisionDue),
  /** The outbox: local changes waiting for the register, refused ones, conflicts. */
  pending: z.object({
    pending: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    conflicts: z.number().int().nonnegative(),
  }),
});
export type MyWork = z.infer<typeof MyWork>;

/** The search screen's filters; all optional, combined with AND. Dates are registration dates. */
export const CaseSearchInput = z.object({
  text: z.string().max(200).optional(),
  procedureType: ProcedureType.optional(),
  status: CaseStatus.optional(),
  courtCode: CourtCode.optional(),
  judgeId: z.string().min(1).max(64).optional(),
  registeredFrom: IsoDate.optional(),
  registeredTo: IsoDate.optional(),
  limit: z.number().int().min(1).max(500).optional(),
});
export type CaseSearchInput = z.infer<typeof CaseSearchInput>;

/** A search hit: the case row plus where the text matched, with the matched words marked. */
export const CaseSearchHit = CaseSummary.extend({
  /**
   * Snippets of the matching fields; each is split into parts so the renderer can mark matches
   * without parsing HTML: `[{ text: 'Hagi ', match: false }, { text: 'Tamm', match: true }]`.
   */
  matches: z.array(
    z.object({
      field: z.enum(['number', 'subject', 'parties', 'steps', 'documents']),
      parts: z.array(z.object({ text: z.string(), match: z.boolean() })),
    }),
  ),
});
export type CaseSearchHit = z.infer<typeof CaseSearchHit>;

/** Values the filters offer, from the cache (the courts and judges the user's cases have). */
export const SearchFacets = z.object({
  courts: z.array(z.object({ code: z.string(), name: z.string() })),
  judges: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type SearchFacets = z.infer<typeof SearchFacets>;

/** A judge of a court with the absences recorded for them (the register's answer, as it is). */
export const CourtJudge = CourtJudgeEntry;
export type CourtJudge = CourtJudgeEntry;

/** CEPEJ indicators per judge and procedure type for a period (domain.md, "Statistics"). */
export const CourtStatisticsRow = CourtStatisticsRowEntry;
export type CourtStatisticsRow = CourtStatisticsRowEntry;
export const CourtStatistics = CourtStatisticsResponse;
export type CourtStatistics = CourtStatisticsResponse;
/** The period, both days inclusive; at most ten years (checked here, and again by the register). */
export const StatisticsQuery = CourtStatisticsQuery;

/** Host settings the user can change; they take effect at the next start of the app. */
export const HostSettings = z.object({
  registerUrl: z.url({ protocol: /^https?$/ }),
  cardModule: z.string().min(1).max(1024),
});
export type HostSettings = z.infer<typeof HostSettings>;

export const HostSettingsView = HostSettings.extend({
  /** What this run uses (a command-line flag wins over the saved setting). */
  inEffect: HostSettings,
  /** True when the saved settings differ from what is in effect: a restart applies them. */
  restartNeeded: z.boolean(),
});
export type HostSettingsView = z.infer<typeof HostSettingsView>;

/**
 * Channels of the workspace screens (issue 6); merged into `channels`. Court administration goes
 * to the register directly (it needs the register: a number, a draw, a plan version) and answers
 * `unavailable` offline with a message the screen shows.
 */
export const workspaceChannels = {
  'work:mine': { input: z.void(), output: MyWork },
  'search:cases': { input: CaseSearchInput, output: z.array(CaseSearchHit) },
  'search:facets': { input: z.void(), output: SearchFacets },
  /** Chancery: registers a case on the register; the answer carries the number and the allocation. */
  'cases:register': { input: RegistrationRequest, output: RegistrationResponse },
  'court:judges': { input: z.object({ court: CourtCode }), output: z.array(CourtJudge) },
  'allocation:plan': { input: z.object({ court: CourtCode }), output: AllocationPlanResponse },
  'allocation:putPlan': {
    input: z.object({ court: CourtCode, plan: PutAllocationPlanRequest }),
    output: AllocationPlanResponse,
  },
  'allocation:addAbsence': {
    input: z.object({ court: CourtCode, absence: AbsenceRequest }),
    output: AbsenceResponse,
  },
  'court:statistics': {
    input: z.object({ court: CourtCode, query: StatisticsQuery }),
    output: CourtStatistics,
  },
  'settings:get': { input: z.void(), output: HostSettingsView },
  'settings:put': { input: HostSettings, output: HostSettingsView },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
