import { useId, useState } from 'react';
import { CardOption, type CardOptionLook } from '../../../components/card-option';
import { PinForm, type PinFormLook } from '../../../components/pin-form';
import { useT } from '../../../i18n/use-t';
import { PinEntry } from '../../../lib/pin';
import { useSignIn } from '../api/session-mutations';
import type { CardSummary } from '../api/session-queries';
import { signInReasonKey } from '../lib/sign-in-errors';
import { SignInError } from './sign-in-error';

const CARD_LOOK: CardOptionLook = {
  option: 'card-option',
  name: 'card-option__name',
  code: 'card-option__code',
  blocked: 'card-option__blocked',
  lockIcon: true,
};

const PIN_LOOK: PinFormLook = {
  form: 'pin-form',
  fields: 'pin-form__fields',
  label: 'pin-form__label',
  input: 'input pin-form__input',
  hint: 'pin-form__hint',
  invalid: 'pin-form__invalid',
};

/** Whose card is in the reader; one usable card is chosen at once, so the PIN field shows straight away. */
export function CardChooser({ cards }: { cards: readonly CardSummary[] }) {
  const t = useT();
  const titleId = useId();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const signIn = useSignIn();
  const usable = cards.filter((card) => !card.pin1.blocked);
  const only = cards.length === 1 && usable.length === 1 ? usable[0] : undefined;
  const selected = usable.find((card) => card.id === chosenId) ?? only ?? null;
  const anyBlocked = usable.length < cards.length;

  return (
    <div className="card-chooser">
      <h2 className="card-chooser__title" id={titleId}>
        {t('signIn.cards.label')}
      </h2>
      <ul className="card-list" data-testid="card-list" aria-labelledby={titleId}>
        {cards.map((card) => (
          <CardOption
            key={card.id}
            card={card}
            selected={selected?.id === card.id}
            onSelect={() => {
              if (card.id !== selected?.id) signIn.reset();
              setChosenId(card.id);
              setFocusRequest((count) => count + 1);
            }}
            codeLabel={t('signIn.card.personalCode', { code: card.personalCode })}
            blockedLabel={t('signIn.card.blocked')}
            look={CARD_LOOK}
          />
        ))}
      </ul>
      {anyBlocked && !signIn.isError ? (
        <p className="card-chooser__blocked-help" data-testid="pin-blocked-help">
          {t(signInReasonKey('pin_blocked'))}
        </p>
      ) : null}
      {signIn.isError ? <SignInError error={signIn.error} /> : null}
      {selected ? (
        <PinForm
          key={selected.id}
          cardId={selected.id}
          busy={signIn.isPending}
          focusRequest={focusRequest}
          onSubmit={(cardId, pin) => signIn.mutate(new PinEntry(cardId, pin))}
          labels={{
            pin: t('signIn.pin.label'),
            hint: t('signIn.pin.hint'),
            invalid: t('signIn.pin.invalid'),
          }}
          look={PIN_LOOK}
          clearOnEscape
          submit={
            <button type="submit" className="button pin-form__submit">
              {t('signIn.submit')}
            </button>
          }
        >
          <p className="pin-form__busy" role="status">
            {signIn.isPending ? t('signIn.checking') : null}
          </p>
        </PinForm>
      ) : null}
    </div>
  );
}
