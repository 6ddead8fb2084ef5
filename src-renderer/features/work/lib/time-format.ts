import { useI18n } from '../../../i18n/use-t';

/**
 * The 24-hour time of an ISO date-time in the current language (`09:30`): a hearing today needs
 * just its time. The formatter is the shared one (`format.time`), built once per language.
 */
export function useTimeFormat(): (iso: string) => string {
  return useI18n().format.time;
}
