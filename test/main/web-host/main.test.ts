import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../support/http.js';

const root = resolve(import.meta.dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chambers-host-cli-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<html><head></head><body>cli</body></html>');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const child = spawn(tsx, [join(root, 'src-main/web-host/main.ts'), ...args], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => out, errors: () => errors };
}

describe('npm run host', () => {
  it('prints its address, serves with it, and stops cleanly on SIGTERM', async () => {
    const host = run([
      '--register',
      'http://127.0.0.1:9',
      '--data',
      join(dir, 'data'),
      '--renderer',
      join(dir, 'renderer'),
    ]);
    await expect
      .poll(() => host.out(), { timeout: 30_000 })
      .toMatch(/Chambers is running at http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/);
    const url = /Chambers is running at (\S+)/.exec(host.out())![1]!;
    const exchange = await rawRequest(url);
    expect(exchange.status).toBe(303);
    const page = await rawRequest(new URL(url).origin, {
      headers: { cookie: String(exchange.headers['set-cookie']).split(';')[0]! },
    });
    expect(page.body).toContain('cli');
    host.child.kill('SIGTERM');
    expect(await host.exited).toBe(0);
  });

  it('refuses a bad flag with a reason and exit code 2', async () => {
    const host = run(['--port', 'eighty']);
    expect(await host.exited).toBe(2);
    expect(host.errors()).toMatch(/--port must be a port number/);
  });
});
