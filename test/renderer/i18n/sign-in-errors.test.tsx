import { describe, expect, it } from 'vitest';
import { CARD_ERROR_REASONS } from '../../../src-shared/contract/id-card';
import { AppError } from '../../../src-shared/contract/result';
import { AUTH_REFUSAL_REASONS } from '../../../src-shared/register-api/auth';
import {
  SIGN_IN_REASONS,
  signInErrorText,
  signInReasonKey,
} from '../../../src-renderer/features/session/lib/sign-in-errors';
import { interpolate, type MessageKey, type PluralKey } from '../../../src-renderer/i18n/dictionary';
import type { I18n, Translate } from '../../../src-renderer/i18n/i18n-provider';
import { DICTIONARIES, LANGUAGES, LOCALES, type Language } from '../../../src-renderer/i18n/languages';

function i18nOf(language: Language): Pick<I18n, 't' | 'plural'> {
  const dictionary = DICTIONARIES[language];
  const rules = new Intl.PluralRules(LOCALES[language]);
  const t: Translate = (key, ...params) => interpolate(dictionary[key], params[0]);
  const plural = (base: PluralKey, count: number) => {
    const key: MessageKey = rules.select(count) === 'one' ? `${base}.one` : `${base}.other`;
    return interpolate(dictionary[key], { count });
  };
  return { t, plural };
}

describe('sign-in error texts', () => {
  it('cover every reason of the register and of the desktop host', () => {
    expect([...SIGN_IN_REASONS].sort()).toEqual([...AUTH_REFUSAL_REASONS, ...CARD_ERROR_REASONS].sort());
  });

  it.each(LANGUAGES)('translate every reason in %s', (language) => {
    const i18n = i18nOf(language);
    for (const reason of [...AUTH_REFUSAL_REASONS, ...CARD_ERROR_REASONS]) {
      const key = signInReasonKey(reason);
      expect(DICTIONARIES[language][key]?.trim(), reason).toBeTruthy();
      const error = new AppError('unauthenticated', `host words for ${reason}`, { reason });
      const { text, details } = signInErrorText(i18n, error);
      expect(text, reason).toBe(DICTIONARIES[language][key]);
      expect(text, reason).not.toContain(reason);
      expect(details, reason).toBeNull();
    }
  });

  it('count the tries left in both languages', () => {
    const wrong = (triesLeft: number) =>
      new AppError('unauthenticated', 'Wrong PIN.', { reason: 'pin_incorrect', details: { triesLeft } });
    expect(signInErrorText(i18nOf('et'), wrong(1)).text).toBe('Vale PIN-kood. Jäänud on 1 katse.');
    expect(signInErrorText(i18nOf('et'), wrong(2)).text).toBe('Vale PIN-kood. Jäänud on 2 katset.');
    expect(signInErrorText(i18nOf('en'), wrong(1)).text).toBe('Wrong PIN. 1 try left.');
    expect(signInErrorText(i18nOf('en'), wrong(2)).text).toBe('Wrong PIN. 2 tries left.');
    expect(signInErrorText(i18nOf('en'), wrong(0)).text).toMatch(/^PIN1 is blocked/);
  });

  it('fall back to the message for a reason this app does not know', () => {
    const error = new AppError('unavailable', 'Reader jammed.', { reason: 'reader_jammed' });
    const { text, details } = signInErrorText(i18nOf('en'), error);
    expect(text).toBe(DICTIONARIES.en['error.unavailable']);
    expect(details).toBe('Reader jammed.');
  });
});
