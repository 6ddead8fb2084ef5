import { useRef } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { ErrorNotice } from '../../../components/error-notice';
import { Loading } from '../../../components/loading';
import { useI18n } from '../../../i18n/use-t';
import { SEARCH_LIMIT } from '../api/search-queries';
import { useSearch } from '../hooks/use-search';
import { SearchFilters } from './search-filters';
import { SearchResults } from './search-results';
import './search.css';

export interface SearchScreenProps {
  onOpenCase: (caseId: string) => void;
}

/** Finds cases in the local cache by number, parties, subject, steps and documents, with filters. */
export function SearchScreen({ onOpenCase }: SearchScreenProps) {
  const { t, plural, format } = useI18n();
  const search = useSearch();
  const listRef = useRef<HTMLUListElement>(null);
  const { results } = search;
  const hits = search.asked && !search.datesReversed ? results.data : undefined;

  const enterList = () =>
    listRef.current?.querySelector<HTMLElement>('[role="option"][tabindex="0"]')?.focus();

  return (
    <div className="search-screen" data-testid="search-screen">
      <header className="list-pane__header">
        <h1 className="pane-title">{t('search.title')}</h1>
        <SearchFilters
          text={search.text}
          onTextChange={search.setText}
          filters={search.filters}
          onFilterChange={search.setFilter}
          onClear={search.clearFilters}
          facets={search.facets.data}
          datesReversed={search.datesReversed}
          onEnterList={enterList}
        />
        <p className="list-pane__count num" aria-live="polite" data-testid="search-count">
          {hits ? plural('search.count', hits.length) : ''}
        </p>
      </header>
      <section className="list-pane__body" aria-label={t('search.results.label')}>
        {!search.asked ? (
          <EmptyState title={t('search.intro.title')}>{t('search.intro.body')}</EmptyState>
        ) : null}
        {search.asked && results.isLoading ? <Loading label={t('search.loading')} /> : null}
        {search.asked && results.isError ? (
          <ErrorNotice error={results.error} onRetry={() => void results.refetch()} />
        ) : null}
        {hits && hits.length === 0 ? (
          <EmptyState title={t('search.noMatch.title')}>{t('search.noMatch.body')}</EmptyState>
        ) : null}
        {hits && hits.length > 0 ? (
          <SearchResults ref={listRef} hits={hits} onOpenCase={onOpenCase} busy={results.isPlaceholderData} />
        ) : null}
        {hits && hits.length >= SEARCH_LIMIT ? (
          <p className="list-pane__limited">{t('search.limited', { count: format.number(SEARCH_LIMIT) })}</p>
        ) : null}
      </section>
    </div>
  );
}
