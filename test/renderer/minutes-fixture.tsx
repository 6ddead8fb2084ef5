// A minutes host for the renderer tests: the fake host plus an in-memory minutes store. Ops are
// applied by the renderer's own applyLocal (the same rules as the desktop's apply.ts) and the check
// is the desktop's checkMinutes itself.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { Channel, ChannelOutput, Channels } from '../../src-shared/contract/channels';
import type { CardSummary } from '../../src-shared/contract/id-card';
import type { SessionUser } from '../../src-shared/domain/user';
import type { HearingMinutesSummary, Minutes, MinutesOp } from '../../src-shared/contract/minutes';
import { AppError } from '../../src-shared/contract/result';
import { checkMinutes } from '../../src-main/services/minutes/check';
import { createQueryClient } from '../../src-renderer/app/query-client';
import { applyLocal } from '../../src-renderer/features/minutes/lib/apply-local';
import { MinutesContext, type MinutesLinks } from '../../src-renderer/features/minutes/lib/minutes-context';
import { useHostEvents } from '../../src-renderer/app/use-host-events';
import { I18nProvider } from '../../src-renderer/i18n/i18n-provider';
import { DEMO_CARDS, DEMO_USERS, idCardSession } from './support/demo-data';
import { checkPin, createFakeHost, type FakeHost } from './support/fake-host';

export const MINUTES_ID = '7a2d3c4e-5f60-4b1a-9c2d-3e4f5a6b7c8d';
export const HEARING_ID = 'h-4962-1';
export const CASE_ID = 'case-civil-4962';
/** The demo judge (Kadri Kask) is the presiding judge of these minutes. */
export const JUDGE_USER_ID = 'u-kask';

export function makeMinutes(extra: Partial<Minutes> = {}): Minutes {
  return {
    id: MINUTES_ID,
    hearingId: HEARING_ID,
    status: 'draft',
    revision: 1,
    createdAt: '2026-12-01T07:00:00Z',
    savedAt: '2026-12-01T07:00:00Z',
    header: {
      court: 'Harju Maakohus',
      place: 'Tallinna kohtumaja, saal 215',
      date: '2026-12-01',
      scheduledAt: '2026-12-01T07:30:00Z',
      hearingKind: 'main',
      caseId: CASE_ID,
      caseNumber: '2-24-4962',
      subject: 'Üürivõla väljamõistmine',
      presidingJudgeId: `judge:${JUDGE_USER_ID}`,
      public: true,
      closedReason: '',
    },
    startedAt: null,
    endedAt: null,
    recordingStartedAt: null,
    audioFileName: '2-24-4962_2026-12-01_0930.mp3',
    participants: [
      {
        id: `judge:${JUDGE_USER_ID}`,
        role: 'judge',
        name: 'Kadri Kask',
        procedureRole: '',
        representsId: null,
        attendance: 'present',
      },
      {
        id: 'secretary:u-sepp',
        role: 'secretary',
        name: 'Maarja Sepp',
        procedureRole: '',
        representsId: null,
        attendance: 'present',
      },
      {
        id: 'party:p1',
        role: 'party',
        name: 'Mari Maasikas',
        procedureRole: 'plaintiff',
        representsId: null,
        attendance: null,
      },
      {
        id: 'party:p2',
        role: 'party',
        name: 'OÜ Päikesekiir',
        procedureRole: 'defendant',
        representsId: null,
        attendance: null,
      },
    ],
    entries: [],
    approvedBy: null,
    approvedAt: null,
    deadline: { dueDate: '2026-12-04', workingDaysLeft: 2 },
    filing: null,
    ...extra,
  };
}

export const HEARINGS: HearingMinutesSummary[] = [
  {
    hearingId: HEARING_ID,
    caseId: CASE_ID,
    caseNumber: '2-24-4962',
    subject: 'Üürivõla väljamõistmine',
    startsAt: '2026-12-01T07:30:00Z',
    room: 'saal 215',
    kind: 'main',
    myRole: 'secretary',
    minutesId: null,
    status: null,
    deadline: { dueDate: '2026-12-04', workingDaysLeft: 2 },
  },
  {
    hearingId: 'h-old',
    caseId: 'case-old',
    caseNumber: '1-24-17',
    subject: 'Kelmus',
    startsAt: '2026-11-25T08:00:00Z',
    room: 'saal 101',
    kind: 'preliminary',
    myRole: 'judge',
    minutesId: '11111111-2222-4333-8444-555555555555',
    status: 'draft',
    deadline: { dueDate: '2026-11-30', workingDaysLeft: -1 },
  },
];

export interface MinutesStore {
  minutes: Minutes;
  /**
   * Every `minutes:apply` the host applied, with `Date.now()` when it did. What the renderer sent
   * (answered or not) is `timedCallsTo(host, 'minutes:apply')`; `host.state.gates['minutes:apply']`
   * holds a batch in flight.
   */
  applies: Array<{ ops: MinutesOp[]; at: number }>;
  /** The next `minutes:apply` fails with this error. */
  applyError: AppError | null;
  /** Every approval the host accepted (the PIN as it arrived, to check it was sent once, as typed). */
  approvals: Array<{ cardId: string; pin: string }>;
}

type MinutesChannel = Extract<Channel, `minutes:${string}`>;
type MinutesHandlers = { [C in MinutesChannel]: (input: z.output<Channels[C]['input']>) => ChannelOutput<C> };

/** The minutes channels; `cards` are the cards in the fake host's readers (the approval reads them). */
export function minutesHandlers(store: MinutesStore, cards: () => CardSummary[]): MinutesHandlers {
  const now = () => new Date().toISOString();
  const record = () => ({ ...store.minutes, caseId: CASE_ID, finalisedAt: null, submittedAt: null });
  const status = (from: Minutes['status'][], next: Partial<Minutes>) => {
    if (!from.includes(store.minutes.status))
      throw new AppError('conflict', `The minutes are ${store.minutes.status}.`);
    store.minutes = { ...store.minutes, ...next, revision: store.minutes.revision + 1 };
    return store.minutes;
  };
  return {
    'minutes:hearings': () => HEARINGS,
    'minutes:open': () => store.minutes,
    'minutes:get': () => store.minutes,
    'minutes:apply': ({ ops }) => {
      const error = store.applyError;
      store.applyError = null;
      if (error) throw error;
      if (store.minutes.status !== 'draft')
        throw new AppError('conflict', 'Not a draft.', { reason: 'not-draft' });
      const savedAt = now();
      let next = store.minutes;
      for (const op of ops) next = applyLocal(next, op, savedAt);
      store.minutes = { ...next, revision: next.revision + 1, savedAt };
      store.applies.push({ ops, at: Date.now() });
      return { revision: store.minutes.revision, savedAt };
    },
    'minutes:check': () => checkMinutes(record()),
    'minutes:finalise': () => {
      if (checkMinutes(record()).some((i) => i.severity === 'error'))
        throw new AppError('conflict', 'Incomplete.', { reason: 'incomplete' });
      return status(['draft'], { status: 'finalised' });
    },
    'minutes:reopen': () =>
      status(['finalised', 'approved'], { status: 'draft', approvedBy: null, approvedAt: null }),
    // As the desktop: finalised only; the card in the reader, the holder the presiding judge, then
    // PIN1 as at sign-in (checkPin).
    'minutes:approve': ({ cardId, pin }) => {
      const m = store.minutes;
      if (m.status !== 'finalised')
        throw new AppError('conflict', `The minutes are ${m.status}.`, { reason: `status-${m.status}` });
      const card = cards().find((c) => c.id === cardId);
      if (!card)
        throw new AppError('not_found', 'The card is no longer in the reader.', { reason: 'card_not_found' });
      const presiding = m.participants.find((p) => p.id === m.header.presidingJudgeId);
      if (!presiding || presiding.name.toLowerCase() !== card.holderName.toLowerCase())
        throw new AppError('forbidden', 'Only the presiding judge.', {
          reason: 'not-presiding-judge',
          details: { holderName: card.holderName, approvers: presiding?.name ?? '' },
        });
      checkPin(card, pin);
      store.approvals.push({ cardId, pin });
      return status(['finalised'], {
        status: 'approved',
        approvedBy: {
          id: presiding.id.replace(/^judge:/, ''),
          name: card.holderName,
          personalCode: card.personalCode,
        },
        approvedAt: now(),
      });
    },
    'minutes:export': () => ({
      fileName: '2-24-4962_2026-12-01_0930_protokoll.docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      size: 4,
      base64: btoa('PK\u0003\u0004'),
    }),
    'minutes:submit': () =>
      status(['approved'], {
        status: 'submitted',
        filing: { state: 'queued', documentNumber: null, error: null },
      }),
  };
}

export function createMinutesStore(minutes: Minutes = makeMinutes()): MinutesStore {
  return { minutes, applies: [], applyError: null, approvals: [] };
}

/** Host events reach the query cache as under the shell (app/root.tsx). */
function HostEvents() {
  useHostEvents();
  return null;
}

export interface MinutesRender {
  host: FakeHost;
  queryClient: QueryClient;
  links: MinutesLinks & { opened: string[] };
}

/** The court session secretary who writes the minutes (and stays signed in while the judge approves). */
export const SECRETARY_USER: SessionUser = {
  id: 'u-sepp',
  name: 'Maarja Sepp',
  personalCode: '49403136526',
  roles: [{ role: 'court_session_secretary', courtCode: 'HMK', observerScope: null }],
};
/** Another judge of the court, not presiding over this hearing. */
export const OTHER_JUDGE_CARD: CardSummary = {
  id: 'card-u-tamm',
  holderName: 'Toomas Tamm',
  personalCode: '38001010009',
  pin1: { triesLeft: 3, blocked: false },
};
/** In the reader by default: the presiding judge's (Kadri Kask), the chancery official's, another judge's. */
export const READER_CARDS: readonly CardSummary[] = [...DEMO_CARDS, OTHER_JUDGE_CARD];

/** Installs the host (signed in as `user`, the judge by default) and the minutes context. */
export function installMinutesHost(
  store: MinutesStore,
  user = DEMO_USERS[0]!.user,
  cards: readonly CardSummary[] = READER_CARDS,
) {
  window.localStorage.setItem('chambers.language', 'et');
  let readerCards: () => CardSummary[] = () => [];
  const host = createFakeHost({
    session: idCardSession(user),
    cards,
    handlers: minutesHandlers(store, () => readerCards()),
  });
  readerCards = () => host.state.cards;
  Object.defineProperty(window, 'chambers', { value: host.api, configurable: true, writable: true });
  const opened: string[] = [];
  const links = {
    minutesHref: (id: string | null) => (id === null ? '#/minutes' : `#/minutes/${id}`),
    openMinutes: (id: string) => void opened.push(id),
    caseHref: (caseId: string) => `#/cases/${caseId}`,
    userId: user.id,
    opened,
  };
  return { host, links };
}

export function Providers({
  queryClient,
  links,
  children,
}: {
  queryClient: QueryClient;
  links: MinutesLinks;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <MinutesContext value={links}>
          <HostEvents />
          <main>{children}</main>
        </MinutesContext>
      </I18nProvider>
    </QueryClientProvider>
  );
}

export function renderMinutes(
  store: MinutesStore,
  children: ReactNode,
  user = DEMO_USERS[0]!.user,
  cards?: readonly CardSummary[],
): MinutesRender {
  const { host, links } = installMinutesHost(store, user, cards);
  const queryClient = createQueryClient();
  render(
    <Providers queryClient={queryClient} links={links}>
      {children}
    </Providers>,
  );
  return { host, queryClient, links };
}

/** Every op the host received, in order. */
export const appliedOps = (store: MinutesStore) => store.applies.flatMap((apply) => apply.ops);
