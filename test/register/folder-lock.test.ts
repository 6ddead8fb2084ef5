import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src-register/db/index.js';

const base = mkdtempSync(join(tmpdir(), 'chambers-lock-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the PGlite folder lock', () => {
  it('opens a data folder whose parent folders do not exist yet (a first start)', async () => {
    const db = await openDb(`pglite:${join(base, 'first', 'start', 'register')}`);
    try {
      expect(await db.query<{ one: number }>('select 1 as one')).toEqual([{ one: 1 }]);
      await expect(openDb(`pglite:${join(base, 'first', 'start', 'register')}`)).rejects.toThrow(
        /already open/,
      );
    } finally {
      await db.close();
    }
  });
});
