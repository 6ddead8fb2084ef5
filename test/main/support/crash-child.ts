// The desktop client of the crash test (test/main/services/crash.test.ts), run in a child process that
// the test kills with SIGKILL. It signs in with the card, then edits notes and syncs until it is killed
// ('work'), or syncs until the outbox is empty and exits ('final'). Every line on stdout is one JSON
// object; stdout is a pipe, written synchronously on Linux, so a line printed is a line the parent gets.
import { createInvoker } from '../../../src-main/ipc/handler-registry.js';
import { createServices } from '../../../src-main/services/index.js';
import type { SyncStatus } from '../../../src-shared/contract/index.js';
import { mulberry32 } from '../../support/determinism.js';

export interface CrashTask {
  mode: 'work' | 'final';
  registerUrl: string;
  dataDir: string;
  cardModule: string;
  personalCode: string;
  pin: string;
  /** The cases whose notes are edited. */
  caseIds: string[];
  /** This start's number: it makes every edit's text unique. */
  run: number;
  seed: number;
}

/** What the child reports, one per line. */
export type CrashLine =
  | { t: 'ready' }
  | { t: 'signedIn' }
  | { t: 'try' | 'edit'; caseId: string; text: string }
  | { t: 'req'; kind: 'pull' | 'push'; on: boolean }
  | { t: 'syncing'; on: boolean }
  | { t: 'final'; status: SyncStatus; rounds: number }
  | { t: 'error'; message: string };

const say = (line: CrashLine): void => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

/** Reports the register requests in flight, so the parent knows what a kill interrupted. */
function watchRequests(): void {
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const kind = url.includes('/sync/mutations') ? 'push' : url.includes('/sync/changes') ? 'pull' : null;
    if (kind) say({ t: 'req', kind, on: true });
    try {
      return await original(input, init);
    } finally {
      if (kind) say({ t: 'req', kind, on: false });
    }
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(task: CrashTask): Promise<number> {
  watchRequests();
  say({ t: 'ready' });
  const services = await createServices({
    registerUrl: task.registerUrl,
    dataDir: task.dataDir,
    host: 'browser',
    version: 'crash-child',
    cardModule: task.cardModule,
  });
  const invoke = createInvoker(services.handlers);
  async function value<T>(channel: string, input?: unknown): Promise<T> {
    const result = await invoke(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  }
  let syncing = false;
  services.events.subscribe('sync:status', (status) => {
    const now = status.connectivity === 'syncing';
    if (now !== syncing) say({ t: 'syncing', on: now });
    syncing = now;
  });

  const { cards } = await value<{ cards: Array<{ id: string; personalCode: string }> }>('card:list');
  const card = cards.find((c) => c.personalCode === task.personalCode);
  if (!card) throw new Error(`the card of ${task.personalCode} is not in the reader`);
  await value('session:signIn', { cardId: card.id, pin: task.pin });
  say({ t: 'signedIn' });

  if (task.mode === 'final') {
    // Sync until nothing is left to push and a pull after the last push found the register unchanged.
    for (let rounds = 1; rounds <= 200; rounds++) {
      const status = await value<SyncStatus>('sync:now');
      if (
        status.pending === 0 &&
        status.lastError === null &&
        status.connectivity === 'online' &&
        (await value<SyncStatus>('sync:now')).pending === 0
      ) {
        const final = await value<SyncStatus>('sync:status');
        await services.close();
        say({ t: 'final', status: final, rounds });
        return 0;
      }
      await sleep(100);
    }
    say({ t: 'error', message: 'the outbox did not empty in 200 rounds' });
    await services.close();
    return 1;
  }

  const random = mulberry32(task.seed);
  for (let edit = 1; ; edit++) {
    const caseId = task.caseIds[Math.floor(random() * task.caseIds.length)]!;
    const text = `r${task.run} e${edit} ${caseId}`;
    say({ t: 'try', caseId, text });
    await value('notes:put', { caseId, text });
    say({ t: 'edit', caseId, text });
    // A few edits, then a sync; the push runs beside the pull, and edits go on while it is under way.
    if (random() < 0.35) await value('sync:now');
    else await sleep(random() * 20);
  }
}

const task = JSON.parse(process.argv[2] ?? '{}') as CrashTask;
main(task).then(
  (code) => process.exit(code),
  (error: unknown) => {
    say({ t: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  },
);
