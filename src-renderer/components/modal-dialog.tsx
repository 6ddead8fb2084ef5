import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ModalDialogProps {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** The `<dialog>`'s class (each feature styles its own). */
  className: string;
  titleClassName?: string;
  testId?: string;
}

/**
 * A modal `<dialog>` shown and closed by `open`; Esc and the close event call `onClose`. The
 * content is mounted only while it is open, so its state starts afresh each time.
 */
export function ModalDialog({
  open,
  title,
  onClose,
  children,
  className,
  titleClassName,
  testId,
}: ModalDialogProps) {
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // jsdom has no showModal; an open attribute shows the same content there.
    if (open && !element.open) {
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
    }
    if (!open && element.open) {
      if (typeof element.close === 'function') element.close();
      else element.removeAttribute('open');
    }
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className={className}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      data-testid={testId}
    >
      <h2 className={titleClassName} id={titleId}>
        {title}
      </h2>
      {open ? children : null}
    </dialog>
  );
}
