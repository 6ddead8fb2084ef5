import { AppError } from '../../../src-shared/contract/result.js';
import {
  AuthChallengeResponse,
  AuthTokenRequest,
  SessionResponse,
} from '../../../src-shared/register-api/index.js';
import { issueChallenge } from '../../auth/challenges.js';
import { type ResolvedAuthConfig, refusal } from '../../auth/config.js';
import { validateAuthToken } from '../../auth/validate.js';
import type { Db } from '../../db/index.js';
import { openSession } from '../../domain/sign-in.js';
import { findSignInUser } from '../../domain/users.js';
import { addRoute, type RouteHost } from '../route.js';

export interface AuthRouteDeps {
  db: Db;
  /** Absent: the register has no trusted CA, so ID-card sign-in answers 503 `sign_in_not_configured`. */
  auth: ResolvedAuthConfig | undefined;
}

function configured(deps: AuthRouteDeps): ResolvedAuthConfig {
  if (!deps.auth)
    throw refusal(
      'sign_in_not_configured',
      'ID-card sign-in is not configured on this register (start it with --trust-ca)',
    );
  return deps.auth;
}

/** ID-card sign-in, Web eID style (docs/decisions/0008): a challenge, then the signed token. */
export function addAuthRoutes(host: RouteHost, deps: AuthRouteDeps): void {
  addRoute(host, {
    method: 'POST',
    path: '/api/v1/auth/challenge',
    summary: 'A single-use nonce (valid 5 minutes) for the ID card to sign',
    auth: false,
    response: AuthChallengeResponse,
    handler: async () => {
      const auth = configured(deps);
      const { nonce, expiresAt } = await issueChallenge(deps.db, auth.now());
      return { nonce, expiresAt: expiresAt.toISOString() };
    },
  });
  addRoute(host, {
    method: 'POST',
    path: '/api/v1/auth/token',
    // Refusals carry error.reason (AUTH_REFUSAL_REASONS): 400 for a malformed token, 503 when the OCSP
    // responder cannot be asked, 401 otherwise. Clients send Origin: the origin the card signed for.
    summary: 'Signs in with a Web eID authentication token over a challenge nonce (refusals carry a reason)',
    auth: false,
    body: AuthTokenRequest,
    response: SessionResponse,
    handler: async ({ body, request }) => {
      try {
        const auth = configured(deps);
        const origin = request.headers.origin;
        const token = await validateAuthToken(deps.db, auth, body, origin);
        const user = await findSignInUser(deps.db, token.personalCode);
        if (!user)
          throw refusal(
            'user_unknown',
            'the card holder is not an active user of this register with a role in force',
          );
        const session = await openSession(deps.db, user, 'id-card', {
          certificateSerial: token.certificate.serialNumber,
          certificateIssuer: token.certificate.issuer,
        });
        request.log.info({ userId: user.id }, 'ID-card sign-in');
        return session;
      } catch (error) {
        if (error instanceof AppError && error.reason)
          request.log.info({ reason: error.reason }, `ID-card sign-in refused: ${error.message}`);
        throw error;
      }
    },
  });
}
