/** One paragraph of a comparison: kept, added, removed, or changed in place (a removed one followed by an added one). */
export type ParagraphChange =
  | { kind: 'same'; text: string }
  | { kind: 'added'; text: string }
  | { kind: 'removed'; text: string }
  | { kind: 'changed'; before: string; after: string };

/** Past this many paragraph pairs the table would be too big: the texts are compared as wholes. */
const MAX_CELLS = 4_000_000;

/**
 * The paragraphs of `after` against those of `before` by their longest common subsequence; a run
 * of removed paragraphs directly followed by added ones is paired up as changed paragraphs.
 */
export function diffParagraphs(before: readonly string[], after: readonly string[]): ParagraphChange[] {
  const n = before.length;
  const m = after.length;
  if (n * m > MAX_CELLS)
    return pairRuns([
      ...before.map((text) => ({ kind: 'removed' as const, text })),
      ...after.map((text) => ({ kind: 'added' as const, text })),
    ]);
  // lcs[i][j]: the length of the LCS of before[i..] and after[j..], one flat array.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1)
    for (let j = m - 1; j >= 0; j -= 1)
      lcs[i * width + j] =
        before[i] === after[j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
  const raw: Array<Exclude<ParagraphChange, { kind: 'changed' }>> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      raw.push({ kind: 'same', text: before[i]! });
      i += 1;
      j += 1;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      raw.push({ kind: 'removed', text: before[i]! });
      i += 1;
    } else {
      raw.push({ kind: 'added', text: after[j]! });
      j += 1;
    }
  }
  for (; i < n; i += 1) raw.push({ kind: 'removed', text: before[i]! });
  for (; j < m; j += 1) raw.push({ kind: 'added', text: after[j]! });
  return pairRuns(raw);
}

function pairRuns(raw: ReadonlyArray<Exclude<ParagraphChange, { kind: 'changed' }>>): ParagraphChange[] {
  const out: ParagraphChange[] = [];
  let k = 0;
  while (k < raw.length) {
    const entry = raw[k]!;
    if (entry.kind !== 'removed') {
      out.push(entry);
      k += 1;
      continue;
    }
    const removed: string[] = [];
    while (raw[k]?.kind === 'removed') removed.push(raw[k++]!.text);
    const added: string[] = [];
    while (raw[k]?.kind === 'added') added.push(raw[k++]!.text);
    const paired = Math.min(removed.length, added.length);
    for (let p = 0; p < paired; p += 1) out.push({ kind: 'changed', before: removed[p]!, after: added[p]! });
    for (const text of removed.slice(paired)) out.push({ kind: 'removed', text });
    for (const text of added.slice(paired)) out.push({ kind: 'added', text });
  }
  return out;
}

export const hasChanges = (changes: readonly ParagraphChange[]) =>
  changes.some((change) => change.kind !== 'same');
