import type { CardSummary } from '../../src-shared/contract/id-card';
import { LockIcon } from './icons';

/** The classes of one card option (each screen styles its own), and whether a blocked card shows a lock. */
export interface CardOptionLook {
  option: string;
  name: string;
  code: string;
  blocked: string;
  lockIcon?: boolean;
}

/**
 * One ID card in the reader, to choose with a press (`aria-pressed`); a card whose PIN1 is blocked
 * cannot be chosen. Used by the sign-in and by the judge's approval of minutes.
 */
export function CardOption({
  card,
  selected,
  onSelect,
  codeLabel,
  blockedLabel,
  look,
}: {
  card: CardSummary;
  selected: boolean;
  onSelect: () => void;
  /** The holder's personal code, as the screen words it. */
  codeLabel: string;
  blockedLabel: string;
  look: CardOptionLook;
}) {
  const blocked = card.pin1.blocked;
  return (
    <li>
      <button
        type="button"
        className={look.option}
        data-testid="card-option"
        aria-pressed={selected}
        disabled={blocked}
        onClick={onSelect}
      >
        <span className={look.name}>{card.holderName}</span>{' '}
        <span className={`${look.code} num`}>{codeLabel}</span>
        {blocked ? (
          <>
            {' '}
            <span className={look.blocked}>
              {look.lockIcon ? <LockIcon /> : null}
              {blockedLabel}
            </span>
          </>
        ) : null}
      </button>
    </li>
  );
}
