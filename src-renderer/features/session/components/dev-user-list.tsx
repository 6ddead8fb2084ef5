import { useQuery } from '@tanstack/react-query';
import { ErrorNotice } from '../../../components/error-notice';
import { Loading } from '../../../components/loading';
import { useT } from '../../../i18n/use-t';
import { useDevSignIn } from '../api/session-mutations';
import { devUsersQuery } from '../api/session-queries';

export function DevUserList() {
  const t = useT();
  const users = useQuery(devUsersQuery());
  const signIn = useDevSignIn();

  if (users.isPending) return <Loading label={t('app.loading')} />;
  if (users.isError) return <ErrorNotice error={users.error} onRetry={() => void users.refetch()} />;
  if (users.data.length === 0) return <p className="sign-in__empty">{t('signIn.dev.empty')}</p>;

  return (
    <>
      <ul className="dev-users" aria-label={t('signIn.dev.usersLabel')}>
        {users.data.map((user) => (
          <li key={user.personalCode}>
            <button
              type="button"
              className="dev-user"
              disabled={signIn.isPending}
              onClick={() => signIn.mutate(user.personalCode)}
            >
              <span className="dev-user__name">{user.name}</span>
              <span className="dev-user__role">{user.roleLabel}</span>
            </button>
          </li>
        ))}
      </ul>
      {signIn.isPending ? <Loading label={t('signIn.dev.signingIn')} /> : null}
      {signIn.isError ? <ErrorNotice error={signIn.error} /> : null}
    </>
  );
}
