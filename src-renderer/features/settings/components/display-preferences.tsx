import { useId } from 'react';
import { LANGUAGE_NAMES, LANGUAGES } from '../../../i18n/languages';
import { useI18n } from '../../../i18n/use-t';
import { THEMES, useTheme, type Theme } from '../../../theme/theme';

// The same labels as the top bar's theme menu.
const THEME_KEYS = {
  system: 'shell.theme.system',
  light: 'shell.theme.light',
  dark: 'shell.theme.dark',
} as const satisfies Record<Theme, string>;

/** Each language by its own name (the top bar's switch does the same); applies at once. */
export function LanguageSetting() {
  const { t, language, setLanguage } = useI18n();
  const headingId = useId();
  const introId = useId();
  const name = useId();
  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h2 className="settings-section__title" id={headingId}>
        {t('settings.language.title')}
      </h2>
      <p className="settings-section__intro" id={introId}>
        {t('settings.language.intro')}
      </p>
      <div
        className="settings-choices"
        role="radiogroup"
        aria-labelledby={headingId}
        aria-describedby={introId}
      >
        {LANGUAGES.map((option) => (
          <label key={option} className="settings-choice" lang={option}>
            <input
              type="radio"
              name={name}
              value={option}
              checked={language === option}
              onChange={() => setLanguage(option)}
            />
            {LANGUAGE_NAMES[option]}
          </label>
        ))}
      </div>
    </section>
  );
}

/** System, light or dark, through the app's one theme store; applies at once. */
export function ThemeSetting() {
  const { t } = useI18n();
  const [theme, setTheme] = useTheme();
  const headingId = useId();
  const introId = useId();
  const name = useId();
  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h2 className="settings-section__title" id={headingId}>
        {t('settings.theme.title')}
      </h2>
      <p className="settings-section__intro" id={introId}>
        {t('settings.theme.intro')}
      </p>
      <div
        className="settings-choices"
        role="radiogroup"
        aria-labelledby={headingId}
        aria-describedby={introId}
      >
        {THEMES.map((option) => (
          <label key={option} className="settings-choice">
            <input
              type="radio"
              name={name}
              value={option}
              checked={theme === option}
              onChange={() => setTheme(option)}
            />
            {t(THEME_KEYS[option])}
          </label>
        ))}
      </div>
    </section>
  );
}
