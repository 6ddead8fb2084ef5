import { EmptyState } from '../../../components/empty-state';
import { useT } from '../../../i18n/use-t';
import { useRegistrationForm } from '../hooks/use-registration-form';
import { RegistrationForm } from './registration-form';
import { RegistrationResult } from './registration-result';
import './registration.css';

export interface RegisterCaseScreenProps {
  /** The courts where the user may `case.register` (courtsWhere); a select when more than one. */
  courts: string[];
  onOpenCase: (caseId: string) => void;
}

/** Chancery registers a case on the register: it gets its number and its judge there, at once. */
export function RegisterCaseScreen({ courts, onOpenCase }: RegisterCaseScreenProps) {
  const t = useT();
  const form = useRegistrationForm(courts);
  return (
    <div className="register-screen" data-testid="register-screen">
      <div className="register-screen__inner">
        <h1 className="register-screen__title" id="register-title">
          {t('register.title')}
        </h1>
        {courts.length === 0 ? (
          <EmptyState title={t('register.noCourts.title')}>{t('register.noCourts.body')}</EmptyState>
        ) : form.mutation.isSuccess ? (
          <RegistrationResult
            result={form.mutation.data}
            onOpenCase={onOpenCase}
            onRegisterAnother={form.reset}
          />
        ) : (
          <>
            <p className="register-screen__intro">{t('register.intro')}</p>
            <RegistrationForm courts={courts} form={form} />
          </>
        )}
      </div>
    </div>
  );
}
