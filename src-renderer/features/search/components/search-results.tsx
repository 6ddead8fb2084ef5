import type { Ref } from 'react';
import { useRovingFocus } from '../../../hooks/use-roving-focus';
import { useT } from '../../../i18n/use-t';
import type { CaseSearchHit } from '../api/search-queries';
import { SearchHitRow } from './search-hit-row';

interface SearchResultsProps {
  hits: readonly CaseSearchHit[];
  onOpenCase: (caseId: string) => void;
  busy: boolean;
  ref?: Ref<HTMLUListElement>;
}

/** Arrow keys, Home/End and PageUp/PageDown move through the hits; Enter or a click opens one. */
export function SearchResults({ hits, onOpenCase, busy, ref }: SearchResultsProps) {
  const t = useT();
  const roving = useRovingFocus(hits.length, -1, (index) => {
    const hit = hits[index];
    if (hit) onOpenCase(hit.id);
  });
  return (
    <ul
      ref={ref}
      role="listbox"
      aria-label={t('search.results.label')}
      aria-busy={busy}
      className="search-results"
      data-testid="search-results"
      onKeyDown={roving.onKeyDown}
    >
      {hits.map((hit, index) => (
        <SearchHitRow key={hit.id} hit={hit} onOpen={() => onOpenCase(hit.id)} {...roving.itemProps(index)} />
      ))}
    </ul>
  );
}
