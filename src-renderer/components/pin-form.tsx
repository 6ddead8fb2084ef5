import {
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { PIN_PATTERN } from '../lib/pin';

/** The classes of the form's parts (each screen styles its own). */
export interface PinFormLook {
  form: string;
  fields: string;
  label?: string;
  input: string;
  hint: string;
  invalid: string;
}

interface PinFormProps {
  /** The chosen card; with none the field is disabled. */
  cardId: string | null;
  busy: boolean;
  /** Changes when a card is chosen (again): the PIN field takes the focus. */
  focusRequest: number;
  onSubmit: (cardId: string, pin: string) => void;
  labels: { pin: string; hint: string; invalid: string };
  look: PinFormLook;
  /** Esc clears the field (not in a dialog, where Esc closes it). */
  clearOnEscape?: boolean;
  /** At the end of the fields (disabled with them): the sign-in's submit button. */
  submit?: ReactNode;
  /** After the fields: the busy status, errors, the dialog's actions. */
  children?: ReactNode;
}

/**
 * PIN1 for one card. The PIN lives only in this component's state, is cleared as soon as it is
 * handed on (and by Escape where asked), and goes nowhere else: no query key, URL, log or error.
 */
export function PinForm({
  cardId,
  busy,
  focusRequest,
  onSubmit,
  labels,
  look,
  clearOnEscape = false,
  submit: submitButton,
  children,
}: PinFormProps) {
  const [pin, setPin] = useState('');
  const [invalid, setInvalid] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const hintId = `${id}-hint`;
  const invalidId = `${id}-invalid`;
  const disabled = busy || cardId === null;

  // Shown, a card chosen, or back from an attempt (the field was disabled meanwhile): type here.
  useEffect(() => {
    if (!disabled) input.current?.focus();
  }, [disabled, cardId, focusRequest]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || cardId === null) return;
    if (!PIN_PATTERN.test(pin)) {
      setInvalid(true);
      input.current?.focus();
      return;
    }
    const entered = pin;
    setPin('');
    setInvalid(false);
    onSubmit(cardId, entered);
  };

  const cancel = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    setPin('');
    setInvalid(false);
  };

  return (
    <form
      className={look.form}
      onSubmit={submit}
      onKeyDown={clearOnEscape ? cancel : undefined}
      noValidate
      aria-busy={busy}
    >
      <fieldset className={look.fields} disabled={disabled}>
        <label className={look.label} htmlFor={id}>
          {labels.pin}
        </label>
        <input
          ref={input}
          id={id}
          className={look.input}
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
        <p className={look.hint} id={hintId}>
          {labels.hint}
        </p>
        <p className={look.invalid} id={invalidId} aria-live="polite">
          {invalid ? labels.invalid : null}
        </p>
        {submitButton}
      </fieldset>
      {children}
    </form>
  );
}
