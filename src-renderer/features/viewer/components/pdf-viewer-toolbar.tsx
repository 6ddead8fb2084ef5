import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../../../i18n/use-t';
import { useViewer } from '../lib/viewer-context';
import { FIT_WIDTH, parseZoomOption, stepScale, ZOOM_STEPS, zoomOptionValue } from '../lib/zoom';
import {
  ChevronDownIcon,
  ChevronUpIcon,
  MinusIcon,
  PlusIcon,
  RotateLeftIcon,
  RotateRightIcon,
} from './pdf-viewer-icons';

/** An icon button of the toolbar, named by its label (also its tooltip). */
function ToolbarIcon(props: { label: string; disabled?: boolean; onClick(): void; children: ReactNode }) {
  return (
    <button
      type="button"
      className="button button--quiet pdf-toolbar__icon"
      aria-label={props.label}
      title={props.label}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}

/** Go to page, zoom and rotation; `end` holds the panels' own controls. */
export function PdfViewerToolbar({ end }: { end: ReactNode }) {
  const { t, format } = useI18n();
  const viewer = useViewer();
  const { currentPage, numPages, scale, zoom } = viewer;
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const inputId = useId();
  const messageId = useId();

  useEffect(() => {
    setInvalid(false);
  }, [currentPage]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = (draft ?? String(currentPage)).trim();
    const page = /^[0-9]{1,7}$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(page) || page < 1 || page > numPages) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setDraft(null);
    viewer.goTo(page);
  };

  const zoomValue = zoomOptionValue(zoom);
  const percent = (value: number) =>
    t('viewer.zoom.percent', { percent: format.number(Math.round(value * 100)) });

  return (
    <div className="pdf-toolbar" role="toolbar" aria-label={t('viewer.toolbar.label')}>
      <div className="pdf-toolbar__group">
        <ToolbarIcon
          label={t('viewer.page.previous')}
          disabled={currentPage <= 1}
          onClick={() => viewer.goTo(currentPage - 1)}
        >
          <ChevronUpIcon />
        </ToolbarIcon>
        <ToolbarIcon
          label={t('viewer.page.next')}
          disabled={currentPage >= numPages}
          onClick={() => viewer.goTo(currentPage + 1)}
        >
          <ChevronDownIcon />
        </ToolbarIcon>
        <form className="pdf-toolbar__page" onSubmit={submit} noValidate>
          <label className="visually-hidden" htmlFor={inputId}>
            {t('viewer.page.input')}
          </label>
          <input
            id={inputId}
            className="input pdf-toolbar__page-input num"
            inputMode="numeric"
            autoComplete="off"
            value={draft ?? String(currentPage)}
            aria-invalid={invalid}
            aria-describedby={invalid ? messageId : undefined}
            onFocus={(event) => event.currentTarget.select()}
            onChange={(event) => {
              setDraft(event.currentTarget.value);
              setInvalid(false);
            }}
            onBlur={() => setDraft(null)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                setDraft(null);
                setInvalid(false);
              }
            }}
          />
          <span className="pdf-toolbar__count num">
            {t('viewer.page.of', { count: format.number(numPages) })}
          </span>
        </form>
        <span id={messageId} className="pdf-toolbar__message" aria-live="polite">
          {invalid ? t('viewer.page.invalid', { count: format.number(numPages) }) : ''}
        </span>
      </div>
      <div className="pdf-toolbar__group">
        <ToolbarIcon
          label={t('viewer.zoom.out')}
          onClick={() => viewer.setZoom({ kind: 'scale', scale: stepScale(scale, -1) })}
        >
          <MinusIcon />
        </ToolbarIcon>
        <select
          className="select select--compact"
          aria-label={t('viewer.zoom.select')}
          value={zoomValue}
          onChange={(event) => viewer.setZoom(parseZoomOption(event.currentTarget.value) ?? FIT_WIDTH)}
        >
          <option value="fit-width">{t('viewer.zoom.fitWidth')}</option>
          <option value="fit-page">{t('viewer.zoom.fitPage')}</option>
          {ZOOM_STEPS.map((step) => (
            <option key={step} value={`scale:${step}`}>
              {percent(step)}
            </option>
          ))}
          {zoomValue === 'custom' && <option value="custom">{percent(scale)}</option>}
        </select>
        <ToolbarIcon
          label={t('viewer.zoom.in')}
          onClick={() => viewer.setZoom({ kind: 'scale', scale: stepScale(scale, 1) })}
        >
          <PlusIcon />
        </ToolbarIcon>
      </div>
      <div className="pdf-toolbar__group">
        <ToolbarIcon label={t('viewer.rotate.left')} onClick={() => viewer.rotate(currentPage, -90)}>
          <RotateLeftIcon />
        </ToolbarIcon>
        <ToolbarIcon label={t('viewer.rotate.right')} onClick={() => viewer.rotate(currentPage, 90)}>
          <RotateRightIcon />
        </ToolbarIcon>
      </div>
      {end && <div className="pdf-toolbar__end">{end}</div>}
    </div>
  );
}
