import { AppError } from '../../src-shared/contract/result';

/** The same rule as the contract's `Pin`: 4 to 12 digits. */
export const PIN_PATTERN = /^\d{4,12}$/;

/**
 * Carries one PIN to the host, once: `take()` empties the box, so a mutation's variables (which
 * React Query keeps in memory) hold no PIN afterwards, and it never serializes. The sign-in and the
 * judge's approval of minutes both send their PIN1 in one.
 */
export class PinEntry {
  #pin: string | null;
  constructor(
    readonly cardId: string,
    pin: string,
  ) {
    this.#pin = pin;
  }

  take(): string {
    const pin = this.#pin;
    this.#pin = null;
    if (pin === null) throw new AppError('invalid_input', 'This PIN entry was already used.');
    return pin;
  }

  toJSON(): { cardId: string } {
    return { cardId: this.cardId };
  }
}
