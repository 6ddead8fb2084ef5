// The viewer core's pure parts: page layout (100,000 pages), positions, rotation of rects, zoom,
// the canvas pixel cap, pdf.js error mapping, and the render queue's order.
import { describe, expect, it } from 'vitest';
import { MAX_CANVAS_PIXELS, outputScale } from '../../../src-renderer/features/viewer/lib/canvas-size';
import { toLoadError } from '../../../src-renderer/features/viewer/lib/load-error';
import {
  buildLayout,
  chooseBase,
  mostVisiblePage,
  PAGE_GAP,
  PAGE_PADDING,
  pageAt,
  positionAt,
  rotateRect,
  SCROLL_WINDOW,
  scrollTopOf,
} from '../../../src-renderer/features/viewer/lib/page-layout';
import { RenderQueue } from '../../../src-renderer/features/viewer/lib/render-queue';
import {
  parseZoomOption,
  resolveScale,
  stepScale,
  zoomOptionValue,
} from '../../../src-renderer/features/viewer/lib/zoom';

const A4 = { width: 595, height: 842 };

describe('page layout', () => {
  it('lays out 100,000 pages quickly and finds pages by offset', () => {
    const started = performance.now();
    const layout = buildLayout(100_000, A4, new Map(), {}, 1);
    expect(performance.now() - started).toBeLessThan(200);
    expect(layout.tops[0]).toBe(PAGE_PADDING);
    expect(layout.tops[1]).toBe(PAGE_PADDING + 842 + PAGE_GAP);
    expect(pageAt(layout, layout.tops[49_999]! + 10)).toBe(50_000);
    expect(pageAt(layout, layout.tops[100_000]!)).toBe(100_000);
  });

  it('uses a page’s own size and rotation once known', () => {
    const layout = buildLayout(3, A4, new Map([[2, { width: 842, height: 595 }]]), { '3': 90 }, 2);
    expect(layout.boxSize(1)).toEqual({ width: 1190, height: 1684 });
    expect(layout.boxSize(2)).toEqual({ width: 1684, height: 1190 });
    expect(layout.boxSize(3)).toEqual({ width: 1684, height: 1190 });
    expect(layout.unrotatedSize(3)).toEqual({ width: 1190, height: 1684 });
    expect(layout.maxWidth).toBe(1684);
    expect(layout.tops[2]).toBe(PAGE_PADDING + 1684 + PAGE_GAP + 1190 + PAGE_GAP);
  });

  it('turns a position into a scroll offset and back', () => {
    const layout = buildLayout(500, A4, new Map(), {}, 1.5);
    for (const position of [
      { page: 1, offset: 0 },
      { page: 400, offset: 0.25 },
      { page: 500, offset: 0.5 },
    ]) {
      expect(positionAt(layout, scrollTopOf(layout, position.page, position.offset))).toEqual(position);
    }
  });

  it('picks the page showing most of itself', () => {
    const layout = buildLayout(10, A4, new Map(), {}, 1);
    expect(mostVisiblePage(layout, layout.tops[3]! + 600, 700)).toBe(5);
    expect(mostVisiblePage(layout, layout.tops[3]! + 100, 700)).toBe(4);
  });

  it('moves the scroll window only near its edges', () => {
    expect(chooseBase(5_000_000, 700, 9_000_000, 0)).toBe(0);
    expect(chooseBase(9_000_000, 700, 100_000_000, 0)).toBe(9_000_000 - SCROLL_WINDOW / 2);
    const base = chooseBase(50_000_000, 700, 100_000_000, 0);
    expect(chooseBase(50_000_000 + 1_000, 700, 100_000_000, base)).toBe(base);
    expect(chooseBase(100_000_000 - 700, 700, 100_000_000, base)).toBe(100_000_000 - SCROLL_WINDOW);
  });
});

describe('rotateRect', () => {
  const rect = { x: 0.1, y: 0.2, width: 0.3, height: 0.1 };
  it('turns a rect of the page clockwise', () => {
    const close = (r: typeof rect) => Object.values(r).map((v) => Math.round(v * 1000) / 1000);
    expect(close(rotateRect(rect, 90))).toEqual([0.7, 0.1, 0.1, 0.3]);
    expect(close(rotateRect(rect, 180))).toEqual([0.6, 0.7, 0.3, 0.1]);
    expect(close(rotateRect(rect, 270))).toEqual([0.2, 0.6, 0.1, 0.3]);
    expect(rotateRect(rect, 0)).toBe(rect);
  });
});

describe('zoom', () => {
  it('fits width and page, clamped', () => {
    expect(resolveScale({ kind: 'fit-width' }, A4, { width: 1190, height: 700 })).toBe(2);
    expect(resolveScale({ kind: 'fit-page' }, A4, { width: 1190, height: 842 })).toBe(1);
    expect(resolveScale({ kind: 'fit-width' }, A4, { width: 10_000, height: 700 })).toBe(4);
    expect(resolveScale({ kind: 'scale', scale: 1.3 }, A4, { width: 0, height: 0 })).toBe(1.3);
  });
  it('steps between the fixed levels', () => {
    expect(stepScale(1, 1)).toBe(1.25);
    expect(stepScale(1.1, -1)).toBe(1);
    expect(stepScale(4, 1)).toBe(4);
    expect(stepScale(0.5, -1)).toBe(0.25);
  });
  it('maps settings to select options and back', () => {
    expect(zoomOptionValue({ kind: 'scale', scale: 1.5 })).toBe('scale:1.5');
    expect(zoomOptionValue({ kind: 'scale', scale: 1.1 })).toBe('custom');
    expect(parseZoomOption('scale:2')).toEqual({ kind: 'scale', scale: 2 });
    expect(parseZoomOption('fit-page')).toEqual({ kind: 'fit-page' });
    expect(parseZoomOption('custom')).toBeNull();
  });
});

describe('canvas size', () => {
  it('draws at the device pixel ratio up to the pixel cap', () => {
    expect(outputScale(1000, 1400, 2)).toBe(2);
    const ratio = outputScale(4000, 5600, 2);
    expect(4000 * ratio * 5600 * ratio).toBeLessThanOrEqual(MAX_CANVAS_PIXELS + 1);
  });
});

describe('toLoadError', () => {
  it('maps pdf.js exceptions by name', () => {
    const named = (name: string, extra: object = {}) => Object.assign(new Error('why'), { name }, extra);
    expect(toLoadError(named('InvalidPDFException')).kind).toBe('invalid');
    expect(toLoadError(named('PasswordException')).kind).toBe('password');
    expect(toLoadError(named('ResponseException', { status: 404, missing: true })).kind).toBe('missing');
    expect(toLoadError(named('ResponseException', { status: 500, missing: false })).kind).toBe('network');
    expect(toLoadError(new TypeError('Failed to fetch')).kind).toBe('network');
    expect(toLoadError(named('Error'))).toEqual({ kind: 'unknown', detail: 'why' });
  });
});

describe('RenderQueue', () => {
  it('runs the page nearest the view first, two at a time', async () => {
    const order: number[] = [];
    let current = 10;
    const queue = new RenderQueue({
      distance: (page) => Math.abs(page - current),
      visible: () => true,
      viewWaiting: () => false,
    });
    const releases: (() => void)[] = [];
    const job = (page: number) => () =>
      new Promise<void>((resolve) => {
        order.push(page);
        releases.push(resolve);
      });
    for (const page of [1, 20, 9, 11, 10]) queue.enqueue(page, job(page));
    const drop = queue.enqueue(12, job(12));
    drop();
    await Promise.resolve();
    await Promise.resolve();
    expect(order).toEqual([10, 9]);
    current = 1;
    releases.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(order).toEqual([10, 9, 1]);
    while (releases.length) {
      releases.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(order.sort((a, b) => a - b)).toEqual([1, 9, 10, 11, 20]);
  });

  it('holds renders of pages outside the view while a page in the view is not drawn', async () => {
    const order: number[] = [];
    let waiting = true;
    const queue = new RenderQueue({
      distance: (page) => Math.abs(page - 400),
      visible: (page) => page === 400,
      viewWaiting: () => waiting,
    });
    const releases = new Map<number, () => void>();
    const job = (page: number) => () =>
      new Promise<void>((resolve) => {
        order.push(page);
        releases.set(page, resolve);
      });
    const settle = async () => {
      for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    };
    // The neighbour's page arrives first, as it can when pdf.js answers it sooner.
    queue.enqueue(399, job(399));
    await settle();
    expect(order).toEqual([]);
    queue.enqueue(400, job(400));
    queue.enqueue(401, job(401));
    await settle();
    expect(order).toEqual([400]);
    waiting = false;
    releases.get(400)!();
    queue.wake();
    await settle();
    // Outside the view: one at a time.
    expect(order).toEqual([400, 399]);
    releases.get(399)!();
    await settle();
    expect(order).toEqual([400, 399, 401]);
  });
});
