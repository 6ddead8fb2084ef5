import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { AnnotationColor, AnnotationKind } from '../../../../src-shared/contract/viewer';
import { useT } from '../../../i18n/use-t';
import { type Annotation, annotationListQuery } from '../api/annotation-queries';
import type { PageLayer, PageLayerInfo, PageRect, Rotation } from '../lib/viewer-types';

/** Whether the pages take a new note or highlight: the pointer drags a region, Enter places one. */
export type AnnotationMode = AnnotationKind | null;

/** A note or highlight being written (new, or an existing one opened). */
export interface AnnotationDraft {
  id: string;
  page: number;
  rect: PageRect;
  kind: AnnotationKind;
  text: string;
  color: AnnotationColor;
  isNew: boolean;
}

export interface AnnotationLayerOptions {
  documentId: string;
  mode: AnnotationMode;
  color: AnnotationColor;
  /** The draft being edited, drawn dashed on its page. */
  draft: AnnotationDraft | null;
  onDraft(draft: AnnotationDraft): void;
  onOpen(annotation: Annotation): void;
}

/** A region placed by the keyboard: this share of the page, at the middle of the view. */
export const DEFAULT_REGION = { width: 0.3, height: 0.08 } as const;
/** A drag shorter than this (share of the page) is a click: a default region at that point. */
const MIN_DRAG = 0.01;

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/** A point as shares of the page as it is shown (turned) → shares of the unrotated page. */
export function unrotatePoint(x: number, y: number, rotation: Rotation): { x: number; y: number } {
  switch (rotation) {
    case 90:
      return { x: y, y: 1 - x };
    case 180:
      return { x: 1 - x, y: 1 - y };
    case 270:
      return { x: 1 - y, y: x };
    default:
      return { x, y };
  }
}

/** A region of the default size centred on a point, kept on the page. */
export function regionAround(x: number, y: number): PageRect {
  const width = DEFAULT_REGION.width;
  const height = DEFAULT_REGION.height;
  return {
    x: clamp01(Math.min(1 - width, x - width / 2)),
    y: clamp01(Math.min(1 - height, y - height / 2)),
    width,
    height,
  };
}

/** The rectangle spanned by two points (any order), as a PageRect. */
export function rectBetween(a: { x: number; y: number }, b: { x: number; y: number }): PageRect {
  const x = clamp01(Math.min(a.x, b.x));
  const y = clamp01(Math.min(a.y, b.y));
  return { x, y, width: clamp01(Math.max(a.x, b.x)) - x, height: clamp01(Math.max(a.y, b.y)) - y };
}

const percent = (rect: PageRect) => ({
  left: `${rect.x * 100}%`,
  top: `${rect.y * 100}%`,
  width: `${rect.width * 100}%`,
  height: `${rect.height * 100}%`,
});

/** The PageLayer of notes and highlights (and, in "add" mode, the surface that takes new ones). */
export function annotationLayer(options: AnnotationLayerOptions): PageLayer {
  return (info) => <AnnotationPageLayer key={info.page} info={info} {...options} />;
}

function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const { overflowY } = getComputedStyle(parent);
    if (overflowY === 'auto' || overflowY === 'scroll') return parent;
  }
  return null;
}

function AnnotationPageLayer({
  info,
  documentId,
  mode,
  color,
  draft,
  onDraft,
  onOpen,
}: AnnotationLayerOptions & { info: PageLayerInfo }) {
  const t = useT();
  const { data: annotations = [] } = useQuery(annotationListQuery(documentId));
  const surface = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ start: { x: number; y: number }; rect: PageRect } | null>(null);
  const onPage = annotations.filter((annotation) => annotation.page === info.page);

  const pointAt = (clientX: number, clientY: number) => {
    const box = surface.current!.getBoundingClientRect();
    const x = box.width > 0 ? (clientX - box.left) / box.width : 0;
    const y = box.height > 0 ? (clientY - box.top) / box.height : 0;
    return unrotatePoint(clamp01(x), clamp01(y), info.rotation);
  };

  const newDraft = (rect: PageRect): AnnotationDraft => ({
    id: crypto.randomUUID(),
    page: info.page,
    rect,
    kind: mode ?? 'note',
    text: '',
    color,
    isNew: true,
  });

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture?.(event.pointerId);
    const start = pointAt(event.clientX, event.clientY);
    setDrag({ start, rect: rectBetween(start, start) });
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    setDrag({ start: drag.start, rect: rectBetween(drag.start, pointAt(event.clientX, event.clientY)) });
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    const rect = rectBetween(drag.start, pointAt(event.clientX, event.clientY));
    setDrag(null);
    onDraft(
      newDraft(
        rect.width < MIN_DRAG || rect.height < MIN_DRAG ? regionAround(drag.start.x, drag.start.y) : rect,
      ),
    );
  };

  // The keyboard's way: a default region in the middle of the part of the page that is in view.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    const element = surface.current!;
    const box = element.getBoundingClientRect();
    const view = scrollParent(element)?.getBoundingClientRect() ?? {
      top: 0,
      left: 0,
      bottom: window.innerHeight,
      right: window.innerWidth,
    };
    const top = Math.max(box.top, view.top);
    const bottom = Math.min(box.bottom, view.bottom);
    const left = Math.max(box.left, view.left);
    const right = Math.min(box.right, view.right);
    const centre =
      bottom > top && right > left && box.width > 0 && box.height > 0
        ? pointAt((left + right) / 2, (top + bottom) / 2)
        : { x: 0.5, y: 0.5 };
    onDraft(newDraft(regionAround(centre.x, centre.y)));
  };

  return (
    <div className="annotation-layer" data-testid={`annotation-layer-${info.page}`}>
      {onPage.map((annotation) => (
        <button
          key={annotation.id}
          type="button"
          className={`annotation annotation--${annotation.kind} annotation--${annotation.color}`}
          style={percent(annotation.rect)}
          data-annotation-id={annotation.id}
          aria-label={
            annotation.kind === 'note'
              ? t('viewerPanels.annotations.noteOnPage', { text: annotation.text })
              : t('viewerPanels.annotations.highlightOnPage')
          }
          onClick={() => onOpen(annotation)}
        >
          {annotation.kind === 'note' ? (
            <span className="annotation__marker" aria-hidden="true">
              ✎
            </span>
          ) : null}
        </button>
      ))}
      {draft && draft.page === info.page ? (
        <span className="annotation annotation--draft" style={percent(draft.rect)} aria-hidden="true" />
      ) : null}
      {mode ? (
        <div
          ref={surface}
          className="annotation-layer__surface"
          role="button"
          tabIndex={0}
          data-annotation-surface={info.page}
          aria-label={t(
            mode === 'note'
              ? 'viewerPanels.annotations.placeNote'
              : 'viewerPanels.annotations.placeHighlight',
            {
              page: info.page,
            },
          )}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => setDrag(null)}
          onKeyDown={onKeyDown}
        >
          {drag ? <span className="annotation annotation--draft" style={percent(drag.rect)} /> : null}
        </div>
      ) : null}
    </div>
  );
}
