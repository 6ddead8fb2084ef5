import { useEffect, type KeyboardEvent, type RefObject } from 'react';
import type { ViewerController } from '../lib/viewer-types';
import { clampScale, FIT_WIDTH, stepScale } from '../lib/zoom';

/** A screenful less a little overlap, so the line read last stays in sight. */
const pageStep = (element: HTMLElement) => Math.max(40, element.clientHeight - 40);

/**
 * The viewer's keys, for the viewer's root element: Ctrl+= / Ctrl+- / Ctrl+0 anywhere in it; on the
 * focused page area PageDown/PageUp/Space/Shift+Space by a screen, Home/End to the first/last page,
 * "r" / Shift+R to turn the current page. Arrow keys scroll natively.
 */
export function viewerKeyHandler(
  scroller: RefObject<HTMLElement | null>,
  viewer: ViewerController,
): (event: KeyboardEvent<HTMLElement>) => void {
  return (event) => {
    const element = scroller.current;
    if (!element) return;
    const mod = event.ctrlKey || event.metaKey;
    if (mod && !event.altKey) {
      if (event.key === '=' || event.key === '+') {
        viewer.setZoom({ kind: 'scale', scale: stepScale(viewer.scale, 1) });
      } else if (event.key === '-') {
        viewer.setZoom({ kind: 'scale', scale: stepScale(viewer.scale, -1) });
      } else if (event.key === '0') {
        viewer.setZoom(FIT_WIDTH);
      } else {
        return;
      }
      event.preventDefault();
      return;
    }
    if (event.target !== element || mod || event.altKey) return;
    switch (event.key) {
      case 'PageDown':
        element.scrollBy({ top: pageStep(element) });
        break;
      case 'PageUp':
        element.scrollBy({ top: -pageStep(element) });
        break;
      case ' ':
        element.scrollBy({ top: event.shiftKey ? -pageStep(element) : pageStep(element) });
        break;
      case 'Home':
        viewer.goTo(1);
        break;
      case 'End':
        viewer.goTo(viewer.numPages);
        break;
      case 'r':
      case 'R':
        viewer.rotate(viewer.currentPage, event.shiftKey ? -90 : 90);
        break;
      default:
        return;
    }
    event.preventDefault();
  };
}

export interface WheelZoomAnchor {
  /** Viewport point (CSS pixels from the scroll area's top left) under the pointer. */
  x: number;
  y: number;
}

/** Ctrl+wheel (and pinch, which browsers report so) zooms about the pointer. */
export function useWheelZoom(
  scroller: RefObject<HTMLElement | null>,
  zoomAbout: (scale: (old: number) => number, anchor: WheelZoomAnchor) => void,
) {
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      const box = element.getBoundingClientRect();
      const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
      zoomAbout((old) => clampScale(old * Math.exp(-delta * 0.002)), {
        x: event.clientX - box.left,
        y: event.clientY - box.top,
      });
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [scroller, zoomAbout]);
}
