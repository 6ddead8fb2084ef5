import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  easterSunday,
  estonianHolidays,
  isWorkingDay,
  workingDaysBetween,
} from '../../../../src-shared/domain/working-days.js';
import { audioFileName, courtLocal, minutesDeadline } from '../../../../src-main/services/minutes/prefill.js';

describe('Estonian working days', () => {
  it('finds Easter', () => {
    expect(['2024', '2025', '2026', '2027', '2038'].map((y) => easterSunday(Number(y)))).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2038-04-25',
    ]);
  });

  it('lists the twelve public holidays of 2026', () => {
    expect(estonianHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-02-24',
      '2026-04-03',
      '2026-04-05',
      '2026-05-01',
      '2026-05-24',
      '2026-06-23',
      '2026-06-24',
      '2026-08-20',
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  it('skips weekends and holidays', () => {
    expect(isWorkingDay('2026-12-01')).toBe(true); // Tuesday
    expect(isWorkingDay('2026-12-05')).toBe(false); // Saturday
    expect(isWorkingDay('2026-02-24')).toBe(false); // Independence Day, a Tuesday
    expect(isWorkingDay('2026-04-03')).toBe(false); // Good Friday
    expect(addWorkingDays('2026-12-01', 3)).toBe('2026-12-04'); // Tue → Fri
    expect(addWorkingDays('2026-12-03', 3)).toBe('2026-12-08'); // Thu → over the weekend → Tue
    // Tue 22 Dec: Wed 23 counts, 24–27 do not, Mon 28 and Tue 29 do.
    expect(addWorkingDays('2026-12-22', 3)).toBe('2026-12-29');
    expect(addWorkingDays('2026-06-22', 1)).toBe('2026-06-25'); // Victory Day and Midsummer
  });

  it('counts working days both ways', () => {
    expect(workingDaysBetween('2026-12-01', '2026-12-04')).toBe(3);
    expect(workingDaysBetween('2026-12-04', '2026-12-04')).toBe(0);
    expect(workingDaysBetween('2026-12-04', '2026-12-07')).toBe(1); // Fri → Mon
    expect(workingDaysBetween('2026-12-08', '2026-12-04')).toBe(-2); // two working days overdue
  });
});

describe('minutes dates in court time', () => {
  it('takes the Estonian date and time whatever the zone of the instant', () => {
    expect(courtLocal('2026-11-30T22:30:00Z')).toEqual({ date: '2026-12-01', hhmm: '0030' });
    expect(courtLocal('2026-07-01T06:05:00Z')).toEqual({ date: '2026-07-01', hhmm: '0905' }); // summer time
  });

  it('names the audio file from the case number, date and time', () => {
    expect(audioFileName('2-25-7', '2026-12-01T09:30:00+02:00', null)).toBe('2-25-7_2026-12-01_0930.mp3');
    expect(audioFileName('2-25-7', '2026-12-01T09:30:00+02:00', '2026-12-01T07:41:10Z')).toBe(
      '2-25-7_2026-12-01_0941.mp3',
    );
  });

  it('gives the due date and the working days left', () => {
    expect(minutesDeadline('2026-12-01', new Date('2026-12-01T12:00:00+02:00'))).toEqual({
      dueDate: '2026-12-04',
      workingDaysLeft: 3,
    });
    expect(minutesDeadline('2026-12-01', new Date('2026-12-07T12:00:00+02:00'))).toEqual({
      dueDate: '2026-12-04',
      workingDaysLeft: -1,
    });
  });
});
