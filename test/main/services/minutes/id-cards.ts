import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CardReader, createCardReader } from '../../../../src-main/services/card/index.js';
import { personalCodeCheckDigit } from '../../../../src-shared/domain/personal-code.js';
import { type TestPki, createTestPki, issuePersonCertificate } from '../../../../scripts/testcards/pki.js';
import {
  type CardTokens,
  SOFTHSM_MODULE,
  type SoftHsm,
  prepareSoftHsm,
  removeCard,
  writeCard,
} from '../../../../scripts/testcards/softhsm.js';

/** A valid Estonian personal code from its first ten digits. */
export const personalCode = (firstTen: string): string => firstTen + personalCodeCheckDigit(firstTen);

/**
 * Real ID cards for the minutes approval: a test PKI and SoftHSM tokens read through the desktop's
 * own PKCS#11 card reader (as card.test.ts does). One per test file: SoftHSM's configuration is
 * process-wide (SOFTHSM2_CONF).
 */
export interface SoftCards {
  reader: CardReader;
  /** Writes a card with PIN1 `pin1` and answers the id the reader gives it. */
  insert(surname: string, given: string, code: string, pin1?: string): Promise<string>;
  /** Takes the card out of the reader. */
  remove(cardId: string): void;
  close(): void;
}

export const CARD_PIN1 = '5093';

export function softCards(): SoftCards {
  const dir = mkdtempSync(join(tmpdir(), 'chambers-minutes-cards-'));
  const pki: TestPki = createTestPki(join(dir, 'pki'));
  const hsm: SoftHsm = prepareSoftHsm(join(dir, 'softhsm'));
  process.env.SOFTHSM2_CONF = hsm.confPath;
  const reader = createCardReader({ modulePath: SOFTHSM_MODULE });
  let serial = 0;
  const inserted = new Map<string, CardTokens>();
  return {
    reader,
    async insert(surname, given, code, pin1 = CARD_PIN1) {
      const name = `${code}-${++serial}`;
      const common = { surname, given, personalCode: code, keyType: 'ec-p384' as const };
      const authentication = issuePersonCertificate(pki, {
        ...common,
        kind: 'authentication',
        name: `${name}-a`,
      });
      const signing = issuePersonCertificate(pki, { ...common, kind: 'signing', name: `${name}-s` });
      const tokens = writeCard(hsm, {
        holder: `${surname},${given}`,
        pin1,
        pin2: '12345',
        authentication,
        signing,
      });
      const { cards } = await reader.list();
      const card = cards.find((c) => c.personalCode === code);
      if (!card) throw new Error(`card ${code} not in the reader`);
      inserted.set(card.id, tokens);
      return card.id;
    },
    remove(cardId) {
      const tokens = inserted.get(cardId);
      if (tokens) removeCard(hsm, tokens);
    },
    close() {
      delete process.env.SOFTHSM2_CONF;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
