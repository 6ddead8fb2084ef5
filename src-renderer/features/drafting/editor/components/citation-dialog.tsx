import { useId, useState } from 'react';
import { CitationKind } from '../../../../../src-shared/domain/rich-text';
import type { CheckedKey } from '../../../../i18n/dictionary';
import { useT } from '../../../../i18n/use-t';
import type { CitationAttrs } from '../extensions/citation';
import { CITATION_REF_MAX, citationProblem, normaliseReference, type CitationProblem } from '../lib/citation';
import { EditorDialog } from './editor-dialog';

const KIND_KEYS = {
  provision: 'draftingEditor.citationDialog.kind.provision',
  case: 'draftingEditor.citationDialog.kind.case',
  ecli: 'draftingEditor.citationDialog.kind.ecli',
} as const satisfies Record<CitationKind, CheckedKey<`draftingEditor.citationDialog.kind.${CitationKind}`>>;

const EXAMPLE_KEYS = {
  provision: 'draftingEditor.citationDialog.ref.provision',
  case: 'draftingEditor.citationDialog.ref.case',
  ecli: 'draftingEditor.citationDialog.ref.ecli',
} as const satisfies Record<CitationKind, CheckedKey<`draftingEditor.citationDialog.ref.${CitationKind}`>>;

const PROBLEM_KEYS = {
  empty: 'draftingEditor.citationDialog.problem.empty',
  tooLong: 'draftingEditor.citationDialog.problem.tooLong',
  case: 'draftingEditor.citationDialog.problem.case',
  ecli: 'draftingEditor.citationDialog.problem.ecli',
  provision: 'draftingEditor.citationDialog.problem.provision',
} as const satisfies Record<
  CitationProblem,
  CheckedKey<`draftingEditor.citationDialog.problem.${CitationProblem}`>
>;

export interface CitationDialogProps {
  /** The citation being changed, or null for a new one. */
  initial: CitationAttrs | null;
  /** The text to show at first: the selected text or the citation's own. */
  initialText: string;
  initialKind: CitationKind;
  onSave(attrs: CitationAttrs, text: string): void;
  /** Removes an existing citation (keeps the text). */
  onRemove?: () => void;
  onCancel(): void;
}

/** Makes or changes a citation: its kind, the reference (checked for that kind) and the text shown. */
export function CitationDialog(props: CitationDialogProps) {
  const { initial, initialText, initialKind, onSave, onRemove, onCancel } = props;
  const t = useT();
  const ids = { ref: useId(), text: useId(), textHint: useId(), error: useId(), kind: useId() };
  const [kind, setKind] = useState<CitationKind>(initial?.kind ?? initialKind);
  const [ref, setRef] = useState(initial?.ref ?? '');
  const [text, setText] = useState(initialText);
  const [problem, setProblem] = useState<CitationProblem | null>(null);

  const save = () => {
    const found = citationProblem(kind, ref);
    if (found) {
      setProblem(found);
      return;
    }
    const reference = normaliseReference(ref);
    onSave({ kind, ref: reference }, text.trim() === '' ? reference : text);
  };

  return (
    <EditorDialog
      title={t(initial ? 'draftingEditor.citationDialog.edit' : 'draftingEditor.citationDialog.new')}
      onSave={save}
      onCancel={onCancel}
      testId="citation-dialog"
      actions={
        onRemove ? (
          <button type="button" className="rte-button" onClick={onRemove}>
            {t('draftingEditor.citationDialog.remove')}
          </button>
        ) : null
      }
    >
      <fieldset className="rte-dialog__kinds">
        <legend>{t('draftingEditor.citationDialog.kind')}</legend>
        {CitationKind.options.map((option) => (
          <label key={option} className="rte-dialog__kind">
            <input
              type="radio"
              name={ids.kind}
              value={option}
              checked={kind === option}
              onChange={() => {
                setKind(option);
                setProblem(null);
              }}
            />
            {t(KIND_KEYS[option])}
          </label>
        ))}
      </fieldset>
      <label htmlFor={ids.ref} className="rte-dialog__label">
        {t('draftingEditor.citationDialog.ref')}
      </label>
      <input
        id={ids.ref}
        data-autofocus
        className="rte-dialog__input"
        type="text"
        autoComplete="off"
        spellCheck={false}
        maxLength={CITATION_REF_MAX + 20}
        placeholder={t(EXAMPLE_KEYS[kind])}
        value={ref}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? ids.error : undefined}
        onChange={(event) => {
          setRef(event.target.value);
          setProblem(null);
        }}
      />
      {problem ? (
        <p className="rte-dialog__error" id={ids.error} role="alert">
          {t(PROBLEM_KEYS[problem])}
        </p>
      ) : null}
      <label htmlFor={ids.text} className="rte-dialog__label">
        {t('draftingEditor.citationDialog.text')}
      </label>
      <input
        id={ids.text}
        className="rte-dialog__input"
        type="text"
        value={text}
        aria-describedby={ids.textHint}
        onChange={(event) => setText(event.target.value)}
      />
      <p className="rte-dialog__hint" id={ids.textHint}>
        {t('draftingEditor.citationDialog.textHint')}
      </p>
    </EditorDialog>
  );
}
