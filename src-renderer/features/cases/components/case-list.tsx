import type { Ref } from 'react';
import { useT } from '../../../i18n/use-t';
import type { CaseSummary } from '../api/case-queries';
import { useRovingFocus } from '../../../hooks/use-roving-focus';
import { CaseRow } from './case-row';

interface CaseListProps {
  cases: readonly CaseSummary[];
  openCaseId: string | null;
  onOpenCase: (caseId: string) => void;
  busy: boolean;
  ref?: Ref<HTMLUListElement>;
}

/** A single-select listbox; aria-selected marks the case open in the reading pane. */
export function CaseList({ cases, openCaseId, onOpenCase, busy, ref }: CaseListProps) {
  const t = useT();
  const openIndex = cases.findIndex((summary) => summary.id === openCaseId);
  const roving = useRovingFocus(cases.length, openIndex, (index) => {
    const summary = cases[index];
    if (summary) onOpenCase(summary.id);
  });

  return (
    <ul
      ref={ref}
      role="listbox"
      aria-label={t('cases.list.label')}
      aria-busy={busy}
      className="case-list"
      data-testid="case-list"
      onKeyDown={roving.onKeyDown}
    >
      {cases.map((summary, index) => (
        <CaseRow
          key={summary.id}
          summary={summary}
          selected={summary.id === openCaseId}
          onOpen={() => onOpenCase(summary.id)}
          {...roving.itemProps(index)}
        />
      ))}
    </ul>
  );
}
