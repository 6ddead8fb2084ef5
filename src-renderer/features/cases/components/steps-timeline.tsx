import type { ProceduralStep } from '../../../../src-shared/domain/case';
import { domainLabel } from '../../../i18n/domain-labels';
import { useI18n } from '../../../i18n/use-t';
import { CaseSection } from './case-section';

/** Steps in the order they happened; an entry made on a later day says so (statute §10). */
export function StepsTimeline({ steps }: { steps: readonly ProceduralStep[] }) {
  const { t, format } = useI18n();
  const sorted = [...steps].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  return (
    <CaseSection title={t('caseFile.steps.title')} count={steps.length} empty={t('caseFile.steps.empty')}>
      <ol className="timeline">
        {sorted.map((step) => {
          const enteredLater = format.date(step.enteredAt) !== format.date(step.occurredAt);
          return (
            <li className="timeline__step" key={step.id}>
              <time className="timeline__date num" dateTime={step.occurredAt}>
                {format.date(step.occurredAt)}
              </time>
              <div className="timeline__body">
                <p className="timeline__kind">{domainLabel(t, 'stepKind', step.kind)}</p>
                <p className="timeline__description">{step.description}</p>
                {enteredLater ? (
                  <p className="timeline__entered num">
                    {t('caseFile.steps.entered', { date: format.date(step.enteredAt) })}
                  </p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </CaseSection>
  );
}
