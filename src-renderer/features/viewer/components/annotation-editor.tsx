import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import {
  ANNOTATION_TEXT_MAX,
  AnnotationColor,
  type AnnotationColor as Color,
} from '../../../../src-shared/contract/viewer';
import type { CheckedKey } from '../../../i18n/dictionary';
import { useT } from '../../../i18n/use-t';
import { usePutAnnotation } from '../api/annotation-queries';
import type { AnnotationDraft } from './annotation-layer';

export const COLOR_KEYS = {
  yellow: 'viewerPanels.color.yellow',
  green: 'viewerPanels.color.green',
  blue: 'viewerPanels.color.blue',
  pink: 'viewerPanels.color.pink',
} as const satisfies Record<Color, CheckedKey<`viewerPanels.color.${Color}`>>;

export interface AnnotationEditorProps {
  documentId: string;
  draft: AnnotationDraft;
  /** Saved or cancelled: the owner drops the draft and returns focus. */
  onClose(): void;
}

/**
 * The small window where a note's text is written and its colour chosen (a highlight has no text).
 * Ctrl+Enter saves, Escape cancels. Saving is local first: it shows at once as "not yet sent".
 */
export function AnnotationEditor({ documentId, draft, onClose }: AnnotationEditorProps) {
  const t = useT();
  const titleId = useId();
  const textId = useId();
  const privacyId = useId();
  const [text, setText] = useState(draft.text);
  const [color, setColor] = useState<Color>(draft.color);
  const [failed, setFailed] = useState(false);
  const put = usePutAnnotation(documentId);
  const first = useRef<HTMLTextAreaElement & HTMLInputElement>(null);

  useEffect(() => {
    first.current?.focus();
  }, [draft.id]);

  const save = () => {
    setFailed(false);
    put.mutate(
      {
        id: draft.id,
        documentId,
        page: draft.page,
        rect: draft.rect,
        kind: draft.kind,
        text: draft.kind === 'note' ? text : '',
        color,
      },
      { onSuccess: onClose, onError: () => setFailed(true) },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  };

  const title =
    draft.kind === 'note'
      ? t(draft.isNew ? 'viewerPanels.editor.newNote' : 'viewerPanels.editor.editNote')
      : t(draft.isNew ? 'viewerPanels.editor.newHighlight' : 'viewerPanels.editor.editHighlight');

  return (
    <div
      className="annotation-editor"
      role="dialog"
      aria-labelledby={titleId}
      aria-describedby={privacyId}
      onKeyDown={onKeyDown}
      data-testid="annotation-editor"
    >
      <h3 className="annotation-editor__title" id={titleId}>
        {title}
      </h3>
      <p className="annotation-editor__privacy" id={privacyId}>
        {t('viewerPanels.privacy')} {t('viewerPanels.editor.page', { page: draft.page })}
      </p>
      {draft.kind === 'note' ? (
        <>
          <label htmlFor={textId} className="annotation-editor__label">
            {t('viewerPanels.editor.text')}
          </label>
          <textarea
            id={textId}
            ref={first}
            className="annotation-editor__text"
            rows={4}
            maxLength={ANNOTATION_TEXT_MAX}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </>
      ) : null}
      <fieldset className="annotation-editor__colors">
        <legend>{t('viewerPanels.editor.color')}</legend>
        {AnnotationColor.options.map((option) => (
          <label key={option} className={`annotation-editor__color annotation--${option}`}>
            <input
              type="radio"
              name={`${titleId}-color`}
              value={option}
              checked={color === option}
              ref={draft.kind === 'highlight' && option === draft.color ? first : undefined}
              onChange={() => setColor(option)}
            />
            {t(COLOR_KEYS[option])}
          </label>
        ))}
      </fieldset>
      {failed ? (
        <p className="annotation-editor__error" role="alert">
          {t('viewerPanels.editor.failed')}
        </p>
      ) : null}
      <div className="annotation-editor__actions">
        <button
          type="button"
          className="viewer-panels__button viewer-panels__button--primary"
          onClick={save}
          disabled={put.isPending}
        >
          {t('viewerPanels.editor.save')}
        </button>
        <button type="button" className="viewer-panels__button" onClick={onClose}>
          {t('viewerPanels.editor.cancel')}
        </button>
        <span className="annotation-editor__hint">{t('viewerPanels.editor.shortcut')}</span>
      </div>
    </div>
  );
}
