import { QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MyCase, MyWork } from '../../../src-shared/contract/workspace';
import { AppError } from '../../../src-shared/contract/result';
import { createQueryClient } from '../../../src-renderer/app/query-client';
import { WorkScreen } from '../../../src-renderer/features/work/components/work-screen';
import { useHostEvents } from '../../../src-renderer/app/use-host-events';
import { I18nProvider } from '../../../src-renderer/i18n/i18n-provider';
import { LANGUAGE_STORAGE_KEY } from '../../../src-renderer/i18n/languages';
import { createFakeHost, type FakeHostOptions } from '../support/fake-host';
import { resetWindow } from '../support/render-app';

afterEach(resetWindow);

function Invalidation() {
  useHostEvents();
  return null;
}

function renderWork(options: FakeHostOptions, { withEvents = false } = {}) {
  const host = createFakeHost(options);
  Object.defineProperty(window, 'chambers', { value: host.api, configurable: true, writable: true });
  const queryClient = createQueryClient();
  const onOpenCase = vi.fn<(caseId: string) => void>();
  render(
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        {withEvents ? <Invalidation /> : null}
        {/* The shell's <main> landmark, as app-shell.tsx gives every screen. */}
        <main>
          <WorkScreen onOpenCase={onOpenCase} />
        </main>
      </I18nProvider>
    </QueryClientProvider>,
  );
  return { host, queryClient, onOpenCase };
}

// Times at local noon-ish in +02:00, so the calendar day is the same in any test time zone.
function myCase(id: string, number: string, subject: string, deadline: MyCase['nextDeadline']): MyCase {
  return {
    id,
    number,
    procedureType: 'civil',
    court: { code: 'HMK', name: 'Harju Maakohus' },
    status: 'in_progress',
    subject,
    restriction: 'none',
    registeredAt: '2024-03-05T09:15:00+02:00',
    judge: { id: 'u-kask', name: 'Kadri Kask' },
    partyNames: ['Mari Maasikas'],
    nextHearingAt: deadline?.kind === 'hearing' ? deadline.at : null,
    nextDeadline: deadline,
  };
}

const WORK: MyWork = {
  today: '2025-03-05',
  myCases: [
    myCase('case-a', '2-24-4962', 'Võlanõue üürilepingust', {
      kind: 'hearing',
      at: '2025-03-08T12:00:00+02:00',
    }),
    myCase('case-b', '2-24-7001', 'Lapsendamise avaldus', {
      kind: 'decision',
      at: '2025-03-03T12:00:00+02:00',
    }),
    {
      ...myCase('case-c', '3-24-601', 'Ehitusloa tühistamine', null),
      status: 'registered',
      restriction: 'closed',
    },
  ],
  hearingsToday: [
    {
      hearingId: 'h-today',
      caseId: 'case-a',
      caseNumber: '2-24-4962',
      subject: 'Võlanõue üürilepingust',
      startsAt: '2025-03-05T13:30:00+02:00',
      room: 'Saal 214',
      kind: 'main',
      public: true,
    },
  ],
  hearingsThisWeek: [
    {
      hearingId: 'h-week',
      caseId: 'case-c',
      caseNumber: '3-24-601',
      subject: 'Ehitusloa tühistamine',
      startsAt: '2025-03-08T12:00:00+02:00',
      room: 'Saal 101',
      kind: 'preliminary',
      public: false,
    },
  ],
  decisionsDue: [
    {
      caseId: 'case-b',
      caseNumber: '2-24-7001',
      subject: 'Lapsendamise avaldus',
      lastHearingAt: '2025-02-21T12:00:00+02:00',
      dueOn: '2025-03-03',
      overdue: true,
    },
    {
      caseId: 'case-d',
      caseNumber: '1-23-1500',
      subject: 'Kelmus',
      lastHearingAt: '2025-02-27T12:00:00+02:00',
      dueOn: '2025-03-09',
      overdue: false,
    },
  ],
  pending: { pending: 2, failed: 0, conflicts: 1 },
};

const EMPTY: MyWork = {
  today: '2025-03-05',
  myCases: [],
  hearingsToday: [],
  hearingsThisWeek: [],
  decisionsDue: [],
  pending: { pending: 0, failed: 0, conflicts: 0 },
};

const region = (name: string) => screen.getByRole('region', { name: new RegExp(`^${name}`) });

describe('My work', () => {
  it('shows each section as a labelled region with its rows', async () => {
    renderWork({ handlers: { 'work:mine': () => WORK } });
    await screen.findByTestId('work-pending');
    expect(screen.getByRole('heading', { level: 1, name: 'Minu töö' })).toBeTruthy();
    expect(screen.getByText('Täna on 05.03.2025')).toBeTruthy();

    const cases = region('Minu kohtuasjad');
    const caseRows = within(cases).getAllByTestId('work-case-row');
    // Nearest deadline first: the overdue decision, then the hearing, then the case with none.
    expect(caseRows.map((row) => within(row).getByRole('button').textContent)).toEqual([
      '2-24-7001',
      '2-24-4962',
      '3-24-601',
    ]);
    expect(caseRows[1]!.textContent).toContain('Võlanõue üürilepingust');
    expect(caseRows[1]!.textContent).toContain('Menetluses');
    expect(caseRows[1]!.textContent).toContain('Istung 3 päeva pärast');
    expect(caseRows[0]!.textContent).toContain('Lahendi tähtaeg on ületatud');
    expect(caseRows[2]!.textContent).toContain('Tähtaega pole');
    expect(caseRows[2]!.textContent).toContain('Kinnine menetlus');

    const today = region('Tänased istungid');
    const todayRow = within(today).getByTestId('work-hearing-row');
    expect(todayRow.textContent).toContain('Saal 214');
    expect(todayRow.textContent).toContain('2-24-4962');
    expect(within(todayRow).getByText(/^\d\d:\d\d$/)).toBeTruthy();

    const week = region('Selle nädala istungid');
    const weekRow = within(week).getByTestId('work-hearing-row');
    expect(weekRow.textContent).toContain('08.03.2025');
    expect(weekRow.textContent).toContain('Saal 101');
    expect(weekRow.textContent).toContain('kinnine istung');

    const pending = region('Sünkroonimist ootavad muudatused');
    expect(pending.textContent).toContain('2 muudatust ootab registrisse saatmist');
    expect(pending.textContent).toContain('1 vastuolu ootab sinu otsust');
    expect(pending.textContent).not.toContain('Register lükkas tagasi');
  });

  it('marks an overdue decision with words, not colour alone', async () => {
    renderWork({ handlers: { 'work:mine': () => WORK } });
    const decisions = await screen.findByRole('region', { name: /^Kirjutamist ootavad lahendid/ });
    const [overdue, onTime] = within(decisions).getAllByTestId('work-decision-row');
    expect(overdue!.textContent).toContain('2-24-7001');
    expect(overdue!.textContent).toContain('03.03.2025');
    expect(within(overdue!).getByTestId('decision-overdue').textContent).toContain('Üle tähtaja');
    expect(overdue!.textContent).toContain('Tähtaeg ületatud 2 päeva võrra');
    expect(onTime!.textContent).toContain('Lahendi tähtaeg 4 päeva pärast');
    expect(within(onTime!).queryByTestId('decision-overdue')).toBeNull();
  });

  it('speaks English with relative wording', async () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    renderWork({ handlers: { 'work:mine': () => WORK } });
    await screen.findByTestId('work-pending');
    expect(screen.getByRole('heading', { level: 1, name: 'My work' })).toBeTruthy();
    expect(region('My cases').textContent).toContain('Hearing in 3 days');
    const decisions = region('Decisions due');
    expect(decisions.textContent).toContain('Overdue');
    expect(decisions.textContent).toContain('Overdue by 2 days');
    expect(decisions.textContent).toContain('Decision due in 4 days');
    expect(region('Pending sync').textContent).toContain('1 conflict waiting for your choice');
  });

  it('says what will appear in each empty section', async () => {
    renderWork({ handlers: { 'work:mine': () => EMPTY } });
    await screen.findByTestId('work-pending');
    expect(within(region('Minu kohtuasjad')).getByText('Sul pole veel kohtuasju')).toBeTruthy();
    expect(within(region('Tänased istungid')).getByText('Täna istungeid pole')).toBeTruthy();
    expect(
      within(region('Selle nädala istungid')).getByText('Järgmise seitsme päeva jooksul istungeid pole'),
    ).toBeTruthy();
    expect(
      within(region('Kirjutamist ootavad lahendid')).getByText('Ühtegi lahendit pole vaja kirjutada'),
    ).toBeTruthy();
    expect(region('Sünkroonimist ootavad muudatused').textContent).toContain(
      'Kõik sinu muudatused on registrisse saadetud.',
    );
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  it('opens a case from a row’s button or a click on the row; every row has a button', async () => {
    const { onOpenCase } = renderWork({ handlers: { 'work:mine': () => WORK } });
    await screen.findByTestId('work-pending');
    const rows = document.querySelectorAll('tbody tr');
    expect(rows.length).toBe(3 + 1 + 1 + 2);
    for (const row of rows) expect(within(row as HTMLElement).getAllByRole('button')).toHaveLength(1);

    fireEvent.click(
      within(region('Selle nädala istungid')).getByRole('button', { name: 'Ava kohtuasi 3-24-601' }),
    );
    expect(onOpenCase).toHaveBeenLastCalledWith('case-c');
    fireEvent.click(within(region('Kirjutamist ootavad lahendid')).getByText('Kelmus'));
    expect(onOpenCase).toHaveBeenLastCalledWith('case-d');
    expect(onOpenCase).toHaveBeenCalledTimes(2);
  });

  it('shows the host’s error with the shared notice and a retry', async () => {
    renderWork({
      handlers: {
        'work:mine': () => {
          throw new AppError('forbidden', 'No work for you.');
        },
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Sul ei ole õigust neid andmeid näha.');
    expect(within(alert).getByRole('button', { name: 'Proovi uuesti' })).toBeTruthy();
  });

  it('follows host events: outbox counts from sync:status, everything again after cases:changed', async () => {
    let work = WORK;
    const { host } = renderWork({ handlers: { 'work:mine': () => work } }, { withEvents: true });
    await screen.findByTestId('work-pending');
    const asked = () => host.calls.filter((c) => c.channel === 'work:mine').length;
    expect(asked()).toBe(1);

    act(() =>
      host.emit('sync:status', {
        revision: 1,
        connectivity: 'online',
        progress: null,
        pending: 0,
        failed: 3,
        conflicts: 0,
        lastSuccessAt: null,
        lastError: null,
        cachedCases: 4,
      }),
    );
    await waitFor(() =>
      expect(region('Sünkroonimist ootavad muudatused').textContent).toContain(
        'Register lükkas tagasi 3 muudatust',
      ),
    );
    expect(asked()).toBe(1);

    work = { ...EMPTY, pending: { pending: 0, failed: 3, conflicts: 0 } };
    act(() => host.emit('cases:changed', { caseIds: ['case-a'] }));
    await waitFor(() => expect(screen.getByText('Sul pole veel kohtuasju')).toBeTruthy());
    expect(asked()).toBe(2);
  });

  it('has no accessibility violations axe can find in jsdom, full or empty', async () => {
    for (const work of [WORK, EMPTY]) {
      renderWork({ handlers: { 'work:mine': () => work } });
      await screen.findByTestId('work-pending');
      // Colour contrast needs a layout engine; tokens-contrast.test.ts and the e2e axe run cover it.
      const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
      resetWindow();
    }
  });
});
