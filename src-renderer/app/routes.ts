import { useSyncExternalStore } from 'react';

// Hash routes (`#/cases/<id>`): they survive a reload and work the same under `app://` in
// Electron and under `/` in the browser host, with no server-side routing.
export type Route = { screen: 'cases'; caseId: string | null };

export function parseHash(hash: string): Route {
  const match = /^#\/cases\/([^/]+)$/.exec(hash);
  if (!match?.[1]) return { screen: 'cases', caseId: null };
  try {
    return { screen: 'cases', caseId: decodeURIComponent(match[1]) };
  } catch {
    return { screen: 'cases', caseId: null };
  }
}

export function casesHref(caseId: string | null = null): string {
  return caseId === null ? '#/cases' : `#/cases/${encodeURIComponent(caseId)}`;
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
