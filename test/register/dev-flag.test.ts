import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConfigError,
  type RunningRegister,
  type RegisterConfig,
  startRegister,
} from '../../src-register/server.js';
import { call } from './http-client.js';

describe('development sign-in flag', () => {
  let scratch: string;
  let reg: RunningRegister;
  const config = (overrides: Partial<RegisterConfig>): RegisterConfig => ({
    db: 'pglite:memory',
    host: '127.0.0.1',
    port: 0,
    devSignIn: false,
    production: false,
    blobDir: path.join(scratch, 'blobs'),
    seedDemo: false,
    logLevel: 'silent',
    ...overrides,
  });

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'chambers-dev-flag-'));
    reg = await startRegister(config({}));
  });
  afterAll(async () => {
    await reg?.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('answers 404 on the development routes without the flag, and leaves them out of the OpenAPI document', async () => {
    expect((await call(reg.url, '/api/v1/health')).body).toMatchObject({ devSignIn: false });
    for (const [url, options] of [
      ['/api/v1/dev/users', {}],
      ['/api/v1/dev/sign-in', { json: { personalCode: '37605030299' } }],
    ] as const) {
      const res = await call<{ error: { code: string } }>(reg.url, url, options);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    const doc = (await call<{ paths: Record<string, unknown> }>(reg.url, '/api/v1/openapi.json')).body;
    expect(Object.keys(doc.paths).some((p) => p.includes('/dev/'))).toBe(false);
  });

  it('refuses to start with the flag in production mode, before touching the database', async () => {
    const dataDir = path.join(scratch, 'never-created');
    const attempt = startRegister(config({ devSignIn: true, production: true, db: `pglite:${dataDir}` }));
    await expect(attempt).rejects.toThrow(ConfigError);
    await expect(startRegister(config({ devSignIn: true, production: true }))).rejects.toThrow(
      /production mode/,
    );
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(startRegister(config({ devSignIn: true }))).rejects.toThrow(/--dev-sign-in/);
    } finally {
      process.env.NODE_ENV = saved;
    }
    const { existsSync } = await import('node:fs');
    expect(existsSync(dataDir)).toBe(false);
  });
});
