// A court kept in memory that answers the allocation screen's channels through the fake host.
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { AppError } from '../../../src-shared/contract/result';
import type { CourtJudge, CourtStatistics } from '../../../src-shared/contract/workspace';
import type { AllocationPlan, AllocationPlanResponse } from '../../../src-shared/register-api/allocation';
import { createQueryClient } from '../../../src-renderer/app/query-client';
import { AllocationScreen } from '../../../src-renderer/features/allocation/components/allocation-screen';
import { I18nProvider } from '../../../src-renderer/i18n/i18n-provider';
import { createFakeHost, type FakeHost, type FakeHostOptions } from '../support/fake-host';

export const KASK = '6f1c2a4e-8b0d-4c57-9a3e-1d2b3c4d5e01';
export const SAAR = '6f1c2a4e-8b0d-4c57-9a3e-1d2b3c4d5e02';
export const TAMM = '6f1c2a4e-8b0d-4c57-9a3e-1d2b3c4d5e03';
export const PRESIDENT = '6f1c2a4e-8b0d-4c57-9a3e-1d2b3c4d5e09';

export interface Court {
  judges: CourtJudge[];
  plans: AllocationPlan[];
  statistics: CourtStatistics['rows'];
  /** While set, every register call answers `unavailable`, as the host does offline. */
  offline: boolean;
}

export function demoCourt(): Court {
  return {
    judges: [
      { id: KASK, name: 'Mari Kask', absences: [] },
      {
        id: SAAR,
        name: 'Toomas Saar',
        absences: [{ id: 'a-1', from: '2025-07-01', to: '2025-07-21', reason: 'Põhipuhkus' }],
      },
      { id: TAMM, name: 'Jaan Tamm', absences: [] },
    ],
    plans: [
      {
        courtCode: 'HMK',
        version: 1,
        createdAt: '2025-01-02T09:00:00+02:00',
        createdBy: PRESIDENT,
        reason: 'Aasta tööjaotusplaan',
        entries: [
          { judgeId: KASK, procedureTypes: ['civil'], categories: null, weight: 1, panelMember: false },
          {
            judgeId: SAAR,
            procedureTypes: ['criminal', 'misdemeanour'],
            categories: null,
            weight: 0.75,
            panelMember: true,
          },
        ],
        exclusions: [],
        panelProcedureTypes: [],
      },
      {
        courtCode: 'HMK',
        version: 2,
        createdAt: '2025-02-10T14:30:00+02:00',
        createdBy: SAAR,
        reason: 'Kohtunik Saar vähendatud koormusega',
        entries: [
          { judgeId: KASK, procedureTypes: ['civil'], categories: null, weight: 1, panelMember: false },
          {
            judgeId: SAAR,
            procedureTypes: ['criminal', 'misdemeanour'],
            categories: ['Liiklus'],
            weight: 0.5,
            panelMember: true,
          },
        ],
        exclusions: [
          { judgeId: KASK, procedureType: 'civil', category: 'Pankrot', reason: 'Huvide konflikt' },
        ],
        panelProcedureTypes: ['criminal'],
      },
    ],
    statistics: [
      {
        judgeId: KASK,
        judgeName: 'Mari Kask',
        procedureType: 'civil',
        pending: 40,
        incoming: 30,
        resolved: 25,
        clearanceRate: 25 / 30,
        dispositionTimeDays: (365 * 40) / 25,
      },
      {
        judgeId: SAAR,
        judgeName: 'Toomas Saar',
        procedureType: 'criminal',
        pending: 10,
        incoming: 0,
        resolved: 0,
        clearanceRate: null,
        dispositionTimeDays: null,
      },
    ],
    offline: false,
  };
}

const overview = (court: Court): AllocationPlanResponse => ({
  current: court.plans.at(-1) ?? null,
  versions: court.plans.map(({ version, createdAt, createdBy, reason }) => ({
    version,
    createdAt,
    createdBy,
    reason,
  })),
});

/** The register's side of the screen, kept in memory; each write changes what the next read sees. */
function courtHandlers(court: Court): FakeHostOptions['handlers'] {
  const online = () => {
    if (court.offline) throw new AppError('unavailable', 'The register cannot be reached.');
  };
  return {
    'court:judges': () => {
      online();
      return court.judges;
    },
    'allocation:plan': () => {
      online();
      return overview(court);
    },
    'allocation:putPlan': ({ court: code, plan }) => {
      online();
      court.plans.push({
        courtCode: code,
        version: court.plans.length + 1,
        createdAt: '2025-03-05T10:00:00+02:00',
        createdBy: PRESIDENT,
        ...plan,
      });
      return overview(court);
    },
    'allocation:addAbsence': ({ court: code, absence }) => {
      online();
      const id = `a-${court.judges.flatMap((judge) => judge.absences).length + 1}`;
      const judge = court.judges.find((candidate) => candidate.id === absence.judgeId);
      judge?.absences.push({ id, from: absence.from, to: absence.to, reason: absence.reason });
      return { id, courtCode: code, ...absence };
    },
    'court:statistics': ({ court: code, query }) => {
      online();
      return { courtCode: code, from: query.from, to: query.to, rows: court.statistics };
    },
  };
}

/** Renders the screen alone, as the shell would, over a fake host answering from `court`. */
export function renderAllocation(
  court: Court,
  { courts = ['HMK'], language = 'en' }: { courts?: string[]; language?: 'et' | 'en' } = {},
): { host: FakeHost } {
  window.localStorage.setItem('chambers.language', language);
  const host = createFakeHost({ handlers: courtHandlers(court) });
  Object.defineProperty(window, 'chambers', { value: host.api, configurable: true, writable: true });
  const client = createQueryClient();
  // Offline answers are final in a test: no retry delays.
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retry: false } });
  render(
    <QueryClientProvider client={client}>
      <I18nProvider>
        <AllocationScreen courts={courts} />
      </I18nProvider>
    </QueryClientProvider>,
  );
  return { host };
}

/** The inputs of the calls on a channel: shared with the other renderer fixtures. */
export { callsTo } from '../support/fake-host';
