import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { readPreference, writePreference } from '../lib/local-preference';
import { interpolate, type MessageKey, type MessageParams, type PluralKey } from './dictionary';
import { createFormatters, type Formatters } from './format';
import {
  DEFAULT_LANGUAGE,
  DICTIONARIES,
  LANGUAGE_STORAGE_KEY,
  LANGUAGES,
  LOCALES,
  type Language,
} from './languages';

export type Translate = <K extends MessageKey>(key: K, ...params: MessageParams<K>) => string;

export interface I18n {
  language: Language;
  locale: string;
  setLanguage(language: Language): void;
  t: Translate;
  /** Picks `<base>.one` or `<base>.other` and fills `{count}` with the formatted number. */
  plural(base: PluralKey, count: number): string;
  format: Formatters;
}

export const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() =>
    readPreference(LANGUAGE_STORAGE_KEY, LANGUAGES, DEFAULT_LANGUAGE),
  );

  const setLanguage = useCallback((next: Language) => {
    writePreference(LANGUAGE_STORAGE_KEY, next);
    setLanguageState(next);
  }, []);

  useEffect(() => {
    // Screen readers pick their voice, and browsers their hyphenation, from the lang attribute.
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo<I18n>(() => {
    const dictionary = DICTIONARIES[language];
    const locale = LOCALES[language];
    const format = createFormatters(language);
    const rules = new Intl.PluralRules(locale);
    const t: Translate = (key, ...params) => interpolate(dictionary[key], params[0]);
    return {
      language,
      locale,
      setLanguage,
      t,
      format,
      plural: (base, count) => {
        const key: MessageKey = rules.select(count) === 'one' ? `${base}.one` : `${base}.other`;
        return interpolate(dictionary[key], { count: format.number(count) });
      },
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
