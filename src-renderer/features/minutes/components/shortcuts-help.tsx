import { useId, useState } from 'react';
import { useI18n } from '../../../i18n/use-t';
import { KIND_KEYS, KINDS } from '../lib/labels';

/** "Kiirklahvid": the kinds' and speakers' shortcuts, shown and hidden with a disclosure button. */
export function ShortcutsHelp() {
  const { t } = useI18n();
  const [open, setOpen] = useState(true);
  const panelId = useId();
  const headingId = useId();
  return (
    <section className="minutes-shortcuts" aria-labelledby={headingId} data-testid="minutes-shortcuts">
      <div className="minutes-section__head">
        <h2 className="minutes-section__title" id={headingId}>
          {t('minutes.shortcuts.title')}
        </h2>
        <button
          type="button"
          className="button button--quiet"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
        >
          {open ? t('minutes.shortcuts.hide') : t('minutes.shortcuts.show')}
        </button>
      </div>
      <div id={panelId} hidden={!open}>
        <table className="table minutes-shortcuts__table">
          <thead>
            <tr>
              <th scope="col">{t('minutes.shortcuts.key')}</th>
              <th scope="col">{t('minutes.shortcuts.action')}</th>
            </tr>
          </thead>
          <tbody>
            {KINDS.map(({ kind, letter }) => (
              <tr key={kind}>
                <td className="num nowrap">
                  <kbd>{t('minutes.shortcuts.kindKey', { letter })}</kbd>
                </td>
                <td>{t(KIND_KEYS[kind])}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="minutes-hint">{t('minutes.shortcuts.speakers')}</p>
        <p className="minutes-hint">{t('minutes.shortcuts.enter')}</p>
      </div>
    </section>
  );
}
