import { useSyncExternalStore } from 'react';

// Hash routes (`#/cases/<id>`, `#/work`, …): they survive a reload and work the same under
// `app://` in Electron and under `/` in the browser host, with no server-side routing.
export const SCREENS = [
  'work',
  'search',
  'cases',
  'documents',
  'register',
  'allocation',
  'settings',
  'drafts',
  'minutes',
] as const;
export type Screen = (typeof SCREENS)[number];

/** The reading room: open documents (tabs), the active one, and the one shown beside it. */
export interface DocumentsLayout {
  ids: readonly string[];
  active: string | null;
  beside: string | null;
}

export type Route =
  | { screen: 'cases'; caseId: string | null }
  | { screen: 'documents'; caseId: null; documents: DocumentsLayout }
  /** A decision draft (`#/drafts/<draftId>`); without an id, the list of the user's drafts. */
  | { screen: 'drafts'; caseId: null; draftId: string | null }
  /** Hearing minutes (`#/minutes/<minutesId>`); without an id, the user's hearings. */
  | { screen: 'minutes'; caseId: null; minutesId: string | null }
  | { screen: Exclude<Screen, 'cases' | 'documents' | 'drafts' | 'minutes'>; caseId: null };

/** More than this many ids in an address are ignored (the reading room keeps a dozen tabs). */
const MAX_DOCUMENT_IDS = 12;

const decode = (part: string): string | null => {
  try {
    const value = decodeURIComponent(part);
    return value.length > 0 && value.length <= 64 ? value : null;
  } catch {
    return null;
  }
};

/**
 * `#/documents/<id1>,<id2>?active=<id>&beside=<id>`: ids are URI-encoded (a comma in an id becomes
 * %2C); the active tab defaults to the first; `beside` (split view) must be another open id.
 */
export function parseDocumentsHash(hash: string): DocumentsLayout | null {
  const match = /^#\/documents(?:\/([^/?]*))?(?:\?(.*))?$/.exec(hash);
  if (!match) return null;
  const ids = [...new Set((match[1] ?? '').split(',').flatMap((part) => decode(part) ?? []))].slice(
    0,
    MAX_DOCUMENT_IDS,
  );
  const query = new URLSearchParams(match[2] ?? '');
  const wanted = query.get('active');
  const active = wanted !== null && ids.includes(wanted) ? wanted : (ids[0] ?? null);
  const besideWanted = query.get('beside');
  const beside =
    besideWanted !== null && besideWanted !== active && ids.includes(besideWanted) ? besideWanted : null;
  return { ids, active, beside };
}

const isScreen = (name: string): name is Screen => (SCREENS as readonly string[]).includes(name);

/** An unknown or empty address opens My work, the first screen of the day. */
export function parseHash(hash: string): Route {
  const documents = parseDocumentsHash(hash);
  if (documents) return { screen: 'documents', caseId: null, documents };
  const match = /^#\/([a-z]+)(?:\/([^/]+))?$/.exec(hash);
  const screen = match?.[1];
  if (!screen || !isScreen(screen)) return { screen: 'work', caseId: null };
  if (screen === 'documents')
    return { screen, caseId: null, documents: { ids: [], active: null, beside: null } };
  if (screen === 'drafts')
    return { screen, caseId: null, draftId: match[2] === undefined ? null : decode(match[2]) };
  if (screen === 'minutes')
    return { screen, caseId: null, minutesId: match[2] === undefined ? null : decode(match[2]) };
  if (screen !== 'cases') return { screen, caseId: null };
  if (!match[2]) return { screen: 'cases', caseId: null };
  try {
    return { screen: 'cases', caseId: decodeURIComponent(match[2]) };
  } catch {
    return { screen: 'cases', caseId: null };
  }
}

export function casesHref(caseId: string | null = null): string {
  return caseId === null ? '#/cases' : `#/cases/${encodeURIComponent(caseId)}`;
}

/** The reading room with these documents open; `#/documents/<id>` opens just one. */
export function documentsHref(
  ids: readonly string[],
  options: { active?: string | null; beside?: string | null } = {},
): string {
  const list = ids.map((id) => encodeURIComponent(id)).join(',');
  const query = new URLSearchParams();
  if (options.active && options.active !== ids[0] && ids.includes(options.active))
    query.set('active', options.active);
  if (options.beside && options.beside !== (options.active ?? ids[0]) && ids.includes(options.beside))
    query.set('beside', options.beside);
  const search = query.toString();
  return `#/documents${list ? `/${list}` : ''}${search ? `?${search}` : ''}`;
}

/** A decision draft; `#/drafts` alone lists the user's drafts. */
export function draftsHref(draftId: string | null = null): string {
  return draftId === null ? '#/drafts' : `#/drafts/${encodeURIComponent(draftId)}`;
}

/** One hearing's minutes; `#/minutes` alone lists the user's hearings. */
export function minutesHref(minutesId: string | null = null): string {
  return minutesId === null ? '#/minutes' : `#/minutes/${encodeURIComponent(minutesId)}`;
}

export function screenHref(screen: Exclude<Screen, 'cases'>): string {
  return `#/${screen}`;
}

export function navigate(href: string): void {
  if (window.location.hash !== href) window.location.hash = href;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}
