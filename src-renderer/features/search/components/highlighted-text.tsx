import type { CaseSearchHit } from '../api/search-queries';

type Part = CaseSearchHit['matches'][number]['parts'][number];

/** The matched words as <mark>, built from parts: the host's text is never parsed as HTML. */
export function HighlightedText({ parts }: { parts: readonly Part[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.match ? (
          <mark key={index} className="search-mark">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
