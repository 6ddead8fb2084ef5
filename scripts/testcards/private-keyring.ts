// A private OS keychain for tests and demos: a D-Bus session bus of its own (no service activation, so
// nothing else is ever started on it) and gnome-keyring-daemon serving the Secret Service on it, with all
// XDG folders inside `dir`. The developer's own keychain is never touched.
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface PrivateKeyring {
  env: Record<string, string>;
  stop(): Promise<void>;
}

const PASSWORD = 'chambers-test-keyring';

function busConfig(address: string): string {
  return `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>${address}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;
}

interface Owned {
  child: ChildProcess;
  output: () => string;
  exited: Promise<void>;
  alive: () => boolean;
}

function own(command: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Owned {
  const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  let alive = true;
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((resolveExit) => {
    child.once('error', (error) => {
      output += `\n${error.message}`;
      alive = false;
      resolveExit();
    });
    child.once('close', () => {
      alive = false;
      resolveExit();
    });
  });
  if (input !== undefined) child.stdin?.end(input);
  else child.stdin?.end();
  return { child, output: () => output, exited, alive: () => alive };
}

async function stopOwned(owned: Owned): Promise<void> {
  if (owned.alive()) owned.child.kill('SIGTERM');
  const timer = setTimeout(() => owned.alive() && owned.child.kill('SIGKILL'), 3000);
  await owned.exited;
  clearTimeout(timer);
}

function runAsync(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  input: string,
): Promise<string | null> {
  return new Promise((resolveRun) => {
    const child = execFile(command, args, { env, timeout: 5000, encoding: 'utf8' }, (error, stdout) =>
      resolveRun(error ? null : stdout),
    );
    child.stdin?.end(input);
  });
}

async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  failed: () => string | null,
): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const failure = failed();
    if (failure !== null) throw new Error(`private keyring: ${what}: ${failure}`);
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`private keyring: ${what}: no answer within 15 s`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

/**
 * Starts the private bus and gnome-keyring-daemon (`--foreground --unlock --components=secrets`, the
 * password on stdin). Resolves once a probe secret can be stored and read back with secret-tool.
 * `env` holds DBUS_SESSION_BUS_ADDRESS and the XDG_* folders; give it to every process that should use it.
 */
export async function startPrivateKeyring(dir: string): Promise<PrivateKeyring> {
  const root = resolve(dir);
  const folders = {
    XDG_DATA_HOME: join(root, 'data'),
    XDG_CONFIG_HOME: join(root, 'config'),
    XDG_CACHE_HOME: join(root, 'cache'),
    XDG_RUNTIME_DIR: join(root, 'runtime'),
  };
  for (const folder of Object.values(folders)) mkdirSync(folder, { recursive: true });
  chmodSync(folders.XDG_RUNTIME_DIR, 0o700);
  const address = `unix:path=${join(root, 'bus')}`;
  const configPath = join(root, 'bus.conf');
  writeFileSync(configPath, busConfig(address));
  const env: Record<string, string> = { DBUS_SESSION_BUS_ADDRESS: address, ...folders };
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.GNOME_KEYRING_CONTROL;

  const bus = own(
    'dbus-daemon',
    [`--config-file=${configPath}`, '--nofork', '--nopidfile', '--print-address'],
    childEnv,
  );
  let keyring: Owned | null = null;
  try {
    await waitFor(
      'D-Bus daemon',
      async () => bus.output().includes('unix:path='),
      () => (bus.alive() ? null : `dbus-daemon exited: ${bus.output().trim()}`),
    );
    keyring = own(
      'gnome-keyring-daemon',
      [
        '--foreground',
        '--unlock',
        '--components=secrets',
        `--control-directory=${join(root, 'runtime', 'keyring')}`,
      ],
      childEnv,
      PASSWORD,
    );
    const daemon = keyring;
    const probe = ['chambers-probe', 'probe'];
    await waitFor(
      'Secret Service',
      async () =>
        (await runAsync('secret-tool', ['store', '--label=Chambers probe', ...probe], childEnv, 'ok')) !==
          null && (await runAsync('secret-tool', ['lookup', ...probe], childEnv, '')) === 'ok',
      () => (daemon.alive() ? null : `gnome-keyring-daemon exited: ${daemon.output().trim()}`),
    );
  } catch (error) {
    if (keyring) await stopOwned(keyring);
    await stopOwned(bus);
    throw error;
  }
  const started = keyring;
  return {
    env,
    async stop() {
      await stopOwned(started);
      await stopOwned(bus);
    },
  };
}

/**
 * Whether a Secret Service answers on this session's bus, asked in a child process: the keyring
 * module binds to the bus at its first use in a process, so asking here would pin this process to
 * whatever bus (or none) there is now. Uses the same store the app requires (no keyutils fallback).
 */
export function secretServiceAnswers(env: NodeJS.ProcessEnv = process.env): boolean {
  const probe = `
    const { Entry } = require('@napi-rs/keyring');
    new Entry('Chambers', 'probe', { linux: { store: 'secret-service' } }).getPassword();`;
  const result = spawnSync(process.execPath, ['-e', probe], {
    env,
    cwd: resolve(import.meta.dirname, '../..'),
    stdio: 'ignore',
    timeout: 10_000,
  });
  return result.status === 0;
}

/**
 * A private keyring for this process: started in a fresh temporary folder, its environment put into
 * `process.env` (so everything started later in this process, and its children, use it). The
 * returned function stops it and removes both the folder and the environment.
 */
export async function startProcessKeyring(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'chambers-keyring-'));
  let keyring: PrivateKeyring;
  try {
    keyring = await startPrivateKeyring(dir);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  Object.assign(process.env, keyring.env);
  return async () => {
    await keyring.stop();
    for (const name of Object.keys(keyring.env)) delete process.env[name];
    rmSync(dir, { recursive: true, force: true });
  };
}
