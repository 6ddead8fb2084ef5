import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Runs test/main/support/desktop-child.ts under tsx with `env` and returns its JSON answer and output. */
export function runDesktopChild(
  task: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
): Promise<{ result: unknown; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [join(ROOT, 'test', 'main', 'support', 'desktop-child.ts'), JSON.stringify(task)],
      { env, cwd: ROOT, timeout: 60_000 },
      (error, stdout, stderr) => {
        const line = stdout.trim().split('\n').at(-1) ?? '';
        try {
          resolve({ result: JSON.parse(line) as unknown, stdout, stderr });
        } catch {
          reject(
            new Error(`the child answered no JSON (${error?.message ?? 'exit 0'}): ${stdout}\n${stderr}`),
          );
        }
      },
    );
  });
}

/** Every file under `dir` (none if it does not exist): what the desktop wrote. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}
