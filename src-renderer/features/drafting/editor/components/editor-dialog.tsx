import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../../../../i18n/use-t';

export interface EditorDialogProps {
  title: string;
  /** Saves (button, Ctrl+Enter); the owner closes the window when it succeeds. */
  onSave(): void;
  onCancel(): void;
  children: ReactNode;
  /** Extra actions, e.g. delete or remove. */
  actions?: ReactNode;
  testId?: string;
}

/**
 * The small window of the editor (footnote, citation): not modal, labelled by its title, the first
 * field focused on open; Ctrl+Enter saves and Escape cancels.
 */
export function EditorDialog({ title, onSave, onCancel, children, actions, testId }: EditorDialogProps) {
  const t = useT();
  const titleId = useId();
  const hintId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const fields = root.current;
    (
      fields?.querySelector<HTMLElement>('[data-autofocus]') ??
      fields?.querySelector<HTMLElement>('input, textarea, select')
    )?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSave();
    }
  };

  return (
    <div
      ref={root}
      className="rte-dialog"
      role="dialog"
      aria-labelledby={titleId}
      aria-describedby={hintId}
      onKeyDown={onKeyDown}
      data-testid={testId}
    >
      <h3 className="rte-dialog__title" id={titleId}>
        {title}
      </h3>
      <form
        className="rte-dialog__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSave();
        }}
      >
        {children}
        <div className="rte-dialog__actions">
          <button type="submit" className="rte-button rte-button--primary">
            {t('draftingEditor.dialog.save')}
          </button>
          <button type="button" className="rte-button" onClick={onCancel}>
            {t('draftingEditor.dialog.cancel')}
          </button>
          {actions}
        </div>
        <p className="rte-dialog__hint" id={hintId}>
          {t('draftingEditor.dialog.shortcut')}
        </p>
      </form>
    </div>
  );
}
