import { HostSettings } from '../../../../src-shared/contract/workspace';
import type { CheckedKey } from '../../../i18n/dictionary';

export type SettingsField = keyof HostSettings;

type FieldError = CheckedKey<
  'settings.registerUrl.invalid' | 'settings.cardModule.required' | 'settings.cardModule.tooLong'
>;

export type SettingsErrors = Partial<Record<SettingsField, FieldError>>;

export type SettingsCheck = { ok: true; value: HostSettings } | { ok: false; errors: SettingsErrors };

const MODULE_MAX = 1024;

/**
 * The form's values checked by the contract's own schema (what the host would accept), with one
 * message per field that says what to type. Surrounding spaces are forgiven, not refused.
 */
export function checkSettings(input: { registerUrl: string; cardModule: string }): SettingsCheck {
  const value = { registerUrl: input.registerUrl.trim(), cardModule: input.cardModule.trim() };
  const errors: SettingsErrors = {};
  if (!HostSettings.shape.registerUrl.safeParse(value.registerUrl).success)
    errors.registerUrl = 'settings.registerUrl.invalid';
  if (value.cardModule === '') errors.cardModule = 'settings.cardModule.required';
  else if (value.cardModule.length > MODULE_MAX) errors.cardModule = 'settings.cardModule.tooLong';
  else if (!HostSettings.shape.cardModule.safeParse(value.cardModule).success)
    errors.cardModule = 'settings.cardModule.required';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: HostSettings.parse(value) };
}
