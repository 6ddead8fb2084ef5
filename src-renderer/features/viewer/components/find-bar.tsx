import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../../i18n/use-t';
import type { FindController } from '../hooks/use-find';
import { useViewer } from '../lib/viewer-context';
import type { PageLayer } from '../lib/viewer-types';

/** How long typing may pause before the search starts over. */
const TYPING_PAUSE_MS = 200;

export interface FindBarProps {
  find: FindController;
  /** Escape or the close button: the owner hides the bar and returns focus. */
  onClose(): void;
}

/** Find in the document's text: a search field, "3 of 17", previous/next, close. */
export function FindBar({ find, onClose }: FindBarProps) {
  const { t, format } = useI18n();
  const viewer = useViewer();
  const inputId = useId();
  const statusId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(find.query);
  const { pdf, goTo } = viewer;
  const { search } = find;

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => search(pdf, text), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [pdf, search, text]);

  // The first match, and each one stepped to, is brought into view.
  const shown = find.current >= 0 ? find.matches[find.current] : undefined;
  useEffect(() => {
    if (shown) goTo(shown.page, shown.rects[0]);
  }, [shown, goTo]);

  const step = (direction: 1 | -1) => find.step(direction);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  const count = find.matches.length;
  let status = '';
  if (find.status === 'noText') status = t('viewerPanels.find.noText');
  else if (find.status === 'failed') status = t('viewerPanels.find.failed');
  else if (find.query.trim() !== '' && count > 0)
    status = t('viewerPanels.find.count', {
      current: format.number(find.current + 1),
      total: format.number(count),
    });
  else if (find.status === 'done' && count === 0) status = t('viewerPanels.find.none');
  else if (find.status === 'searching') status = t('viewerPanels.find.searching');

  return (
    <div className="find-bar" role="search" aria-label={t('viewerPanels.find.region')}>
      <label htmlFor={inputId} className="visually-hidden">
        {t('viewerPanels.find.label')}
      </label>
      <input
        id={inputId}
        ref={input}
        type="search"
        className="find-bar__input"
        placeholder={t('viewerPanels.find.placeholder')}
        value={text}
        aria-describedby={statusId}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <span
        id={statusId}
        className={find.status === 'noText' ? 'find-bar__status find-bar__status--hint' : 'find-bar__status'}
        role="status"
        data-testid="find-status"
      >
        {status}
      </span>
      <button
        type="button"
        className="viewer-panels__button"
        onClick={() => step(-1)}
        disabled={count === 0}
        aria-label={t('viewerPanels.find.previous')}
        title={t('viewerPanels.find.previousHint')}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        className="viewer-panels__button"
        onClick={() => step(1)}
        disabled={count === 0}
        aria-label={t('viewerPanels.find.next')}
        title={t('viewerPanels.find.nextHint')}
      >
        <span aria-hidden="true">↓</span>
      </button>
      <button
        type="button"
        className="viewer-panels__button"
        onClick={onClose}
        aria-label={t('viewerPanels.find.close')}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}

/** The matches on one page, the current one stronger; placed in percent of the unrotated page. */
export function findMatchesLayer(find: Pick<FindController, 'matches' | 'current'>): PageLayer {
  return ({ page }) => {
    const rects = find.matches.flatMap((match, index) =>
      match.page === page ? match.rects.map((rect) => ({ rect, current: index === find.current })) : [],
    );
    if (rects.length === 0) return null;
    return (
      <div className="find-layer" aria-hidden="true" data-testid={`find-layer-${page}`}>
        {rects.map(({ rect, current }, index) => (
          <span
            key={index}
            className={current ? 'find-layer__match find-layer__match--current' : 'find-layer__match'}
            style={{
              left: `${rect.x * 100}%`,
              top: `${rect.y * 100}%`,
              width: `${rect.width * 100}%`,
              height: `${rect.height * 100}%`,
            }}
          />
        ))}
      </div>
    );
  };
}
