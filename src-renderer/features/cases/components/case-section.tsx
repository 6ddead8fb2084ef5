import { useId, type ReactNode } from 'react';
import { useI18n } from '../../../i18n/use-t';

/** One titled part of the case file, with its count and an empty text when there is nothing. */
export function CaseSection(props: { title: string; count: number; empty: string; children: ReactNode }) {
  const { format } = useI18n();
  const headingId = useId();
  return (
    <section className="case-section" aria-labelledby={headingId}>
      <h3 className="case-section__title" id={headingId}>
        {props.title} <span className="case-section__count num">{format.number(props.count)}</span>
      </h3>
      {props.count === 0 ? <p className="case-section__empty">{props.empty}</p> : props.children}
    </section>
  );
}
