// The Electron host end to end. Where no Electron runtime can start (our build machines install
// the package's types only), every test here is skipped with the reason; it never passes empty.
import { _electron, type ElectronApplication, expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const mainBundle = join(root, 'dist/main/main.js');

// Chromium refuses to run as root with its OS sandbox; the page-level sandbox under test stays on.
const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

function findElectronRuntime(): { path: string | null; reason: string } {
  let path: unknown;
  try {
    // The package's index.js throws "Electron failed to install correctly" when its binary was never downloaded.
    path = createRequire(import.meta.url)('electron');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      path: null,
      reason: `No Electron runtime on this machine (the electron package has its types only): ${message}`,
    };
  }
  if (typeof path !== 'string' || !existsSync(path)) {
    return {
      path: null,
      reason: `No Electron runtime on this machine: the binary ${String(path)} does not exist`,
    };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { path: null, reason: 'The Electron runtime needs a display: run the tests under xvfb-run' };
  }
  // A binary that cannot even print its version cannot be launched; Playwright would then fail the
  // test from an unhandled rejection inside its launcher instead of letting us skip it.
  const probe = spawnSync(path, ['--version', ...rootArgs], { encoding: 'utf8', timeout: 30_000 });
  if (probe.status !== 0) {
    const output = `${probe.error?.message ?? ''} ${probe.stderr ?? ''}`.trim().split('\n')[0];
    return {
      path: null,
      reason: `The Electron runtime at ${path} does not start: ${output || `exit ${probe.status}`}`,
    };
  }
  return { path, reason: '' };
}

const electron = findElectronRuntime();

interface PageProbe {
  url: string;
  chambersType: string;
  frozen: boolean;
  keys: string[];
  hasIpcRenderer: boolean;
  requireType: string;
  processType: string;
}

// The list reporter does not show skip reasons; say it once in the run's output.
if (electron.path === null) console.log(`Electron specs skipped: ${electron.reason}`);

test.describe('Electron host', () => {
  test.skip(electron.path === null, electron.reason);

  let app: ElectronApplication | null = null;
  let launchError = '';
  let userData = '';

  test.beforeAll(async () => {
    for (const [file, build] of [
      [mainBundle, 'npm run build:electron'],
      [join(root, 'dist/renderer/index.html'), 'npm run build'],
    ] as const) {
      if (!existsSync(file)) throw new Error(`${file} is missing: run \`${build}\` first.`);
    }
    userData = mkdtempSync(join(tmpdir(), 'chambers-electron-'));
    const args = [mainBundle, `--user-data-dir=${userData}`, '--register=http://127.0.0.1:9', ...rootArgs];
    try {
      app = await _electron.launch({
        executablePath: electron.path ?? undefined,
        args,
        cwd: root,
        timeout: 60_000,
      });
    } catch (error) {
      launchError = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    }
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('opens one hardened window with a frozen bridge and no Node in the page', async () => {
    test.skip(app === null, `The Electron runtime did not start: ${launchError}`);
    const window = await app!.firstWindow();
    await expect(window).toHaveTitle(/Chambers/);
    const probe = await window.evaluate((): PageProbe => {
      const page = globalThis as unknown as Record<string, unknown>;
      const chambers = page.chambers;
      return {
        url: String((page.location as { href: string }).href),
        chambersType: typeof chambers,
        frozen: Object.isFrozen(chambers),
        keys: chambers && typeof chambers === 'object' ? Object.keys(chambers) : [],
        hasIpcRenderer: chambers !== null && typeof chambers === 'object' && 'ipcRenderer' in chambers,
        requireType: typeof page.require,
        processType: typeof page.process,
      };
    });
    expect(probe.url.startsWith('app://chambers/')).toBe(true);
    expect(probe.chambersType).toBe('object');
    expect(probe.frozen).toBe(true);
    expect(probe.keys).toContain('appInfo');
    expect(probe.hasIpcRenderer).toBe(false);
    expect(probe.requireType).toBe('undefined');
    expect(probe.processType).toBe('undefined');
    expect(app!.windows()).toHaveLength(1);
  });

  test('answers the contract over IPC as the Electron host', async () => {
    test.skip(app === null, `The Electron runtime did not start: ${launchError}`);
    const window = await app!.firstWindow();
    const info = await window.evaluate(() => {
      const api = (globalThis as unknown as { chambers: { appInfo(): Promise<unknown> } }).chambers;
      return api.appInfo();
    });
    expect(info).toMatchObject({ ok: true, value: { host: 'electron', registerUrl: 'http://127.0.0.1:9' } });
  });
});
