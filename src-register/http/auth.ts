import type { FastifyRequest } from 'fastify';
import { AppError } from '../../src-shared/contract/result.js';
import type { Db } from '../db/index.js';
import { type Session, findSession } from '../domain/sessions.js';

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/** Every call looks the session up in the database: no session state lives in this process. */
export function sessionAuthenticator(db: Db): (request: FastifyRequest) => Promise<Session> {
  return async (request) => {
    const token = bearerToken(request.headers.authorization);
    if (!token)
      throw new AppError('unauthenticated', 'sign in first: send Authorization: Bearer <session token>');
    const session = await findSession(db, token);
    if (!session)
      throw new AppError('unauthenticated', 'the session token is unknown, expired or signed out');
    return session;
  };
}
