// The editor harness: RichTextEditor on its own, driven by the query string.
//   ?lang=et|en  UI language;  ?theme=light|dark;  ?start=N  the first paragraph number;
//   ?readOnly=1  a read-only editor.
// window.__editor = { docs, editor }: `docs` collects every onChange document; `editor` is the TipTap
// instance (for checks only — the spec types and clicks like a user).
import '../../src-renderer/styles/tokens.css';
import '../../src-renderer/styles/base.css';
import type { Editor } from '@tiptap/core';
import { StrictMode, useMemo, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { RichDoc } from '../../src-shared/domain/rich-text';
import { RichTextEditor } from '../../src-renderer/features/drafting/editor';
import { interpolate, type MessageKey } from '../../src-renderer/i18n/dictionary';
import { createFormatters } from '../../src-renderer/i18n/format';
import { I18nContext, type I18n, type Translate } from '../../src-renderer/i18n/i18n-provider';
import { DICTIONARIES, LOCALES, type Language } from '../../src-renderer/i18n/languages';
import { enDraftingEditor, etDraftingEditor } from '../../src-renderer/i18n/messages/draftingEditor';

interface HarnessHandle {
  docs: RichDoc[];
  readonly editor: Editor | null;
}

declare global {
  interface Window {
    __editor: HarnessHandle;
  }
}

const params = new URLSearchParams(location.search);
const language: Language = params.get('lang') === 'en' ? 'en' : 'et';
document.documentElement.lang = language;
const theme = params.get('theme');
if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
const start = Number(params.get('start') ?? '1');
const readOnly = params.get('readOnly') === '1';

const docs: RichDoc[] = [];
window.__editor = {
  docs,
  get editor() {
    const dom = document.querySelector('.rte-content');
    return dom ? (dom as unknown as { editor: Editor }).editor : null;
  },
};

/** The app's texts with the editor's, whether or not they are merged into the dictionaries yet. */
function Texts({ children }: { children: ReactNode }) {
  const value = useMemo<I18n>(() => {
    const own = language === 'en' ? enDraftingEditor : etDraftingEditor;
    const dictionary: Readonly<Record<string, string>> = { ...DICTIONARIES[language], ...own };
    const text = (key: string, values?: Readonly<Record<string, string | number>>) =>
      interpolate(dictionary[key] ?? key, values);
    const rules = new Intl.PluralRules(LOCALES[language]);
    const format = createFormatters(language);
    return {
      language,
      locale: LOCALES[language],
      setLanguage: () => undefined,
      t: text as Translate,
      format,
      plural: (base, count) =>
        text(`${base}.${rules.select(count) === 'one' ? 'one' : 'other'}` as MessageKey, {
          count: format.number(count),
        }),
    };
  }, []);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

const INITIAL: RichDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Kohtu põhjendused' }] },
    { type: 'paragraph' },
  ],
};

function Harness() {
  const [doc, setDoc] = useState<RichDoc>(INITIAL);
  const label = language === 'en' ? 'Reasoning' : 'Põhjendused';
  return (
    <main className="harness">
      <h1 className="harness__title">{label}</h1>
      <RichTextEditor
        value={doc}
        onChange={(next) => {
          docs.push(next);
          setDoc(next);
        }}
        label={label}
        hint={
          language === 'en'
            ? 'The reasons of the court, in numbered paragraphs.'
            : 'Kohtu põhjendused nummerdatud lõikudena.'
        }
        numberStart={Number.isInteger(start) && start > 0 ? start : 1}
        readOnly={readOnly}
        id="reasoning"
      />
    </main>
  );
}

const style = document.createElement('style');
style.textContent = `
  .harness { padding: var(--space-4); max-width: 64rem; margin: 0 auto; }
  .harness__title { font-size: var(--text-20); margin: 0 0 var(--space-3); }
`;
document.head.append(style);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Texts>
      <Harness />
    </Texts>
  </StrictMode>,
);
