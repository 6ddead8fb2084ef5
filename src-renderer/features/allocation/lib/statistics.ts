import type { CourtStatistics } from '../api/allocation-queries';

type Row = CourtStatistics['rows'][number];

export interface Totals {
  pending: number;
  incoming: number;
  resolved: number;
  clearanceRate: number | null;
  dispositionTimeDays: number | null;
}

/** The court's totals, with the indicators computed the way the register computes each row's. */
export function totalsOf(rows: readonly Row[]): Totals {
  const pending = rows.reduce((sum, row) => sum + row.pending, 0);
  const incoming = rows.reduce((sum, row) => sum + row.incoming, 0);
  const resolved = rows.reduce((sum, row) => sum + row.resolved, 0);
  return {
    pending,
    incoming,
    resolved,
    clearanceRate: incoming > 0 ? resolved / incoming : null,
    dispositionTimeDays: resolved > 0 ? (365 * pending) / resolved : null,
  };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The local calendar date as YYYY-MM-DD (not UTC: a court's "today" is its own). */
export function localIsoDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** This calendar year up to today. */
export function defaultPeriod(now: Date = new Date()): { from: string; to: string } {
  return { from: `${now.getFullYear()}-01-01`, to: localIsoDate(now) };
}

/** Percent in the locale's own way (`83,3 %` in Estonian, `83.3%` in English). */
export function percentFormatter(locale: string): (ratio: number) => string {
  const format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return (ratio) => format.format(ratio);
}

export function daysFormatter(locale: string): (days: number) => string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return (days) => format.format(days);
}
