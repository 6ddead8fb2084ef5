import { useEffect, useId, useState } from 'react';
import type { Minutes, MinutesOp } from '../../../../src-shared/contract/minutes';
import { useI18n } from '../../../i18n/use-t';

function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The clock, start and end of the hearing, the recording's start and its audio file name. */
export function TimesBlock({
  minutes,
  readOnly,
  apply,
}: {
  minutes: Minutes;
  readOnly: boolean;
  apply(...ops: MinutesOp[]): void;
}) {
  const { t, format } = useI18n();
  const headingId = useId();
  const now = useClock();
  const stamp = () => new Date().toISOString();
  return (
    <section
      className="minutes-section minutes-times"
      aria-labelledby={headingId}
      data-testid="minutes-times"
    >
      <h2 className="minutes-section__title" id={headingId}>
        {t('minutes.times.title')}
      </h2>
      <p className="minutes-clock num" aria-label={t('minutes.times.clock')} role="timer" aria-live="off">
        {format.time(now, { seconds: true })}
      </p>
      <div className="minutes-times__row">
        {minutes.startedAt ? (
          <span className="num" data-testid="minutes-started">
            {t('minutes.times.startedAt', { time: format.time(minutes.startedAt, { seconds: true }) })}
          </span>
        ) : (
          <button
            type="button"
            className="button minutes-primary"
            id="minutes-start"
            disabled={readOnly}
            onClick={() => apply({ op: 'times', startedAt: stamp() })}
          >
            {t('minutes.times.start')}
          </button>
        )}
        {minutes.endedAt ? (
          <span className="num" data-testid="minutes-ended">
            {t('minutes.times.endedAt', { time: format.time(minutes.endedAt, { seconds: true }) })}
          </span>
        ) : (
          <button
            type="button"
            className="button"
            id="minutes-end"
            disabled={readOnly || minutes.startedAt === null}
            onClick={() => apply({ op: 'times', endedAt: stamp() })}
          >
            {t('minutes.times.end')}
          </button>
        )}
      </div>
      <div className="minutes-times__row">
        {minutes.recordingStartedAt ? (
          <>
            <span className="num" data-testid="minutes-recording">
              {t('minutes.recording.startedAt', {
                time: format.time(minutes.recordingStartedAt, { seconds: true }),
              })}
            </span>
            {readOnly ? null : (
              <button
                type="button"
                className="button button--quiet"
                onClick={() => apply({ op: 'recording', startedAt: null })}
              >
                {t('minutes.recording.undo')}
              </button>
            )}
          </>
        ) : (
          <button
            type="button"
            className="button"
            disabled={readOnly}
            onClick={() => apply({ op: 'recording', startedAt: stamp() })}
          >
            {t('minutes.recording.start')}
          </button>
        )}
      </div>
      <p className="minutes-audio-file">
        <span className="muted">{t('minutes.recording.file')}</span>{' '}
        <span className="num" data-testid="minutes-audio-file">
          {minutes.audioFileName}
        </span>
      </p>
    </section>
  );
}
