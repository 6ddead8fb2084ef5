import type { Ref } from 'react';
import { procedureTypeKey } from '../../../i18n/domain-labels';
import { useI18n } from '../../../i18n/use-t';
import type { CaseSummary } from '../api/case-queries';
import { RestrictionMarker } from './restriction-marker';

interface CaseRowProps {
  summary: CaseSummary;
  selected: boolean;
  tabIndex: number;
  ref: Ref<HTMLLIElement>;
  onFocus: () => void;
  onOpen: () => void;
}

export function CaseRow({ summary, selected, tabIndex, ref, onFocus, onOpen }: CaseRowProps) {
  const { t, format } = useI18n();
  return (
    <li
      ref={ref}
      role="option"
      aria-selected={selected}
      tabIndex={tabIndex}
      className="case-row"
      data-testid="case-row"
      data-case-id={summary.id}
      onFocus={onFocus}
      onClick={onOpen}
    >
      <div className="case-row__line">
        <span className="case-row__number num">{summary.number}</span>
        <span className="case-row__type">{t(procedureTypeKey(summary.procedureType))}</span>
        <RestrictionMarker restriction={summary.restriction} />
        {summary.nextHearingAt ? (
          <span className="case-row__hearing num">
            {t('cases.row.nextHearing', { date: format.dateTime(summary.nextHearingAt) })}
          </span>
        ) : null}
      </div>
      <div className="case-row__subject">{summary.subject}</div>
      <div className="case-row__meta">
        {summary.partyNames.length > 0 ? (
          <span className="case-row__parties">{summary.partyNames.join(' · ')}</span>
        ) : null}
        <span className="case-row__judge">
          {summary.judge ? t('cases.row.judge', { name: summary.judge.name }) : t('cases.row.noJudge')}
        </span>
      </div>
    </li>
  );
}
