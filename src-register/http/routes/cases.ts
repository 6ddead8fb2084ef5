import {
  AppealRequest,
  CaseFileResponse,
  CaseIdParams,
  CaseNumberParams,
  RegistrationRequest,
  RegistrationResponse,
} from '../../../src-shared/register-api/index.js';
import type { BlobStore } from '../../blobs/blob-store.js';
import type { Db } from '../../db/index.js';
import { appealCase } from '../../domain/appeal.js';
import { findCaseByNumber } from '../../domain/case-lookup.js';
import { registerCase } from '../../domain/registration.js';
import { addRoute, type RouteHost } from '../route.js';

export function addCaseRoutes(host: RouteHost, deps: { db: Db; blobs: BlobStore }): void {
  addRoute(host, {
    method: 'POST',
    path: '/api/v1/cases',
    summary: 'Register a case with its parties and documents: number, first proceeding, allocation',
    auth: true,
    body: RegistrationRequest,
    response: RegistrationResponse,
    status: 201,
    handler: ({ body, session }) => registerCase(deps, session.user, body),
  });
  addRoute(host, {
    method: 'POST',
    path: '/api/v1/cases/:caseId/appeal',
    summary: 'Take a case to a higher court: same number, a new proceeding there',
    auth: true,
    params: CaseIdParams,
    body: AppealRequest,
    response: RegistrationResponse,
    status: 201,
    handler: ({ params, body, session }) => appealCase(deps.db, session.user, params.caseId, body.courtCode),
  });
  addRoute(host, {
    method: 'GET',
    path: '/api/v1/cases/by-number/:number',
    summary: 'The case a current or former number names, with its proceedings',
    auth: true,
    params: CaseNumberParams,
    response: CaseFileResponse,
    handler: ({ params, session }) => findCaseByNumber(deps.db, session.user, params.number),
  });
}
