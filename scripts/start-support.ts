import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Tries each port in turn (0 = any free port); the first that binds wins. */
export async function tryPorts<T>(ports: number[], start: (port: number) => Promise<T>): Promise<T> {
  let last: unknown;
  for (const port of ports) {
    try {
      return await start(port);
    } catch (error) {
      if ((error as { code?: string }).code !== 'EADDRINUSE') throw error;
      last = error;
    }
  }
  throw last;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the renderer when its build is missing or older than its sources. */
export async function ensureRendererBuilt(root: string): Promise<void> {
  const index = join(root, 'dist/renderer/index.html');
  const sources = ['src-renderer', 'src-shared', 'src-main/web-host/browser'].map((d) => join(root, d));
  const sourceTime = Math.max(...sources.filter(existsSync).map(newestMtime));
  if (existsSync(index) && statSync(index).mtimeMs >= sourceTime) return;
  console.log('Building the renderer…');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The renderer build failed.');
}

/** Opens the URL in a browser when this machine has a display and a browser. */
export function openInBrowser(url: string): void {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  for (const command of ['xdg-open', 'chromium', 'google-chrome']) {
    if (spawnSync('which', [command]).status === 0) {
      spawn(command, [url], { stdio: 'ignore', detached: true }).unref();
      return;
    }
  }
}

/** Bundles the Electron main process and preload when the bundle is missing. */
export function ensureElectronBuilt(root: string): void {
  if (existsSync(join(root, 'dist/main/main.js'))) return;
  console.log('Building the Electron host…');
  const result = spawnSync('npx', ['vite', 'build', '-c', 'vite.electron.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('The Electron build failed.');
}
