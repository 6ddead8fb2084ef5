import { useI18n } from '../../../i18n/use-t';
import { signInErrorText } from '../lib/sign-in-errors';

/** A failed sign-in, translated by its reason; announced at once. */
export function SignInError({ error }: { error: unknown }) {
  const i18n = useI18n();
  const { text, details } = signInErrorText(i18n, error);
  return (
    <div className="notice notice--error sign-in__error" role="alert" data-testid="sign-in-error">
      <p className="notice__text">{text}</p>
      {details ? <p className="notice__details">{i18n.t('error.details', { message: details })}</p> : null}
    </div>
  );
}
