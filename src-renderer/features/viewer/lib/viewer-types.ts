import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { ReactNode } from 'react';
import type { PageRect, Rotation, ViewerState, ZoomSetting } from '../../../../src-shared/contract/viewer';

export type { PageRect, Rotation, ViewerState, ZoomSetting };

/** Where the PDF's bytes come from: a host URL (read with Range requests), or bytes in memory. */
export type PdfSource = { url: string } | { data: Uint8Array };

/** A position in the document: 1-based page, and how far down it (0..1) the top of the view is. */
export interface ViewerPosition {
  page: number;
  offset: number;
}

/**
 * What the viewer core (`PdfViewer`) offers the panels beside it and the layers over its pages
 * (thumbnails, outline, find, notes). One object per open document, given through `useViewer()`.
 */
export interface ViewerController {
  readonly pdf: PDFDocumentProxy;
  readonly numPages: number;
  /** The page most of the view shows, 1-based. */
  readonly currentPage: number;
  readonly zoom: ZoomSetting;
  /** The effective scale now: CSS pixels per PDF point. */
  readonly scale: number;
  rotationOf(page: number): Rotation;
  /** Scrolls to a page; with a rect, brings that region into view (and flashes it briefly). */
  goTo(page: number, rect?: PageRect): void;
  setZoom(zoom: ZoomSetting): void;
  /** Turns one page by 90° (clockwise when positive); remembered with the position. */
  rotate(page: number, delta: 90 | -90): void;
}

/** The size of a page as drawn now, for a layer over it. */
export interface PageLayerInfo {
  page: number;
  /** CSS pixels of the unrotated page at the current scale. */
  width: number;
  height: number;
  rotation: Rotation;
  scale: number;
}

/**
 * Draws over one page. The layer covers the unrotated page and turns with it, so children place
 * themselves with percentages of the unrotated page (a PageRect × 100 %). Only pages near the view
 * get layers.
 */
export type PageLayer = (info: PageLayerInfo) => ReactNode;

/** The reader's state without the document id (the viewer core does not know ids). */
export type ReaderState = Omit<ViewerState, 'documentId'>;

/** Why a document could not be shown; the viewer shows the message, and nothing else breaks. */
export interface ViewerLoadError {
  kind: 'invalid' | 'password' | 'missing' | 'network' | 'too-large' | 'unknown';
  /** pdf.js's own words, for the details line. */
  detail: string;
}

/** The props of `PdfViewer` (components/pdf-viewer.tsx), the viewer core. */
export interface PdfViewerProps {
  source: PdfSource;
  /** Accessible name of the viewer region: the document's number and title. */
  label: string;
  /** Where to start (position, zoom, rotations); null: page 1, fit width, upright. */
  initialState: ReaderState | null;
  /** Position, zoom or rotation changed; called at most every 500 ms and once on unmount. */
  onStateChange?: (state: ReaderState) => void;
  /** Panels beside the pages (thumbnails, outline, find, notes), rendered inside the viewer context. */
  sidebar?: ReactNode;
  /** Extra toolbar controls at its end (find, add note), rendered inside the viewer context. */
  toolbarEnd?: ReactNode;
  /** Layers over each page near the view (find matches, notes and highlights). */
  pageLayers?: readonly PageLayer[];
  onLoadError?: (error: ViewerLoadError) => void;
}
