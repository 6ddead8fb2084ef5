import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/contract/index.js';
import { createInvoker } from '../../../src-main/ipc/handler-registry.js';
import { testHandlers } from '../support/handlers.js';

function invokerWithLog(overrides: Parameters<typeof testHandlers>[0] = {}) {
  const logged: string[] = [];
  const invoke = createInvoker(testHandlers(overrides), { logError: (message) => logged.push(message) });
  return { invoke, logged };
}

describe('createInvoker', () => {
  it('dispatches a channel and returns its validated output', async () => {
    const { invoke } = invokerWithLog();
    expect(await invoke('app:info', undefined)).toEqual({
      ok: true,
      value: {
        version: 'test',
        host: 'browser',
        registerUrl: 'http://127.0.0.1:1',
        cardModule: '/usr/lib/softhsm/libsofthsm2.so',
      },
    });
  });

  it('refuses an unknown channel, including names inherited from Object', async () => {
    const { invoke } = invokerWithLog();
    for (const name of ['nope:nothing', '__proto__', 'toString', 'constructor']) {
      const result = await invoke(name, undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('parses input with the channel schema and says what is wrong', async () => {
    let called = false;
    const { invoke } = invokerWithLog({
      'session:signIn': async () => {
        called = true;
        throw new Error('unreachable');
      },
    });
    const result = await invoke('session:signIn', { cardId: 'card-1', pin: 'abc' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toMatch(/^pin: /);
    // The refused input is not echoed back.
    expect(result.error.message).not.toContain('abc');
    expect(called).toBe(false);
    expect(await invoke('cases:get', 'x')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('hands the parsed input to the handler', async () => {
    let seen: unknown;
    const { invoke } = invokerWithLog({
      'cases:list': async (input) => {
        seen = input;
        return [];
      },
    });
    expect(await invoke('cases:list', { text: 'Õun', limit: 5 })).toEqual({ ok: true, value: [] });
    expect(seen).toEqual({ text: 'Õun', limit: 5 });
  });

  it('passes an AppError through with its code and message', async () => {
    const { invoke, logged } = invokerWithLog();
    expect(await invoke('cases:get', { caseId: 'c-1' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Case c-1 is not in the local cache.' },
    });
    expect(logged).toEqual([]);
  });

  it('passes an AppError’s reason and details through for the sign-in screen', async () => {
    const { invoke, logged } = invokerWithLog({
      'session:signIn': async () => {
        throw new AppError('unauthenticated', 'Wrong PIN1.', {
          reason: 'pin_incorrect',
          details: { triesLeft: 2 },
        });
      },
    });
    expect(await invoke('session:signIn', { cardId: 'card-1', pin: '1234' })).toEqual({
      ok: false,
      error: {
        code: 'unauthenticated',
        message: 'Wrong PIN1.',
        reason: 'pin_incorrect',
        details: { triesLeft: 2 },
      },
    });
    expect(logged).toEqual([]);
  });

  it('hides an unexpected error behind a generic internal error and logs it', async () => {
    const { invoke, logged } = invokerWithLog({
      'session:get': async () => {
        throw new Error('SQLITE_CORRUPT at /home/judge/secret/path');
      },
    });
    const result = await invoke('session:get', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(logged).toEqual(['Handler for session:get failed']);
  });

  it('treats output that breaks the contract as an internal error', async () => {
    const { invoke, logged } = invokerWithLog({
      'app:info': async () => ({ version: 1 }) as never,
    });
    expect(await invoke('app:info', undefined)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logged).toHaveLength(1);
  });

  it('strips fields the contract does not name from the output', async () => {
    const { invoke } = invokerWithLog({
      'app:info': async () =>
        ({ version: 'v', host: 'browser', registerUrl: 'u', cardModule: 'm', token: 'secret' }) as never,
    });
    const result = await invoke('app:info', undefined);
    expect(result).toEqual({
      ok: true,
      value: { version: 'v', host: 'browser', registerUrl: 'u', cardModule: 'm' },
    });
  });
});
