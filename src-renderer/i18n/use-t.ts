import { useContext } from 'react';
import { I18nContext, type I18n, type Translate } from './i18n-provider';

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n needs an <I18nProvider> above it');
  return i18n;
}

/** The translate function of the current language: `t('cases.title')`. */
export function useT(): Translate {
  return useI18n().t;
}
