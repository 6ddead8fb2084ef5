import type { Server as HttpsServer } from 'node:https';
import fastify, {
  LogController,
  type FastifyHttpsOptions,
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerOptions,
} from 'fastify';
import type { ResolvedAuthConfig } from '../auth/config.js';
import type { BlobStore } from '../blobs/blob-store.js';
import type { Db } from '../db/index.js';
import { sessionAuthenticator } from './auth.js';
import { errorReply } from './errors.js';
import { OpenApiBuilder } from './openapi.js';
import type { RouteHost } from './route.js';
import { addAllocationRoutes } from './routes/allocation.js';
import { addAuditRoutes } from './routes/audit.js';
import { addAuthRoutes } from './routes/auth.js';
import { addCaseRoutes } from './routes/cases.js';
import { addCourtRoutes } from './routes/court.js';
import { addDevSignInRoutes } from './routes/dev-sign-in.js';
import { addDocumentRoutes } from './routes/documents.js';
import { addHealthRoutes } from './routes/health.js';
import { addSessionRoutes } from './routes/session.js';
import { addSyncRoutes } from './routes/sync.js';
import { addUserRoutes } from './routes/users.js';
import { addSecurityHeaders, setSecurityHeaders } from './security-headers.js';

export interface AppDeps {
  db: Db;
  blobs: BlobStore;
  /** The development sign-in routes; for tests only (no command-line flag turns it on). */
  devSignIn: boolean;
  /** ID-card sign-in; without it `/auth/challenge` and `/auth/token` answer 503 `sign_in_not_configured`. */
  auth?: ResolvedAuthConfig | undefined;
  version: string;
  logLevel: string;
  https?: { cert: Buffer; key: Buffer } | undefined;
}

const JSON_TYPE = 'application/json; charset=utf-8';

function sendError(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).type(JSON_TYPE).send(JSON.stringify(body));
}

/** The register's Fastify app with every `/api/v1` route; not yet listening. */
export function buildApp(deps: AppDeps): FastifyInstance {
  const options: FastifyServerOptions = {
    logger: { level: deps.logLevel },
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    // Fastify's own URL errors (bad percent-encoding…) answer in our error shape too; they skip the
    // onSend hooks, so the headers are set here.
    frameworkErrors: (error, _request, reply) => {
      setSecurityHeaders(reply, Boolean(deps.https));
      return sendError(reply, 400, { error: { code: 'invalid_input', message: error.message } });
    },
  };
  const app = (deps.https
    ? fastify({ ...options, https: deps.https } as FastifyHttpsOptions<HttpsServer>)
    : fastify(options)) as unknown as FastifyInstance;

  // Only JSON bodies; anything else is a 415. An empty JSON body is "no body", not a parse error.
  const defaultJsonParser = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (typeof body === 'string' && body.trim() === '') return done(null, undefined);
    defaultJsonParser(request, body as string, done);
  });

  addSecurityHeaders(app, Boolean(deps.https));
  app.setErrorHandler((error, request, reply) => {
    const { status, body, log } = errorReply(error);
    if (log === 'error') request.log.error({ err: error }, `${request.method} ${request.url} failed`);
    // No stack: the reason (an unreachable OCSP responder, say) is the whole story.
    if (log === 'warn')
      request.log.warn(`${request.method} ${request.url} refused: ${(error as Error).message}`);
    return sendError(reply, status, body);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, {
      error: {
        code: 'not_found',
        message: `no route ${request.method} ${request.url.split('?')[0]!.slice(0, 200)}`,
      },
    }),
  );

  const host: RouteHost = {
    app,
    openapi: new OpenApiBuilder({
      title: 'Chambers court register',
      version: deps.version,
      description: 'The central court register that the Chambers desktop app syncs with.',
    }),
    authenticate: sessionAuthenticator(deps.db),
  };
  addHealthRoutes(host, deps);
  if (deps.devSignIn) addDevSignInRoutes(host, deps);
  addAuthRoutes(host, { db: deps.db, auth: deps.auth });
  addSessionRoutes(host, deps);
  addUserRoutes(host, deps);
  addSyncRoutes(host, deps);
  addDocumentRoutes(host, deps);
  addCaseRoutes(host, deps);
  addAllocationRoutes(host, deps);
  addAuditRoutes(host, deps);
  addCourtRoutes(host, deps);
  return app;
}
