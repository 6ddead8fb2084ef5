import { useMemo, useSyncExternalStore } from 'react';

/**
 * What the reading room shows: the open documents (one tab each, in order), the active one (the
 * first pane) and, in split view, the one shown beside it (the second pane). The address holds it
 * (the app's routes write and parse it); sessionStorage keeps a copy for the case file's links and
 * for `#/documents` with no ids.
 */
export interface ReadingLayout {
  ids: readonly string[];
  active: string | null;
  beside: string | null;
}

/** More tabs than this are not useful; the oldest closes first. */
export const MAX_OPEN_DOCUMENTS = 12;

export const EMPTY_LAYOUT: ReadingLayout = { ids: [], active: null, beside: null };

/** Keeps a layout consistent: known, distinct ids; an active one when any is open; beside ≠ active. */
export function normalizeLayout(layout: ReadingLayout): ReadingLayout {
  const ids = [...new Set(layout.ids.filter((id) => id.length > 0 && id.length <= 64))].slice(
    -MAX_OPEN_DOCUMENTS,
  );
  const active = layout.active !== null && ids.includes(layout.active) ? layout.active : (ids[0] ?? null);
  const beside =
    layout.beside !== null && layout.beside !== active && ids.includes(layout.beside) ? layout.beside : null;
  return { ids, active, beside };
}

/** Opens a document in a tab of its own (or selects its tab) and makes it the active one. */
export function openDocument(layout: ReadingLayout, documentId: string): ReadingLayout {
  if (layout.beside === documentId)
    return normalizeLayout({ ...layout, beside: layout.active, active: documentId });
  const ids = layout.ids.includes(documentId) ? layout.ids : [...layout.ids, documentId];
  return normalizeLayout({ ids, active: documentId, beside: layout.beside });
}

/** Shows a document in the second pane, beside the active one (opening a tab for it if needed). */
export function openBeside(layout: ReadingLayout, documentId: string): ReadingLayout {
  const ids = layout.ids.includes(documentId) ? layout.ids : [...layout.ids, documentId];
  if (layout.active === null || layout.active === documentId) {
    // Nothing else to put it beside: the nearest other tab goes to the first pane.
    const other = ids.find((id) => id !== documentId) ?? null;
    return normalizeLayout({ ids, active: other ?? documentId, beside: other ? documentId : null });
  }
  return normalizeLayout({ ids, active: layout.active, beside: documentId });
}

/** Closes a tab; its pane shows the tab next to it, or the split ends when there is none. */
export function closeDocument(layout: ReadingLayout, documentId: string): ReadingLayout {
  const index = layout.ids.indexOf(documentId);
  if (index < 0) return layout;
  const ids = layout.ids.filter((id) => id !== documentId);
  if (layout.beside === documentId) return normalizeLayout({ ids, active: layout.active, beside: null });
  if (layout.active !== documentId)
    return normalizeLayout({ ids, active: layout.active, beside: layout.beside });
  if (layout.beside !== null) return normalizeLayout({ ids, active: layout.beside, beside: null });
  const next = ids[Math.min(index, ids.length - 1)] ?? null;
  return normalizeLayout({ ids, active: next, beside: null });
}

/** Back to one pane: the active document stays. */
export function singlePane(layout: ReadingLayout): ReadingLayout {
  return { ...layout, beside: null };
}

/** Split view with the tab after the active one (or before it) in the second pane. */
export function splitWithNext(layout: ReadingLayout): ReadingLayout {
  if (layout.active === null || layout.ids.length < 2) return layout;
  const index = layout.ids.indexOf(layout.active);
  const other = layout.ids[index + 1] ?? layout.ids[index - 1] ?? null;
  return other === null ? layout : normalizeLayout({ ...layout, beside: other });
}

// sessionStorage: per window, survives a reload, gone when the window closes (as the open tabs are).

const STORAGE_KEY = 'chambers.reading.layout';
const CHANGE_EVENT = 'chambers:reading-layout';

export function parseStoredLayout(raw: string | null): ReadingLayout {
  if (!raw) return EMPTY_LAYOUT;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return EMPTY_LAYOUT;
    const { ids, active, beside } = value as Record<string, unknown>;
    if (!Array.isArray(ids) || !ids.every((id): id is string => typeof id === 'string')) return EMPTY_LAYOUT;
    return normalizeLayout({
      ids,
      active: typeof active === 'string' ? active : null,
      beside: typeof beside === 'string' ? beside : null,
    });
  } catch {
    return EMPTY_LAYOUT;
  }
}

function readRaw(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function readStoredLayout(): ReadingLayout {
  return parseStoredLayout(readRaw());
}

export function storeLayout(layout: ReadingLayout): void {
  const raw = JSON.stringify(normalizeLayout(layout));
  if (readRaw() === raw) return;
  try {
    window.sessionStorage.setItem(STORAGE_KEY, raw);
  } catch {
    return; // Storage refused (private mode, quota): the address still holds the layout.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
}

/** The documents open in this window's reading room, for links elsewhere ("Open beside"). */
export function useStoredLayout(): ReadingLayout {
  const raw = useSyncExternalStore(subscribe, readRaw, () => null);
  return useMemo(() => parseStoredLayout(raw), [raw]);
}
