import { useT } from '../../../i18n/use-t';
import type { AllocationErrorKey } from '../lib/plan-draft';

/** The message beside a field; the field names it in aria-describedby. */
export function FieldError({ id, messageKey }: { id: string; messageKey: AllocationErrorKey | undefined }) {
  const t = useT();
  if (!messageKey) return null;
  return (
    <p className="allocation-field-error" id={id}>
      {t(messageKey)}
    </p>
  );
}

/** Props that tie a field to its message: invalid state and the description. */
export function describedBy(errorId: string, messageKey: AllocationErrorKey | undefined, hintId?: string) {
  const ids = [hintId, messageKey ? errorId : undefined].filter(Boolean).join(' ');
  return {
    'aria-invalid': messageKey ? true : undefined,
    'aria-describedby': ids === '' ? undefined : ids,
  } as const;
}
