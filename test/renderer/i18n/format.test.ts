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

  it('leave an unreadable date as it came', () => {
    expect(createFormatters('et').date('not a date')).toBe('not a date');
  });
});
