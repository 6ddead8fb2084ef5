import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../../src-renderer/i18n/format';

// Noon UTC is the same calendar day in every time zone from UTC−11 to UTC+11.
const NOON = '2025-03-05T12:00:00Z';

describe('formatters', () => {
  it('write Estonian dates as dd.mm.yyyy with a 24-hour clock', () => {
    const format = createFormatters('et');
    expect(format.date(NOON)).toBe('05.03.2025');
    expect(format.dateTime(NOON)).toMatch(/^05\.03\.2025 ([01]\d|2[0-3]):\d{2}$/);
  });

  it('write English dates in the locale order', () => {
    expect(createFormatters('en').date(NOON)).toBe('05/03/2025');
  });

  it('format sizes and money per locale', () => {
    expect(createFormatters('et').bytes(3_355_443)).toBe('3,2 MB');
    expect(createFormatters('en').bytes(3_355_443)).toBe('3.2 MB');
    expect(createFormatters('en').bytes(512)).toBe('512 byte');
    expect(createFormatters('en').money(1_250_000)).toBe('€12,500.00');
  });

  it('write the 24-hour time, with seconds when asked, from a string or a Date', () => {
    const at = '2025-03-05T14:03:05Z';
    const local = (locale: string, seconds: boolean) =>
      new Intl.DateTimeFormat(locale, {
        hour: '2-digit',
        minute: '2-digit',
        ...(seconds ? { second: '2-digit' } : {}),
        hourCycle: 'h23',
      }).format(new Date(at));
    const et = createFormatters('et');
    expect(et.time(at)).toBe(local('et-EE', false));
    expect(et.time(at)).toMatch(/^([01]\d|2[0-3]):\d{2}$/);
    expect(et.time(at, { seconds: true })).toBe(local('et-EE', true));
    expect(et.time(new Date(at), { seconds: true })).toBe(local('et-EE', true));
    expect(createFormatters('en').time(at, { seconds: true })).toBe(local('en-GB', true));
    expect(createFormatters('en').time(at, { seconds: true })).toMatch(/^([01]\d|2[0-3]):\d{2}:05$/);
  });

  it('leave an unreadable date as it came', () => {
    expect(createFormatters('et').date('not a date')).toBe('not a date');
    expect(createFormatters('et').time('not a date', { seconds: true })).toBe('not a date');
  });
});
