import { useId, useState } from 'react';
import { saveExportedFile } from '../../../lib/exported-file';
import { AppError } from '../../../platform/chambers';
import { useI18n } from '../../../i18n/use-t';
import {
  useCheckMinutes,
  useExportMinutes,
  useMinutesTransition,
  type MinutesIssue,
} from '../api/minutes-queries';
import type { MinutesSync } from '../hooks/use-minutes-sync';
import { KIND_KEYS } from '../lib/labels';
import { ApproveDialog } from './approve-dialog';
import { participantElementId } from './attendance';
import { entryElementId } from './timeline';

/** Where an issue is fixed: the control to focus. */
function placeOf(issue: MinutesIssue): string | null {
  if (issue.entryId) return entryElementId(issue.entryId);
  if (issue.participantId) return participantElementId(issue.participantId);
  switch (issue.code) {
    case 'start-time-missing':
      return 'minutes-start';
    case 'end-time-missing':
    case 'end-before-start':
      return 'minutes-end';
    case 'presiding-judge-missing':
      return 'minutes-presiding';
    case 'closed-reason-missing':
      return 'minutes-closed-reason';
    case 'no-entries':
    case 'pronouncement-missing':
      return 'minutes-composer-text';
    default:
      return null;
  }
}

function focusPlace(id: string): void {
  const place = document.getElementById(id);
  if (!place) return;
  const target =
    place instanceof HTMLInputElement ||
    place instanceof HTMLTextAreaElement ||
    place instanceof HTMLSelectElement ||
    place instanceof HTMLButtonElement
      ? place
      : place.querySelector<HTMLElement>('textarea, input, select, button');
  place.scrollIntoView?.({ block: 'center' });
  target?.focus();
}

/** Check → finalise → approve → export / submit; each issue of the check linked to its place. */
export function FinishPanel({ sync }: { sync: MinutesSync }) {
  const { t, format } = useI18n();
  const headingId = useId();
  const { minutes } = sync;
  const check = useCheckMinutes(minutes.id);
  const transition = useMinutesTransition(minutes.id);
  const exporting = useExportMinutes(minutes.id);
  const [issues, setIssues] = useState<MinutesIssue[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [approving, setApproving] = useState(false);
  const busy = check.isPending || transition.isPending || exporting.isPending;

  const run = async (action: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(error);
    }
  };
  const runCheck = () =>
    run(async () => {
      await sync.settle();
      setIssues(await check.mutateAsync());
    });
  const finalise = () =>
    run(async () => {
      await sync.settle();
      const found = await check.mutateAsync();
      setIssues(found);
      if (found.some((issue) => issue.severity === 'error')) return;
      await transition.mutateAsync('finalise');
    });
  const exportDocx = () =>
    run(async () => {
      await sync.settle();
      saveExportedFile(await exporting.mutateAsync());
    });

  const entryName = (id: string | undefined) => {
    const entry = minutes.entries.find((e) => e.id === id);
    return entry ? `${format.time(entry.at, { seconds: true })} (${t(KIND_KEYS[entry.kind])})` : '';
  };
  const describe = (issue: MinutesIssue): string => {
    const name = minutes.participants.find((p) => p.id === issue.participantId)?.name ?? '';
    const entry = entryName(issue.entryId);
    switch (issue.code) {
      case 'attendance-missing':
        return t('minutes.issue.attendance-missing', { name });
      case 'entry-text-missing':
      case 'speaker-missing':
      case 'application-without-ruling':
      case 'appeal-route-missing':
        return t(`minutes.issue.${issue.code}`, { entry });
      default:
        return t(`minutes.issue.${issue.code}`);
    }
  };
  const errors = issues?.filter((i) => i.severity === 'error') ?? [];
  const warnings = issues?.filter((i) => i.severity === 'warning') ?? [];
  const reason = failure instanceof AppError || failure instanceof Error ? failure.message : '';
  const { status } = minutes;
  const submittable = status === 'approved' || (status === 'submitted' && minutes.filing?.state === 'failed');

  const issueList = (list: MinutesIssue[], testId: string) => (
    <ul className="minutes-issues" data-testid={testId}>
      {list.map((issue, index) => {
        const place = placeOf(issue);
        return (
          <li
            key={`${issue.code}-${issue.entryId ?? issue.participantId ?? ''}-${index}`}
            data-code={issue.code}
          >
            <span>{describe(issue)}</span>{' '}
            {place ? (
              <button type="button" className="button button--quiet" onClick={() => focusPlace(place)}>
                {t('minutes.check.goTo')}
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );

  return (
    <section
      className="minutes-section minutes-finish"
      aria-labelledby={headingId}
      data-testid="minutes-finish"
    >
      <h2 className="minutes-section__title" id={headingId}>
        {t('minutes.finish.title')}
      </h2>
      <div className="minutes-finish__actions">
        {status === 'draft' ? (
          <>
            <button type="button" className="button" disabled={busy} onClick={() => void runCheck()}>
              {t('minutes.check')}
            </button>
            <button
              type="button"
              className="button minutes-primary"
              disabled={busy}
              onClick={() => void finalise()}
            >
              {t('minutes.finalise')}
            </button>
          </>
        ) : null}
        {status === 'finalised' || status === 'approved' ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void run(() => transition.mutateAsync('reopen'))}
          >
            {t('minutes.reopen')}
          </button>
        ) : null}
        {status === 'finalised' ? (
          // The presiding judge approves with their own ID card on this computer.
          <button
            type="button"
            className="button minutes-primary"
            disabled={busy}
            aria-haspopup="dialog"
            onClick={() => setApproving(true)}
          >
            {t('minutes.approve')}
          </button>
        ) : null}
        {submittable ? (
          <button
            type="button"
            className="button minutes-primary"
            disabled={busy}
            onClick={() => void run(() => transition.mutateAsync('submit'))}
          >
            {t('minutes.submit')}
          </button>
        ) : null}
        <button type="button" className="button" disabled={busy} onClick={() => void exportDocx()}>
          {t('minutes.export')}
        </button>
      </div>
      <ApproveDialog
        minutes={minutes}
        open={approving && status === 'finalised'}
        onClose={() => setApproving(false)}
      />
      {minutes.approvedBy && minutes.approvedAt ? (
        <p data-testid="minutes-approved">
          {t('minutes.approvedBy', {
            name: minutes.approvedBy.name,
            time: format.dateTime(minutes.approvedAt),
          })}
        </p>
      ) : null}
      {failure ? (
        <p className="minutes-problem" role="alert">
          {t('minutes.action.failed', { reason })}
        </p>
      ) : null}
      {issues !== null ? (
        <div className="minutes-check-result" data-testid="minutes-check-result" aria-live="polite">
          {issues.length === 0 ? <p>{t('minutes.check.ok')}</p> : null}
          {errors.length > 0 ? (
            <>
              <h3 className="minutes-subtitle">{t('minutes.check.errors')}</h3>
              {issueList(errors, 'minutes-check-errors')}
            </>
          ) : null}
          {warnings.length > 0 ? (
            <>
              <h3 className="minutes-subtitle">{t('minutes.check.warnings')}</h3>
              {issueList(warnings, 'minutes-check-warnings')}
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
