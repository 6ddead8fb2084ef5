import { describe, expect, it } from 'vitest';
import { daysFrom, localDay, localNoon } from '../../../src-renderer/features/work/lib/days';

describe('deadline days', () => {
  it('counts calendar days from the host’s today', () => {
    expect(daysFrom('2025-03-05', '2025-03-05T23:00:00')).toBe(0);
    expect(daysFrom('2025-03-05', '2025-03-06T00:30:00')).toBe(1);
    expect(daysFrom('2025-03-05', '2025-03-03')).toBe(-2);
    // Across the end of March (and a DST change in Europe) the count stays whole.
    expect(daysFrom('2025-03-29', '2025-04-02T09:00:00')).toBe(4);
    expect(daysFrom('2024-12-31', '2025-01-01')).toBe(1);
  });

  it('reads a date-time in the local time zone, a plain date as it is', () => {
    expect(localDay('2025-03-05T10:00:00')).toBe('2025-03-05');
    expect(localDay('2025-03-05')).toBe('2025-03-05');
    expect(localNoon('2025-03-05')).toBe('2025-03-05T12:00:00');
  });

  it('refuses what is not a date', () => {
    expect(() => localDay('soon')).toThrow(/Not an ISO date-time/);
    expect(() => daysFrom('05.03.2025', '2025-03-05')).toThrow(/Not a YYYY-MM-DD/);
    expect(() => localNoon('2025-3-5')).toThrow(/Not a YYYY-MM-DD/);
  });
});
