import type { PageRect } from './viewer-types';

/**
 * Find in a page's text, as pure functions: folding (case- and diacritic-insensitive, whitespace
 * collapsed), matching over pdf.js text items, and the matches' rectangles on the unrotated page.
 */

/** What find needs of a pdf.js text item (`TextItem` of `page.getTextContent()`). */
export interface TextItemLike {
  str: string;
  /** The item's text matrix [a, b, c, d, e, f] in PDF user space. */
  transform: readonly number[];
  /** Width in PDF user space units (the item's advance). */
  width: number;
  height: number;
  hasEOL?: boolean;
  /** pdf.js's name of the item's font (a key of the text content's `styles`). */
  fontName?: string;
}

/** The drawn width of a text in the item's font (any unit); lets a span's share follow the glyphs. */
export type MeasureText = (text: string, item: TextItemLike) => number;

/** A folded string and, for each of its characters, the index of the original character it came from. */
export interface FoldedText {
  text: string;
  map: number[];
}

const MARKS = /\p{M}/gu;
const SPACE = /\s/u;

/** Lower case, combining marks removed (NFD), runs of white space as one space. */
export function foldText(input: string): FoldedText {
  let text = '';
  const map: number[] = [];
  let index = 0;
  for (const char of input) {
    if (SPACE.test(char)) {
      if (!text.endsWith(' ')) {
        text += ' ';
        map.push(index);
      }
    } else {
      const folded = char.normalize('NFD').replace(MARKS, '').toLowerCase();
      for (const part of folded) {
        text += part;
        map.push(index);
      }
    }
    index += char.length;
  }
  return { text, map };
}

/** The query as it is matched: folded, trimmed; empty means "nothing to find". */
export function foldQuery(query: string): string {
  return foldText(query).text.trim();
}

/** A stretch of one text item: characters [start, end) of `items[item].str`. */
export interface ItemSpan {
  item: number;
  start: number;
  end: number;
}

/** One match on a page, as the spans of the items it covers (usually one). */
export type TextMatch = ItemSpan[];

/**
 * Finds every occurrence of a folded query in the items' text. Items are joined as pdf.js gives
 * them; an item that ends a line is followed by a space, so words across lines still match.
 */
export function findInItems(items: readonly TextItemLike[], foldedQuery: string): TextMatch[] {
  if (foldedQuery === '') return [];
  let joined = '';
  // For each original character of `joined`: which item and which character of it.
  const origin: Array<{ item: number; char: number }> = [];
  items.forEach((item, itemIndex) => {
    for (let char = 0; char < item.str.length; char += 1) {
      joined += item.str[char];
      origin.push({ item: itemIndex, char });
    }
    if (item.hasEOL && !/\s$/u.test(item.str)) {
      joined += ' ';
      origin.push({ item: itemIndex, char: item.str.length });
    }
  });
  const folded = foldText(joined);
  const matches: TextMatch[] = [];
  let from = 0;
  for (;;) {
    const at = folded.text.indexOf(foldedQuery, from);
    if (at < 0) break;
    const first = folded.map[at]!;
    const last = folded.map[at + foldedQuery.length - 1]!;
    matches.push(spansOf(origin, items, first, last));
    from = at + Math.max(1, foldedQuery.length);
  }
  return matches;
}

function spansOf(
  origin: ReadonlyArray<{ item: number; char: number }>,
  items: readonly TextItemLike[],
  first: number,
  last: number,
): TextMatch {
  const spans: ItemSpan[] = [];
  for (let position = first; position <= last; position += 1) {
    const { item, char } = origin[position]!;
    if (char >= items[item]!.str.length) continue; // the space added after a line
    const span = spans.at(-1);
    if (span && span.item === item) span.end = char + 1;
    else spans.push({ item, start: char, end: char + 1 });
  }
  // A character folded from a surrogate pair covers both halves.
  for (const span of spans) {
    const str = items[span.item]!.str;
    const code = str.charCodeAt(span.end - 1);
    if (code >= 0xd800 && code <= 0xdbff && span.end < str.length) span.end += 1;
  }
  return spans;
}

/** `Util.transform` of pdf.js: the product of two affine matrices [a, b, c, d, e, f]. */
export function multiplyTransform(m1: readonly number[], m2: readonly number[]): number[] {
  const [a1 = 1, b1 = 0, c1 = 0, d1 = 1, e1 = 0, f1 = 0] = m1;
  const [a2 = 1, b2 = 0, c2 = 0, d2 = 1, e2 = 0, f2 = 0] = m2;
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ];
}

/** The page's viewport at scale 1, unrotated: its size in points and its transform from PDF space. */
export interface UnrotatedViewport {
  width: number;
  height: number;
  transform: readonly number[];
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/** Where a span starts and ends along its item, as shares (0..1) of the item's width. */
function spanShares(item: TextItemLike, span: ItemSpan, measure?: MeasureText): [number, number] {
  const total = measure?.(item.str, item) ?? 0;
  if (measure && total > 0) {
    return [
      measure(item.str.slice(0, span.start), item) / total,
      measure(item.str.slice(0, span.end), item) / total,
    ];
  }
  return [span.start / item.str.length, span.end / item.str.length];
}

/**
 * The rectangle of a span of an item, as fractions of the unrotated page. The item's box runs from
 * its baseline up by its font height; a span's share of the width is its share of the drawn text
 * (measured in the item's font when `measure` is given, else its share of the characters).
 */
export function spanRect(
  item: TextItemLike,
  span: ItemSpan,
  viewport: UnrotatedViewport,
  measure?: MeasureText,
): PageRect | null {
  if (viewport.width <= 0 || viewport.height <= 0 || item.str.length === 0) return null;
  const tx = multiplyTransform(viewport.transform, item.transform);
  const fontHeight = Math.hypot(tx[2]!, tx[3]!) || item.height;
  const angle = Math.atan2(tx[1]!, tx[0]!);
  const [share0, share1] = spanShares(item, span, measure);
  const along0 = item.width * share0;
  const along1 = item.width * share1;
  // Corners of the span's box in viewport space (y grows downwards), for text at any angle.
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const corners = [
    [along0, 0],
    [along1, 0],
    [along0, fontHeight],
    [along1, fontHeight],
  ].map(([u, v]) => [tx[4]! + u! * cos + v! * sin, tx[5]! + u! * sin - v! * cos] as const);
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  const left = clamp01(Math.min(...xs) / viewport.width);
  const right = clamp01(Math.max(...xs) / viewport.width);
  const top = clamp01(Math.min(...ys) / viewport.height);
  const bottom = clamp01(Math.max(...ys) / viewport.height);
  if (right - left <= 0 || bottom - top <= 0) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Every rectangle of one match (one per item it covers). */
export function matchRects(
  items: readonly TextItemLike[],
  match: TextMatch,
  viewport: UnrotatedViewport,
  measure?: MeasureText,
): PageRect[] {
  return match.flatMap((span) => {
    const rect = spanRect(items[span.item]!, span, viewport, measure);
    return rect ? [rect] : [];
  });
}

/** Whether a page has any text to search (a scanned page has none, or only white space). */
export function hasText(items: readonly TextItemLike[]): boolean {
  return items.some((item) => item.str.trim() !== '');
}

/** How many first pages without text make a document "a scan without a text layer". */
export const NO_TEXT_PAGES = 5;
