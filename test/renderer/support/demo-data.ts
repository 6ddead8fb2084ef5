// A small court for the renderer tests: four cases across procedure types, one restricted.
import type { CardSummary, SessionInfo } from '../../../src-shared/contract/id-card';
import type { CaseSnapshot } from '../../../src-shared/domain/case';
import type { SessionUser } from '../../../src-shared/domain/user';

const sha = (digit: string) => digit.repeat(64);
const judgeKask = { id: 'u-kask', name: 'Kadri Kask' };
const judgeSaar = { id: 'u-saar', name: 'Toomas Saar' };

export const DEMO_USERS: ReadonlyArray<{ roleLabel: string; user: SessionUser }> = [
  {
    roleLabel: 'Kohtunik',
    user: {
      id: 'u-kask',
      name: 'Kadri Kask',
      personalCode: '48001010005',
      roles: [{ role: 'judge', courtCode: 'HMK', observerScope: null }],
    },
  },
  {
    roleLabel: 'Kantselei ametnik',
    user: {
      id: 'u-lepp',
      name: 'Liis Lepp',
      personalCode: '49002020068',
      roles: [{ role: 'chancery_official', courtCode: 'HMK', observerScope: null }],
    },
  },
];

/** The PIN1 every demo card accepts. */
export const DEMO_PIN = '1234';

/** One card per demo user, as the host reads them from the authentication certificate. */
export const DEMO_CARDS: readonly CardSummary[] = DEMO_USERS.map(({ user }) => ({
  id: `card-${user.id}`,
  holderName: user.name,
  personalCode: user.personalCode,
  pin1: { triesLeft: 3, blocked: false },
}));

export function idCardSession(
  user: SessionUser,
  connection: SessionInfo['connection'] = 'online',
): SessionInfo {
  return { user, mode: 'id-card', connection, expiresAt: '2030-01-01T18:00:00+02:00' };
}

export const DEMO_CASES: readonly CaseSnapshot[] = [
  {
    id: 'case-civil-4962',
    number: '2-24-4962',
    procedureType: 'civil',
    court: { code: 'HMK', name: 'Harju Maakohus' },
    status: 'in_progress',
    subject: 'Võlanõue üürilepingust',
    category: 'Üürivaidlus',
    claimValueCents: 1_250_000,
    restriction: 'none',
    registeredAt: '2024-03-05T09:15:00+02:00',
    judge: judgeKask,
    parties: [
      {
        id: 'p1',
        kind: 'natural',
        name: 'Mari Maasikas',
        code: '49001010001',
        role: 'plaintiff',
        representative: 'vandeadvokaat Jaan Tamm',
      },
      {
        id: 'p2',
        kind: 'legal',
        name: 'OÜ Päikesekiir',
        code: '12345678',
        role: 'defendant',
        representative: null,
      },
    ],
    hearings: [
      {
        id: 'h1',
        startsAt: '2030-05-14T10:00:00+03:00',
        room: '215',
        public: true,
        kind: 'eelistung',
        judges: [judgeKask],
        secretary: null,
      },
    ],
    documents: [
      {
        id: 'd2',
        number: '2-24-4962/2',
        kind: 'response',
        title: 'Vastus hagiavaldusele',
        mediaType: 'application/pdf',
        sha256: sha('b'),
        size: 245_760,
        pages: 4,
        restricted: false,
        filedAt: '2024-04-02T12:00:00+03:00',
      },
      {
        id: 'd1',
        number: '2-24-4962/1',
        kind: 'statement_of_claim',
        title: 'Hagiavaldus',
        mediaType: 'application/pdf',
        sha256: sha('a'),
        size: 3_355_443,
        pages: 12,
        restricted: false,
        filedAt: '2024-03-05T09:15:00+02:00',
      },
    ],
    steps: [
      {
        id: 's1',
        kind: 'registreerimine',
        occurredAt: '2024-03-05T09:15:00+02:00',
        enteredAt: '2024-03-05T09:15:00+02:00',
        description: 'Hagiavaldus registreeriti.',
      },
      {
        id: 's2',
        kind: 'menetlusse võtmine',
        occurredAt: '2024-03-11T12:00:00+02:00',
        enteredAt: '2024-03-13T12:00:00+02:00',
        description: 'Hagi võeti menetlusse.',
      },
    ],
    version: 3,
  },
  {
    id: 'case-criminal-1500',
    number: '1-23-1500',
    procedureType: 'criminal',
    court: { code: 'TMK', name: 'Tartu Maakohus' },
    status: 'registered',
    subject: 'Kelmus',
    category: null,
    claimValueCents: null,
    restriction: 'none',
    registeredAt: '2023-11-20T10:00:00+02:00',
    judge: judgeSaar,
    parties: [
      { id: 'p3', kind: 'natural', name: 'Peeter Pärn', code: null, role: 'accused', representative: null },
    ],
    hearings: [],
    documents: [],
    steps: [],
    version: 1,
  },
  {
    id: 'case-adoption-7001',
    number: '2-24-7001',
    procedureType: 'civil',
    court: { code: 'HMK', name: 'Harju Maakohus' },
    status: 'in_progress',
    subject: 'Lapsendamise avaldus',
    category: null,
    claimValueCents: null,
    restriction: 'adoption',
    registeredAt: '2024-06-01T10:00:00+03:00',
    judge: judgeKask,
    parties: [
      { id: 'p4', kind: 'natural', name: 'Kati Kuusk', code: null, role: 'applicant', representative: null },
    ],
    hearings: [],
    documents: [],
    steps: [],
    version: 1,
  },
  {
    id: 'case-admin-601',
    number: '3-24-601',
    procedureType: 'administrative',
    court: { code: 'TLHK', name: 'Tallinna Halduskohus' },
    status: 'registered',
    subject: 'Ehitusloa tühistamine',
    category: null,
    claimValueCents: null,
    restriction: 'none',
    registeredAt: '2024-02-10T10:00:00+02:00',
    judge: null,
    parties: [
      {
        id: 'p5',
        kind: 'legal',
        name: 'AS Linnaehitus',
        code: '10000001',
        role: 'appellant',
        representative: null,
      },
    ],
    hearings: [],
    documents: [],
    steps: [],
    version: 1,
  },
];
