import type { z } from 'zod';
import {
  AppError,
  type Channel,
  type ChannelOutput,
  type Channels,
  channels,
  describeIssues,
  err,
  isChannel,
  ok,
  type Result,
} from '../../src-shared/contract/index.js';

/** One handler per channel; the type checker finds a channel added to the contract without one. */
export type Handlers = {
  [C in Channel]: (input: z.output<Channels[C]['input']>) => Promise<ChannelOutput<C>>;
};

export type Invoker = (channel: string, raw: unknown) => Promise<Result<unknown>>;

export interface InvokerOptions {
  /** Where unexpected failures go; their details never reach the caller. */
  logError?: (message: string, error: unknown) => void;
}

const defaultLog = (message: string, error: unknown) => console.error(message, error);

/**
 * The only dispatcher of channels, used by both hosts: the input arrives as `unknown`,
 * is parsed with the channel's schema, and whatever happens the caller gets a Result.
 */
export function createInvoker(handlers: Handlers, options: InvokerOptions = {}): Invoker {
  const logError = options.logError ?? defaultLog;
  return async (channel, raw) => {
    if (typeof channel !== 'string' || !isChannel(channel)) {
      return err('invalid_input', `Unknown channel: ${String(channel).slice(0, 64)}`);
    }
    const contract = channels[channel];
    const input = contract.input.safeParse(raw);
    if (!input.success) return err('invalid_input', describeIssues(input.error));

    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    let value: unknown;
    try {
      value = await handler(input.data);
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toShape() };
      logError(`Handler for ${channel} failed`, error);
      return err('internal', 'Something went wrong in Chambers. The details are in its log.');
    }

    const output = contract.output.safeParse(value);
    if (!output.success) {
      // A handler that breaks the contract is our bug, not the caller's.
      logError(`Handler for ${channel} returned output that breaks the contract`, output.error);
      return err('internal', 'Chambers produced an invalid answer. The details are in its log.');
    }
    return ok(output.data);
  };
}
