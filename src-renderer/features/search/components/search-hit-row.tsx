import type { Ref } from 'react';
import { caseStatusKey, procedureTypeKey, restrictionKey } from '../../../i18n/domain-labels';
import { useI18n } from '../../../i18n/use-t';
import { LockIcon } from '../../../components/icons';
import type { CaseSearchHit } from '../api/search-queries';
import { HighlightedText } from './highlighted-text';

type MatchField = CaseSearchHit['matches'][number]['field'];

const MATCHED_IN = {
  number: 'search.matchedIn.number',
  subject: 'search.matchedIn.subject',
  parties: 'search.matchedIn.parties',
  steps: 'search.matchedIn.steps',
  documents: 'search.matchedIn.documents',
} as const satisfies Record<MatchField, string>;

interface SearchHitRowProps {
  hit: CaseSearchHit;
  tabIndex: number;
  ref: Ref<HTMLLIElement>;
  onFocus: () => void;
  onOpen: () => void;
}

export function SearchHitRow({ hit, tabIndex, ref, onFocus, onOpen }: SearchHitRowProps) {
  const { t, format } = useI18n();
  return (
    <li
      ref={ref}
      role="option"
      aria-selected={false}
      tabIndex={tabIndex}
      className="search-hit"
      data-testid="search-hit"
      data-case-id={hit.id}
      onFocus={onFocus}
      onClick={onOpen}
    >
      <div className="search-hit__line">
        <span className="search-hit__number num">{hit.number}</span>
        <span className="search-hit__type">{t(procedureTypeKey(hit.procedureType))}</span>
        <span className="search-hit__status">{t(caseStatusKey(hit.status))}</span>
        {hit.restriction !== 'none' ? (
          <span className="search-hit__restriction">
            <LockIcon />
            {t(restrictionKey(hit.restriction))}
          </span>
        ) : null}
        <span className="search-hit__registered num">
          {t('search.hit.registered', { date: format.date(hit.registeredAt) })}
        </span>
      </div>
      <div className="search-hit__subject">{hit.subject}</div>
      <div className="search-hit__meta">
        <span>{hit.court.name}</span>
        <span>{hit.judge ? t('search.hit.judge', { name: hit.judge.name }) : t('search.hit.noJudge')}</span>
        {hit.partyNames.length > 0 ? <span>{hit.partyNames.join(' · ')}</span> : null}
      </div>
      {hit.matches.length > 0 ? (
        <div className="search-hit__matches">
          {hit.matches.map((match, index) => (
            <div key={index} className="search-hit__match" data-testid="search-match">
              <span className="search-hit__field">{t(MATCHED_IN[match.field])}</span>{' '}
              <span className="search-hit__snippet">
                <HighlightedText parts={match.parts} />
              </span>
            </div>
          ))}
        </div>
      ) : null}
    </li>
  );
}
