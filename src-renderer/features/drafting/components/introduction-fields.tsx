import { useId, useState } from 'react';
import type { IntroductionField, IntroductionFieldKey } from '../../../../src-shared/contract/drafting';
import { useI18n } from '../../../i18n/use-t';
import type { Overrides } from '../hooks/use-draft-autosave';
import { FIELD_KEYS } from '../lib/labels';

interface IntroductionFieldsProps {
  fields: readonly IntroductionField[];
  overrides: Overrides;
  readOnly: boolean;
  onOverride: (key: IntroductionFieldKey, value: string | null) => void;
  onBlur: () => void;
}

/** The introduction: each fact from the case, which the judge may write over and give back. */
export function IntroductionFields({
  fields,
  overrides,
  readOnly,
  onOverride,
  onBlur,
}: IntroductionFieldsProps) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section className="draft-part intro" aria-labelledby={headingId} data-testid="introduction">
      <h2 className="draft-part__heading" id={headingId}>
        {t('drafting.intro.title')}
      </h2>
      {readOnly ? null : <p className="draft-part__hint">{t('drafting.intro.hint')}</p>}
      <dl className="intro__fields">
        {fields.map((field) => (
          <IntroductionRow
            key={field.key}
            field={field}
            override={overrides[field.key] ?? null}
            readOnly={readOnly}
            onOverride={onOverride}
            onBlur={onBlur}
          />
        ))}
      </dl>
    </section>
  );
}

function IntroductionRow({
  field,
  override,
  readOnly,
  onOverride,
  onBlur,
}: Omit<IntroductionFieldsProps, 'fields' | 'overrides'> & {
  field: IntroductionField;
  override: string | null;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const textId = useId();
  const label = t(FIELD_KEYS[field.key]);
  const value = override ?? field.auto;
  // `autoChanged` speaks of the saved override: shown while the judge's text is still that one.
  const changed = override !== null && field.autoChanged;
  return (
    <div className="intro__row" data-testid={`intro-${field.key}`}>
      <dt className="intro__label">
        {editing ? <label htmlFor={textId}>{label}</label> : label}
        {override !== null ? <span className="intro__marker">{t('drafting.intro.overridden')}</span> : null}
      </dt>
      <dd className="intro__value">
        {editing && !readOnly ? (
          <textarea
            id={textId}
            className="input intro__text"
            rows={Math.min(8, Math.max(2, value.split('\n').length))}
            value={value}
            onChange={(event) => onOverride(field.key, event.target.value)}
            onBlur={onBlur}
          />
        ) : (
          <p className="intro__shown">{value === '' ? t('drafting.intro.empty') : value}</p>
        )}
        {changed ? (
          <p className="intro__changed" data-testid="intro-changed">
            {t('drafting.intro.changed', { value: field.auto })}
          </p>
        ) : null}
        {readOnly ? null : (
          <div className="intro__actions">
            <button
              type="button"
              className="button button--quiet"
              aria-label={editing ? undefined : t('drafting.intro.editLabel', { field: label })}
              aria-expanded={editing}
              onClick={() => {
                if (editing) onBlur();
                setEditing(!editing);
              }}
            >
              {t(editing ? 'drafting.intro.done' : 'drafting.intro.edit')}
            </button>
            {override !== null ? (
              <button
                type="button"
                className="button button--quiet"
                aria-label={t('drafting.intro.restoreLabel', { field: label })}
                onClick={() => {
                  onOverride(field.key, null);
                  setEditing(false);
                  onBlur();
                }}
              >
                {t('drafting.intro.restore')}
              </button>
            ) : null}
          </div>
        )}
      </dd>
    </div>
  );
}
