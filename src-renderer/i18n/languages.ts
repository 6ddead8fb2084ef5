import type { Dictionary } from './dictionary';
import { en } from './en';
import { et } from './et';

export const LANGUAGES = ['et', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'et';
export const LANGUAGE_STORAGE_KEY = 'chambers.language';

/** Each language by its own name, identical in every UI language so people find their own. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { et: 'Eesti', en: 'English' };

/** en-GB: day-month order and a 24-hour clock suit a European court better than en-US. */
export const LOCALES: Readonly<Record<Language, string>> = { et: 'et-EE', en: 'en-GB' };

export const DICTIONARIES: Readonly<Record<Language, Dictionary>> = { et, en };
