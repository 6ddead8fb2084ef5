/** No page canvas gets more pixels than this (64 MB of RGBA), whatever the zoom and screen. */
export const MAX_CANVAS_PIXELS = 16_777_216;

/** Device pixels per CSS pixel for a page of `width` × `height` CSS pixels. */
export function outputScale(width: number, height: number, devicePixelRatio: number): number {
  const wanted = Math.max(1, devicePixelRatio || 1);
  const area = width * height;
  if (area <= 0) return wanted;
  return Math.min(wanted, Math.sqrt(MAX_CANVAS_PIXELS / area));
}
