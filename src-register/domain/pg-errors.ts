/** The constraint a PostgreSQL unique violation (23505) broke, or null for any other error. */
export function uniqueViolation(error: unknown): string | null {
  const e = error as { code?: unknown; constraint?: unknown } | null;
  if (!e || e.code !== '23505') return null;
  return typeof e.constraint === 'string' ? e.constraint : '';
}
