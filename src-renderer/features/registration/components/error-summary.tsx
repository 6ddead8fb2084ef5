import type { Ref } from 'react';
import { useT } from '../../../i18n/use-t';
import type { FieldError } from '../lib/registration-draft';

/** What to fix, with links to the fields (GOV.UK's error summary); focused after a failed try. */
export function ErrorSummary({ errors, ref }: { errors: readonly FieldError[]; ref?: Ref<HTMLDivElement> }) {
  const t = useT();
  const rowLabel = (row: FieldError['row']) =>
    row === undefined
      ? ''
      : row.kind === 'party'
        ? `${t('register.party.legend', { number: row.number })}: `
        : `${t('register.document.legend', { number: row.number })}: `;
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} data-testid="error-summary">
      <h2 className="error-summary__title">{t('register.errors.title')}</h2>
      <ul className="error-summary__list">
        {errors.map((error) => (
          <li key={error.fieldId}>
            <a
              href={`#${error.fieldId}`}
              onClick={(event) => {
                // The app routes by the hash: focus the field instead of following the link.
                event.preventDefault();
                const field = document.getElementById(error.fieldId);
                field?.focus();
                field?.scrollIntoView?.({ block: 'center' });
              }}
            >
              {rowLabel(error.row)}
              {t(error.message)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
