import { useEffect, useRef } from 'react';
import type { RegistrationResponse } from '../../../../src-shared/register-api/registration';
import { procedureTypeKey } from '../../../i18n/domain-labels';
import { useI18n } from '../../../i18n/use-t';
import { AllocationReasons } from './allocation-reasons';

interface RegistrationResultProps {
  result: RegistrationResponse;
  onOpenCase: (caseId: string) => void;
  onRegisterAnother: () => void;
}

/** The case number, large; who got the case and why; then what to do next. */
export function RegistrationResult({ result, onOpenCase, onRegisterAnother }: RegistrationResultProps) {
  const { t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const judges = result.allocation?.judges ?? [];
  const panel = judges.length > 1;
  return (
    <section
      className="registration-result"
      aria-labelledby="registration-result-title"
      data-testid="registration-result"
    >
      <h2
        id="registration-result-title"
        className="registration-result__title"
        ref={headingRef}
        tabIndex={-1}
      >
        {t('register.result.title')}
      </h2>
      <p className="registration-result__label">{t('register.result.number')}</p>
      <p className="registration-result__number num" data-testid="registered-number">
        {result.number}
      </p>
      <p className="registration-result__meta">
        {result.case.court.name} · {t(procedureTypeKey(result.case.procedureType))}
      </p>
      <h3 className="registration-result__subtitle">
        {panel ? t('register.result.panel') : t('register.result.judge')}
      </h3>
      {result.allocation && judges.length > 0 ? (
        <ul className="registration-result__judges" data-testid="allocated-judges">
          {judges.map((judge, index) => (
            <li key={judge.id}>
              {judge.name}
              {panel && index === 0 ? ` (${t('register.result.presiding')})` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <div className="allocation-reasons__warning" role="note">
          <p>{t('register.result.noJudge')}</p>
          {result.allocationNote ? <p>{result.allocationNote}</p> : null}
        </div>
      )}
      {result.allocation ? (
        <>
          <h3 className="registration-result__subtitle">{t('register.result.why')}</h3>
          <AllocationReasons allocation={result.allocation} />
        </>
      ) : null}
      <div className="registration-result__actions">
        <button
          type="button"
          className="button register-button--primary"
          onClick={() => onOpenCase(result.case.id)}
        >
          {t('register.result.open')}
        </button>
        <button type="button" className="button" onClick={onRegisterAnother}>
          {t('register.result.another')}
        </button>
      </div>
    </section>
  );
}
