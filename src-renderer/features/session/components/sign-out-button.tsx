import { SignOutIcon } from '../../../components/icons';
import { useT } from '../../../i18n/use-t';
import { useSignOut } from '../api/session-mutations';

export function SignOutButton() {
  const t = useT();
  const signOut = useSignOut();
  return (
    <button
      type="button"
      className="button button--quiet"
      onClick={() => signOut.mutate()}
      disabled={signOut.isPending}
    >
      <SignOutIcon />
      {t('status.signOut')}
    </button>
  );
}
