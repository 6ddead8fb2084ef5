import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CardReader, createCardReader } from '../../../../src-main/services/card/index.js';
import {
  type MinutesHandlers,
  approvers,
  comparableName,
  createMinutesHandlers,
  minutesToCourtDocument,
} from '../../../../src-main/services/minutes/index.js';
import { type CacheDb, openCache } from '../../../../src-main/services/store/cache.js';
import { readMinutes } from '../../../../src-main/services/store/minutes-store.js';
import type { AppError } from '../../../../src-shared/contract/index.js';
import { minutesChannels } from '../../../../src-shared/contract/minutes.js';
import { SOFTHSM_MODULE } from '../../../../scripts/testcards/softhsm.js';
import { appError } from '../../support/app-error.js';
import { type SoftHsmCards, cardOf, softHsmCards } from '../../support/id-card.js';
import {
  COMPLETE_OPS,
  HEARING_ID,
  JUDGE,
  OTHER_JUDGE,
  SECRETARY,
  type TestFiling,
  seedHearingCase,
  testFiling,
} from './fixtures.js';
import { CARD_PIN1, insertJudgeCard, personalCode } from './id-cards.js';

const WRONG_PIN = '7261';
let cards: SoftHsmCards;
let reader: CardReader;
let presidingCard: string;
let otherJudgeCard: string;
let secretaryCard: string;
const PRESIDING_CODE = personalCode('4800101027');

beforeAll(async () => {
  cards = softHsmCards();
  reader = createCardReader({ modulePath: SOFTHSM_MODULE });
  // The certificates name their holders as the register's hearing names the judges (case aside).
  presidingCard = await insertJudgeCard(cards, reader, 'MAASIKAS', 'MARI', PRESIDING_CODE);
  otherJudgeCard = await insertJudgeCard(cards, reader, 'TAMM', 'JAAN', personalCode('3750505027'));
  secretaryCard = await insertJudgeCard(cards, reader, 'SEPP', 'MAARJA', personalCode('4900101027'));
}, 120_000);
afterAll(() => cards?.close());

let cache: CacheDb;
let filing: TestFiling;
let clock: Date;
let emitted: string[][];
let handlers: MinutesHandlers;

beforeEach(() => {
  cache = openCache(':memory:');
  seedHearingCase(cache);
  clock = new Date('2026-12-01T11:10:00+02:00');
  emitted = [];
  filing = testFiling();
  handlers = createMinutesHandlers({
    // The secretary is signed in on their own laptop throughout.
    session: { require: () => ({ cache, user: SECRETARY }) },
    filing: filing.filing,
    events: { emit: (_e, payload) => emitted.push(payload.minutesIds) },
    cards: reader,
    now: () => clock,
  });
});
afterEach(() => {
  cache.close();
  filing.close();
});

const rejection = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await appError(promise);
  // No PIN ever in what an error says.
  expect(JSON.stringify({ m: error.message, d: error.details })).not.toMatch(
    new RegExp(`${CARD_PIN1}|${WRONG_PIN}`),
  );
  return error;
};

/** Through the channel's schema, as the invoker does. */
const approve = (minutesId: string, cardId: string, pin: string) =>
  handlers['minutes:approve'](minutesChannels['minutes:approve'].input.parse({ minutesId, cardId, pin }));

async function minutesReady(finalise = true): Promise<string> {
  const { id } = await handlers['minutes:open']({ hearingId: HEARING_ID });
  await handlers['minutes:apply'](
    minutesChannels['minutes:apply'].input.parse({ minutesId: id, ops: COMPLETE_OPS }),
  );
  if (finalise) expect((await handlers['minutes:finalise']({ minutesId: id })).status).toBe('finalised');
  return id;
}

const pin1 = async (cardId: string) => (await reader.list()).cards.find((c) => c.id === cardId)?.pin1;

describe("approving minutes with the presiding judge's ID card on the secretary's computer", () => {
  it('is approved by the presiding judge’s card and PIN1: who (register id, name, code) and when', async () => {
    const id = await minutesReady();
    clock = new Date('2026-12-02T14:00:00+02:00');
    emitted = [];
    const approved = await approve(id, presidingCard, CARD_PIN1);
    expect(approved).toMatchObject({
      status: 'approved',
      approvedBy: { id: JUDGE.id, name: JUDGE.name, personalCode: PRESIDING_CODE },
      approvedAt: '2026-12-02T12:00:00.000Z',
    });
    expect(emitted).toEqual([[id]]);
    // Stored: read back from the cache.
    expect(readMinutes(cache, id).approvedBy).toEqual({
      id: JUDGE.id,
      name: JUDGE.name,
      personalCode: PRESIDING_CODE,
    });
    expect(minutesToCourtDocument(approved).signature).toContain(
      'Kinnitatud: Mari Maasikas, 2. detsember 2026 14:00',
    );
    // Approved once; a second approval is a conflict, and reopening drops the approval.
    expect((await rejection(approve(id, presidingCard, CARD_PIN1))).reason).toBe('status-approved');
    const reopened = await handlers['minutes:reopen']({ minutesId: id });
    expect(reopened).toMatchObject({ status: 'draft', approvedBy: null, approvedAt: null });
  });

  it("refuses another judge's card and the secretary's card, naming who approves", async () => {
    const id = await minutesReady();
    const before = readMinutes(cache, id, false);
    for (const card of [otherJudgeCard, secretaryCard]) {
      const error = await rejection(approve(id, card, CARD_PIN1));
      expect(error).toMatchObject({ code: 'forbidden', reason: 'not-presiding-judge' });
      expect(error.message).toContain('Mari Maasikas');
      expect(error.details).toMatchObject({ approvers: 'Mari Maasikas' });
    }
    expect(readMinutes(cache, id, false)).toEqual(before);
  });

  it('refuses a wrong PIN1 with the tries left, and nothing changes', async () => {
    const id = await minutesReady();
    const before = readMinutes(cache, id, false);
    const error = await rejection(approve(id, presidingCard, WRONG_PIN));
    expect(error).toMatchObject({ code: 'unauthenticated', reason: 'pin_incorrect' });
    expect(error.details?.triesLeft).toBeTypeOf('number');
    expect(readMinutes(cache, id, false)).toEqual(before);
    // The right PIN afterwards still approves (and resets the count).
    expect((await approve(id, presidingCard, CARD_PIN1)).status).toBe('approved');
  });

  it('refuses minutes that are not finalised without touching the card', async () => {
    const id = await minutesReady(false);
    const tries = await pin1(presidingCard);
    const error = await rejection(approve(id, presidingCard, WRONG_PIN));
    expect(error).toMatchObject({ code: 'conflict', reason: 'status-draft' });
    // The wrong PIN was never tried on the card.
    expect(await pin1(presidingCard)).toEqual(tries);
    expect(readMinutes(cache, id, false).status).toBe('draft');
  });

  it('says so when the card was taken out of the reader', async () => {
    const goneCode = personalCode('4800101038');
    const { tokens } = cards.insert('MAASIKAS', 'MARI', goneCode, { pin1: CARD_PIN1 });
    const gone = (await cardOf(reader, goneCode)).id;
    const id = await minutesReady();
    cards.remove(tokens);
    const error = await rejection(approve(id, gone, CARD_PIN1));
    expect(error).toMatchObject({ code: 'not_found', reason: 'card_not_found' });
    expect(readMinutes(cache, id, false).status).toBe('finalised');
  });

  it('refuses a malformed PIN at the channel schema', () => {
    const input = minutesChannels['minutes:approve'].input;
    const minutesId = '8a1a5e8e-5b0e-4e55-8e57-1a1b2c3d4e5f';
    expect(input.safeParse({ minutesId, cardId: 'c', pin: '12' }).success).toBe(false);
    expect(input.safeParse({ minutesId, cardId: 'c', pin: 'abcd' }).success).toBe(false);
    expect(input.safeParse({ minutesId, cardId: '', pin: '1234' }).success).toBe(false);
    expect(input.safeParse({ minutesId, cardId: 'c', pin: '1234' }).success).toBe(true);
  });
});

describe('who may approve', () => {
  it('matches names without case, accents or extra spaces', () => {
    expect(comparableName('JÜRI  ÕUN')).toBe(comparableName('Jüri Õun'));
    expect(comparableName('Jüri Õun')).toBe('juri oun');
    expect(comparableName('Mari-Liis Mägi')).not.toBe(comparableName('Mari Mägi'));
  });

  it('is the presiding judge when one is set, else every judge of the hearing', async () => {
    const id = await minutesReady(false);
    const record = readMinutes(cache, id, false);
    const hearing = {
      judges: [
        { id: JUDGE.id, name: JUDGE.name },
        { id: OTHER_JUDGE.id, name: OTHER_JUDGE.name },
      ],
    } as Parameters<typeof approvers>[1];
    expect(approvers(record, hearing).map((j) => j.id)).toEqual([JUDGE.id]);
    const unset = { ...record, header: { ...record.header, presidingJudgeId: null } };
    expect(approvers(unset, hearing).map((j) => j.id)).toEqual([JUDGE.id, OTHER_JUDGE.id]);
    expect(approvers(record, undefined)).toEqual([]);
  });
});
