import { useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { ErrorNotice } from '../../../components/error-notice';
import { useT } from '../../../i18n/use-t';
import { useSaveSettings, type HostSettingsView } from '../api/settings-queries';
import { checkSettings, type SettingsErrors, type SettingsField } from '../lib/validate-settings';

interface FieldProps {
  field: SettingsField;
  label: string;
  hint: string;
  type: 'url' | 'text';
  value: string;
  error: string | null;
  inputRef: RefObject<HTMLInputElement | null>;
  onChange: (value: string) => void;
}

function Field({ field, label, hint, type, value, error, inputRef, onChange }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'settings-field settings-field--invalid' : 'settings-field'}>
      <label className="settings-field__label" htmlFor={id}>
        {label}
      </label>
      <p className="settings-field__hint" id={hintId}>
        {hint}
      </p>
      {error ? (
        <p className="settings-field__error" id={errorId} data-testid={`settings-error-${field}`}>
          {error}
        </p>
      ) : null}
      <input
        ref={inputRef}
        id={id}
        name={field}
        type={type}
        className="input settings-field__input"
        value={value}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/** What this run uses, beside the form: the saved values may wait for a restart. */
function InEffect({ view }: { view: HostSettingsView }) {
  const t = useT();
  const headingId = useId();
  return (
    <section className="settings-in-effect" aria-labelledby={headingId} data-testid="settings-in-effect">
      <h3 className="settings-in-effect__title" id={headingId}>
        {t('settings.inEffect.title')}
      </h3>
      <dl className="settings-in-effect__list">
        <dt>{t('settings.inEffect.registerUrl')}</dt>
        <dd className="settings-value">{view.inEffect.registerUrl}</dd>
        <dt>{t('settings.inEffect.cardModule')}</dt>
        <dd className="settings-value">{view.inEffect.cardModule}</dd>
      </dl>
    </section>
  );
}

/** Register address and card module: checked here, saved by the host, applied at the next start. */
export function ConnectionForm({ view }: { view: HostSettingsView }) {
  const t = useT();
  const save = useSaveSettings();
  const [values, setValues] = useState({ registerUrl: view.registerUrl, cardModule: view.cardModule });
  const [errors, setErrors] = useState<SettingsErrors>({});
  const refs = {
    registerUrl: useRef<HTMLInputElement>(null),
    cardModule: useRef<HTMLInputElement>(null),
  };

  const change = (field: SettingsField) => (value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    // A message stays until the next Save, but goes away as soon as its field is right.
    const checked = checkSettings(next);
    if (errors[field] && (checked.ok || !checked.errors[field])) {
      setErrors((current) => ({ ...current, [field]: undefined }));
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkSettings(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      save.reset();
      const first = (['registerUrl', 'cardModule'] as const).find((field) => checked.errors[field]);
      if (first) refs[first].current?.focus();
      return;
    }
    setErrors({});
    setValues(checked.value);
    save.mutate(checked.value);
  };

  const saved = save.data;
  let message = '';
  if (saved) message = saved.restartNeeded ? t('settings.saved.restart') : t('settings.saved.inEffect');
  else if (view.restartNeeded) message = t('settings.restartNeeded');

  return (
    <div className="settings-connection">
      <form className="settings-form" noValidate onSubmit={submit} data-testid="settings-form">
        <Field
          field="registerUrl"
          type="url"
          label={t('settings.registerUrl.label')}
          hint={t('settings.registerUrl.hint')}
          value={values.registerUrl}
          error={errors.registerUrl ? t(errors.registerUrl) : null}
          inputRef={refs.registerUrl}
          onChange={change('registerUrl')}
        />
        <Field
          field="cardModule"
          type="text"
          label={t('settings.cardModule.label')}
          hint={t('settings.cardModule.hint')}
          value={values.cardModule}
          error={errors.cardModule ? t(errors.cardModule) : null}
          inputRef={refs.cardModule}
          onChange={change('cardModule')}
        />
        <div className="settings-form__actions">
          <button type="submit" className="button settings-form__save" disabled={save.isPending}>
            {save.isPending ? t('settings.saving') : t('settings.save')}
          </button>
          <p className="settings-form__status" role="status" data-testid="settings-status">
            {message}
          </p>
        </div>
        {save.isError ? <ErrorNotice error={save.error} /> : null}
      </form>
      <InEffect view={view} />
    </div>
  );
}
