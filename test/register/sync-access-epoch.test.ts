import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningRegister } from '../../src-register/server.js';
import { describeOnBothDatabases } from './databases.js';
import {
  type StaffMember,
  caseIdOf,
  changesPage,
  changesUntilDone,
  signIn,
  startSyncRegister,
} from './sync-harness.js';

describeOnBothDatabases('sync access epoch', (dbs) => {
  let reg: RunningRegister;
  let president: StaffMember;
  let court: string;
  let token: string;

  /** The client protocol: follow the cursor; when the epoch moved, pull again from 0 (a sweep). */
  async function follow(state: { cursor: string; epoch: string; ids: Set<string> }): Promise<boolean> {
    const first = await changesPage(reg, token, state.cursor);
    if (first.accessEpoch === state.epoch) {
      const rest = await changesUntilDone(reg, token, state.cursor);
      for (const change of rest.changes)
        if (change.kind === 'case') state.ids.add(change.case.id);
        else if (change.kind === 'case-removed') state.ids.delete(change.caseId);
      state.cursor = rest.cursor;
      return false;
    }
    const sweep = await changesUntilDone(reg, token, '0');
    state.ids = new Set(sweep.changes.filter((c) => c.kind === 'case').map(caseIdOf));
    state.cursor = sweep.cursor;
    state.epoch = first.accessEpoch;
    return true;
  }
  const epochNow = async () => (await changesPage(reg, token, '0', 1)).accessEpoch;

  beforeAll(async () => {
    const started = await startSyncRegister(dbs(), 'access_epoch');
    reg = started.reg;
    president = started.staff.get('court_president')![0]!;
    court = (await reg.db.query<{ code: string }>('SELECT code FROM courts'))[0]!.code;
    await reg.db.query(
      "INSERT INTO courts (code, name, level, ecli_code) VALUES ('TSTX', 'Test Court', 1, 'TSTX')",
    );
    token = await signIn(reg, president.personalCode);
  });
  afterAll(() => reg?.close());

  it('moves when roles are ended or granted, and a client following it loses and regains the cases', async () => {
    const whole = await changesUntilDone(reg, token);
    const courtCases = new Set(whole.changes.filter((c) => c.kind === 'case').map(caseIdOf));
    expect(courtCases.size).toBeGreaterThan(5);
    const state = { cursor: whole.cursor, epoch: await epochNow(), ids: new Set(courtCases) };
    expect(await follow(state)).toBe(false);

    // Only a role at another court is left: every case of the demo court goes.
    await reg.db.query(
      "INSERT INTO role_assignments (id, user_id, role, court_code, valid_from) VALUES ($1, $2, 'judge', 'TSTX', current_date - 30)",
      [randomUUID(), president.id],
    );
    await reg.db.query('DELETE FROM role_assignments WHERE user_id = $1 AND court_code = $2', [
      president.id,
      court,
    ]);
    expect(await follow(state)).toBe(true);
    expect(state.ids.size).toBe(0);

    // Granted back: the cases come again although their versions are far behind the cursor.
    const grant = randomUUID();
    await reg.db.query(
      "INSERT INTO role_assignments (id, user_id, role, court_code, valid_from) VALUES ($1, $2, 'court_president', $3, current_date - 30)",
      [grant, president.id, court],
    );
    expect(await follow(state)).toBe(true);
    expect(state.ids).toEqual(courtCases);
    expect(await follow(state)).toBe(false);

    // Ended by date (valid_to in the past).
    await reg.db.query('UPDATE role_assignments SET valid_to = current_date - 1 WHERE id = $1', [grant]);
    expect(await follow(state)).toBe(true);
    expect(state.ids.size).toBe(0);
  });

  it('moves when an assignment lapses by date alone, with no row changing', async () => {
    const grant = randomUUID();
    await reg.db.query(
      "INSERT INTO role_assignments (id, user_id, role, court_code, valid_from) VALUES ($1, $2, 'court_president', $3, current_date - 30)",
      [grant, president.id, court],
    );
    const before = await epochNow();
    // What a day passing looks like: the row says it has ended, and no trigger ran.
    await reg.db.query('ALTER TABLE role_assignments DISABLE TRIGGER role_assignments_bump_access_epoch');
    try {
      await reg.db.query('UPDATE role_assignments SET valid_to = current_date - 1 WHERE id = $1', [grant]);
    } finally {
      await reg.db.query('ALTER TABLE role_assignments ENABLE TRIGGER role_assignments_bump_access_epoch');
    }
    const { counter } = (
      await reg.db.query<{ counter: string }>(
        'SELECT access_epoch::text AS counter FROM users WHERE id = $1',
        [president.id],
      )
    )[0]!;
    expect(before.startsWith(`${counter}.`)).toBe(true);
    const after = await epochNow();
    expect(after).not.toBe(before);
    expect(after.startsWith(`${counter}.`)).toBe(true);
  });

  it('moves when the user is deactivated or reactivated, and not on other user changes', async () => {
    const counter = async () =>
      (
        await reg.db.query<{ n: string }>('SELECT access_epoch::text AS n FROM users WHERE id = $1', [
          president.id,
        ])
      )[0]!.n;
    const start = BigInt(await counter());
    await reg.db.query("UPDATE users SET name = name || ' ' WHERE id = $1", [president.id]);
    expect(BigInt(await counter())).toBe(start);
    await reg.db.query('UPDATE users SET active = false WHERE id = $1', [president.id]);
    expect(BigInt(await counter())).toBe(start + 1n);
    const res = await changesPage(reg, token, '0').catch((e: unknown) => e);
    expect(res).toBeInstanceOf(Error);
    await reg.db.query('UPDATE users SET active = true WHERE id = $1', [president.id]);
    expect(BigInt(await counter())).toBe(start + 2n);
  });
});
