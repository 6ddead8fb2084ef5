import { useId } from 'react';
import type { Minutes, MinutesOp } from '../../../../src-shared/contract/minutes';
import { domainLabel } from '../../../i18n/domain-labels';
import { useI18n } from '../../../i18n/use-t';

type HeaderPatch = Extract<MinutesOp, { op: 'header' }>['patch'];

/** Court, place, date, composition, secretary, case, public or closed (with why), interpreter. */
export function HeaderBlock({
  minutes,
  readOnly,
  apply,
  onBlur,
}: {
  minutes: Minutes;
  readOnly: boolean;
  apply(...ops: MinutesOp[]): void;
  onBlur(): void;
}) {
  const { t, format } = useI18n();
  const headingId = useId();
  const { header, participants } = minutes;
  const patch = (value: HeaderPatch) => apply({ op: 'header', patch: value });
  const judges = participants.filter((p) => p.role === 'judge');
  const names = (role: string) =>
    participants
      .filter((p) => p.role === role)
      .map((p) => p.name)
      .join(', ') || t('minutes.header.none');
  return (
    <section className="minutes-section" aria-labelledby={headingId} data-testid="minutes-header">
      <h2 className="minutes-section__title" id={headingId}>
        {t('minutes.header.title')}
      </h2>
      <dl className="minutes-facts">
        <dt>{t('minutes.header.date')}</dt>
        <dd className="num">{format.date(`${header.date}T12:00:00Z`)}</dd>
        <dt>{t('minutes.header.scheduled')}</dt>
        <dd className="num">{format.dateTime(header.scheduledAt)}</dd>
        <dt>{t('minutes.header.kind')}</dt>
        <dd>{domainLabel(t, 'hearingKind', header.hearingKind)}</dd>
        <dt>{t('minutes.header.composition')}</dt>
        <dd>{names('judge')}</dd>
        <dt>{t('minutes.header.secretary')}</dt>
        <dd>{names('secretary')}</dd>
        <dt>{t('minutes.header.interpreter')}</dt>
        <dd>{names('interpreter')}</dd>
      </dl>
      <label className="minutes-field">
        <span>{t('minutes.header.court')}</span>
        <input
          className="input"
          value={header.court}
          readOnly={readOnly}
          maxLength={300}
          onChange={(event) => patch({ court: event.target.value })}
          onBlur={onBlur}
        />
      </label>
      <label className="minutes-field">
        <span>{t('minutes.header.place')}</span>
        <input
          className="input"
          value={header.place}
          readOnly={readOnly}
          maxLength={300}
          onChange={(event) => patch({ place: event.target.value })}
          onBlur={onBlur}
        />
      </label>
      <label className="minutes-field">
        <span>{t('minutes.header.subject')}</span>
        <textarea
          className="input minutes-textarea"
          rows={2}
          value={header.subject}
          readOnly={readOnly}
          maxLength={2000}
          onChange={(event) => patch({ subject: event.target.value })}
          onBlur={onBlur}
        />
      </label>
      <label className="minutes-field">
        <span>{t('minutes.header.presiding')}</span>
        <select
          className="select"
          id="minutes-presiding"
          value={header.presidingJudgeId ?? ''}
          disabled={readOnly}
          onChange={(event) =>
            patch({ presidingJudgeId: event.target.value === '' ? null : event.target.value })
          }
        >
          <option value="">{t('minutes.header.presidingNone')}</option>
          {judges.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="minutes-check">
        <input
          type="checkbox"
          checked={header.public}
          disabled={readOnly}
          data-testid="minutes-public"
          onChange={(event) => patch({ public: event.target.checked })}
        />
        <span>{t('minutes.header.public')}</span>
      </label>
      {header.public ? null : (
        <label className="minutes-field">
          <span>{t('minutes.header.closedReason')}</span>
          <textarea
            className="input minutes-textarea"
            id="minutes-closed-reason"
            rows={2}
            value={header.closedReason}
            readOnly={readOnly}
            maxLength={2000}
            onChange={(event) => patch({ closedReason: event.target.value })}
            onBlur={onBlur}
          />
        </label>
      )}
    </section>
  );
}
