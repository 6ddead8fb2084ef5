/**
 * Turns what a person typed into an FTS5 query: every word must match as a prefix.
 * Each word is quoted (quotes doubled), so FTS5 operators and column filters typed by
 * the user stay plain text. Returns null when nothing searchable remains.
 */
export function toFtsQuery(text: string): string | null {
  const words = text
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, 16);
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replaceAll('"', '""')}"*`).join(' ');
}
