// The desktop host in a child process of its own, so a test can kill it (SIGKILL: no shutdown, no
// flush) the way a crash, a killed process or a cut power supply would, and start it again on the
// same data folder.
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const START_TIMEOUT_MS = 90_000;

export interface HostProcess {
  /** The browser host's address with this start's token. */
  readonly url: string;
  /** SIGKILL, then waits for the process to be gone. */
  kill(): Promise<void>;
  /** SIGTERM: the host closes its services and exits. */
  stop(): Promise<void>;
}

export interface HostProcessOptions {
  registerUrl: string;
  dataDir: string;
  cardModule: string;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

/** Starts `src-main/web-host/main.ts` under tsx and resolves with its address once it listens. */
export async function startHostProcess(options: HostProcessOptions): Promise<HostProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src-main/web-host/main.ts',
      '--register',
      options.registerUrl,
      '--data',
      options.dataDir,
      '--port',
      '0',
      '--renderer',
      resolve(root, 'dist/renderer'),
    ],
    {
      cwd: root,
      // The worker's keychain and SoftHSM2 settings (set by the idCards fixture) are inherited.
      env: { ...process.env, CHAMBERS_PKCS11_MODULE: options.cardModule },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((found, failed) => {
    const timer = setTimeout(
      () => failed(new Error(`the host did not start in time:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Chambers is running at (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        found(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      failed(new Error(`the host exited (${code ?? signal}) before it started:\n${output}`));
    });
  });
  return {
    url,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}
