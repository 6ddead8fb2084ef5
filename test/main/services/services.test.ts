import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardList, EventName, EventPayload } from '../../../src-shared/contract/index.js';
import { createInvoker } from '../../../src-main/ipc/handler-registry.js';
import { createServices } from '../../../src-main/services/index.js';
import { createRegisterClient } from '../../../src-main/services/register-client.js';
import { cacheFileFor } from '../../../src-main/services/session.js';
import { listTokens } from '../../../scripts/testcards/softhsm.js';
import { nextEvent, nextEventWithin } from '../support/events.js';
import { idCardFixture, type IdCardFixture } from '../support/id-card.js';
import { devSession, registerView } from '../support/register.js';
import { desktopServices, signedInServices } from '../support/signed-in.js';

let fx: IdCardFixture;
beforeAll(async () => {
  fx = await idCardFixture({ caseCount: 200 });
}, 120_000);
afterAll(() => fx?.close());

describe('createServices', () => {
  it('reports app info with the card module, and lists the cards in the readers', async () => {
    const desktop = await desktopServices(fx);
    const card = fx.issueCard(fx.staff[0]!);
    try {
      expect(await desktop.value('app:info')).toEqual({
        version: '9.9.9',
        host: 'browser',
        registerUrl: fx.registerUrl,
        cardModule: fx.module,
      });
      const list = await desktop.value<CardList>('card:list');
      expect(list.module).toEqual({ path: fx.module, loaded: true });
      expect(list.cards).toContainEqual({
        id: expect.any(String),
        holderName: fx.staff[0]!.name,
        personalCode: card.personalCode,
        pin1: { triesLeft: 3, blocked: false },
      });
    } finally {
      await desktop.close();
      fx.removeCard(card);
    }
  });

  it('refuses case reads before sign-in, and a wrong PIN through the channel with its reason', async () => {
    const desktop = await desktopServices(fx);
    const card = fx.issueCard(fx.staff[1]!);
    try {
      expect(await desktop.value('session:get')).toBeNull();
      for (const channel of ['cases:list', 'sync:now']) {
        expect(await desktop.invoke(channel, undefined)).toMatchObject({
          ok: false,
          error: { code: 'unauthenticated' },
        });
      }
      expect(
        await desktop.invoke('session:signIn', { cardId: await desktop.cardId(card), pin: '0000' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'unauthenticated', reason: 'pin_incorrect', details: { triesLeft: 2 } },
      });
    } finally {
      await desktop.close();
      fx.removeCard(card);
    }
  });

  it('signs in with the card, pulls, lists and searches the cache, and signs out', async () => {
    const seen: EventName[] = [];
    const person = fx.staff[2]!;
    const desktop = await signedInServices(fx, person);
    desktop.services.events.subscribeAll((event) => seen.push(event));
    try {
      expect(desktop.session).toMatchObject({
        user: { personalCode: person.personalCode },
        mode: 'id-card',
        connection: 'online',
      });
      expect(await desktop.value('session:get')).toEqual(desktop.session);
      expect(cacheFileFor(desktop.dataDir, person.personalCode)).toMatch(
        /[/\\]cache[/\\][0-9a-f]{16}\.sqlite$/,
      );
      expect(existsSync(cacheFileFor(desktop.dataDir, person.personalCode))).toBe(true);

      // What the register shows this user, read directly (a register-level token, not the desktop's).
      const client = createRegisterClient({ baseUrl: fx.register.url });
      const view = await registerView(client, (await devSession(fx.register.url, person.personalCode)).token);
      const listed = await desktop.value<Array<{ id: string; registeredAt: string }>>('cases:list', {
        limit: 500,
      });
      expect(new Set(listed.map((c) => c.id))).toEqual(new Set(view.cases.keys()));
      const dates = listed.map((c) => Date.parse(c.registeredAt));
      expect(dates).toEqual([...dates].sort((a, b) => b - a));

      const sample = [...view.cases.values()][3]!;
      expect(await desktop.value('cases:get', { caseId: sample.id })).toEqual(sample);
      const found = await desktop.value<Array<{ id: string }>>('cases:list', { text: sample.number });
      expect(found[0]?.id).toBe(sample.id);
      expect(await desktop.value('sync:now')).toMatchObject({
        connectivity: 'online',
        cachedCases: view.cases.size,
      });

      const ended = nextEvent(desktop.services.events, 'session:changed', (e) => !e.signedIn);
      expect(await desktop.value('session:signOut')).toBeNull();
      expect(await ended).toEqual({ signedIn: false, reason: 'signed-out' });
      expect(seen).toContain('sync:status');
      expect(await desktop.value('session:get')).toBeNull();
      expect(await desktop.invoke('cases:list', undefined)).toMatchObject({
        ok: false,
        error: { code: 'unauthenticated' },
      });
    } finally {
      await desktop.close();
    }
  });

  it('keeps one cache per user, and signs the first out when the second signs in', async () => {
    const first = fx.staff[3]!;
    const second = fx.staff[4]!;
    const desktop = await signedInServices(fx, first);
    const other = fx.issueCard(second);
    try {
      const info = await desktop.value('session:signIn', {
        cardId: await desktop.cardId(other),
        pin: other.pin1,
      });
      expect(info).toMatchObject({ user: { personalCode: second.personalCode } });
      expect(cacheFileFor(desktop.dataDir, first.personalCode)).not.toBe(
        cacheFileFor(desktop.dataDir, second.personalCode),
      );
      expect(existsSync(cacheFileFor(desktop.dataDir, first.personalCode))).toBe(true);
      expect(existsSync(cacheFileFor(desktop.dataDir, second.personalCode))).toBe(true);
      expect(await desktop.value('session:get')).toMatchObject({
        user: { personalCode: second.personalCode },
      });
    } finally {
      await desktop.close();
      fx.removeCard(other);
    }
  });

  it('tells the renderer about cards, and ends the session when its card is taken out', async () => {
    const desktop = await signedInServices(fx, fx.staff[5]!);
    const events: Array<[string, unknown]> = [];
    desktop.services.events.subscribeAll((event, payload) => events.push([event, payload]));
    try {
      const cardChanged = nextEventWithin(desktop.services.events, 'card:changed', 20_000);
      cardChanged.catch(() => undefined); // awaited below
      const ended = nextEventWithin(desktop.services.events, 'session:changed', 20_000, (e) => !e.signedIn);
      fx.removeCard(desktop.card);
      // Should the card seem to stay, the failure says what the reader and SoftHSM see.
      await ended.catch(async (error: Error) => {
        const cards = await desktop.value('card:list');
        throw new Error(
          `${error.message}\nthe card: ${JSON.stringify(desktop.card.tokens)}\nthe reader lists: ${JSON.stringify(cards)}\nSoftHSM lists: ${JSON.stringify(listTokens(fx.hsm))}`,
        );
      });
      expect(await ended).toEqual({
        signedIn: false,
        reason: 'card-removed',
      } satisfies EventPayload<'session:changed'>);
      expect(await cardChanged).toMatchObject({ cards: expect.any(Number) });
      expect(await desktop.value('session:get')).toBeNull();
    } finally {
      await desktop.close();
    }
  });

  it('tells of a card put in and taken out between two polls, when the list saw it', async () => {
    // No poll in this test's time: only the card list the sign-in screen asks for sees the card.
    const dataDir = mkdtempSync(join(tmpdir(), 'chambers-services-'));
    const services = await createServices({
      registerUrl: fx.registerUrl,
      dataDir,
      host: 'browser',
      version: '9.9.9',
      cardModule: fx.module,
      cardPollMs: 3_600_000,
    });
    const invoke = createInvoker(services.handlers);
    const card = fx.issueCard(fx.staff[7]!);
    try {
      const changed = nextEventWithin(services.events, 'card:changed', 10_000);
      const listed = await invoke('card:list', undefined);
      expect(listed).toMatchObject({ ok: true, value: { cards: [{ personalCode: card.personalCode }] } });
      expect(await changed).toEqual({ cards: 1 });

      const gone = nextEventWithin(services.events, 'card:changed', 10_000);
      fx.removeCard(card);
      expect(await invoke('card:list', undefined)).toMatchObject({ ok: true, value: { cards: [] } });
      expect(await gone).toEqual({ cards: 0 });
    } finally {
      await services.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps cached cases usable when the register goes away', async () => {
    const desktop = await signedInServices(fx, fx.staff[6]!);
    try {
      const online = await desktop.value<{ cachedCases: number }>('sync:status');
      await fx.gate.close();
      const offline = nextEvent(desktop.services.events, 'sync:status', (s) => s.connectivity === 'offline');
      expect(await desktop.value('sync:now')).toMatchObject({
        connectivity: 'offline',
        cachedCases: online.cachedCases,
      });
      expect((await offline).lastError).toMatch(/cannot be reached/);
      const listed = await desktop.value<unknown[]>('cases:list', { limit: 500 });
      expect(listed).toHaveLength(online.cachedCases);
      expect(await desktop.value('app:info')).toMatchObject({ cardModule: fx.module });
    } finally {
      await fx.gate.open();
      await desktop.close();
    }
  });
});
