import type { CardReader } from '../../../../src-main/services/card/index.js';
import { personalCodeCheckDigit } from '../../../../src-shared/domain/personal-code.js';
import { type SoftHsmCards, cardOf } from '../../support/id-card.js';

/** A valid Estonian personal code from its first ten digits. */
export const personalCode = (firstTen: string): string => firstTen + personalCodeCheckDigit(firstTen);

/** PIN1 of the judges' cards: not a digit run an id or a time in an error could hold by chance. */
export const CARD_PIN1 = '5093';

/**
 * Writes a judge's card (softHsmCards of test/main/support/id-card.ts) with PIN1 `CARD_PIN1` and
 * answers the id the desktop's reader gives it, which the approval is asked with.
 */
export async function insertJudgeCard(
  cards: SoftHsmCards,
  reader: Pick<CardReader, 'list'>,
  surname: string,
  given: string,
  code: string,
): Promise<string> {
  cards.insert(surname, given, code, { pin1: CARD_PIN1 });
  return (await cardOf(reader, code)).id;
}
