import { useId } from 'react';
import type { SearchFacets } from '../../../../src-shared/contract/workspace';
import { CaseStatus } from '../../../../src-shared/domain/case';
import { PROCEDURE_TYPES, ProcedureType } from '../../../../src-shared/domain/procedure-type';
import { SearchIcon } from '../../../components/icons';
import { caseStatusKey, procedureTypeKey } from '../../../i18n/domain-labels';
import { useT } from '../../../i18n/use-t';
import type { SearchFilters as Filters } from '../hooks/use-search';

interface SearchFiltersProps {
  text: string;
  onTextChange: (text: string) => void;
  filters: Filters;
  onFilterChange: <K extends keyof Filters>(key: K, value: Filters[K]) => void;
  onClear: () => void;
  facets: SearchFacets | undefined;
  datesReversed: boolean;
  /** ArrowDown in the search box continues into the results. */
  onEnterList: () => void;
}

export function SearchFilters(props: SearchFiltersProps) {
  const t = useT();
  const id = useId();
  const { filters, onFilterChange, facets } = props;
  const dateErrorId = `${id}-dates`;
  return (
    <div className="search-filters" role="search" aria-label={t('search.filters.label')}>
      <div className="search-filters__text">
        <label htmlFor={`${id}-text`} className="search-filters__label">
          {t('search.text.label')}
        </label>
        <div className="search-field">
          <SearchIcon className="search-field__icon" />
          <input
            id={`${id}-text`}
            type="search"
            className="input search-field__input"
            placeholder={t('search.text.placeholder')}
            value={props.text}
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            onChange={(event) => props.onTextChange(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown') {
                event.preventDefault();
                props.onEnterList();
              }
            }}
          />
        </div>
      </div>
      <div className="search-filters__row">
        <div className="search-filters__field">
          <label htmlFor={`${id}-type`}>{t('search.filter.procedureType')}</label>
          <select
            id={`${id}-type`}
            className="select"
            value={filters.procedureType}
            onChange={(event) => {
              const parsed = ProcedureType.safeParse(event.target.value);
              onFilterChange('procedureType', parsed.success ? parsed.data : '');
            }}
          >
            <option value="">{t('search.filter.any')}</option>
            {PROCEDURE_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(procedureTypeKey(type))}
              </option>
            ))}
          </select>
        </div>
        <div className="search-filters__field">
          <label htmlFor={`${id}-status`}>{t('search.filter.status')}</label>
          <select
            id={`${id}-status`}
            className="select"
            value={filters.status}
            onChange={(event) => {
              const parsed = CaseStatus.safeParse(event.target.value);
              onFilterChange('status', parsed.success ? parsed.data : '');
            }}
          >
            <option value="">{t('search.filter.any')}</option>
            {CaseStatus.options.map((status) => (
              <option key={status} value={status}>
                {t(caseStatusKey(status))}
              </option>
            ))}
          </select>
        </div>
        <div className="search-filters__field">
          <label htmlFor={`${id}-court`}>{t('search.filter.court')}</label>
          <select
            id={`${id}-court`}
            className="select"
            value={filters.courtCode}
            onChange={(event) => onFilterChange('courtCode', event.target.value)}
          >
            <option value="">{t('search.filter.any')}</option>
            {(facets?.courts ?? []).map((court) => (
              <option key={court.code} value={court.code}>
                {court.name}
              </option>
            ))}
          </select>
        </div>
        <div className="search-filters__field">
          <label htmlFor={`${id}-judge`}>{t('search.filter.judge')}</label>
          <select
            id={`${id}-judge`}
            className="select"
            value={filters.judgeId}
            onChange={(event) => onFilterChange('judgeId', event.target.value)}
          >
            <option value="">{t('search.filter.any')}</option>
            {(facets?.judges ?? []).map((judge) => (
              <option key={judge.id} value={judge.id}>
                {judge.name}
              </option>
            ))}
          </select>
        </div>
        <div className="search-filters__field">
          <label htmlFor={`${id}-from`}>{t('search.filter.registeredFrom')}</label>
          <input
            id={`${id}-from`}
            type="date"
            className="input"
            value={filters.registeredFrom}
            aria-invalid={props.datesReversed}
            aria-describedby={props.datesReversed ? dateErrorId : undefined}
            onChange={(event) => onFilterChange('registeredFrom', event.target.value)}
          />
        </div>
        <div className="search-filters__field">
          <label htmlFor={`${id}-to`}>{t('search.filter.registeredTo')}</label>
          <input
            id={`${id}-to`}
            type="date"
            className="input"
            value={filters.registeredTo}
            aria-invalid={props.datesReversed}
            aria-describedby={props.datesReversed ? dateErrorId : undefined}
            onChange={(event) => onFilterChange('registeredTo', event.target.value)}
          />
        </div>
        <button type="button" className="button search-filters__clear" onClick={props.onClear}>
          {t('search.filter.clear')}
        </button>
      </div>
      {props.datesReversed ? (
        <p id={dateErrorId} className="search-filters__error" role="alert">
          {t('search.filter.datesReversed')}
        </p>
      ) : null}
    </div>
  );
}
