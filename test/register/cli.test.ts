import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DB, DEFAULT_PORT, UsageError, parseRegisterArgs } from '../../src-register/cli-config.js';
import { createTestPki } from '../../scripts/testcards/pki.js';

const MAIN = path.resolve('src-register/main.ts');

function register(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    env: { ...process.env, NODE_ENV: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return Object.assign(child, { output: () => text });
}

async function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const [code] = (await once(child, 'exit')) as [number | null];
  return code;
}

describe('register command line', () => {
  it('reads flags, then CHAMBERS_REGISTER_* variables, then defaults', () => {
    const defaults = parseRegisterArgs([], {})!;
    expect(defaults).toMatchObject({
      db: DEFAULT_DB,
      port: DEFAULT_PORT,
      host: '127.0.0.1',
      production: false,
      seedDemo: true,
    });
    expect(defaults.devSignIn).toBeUndefined();
    expect(defaults.auth).toBeUndefined();
    expect(defaults.blobDir).toBe(path.resolve('.data/register-blobs'));
    const fromEnv = parseRegisterArgs([], {
      CHAMBERS_REGISTER_DB: 'postgres://u:secret@db.example:5432/register',
      CHAMBERS_REGISTER_PORT: '8443',
      CHAMBERS_REGISTER_SEED: '0',
    })!;
    expect(fromEnv).toMatchObject({
      db: 'postgres://u:secret@db.example:5432/register',
      port: 8443,
      seedDemo: false,
    });
    const flags = parseRegisterArgs(
      [
        '--db',
        'pglite:/tmp/x',
        '--port',
        '0',
        '--tls-cert',
        'c.pem',
        '--tls-key',
        'k.pem',
        '--no-seed',
        '--production',
        '--demo-cases',
        '5',
      ],
      { CHAMBERS_REGISTER_DB: 'pglite:memory', CHAMBERS_REGISTER_PORT: '1' },
    )!;
    expect(flags).toMatchObject({
      db: 'pglite:/tmp/x',
      port: 0,
      tls: { cert: 'c.pem', key: 'k.pem' },
      seedDemo: false,
      production: true,
      demoCaseCount: 5,
    });
    expect(flags.blobDir).toBe('/tmp/x-blobs');
    expect(parseRegisterArgs([], { NODE_ENV: 'production' })!.production).toBe(true);
    expect(parseRegisterArgs(['--help'], {})).toBeNull();
  });

  it.each([
    [['--bogus'], /bogus/],
    [['--port', '70000'], /--port/],
    [['--port', 'abc'], /--port/],
    [['--db', 'mysql://x'], /unknown database/],
    [['--db', 'pglite:'], /pglite/],
    [['--tls-cert', 'c.pem'], /go together/],
    [['--log-level', 'loud'], /--log-level/],
    [['stray'], /positional|Unexpected argument/i],
    [['--dev-sign-in'], /dev-sign-in/],
    [['--trust-ca', '/nonexistent/ca.pem'], /--trust-ca: cannot read/],
    [['--origin', 'https://register.example'], /need --trust-ca/],
  ])('rejects %j with a reason', (args, reason) => {
    expect(() => parseRegisterArgs(args, {})).toThrow(UsageError);
    expect(() => parseRegisterArgs(args, {})).toThrow(reason);
  });

  it('reads the ID-card sign-in settings: --trust-ca files, --origin, --ocsp-url and their variables', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'chambers-cli-'));
    try {
      const pki = createTestPki(path.join(dir, 'pki'));
      const both = path.join(dir, 'both.pem');
      await writeFile(both, pki.intermediate.certPem + pki.root.certPem);
      const flags = parseRegisterArgs(
        [
          '--trust-ca',
          both,
          '--trust-ca',
          pki.intermediate.certPath,
          '--origin',
          'https://register.example',
          '--ocsp-url',
          'http://ocsp.example/',
        ],
        {},
      )!;
      expect(flags.auth).toEqual({
        trustedCaCertificates: [pki.intermediate.certPem + pki.root.certPem, pki.intermediate.certPem],
        origin: 'https://register.example',
        ocspUrl: 'http://ocsp.example/',
      });
      const fromEnv = parseRegisterArgs([], {
        CHAMBERS_REGISTER_TRUST_CA: [both, pki.intermediate.certPath].join(path.delimiter),
        CHAMBERS_REGISTER_ORIGIN: 'https://register.example:8443',
      })!;
      expect(fromEnv.auth?.trustedCaCertificates).toHaveLength(2);
      expect(fromEnv.auth?.origin).toBe('https://register.example:8443');
      expect(() => parseRegisterArgs(['--trust-ca', both, '--origin', 'https://x.example/path'], {})).toThrow(
        /no path/,
      );
      expect(() => parseRegisterArgs(['--trust-ca', both, '--ocsp-url', 'ftp://x'], {})).toThrow(
        /--ocsp-url/,
      );
      expect(() => parseRegisterArgs([], { CHAMBERS_REGISTER_DEV_SIGN_IN: '1' })).toThrow(/gone/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exits with 2 and a message on bad flags, and in production without trusted CAs or with a plain-HTTP origin', async () => {
    const bad = register(['--port', 'many']);
    expect(await exitOf(bad)).toBe(2);
    expect(bad.output()).toMatch(/--port must be a whole number[\s\S]*Usage:/);
    const gone = register(['--db', 'pglite:memory', '--dev-sign-in', '--no-seed']);
    expect(await exitOf(gone)).toBe(2);
    const noCa = register(['--db', 'pglite:memory', '--production', '--no-seed']);
    expect(await exitOf(noCa)).toBe(2);
    expect(noCa.output()).toMatch(/production mode without trusted CA/);
    const byEnv = register(['--db', 'pglite:memory', '--no-seed'], { NODE_ENV: 'production' });
    expect(await exitOf(byEnv)).toBe(2);
    const dir = await mkdtemp(path.join(tmpdir(), 'chambers-cli-'));
    try {
      const pki = createTestPki(path.join(dir, 'pki'));
      const plain = register([
        '--db',
        'pglite:memory',
        '--production',
        '--no-seed',
        '--trust-ca',
        pki.intermediate.certPath,
        '--origin',
        'http://register.example',
      ]);
      expect(await exitOf(plain)).toBe(2);
      expect(plain.output()).toMatch(/plain-HTTP origin http:\/\/register\.example/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('prints one line with its URL, answers, and stops cleanly on SIGTERM', async () => {
    const child = register(['--db', 'pglite:memory', '--port', '0', '--no-seed', '--log-level', 'silent']);
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', () => {
        const match = /register listening on (http:\/\/127\.0\.0\.1:\d+) \(db pglite:memory\)/.exec(
          child.output(),
        );
        if (match) resolve(match[1]!);
      });
      child.once('exit', () => reject(new Error(`register exited early:\n${child.output()}`)));
    });
    expect(child.output().trim().split('\n')).toHaveLength(1);
    expect((await fetch(`${url}/api/v1/health`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
  });
});
