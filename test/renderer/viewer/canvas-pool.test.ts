// The viewer's pool of page canvases: a canvas of a page that left the view is reused for the next
// page of the same size, at most two wait, and anything else is released at once.
import { describe, expect, it } from 'vitest';
import { CanvasPool, release } from '../../../src-renderer/features/viewer/lib/canvas-pool';

const shown = (width: number, height: number) => {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  document.body.append(canvas);
  return canvas;
};

describe('CanvasPool', () => {
  it('makes a canvas of the asked size when it keeps none', () => {
    const pool = new CanvasPool();
    const canvas = pool.take(1248, 1765);
    expect([canvas.width, canvas.height]).toEqual([1248, 1765]);
    expect(pool.size).toBe(0);
  });

  it('gives back a canvas that left the page for the next page of the same size, out of the DOM', () => {
    const pool = new CanvasPool();
    const old = shown(1248, 1765);
    pool.give(old);
    expect(old.isConnected).toBe(false);
    expect(pool.size).toBe(1);
    expect(pool.take(1248, 1765)).toBe(old);
    expect([old.width, old.height]).toEqual([1248, 1765]);
    expect(pool.size).toBe(0);
  });

  it('makes a new canvas for another size and keeps the kept one', () => {
    const pool = new CanvasPool();
    const old = shown(1248, 1765);
    pool.give(old);
    const other = pool.take(1765, 1248);
    expect(other).not.toBe(old);
    expect([other.width, other.height]).toEqual([1765, 1248]);
    expect(pool.size).toBe(1);
  });

  it('keeps at most its capacity and releases the oldest past it', () => {
    const pool = new CanvasPool(2);
    const [a, b, c] = [shown(10, 10), shown(20, 20), shown(30, 30)];
    pool.give(a);
    pool.give(b);
    pool.give(c);
    expect(pool.size).toBe(2);
    expect([a.width, a.height]).toEqual([0, 0]);
    expect(pool.take(20, 20)).toBe(b);
    expect(pool.take(30, 30)).toBe(c);
  });

  it('ignores what is not a drawn canvas, and lets everything go on clear', () => {
    const pool = new CanvasPool();
    pool.give(null);
    pool.give(document.createElement('div'));
    const released = shown(10, 10);
    release(released);
    pool.give(released);
    expect(pool.size).toBe(0);
    const kept = shown(10, 10);
    pool.give(kept);
    pool.clear();
    expect(pool.size).toBe(0);
    expect([kept.width, kept.height]).toEqual([0, 0]);
  });
});
