import { z } from 'zod';
import { HealthResponse } from '../../../src-shared/register-api/index.js';
import { type Db, schemaVersion } from '../../db/index.js';
import { addRoute, type RouteHost } from '../route.js';

export function addHealthRoutes(
  host: RouteHost,
  deps: { db: Db; version: string; devSignIn: boolean },
): void {
  addRoute(host, {
    method: 'GET',
    path: '/api/v1/health',
    summary: 'Liveness and what this register runs on',
    auth: false,
    response: HealthResponse,
    handler: async () => ({
      status: 'ok' as const,
      version: deps.version,
      database: deps.db.kind,
      schemaVersion: await schemaVersion(deps.db),
      devSignIn: deps.devSignIn,
    }),
  });
  addRoute(host, {
    method: 'GET',
    path: '/api/v1/openapi.json',
    summary: 'This OpenAPI 3.1 document',
    auth: false,
    response: z.record(z.string(), z.unknown()),
    handler: async () => host.openapi.document(),
  });
}
