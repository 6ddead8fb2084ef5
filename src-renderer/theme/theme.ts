import { useSyncExternalStore } from 'react';
import { readPreference, writePreference } from '../lib/local-preference';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_STORAGE_KEY = 'chambers.theme';

/** The dictionary keys that name each theme (top bar and Settings). */
export const THEME_LABEL_KEYS = {
  system: 'shell.theme.system',
  light: 'shell.theme.light',
  dark: 'shell.theme.dark',
} as const satisfies Record<Theme, string>;

/** `system` leaves the choice to prefers-color-scheme; tokens.css reads `data-theme` otherwise. */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

export function readTheme(): Theme {
  return readPreference(THEME_STORAGE_KEY, THEMES, 'system');
}

/** Called before the first render so a dark-theme user never sees a white flash. */
export function applyStoredTheme(): void {
  applyTheme(readTheme());
}

const listeners = new Set<() => void>();
let current: Theme | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = (): Theme => (current ??= readTheme());

/** Stores and applies a theme; every place that shows the choice (top bar, Settings) follows. */
export function setTheme(next: Theme): void {
  writePreference(THEME_STORAGE_KEY, next);
  applyTheme(next);
  current = next;
  for (const listener of listeners) listener();
}

export function useTheme(): [Theme, (theme: Theme) => void] {
  const theme = useSyncExternalStore(subscribe, snapshot, snapshot);
  return [theme, setTheme];
}
