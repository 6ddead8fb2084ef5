import { useId, type KeyboardEvent, type RefObject } from 'react';
import type { EntryKind, Participant } from '../../../../src-shared/contract/minutes';
import { useI18n } from '../../../i18n/use-t';
import type { Composer as ComposerState } from '../hooks/use-composer';
import { KIND_KEYS, KINDS, ROLE_KEYS } from '../lib/labels';

interface ComposerProps {
  composer: ComposerState;
  speakers: readonly Participant[];
  textRef: RefObject<HTMLTextAreaElement | null>;
  onBlur(): void;
}

/** Kind, speaker and text of the next entry; Enter adds it and the focus stays here. */
export function Composer({ composer, speakers, textRef, onBlur }: ComposerProps) {
  const { t, format } = useI18n();
  const headingId = useId();
  const hintId = useId();
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      composer.commit();
    }
  };
  return (
    <section className="minutes-composer" aria-labelledby={headingId} data-testid="minutes-composer">
      <h2 className="visually-hidden" id={headingId}>
        {t('minutes.composer.title')}
      </h2>
      <div className="minutes-composer__choices">
        <label className="minutes-field minutes-field--inline">
          <span>{t('minutes.entry.kind')}</span>
          <select
            className="select select--compact"
            value={composer.kind}
            data-testid="composer-kind"
            onChange={(event) => composer.setKind(event.target.value as EntryKind)}
          >
            {KINDS.map(({ kind, letter }) => (
              <option key={kind} value={kind}>
                {t('minutes.option.kind', { label: t(KIND_KEYS[kind]), letter })}
              </option>
            ))}
          </select>
        </label>
        <label className="minutes-field minutes-field--inline">
          <span>{t('minutes.entry.speaker')}</span>
          <select
            className="select select--compact"
            value={composer.speakerId ?? ''}
            data-testid="composer-speaker"
            onChange={(event) => composer.setSpeaker(event.target.value === '' ? null : event.target.value)}
          >
            <option value="">{t('minutes.option.noSpeaker')}</option>
            {speakers.map((p, index) => (
              <option key={p.id} value={p.id}>
                {index < 9
                  ? t('minutes.option.speaker', { name: p.name, role: t(ROLE_KEYS[p.role]), n: index + 1 })
                  : `${p.name}, ${t(ROLE_KEYS[p.role])}`}
              </option>
            ))}
          </select>
        </label>
        {composer.stampedAt ? (
          <span className="minutes-stamp num" data-testid="composer-stamp">
            {t('minutes.composer.stamped', { time: format.time(composer.stampedAt, { seconds: true }) })}
          </span>
        ) : null}
      </div>
      <div className="minutes-composer__row">
        <textarea
          ref={textRef}
          id="minutes-composer-text"
          className="input minutes-textarea minutes-composer__text"
          aria-label={t('minutes.composer.text')}
          aria-describedby={hintId}
          data-testid="composer-text"
          rows={2}
          value={composer.text}
          onChange={(event) => composer.type(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={onBlur}
        />
        <button
          type="button"
          className="button"
          disabled={composer.entryId === null}
          onClick={() => {
            composer.commit();
            textRef.current?.focus();
          }}
        >
          {t('minutes.composer.add')}
        </button>
      </div>
      <p className="muted minutes-hint" id={hintId}>
        {t('minutes.composer.hint')}
      </p>
    </section>
  );
}
