import { describe, expect, it } from 'vitest';
import {
  findInItems,
  foldQuery,
  foldText,
  hasText,
  matchRects,
  multiplyTransform,
  spanRect,
  type TextItemLike,
} from '../../../src-renderer/features/viewer/lib/find-text';

/** A4 at scale 1, unrotated: pdf.js's viewport transform flips y. */
const A4 = { width: 595, height: 842, transform: [1, 0, 0, -1, 0, 842] };

/** A horizontal item at (x, y) in PDF space, 10 pt text, 6 pt per character. */
const item = (str: string, x: number, y: number, hasEOL = false): TextItemLike => ({
  str,
  transform: [10, 0, 0, 10, x, y],
  width: str.length * 6,
  height: 10,
  hasEOL,
});

describe('folding', () => {
  it('drops case, diacritics and extra white space, keeping a map to the original characters', () => {
    const folded = foldText('Õun  ja ÄÕÖÜ šŽ');
    expect(folded.text).toBe('oun ja aoou sz');
    expect(folded.map.length).toBe(folded.text.length);
    expect(folded.map[4]).toBe(5); // "j" after the two spaces
  });

  it('treats a composed and a decomposed letter alike', () => {
    expect(foldQuery('Tõendid')).toBe(foldQuery('To\u0303endid'));
    expect(foldQuery('  KOHUS  ')).toBe('kohus');
    expect(foldQuery('   ')).toBe('');
  });
});

describe('findInItems', () => {
  const page = [
    item('Hagiavaldus Tõnu', 50, 700, true),
    item('Tamme vastu. Tõnu', 50, 680),
    item(' Tamme', 152, 680),
  ];

  it('finds every occurrence, case- and diacritic-insensitively', () => {
    const matches = findInItems(page, foldQuery('TONU'));
    expect(matches).toEqual([[{ item: 0, start: 12, end: 16 }], [{ item: 1, start: 13, end: 17 }]]);
  });

  it('matches across a line end and across items', () => {
    expect(findInItems(page, foldQuery('tõnu tamme'))).toEqual([
      [
        { item: 0, start: 12, end: 16 },
        { item: 1, start: 0, end: 5 },
      ],
      [
        { item: 1, start: 13, end: 17 },
        { item: 2, start: 0, end: 6 },
      ],
    ]);
  });

  it('finds nothing for an empty query or missing text', () => {
    expect(findInItems(page, '')).toEqual([]);
    expect(findInItems(page, foldQuery('kohtuotsus'))).toEqual([]);
  });

  it('tells a page without text', () => {
    expect(hasText([])).toBe(false);
    expect(hasText([item('   ', 0, 0)])).toBe(false);
    expect(hasText(page)).toBe(true);
  });
});

describe('match rectangles', () => {
  it('multiplies like pdf.js Util.transform', () => {
    expect(multiplyTransform([1, 0, 0, -1, 0, 842], [10, 0, 0, 10, 50, 700])).toEqual([
      10, 0, 0, -10, 50, 142,
    ]);
  });

  it('places a span by its share of the item, from the baseline up by the font height', () => {
    const hello = item('Hello world', 100, 700);
    const rect = spanRect(hello, { item: 0, start: 6, end: 11 }, A4)!;
    expect(rect.x).toBeCloseTo((100 + 36) / 595);
    expect(rect.width).toBeCloseTo(30 / 595);
    expect(rect.y).toBeCloseTo((842 - 700 - 10) / 842);
    expect(rect.height).toBeCloseTo(10 / 842);
  });

  it('keeps rectangles on the page and gives one per item of a match', () => {
    const page = [item('Hagiavaldus Tõnu', 50, 700, true), item('Tamme', 50, 680)];
    const [match] = findInItems(page, foldQuery('tonu tamme'));
    const rects = matchRects(page, match!, A4);
    expect(rects).toHaveLength(2);
    for (const rect of rects) {
      expect(rect.x).toBeGreaterThanOrEqual(0);
      expect(rect.x + rect.width).toBeLessThanOrEqual(1);
      expect(rect.y + rect.height).toBeLessThanOrEqual(1);
    }
    expect(rects[1]!.y).toBeGreaterThan(rects[0]!.y); // the second line is lower on the page
  });

  it('turns with vertical text', () => {
    const vertical: TextItemLike = {
      str: 'ABCD',
      transform: [0, 10, -10, 0, 300, 400],
      width: 24,
      height: 10,
    };
    const rect = spanRect(vertical, { item: 0, start: 0, end: 4 }, A4)!;
    expect(rect.height).toBeCloseTo(24 / 842);
    expect(rect.width).toBeCloseTo(10 / 595);
  });
});

describe('measured spans', () => {
  it('follows the glyph widths when a measure is given', () => {
    const word = item('iiWW', 0, 700);
    // "i" is narrow, "W" wide: the last two letters take 5/6 of the item's width.
    const measure = (text: string) => [...text].reduce((sum, c) => sum + (c === 'W' ? 5 : 1), 0);
    const rect = spanRect(word, { item: 0, start: 2, end: 4 }, A4, measure)!;
    expect(rect.x).toBeCloseTo((24 * 2) / 12 / 595);
    expect(rect.width).toBeCloseTo((24 * 10) / 12 / 595);
    const byChars = spanRect(word, { item: 0, start: 2, end: 4 }, A4)!;
    expect(byChars.width).toBeCloseTo(12 / 595);
  });
});
