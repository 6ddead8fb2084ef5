// Small preferences (language, theme) live in localStorage; a profile without storage
// (private mode, a locked-down kiosk) simply falls back to the defaults.
export function readPreference<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  try {
    const value = window.localStorage.getItem(key);
    return allowed.find((candidate) => candidate === value) ?? fallback;
  } catch {
    return fallback;
  }
}

export function writePreference(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Not persisting is acceptable: the choice still holds for this window.
  }
}
