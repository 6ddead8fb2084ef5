import { LOCALES, type Language } from './languages';

export interface Formatters {
  /** `dd.mm.yyyy` in Estonian, the locale's own order in English. */
  date(iso: string): string;
  /** Date and 24-hour time. */
  dateTime(iso: string): string;
  /** The 24-hour time, `09:30`, or with `seconds` `14:03:05` (stamps, save times, the clock). */
  time(iso: string | Date, options?: { seconds?: boolean }): string;
  number(value: number): string;
  bytes(value: number): string;
  money(cents: number, currency?: string): string;
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

export function createFormatters(language: Language): Formatters {
  const locale = LOCALES[language];
  const dateFormat = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' });
  const timeFormat = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const secondsFormat = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const numberFormat = new Intl.NumberFormat(locale);
  const parse = (iso: string): Date | null => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? null : date;
  };

  return {
    date: (iso) => {
      const date = parse(iso);
      return date ? dateFormat.format(date) : iso;
    },
    dateTime: (iso) => {
      const date = parse(iso);
      if (!date) return iso;
      // Intl puts a comma between date and time in Estonian; courts write `05.03.2025 14:02`.
      return language === 'et'
        ? `${dateFormat.format(date)} ${timeFormat.format(date)}`
        : dateTimeFormat.format(date);
    },
    time: (iso, options) => {
      const date = typeof iso === 'string' ? parse(iso) : iso;
      if (!date || Number.isNaN(date.getTime())) return String(iso);
      return (options?.seconds ? secondsFormat : timeFormat).format(date);
    },
    number: (value) => numberFormat.format(value),
    bytes: (value) => {
      let amount = value;
      let unit = 0;
      while (amount >= 1024 && unit < BYTE_UNITS.length - 1) {
        amount /= 1024;
        unit += 1;
      }
      return new Intl.NumberFormat(locale, {
        style: 'unit',
        unit: BYTE_UNITS[unit],
        unitDisplay: 'short',
        maximumFractionDigits: unit === 0 ? 0 : 1,
      }).format(amount);
    },
    money: (cents, currency = 'EUR') =>
      new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100),
  };
}
