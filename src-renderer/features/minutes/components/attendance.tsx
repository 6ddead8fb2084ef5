import { useId, useState } from 'react';
import {
  ParticipantRole,
  type Minutes,
  type MinutesOp,
  type Participant,
} from '../../../../src-shared/contract/minutes';
import { domainLabel } from '../../../i18n/domain-labels';
import { useI18n } from '../../../i18n/use-t';
import { ATTENDANCE_KEYS, ATTENDANCES, ROLE_KEYS } from '../lib/labels';

interface AttendanceProps {
  minutes: Minutes;
  readOnly: boolean;
  apply(...ops: MinutesOp[]): void;
  newId?: () => string;
}

export const participantElementId = (participantId: string) =>
  `minutes-participant-${participantId.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** Each participant with present / absent / excused / by video, and a form to add one. */
export function AttendanceSection({ minutes, readOnly, apply, newId }: AttendanceProps) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section className="minutes-section" aria-labelledby={headingId} data-testid="minutes-attendance">
      <h2 className="minutes-section__title" id={headingId}>
        {t('minutes.attendance.title')}
      </h2>
      <ul className="minutes-participants">
        {minutes.participants.map((p, index) => (
          <ParticipantRow key={p.id} participant={p} index={index} readOnly={readOnly} apply={apply} />
        ))}
      </ul>
      {readOnly ? null : <AddParticipant apply={apply} newId={newId} />}
    </section>
  );
}

function ParticipantRow({
  participant: p,
  index,
  readOnly,
  apply,
}: {
  participant: Participant;
  index: number;
  readOnly: boolean;
  apply(...ops: MinutesOp[]): void;
}) {
  const { t } = useI18n();
  const name = useId();
  return (
    <li className="minutes-participant" data-testid="minutes-participant" data-participant-id={p.id}>
      <fieldset className="minutes-participant__group" id={participantElementId(p.id)}>
        <legend className="minutes-participant__name">
          {index < 9 ? <kbd className="minutes-participant__key">{`${index + 1}`}</kbd> : null}
          <span>{p.name}</span>
          <span className="minutes-note">
            {p.procedureRole ? domainLabel(t, 'partyRole', p.procedureRole) : t(ROLE_KEYS[p.role])}
          </span>
        </legend>
        <div
          className="minutes-attendance"
          role="radiogroup"
          aria-label={t('minutes.attendance.label', { name: p.name })}
        >
          {ATTENDANCES.map((value) => (
            <label
              key={value}
              className={`minutes-attendance__option${p.attendance === value ? ' minutes-attendance__option--on' : ''}`}
            >
              <input
                type="radio"
                name={name}
                value={value}
                checked={p.attendance === value}
                disabled={readOnly}
                onChange={() => apply({ op: 'attendance', participantId: p.id, attendance: value })}
              />
              <span>{t(ATTENDANCE_KEYS[value])}</span>
            </label>
          ))}
        </div>
        {readOnly ? null : (
          <button
            type="button"
            className="button button--quiet minutes-participant__remove"
            aria-label={t('minutes.attendance.remove', { name: p.name })}
            onClick={() => apply({ op: 'participant.remove', id: p.id })}
          >
            ×
          </button>
        )}
      </fieldset>
    </li>
  );
}

function AddParticipant({
  apply,
  newId = () => crypto.randomUUID(),
}: {
  apply(...ops: MinutesOp[]): void;
  newId?: (() => string) | undefined;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [role, setRole] = useState<ParticipantRole>('witness');
  return (
    <form
      className="minutes-add-participant"
      aria-label={t('minutes.attendance.add')}
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = name.trim();
        if (trimmed === '') return;
        apply({
          op: 'participant.upsert',
          participant: {
            id: newId(),
            role,
            name: trimmed,
            procedureRole: '',
            representsId: null,
            attendance: null,
          },
        });
        setName('');
      }}
    >
      <label className="minutes-field">
        <span>{t('minutes.attendance.name')}</span>
        <input
          className="input"
          value={name}
          maxLength={300}
          data-testid="add-participant-name"
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <label className="minutes-field">
        <span>{t('minutes.attendance.role')}</span>
        <select
          className="select"
          value={role}
          data-testid="add-participant-role"
          onChange={(event) => setRole(ParticipantRole.parse(event.target.value))}
        >
          {ParticipantRole.options.map((value) => (
            <option key={value} value={value}>
              {t(ROLE_KEYS[value])}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button" disabled={name.trim() === ''}>
        {t('minutes.attendance.add')}
      </button>
    </form>
  );
}
