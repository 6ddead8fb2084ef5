import { useCallback, useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useI18n } from '../../../i18n/use-t';
import type { EntryKind } from '../../../../src-shared/contract/minutes';
import type { Minutes } from '../api/minutes-queries';
import { useComposer } from '../hooks/use-composer';
import { useMinutesSync } from '../hooks/use-minutes-sync';
import { REFERS_TO, shortcutOf, STATUS_KEYS } from '../lib/labels';
import { useMinutesLinks } from '../lib/minutes-context';
import { AttendanceSection } from './attendance';
import { Composer } from './composer';
import { DeadlineText } from './deadline-text';
import { FinishPanel } from './finish-panel';
import { HeaderBlock } from './header-block';
import { SaveIndicator } from './save-indicator';
import { ShortcutsHelp } from './shortcuts-help';
import { Timeline } from './timeline';
import { TimesBlock } from './times-block';

/**
 * One hearing's minutes, for live typing at 1280×720: the header, times and attendance on the
 * left, the timeline with the composer below it on the right. Keyboard first: Ctrl+Alt+letter
 * picks the next entry's kind, Alt+digit its speaker, Enter adds it.
 */
export function MinutesView({ source }: { source: Minutes }) {
  const { t } = useI18n();
  const headingId = useId();
  const links = useMinutesLinks();
  const sync = useMinutesSync(source);
  const { minutes, apply, flush } = sync;
  const entriesRef = useRef(minutes.entries);
  entriesRef.current = minutes.entries;
  // A ruling answers the last application, an answer the last question (editable on the entry).
  const refersTo = useCallback((kind: EntryKind) => {
    const target = REFERS_TO[kind];
    return target ? (entriesRef.current.findLast((e) => e.kind === target)?.id ?? null) : null;
  }, []);
  const composer = useComposer(apply, refersTo);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const readOnly = minutes.status !== 'draft';
  const speakers = minutes.participants;

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (readOnly) return;
      const shortcut = shortcutOf(event.nativeEvent);
      if (!shortcut) return;
      if ('kind' in shortcut) composer.setKind(shortcut.kind);
      else if (shortcut.speaker === 0) composer.setSpeaker(null);
      else {
        const speaker = speakers[shortcut.speaker - 1];
        if (!speaker) return;
        composer.setSpeaker(speaker.id);
      }
      event.preventDefault();
      textRef.current?.focus();
    },
    [composer, readOnly, speakers],
  );

  // The composer has the focus when the minutes open: the secretary starts typing.
  useEffect(() => {
    textRef.current?.focus();
  }, []);

  const done = minutes.status === 'submitted' || minutes.status === 'filed';
  const statusText =
    minutes.status === 'filed' && minutes.filing?.documentNumber
      ? t('minutes.status.filedAs', { number: minutes.filing.documentNumber })
      : minutes.filing?.state === 'failed'
        ? t('minutes.status.failed', { reason: minutes.filing.error ?? '' })
        : t(STATUS_KEYS[minutes.status]);

  return (
    <article
      className="minutes-view"
      aria-labelledby={headingId}
      data-testid="minutes-view"
      data-minutes-id={minutes.id}
      data-status={minutes.status}
      onKeyDown={onKeyDown}
    >
      <header className="minutes-view__top">
        <div className="minutes-view__title">
          {links ? (
            <a href={links.minutesHref(null)} className="minutes-back">
              {t('minutes.view.back')}
            </a>
          ) : null}
          <h1 className="pane-title" id={headingId}>
            {t('minutes.view.title')}
          </h1>
          {links ? (
            <a className="num" href={links.caseHref(minutes.header.caseId)}>
              {t('minutes.view.case', { caseNumber: minutes.header.caseNumber })}
            </a>
          ) : (
            <span className="num">{t('minutes.view.case', { caseNumber: minutes.header.caseNumber })}</span>
          )}
        </div>
        <p className="minutes-view__facts">
          <span className={`minutes-status minutes-status--${minutes.status}`} data-testid="minutes-status">
            {statusText}
          </span>
          <DeadlineText deadline={minutes.deadline} done={done} />
          <SaveIndicator sync={sync} />
        </p>
      </header>
      {readOnly ? <p className="minutes-readonly">{t('minutes.view.readOnly')}</p> : null}
      <div className="minutes-view__body">
        <div className="minutes-view__side">
          <TimesBlock minutes={minutes} readOnly={readOnly} apply={apply} />
          <AttendanceSection minutes={minutes} readOnly={readOnly} apply={apply} />
          <HeaderBlock minutes={minutes} readOnly={readOnly} apply={apply} onBlur={flush} />
          <FinishPanel sync={sync} />
          <ShortcutsHelp />
        </div>
        <div className="minutes-view__main">
          <Timeline
            minutes={minutes}
            composingId={composer.entryId}
            readOnly={readOnly}
            apply={apply}
            onBlur={flush}
          />
          {readOnly ? null : (
            <Composer composer={composer} speakers={speakers} textRef={textRef} onBlur={flush} />
          )}
        </div>
      </div>
    </article>
  );
}
