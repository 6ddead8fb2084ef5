import { z } from 'zod';
import { PersonalCode, SessionUser } from '../domain/index.js';

/** PIN1 of an Estonian ID card is 4–12 digits. It is never logged, stored or sent to the register. */
export const Pin = z.string().regex(/^\d{4,12}$/, 'a PIN is 4 to 12 digits');

export const PinState = z.object({
  /** What the card reports: exact where it says so (final try, blocked), else an estimate or null. */
  triesLeft: z.number().int().min(0).nullable(),
  blocked: z.boolean(),
});
export type PinState = z.infer<typeof PinState>;

/** A card in a reader, as read from its authentication certificate (no PIN needed). */
export const CardSummary = z.object({
  /** Stable for as long as the card stays in the reader. */
  id: z.string().min(1).max(128),
  /** "Triin Lepik", from the certificate's subject. */
  holderName: z.string(),
  personalCode: PersonalCode,
  pin1: PinState,
});
export type CardSummary = z.infer<typeof CardSummary>;

export const CardList = z.object({
  module: z.object({
    path: z.string(),
    loaded: z.boolean(),
    /** Why the module could not be loaded, for the sign-in screen. */
    error: z.string().optional(),
  }),
  cards: z.array(CardSummary),
});
export type CardList = z.infer<typeof CardList>;

export const SessionInfo = z.object({
  user: SessionUser,
  mode: z.literal('id-card'),
  /** `offline`: unlocked by the card against the certificate pinned at the last online sign-in. */
  connection: z.enum(['online', 'offline']),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SessionEndReason = z.enum(['signed-out', 'card-removed', 'session-ended']);
export type SessionEndReason = z.infer<typeof SessionEndReason>;

/**
 * `error.reason` values the desktop host adds for card sign-in, beside the register's
 * refusal reasons (`AUTH_REFUSAL_REASONS`), which pass through unchanged.
 */
export const CARD_ERROR_REASONS = [
  'pin_incorrect',
  'pin_blocked',
  'card_not_found',
  'card_module_unavailable',
  'card_error',
  'keychain_unavailable',
  'offline_not_pinned',
  'offline_certificate_mismatch',
  'offline_signature_invalid',
] as const;
export type CardErrorReason = (typeof CARD_ERROR_REASONS)[number];
