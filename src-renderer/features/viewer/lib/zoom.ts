import type { ZoomSetting } from './viewer-types';

export const MIN_SCALE = 0.25;
export const MAX_SCALE = 4;
/** The fixed steps of the zoom select and of zoom in / zoom out. */
export const ZOOM_STEPS: readonly number[] = [0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4];
export const FIT_WIDTH: ZoomSetting = { kind: 'fit-width' };

export const clampScale = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/** The next step up (direction 1) or down (-1) from a scale that may lie between steps. */
export function stepScale(scale: number, direction: 1 | -1): number {
  const epsilon = 1e-3;
  if (direction > 0) return ZOOM_STEPS.find((step) => step > scale + epsilon) ?? MAX_SCALE;
  return [...ZOOM_STEPS].reverse().find((step) => step < scale - epsilon) ?? MIN_SCALE;
}

/**
 * The scale a setting means for a page of `pageWidth` × `pageHeight` points (as shown, rotated)
 * in a view of `viewWidth` × `viewHeight` CSS pixels (gaps already taken off).
 */
export function resolveScale(
  zoom: ZoomSetting,
  page: { width: number; height: number },
  view: { width: number; height: number },
): number {
  if (zoom.kind === 'scale') return zoom.scale;
  if (page.width <= 0 || page.height <= 0 || view.width <= 0) return 1;
  const byWidth = view.width / page.width;
  if (zoom.kind === 'fit-width') return clampScale(byWidth);
  return clampScale(Math.min(byWidth, view.height > 0 ? view.height / page.height : byWidth));
}

/** The zoom select's value for a setting: a fit, one of the steps, or 'custom'. */
export function zoomOptionValue(zoom: ZoomSetting): string {
  if (zoom.kind !== 'scale') return zoom.kind;
  const step = ZOOM_STEPS.find((s) => Math.abs(s - zoom.scale) < 1e-3);
  return step === undefined ? 'custom' : `scale:${step}`;
}

export function parseZoomOption(value: string): ZoomSetting | null {
  if (value === 'fit-width' || value === 'fit-page') return { kind: value };
  const match = /^scale:([0-9.]+)$/.exec(value);
  if (!match) return null;
  const scale = Number(match[1]);
  return Number.isFinite(scale) ? { kind: 'scale', scale: clampScale(scale) } : null;
}
