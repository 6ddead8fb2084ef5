import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useI18n } from '../../../i18n/use-t';
import { type Annotation, annotationListQuery, useDeleteAnnotation } from '../api/annotation-queries';
import { COLOR_KEYS } from './annotation-editor';

export interface AnnotationsPanelProps {
  documentId: string;
  /** Jumps to the annotation's place (goTo(page, rect)). */
  onShow(annotation: Annotation): void;
  /** Opens it in the editor. */
  onEdit(annotation: Annotation): void;
}

/** This document's notes and highlights, by page; each jumps to its place, can be edited or deleted. */
export function AnnotationsPanel({ documentId, onShow, onEdit }: AnnotationsPanelProps) {
  const { t, format } = useI18n();
  const query = useQuery(annotationListQuery(documentId));
  const remove = useDeleteAnnotation(documentId);
  const [confirming, setConfirming] = useState<string | null>(null);
  const confirmId = useId();

  const privacy = <p className="viewer-panels__privacy">{t('viewerPanels.privacy')}</p>;
  if (query.isPending) return <p className="viewer-panels__empty">{t('viewerPanels.annotations.loading')}</p>;
  if (query.isError)
    return (
      <p className="viewer-panels__empty" role="alert">
        {t('viewerPanels.annotations.loadFailed')}
      </p>
    );
  const annotations = query.data;
  if (annotations.length === 0)
    return (
      <div data-testid="annotations-panel">
        {privacy}
        <p className="viewer-panels__empty">{t('viewerPanels.annotations.empty')}</p>
      </div>
    );

  const pages = [...new Set(annotations.map((annotation) => annotation.page))];
  return (
    <div data-testid="annotations-panel">
      {privacy}
      {remove.isError ? (
        <p className="viewer-panels__error" role="alert">
          {t('viewerPanels.annotations.deleteFailed')}
        </p>
      ) : null}
      {pages.map((page) => (
        <section key={page} className="annotations__page" aria-labelledby={`${confirmId}-p${page}`}>
          <h3 className="annotations__page-title" id={`${confirmId}-p${page}`}>
            {t('viewerPanels.annotations.pageHeading', { page: format.number(page) })}
          </h3>
          <ul className="annotations__list">
            {annotations
              .filter((annotation) => annotation.page === page)
              .map((annotation) => (
                <li key={annotation.id} className="annotations__item" data-annotation-id={annotation.id}>
                  <button
                    type="button"
                    className="annotations__show"
                    onClick={() => onShow(annotation)}
                    aria-label={t('viewerPanels.annotations.show', {
                      kind: t(
                        annotation.kind === 'note'
                          ? 'viewerPanels.annotations.kind.note'
                          : 'viewerPanels.annotations.kind.highlight',
                      ),
                      page: format.number(annotation.page),
                      text: annotation.text,
                    })}
                  >
                    <span
                      className={`annotations__swatch annotation--${annotation.color}`}
                      aria-hidden="true"
                    />
                    <span className="annotations__text">
                      {annotation.kind === 'note'
                        ? annotation.text || t('viewerPanels.annotations.emptyNote')
                        : t('viewerPanels.annotations.kind.highlight')}
                    </span>
                  </button>
                  <span className="annotations__meta">
                    {t(COLOR_KEYS[annotation.color])} · {format.dateTime(annotation.updatedAt)}
                    {annotation.unsent ? (
                      <span className="annotations__unsent" data-testid="annotation-unsent">
                        {' · '}
                        {t('viewerPanels.annotations.unsent')}
                      </span>
                    ) : null}
                  </span>
                  {confirming === annotation.id ? (
                    <span
                      className="annotations__confirm"
                      role="group"
                      aria-labelledby={`${confirmId}-${annotation.id}`}
                    >
                      <span id={`${confirmId}-${annotation.id}`}>
                        {t('viewerPanels.annotations.confirmDelete')}
                      </span>
                      <button
                        type="button"
                        className="viewer-panels__button viewer-panels__button--danger"
                        autoFocus
                        onClick={() => {
                          setConfirming(null);
                          remove.mutate(annotation.id);
                        }}
                      >
                        {t('viewerPanels.annotations.deleteYes')}
                      </button>
                      <button
                        type="button"
                        className="viewer-panels__button"
                        onClick={() => setConfirming(null)}
                      >
                        {t('viewerPanels.annotations.deleteNo')}
                      </button>
                    </span>
                  ) : (
                    <span className="annotations__actions">
                      <button
                        type="button"
                        className="viewer-panels__button"
                        onClick={() => onEdit(annotation)}
                      >
                        {t('viewerPanels.annotations.edit')}
                      </button>
                      <button
                        type="button"
                        className="viewer-panels__button"
                        onClick={() => setConfirming(annotation.id)}
                      >
                        {t('viewerPanels.annotations.delete')}
                      </button>
                    </span>
                  )}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
