import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CourtAdminHandlers, createCourtAdminHandlers } from '../../../src-main/services/court-admin.js';
import { createRegisterClient } from '../../../src-main/services/register-client.js';
import { channels } from '../../../src-shared/contract/index.js';
import { makePersonalCode } from '../../../src-shared/domain/index.js';
import { appError } from '../support/app-error.js';
import { devSession, devUsers, startTestRegister, type TestRegister } from '../support/register.js';

const PDF = Buffer.from('%PDF-1.4\n% Chambers court administration test\n%%EOF\n').toString('base64');

/** The channel's input as the invoker hands it to the handler: parsed, defaults filled in. */
const input = <C extends keyof CourtAdminHandlers>(channel: C, raw: unknown) =>
  channels[channel].input.parse(raw) as Parameters<CourtAdminHandlers[C]>[0];

function civilCase(requestId?: string) {
  return input('cases:register', {
    ...(requestId ? { requestId } : {}),
    courtCode: 'HMK',
    procedureType: 'civil',
    subject: 'Üürivõla väljamõistmine',
    category: 'Võlaõigus',
    claimValueCents: 250_000,
    parties: [
      { kind: 'legal', name: 'Kodu Üürimine OÜ', registryCode: '14567890', role: 'plaintiff' },
      {
        kind: 'natural',
        name: 'Peeter Pihlakas',
        personalCode: makePersonalCode(3, new Date(Date.UTC(1985, 4, 12)), 217),
        role: 'defendant',
      },
    ],
    documents: [{ title: 'Hagiavaldus', kind: 'claim', mediaType: 'application/pdf', content: PDF }],
  });
}

describe('court administration through the desktop host', () => {
  let register: TestRegister;
  const tokens = { president: '', judge: '', chancery: '' };
  let registered = 0;
  const handlersFor = (token: string, baseUrl = register.url): CourtAdminHandlers =>
    createCourtAdminHandlers({
      client: createRegisterClient({ baseUrl, timeoutMs: 5_000 }),
      session: { require: () => ({ token }) },
      afterRegistered: () => void registered++,
    });

  beforeAll(async () => {
    register = await startTestRegister(6);
    for (const user of await devUsers(register.url)) {
      const signedIn = await devSession(register.url, user.personalCode);
      const roles = signedIn.user.roles.map((r) => r.role);
      if (roles.includes('court_president')) tokens.president ||= signedIn.token;
      else if (roles.includes('judge')) tokens.judge ||= signedIn.token;
      else if (roles.includes('chancery_official')) tokens.chancery ||= signedIn.token;
    }
    expect(Object.values(tokens).every(Boolean)).toBe(true);
  }, 120_000);
  afterAll(() => register.close());

  it('lets the court president read and change the plan, record an absence and read statistics', async () => {
    const h = handlersFor(tokens.president);
    const plan = await h['allocation:plan'](input('allocation:plan', { court: 'HMK' }));
    expect(plan.current?.version).toBe(1);

    const judges = await h['court:judges'](input('court:judges', { court: 'HMK' }));
    expect(judges.map((j) => j.id).sort()).toEqual(plan.current!.entries.map((e) => e.judgeId).sort());
    expect(judges.every((j) => j.name.length > 0)).toBe(true);

    const entries = plan.current!.entries.map((e, i) => (i === 0 ? { ...e, weight: 0.75 } : e));
    const changed = await h['allocation:putPlan'](
      input('allocation:putPlan', { court: 'HMK', plan: { reason: 'Abijõu puudumine', entries } }),
    );
    expect(changed.current).toMatchObject({ version: 2, reason: 'Abijõu puudumine' });
    expect(changed.current!.entries[0]!.weight).toBe(0.75);

    const absent = judges.at(-1)!;
    const absence = await h['allocation:addAbsence'](
      input('allocation:addAbsence', {
        court: 'HMK',
        absence: { judgeId: absent.id, from: '2199-06-01', to: '2199-06-30', reason: 'Puhkus' },
      }),
    );
    expect(absence).toMatchObject({ courtCode: 'HMK', judgeId: absent.id, reason: 'Puhkus' });
    const after = await h['court:judges'](input('court:judges', { court: 'HMK' }));
    expect(after.find((j) => j.id === absent.id)!.absences).toContainEqual({
      id: absence.id,
      from: '2199-06-01',
      to: '2199-06-30',
      reason: 'Puhkus',
    });

    const today = new Date().toISOString().slice(0, 10);
    const stats = await h['court:statistics'](
      input('court:statistics', { court: 'HMK', query: { from: '2025-01-01', to: today } }),
    );
    expect(stats).toMatchObject({ courtCode: 'HMK', from: '2025-01-01', to: today });
    expect(stats.rows.reduce((n, r) => n + r.incoming, 0)).toBe(6);
  });

  it('registers a civil case for the chancery: number, allocated judge and why, never twice', async () => {
    const h = handlersFor(tokens.chancery);
    const before = registered;
    const result = await h['cases:register'](civilCase());
    expect(result.number).toMatch(/^2-\d{2}-\d+$/);
    expect(result.case.parties).toHaveLength(2);
    expect(result.allocation?.judges).toHaveLength(1);
    expect(result.allocation!.judges[0]!.name.length).toBeGreaterThan(0);
    // The reason of the allocation: a draw among the plan's candidates, logged with its inputs.
    expect(result.allocation!.record).toMatchObject({ kind: 'draw', courtCode: 'HMK', planVersion: 2 });
    expect(result.allocation!.record.draw!.candidates.map((c) => c.judgeId)).toContain(
      result.allocation!.judges[0]!.id,
    );
    expect(registered).toBe(before + 1);

    const requestId = randomUUID();
    const first = await h['cases:register'](civilCase(requestId));
    const again = await h['cases:register'](civilCase(requestId));
    expect(again.number).toBe(first.number);
    expect(again.case.id).toBe(first.case.id);
    expect(first.number).not.toBe(result.number);
  });

  it("refuses a judge with 'forbidden', and tells the president what was wrong in a bad plan", async () => {
    const h = handlersFor(tokens.judge);
    const court = { court: 'HMK' };
    for (const attempt of [
      h['allocation:plan'](input('allocation:plan', court)),
      h['court:judges'](input('court:judges', court)),
      h['court:statistics'](
        input('court:statistics', { ...court, query: { from: '2025-01-01', to: '2025-12-31' } }),
      ),
      h['cases:register'](civilCase()),
    ])
      expect((await appError(attempt)).code).toBe('forbidden');

    const president = handlersFor(tokens.president);
    const bad = await appError(
      president['allocation:putPlan'](
        input('allocation:putPlan', {
          court: 'HMK',
          plan: {
            reason: 'vale',
            entries: [
              {
                judgeId: randomUUID(),
                procedureTypes: ['civil'],
                categories: null,
                weight: 1,
                panelMember: false,
              },
            ],
          },
        }),
      ),
    );
    expect(bad.code).toBe('invalid_input');
  });

  it("answers 'unavailable' offline, saying the register is needed and nothing changed", async () => {
    const offlineSession = createCourtAdminHandlers({
      client: createRegisterClient({ baseUrl: register.url }),
      session: { require: () => ({ token: '' }) },
    });
    const noToken = await appError(
      offlineSession['allocation:plan'](input('allocation:plan', { court: 'HMK' })),
    );
    expect(noToken).toMatchObject({ code: 'unavailable', reason: 'register_needed' });

    const url = register.url;
    await register.close();
    const h = handlersFor(tokens.chancery, url);
    const before = registered;
    const requestId = randomUUID();
    const error = await appError(h['cases:register'](civilCase(requestId)));
    expect(error).toMatchObject({ code: 'unavailable', reason: 'register_needed', details: { requestId } });
    expect(error.message).toMatch(/needs the register/);
    expect(error.message).toMatch(/Nothing was changed/);
    expect(registered).toBe(before);

    const made = await appError(h['cases:register'](civilCase()));
    expect(made.details?.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const plan = await appError(
      handlersFor(tokens.president, url)['allocation:plan'](input('allocation:plan', { court: 'HMK' })),
    );
    expect(plan).toMatchObject({ code: 'unavailable', reason: 'register_needed' });
    expect(plan.message).toMatch(/Reading the allocation plan needs the register\..*Nothing was changed\./);
  });
});
