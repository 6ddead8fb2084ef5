import { useRef } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { ErrorNotice } from '../../../components/error-notice';
import { Loading } from '../../../components/loading';
import { useI18n } from '../../../i18n/use-t';
import { CASE_LIST_LIMIT } from '../api/case-queries';
import { useCaseSearch } from '../hooks/use-case-search';
import { CaseFilters } from './case-filters';
import { CaseList } from './case-list';

interface CaseListPaneProps {
  openCaseId: string | null;
  onOpenCase: (caseId: string) => void;
}

export function CaseListPane({ openCaseId, onOpenCase }: CaseListPaneProps) {
  const { t, plural, format } = useI18n();
  const search = useCaseSearch();
  const listRef = useRef<HTMLUListElement>(null);
  const { results } = search;

  const enterList = () =>
    listRef.current?.querySelector<HTMLElement>('[role="option"][tabindex="0"]')?.focus();

  return (
    <>
      <div className="list-pane__header">
        <h1 className="pane-title" id="cases-heading">
          {t('cases.title')}
        </h1>
        <CaseFilters
          text={search.text}
          onTextChange={search.setText}
          procedureType={search.procedureType}
          onProcedureTypeChange={search.setProcedureType}
          onEnterList={enterList}
        />
        <p className="list-pane__count num" aria-live="polite">
          {results.data ? plural('cases.count', results.data.length) : ''}
        </p>
      </div>
      <div className="list-pane__body">
        {results.isPending ? <Loading label={t('cases.loading')} /> : null}
        {results.isError ? (
          <ErrorNotice error={results.error} onRetry={() => void results.refetch()} />
        ) : null}
        {results.data && results.data.length === 0 ? (
          search.filtered ? (
            <EmptyState title={t('cases.noMatch.title')}>{t('cases.noMatch.body')}</EmptyState>
          ) : (
            <EmptyState title={t('cases.empty.title')}>{t('cases.empty.body')}</EmptyState>
          )
        ) : null}
        {results.data && results.data.length > 0 ? (
          <CaseList
            ref={listRef}
            cases={results.data}
            openCaseId={openCaseId}
            onOpenCase={onOpenCase}
            busy={results.isPlaceholderData}
          />
        ) : null}
        {results.data && results.data.length >= CASE_LIST_LIMIT ? (
          <p className="list-pane__limited">
            {t('cases.limited', { count: format.number(CASE_LIST_LIMIT) })}
          </p>
        ) : null}
      </div>
    </>
  );
}
