import type { PageRect, Rotation } from './viewer-types';

/** CSS pixels between pages and around them. */
export const PAGE_GAP = 12;
export const PAGE_PADDING = 16;

export interface PageSize {
  /** PDF points of the page as pdf.js shows it unturned (its own /Rotate applied). */
  width: number;
  height: number;
}

/**
 * Where every page's box lies in the scroll area: offsets in one typed array, so 100,000 pages
 * cost a few hundred kilobytes and a lookup is a binary search. Pages whose size is not known yet
 * take the first page's size, as pdf.js's own viewer does.
 */
export interface PageLayout {
  numPages: number;
  scale: number;
  /** tops[i] is the top of page i + 1; tops[numPages] is the height of all content. */
  tops: Float64Array;
  /** The widest page box, for the content width. */
  maxWidth: number;
  boxSize(page: number): { width: number; height: number };
  unrotatedSize(page: number): { width: number; height: number };
}

export const isQuarterTurn = (rotation: Rotation) => rotation === 90 || rotation === 270;

export function buildLayout(
  numPages: number,
  defaultSize: PageSize,
  sizes: ReadonlyMap<number, PageSize>,
  rotations: Readonly<Record<string, Rotation>>,
  scale: number,
): PageLayout {
  const tops = new Float64Array(numPages + 1);
  const rotationOf = (page: number): Rotation => rotations[String(page)] ?? 0;
  const unrotatedSize = (page: number) => {
    const size = sizes.get(page) ?? defaultSize;
    return { width: size.width * scale, height: size.height * scale };
  };
  const boxSize = (page: number) => {
    const size = unrotatedSize(page);
    return isQuarterTurn(rotationOf(page)) ? { width: size.height, height: size.width } : size;
  };
  const defaultBox = { width: defaultSize.width * scale, height: defaultSize.height * scale };
  const special = new Set<number>([...sizes.keys(), ...Object.keys(rotations).map(Number)]);
  let maxWidth = defaultBox.width;
  let y = PAGE_PADDING;
  for (let page = 1; page <= numPages; page += 1) {
    tops[page - 1] = y;
    if (special.has(page)) {
      const box = boxSize(page);
      maxWidth = Math.max(maxWidth, box.width);
      y += box.height + PAGE_GAP;
    } else {
      y += defaultBox.height + PAGE_GAP;
    }
  }
  tops[numPages] = y - PAGE_GAP + PAGE_PADDING;
  return { numPages, scale, tops, maxWidth, boxSize, unrotatedSize };
}

/** The page (1-based) whose slot holds `y`: from its top less half a gap to the next one's. */
export function pageAt(layout: PageLayout, y: number): number {
  let low = 0;
  let high = layout.numPages - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (layout.tops[mid]! - PAGE_GAP / 2 <= y) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/** Pages from `first` to `last` (inclusive) meet the band [top, bottom). */
export function pagesIn(layout: PageLayout, top: number, bottom: number): { first: number; last: number } {
  return { first: pageAt(layout, top), last: pageAt(layout, Math.max(top, bottom - 1)) };
}

/** The page showing the most of itself in the view. */
export function mostVisiblePage(layout: PageLayout, top: number, height: number): number {
  const { first, last } = pagesIn(layout, top, top + height);
  let best = first;
  let bestArea = -1;
  for (let page = first; page <= last; page += 1) {
    const pageTop = layout.tops[page - 1]!;
    const pageBottom = pageTop + layout.boxSize(page).height;
    const seen = Math.min(pageBottom, top + height) - Math.max(pageTop, top);
    if (seen > bestArea + 0.5) {
      best = page;
      bestArea = seen;
    }
  }
  return best;
}

/** The reading position of a scroll offset: page at the view's top and how far down it (0..1). */
export function positionAt(layout: PageLayout, scrollTop: number): { page: number; offset: number } {
  const page = pageAt(layout, scrollTop);
  const height = layout.boxSize(page).height;
  const offset = height > 0 ? (scrollTop - layout.tops[page - 1]!) / height : 0;
  return { page, offset: Math.min(1, Math.max(0, offset)) };
}

/** The scroll offset that shows a position; the top of a page keeps a little margin above it. */
export function scrollTopOf(layout: PageLayout, page: number, offset: number): number {
  const p = Math.min(layout.numPages, Math.max(1, page));
  const top = layout.tops[p - 1]! + offset * layout.boxSize(p).height;
  return Math.max(0, offset > 0 ? top : top - PAGE_GAP / 2);
}

/** A rect of the unrotated page (fractions) as fractions of the page's box turned clockwise. */
export function rotateRect(rect: PageRect, rotation: Rotation): PageRect {
  const { x, y, width, height } = rect;
  switch (rotation) {
    case 90:
      return { x: 1 - y - height, y: x, width: height, height: width };
    case 180:
      return { x: 1 - x - width, y: 1 - y - height, width, height };
    case 270:
      return { x: y, y: 1 - x - width, width: height, height: width };
    default:
      return rect;
  }
}

/**
 * Browsers cap an element's height (Chromium at 2^25 px), which a long document at a large zoom
 * passes. The scroll area then holds a window of this height over the whole column, and `base`
 * (where the window starts) moves when the reader nears its edge.
 */
export const SCROLL_WINDOW = 10_000_000;

/** The window start for a view at `top` (of `viewHeight`) in content of `total` height. */
export function chooseBase(top: number, viewHeight: number, total: number, current: number): number {
  if (total <= SCROLL_WINDOW) return 0;
  const inside = top - current >= SCROLL_WINDOW * 0.2 || current === 0;
  const roomBelow = top + viewHeight - current <= SCROLL_WINDOW * 0.8 || current + SCROLL_WINDOW >= total;
  if (inside && roomBelow && current <= total - SCROLL_WINDOW && top >= current) return current;
  return Math.round(Math.min(total - SCROLL_WINDOW, Math.max(0, top - SCROLL_WINDOW / 2)));
}
