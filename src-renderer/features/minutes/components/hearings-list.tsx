import { useQuery } from '@tanstack/react-query';
import { domainLabel } from '../../../i18n/domain-labels';
import { EmptyState } from '../../../components/empty-state';
import { ErrorNotice } from '../../../components/error-notice';
import { Loading } from '../../../components/loading';
import { useI18n } from '../../../i18n/use-t';
import { hearingsQuery, useOpenMinutes, type HearingMinutesSummary } from '../api/minutes-queries';
import { STATUS_KEYS } from '../lib/labels';
import { useMinutesLinks } from '../lib/minutes-context';
import { DeadlineText } from './deadline-text';

/** The user's hearings from yesterday to a week ahead; "Ava protokoll" makes or opens the minutes. */
export function HearingsList() {
  const { t } = useI18n();
  const hearings = useQuery(hearingsQuery());
  return (
    <div className="minutes-screen minutes-screen--list">
      <h1 className="pane-title">{t('minutes.hearings.title')}</h1>
      {hearings.isPending ? <Loading label={t('minutes.hearings.loading')} /> : null}
      {hearings.isError ? (
        <ErrorNotice error={hearings.error} onRetry={() => void hearings.refetch()} />
      ) : null}
      {hearings.data?.length === 0 ? (
        <EmptyState title={t('minutes.hearings.empty.title')}>{t('minutes.hearings.empty.body')}</EmptyState>
      ) : null}
      {hearings.data && hearings.data.length > 0 ? <HearingsTable hearings={hearings.data} /> : null}
    </div>
  );
}

function HearingsTable({ hearings }: { hearings: readonly HearingMinutesSummary[] }) {
  const { t, format } = useI18n();
  const links = useMinutesLinks();
  const open = useOpenMinutes();
  return (
    <>
      {open.isError ? <ErrorNotice error={open.error} /> : null}
      <table className="table minutes-hearings" data-testid="minutes-hearings">
        <thead>
          <tr>
            <th scope="col">{t('minutes.hearings.time')}</th>
            <th scope="col">{t('minutes.hearings.case')}</th>
            <th scope="col">{t('minutes.hearings.room')}</th>
            <th scope="col">{t('minutes.hearings.kind')}</th>
            <th scope="col">{t('minutes.hearings.status')}</th>
            <th scope="col">{t('minutes.hearings.deadline')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('minutes.hearings.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {hearings.map((hearing) => {
            const when = format.dateTime(hearing.startsAt);
            const done = hearing.status === 'submitted' || hearing.status === 'filed';
            return (
              <tr
                key={hearing.hearingId}
                data-testid="minutes-hearing-row"
                data-hearing-id={hearing.hearingId}
              >
                <td className="num nowrap">
                  <time dateTime={hearing.startsAt}>{when}</time>
                </td>
                <th scope="row">
                  {links ? (
                    <a className="num" href={links.caseHref(hearing.caseId)}>
                      {hearing.caseNumber}
                    </a>
                  ) : (
                    <span className="num">{hearing.caseNumber}</span>
                  )}
                  <span className="minutes-subject">{hearing.subject}</span>
                </th>
                <td>{hearing.room}</td>
                <td>
                  {domainLabel(t, 'hearingKind', hearing.kind)}
                  <span className="minutes-note">{t(`minutes.role.${hearing.myRole}`)}</span>
                </td>
                <td data-testid="minutes-hearing-status">
                  {hearing.status === null ? t('minutes.status.none') : t(STATUS_KEYS[hearing.status])}
                </td>
                <td>
                  <DeadlineText deadline={hearing.deadline} done={done} />
                </td>
                <td>
                  <button
                    type="button"
                    className="button"
                    disabled={open.isPending}
                    aria-label={t('minutes.hearings.openLabel', {
                      caseNumber: hearing.caseNumber,
                      time: when,
                    })}
                    onClick={() =>
                      open.mutate(hearing.hearingId, {
                        onSuccess: (minutes) => links?.openMinutes(minutes.id),
                      })
                    }
                  >
                    {t('minutes.hearings.open')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
