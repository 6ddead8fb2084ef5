import type { BenchReport } from './types.js';

/** Few enough digits to read at a glance, enough to compare two runs. */
export function formatFigure(value: string | number): string {
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  return value.toFixed(abs >= 1000 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3);
}

/** Text left-aligned, numbers right-aligned, columns as wide as their widest cell. */
export function formatTable(
  columns: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
): string {
  const cells = rows.map((row) => columns.map((_, c) => formatFigure(row[c] ?? '')));
  const numeric = columns.map((_, c) => rows.every((row) => typeof (row[c] ?? '') === 'number'));
  const widths = columns.map((title, c) => Math.max(title.length, ...cells.map((row) => row[c]!.length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, c) => (numeric[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(columns), rule, ...cells.map(line)].join('\n');
}

/** The one line a script greps for: `RESULT name key=value …`, no spaces inside a value. */
export function formatResultLine(name: string, result: BenchReport['result']): string {
  const pairs = Object.entries(result).map(
    ([key, value]) => `${key}=${formatFigure(value).replace(/\s+/g, '_')}`,
  );
  return ['RESULT', name, ...pairs].join(' ');
}
