// The hearings list of hearing minutes, and the 'minutes' route.
import axe from 'axe-core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { minutesHref, parseHash } from '../../src-renderer/app/routes';
import { MinutesScreen } from '../../src-renderer/features/minutes/components/minutes-screen';
import { createMinutesStore, HEARING_ID, MINUTES_ID, renderMinutes } from './minutes-fixture';
import { callsTo } from './support/fake-host';
import { resetWindow } from './support/render-app';

afterEach(() => resetWindow());

describe('the hearings list', () => {
  it('shows each hearing with its case, room, kind, role, minutes status and deadline; overdue marked', async () => {
    renderMinutes(createMinutesStore(), <MinutesScreen minutesId={null} />);
    const rows = await screen.findAllByTestId('minutes-hearing-row');
    expect(rows.map((row) => row.dataset.hearingId)).toEqual([HEARING_ID, 'h-old']);
    const [first, old] = rows as [HTMLElement, HTMLElement];
    expect(first.textContent).toContain('2-24-4962');
    expect(first.textContent).toContain('saal 215');
    expect(first.textContent).toContain('istungisekretär');
    expect(within(first).getByTestId('minutes-hearing-status').textContent).toBe('alustamata');
    expect(within(first).getByTestId('minutes-deadline').textContent).toBe('tähtaeg 4. dets, 2 tööpäeva');
    expect(within(first).getByTestId('minutes-deadline').dataset.overdue).toBeUndefined();
    expect(within(old).getByTestId('minutes-hearing-status').textContent).toBe('koostamisel');
    expect(within(old).getByTestId('minutes-deadline').dataset.overdue).toBe('true');
    expect(within(old).getByTestId('minutes-deadline').textContent).toBe('tähtaeg 30. nov, hilinenud 1 tp');
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('"Ava protokoll" opens (or makes) the minutes of the hearing and goes there', async () => {
    const { host, links } = renderMinutes(createMinutesStore(), <MinutesScreen minutesId={null} />);
    const [first] = await screen.findAllByTestId('minutes-hearing-row');
    fireEvent.click(within(first!).getByRole('button', { name: /^Ava protokoll: kohtuasi 2-24-4962/ }));
    await waitFor(() => expect(links.opened).toEqual([MINUTES_ID]));
    expect(callsTo(host, 'minutes:open')).toEqual([{ hearingId: HEARING_ID }]);
  });
});

describe('the minutes route', () => {
  it('opens one minutes by id, and the hearings without one', () => {
    expect(parseHash(`#/minutes/${MINUTES_ID}`)).toEqual({
      screen: 'minutes',
      caseId: null,
      minutesId: MINUTES_ID,
    });
    expect(parseHash('#/minutes')).toEqual({ screen: 'minutes', caseId: null, minutesId: null });
    expect(parseHash(minutesHref(MINUTES_ID))).toEqual({
      screen: 'minutes',
      caseId: null,
      minutesId: MINUTES_ID,
    });
    expect(minutesHref()).toBe('#/minutes');
  });

  it('refuses a broken id and leaves the other routes alone', () => {
    expect(parseHash('#/minutes/%E0%A4%A')).toEqual({ screen: 'minutes', caseId: null, minutesId: null });
    expect(parseHash('#/minutesx')).toEqual({ screen: 'work', caseId: null });
    expect(parseHash('#/drafts')).toEqual({ screen: 'drafts', caseId: null, draftId: null });
    expect(parseHash('#/cases/c-1')).toEqual({ screen: 'cases', caseId: 'c-1' });
  });
});
