import {
  AppError,
  type AppErrorShape,
  type ErrorCode,
  HTTP_STATUS_OF_ERROR,
} from '../../src-shared/contract/result.js';

export const STATUS_OF = HTTP_STATUS_OF_ERROR;

const CODE_OF_STATUS: Record<number, ErrorCode> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  503: 'unavailable',
};

export const GENERIC_INTERNAL_MESSAGE = 'internal error in the register; it has been logged';

interface FastifyLikeError {
  statusCode?: number;
  message?: string;
  code?: string;
}

/**
 * The status and shared error body for anything thrown while handling a request. Our `AppError`s keep
 * their code; Fastify's own 4xx errors (bad JSON, unsupported content type, body too large) become
 * `invalid_input` with Fastify's reason; everything else is a 500 whose details stay in the log.
 */
export function errorReply(error: unknown): {
  status: number;
  body: { error: AppErrorShape };
  /** How the failure is logged: a deliberate refusal because something we need is down is a warning. */
  log: 'error' | 'warn' | false;
} {
  if (error instanceof AppError) {
    const status = STATUS_OF[error.code];
    return {
      status,
      body: { error: error.toShape() },
      log: error.code === 'unavailable' ? 'warn' : status >= 500 ? 'error' : false,
    };
  }
  const candidate = (error ?? {}) as FastifyLikeError;
  const status = candidate.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = CODE_OF_STATUS[status] ?? 'invalid_input';
    const message =
      status === 415
        ? `unsupported content type: ${candidate.message ?? ''}`
        : (candidate.message ?? 'bad request');
    return { status, body: { error: { code, message } }, log: false };
  }
  return {
    status: 500,
    body: { error: { code: 'internal', message: GENERIC_INTERNAL_MESSAGE } },
    log: 'error',
  };
}
