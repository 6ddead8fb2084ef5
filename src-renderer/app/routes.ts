import { useSyncExternalStore } from 'react';

// Hash routes (`#/cases/<id>`, `#/work`, …): they survive a reload and work the same under
// `app://` in Electron and under `/` in the browser host, with no server-side routing.
export const SCREENS = ['work', 'search', 'cases', 'register', 'allocation', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

export type Route =
  { screen: 'cases'; caseId: string | null } | { screen: Exclude<Screen, 'cases'>; caseId: null };

const isScreen = (name: string): name is Screen => (SCREENS as readonly string[]).includes(name);

/** An unknown or empty address opens My work, the first screen of the day. */
export function parseHash(hash: string): Route {
  const match = /^#\/([a-z]+)(?:\/([^/]+))?$/.exec(hash);
  const screen = match?.[1];
  if (!screen || !isScreen(screen)) return { screen: 'work', caseId: null };
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
