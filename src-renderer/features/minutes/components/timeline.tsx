import { useEffect, useId, useRef } from 'react';
import type {
  EntryKind,
  Minutes,
  MinutesEntry,
  MinutesOp,
  Participant,
} from '../../../../src-shared/contract/minutes';
import { useI18n } from '../../../i18n/use-t';
import { formatAudio, formatClock, KIND_KEYS, KINDS, REFERS_TO, ROLE_KEYS } from '../lib/labels';

interface TimelineProps {
  minutes: Minutes;
  /** The composer's entry: shown in the composer, not here. */
  composingId: string | null;
  readOnly: boolean;
  apply(...ops: MinutesOp[]): void;
  onBlur(): void;
}

export const entryElementId = (entryId: string) => `minutes-entry-${entryId}`;

/** The hearing's entries in order, each editable in place while the minutes are a draft. */
export function Timeline({ minutes, composingId, readOnly, apply, onBlur }: TimelineProps) {
  const { t } = useI18n();
  const headingId = useId();
  const endRef = useRef<HTMLDivElement>(null);
  const entries = minutes.entries.filter((entry) => entry.id !== composingId);
  const count = entries.length;
  useEffect(() => {
    // A new entry scrolls into view, the composer stays where it is.
    endRef.current?.scrollIntoView?.({ block: 'end' });
  }, [count]);
  return (
    <section className="minutes-timeline" aria-labelledby={headingId}>
      <h2 className="minutes-section__title" id={headingId}>
        {t('minutes.timeline.title')}
      </h2>
      {count === 0 ? <p className="muted">{t('minutes.timeline.empty')}</p> : null}
      <ol className="minutes-timeline__list" data-testid="minutes-timeline">
        {entries.map((entry) => (
          <EntryRow
            key={entry.id}
            entry={entry}
            entries={minutes.entries}
            participants={minutes.participants}
            readOnly={readOnly}
            apply={apply}
            onBlur={onBlur}
          />
        ))}
      </ol>
      <div ref={endRef} />
    </section>
  );
}

interface EntryRowProps {
  entry: MinutesEntry;
  entries: readonly MinutesEntry[];
  participants: readonly Participant[];
  readOnly: boolean;
  apply(...ops: MinutesOp[]): void;
  onBlur(): void;
}

function EntryRow({ entry, entries, participants, readOnly, apply, onBlur }: EntryRowProps) {
  const { t, locale } = useI18n();
  const labelId = useId();
  const time = formatClock(entry.at, locale);
  const update = (patch: Extract<MinutesOp, { op: 'entry.update' }>['patch']) =>
    apply({ op: 'entry.update', id: entry.id, patch });
  const refersKind = REFERS_TO[entry.kind];
  const candidates = refersKind ? entries.filter((e) => e.kind === refersKind && e.id !== entry.id) : [];
  const lines = entry.text.split('\n').length;
  return (
    <li
      className={`minutes-entry minutes-entry--${entry.kind}`}
      id={entryElementId(entry.id)}
      aria-labelledby={labelId}
      data-testid="minutes-entry"
      data-entry-id={entry.id}
      data-kind={entry.kind}
    >
      <p className="minutes-entry__stamp num" id={labelId}>
        <time dateTime={entry.at}>{time}</time>
        {entry.audioMs !== null ? (
          <span className="minutes-entry__audio" data-testid="entry-audio">
            {t('minutes.entry.audio', { position: formatAudio(entry.audioMs) })}
          </span>
        ) : null}
        <span className="visually-hidden">{t('minutes.entry.label', { time })}</span>
      </p>
      <div className="minutes-entry__fields">
        <div className="minutes-entry__choices">
          <select
            className="select select--compact"
            aria-label={t('minutes.entry.kind')}
            value={entry.kind}
            disabled={readOnly}
            onChange={(event) => update({ kind: event.target.value as EntryKind })}
          >
            {KINDS.map(({ kind }) => (
              <option key={kind} value={kind}>
                {t(KIND_KEYS[kind])}
              </option>
            ))}
          </select>
          <select
            className="select select--compact"
            aria-label={t('minutes.entry.speaker')}
            value={entry.speakerId ?? ''}
            disabled={readOnly}
            onChange={(event) => update({ speakerId: event.target.value === '' ? null : event.target.value })}
          >
            <option value="">{t('minutes.entry.noSpeaker')}</option>
            {participants.map((p) => (
              <option key={p.id} value={p.id}>
                {`${p.name}, ${t(ROLE_KEYS[p.role])}`}
              </option>
            ))}
          </select>
          {refersKind ? (
            <select
              className="select select--compact"
              aria-label={t('minutes.entry.refersTo')}
              value={entry.refersToId ?? ''}
              disabled={readOnly}
              onChange={(event) =>
                update({ refersToId: event.target.value === '' ? null : event.target.value })
              }
            >
              <option value="">{t('minutes.entry.refersNone')}</option>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {`${formatClock(c.at, locale)} ${c.text.slice(0, 60)}`}
                </option>
              ))}
            </select>
          ) : null}
          {readOnly ? null : (
            <button
              type="button"
              className="button button--quiet minutes-entry__remove"
              aria-label={`${t('minutes.entry.remove')} ${time}`}
              onClick={() => apply({ op: 'entry.remove', id: entry.id })}
            >
              ×
            </button>
          )}
        </div>
        <textarea
          className="input minutes-textarea"
          aria-label={`${t('minutes.entry.text')} ${time}`}
          data-testid="entry-text"
          rows={Math.max(1, lines)}
          value={entry.text}
          readOnly={readOnly}
          onChange={(event) => update({ text: event.target.value })}
          onBlur={onBlur}
        />
        {entry.kind === 'pronouncement' ? (
          <label className="minutes-field">
            <span>{t('minutes.entry.appealRoute')}</span>
            <input
              className="input"
              value={entry.appealRoute}
              readOnly={readOnly}
              data-testid="entry-appeal-route"
              onChange={(event) => update({ appealRoute: event.target.value })}
              onBlur={onBlur}
            />
          </label>
        ) : null}
      </div>
    </li>
  );
}
