import { memo, useId } from 'react';
import type { Draft, DraftSection } from '../../../../src-shared/contract/drafting';
import type { RichDoc } from '../../../../src-shared/domain/rich-text';
import { useI18n } from '../../../i18n/use-t';
import { countNumbered, RichTextEditor } from '../editor';

interface DraftSectionsProps {
  draft: Draft;
  sections: Readonly<Record<string, RichDoc>>;
  /** Remounts the editors when the content is replaced from outside (a restored version). */
  generation: number;
  readOnly: boolean;
  onChange: (sectionId: string, content: RichDoc) => void;
}

/** Each free part of the decision with its heading; numbered paragraphs run on across the parts. */
export function DraftSections({ draft, sections, generation, readOnly, onChange }: DraftSectionsProps) {
  let numbered = 0;
  return (
    <>
      {draft.sections
        .filter((section) => section.role !== 'introduction')
        .map((section) => {
          const content = sections[section.id] ?? section.content;
          const numberStart = 1 + numbered;
          numbered += countNumbered(content);
          return (
            <DraftSectionPart
              key={`${section.id}:${generation}`}
              section={section}
              content={content}
              numberStart={numberStart}
              appeal={section.role === 'operative' ? draft.appeal : null}
              readOnly={readOnly}
              onChange={onChange}
            />
          );
        })}
    </>
  );
}

/** One part; memoised, so a keystroke re-renders its own editor, not every section's. */
const DraftSectionPart = memo(function DraftSectionPart({
  section,
  content,
  numberStart,
  appeal,
  readOnly,
  onChange,
}: {
  section: DraftSection;
  content: RichDoc;
  numberStart: number;
  appeal: Draft['appeal'] | null;
  readOnly: boolean;
  onChange: (sectionId: string, content: RichDoc) => void;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const editorId = useId();
  return (
    <section
      className="draft-part"
      aria-labelledby={headingId}
      data-testid="draft-section"
      data-section-id={section.id}
    >
      <h2 className="draft-part__heading" id={headingId}>
        {section.heading}
        {section.required ? (
          <span className="draft-part__required">{t('drafting.section.required')}</span>
        ) : null}
      </h2>
      <RichTextEditor
        id={editorId}
        value={content}
        onChange={(doc: RichDoc) => onChange(section.id, doc)}
        label={t('drafting.section.editorLabel', { heading: section.heading })}
        numberStart={numberStart}
        hint={section.hint ?? ''}
        readOnly={readOnly}
      />
      {appeal ? (
        <div className="draft-appeal" data-testid="appeal-route">
          <h3 className="draft-appeal__title">{t('drafting.appeal.title')}</h3>
          <p>{appeal.route}</p>
          <p>{t('drafting.appeal.deadline', { days: appeal.deadlineDays, court: appeal.court })}</p>
        </div>
      ) : null}
    </section>
  );
});
