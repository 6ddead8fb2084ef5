import { randomBytes } from 'node:crypto';
import { AppError } from '../../../src-shared/contract/index.js';
import type { Hearing } from '../../../src-shared/domain/case.js';
import type { CardReader } from '../card/index.js';
import { verifiesWithPinned } from '../session/web-eid.js';
import type { MinutesApprover, MinutesRecord } from '../store/minutes-store.js';
import { judgeParticipantId } from './prefill.js';

/** What the approval needs of the card reader: the certificate (no PIN) and a PIN1 signature. */
export type ApprovalCards = Pick<CardReader, 'certificate' | 'authenticate'>;

/** "Jüri Õun", "JURI  OUN" → "juri oun": compared without case, accents or extra spaces. */
export function comparableName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('et').replace(/\s+/gu, ' ').trim();
}

/**
 * The judges who may approve these minutes, from the register's hearing (not from the editable
 * participants): the presiding one when it is set, else every judge of the hearing.
 */
export function approvers(record: MinutesRecord, hearing: Hearing | undefined): Hearing['judges'] {
  const judges = hearing?.judges ?? [];
  const presiding = record.header.presidingJudgeId;
  return presiding === null ? judges : judges.filter((j) => judgeParticipantId(j.id) === presiding);
}

/**
 * Identifies the judge at the secretary's computer by their ID card: the certificate names the
 * holder, PIN1 signs a fresh random challenge, and the signature must verify against that very
 * certificate. Card errors (wrong or blocked PIN, card removed) pass through as the reader gives
 * them, as at sign-in. The holder must be one of `allowed` by name (the cache has no judges'
 * personal codes); else `forbidden` / `not-presiding-judge` naming who may approve.
 */
export async function identifyApprover(
  cards: ApprovalCards,
  cardId: string,
  pinInput: string,
  allowed: Hearing['judges'],
): Promise<MinutesApprover> {
  let pin: string | null = pinInput;
  try {
    const { certificate } = await cards.certificate(cardId);
    if (!certificate.isAuthentication)
      throw new AppError('invalid_input', 'This certificate of the ID card cannot confirm its holder.', {
        reason: 'card_not_authentication',
      });
    const holder = comparableName(certificate.holderName);
    const judge = allowed.find((j) => comparableName(j.name) === holder);
    if (!judge) {
      const who = allowed.map((j) => j.name).join(', ');
      throw new AppError(
        'forbidden',
        who
          ? `${certificate.holderName} may not approve these minutes; ${allowed.length > 1 ? 'a judge of the hearing' : 'the presiding judge'} (${who}) approves them with their ID card.`
          : 'These minutes have no judge on this computer who could approve them; sync the case and try again.',
        {
          reason: 'not-presiding-judge',
          details: { holderName: certificate.holderName.slice(0, 500), approvers: who.slice(0, 500) },
        },
      );
    }
    // The holder proves the card is theirs: PIN1 signs a challenge made here, now.
    const challenge = randomBytes(32);
    const auth = await cards.authenticate(cardId, pin, challenge);
    pin = null;
    if (!auth.certificateDer.equals(certificate.der) || !verifiesWithPinned(certificate.der, challenge, auth))
      throw new AppError(
        'unauthenticated',
        'The ID card’s signature did not verify against its certificate. Take the card out, insert it again and retry.',
        { reason: 'card_signature_invalid' },
      );
    return { id: judge.id, name: certificate.holderName, personalCode: certificate.personalCode };
  } finally {
    pin = null;
  }
}
