// Runs desktop services in a child process, for what must start from a fresh process: the keychain
// library connects to the D-Bus session bus once per process, so "no keychain" needs a process of its
// own. Input: one JSON argument; output: one JSON line on stdout.
import { createInvoker } from '../../../src-main/ipc/handler-registry.js';
import { createServices } from '../../../src-main/services/index.js';
import { createKeychain } from '../../../src-main/services/keychain.js';

type Task =
  | { op: 'keychain'; account: string }
  | {
      op: 'signIn';
      registerUrl: string;
      dataDir: string;
      cardModule: string;
      personalCode: string;
      pin: string;
    };

function shape(error: unknown): unknown {
  if (error && typeof error === 'object' && 'toShape' in error && typeof error.toShape === 'function')
    return (error.toShape as () => unknown)();
  return { code: 'thrown', message: String(error) };
}

async function main(task: Task): Promise<unknown> {
  if (task.op === 'keychain') {
    const keychain = createKeychain('Chambers test');
    const results: Record<string, unknown> = {};
    for (const [name, run] of [
      ['set', () => keychain.set(task.account, 'secret')],
      ['get', () => keychain.get(task.account)],
      ['delete', () => keychain.delete(task.account)],
    ] as const) {
      results[name] = await run().then(
        (value) => ({ ok: true, value: value ?? null }),
        (error: unknown) => ({ ok: false, error: shape(error) }),
      );
    }
    return results;
  }
  const services = await createServices({
    registerUrl: task.registerUrl,
    dataDir: task.dataDir,
    host: 'browser',
    version: 'child',
    cardModule: task.cardModule,
  });
  try {
    const invoke = createInvoker(services.handlers);
    const list = await services.handlers['card:list']();
    const card = list.cards.find((c) => c.personalCode === task.personalCode);
    if (!card) return { ok: false, error: { code: 'not_found', message: 'card not listed' } };
    return await invoke('session:signIn', { cardId: card.id, pin: task.pin });
  } finally {
    await services.close();
  }
}

const task = JSON.parse(process.argv[2] ?? '{}') as Task;
main(task).then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    process.stdout.write(`${JSON.stringify({ crashed: String(error) })}\n`);
    process.exit(1);
  },
);
