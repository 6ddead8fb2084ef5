import { z } from 'zod';
import { startDeadline } from './deadline.js';
import { AppError, type ErrorCode, describeIssues } from '../../src-shared/contract/index.js';
import {
  AbsenceResponse,
  type AbsenceRequest,
  AllocationPlanResponse,
  API_PREFIX,
  AuthChallengeResponse,
  type AuthTokenRequest,
  CourtJudgesResponse,
  type CourtStatisticsQuery,
  CourtStatisticsResponse,
  ErrorBody,
  HealthResponse,
  MeResponse,
  type PutAllocationPlanRequest,
  type RegistrationRequest,
  RegistrationResponse,
  SessionResponse,
  type SyncChange,
  SyncChangesResponse,
  type SyncFeedChange,
  type SyncPullResponse,
  type SyncMutationsRequest,
  SyncMutationsResponse,
  BlobUploadResponse,
} from '../../src-shared/register-api/index.js';

export interface RegisterClientOptions {
  baseUrl: string;
  /** Per request; a register that does not answer in time counts as unreachable. */
  timeoutMs?: number;
}

/** The register's HTTP API as the desktop host uses it; every answer is parsed before use. */
export interface RegisterClient {
  readonly baseUrl: string;
  health(): Promise<HealthResponse>;
  /** A fresh single-use nonce for an ID-card sign-in. */
  authChallenge(): Promise<AuthChallengeResponse>;
  /** Exchanges a signed Web eID token for a session; `origin` is the origin the card signed for. */
  authToken(body: AuthTokenRequest, origin: string): Promise<SessionResponse>;
  me(token: string): Promise<MeResponse>;
  /** Revokes the token on the register. */
  signOut(token: string): Promise<void>;
  /** A page of the change feed; the user's own notes are left out: this desktop keeps none yet. */
  syncPull(
    token: string,
    query: { cursor: string; limit: number },
    signal?: AbortSignal,
  ): Promise<SyncPullResponse>;
  /** A page of the change feed with everything in it, the user's own notes included. */
  syncPullAll(
    token: string,
    query: { cursor: string; limit: number },
    signal?: AbortSignal,
  ): Promise<SyncChangesResponse>;
  /** Sends client mutations; each id is applied at most once, a retry gets the stored answer. */
  syncMutations(
    token: string,
    body: SyncMutationsRequest,
    signal?: AbortSignal,
  ): Promise<SyncMutationsResponse>;
  /**
   * Uploads a file for a case (`PUT /blobs/:sha256?caseId=`) before a mutation names it; the
   * register stores it once by content, so sending it again is harmless. The deadline grows by a
   * second per MiB over the per-request one.
   */
  uploadBlob(
    token: string,
    file: { caseId: string; sha256: string; bytes: Uint8Array },
    signal?: AbortSignal,
  ): Promise<BlobUploadResponse>;
  /** Registers a case (chancery); a retry with the same `requestId` answers with the first registration. */
  registerCase(token: string, body: RegistrationRequest): Promise<RegistrationResponse>;
  /** The court's allocation plan in force and its versions (court president). */
  allocationPlan(token: string, court: string): Promise<AllocationPlanResponse>;
  /** Adopts a new version of the court's allocation plan (court president). */
  putAllocationPlan(
    token: string,
    court: string,
    plan: z.input<typeof PutAllocationPlanRequest>,
  ): Promise<AllocationPlanResponse>;
  /** Records a judge's absence (court president). */
  addAbsence(token: string, court: string, absence: AbsenceRequest): Promise<AbsenceResponse>;
  /** The court's judges with their current and coming absences (court president). */
  courtJudges(token: string, court: string): Promise<CourtJudgesResponse>;
  /** CEPEJ indicators per judge and procedure type for a period. */
  courtStatistics(
    token: string,
    court: string,
    query: CourtStatisticsQuery,
  ): Promise<CourtStatisticsResponse>;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT';
  token?: string;
  body?: unknown;
  /** Raw bytes sent as application/octet-stream instead of a JSON body. */
  bytes?: Uint8Array;
  /** Overrides the per-request deadline. */
  timeoutMs?: number;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/**
 * The register could not be asked at all (network failure, timeout, a gateway with no answer of the
 * register's own) — as opposed to a refusal, which carries the register's reason. Only this one may
 * lead to the offline unlock.
 */
export class RegisterUnreachableError extends AppError {
  constructor(message: string) {
    super('unavailable', message);
    this.name = 'RegisterUnreachableError';
  }
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'invalid_input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'invalid_input',
  502: 'unavailable',
  503: 'unavailable',
  504: 'unavailable',
};

export function createRegisterClient(options: RegisterClientOptions): RegisterClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function request<S extends z.ZodType>(
    schema: S,
    path: string,
    opts: RequestOptions = {},
  ): Promise<z.output<S>> {
    const method = opts.method ?? 'GET';
    const limitMs = opts.timeoutMs ?? timeoutMs;
    const deadline = startDeadline(limitMs, opts.signal);
    const headers: Record<string, string> = { ...opts.headers, accept: 'application/json' };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.bytes !== undefined) headers['content-type'] = 'application/octet-stream';

    let response: Response;
    let text: string;
    try {
      response = await deadline.race(
        fetch(`${baseUrl}${API_PREFIX}${path}`, {
          method,
          headers,
          body: opts.bytes ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
          signal: deadline.signal,
          redirect: 'error',
        }),
      );
      text = await deadline.race(response.text());
    } catch (error) {
      if (opts.signal?.aborted) throw opts.signal.reason ?? error;
      if (deadline.timedOut()) {
        throw new RegisterUnreachableError(
          `The register at ${baseUrl} did not answer within ${limitMs / 1000} s.`,
        );
      }
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new RegisterUnreachableError(
        `The register at ${baseUrl} cannot be reached${cause ? ` (${cause})` : ''}.`,
      );
    } finally {
      deadline.dispose();
    }

    const json = parseJson(text);
    if (!response.ok) throw toError(response.status, json, `${method} ${path}`);
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new AppError(
        'internal',
        `The register's answer to ${method} ${path} is not what Chambers expects: ${describeIssues(parsed.error)}`,
      );
    }
    return parsed.data;
  }

  return {
    baseUrl,
    health: () => request(HealthResponse, '/health'),
    authChallenge: () => request(AuthChallengeResponse, '/auth/challenge', { method: 'POST', body: {} }),
    authToken: (body, origin) =>
      request(SessionResponse, '/auth/token', { method: 'POST', body, headers: { origin } }),
    me: (token) => request(MeResponse, '/me', { token }),
    signOut: async (token) => {
      await request(z.unknown(), '/auth/sign-out', { method: 'POST', token });
    },
    syncPull: async (token, query, signal) => {
      const params = new URLSearchParams({ cursor: query.cursor, limit: String(query.limit) });
      const page = await request(SyncChangesResponse, `/sync/changes?${params}`, { token, signal });
      // The cursor still moves past the notes, so they are not asked for again.
      return { ...page, changes: page.changes.filter(isCaseChange) };
    },
    syncPullAll: (token, query, signal) => {
      const params = new URLSearchParams({ cursor: query.cursor, limit: String(query.limit) });
      return request(SyncChangesResponse, `/sync/changes?${params}`, { token, signal });
    },
    syncMutations: (token, body, signal) =>
      request(SyncMutationsResponse, '/sync/mutations', { method: 'POST', token, body, signal }),
    uploadBlob: (token, file, signal) => {
      const params = new URLSearchParams({ caseId: file.caseId });
      return request(BlobUploadResponse, `/blobs/${encodeURIComponent(file.sha256)}?${params}`, {
        method: 'PUT',
        token,
        bytes: file.bytes,
        signal,
        timeoutMs: timeoutMs + Math.ceil(file.bytes.byteLength / (1024 * 1024)) * 1000,
      });
    },
    registerCase: (token, body) => request(RegistrationResponse, '/cases', { method: 'POST', token, body }),
    allocationPlan: (token, court) =>
      request(AllocationPlanResponse, `/courts/${courtSegment(court)}/allocation-plan`, { token }),
    putAllocationPlan: (token, court, plan) =>
      request(AllocationPlanResponse, `/courts/${courtSegment(court)}/allocation-plan`, {
        method: 'PUT',
        token,
        body: plan,
      }),
    addAbsence: (token, court, absence) =>
      request(AbsenceResponse, `/courts/${courtSegment(court)}/absences`, {
        method: 'POST',
        token,
        body: absence,
      }),
    courtJudges: (token, court) =>
      request(CourtJudgesResponse, `/courts/${courtSegment(court)}/judges`, { token }),
    courtStatistics: (token, court, query) => {
      const params = new URLSearchParams({ from: query.from, to: query.to });
      return request(CourtStatisticsResponse, `/courts/${courtSegment(court)}/statistics?${params}`, {
        token,
      });
    },
  };
}

/** A court code as one path segment; the register refuses anything but 2–8 capital letters anyway. */
const courtSegment = (court: string) => encodeURIComponent(court);

const isCaseChange = (change: SyncFeedChange): change is SyncChange => change.kind !== 'case-note';

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

function toError(status: number, body: unknown, what: string): AppError {
  const parsed = ErrorBody.safeParse(body);
  if (!parsed.success && (status === 502 || status === 503 || status === 504)) {
    // A proxy or load balancer answering for a register that is down.
    return new RegisterUnreachableError(`The register answered ${what} with HTTP ${status}.`);
  }
  const fallback: ErrorCode = STATUS_CODES[status] ?? (status >= 500 ? 'unavailable' : 'invalid_input');
  // 401 always means the session is gone, whatever code the body carries.
  const code = status === 401 ? 'unauthenticated' : parsed.success ? parsed.data.error.code : fallback;
  const message = parsed.success
    ? parsed.data.error.message
    : `The register answered ${what} with HTTP ${status}.`;
  return new AppError(code, message, parsed.success ? parsed.data.error : {});
}
