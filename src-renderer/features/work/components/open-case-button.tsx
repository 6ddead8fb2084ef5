import type { MouseEvent } from 'react';
import { useT } from '../../../i18n/use-t';

/** The keyboard way into a row: one button per row, named by its case number. */
export function OpenCaseButton({ number, onOpen }: { number: string; onOpen: () => void }) {
  const t = useT();
  return (
    <button
      type="button"
      className="work-open num"
      aria-label={t('work.openCase', { number })}
      onClick={onOpen}
    >
      {number}
    </button>
  );
}

/** A click anywhere on a row opens its case too; the row's own button handles its own clicks. */
export function rowClick(onOpen: () => void) {
  return (event: MouseEvent<HTMLElement>) => {
    if (event.target instanceof Element && event.target.closest('button, a')) return;
    onOpen();
  };
}
