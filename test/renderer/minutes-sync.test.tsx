// The minutes' "never lose a keystroke" queue: batches at most every 200 ms, one in flight, the
// rest sent after it, a flush when the window hides, a failed batch kept and retried.
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../src-shared/contract/result';
import { createQueryClient } from '../../src-renderer/app/query-client';
import {
  MINUTES_RETRY_MS,
  MINUTES_SEND_INTERVAL_MS,
  useMinutesSync,
} from '../../src-renderer/features/minutes/hooks/use-minutes-sync';
import {
  appliedOps,
  createMinutesStore,
  installMinutesHost,
  makeMinutes,
  Providers,
  type MinutesStore,
} from './minutes-fixture';
import { type FakeHost, timedCallsTo } from './support/fake-host';
import { resetWindow } from './support/render-app';

const T0 = Date.parse('2026-12-01T08:00:00Z');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(T0);
});

afterEach(() => {
  vi.useRealTimers();
  resetWindow();
});

function setup(store: MinutesStore = createMinutesStore()) {
  const { host, links } = installMinutesHost(store);
  const queryClient = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <Providers queryClient={queryClient} links={links}>
      {children}
    </Providers>
  );
  const hook = renderHook(({ source }) => useMinutesSync(source), {
    wrapper,
    initialProps: { source: store.minutes },
  });
  // Every batch the renderer sent (answered or not), with `Date.now()` when it did.
  const sent = () => timedCallsTo(host, 'minutes:apply').map(({ input, at }) => ({ ops: input.ops, at }));
  return { store, host, hook, sent };
}

const advance = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));

/** A gate the test opens: a batch waits in flight until then. */
function gate(host: FakeHost) {
  let open = () => {};
  host.state.gates['minutes:apply'] = new Promise<void>((resolve) => (open = resolve));
  return () => {
    host.state.gates['minutes:apply'] = null;
    open();
  };
}

const type = (hook: ReturnType<typeof setup>['hook'], id: string, text: string, first = false) =>
  act(() =>
    hook.result.current.apply(
      first
        ? { op: 'entry.add', entry: { id, kind: 'statement', text, at: new Date().toISOString() } }
        : { op: 'entry.update', id, patch: { text } },
    ),
  );

describe('useMinutesSync', () => {
  it('sends the changes of 200 ms as one batch, not before, and shows them at once', async () => {
    const { store, hook, sent } = setup();
    await type(hook, 'e1', 'K', true);
    await advance(50);
    await type(hook, 'e1', 'Ko');
    await advance(50);
    await type(hook, 'e1', 'Kostja');
    // The view has it already; the host does not yet.
    expect(hook.result.current.minutes.entries.map((e) => e.text)).toEqual(['Kostja']);
    expect(hook.result.current.state).toBe('saving');
    await advance(MINUTES_SEND_INTERVAL_MS - 101);
    expect(sent()).toHaveLength(0);
    await advance(1);
    expect(sent()).toHaveLength(1);
    expect(sent()[0]!.at - T0).toBe(MINUTES_SEND_INTERVAL_MS);
    // Three keystrokes into one entry fold into the one op that added it.
    expect(sent()[0]!.ops).toEqual([
      {
        op: 'entry.add',
        entry: { id: 'e1', kind: 'statement', text: 'Kostja', at: new Date(T0).toISOString() },
      },
    ]);
    await advance(0);
    expect(hook.result.current.state).toBe('saved');
    expect(hook.result.current.savedAt).toBe(store.minutes.savedAt);
    expect(store.minutes.entries[0]!.text).toBe('Kostja');
  });

  it('keeps one batch in flight and sends what was typed meanwhile right after it: nothing lost', async () => {
    const { store, hook, sent, host } = setup();
    const release = gate(host);
    await type(hook, 'e1', 'Hageja', true);
    await advance(MINUTES_SEND_INTERVAL_MS);
    expect(sent()).toHaveLength(1);
    // Typing on while the first batch is in flight: nothing more goes until it answers.
    await type(hook, 'e1', 'Hageja nõuab');
    await act(() =>
      hook.result.current.apply({ op: 'attendance', participantId: 'party:p1', attendance: 'present' }),
    );
    await advance(1_000);
    expect(sent()).toHaveLength(1);
    expect(hook.result.current.pending).toBe(3);
    await type(hook, 'e1', 'Hageja nõuab üüri.');
    release();
    await advance(0);
    // The interval since the last send has long passed: the rest goes at once, in its order.
    expect(sent()).toHaveLength(2);
    expect(sent()[1]!.ops).toEqual([
      { op: 'entry.update', id: 'e1', patch: { text: 'Hageja nõuab' } },
      { op: 'attendance', participantId: 'party:p1', attendance: 'present' },
      { op: 'entry.update', id: 'e1', patch: { text: 'Hageja nõuab üüri.' } },
    ]);
    await advance(0);
    expect(store.minutes.entries[0]!.text).toBe('Hageja nõuab üüri.');
    expect(store.minutes.participants.find((p) => p.id === 'party:p1')!.attendance).toBe('present');
    expect(hook.result.current.pending).toBe(0);
    expect(hook.result.current.state).toBe('saved');
  });

  it('waits out the rest of the interval when a batch answers quickly', async () => {
    const { hook, sent } = setup();
    await type(hook, 'e1', 'a', true);
    await advance(MINUTES_SEND_INTERVAL_MS);
    await type(hook, 'e1', 'ab');
    await advance(MINUTES_SEND_INTERVAL_MS - 1);
    expect(sent()).toHaveLength(1);
    await advance(1);
    expect(sent()).toHaveLength(2);
    expect(sent()[1]!.at - sent()[0]!.at).toBeGreaterThanOrEqual(MINUTES_SEND_INTERVAL_MS);
  });

  it('sends at once when the window is hidden, closed, or the view goes away', async () => {
    const { store, hook, sent } = setup();
    await type(hook, 'e1', 'Enne peitmist', true);
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await act(async () => void document.dispatchEvent(new Event('visibilitychange')));
    visibility.mockRestore();
    expect(sent()).toHaveLength(1);
    expect(sent()[0]!.at).toBe(T0);
    await advance(0);

    await type(hook, 'e1', 'Enne sulgemist');
    await act(async () => void window.dispatchEvent(new Event('pagehide')));
    expect(sent()).toHaveLength(2);
    await advance(0);

    await type(hook, 'e1', 'Enne lahkumist');
    hook.unmount();
    expect(sent()).toHaveLength(3);
    await advance(0);
    expect(store.minutes.entries[0]!.text).toBe('Enne lahkumist');
  });

  it('flush() sends now; a flush during a send sends the rest as soon as it answers', async () => {
    const { hook, sent, host } = setup();
    const release = gate(host);
    await type(hook, 'e1', 'üks', true);
    await act(() => hook.result.current.flush());
    expect(sent()).toHaveLength(1);
    await type(hook, 'e1', 'üks kaks');
    await act(() => hook.result.current.flush());
    expect(sent()).toHaveLength(1);
    release();
    await advance(0);
    expect(sent()).toHaveLength(2);
    expect(sent()[1]!.at).toBe(T0);
  });

  it('keeps a failed batch, says so, and sends it again with what was typed since', async () => {
    const { store, hook, sent } = setup();
    store.applyError = new AppError('unavailable', 'The disk is busy.');
    await type(hook, 'e1', 'Tunnistaja', true);
    await advance(MINUTES_SEND_INTERVAL_MS);
    await advance(0);
    expect(sent()).toHaveLength(1);
    expect(store.applies).toHaveLength(0);
    expect(hook.result.current.state).toBe('failed');
    expect(hook.result.current.pending).toBe(1);
    // Typing on while it failed: queued behind the failed batch.
    await type(hook, 'e1', 'Tunnistaja Jaan Tamm');
    await advance(MINUTES_RETRY_MS - 1);
    expect(sent()).toHaveLength(1);
    await advance(1);
    expect(sent()).toHaveLength(2);
    // The failed batch went back to the head of the queue; the keystrokes since fold into it.
    expect(sent()[1]!.ops).toEqual([
      {
        op: 'entry.add',
        entry: { id: 'e1', kind: 'statement', text: 'Tunnistaja Jaan Tamm', at: new Date(T0).toISOString() },
      },
    ]);
    await advance(0);
    expect(hook.result.current.state).toBe('saved');
    expect(store.minutes.entries[0]!.text).toBe('Tunnistaja Jaan Tamm');
    expect(appliedOps(store)).toHaveLength(1);
  });

  it('stops on a refusal (the minutes were finalised elsewhere) and keeps the ops', async () => {
    const store = createMinutesStore(makeMinutes({ status: 'finalised' }));
    const { hook, sent } = setup(store);
    await type(hook, 'e1', 'Hilja', true);
    await advance(MINUTES_SEND_INTERVAL_MS);
    await advance(0);
    expect(hook.result.current.state).toBe('refused');
    await advance(MINUTES_RETRY_MS * 3);
    expect(sent()).toHaveLength(1);
    expect(hook.result.current.pending).toBe(1);
    await expect(hook.result.current.settle()).rejects.toThrow();
  });

  it('settle() resolves once everything is durable', async () => {
    const { store, hook } = setup();
    await type(hook, 'e1', 'Lõpp', true);
    await act(() => hook.result.current.settle());
    expect(store.minutes.entries[0]!.text).toBe('Lõpp');
  });
});
