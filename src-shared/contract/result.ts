import { z } from 'zod';

/** Stable error codes shared by IPC and the register API. */
export const ERROR_CODES = [
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'unavailable',
  'internal',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The HTTP status that carries each error code, for the register and the browser host alike. */
export const HTTP_STATUS_OF_ERROR: Readonly<Record<ErrorCode, number>> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
  internal: 500,
};

/** Small, flat facts that qualify an error for the UI (e.g. `{ triesLeft: 2 }`); never secrets. */
export const ErrorDetails = z.record(
  z.string().max(64),
  z.union([z.string().max(500), z.number(), z.boolean()]),
);
export type ErrorDetails = z.infer<typeof ErrorDetails>;

/**
 * `code` is the coarse class that maps to an HTTP status; `reason` is the stable, specific cause
 * where one is useful to a program or a test (`certificate_revoked`, `pin_incorrect`, …).
 */
export const AppErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  reason: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,63}$/)
    .optional(),
  details: ErrorDetails.optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorShape>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (code: ErrorCode, message: string, extra: AppErrorExtra = {}): Result<never> => ({
  ok: false,
  error: { code, message, ...definedOnly(extra) },
});

export interface AppErrorExtra {
  reason?: string | undefined;
  details?: ErrorDetails | undefined;
}

function definedOnly(extra: AppErrorExtra): AppErrorExtra {
  const out: AppErrorExtra = {};
  if (extra.reason !== undefined) out.reason = extra.reason;
  if (extra.details !== undefined) out.details = extra.details;
  return out;
}

/** An error that carries a stable code across a process boundary. */
export class AppError extends Error {
  readonly reason: string | undefined;
  readonly details: ErrorDetails | undefined;
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: AppErrorExtra = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.reason = extra.reason;
    this.details = extra.details;
  }

  /** The wire shape: code, message and, where set, reason and details. */
  toShape(): AppErrorShape {
    return { code: this.code, message: this.message, ...definedOnly(this) };
  }
}

/** Formats zod issues as one readable line: `field: problem; field: problem`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'input'}: ${issue.message}`)
    .join('; ');
}
