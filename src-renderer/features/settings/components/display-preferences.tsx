import { type ReactNode, useId } from 'react';
import { LANGUAGE_NAMES, LANGUAGES } from '../../../i18n/languages';
import { useI18n } from '../../../i18n/use-t';
import { THEME_LABEL_KEYS, THEMES, useTheme } from '../../../theme/theme';

interface ChoiceSectionProps<V extends string> {
  title: string;
  intro: string;
  options: readonly V[];
  value: V;
  onChange: (value: V) => void;
  label: (option: V) => ReactNode;
  /** The option's own language, when its label is written in it. */
  lang?: (option: V) => string;
}

/** A titled radio group that applies its choice at once. */
function ChoiceSection<V extends string>({
  title,
  intro,
  options,
  value,
  onChange,
  label,
  lang,
}: ChoiceSectionProps<V>) {
  const headingId = useId();
  const introId = useId();
  const name = useId();
  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h2 className="settings-section__title" id={headingId}>
        {title}
      </h2>
      <p className="settings-section__intro" id={introId}>
        {intro}
      </p>
      <div
        className="settings-choices"
        role="radiogroup"
        aria-labelledby={headingId}
        aria-describedby={introId}
      >
        {options.map((option) => (
          <label key={option} className="settings-choice" lang={lang?.(option)}>
            <input
              type="radio"
              name={name}
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
            />
            {label(option)}
          </label>
        ))}
      </div>
    </section>
  );
}

/** Each language by its own name (the top bar's switch does the same); applies at once. */
export function LanguageSetting() {
  const { t, language, setLanguage } = useI18n();
  return (
    <ChoiceSection
      title={t('settings.language.title')}
      intro={t('settings.language.intro')}
      options={LANGUAGES}
      value={language}
      onChange={setLanguage}
      label={(option) => LANGUAGE_NAMES[option]}
      lang={(option) => option}
    />
  );
}

/** System, light or dark, through the app's one theme store; applies at once. */
export function ThemeSetting() {
  const { t } = useI18n();
  const [theme, setTheme] = useTheme();
  return (
    <ChoiceSection
      title={t('settings.theme.title')}
      intro={t('settings.theme.intro')}
      options={THEMES}
      value={theme}
      onChange={setTheme}
      label={(option) => t(THEME_LABEL_KEYS[option])}
    />
  );
}
