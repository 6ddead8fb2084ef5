import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useT } from '../../../i18n/use-t';
import type { CardSummary } from '../api/session-queries';

/** The same rule as the contract's `Pin`: 4 to 12 digits. */
const PIN_PATTERN = /^\d{4,12}$/;

/**
 * PIN1 for one card. The PIN lives only in this component's state, is cleared as soon as it is
 * handed on (and by Escape), and goes nowhere else: no query key, URL, log or error.
 */
export function PinForm({
  card,
  busy,
  focusRequest,
  onSubmit,
}: {
  card: CardSummary;
  busy: boolean;
  /** Changes when the card is chosen again: the PIN field takes the focus. */
  focusRequest: number;
  onSubmit: (cardId: string, pin: string) => void;
}) {
  const t = useT();
  const [pin, setPin] = useState('');
  const [invalid, setInvalid] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const hintId = `${id}-hint`;
  const invalidId = `${id}-invalid`;

  // Shown (a card was chosen) or back from an attempt (the field was disabled meanwhile): type here.
  useEffect(() => {
    if (!busy) input.current?.focus();
  }, [busy, focusRequest]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (!PIN_PATTERN.test(pin)) {
      setInvalid(true);
      input.current?.focus();
      return;
    }
    const entered = pin;
    setPin('');
    setInvalid(false);
    onSubmit(card.id, entered);
  };

  const cancel = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    setPin('');
    setInvalid(false);
  };

  return (
    <form className="pin-form" onSubmit={submit} onKeyDown={cancel} noValidate aria-busy={busy}>
      <fieldset className="pin-form__fields" disabled={busy}>
        <label className="pin-form__label" htmlFor={id}>
          {t('signIn.pin.label')}
        </label>
        <input
          ref={input}
          id={id}
          className="input pin-form__input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          pattern="\d{4,12}"
          required
          value={pin}
          aria-invalid={invalid}
          aria-describedby={invalid ? `${invalidId} ${hintId}` : hintId}
          onChange={(event) => {
            setPin(event.target.value);
            if (invalid && PIN_PATTERN.test(event.target.value)) setInvalid(false);
          }}
        />
        <p className="pin-form__hint" id={hintId}>
          {t('signIn.pin.hint')}
        </p>
        <p className="pin-form__invalid" id={invalidId} aria-live="polite">
          {invalid ? t('signIn.pin.invalid') : null}
        </p>
        <button type="submit" className="button pin-form__submit">
          {t('signIn.submit')}
        </button>
      </fieldset>
      <p className="pin-form__busy" role="status">
        {busy ? t('signIn.checking') : null}
      </p>
    </form>
  );
}
