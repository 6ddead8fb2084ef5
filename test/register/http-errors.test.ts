import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/contract/result.js';
import { GENERIC_INTERNAL_MESSAGE, errorReply } from '../../src-register/http/errors.js';

describe('errorReply', () => {
  it('maps each AppError code to its status and keeps the message', () => {
    const expected = {
      invalid_input: 400,
      unauthenticated: 401,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      unavailable: 503,
      internal: 500,
    } as const;
    for (const [code, status] of Object.entries(expected) as [keyof typeof expected, number][]) {
      expect(errorReply(new AppError(code, `because ${code}`))).toMatchObject({
        status,
        body: { error: { code, message: `because ${code}` } },
        // A dependency that is down is a warning; a failure of ours an error; a refusal nothing.
        log: code === 'unavailable' ? 'warn' : code === 'internal' ? 'error' : false,
      });
    }
  });

  it("turns Fastify's own 4xx errors into the shared shape", () => {
    expect(errorReply(Object.assign(new Error('Body is not valid JSON'), { statusCode: 400 }))).toEqual({
      status: 400,
      body: { error: { code: 'invalid_input', message: 'Body is not valid JSON' } },
      log: false,
    });
    expect(errorReply(Object.assign(new Error('text/csv'), { statusCode: 415 })).body.error).toEqual({
      code: 'invalid_input',
      message: 'unsupported content type: text/csv',
    });
  });

  it('hides unknown errors behind a generic 500 and asks for them to be logged', () => {
    const secret = new Error('connection to postgres://admin:hunter2@db failed');
    const reply = errorReply(secret);
    expect(reply).toEqual({
      status: 500,
      body: { error: { code: 'internal', message: GENERIC_INTERNAL_MESSAGE } },
      log: 'error',
    });
    expect(JSON.stringify(reply.body)).not.toContain('hunter2');
    expect(errorReply(Object.assign(new Error('x'), { statusCode: 502 })).status).toBe(500);
    expect(errorReply('a string').status).toBe(500);
  });
});
