import { useDeferredValue, useId, useMemo } from 'react';
import type { DraftVersionContent } from '../../../../src-shared/contract/drafting';
import { docTexts, type RichDoc } from '../../../../src-shared/domain/rich-text';
import { useI18n } from '../../../i18n/use-t';
import { diffParagraphs, hasChanges, type ParagraphChange } from '../lib/paragraph-diff';

interface VersionDiffProps {
  version: DraftVersionContent;
  /** The current text per section id, with the headings in the draft's order. */
  current: ReadonlyArray<{ id: string; heading: string; content: RichDoc }>;
  title: string;
}

type Section = VersionDiffProps['current'][number];
type SectionDiff = Section & { changes: ParagraphChange[] };

const paragraphs = (doc: RichDoc) => docTexts(doc).filter((text) => text.trim() !== '');

/**
 * Diffs the current sections against one version. Made once per version; remembers each section's
 * last diff, so a keystroke re-diffs only the section it changed.
 */
function versionDiffer(version: DraftVersionContent) {
  const before = new Map<string, string[]>();
  for (const section of version.sections)
    if (!before.has(section.id)) before.set(section.id, paragraphs(section.content));
  const last = new Map<string, { content: RichDoc; changes: ParagraphChange[] }>();
  return (section: Section): SectionDiff => {
    const known = last.get(section.id);
    if (known?.content === section.content) return { ...section, changes: known.changes };
    const changes = diffParagraphs(before.get(section.id) ?? [], paragraphs(section.content));
    last.set(section.id, { content: section.content, changes });
    return { ...section, changes };
  };
}

/** Section by section, what changed from the version to the current text: colour and a word marker. */
export function VersionDiff({ version, current, title }: VersionDiffProps) {
  const { t } = useI18n();
  const titleId = useId();
  // Typing goes first; the diff follows when React has time (and only for the section typed in).
  const deferred = useDeferredValue(current);
  const differ = useMemo(() => versionDiffer(version), [version]);
  const changed = useMemo(
    () => deferred.map(differ).filter((part) => hasChanges(part.changes)),
    [deferred, differ],
  );
  return (
    <section className="version-diff" aria-labelledby={titleId} data-testid="version-diff">
      <h3 className="version-diff__title" id={titleId}>
        {title}
      </h3>
      {changed.length === 0 ? <p>{t('drafting.versions.identical')}</p> : null}
      {changed.map((part) => (
        <div className="version-diff__section" key={part.id}>
          <h4 className="version-diff__heading">{part.heading}</h4>
          <ol className="version-diff__list">
            {part.changes
              .filter((change) => change.kind !== 'same')
              .map((change, index) => (
                <DiffEntry key={index} change={change} />
              ))}
          </ol>
        </div>
      ))}
    </section>
  );
}

function DiffEntry({ change }: { change: Exclude<ParagraphChange, { kind: 'same' }> }) {
  const { t } = useI18n();
  if (change.kind === 'changed')
    return (
      <li className="diff diff--changed" data-kind="changed">
        <span className="diff__marker">{t('drafting.diff.changed')}</span>
        <del className="diff__before">
          <span className="diff__label">{t('drafting.diff.before')}</span> {change.before}
        </del>
        <ins className="diff__after">
          <span className="diff__label">{t('drafting.diff.after')}</span> {change.after}
        </ins>
      </li>
    );
  const Tag = change.kind === 'added' ? 'ins' : 'del';
  return (
    <li className={`diff diff--${change.kind}`} data-kind={change.kind}>
      <span className="diff__marker">
        {t(change.kind === 'added' ? 'drafting.diff.added' : 'drafting.diff.removed')}
      </span>
      <Tag className="diff__text">{change.text}</Tag>
    </li>
  );
}
