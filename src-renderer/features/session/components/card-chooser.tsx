import { useId, useState } from 'react';
import { LockIcon } from '../../../components/icons';
import { useT } from '../../../i18n/use-t';
import { PinEntry, useSignIn } from '../api/session-mutations';
import type { CardSummary } from '../api/session-queries';
import { signInReasonKey } from '../lib/sign-in-errors';
import { PinForm } from './pin-form';
import { SignInError } from './sign-in-error';

function CardOption({
  card,
  selected,
  onSelect,
}: {
  card: CardSummary;
  selected: boolean;
  onSelect: () => void;
}) {
  const t = useT();
  const blocked = card.pin1.blocked;
  return (
    <li>
      <button
        type="button"
        className="card-option"
        data-testid="card-option"
        aria-pressed={selected}
        disabled={blocked}
        onClick={onSelect}
      >
        <span className="card-option__name">{card.holderName}</span>
        <span className="card-option__code num">
          {t('signIn.card.personalCode', { code: card.personalCode })}
        </span>
        {blocked ? (
          <span className="card-option__blocked">
            <LockIcon />
            {t('signIn.card.blocked')}
          </span>
        ) : null}
      </button>
    </li>
  );
}

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
          card={selected}
          busy={signIn.isPending}
          focusRequest={focusRequest}
          onSubmit={(cardId, pin) => signIn.mutate(new PinEntry(cardId, pin))}
        />
      ) : null}
    </div>
  );
}
