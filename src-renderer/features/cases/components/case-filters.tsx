import { useId } from 'react';
import { PROCEDURE_TYPES, type ProcedureType } from '../../../../src-shared/domain/procedure-type';
import { SearchIcon } from '../../../components/icons';
import { procedureTypeKey } from '../../../i18n/domain-labels';
import { useT } from '../../../i18n/use-t';

interface CaseFiltersProps {
  text: string;
  onTextChange: (text: string) => void;
  procedureType: ProcedureType | '';
  onProcedureTypeChange: (type: ProcedureType | '') => void;
  /** ArrowDown in the search box continues into the results. */
  onEnterList: () => void;
}

const isProcedureType = (value: string): value is ProcedureType =>
  (PROCEDURE_TYPES as readonly string[]).includes(value);

export function CaseFilters(props: CaseFiltersProps) {
  const t = useT();
  const searchId = useId();
  const typeId = useId();
  return (
    <div className="case-filters" role="search">
      <label className="visually-hidden" htmlFor={searchId}>
        {t('cases.search.label')}
      </label>
      <div className="search-field">
        <SearchIcon className="search-field__icon" />
        <input
          id={searchId}
          type="search"
          className="input search-field__input"
          placeholder={t('cases.search.placeholder')}
          value={props.text}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => props.onTextChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              props.onEnterList();
            }
          }}
        />
      </div>
      <label className="case-filters__type-label" htmlFor={typeId}>
        {t('cases.filter.procedureType')}
      </label>
      <select
        id={typeId}
        className="select"
        value={props.procedureType}
        onChange={(event) => {
          const value = event.target.value;
          props.onProcedureTypeChange(isProcedureType(value) ? value : '');
        }}
      >
        <option value="">{t('procedureType.all')}</option>
        {PROCEDURE_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(procedureTypeKey(type))}
          </option>
        ))}
      </select>
    </div>
  );
}
