import { useId } from 'react';
import { LANGUAGE_NAMES, LANGUAGES } from '../../i18n/languages';
import { useI18n } from '../../i18n/use-t';
import { THEME_LABEL_KEYS, THEMES, useTheme } from '../../theme/theme';

/** Language buttons carry each language's own name, so anyone can find theirs. */
export function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  return (
    <div className="segmented" role="group" aria-label={t('shell.language')}>
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="segmented__option"
          aria-pressed={language === option}
          onClick={() => setLanguage(option)}
        >
          {LANGUAGE_NAMES[option]}
        </button>
      ))}
    </div>
  );
}

export function ThemeSelect() {
  const { t } = useI18n();
  const [theme, setTheme] = useTheme();
  const id = useId();
  return (
    <span className="field-inline">
      <label htmlFor={id}>{t('shell.theme')}</label>
      <select
        id={id}
        className="select select--compact"
        value={theme}
        onChange={(event) => setTheme(THEMES.find((option) => option === event.target.value) ?? 'system')}
      >
        {THEMES.map((option) => (
          <option key={option} value={option}>
            {t(THEME_LABEL_KEYS[option])}
          </option>
        ))}
      </select>
    </span>
  );
}

export function Preferences() {
  const { t } = useI18n();
  return (
    <div className="preferences" role="group" aria-label={t('shell.preferences')}>
      <LanguageSwitch />
      <ThemeSelect />
    </div>
  );
}
