import { useId, type ReactNode } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { useI18n } from '../../../i18n/use-t';

interface WorkSectionProps {
  title: string;
  /** Shown beside the title; null for sections that are not lists. */
  count: number | null;
  /** What will appear here, when there is nothing yet. */
  empty: { title: string; body: string } | null;
  className: string;
  testId: string;
  children?: ReactNode;
}

/** One labelled region of My work: a heading, its count, and the rows or an empty state. */
export function WorkSection({ title, count, empty, className, testId, children }: WorkSectionProps) {
  const { format } = useI18n();
  const headingId = useId();
  return (
    <section className={`work-section ${className}`} aria-labelledby={headingId} data-testid={testId}>
      <h2 className="work-section__title" id={headingId}>
        {title}
        {count === null ? null : <span className="work-section__count num">{format.number(count)}</span>}
      </h2>
      {empty ? (
        <div className="work-section__empty">
          <EmptyState title={empty.title}>{empty.body}</EmptyState>
        </div>
      ) : (
        children
      )}
    </section>
  );
}
