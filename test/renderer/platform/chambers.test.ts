import { afterEach, describe, expect, it } from 'vitest';
import { AppError, err, ok } from '../../../src-shared/contract/result';
import { call, unwrap } from '../../../src-renderer/platform/chambers';
import { createFakeHost } from '../support/fake-host';

afterEach(() => {
  Reflect.deleteProperty(window, 'chambers');
});

describe('platform/chambers', () => {
  it('unwraps a success into its value', () => {
    expect(unwrap(ok(42))).toBe(42);
  });

  it('throws an AppError carrying the code and message of a failure', () => {
    const thrown = (() => {
      try {
        unwrap(err('forbidden', 'Restricted case.'));
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: 'forbidden', message: 'Restricted case.' });
  });

  it('carries the reason and details of a failure through to the UI', () => {
    const failure = err('unauthenticated', 'Wrong PIN.', {
      reason: 'pin_incorrect',
      details: { triesLeft: 2 },
    });
    expect(() => unwrap(failure)).toThrow(
      expect.objectContaining({
        code: 'unauthenticated',
        reason: 'pin_incorrect',
        details: { triesLeft: 2 },
      }),
    );
    const bare = (() => {
      try {
        unwrap(err('forbidden', 'No.'));
      } catch (error) {
        return error;
      }
    })();
    expect(bare).toMatchObject({ reason: undefined, details: undefined });
  });

  it('calls the host through window.chambers', async () => {
    const host = createFakeHost();
    Object.defineProperty(window, 'chambers', { value: host.api, configurable: true });
    await expect(call((api) => api.casesList({}))).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(call((api) => api.appInfo())).resolves.toMatchObject({ cardModule: expect.any(String) });
    await expect(
      call((api) => api.sessionSignIn({ cardId: 'card-u-kask', pin: '9999' })),
    ).rejects.toMatchObject({
      reason: 'pin_incorrect',
      details: { triesLeft: 2 },
    });
  });

  it('fails clearly when no host installed window.chambers', async () => {
    await expect(call((api) => api.appInfo())).rejects.toMatchObject({ code: 'unavailable' });
  });
});
