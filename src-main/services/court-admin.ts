import { randomUUID } from 'node:crypto';
import { AppError } from '../../src-shared/contract/index.js';
import type { Handlers } from '../ipc/handler-registry.js';
import { type RegisterClient, RegisterUnreachableError } from './register-client.js';

/** The channels of court administration: they go to the register directly, never to the cache. */
export type CourtAdminChannel =
  | 'cases:register'
  | 'court:judges'
  | 'allocation:plan'
  | 'allocation:putPlan'
  | 'allocation:addAbsence'
  | 'court:statistics';

export type CourtAdminHandlers = Pick<Handlers, CourtAdminChannel>;

export interface CourtAdminDeps {
  client: Pick<
    RegisterClient,
    'registerCase' | 'allocationPlan' | 'putAllocationPlan' | 'addAbsence' | 'courtJudges' | 'courtStatistics'
  >;
  session: { require(): { token: string } };
  /** After a case was registered (the lead wires a sync pull, so the case appears in the cache). */
  afterRegistered?: () => void;
  /** The register refused the token: the session is over (the lead wires `session.expire()`). */
  onUnauthenticated?: () => void;
}

/** What each channel does, for the message shown when the register cannot be reached. */
const WHAT: Record<CourtAdminChannel, { doing: string; write: boolean }> = {
  'cases:register': { doing: 'Registering a case', write: true },
  'court:judges': { doing: "Reading the court's judges", write: false },
  'allocation:plan': { doing: 'Reading the allocation plan', write: false },
  'allocation:putPlan': { doing: 'Changing the allocation plan', write: true },
  'allocation:addAbsence': { doing: "Recording a judge's absence", write: true },
  'court:statistics': { doing: 'Reading the statistics', write: false },
};

/**
 * The desktop's pass-through to the register's court administration. Each call needs the register:
 * offline it answers `unavailable` with a message saying so and that nothing was changed. A
 * registration always carries a request id (the renderer's, or one made here, returned in the error
 * details so that a retry reuses it): the register answers a repeated id with the first registration.
 */
export function createCourtAdminHandlers(deps: CourtAdminDeps): CourtAdminHandlers {
  const { client, session } = deps;

  async function online<T>(
    channel: CourtAdminChannel,
    call: (token: string) => Promise<T>,
    details: Record<string, string> = {},
  ): Promise<T> {
    const { token } = session.require();
    const what = WHAT[channel];
    if (!token)
      throw new AppError(
        'unavailable',
        `${what.doing} needs the register, and this session was opened offline: sign in again with the register reachable. Nothing was changed.`,
        { reason: 'register_needed', details },
      );
    try {
      return await call(token);
    } catch (error) {
      if (error instanceof RegisterUnreachableError) {
        const retry =
          channel === 'cases:register'
            ? ' Trying again sends the same request, so the case is never registered twice.'
            : what.write
              ? ' Try again when the register is back.'
              : '';
        throw new AppError(
          'unavailable',
          `${what.doing} needs the register. ${error.message} Nothing was changed.${retry}`,
          { reason: 'register_needed', details },
        );
      }
      if (error instanceof AppError && error.code === 'unauthenticated') deps.onUnauthenticated?.();
      throw error;
    }
  }

  return {
    'cases:register': async (input) => {
      const requestId = input.requestId ?? randomUUID();
      const registered = await online(
        'cases:register',
        (token) => client.registerCase(token, { ...input, requestId }),
        { requestId },
      );
      try {
        deps.afterRegistered?.();
      } catch {
        // The case is registered; the next scheduled pull brings it into the cache anyway.
      }
      return registered;
    },
    'court:judges': ({ court }) => online('court:judges', (token) => client.courtJudges(token, court)),
    'allocation:plan': ({ court }) =>
      online('allocation:plan', (token) => client.allocationPlan(token, court)),
    'allocation:putPlan': ({ court, plan }) =>
      online('allocation:putPlan', (token) => client.putAllocationPlan(token, court, plan)),
    'allocation:addAbsence': ({ court, absence }) =>
      online('allocation:addAbsence', (token) => client.addAbsence(token, court, absence)),
    'court:statistics': ({ court, query }) =>
      online('court:statistics', (token) => client.courtStatistics(token, court, query)),
  };
}
