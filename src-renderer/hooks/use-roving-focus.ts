import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';

const PAGE = 10;

/**
 * Keyboard movement in a list: one item is in the tab order (tabindex 0), arrows, Home/End and
 * PageUp/PageDown move focus, Enter opens. Focus moves without opening, so reading the list
 * with the arrow keys never loads case files one by one.
 */
export function useRovingFocus(count: number, preferredIndex: number, onOpen: (index: number) => void) {
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
    const moves: Record<string, number> = {
      ArrowDown: Math.min(current + 1, last),
      ArrowUp: Math.max(current - 1, 0),
      Home: 0,
      End: last,
      PageDown: Math.min(current + PAGE, last),
      PageUp: Math.max(current - PAGE, 0),
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      focusItem(target);
    } else if (event.key === 'Enter' && current >= 0) {
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
