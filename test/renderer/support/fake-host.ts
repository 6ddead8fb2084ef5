// A test double of the desktop host: the real contract (createBridge, the channels' zod schemas)
// over an in-memory transport, with a tiny in-memory court behind it.
import type { z } from 'zod';
import { type ChambersApi, createBridge } from '../../../src-shared/contract/bridge';
import {
  type Channel,
  type ChannelOutput,
  type Channels,
  channels,
} from '../../../src-shared/contract/channels';
import { type EventName, type EventPayload, events } from '../../../src-shared/contract/events';
import { AppError, describeIssues, err, ok, type Result } from '../../../src-shared/contract/result';
import type { SyncStatus } from '../../../src-shared/contract/sync-status';
import type { CaseSnapshot, CaseSummary } from '../../../src-shared/domain/case';
import { DEMO_CASES, DEMO_USERS } from './demo-data';

type Handlers = { [C in Channel]: (input: z.output<Channels[C]['input']>) => ChannelOutput<C> };
type Session = NonNullable<ChannelOutput<'session:get'>>;

export interface FakeHostOptions {
  cases?: readonly CaseSnapshot[];
  devSignIn?: boolean;
  session?: Session | null;
  sync?: Partial<SyncStatus>;
}

export interface FakeHost {
  api: ChambersApi;
  calls: Array<{ channel: Channel; input: unknown }>;
  state: { session: Session | null; cases: CaseSnapshot[]; sync: SyncStatus };
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
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
      lastSuccessAt: '2025-03-05T12:00:00+02:00',
      lastError: null,
      cachedCases: (options.cases ?? DEMO_CASES).length,
      ...options.sync,
    },
  };
  const requireSession = () => {
    if (!state.session) throw new AppError('unauthenticated', 'Not signed in.');
  };

  const handlers: Handlers = {
    'app:info': () => ({
      version: 'test',
      host: 'browser',
      registerUrl: 'http://127.0.0.1:1',
      devSignIn: options.devSignIn ?? true,
    }),
    'session:get': () => state.session,
    'session:devUsers': () =>
      DEMO_USERS.map(({ user, roleLabel }) => ({
        personalCode: user.personalCode,
        name: user.name,
        roleLabel,
      })),
    'session:devSignIn': ({ personalCode }) => {
      const found = DEMO_USERS.find(({ user }) => user.personalCode === personalCode);
      if (!found) throw new AppError('not_found', `No demo user ${personalCode}.`);
      const session = { user: found.user, mode: 'development' as const };
      state.session = session;
      return session;
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
    'sync:status': () => state.sync,
    'sync:now': () => state.sync,
  };

  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: FakeHost['calls'] = [];

  const api = createBridge({
    async invoke(channel, input): Promise<Result<unknown>> {
      calls.push({ channel, input });
      const parsed = channels[channel].input.safeParse(input);
      if (!parsed.success) return err('invalid_input', describeIssues(parsed.error));
      try {
        const handler = handlers[channel] as (input: unknown) => unknown;
        // The output schema guards the fixtures: an invalid fake answer fails the test loudly.
        return ok(channels[channel].output.parse(handler(parsed.data)));
      } catch (error) {
        if (error instanceof AppError) return err(error.code, error.message);
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
    state,
    emit(event, payload) {
      const parsed = events[event].parse(payload);
      for (const listener of listeners.get(event) ?? []) listener(parsed);
    },
  };
}
