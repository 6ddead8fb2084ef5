import type { AllocationOutcome } from '../../../../src-shared/register-api/registration';
import { useI18n } from '../../../i18n/use-t';

type Exclusion = NonNullable<AllocationOutcome['record']['draw']>['excluded'][number];

const EXCLUDED_BECAUSE = {
  absent: 'register.why.excluded.absent',
  excluded: 'register.why.excluded.excluded',
  recused: 'register.why.excluded.recused',
  not_panel_member: 'register.why.excluded.notPanelMember',
} as const satisfies Record<Exclusion['why'], string>;

/** Why the register chose this judge or panel, from the allocation log entry it wrote. */
export function AllocationReasons({ allocation }: { allocation: AllocationOutcome }) {
  const { t, plural, format } = useI18n();
  const { record, judges } = allocation;
  const draw = record.draw;
  const nameOf = (judgeId: string) => judges.find((judge) => judge.id === judgeId)?.name ?? null;
  return (
    <div className="allocation-reasons" data-testid="allocation-reasons">
      {record.kind === 'refiling' && record.earlierCase ? (
        <p>{t('register.why.refiling', { number: record.earlierCase.number })}</p>
      ) : null}
      {record.kind === 'draw' && draw ? (
        <>
          <p>
            {draw.panel ? t('register.why.drawPanel') : t('register.why.draw')}{' '}
            {record.planVersion !== null
              ? t('register.why.plan', { version: record.planVersion, rules: draw.rulesVersion })
              : null}
          </p>
          <p>{plural('register.why.candidates', draw.candidates.length)}</p>
          <ul className="allocation-reasons__list">
            {draw.candidates
              .filter((candidate) => record.judgeIds.includes(candidate.judgeId))
              .map((candidate) => (
                <li key={candidate.judgeId} className="num">
                  {t('register.why.load', {
                    name: nameOf(candidate.judgeId) ?? candidate.judgeId,
                    weight: format.number(candidate.weight),
                    workload: format.number(candidate.workload),
                  })}
                </li>
              ))}
          </ul>
          {draw.excluded.length > 0 ? (
            <>
              <p>{plural('register.why.excludedCount', draw.excluded.length)}</p>
              <ul className="allocation-reasons__list">
                {draw.excluded.map((exclusion) => (
                  <li key={`${exclusion.judgeId}-${exclusion.why}`}>
                    {t(EXCLUDED_BECAUSE[exclusion.why])}
                    {exclusion.reason ? ` — ${exclusion.reason}` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
      {record.kind !== 'draw' && record.kind !== 'refiling' ? <p>{t('register.why.other')}</p> : null}
      {record.reason ? <p>{t('register.why.reason', { reason: record.reason })}</p> : null}
      {record.lowPool || record.warnings.length > 0 ? (
        <div className="allocation-reasons__warning" role="note">
          {record.lowPool ? <p>{t('register.why.lowPool')}</p> : null}
          {record.warnings.length > 0 ? (
            <ul className="allocation-reasons__list">
              {record.warnings.map((warning, index) => (
                <li key={index}>{warning}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <p className="allocation-reasons__log num">
        {t('register.why.logEntry', { seq: record.seq, at: format.dateTime(record.at) })}
      </p>
    </div>
  );
}
