import { CARD_ERROR_REASONS, type CardErrorReason } from '../../../../src-shared/contract/id-card';
import { AppError } from '../../../../src-shared/contract/result';
import { AUTH_REFUSAL_REASONS, type AuthRefusalReason } from '../../../../src-shared/register-api/auth';
import type { CheckedKey } from '../../../i18n/dictionary';
import { errorKey } from '../../../i18n/domain-labels';
import type { I18n } from '../../../i18n/i18n-provider';
import { wrongPinText } from '../../../lib/card-errors';

/** Every `error.reason` a sign-in can end with: the register's refusals and the desktop host's own. */
export type SignInReason = AuthRefusalReason | CardErrorReason;
export const SIGN_IN_REASONS: readonly SignInReason[] = [...AUTH_REFUSAL_REASONS, ...CARD_ERROR_REASONS];

const KNOWN: ReadonlySet<string> = new Set(SIGN_IN_REASONS);
const isSignInReason = (reason: string | undefined): reason is SignInReason =>
  reason !== undefined && KNOWN.has(reason);

/** A reason the dictionary lacks is a type error here. */
export const signInReasonKey = (reason: SignInReason): CheckedKey<`signInError.${SignInReason}`> =>
  `signInError.${reason}`;

export interface SignInErrorText {
  /** What happened and what to do, in the user's language. */
  text: string;
  /** The host's own words, shown only when the reason is unknown to this app. */
  details: string | null;
}

/** Translates a failed sign-in by its `reason`; an unknown reason falls back to the host's message. */
export function signInErrorText(i18n: Pick<I18n, 't' | 'plural'>, error: unknown): SignInErrorText {
  const { t, plural } = i18n;
  if (!(error instanceof AppError)) {
    return { text: t('error.internal'), details: error instanceof Error ? error.message : null };
  }
  const reason = error.reason;
  if (!isSignInReason(reason)) return { text: t(errorKey(error.code)), details: error.message };
  if (reason === 'pin_incorrect') {
    const text = wrongPinText(error, {
      wrong: t(signInReasonKey('pin_incorrect')),
      blocked: t(signInReasonKey('pin_blocked')),
      triesLeft: (count) => plural('signInError.pinTriesLeft', count),
    });
    return { text, details: null };
  }
  return { text: t(signInReasonKey(reason)), details: null };
}
