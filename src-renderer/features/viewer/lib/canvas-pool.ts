/**
 * Page canvases kept for the next page of the same size. A new canvas of a scanned A4 page at fit
 * width is about 9 MB of pixels, and Chromium allocates and clears that memory on the first draw:
 * 30–60 ms of main-thread work on a small machine, while pdf.js's worker decodes the next page's
 * image on the other core. A page of a scan is mostly the same size as the one before it, so the
 * canvas of a page that left the view is reused for the page that enters it (a jump, a scroll).
 *
 * At most `capacity` canvases wait here, so memory stays bounded; others are released at once.
 */
export class CanvasPool {
  private readonly kept: HTMLCanvasElement[] = [];

  constructor(private readonly capacity = 2) {}

  /** A canvas of exactly `width` × `height` device pixels: a kept one (cleared), or a new one. */
  take(width: number, height: number): HTMLCanvasElement {
    const at = this.kept.findIndex((canvas) => canvas.width === width && canvas.height === height);
    if (at >= 0) {
      const [canvas] = this.kept.splice(at, 1);
      // Setting the size, even the same one, clears the pixels and resets the context's state.
      canvas!.width = width;
      canvas!.height = height;
      return canvas!;
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    return canvas;
  }

  /**
   * A canvas that was drawn completely and is no longer shown. Only those are kept: a canvas whose
   * drawing was cancelled or failed goes to `release`.
   */
  give(canvas: Element | null | undefined): void {
    if (!(canvas instanceof HTMLCanvasElement) || canvas.width === 0) return;
    canvas.remove();
    this.kept.push(canvas);
    while (this.kept.length > this.capacity) release(this.kept.shift());
  }

  /** Lets every kept canvas go (the viewer closed). */
  clear(): void {
    while (this.kept.length > 0) release(this.kept.pop());
  }

  get size(): number {
    return this.kept.length;
  }
}

/** Frees a canvas's pixels at once instead of when the garbage collector gets to it. */
export function release(canvas: Element | null | undefined): void {
  if (canvas instanceof HTMLCanvasElement) {
    canvas.width = 0;
    canvas.height = 0;
  }
}
