import { memo, useEffect, useId, useMemo, useRef } from 'react';
import type {
  EntryKind,
  Minutes,
  MinutesEntry,
  MinutesOp,
  Participant,
} from '../../../../src-shared/contract/minutes';
import { useI18n } from '../../../i18n/use-t';
import { formatAudio, KIND_KEYS, KINDS, REFERS_TO, ROLE_KEYS } from '../lib/labels';

interface TimelineProps {
  minutes: Minutes;
  /** The composer's entry: shown in the composer, not here. */
  composingId: string | null;
  readOnly: boolean;
  apply(...ops: MinutesOp[]): void;
  onBlur(): void;
}

export const entryElementId = (entryId: string) => `minutes-entry-${entryId}`;

type Candidates = Partial<Record<EntryKind, readonly MinutesEntry[]>>;

/** The kinds an entry can refer to (an answer's question, a ruling's application). */
const TARGET_KINDS = [...new Set(Object.values(REFERS_TO))].filter((kind) => kind !== undefined);
const NO_CANDIDATES: readonly MinutesEntry[] = [];

const sameItems = (a: readonly MinutesEntry[], b: readonly MinutesEntry[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);

/**
 * The entries of each kind another entry can refer to, counted once per change of the entries
 * rather than once per row. A list whose entries did not change keeps its identity, so typing in
 * the composer does not re-render the rows that offer it.
 */
function useCandidates(entries: readonly MinutesEntry[]): Candidates {
  const previous = useRef<Candidates>({});
  return useMemo(() => {
    const next: Candidates = {};
    for (const kind of TARGET_KINDS) {
      const list = entries.filter((entry) => entry.kind === kind);
      const before = previous.current[kind];
      next[kind] = before && sameItems(before, list) ? before : list;
    }
    previous.current = next;
    return next;
  }, [entries]);
}

/** The hearing's entries in order, each editable in place while the minutes are a draft. */
export function Timeline({ minutes, composingId, readOnly, apply, onBlur }: TimelineProps) {
  const { t } = useI18n();
  const headingId = useId();
  const endRef = useRef<HTMLDivElement>(null);
  const entries = useMemo(
    () => minutes.entries.filter((entry) => entry.id !== composingId),
    [minutes.entries, composingId],
  );
  const candidates = useCandidates(minutes.entries);
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
            candidates={candidatesFor(entry, candidates)}
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

const candidatesFor = (entry: MinutesEntry, candidates: Candidates) => {
  const kind = REFERS_TO[entry.kind];
  return kind ? (candidates[kind] ?? NO_CANDIDATES) : null;
};

interface EntryRowProps {
  entry: MinutesEntry;
  /** The entries of the kind this one refers to, or null when its kind refers to none. */
  candidates: readonly MinutesEntry[] | null;
  participants: readonly Participant[];
  readOnly: boolean;
  apply(...ops: MinutesOp[]): void;
  onBlur(): void;
}

/** One entry; re-rendered only when its own props change (not on every composer keystroke). */
const EntryRow = memo(function EntryRow({
  entry,
  candidates,
  participants,
  readOnly,
  apply,
  onBlur,
}: EntryRowProps) {
  const { t, format } = useI18n();
  const labelId = useId();
  const time = format.time(entry.at, { seconds: true });
  const update = (patch: Extract<MinutesOp, { op: 'entry.update' }>['patch']) =>
    apply({ op: 'entry.update', id: entry.id, patch });
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
          {candidates ? (
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
              {candidates
                .filter((c) => c.id !== entry.id)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {`${format.time(c.at, { seconds: true })} ${c.text.slice(0, 60)}`}
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
});
