import { useMemo } from 'react';
import { useI18n } from '../../../i18n/use-t';

/**
 * The 24-hour time of an ISO date-time in the current language (`09:30`). The shared formatters
 * have dates and date-times only; a hearing today needs just its time.
 */
export function useTimeFormat(): (iso: string) => string {
  const { locale } = useI18n();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    return (iso: string) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : format.format(date);
    };
  }, [locale]);
}
