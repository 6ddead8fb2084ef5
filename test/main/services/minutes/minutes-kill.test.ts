// Issue 9, "never lose a keystroke": a child process applying minutes changes in a loop is
// SIGKILLed at a random moment, three times over; after each kill the encrypted cache opens and
// holds every change the child had been told was saved.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCache } from '../../../../src-main/services/store/cache.js';
import { readMinutes } from '../../../../src-main/services/store/minutes-store.js';
import { mulberry32 } from '../../../support/determinism.js';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const CHILD = join(import.meta.dirname, 'kill-child.ts');
const KEY = 'minutes-kill-test-key';
const dir = mkdtempSync(join(tmpdir(), 'minutes-kill-'));
const file = join(dir, 'cache.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Acked {
  revision: number;
  entryId: string;
}

/** Starts the child and kills it once it has acknowledged `killAfter` batches; resolves with what it acknowledged. */
function runAndKill(run: number, killAfter: number): Promise<{ acked: Acked[]; signal: string | null }> {
  return new Promise((resolve, reject) => {
    // tsx as a loader in the child's own process: the SIGKILL hits the writer itself.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, KEY, String(run)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: Acked[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^ack (\d+) (\S+)$/.exec(line);
        if (match) acked.push({ revision: Number(match[1]), entryId: match[2]! });
      }
      if (acked.length >= killAfter && !child.killed) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child exited ${code}: ${stderr}`));
      else resolve({ acked, signal });
    });
  });
}

describe('minutes survive a killed process', () => {
  it('keeps every acknowledged change across three kills', { timeout: 120_000 }, async () => {
    const random = mulberry32(0x9_0009);
    let lastRevision = 0;
    const allAcked: string[] = [];
    for (let run = 1; run <= 3; run++) {
      const { acked } = await runAndKill(run, 40 + Math.floor(random() * 200));
      expect(acked.length).toBeGreaterThanOrEqual(40);
      allAcked.push(...acked.map((a) => a.entryId));
      lastRevision = acked.at(-1)!.revision;

      const cache = openCache(file, { key: KEY });
      try {
        expect(cache.pragma('integrity_check', { simple: true })).toBe('ok');
        const id = cache.prepare('SELECT id FROM minutes').pluck().get() as string;
        const minutes = readMinutes(cache, id);
        expect(minutes.revision).toBeGreaterThanOrEqual(lastRevision);
        const stored = new Set(minutes.entries.map((e) => e.id));
        expect(allAcked.filter((entryId) => !stored.has(entryId))).toEqual([]);
        // The edit acknowledged with the last batch is there too.
        const last = acked.at(-2);
        if (last) expect(minutes.entries.find((e) => e.id === last.entryId)?.text).toMatch(/lõpp\.$/);
      } finally {
        cache.close();
      }
    }
  });
});
