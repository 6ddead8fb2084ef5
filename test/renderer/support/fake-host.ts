// A test double of the desktop host: the real contract (createBridge, the channels' zod schemas)
// over an in-memory transport, with a tiny in-memory court behind it.
import type { z } from 'zod';
import { type ChambersApi, createBridge } from '../../../src-shared/contract/bridge';
import {
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type Channels,
  CHANNEL_NAMES,
  channels,
} from '../../../src-shared/contract/channels';
import { type EventName, type EventPayload, events } from '../../../src-shared/contract/events';
import { AppError, describeIssues, err, ok, type Result } from '../../../src-shared/contract/result';
import type { CardList, CardSummary } from '../../../src-shared/contract/id-card';
import type { SyncStatus } from '../../../src-shared/contract/sync-status';
import type { NoteConflict } from '../../../src-shared/contract/notes';
import type { CaseSnapshot, CaseSummary } from '../../../src-shared/domain/case';
import type { Annotation } from '../../../src-shared/contract/viewer';
import { DEMO_CARDS, DEMO_CASES, DEMO_PIN, DEMO_USERS, idCardSession } from './demo-data';

type Handlers = { [C in Channel]: (input: z.output<Channels[C]['input']>) => ChannelOutput<C> };
type Session = NonNullable<ChannelOutput<'session:get'>>;

export interface FakeHostOptions {
  cases?: readonly CaseSnapshot[];
  session?: Session | null;
  sync?: Partial<SyncStatus>;
  /** The cards in the readers; by default the demo judge's card. */
  cards?: readonly CardSummary[];
  /** The card module as `card:list` reports it; loaded by default. */
  module?: CardList['module'];
  /** How a successful sign-in connects: through the register, or offline by the pinned certificate. */
  connection?: Session['connection'];
  /** Answers for any channel in place of the defaults below (the workspace screens' tests). */
  handlers?: Partial<Handlers>;
}

export interface FakeHostState {
  session: Session | null;
  cases: CaseSnapshot[];
  sync: SyncStatus;
  cards: CardSummary[];
  module: CardList['module'];
  connection: Session['connection'];
  /** The next sign-in fails with this error (a register refusal, say), whatever the PIN. */
  signInError: AppError | null;
  /** While set, `session:signIn` waits for it: lets a test see the busy state. */
  signInGate: Promise<void> | null;
  /**
   * A call on a channel with a gate here waits for it after it is logged and before the host
   * answers (a save or a batch in flight). Set `null` or delete it to let later calls through.
   */
  gates: Partial<Record<Channel, Promise<void> | null>>;
  /** Notes in conflict, as `notes:conflicts` answers; resolving one removes it. */
  conflicts: NoteConflict[];
  /** The user's notes and highlights, as the local store holds them (`annotations:*`). */
  annotations: Annotation[];
  /** While set, `annotations:put` and `annotations:delete` wait for it: the optimistic state shows. */
  annotationGate: Promise<void> | null;
  /** The next `annotations:put` or `annotations:delete` fails with this error. */
  annotationError: AppError | null;
}

export interface FakeHost {
  api: ChambersApi;
  /** Every call as the renderer made it (answered or not, before any gate), in order. */
  calls: Array<{ channel: Channel; input: unknown }>;
  /** When each of `calls` was made (`Date.now()`), index for index. */
  callTimes: number[];
  state: FakeHostState;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/** The inputs of every call on `channel`, in order, as the renderer sent them. */
export function callsTo<C extends Channel>(host: FakeHost, channel: C): Array<ChannelInput<C>> {
  return host.calls.filter((call) => call.channel === channel).map((call) => call.input as ChannelInput<C>);
}

/** Like `callsTo`, with the time (`Date.now()`) each call was made. */
export function timedCallsTo<C extends Channel>(
  host: FakeHost,
  channel: C,
): Array<{ input: ChannelInput<C>; at: number }> {
  return host.calls.flatMap((call, index) =>
    call.channel === channel ? [{ input: call.input as ChannelInput<C>, at: host.callTimes[index]! }] : [],
  );
}

/**
 * Like the host: PIN1 counts down on the card, a blocked card refuses (`forbidden`, pin_blocked), a
 * wrong PIN is `unauthenticated` with the tries left; the right one resets the counter.
 */
export function checkPin(card: CardSummary, pin: string): void {
  if (card.pin1.blocked) throw new AppError('forbidden', 'PIN1 is blocked.', { reason: 'pin_blocked' });
  if (pin !== DEMO_PIN) {
    const triesLeft = Math.max(0, (card.pin1.triesLeft ?? 3) - 1);
    card.pin1 = { triesLeft, blocked: triesLeft === 0 };
    if (triesLeft === 0) throw new AppError('forbidden', 'PIN1 is blocked.', { reason: 'pin_blocked' });
    throw new AppError('unauthenticated', 'Wrong PIN.', {
      reason: 'pin_incorrect',
      details: { triesLeft },
    });
  }
  card.pin1 = { triesLeft: 3, blocked: false };
}

function summarize(snapshot: CaseSnapshot): CaseSummary {
  const { id, number, procedureType, court, status, subject, restriction, registeredAt, judge } = snapshot;
  const next = snapshot.hearings.map((hearing) => hearing.startsAt).sort()[0] ?? null;
  return {
    id,
    number,
    procedureType,
    court,
    status,
    subject,
    restriction,
    registeredAt,
    judge,
    partyNames: snapshot.parties.map((party) => party.name),
    nextHearingAt: next,
  };
}

export function createFakeHost(options: FakeHostOptions = {}): FakeHost {
  const state: FakeHost['state'] = {
    session: options.session ?? null,
    cases: [...(options.cases ?? DEMO_CASES)],
    sync: {
      connectivity: 'online',
      progress: null,
      pending: 0,
      failed: 0,
      conflicts: 0,
      lastSuccessAt: '2025-03-05T12:00:00+02:00',
      lastError: null,
      cachedCases: (options.cases ?? DEMO_CASES).length,
      ...options.sync,
      revision: options.sync?.revision ?? 0,
    },
    cards: (options.cards ?? [DEMO_CARDS[0]!]).map((card) => ({ ...card, pin1: { ...card.pin1 } })),
    module: options.module ?? { path: '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so', loaded: true },
    connection: options.connection ?? 'online',
    signInError: null,
    signInGate: null,
    gates: {},
    conflicts: [],
    annotations: [],
    annotationGate: null,
    annotationError: null,
  };
  const takeAnnotationError = () => {
    const error = state.annotationError;
    state.annotationError = null;
    if (error) throw error;
  };
  const notHere = (): never => {
    throw new AppError('not_found', 'Nothing of that in this fake host.');
  };
  const requireSession = () => {
    if (!state.session) throw new AppError('unauthenticated', 'Not signed in.');
  };

  const defaults: Partial<Handlers> = {
    'app:info': () => ({
      version: 'test',
      host: 'browser',
      registerUrl: 'http://127.0.0.1:1',
      cardModule: state.module.path,
    }),
    'card:list': () => ({ module: state.module, cards: state.module.loaded ? state.cards : [] }),
    'session:get': () => state.session,
    // Like the host: PIN1 counts down on the card (checkPin), the register may refuse.
    'session:signIn': ({ cardId, pin }) => {
      const card = state.cards.find((candidate) => candidate.id === cardId);
      if (!card)
        throw new AppError('not_found', 'The card is no longer in the reader.', { reason: 'card_not_found' });
      checkPin(card, pin);
      if (state.signInError) {
        const error = state.signInError;
        state.signInError = null;
        throw error;
      }
      const user = DEMO_USERS.find(({ user }) => user.personalCode === card.personalCode)?.user;
      if (!user) throw new AppError('unauthenticated', 'Unknown user.', { reason: 'user_unknown' });
      state.session = idCardSession(user, state.connection);
      return state.session;
    },
    'session:signOut': () => {
      state.session = null;
      return null;
    },
    'cases:list': (input) => {
      requireSession();
      const text = input?.text?.toLowerCase();
      return state.cases
        .filter((snapshot) => !input?.procedureType || snapshot.procedureType === input.procedureType)
        .filter((snapshot) =>
          !text
            ? true
            : [snapshot.number, snapshot.subject, ...snapshot.parties.map((party) => party.name)].some(
                (field) => field.toLowerCase().includes(text),
              ),
        )
        .slice(0, input?.limit ?? 100)
        .map(summarize);
    },
    'cases:get': ({ caseId }) => {
      requireSession();
      const found = state.cases.find((snapshot) => snapshot.id === caseId);
      if (!found) throw new AppError('not_found', `No case ${caseId} in the cache.`);
      return found;
    },
    'notes:get': () => null,
    'notes:put': ({ caseId, text }) => ({
      caseId,
      text,
      baseVersion: null,
      serverVersion: null,
      unsent: true,
      conflictId: null,
    }),
    'notes:conflicts': () => state.conflicts,
    'notes:resolve': ({ conflictId }) => {
      state.conflicts = state.conflicts.filter((conflict) => conflict.id !== conflictId);
      state.sync = { ...state.sync, conflicts: state.conflicts.length };
      return null;
    },
    'outbox:failed': () => [],
    'outbox:retry': () => null,
    'outbox:dismiss': () => null,
    'documents:open': ({ documentId }) => {
      throw new AppError('not_found', `No document ${documentId} here.`);
    },
    'documents:progress': () => ({ running: false, done: 0, total: 0, failed: 0 }),
    'viewer:getState': () => null,
    'viewer:putState': () => null,
    // Like the local store: saved at once and marked unsent; the case is the document's (here: a fixed one).
    'annotations:list': ({ documentId }) =>
      state.annotations.filter((annotation) => annotation.documentId === documentId),
    'annotations:put': (input) => {
      takeAnnotationError();
      const now = new Date().toISOString();
      const previous = state.annotations.find((annotation) => annotation.id === input.id);
      const saved: Annotation = {
        ...input,
        caseId: previous?.caseId ?? 'case-1',
        createdAt: previous?.createdAt ?? now,
        updatedAt: now,
        unsent: true,
      };
      state.annotations = [...state.annotations.filter((annotation) => annotation.id !== input.id), saved];
      return saved;
    },
    'annotations:delete': ({ id }) => {
      takeAnnotationError();
      state.annotations = state.annotations.filter((annotation) => annotation.id !== id);
      return null;
    },
    'sync:status': () => state.sync,
    'sync:now': () => state.sync,
    'work:mine': () => {
      requireSession();
      return {
        today: '2025-03-05',
        myCases: state.cases.map((snapshot) => ({ ...summarize(snapshot), nextDeadline: null })),
        hearingsToday: [],
        hearingsThisWeek: [],
        decisionsDue: [],
        pending: { pending: state.sync.pending, failed: state.sync.failed, conflicts: state.sync.conflicts },
      };
    },
    'search:cases': (input) => {
      requireSession();
      const text = input.text?.toLowerCase();
      return state.cases
        .filter((snapshot) => !input.procedureType || snapshot.procedureType === input.procedureType)
        .filter((snapshot) => !input.status || snapshot.status === input.status)
        .filter(
          (snapshot) =>
            !text ||
            snapshot.number.toLowerCase().includes(text) ||
            snapshot.subject.toLowerCase().includes(text),
        )
        .slice(0, input.limit ?? 100)
        .map((snapshot) => ({ ...summarize(snapshot), matches: [] }));
    },
    'search:facets': () => ({ courts: [], judges: [] }),
    'cases:register': () => {
      throw new AppError('unavailable', 'The register cannot be reached.');
    },
    'court:judges': () => [],
    'allocation:plan': () => ({ current: null, versions: [] }),
    'allocation:putPlan': () => {
      throw new AppError('unavailable', 'The register cannot be reached.');
    },
    'allocation:addAbsence': () => {
      throw new AppError('unavailable', 'The register cannot be reached.');
    },
    'court:statistics': ({ court, query }) => ({
      courtCode: court,
      from: query.from,
      to: query.to,
      rows: [],
    }),
    'settings:get': () => {
      const settings = { registerUrl: 'http://127.0.0.1:1', cardModule: state.module.path };
      return { ...settings, inEffect: settings, restartNeeded: false };
    },
    'settings:put': (input) => ({
      ...input,
      inEffect: { registerUrl: 'http://127.0.0.1:1', cardModule: state.module.path },
      restartNeeded: true,
    }),
    // No templates and no drafts unless a test brings its own handlers.
    'drafting:templates': () => [],
    'drafts:list': () => [],
  };
  // Channels without a default here (drafts, minutes) answer not_found unless a test brings them.
  const unwired = Object.fromEntries(CHANNEL_NAMES.map((channel) => [channel, notHere]));
  const handlers = { ...unwired, ...defaults, ...options.handlers } as Handlers;

  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: FakeHost['calls'] = [];
  const callTimes: number[] = [];
  // The named gates of the state are shorthands for the sign-in and the annotation writes.
  const gateOf = (channel: Channel) =>
    (channel === 'session:signIn'
      ? state.signInGate
      : channel === 'annotations:put' || channel === 'annotations:delete'
        ? state.annotationGate
        : null) ?? state.gates[channel];

  const api = createBridge({
    documentUrl: (documentId) => `/documents/${encodeURIComponent(documentId)}`,
    async invoke(channel, input): Promise<Result<unknown>> {
      calls.push({ channel, input });
      callTimes.push(Date.now());
      const gate = gateOf(channel);
      if (gate) await gate;
      const parsed = channels[channel].input.safeParse(input);
      if (!parsed.success) return err('invalid_input', describeIssues(parsed.error));
      try {
        const handler = handlers[channel] as (input: unknown) => unknown;
        // The output schema guards the fixtures: an invalid fake answer fails the test loudly.
        return ok(channels[channel].output.parse(handler(parsed.data)));
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toShape() };
        throw error;
      }
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  });

  return {
    api,
    calls,
    callTimes,
    state,
    emit(event, payload) {
      const parsed = events[event].parse(payload);
      for (const listener of listeners.get(event) ?? []) listener(parsed);
    },
  };
}
