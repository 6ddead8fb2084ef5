import type { ReactNode } from 'react';
import { caseStatusKey, procedureTypeKey } from '../../../i18n/domain-labels';
import { useI18n } from '../../../i18n/use-t';
import type { CaseSnapshot } from '../api/case-queries';
import { RestrictionMarker } from './restriction-marker';

export function CaseFileHeader({ snapshot, headingId }: { snapshot: CaseSnapshot; headingId: string }) {
  const { t, format } = useI18n();
  const facts: Array<[label: string, value: ReactNode]> = [
    [t('caseFile.procedureType'), t(procedureTypeKey(snapshot.procedureType))],
    [t('caseFile.court'), snapshot.court.name],
    [t('caseFile.judge'), snapshot.judge?.name ?? t('cases.row.noJudge')],
    [t('caseFile.status'), t(caseStatusKey(snapshot.status))],
    [t('caseFile.registeredAt'), <span className="num">{format.date(snapshot.registeredAt)}</span>],
  ];
  if (snapshot.category) facts.push([t('caseFile.category'), snapshot.category]);
  if (snapshot.claimValueCents !== null) {
    facts.push([
      t('caseFile.claimValue'),
      <span className="num">{format.money(snapshot.claimValueCents)}</span>,
    ]);
  }
  facts.push([
    t('caseFile.access'),
    snapshot.restriction === 'none' ? (
      t('restriction.none')
    ) : (
      <RestrictionMarker restriction={snapshot.restriction} />
    ),
  ]);

  return (
    <header className="case-file__header">
      <h2 className="case-file__number" id={headingId}>
        <span className="num" data-testid="case-number">
          {snapshot.number}
        </span>
      </h2>
      <p className="case-file__subject">{snapshot.subject}</p>
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div className="facts__item" key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
