import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DB, DEFAULT_PORT, UsageError, parseRegisterArgs } from '../../src-register/cli-config.js';

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
      devSignIn: false,
      production: false,
      seedDemo: true,
    });
    expect(defaults.blobDir).toBe(path.resolve('.data/register-blobs'));
    const fromEnv = parseRegisterArgs([], {
      CHAMBERS_REGISTER_DB: 'postgres://u:secret@db.example:5432/register',
      CHAMBERS_REGISTER_PORT: '8443',
      CHAMBERS_REGISTER_DEV_SIGN_IN: '1',
      CHAMBERS_REGISTER_SEED: '0',
    })!;
    expect(fromEnv).toMatchObject({
      db: 'postgres://u:secret@db.example:5432/register',
      port: 8443,
      devSignIn: true,
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
  ])('rejects %j with a reason', (args, reason) => {
    expect(() => parseRegisterArgs(args, {})).toThrow(UsageError);
    expect(() => parseRegisterArgs(args, {})).toThrow(reason);
  });

  it('exits with 2 and a message on bad flags and on the development sign-in in production', async () => {
    const bad = register(['--port', 'many']);
    expect(await exitOf(bad)).toBe(2);
    expect(bad.output()).toMatch(/--port must be a whole number[\s\S]*Usage:/);
    const refused = register(['--db', 'pglite:memory', '--dev-sign-in', '--production', '--no-seed']);
    expect(await exitOf(refused)).toBe(2);
    expect(refused.output()).toMatch(/development sign-in .* production mode/);
    const byEnv = register(['--db', 'pglite:memory', '--dev-sign-in', '--no-seed'], {
      NODE_ENV: 'production',
    });
    expect(await exitOf(byEnv)).toBe(2);
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
