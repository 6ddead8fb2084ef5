import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';

const PAGE = 10;

export interface RovingFocusOptions {
  /** A list moves with ↑/↓ and PageUp/PageDown (the default), a toolbar with ←/→. */
  orientation?: 'vertical' | 'horizontal';
  /** Past the last item the arrows go round to the first, and back. */
  wrap?: boolean;
}

/**
 * Keyboard movement in a list or a toolbar: one item is in the tab order (tabindex 0), arrows,
 * Home/End (and in a list PageUp/PageDown) move focus, Enter opens when `onOpen` is given. Focus
 * moves without opening, so reading the list with the arrow keys never loads case files one by one.
 */
export function useRovingFocus(
  count: number,
  preferredIndex: number,
  onOpen?: (index: number) => void,
  { orientation = 'vertical', wrap = false }: RovingFocusOptions = {},
) {
  const [activeIndex, setActiveIndex] = useState(Math.max(preferredIndex, 0));
  const items = useRef<Array<HTMLElement | null>>([]);

  useEffect(() => {
    if (preferredIndex >= 0) setActiveIndex(preferredIndex);
  }, [preferredIndex]);

  const current = count === 0 ? -1 : Math.min(activeIndex, count - 1);

  const focusItem = useCallback((index: number) => {
    setActiveIndex(index);
    const element = items.current[index];
    element?.focus();
    element?.scrollIntoView?.({ block: 'nearest' });
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (count === 0) return;
    const last = count - 1;
    const next = wrap ? (current + 1) % count : Math.min(current + 1, last);
    const previous = wrap ? (current - 1 + count) % count : Math.max(current - 1, 0);
    const moves: Record<string, number> =
      orientation === 'horizontal'
        ? { ArrowRight: next, ArrowLeft: previous, Home: 0, End: last }
        : {
            ArrowDown: next,
            ArrowUp: previous,
            Home: 0,
            End: last,
            PageDown: Math.min(current + PAGE, last),
            PageUp: Math.max(current - PAGE, 0),
          };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      focusItem(target);
    } else if (event.key === 'Enter' && current >= 0 && onOpen) {
      event.preventDefault();
      onOpen(current);
    }
  };

  const itemProps = (index: number) => ({
    ref: (element: HTMLElement | null) => {
      items.current[index] = element;
    },
    tabIndex: index === current ? 0 : -1,
    onFocus: () => setActiveIndex(index),
  });

  return {
    activeIndex: current,
    onKeyDown,
    itemProps,
    focusActive: () => current >= 0 && focusItem(current),
  };
}
