import { describe, expect, it } from 'vitest';
import { draftsHref, parseHash } from '../../src-renderer/app/routes';
import { diffParagraphs } from '../../src-renderer/features/drafting/lib/paragraph-diff';

describe('the drafts route', () => {
  it('opens a draft by its id, and the list of drafts without one', () => {
    const id = '6f1c2b7e-8a54-4c3e-9d2a-1b2c3d4e5f60';
    expect(parseHash(`#/drafts/${id}`)).toEqual({ screen: 'drafts', caseId: null, draftId: id });
    expect(parseHash('#/drafts')).toEqual({ screen: 'drafts', caseId: null, draftId: null });
    expect(parseHash(draftsHref(id))).toEqual({ screen: 'drafts', caseId: null, draftId: id });
    expect(draftsHref()).toBe('#/drafts');
  });

  it('keeps the other routes as they were and refuses a broken id', () => {
    expect(parseHash('#/drafts/%E0%A4%A')).toEqual({ screen: 'drafts', caseId: null, draftId: null });
    expect(parseHash('#/cases/c-1')).toEqual({ screen: 'cases', caseId: 'c-1' });
    expect(parseHash('#/work')).toEqual({ screen: 'work', caseId: null });
    expect(parseHash('#/draftsx')).toEqual({ screen: 'work', caseId: null });
  });
});

describe('the paragraph comparison of versions', () => {
  it('marks kept, added, removed and changed paragraphs by their longest common subsequence', () => {
    expect(diffParagraphs(['A', 'B', 'C', 'D'], ['A', 'C', 'X', 'D', 'E'])).toEqual([
      { kind: 'same', text: 'A' },
      { kind: 'removed', text: 'B' },
      { kind: 'same', text: 'C' },
      { kind: 'added', text: 'X' },
      { kind: 'same', text: 'D' },
      { kind: 'added', text: 'E' },
    ]);
  });

  it('pairs a paragraph edited in place as changed, and leaves equal texts unmarked', () => {
    expect(
      diffParagraphs(
        ['Hagi rahuldada.', 'Kulud kostjalt.'],
        ['Hagi rahuldada osaliselt.', 'Kulud kostjalt.'],
      ),
    ).toEqual([
      { kind: 'changed', before: 'Hagi rahuldada.', after: 'Hagi rahuldada osaliselt.' },
      { kind: 'same', text: 'Kulud kostjalt.' },
    ]);
    expect(diffParagraphs(['A', 'B'], ['A', 'B']).every((change) => change.kind === 'same')).toBe(true);
    expect(diffParagraphs([], ['A'])).toEqual([{ kind: 'added', text: 'A' }]);
    expect(diffParagraphs(['A'], [])).toEqual([{ kind: 'removed', text: 'A' }]);
  });
});
