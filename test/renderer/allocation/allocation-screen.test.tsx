// The allocation plan screen over the fake host: a court kept in memory answers the register's
// channels through the real contract (its zod schemas check every call and every answer).
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { resetWindow } from '../support/render-app';
import { KASK, SAAR, TAMM, PRESIDENT, demoCourt, renderAllocation, callsTo } from './court-fixture';

afterEach(resetWindow);

const weightOf = (name: string) => screen.findByRole('spinbutton', { name: `Weight of ${name}` });
const reasonField = () => screen.getByRole('textbox', { name: 'Reason for the change' });
const adopt = () => fireEvent.click(screen.getByRole('button', { name: 'Adopt a new version' }));

describe('the allocation plan', () => {
  it('sends the edited plan and says which version was adopted', async () => {
    const court = demoCourt();
    const { host } = renderAllocation(court);
    const weight = await weightOf('Toomas Saar');
    expect(weight).toHaveProperty('value', '0.5');
    fireEvent.change(weight, { target: { value: '0.75' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Jaan Tamm hears: Administrative' }));
    fireEvent.change(reasonField(), { target: { value: '  Saar returns to a fuller intake ' } });
    adopt();

    await screen.findByText('Version 3 adopted.');
    expect(callsTo(host, 'allocation:putPlan')).toEqual([
      {
        court: 'HMK',
        plan: {
          reason: 'Saar returns to a fuller intake',
          entries: [
            {
              judgeId: TAMM,
              procedureTypes: ['administrative'],
              categories: null,
              weight: 1,
              panelMember: false,
            },
            { judgeId: KASK, procedureTypes: ['civil'], categories: null, weight: 1, panelMember: false },
            {
              judgeId: SAAR,
              procedureTypes: ['criminal', 'misdemeanour'],
              categories: ['Liiklus'],
              weight: 0.75,
              panelMember: true,
            },
          ],
          exclusions: [
            { judgeId: KASK, procedureType: 'civil', category: 'Pankrot', reason: 'Huvide konflikt' },
          ],
          panelProcedureTypes: ['criminal'],
        },
      },
    ]);
    // The form starts again from the version just adopted.
    await waitFor(() => expect(reasonField()).toHaveProperty('value', ''));
    expect(await weightOf('Toomas Saar')).toHaveProperty('value', '0.75');
    expect(screen.getByText(/^Version 3, adopted/)).toBeTruthy();
  });

  it('requires a reason and says so beside the field, sending nothing', async () => {
    const { host } = renderAllocation(demoCourt());
    await weightOf('Mari Kask');
    fireEvent.change(reasonField(), { target: { value: 'ok' } });
    adopt();

    const message = await screen.findByText('Give a reason of at least 3 characters.');
    const field = reasonField();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    expect(document.activeElement?.textContent).toBe(
      'The plan cannot be adopted yet: correct the marked fields.',
    );
    expect(callsTo(host, 'allocation:putPlan')).toEqual([]);

    fireEvent.change(field, { target: { value: 'Enough words' } });
    expect(screen.queryByText('Give a reason of at least 3 characters.')).toBeNull();
  });

  it('refuses a weight outside (0, 2] beside that judge’s field', async () => {
    const { host } = renderAllocation(demoCourt());
    fireEvent.change(await weightOf('Mari Kask'), { target: { value: '3' } });
    fireEvent.change(reasonField(), { target: { value: 'Mari Kask takes more' } });
    adopt();
    const message = await screen.findByText(/^The weight must be a number above 0 and at most 2/);
    expect((await weightOf('Mari Kask')).getAttribute('aria-describedby')).toBe(message.id);
    expect(callsTo(host, 'allocation:putPlan')).toEqual([]);
  });

  it('starts the first plan from the court’s judges', async () => {
    const court = { ...demoCourt(), plans: [] };
    const { host } = renderAllocation(court);
    await screen.findByText('The court has no allocation plan yet');
    expect(screen.getByText('The plan has no versions yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start a plan from the court’s judges' }));
    fireEvent.change(reasonField(), { target: { value: 'First plan of the year' } });
    adopt();

    await screen.findByText('Version 1 adopted.');
    const [sent] = callsTo(host, 'allocation:putPlan') as Array<{
      plan: { entries: Array<{ judgeId: string; procedureTypes: string[]; weight: number }> };
    }>;
    expect(sent?.plan.entries.map((entry) => entry.judgeId)).toEqual([TAMM, KASK, SAAR]);
    for (const entry of sent?.plan.entries ?? []) {
      expect(entry.procedureTypes).toHaveLength(5);
      expect(entry.weight).toBe(1);
    }
  });

  it('says the register is needed when offline and keeps everything typed', async () => {
    const court = demoCourt();
    const { host } = renderAllocation(court);
    fireEvent.change(await weightOf('Mari Kask'), { target: { value: '0.8' } });
    fireEvent.change(reasonField(), { target: { value: 'Kask has no law clerk' } });
    court.offline = true;
    adopt();

    const notice = await screen.findByTestId('allocation-offline');
    expect(notice.textContent).toContain('This needs the court register');
    expect(await weightOf('Mari Kask')).toHaveProperty('value', '0.8');
    expect(reasonField()).toHaveProperty('value', 'Kask has no law clerk');

    court.offline = false;
    adopt();
    await screen.findByText('Version 3 adopted.');
    expect(callsTo(host, 'allocation:putPlan')).toHaveLength(2);
  });

  it('says what it needs when the register cannot be read', async () => {
    const court = { ...demoCourt(), offline: true };
    renderAllocation(court);
    const notices = await screen.findAllByTestId('allocation-offline');
    expect(notices[0]?.textContent).toContain('read from the court register');
    court.offline = false;
    fireEvent.click(within(notices[0]!).getByRole('button', { name: 'Try again' }));
    await weightOf('Mari Kask');
  });

  it('lets a court president with several courts choose the court', async () => {
    const { host } = renderAllocation(demoCourt(), { courts: ['HMK', 'TMK'] });
    await weightOf('Mari Kask');
    fireEvent.change(screen.getByRole('combobox', { name: 'Court' }), { target: { value: 'TMK' } });
    await waitFor(() => expect(callsTo(host, 'allocation:plan')).toContainEqual({ court: 'TMK' }));
  });

  it('says so when the user manages no court', () => {
    renderAllocation(demoCourt(), { courts: [] });
    expect(screen.getByText('You do not manage the allocation plan of any court')).toBeTruthy();
  });
});

describe('absences', () => {
  it('records an absence and shows it in the refreshed list', async () => {
    const { host } = renderAllocation(demoCourt());
    const form = await screen.findByTestId('absence-form');
    const judgesCalls = callsTo(host, 'court:judges').length;
    fireEvent.change(within(form).getByRole('combobox', { name: 'Judge' }), { target: { value: KASK } });
    fireEvent.change(within(form).getByLabelText('From'), { target: { value: '2025-04-01' } });
    fireEvent.change(within(form).getByLabelText('To (inclusive)'), { target: { value: '2025-04-03' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Reason' }), {
      target: { value: 'Koolitus Tartus' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the absence' }));

    await within(form).findByText('The absence is recorded.');
    expect(callsTo(host, 'allocation:addAbsence')).toEqual([
      {
        court: 'HMK',
        absence: { judgeId: KASK, from: '2025-04-01', to: '2025-04-03', reason: 'Koolitus Tartus' },
      },
    ]);
    expect(callsTo(host, 'court:judges').length).toBeGreaterThan(judgesCalls);
    const kask = within(screen.getByTestId('absences')).getByText('Mari Kask').closest('li')!;
    await within(kask).findByText('01/04/2025 – 03/04/2025');
    expect(within(kask).getByText('Koolitus Tartus')).toBeTruthy();
    expect(within(form).getByRole('textbox', { name: 'Reason' })).toHaveProperty('value', '');
  });

  it('checks the dates and the reason before sending', async () => {
    const { host } = renderAllocation(demoCourt());
    const form = await screen.findByTestId('absence-form');
    fireEvent.change(within(form).getByLabelText('From'), { target: { value: '2025-04-03' } });
    fireEvent.change(within(form).getByLabelText('To (inclusive)'), { target: { value: '2025-04-01' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the absence' }));
    expect(await within(form).findByText('The end date cannot be before the start date.')).toBeTruthy();
    expect(within(form).getByText('Choose a judge.')).toBeTruthy();
    expect(within(form).getByText('Give a reason of at least 3 characters.')).toBeTruthy();
    expect(callsTo(host, 'allocation:addAbsence')).toEqual([]);
  });
});

describe('history', () => {
  it('lists the plan’s versions newest first, with who and why', async () => {
    renderAllocation(demoCourt());
    const table = await screen.findByTestId('plan-history');
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    // Dates in the machine's time zone: only the day is fixed here.
    expect(rows).toEqual([
      [
        '2',
        expect.stringMatching(/^10\/02\/2025, \d\d:\d\d$/),
        'Toomas Saar',
        'Kohtunik Saar vähendatud koormusega',
      ],
      ['1', expect.stringMatching(/^02\/01\/2025, \d\d:\d\d$/), PRESIDENT, 'Aasta tööjaotusplaan'],
    ]);
  });
});

describe('statistics', () => {
  it('shows each judge’s indicators with locale-formatted percentages and a totals row', async () => {
    const { host } = renderAllocation(demoCourt());
    const table = await screen.findByTestId('statistics');
    const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent);
    const [kask, saar] = within(table).getAllByTestId('statistics-row');
    expect(cells(kask!)).toEqual(['Mari Kask', 'Civil', '40', '30', '25', '83.3%', '584']);
    expect(cells(saar!)).toEqual(['Toomas Saar', 'Criminal', '10', '0', '0', '–', '–']);
    expect(cells(within(table).getByTestId('statistics-total'))).toEqual([
      'Total',
      '50',
      '30',
      '25',
      '83.3%',
      '730',
    ]);
    expect(table.querySelector('caption')?.textContent).toContain('Clearance rate: resolved cases');
    const year = new Date().getFullYear();
    expect(callsTo(host, 'court:statistics')[0]).toMatchObject({
      court: 'HMK',
      query: { from: `${year}-01-01` },
    });
  });

  it('formats percentages the Estonian way in Estonian', async () => {
    renderAllocation(demoCourt(), { language: 'et' });
    const [kask] = within(await screen.findByTestId('statistics')).getAllByTestId('statistics-row');
    expect(kask!.textContent).toMatch(/83,3\s?%/);
  });

  it('asks again for another period and refuses one that ends before it starts', async () => {
    const { host } = renderAllocation(demoCourt());
    await screen.findByTestId('statistics');
    const section = screen.getByRole('region', { name: 'Workload and clearance statistics' });
    fireEvent.change(within(section).getByLabelText('From'), { target: { value: '2024-01-01' } });
    fireEvent.change(within(section).getByLabelText('To'), { target: { value: '2024-12-31' } });
    await waitFor(() =>
      expect(callsTo(host, 'court:statistics')).toContainEqual({
        court: 'HMK',
        query: { from: '2024-01-01', to: '2024-12-31' },
      }),
    );
    const before = callsTo(host, 'court:statistics').length;
    fireEvent.change(within(section).getByLabelText('To'), { target: { value: '2023-12-31' } });
    expect(await within(section).findByText('The end date cannot be before the start date.')).toBeTruthy();
    expect(callsTo(host, 'court:statistics')).toHaveLength(before);
  });
});
