import { describe, expect, it } from 'vitest';
import { documentsHref, parseHash } from '../../../src-renderer/app/routes';
import {
  closeDocument,
  EMPTY_LAYOUT,
  MAX_OPEN_DOCUMENTS,
  openBeside,
  openDocument,
  parseStoredLayout,
  singlePane,
  splitWithNext,
} from '../../../src-renderer/features/reading/lib/reading-layout';

describe('the reading room address', () => {
  it('opens one document at #/documents/<id>', () => {
    expect(parseHash('#/documents/d1')).toEqual({
      screen: 'documents',
      caseId: null,
      documents: { ids: ['d1'], active: 'd1', beside: null },
    });
    expect(documentsHref(['d1'])).toBe('#/documents/d1');
  });

  it('keeps several tabs, the active one and the one beside', () => {
    const href = documentsHref(['d1', 'd2', 'd3'], { active: 'd2', beside: 'd3' });
    expect(href).toBe('#/documents/d1,d2,d3?active=d2&beside=d3');
    expect(parseHash(href)).toEqual({
      screen: 'documents',
      caseId: null,
      documents: { ids: ['d1', 'd2', 'd3'], active: 'd2', beside: 'd3' },
    });
  });

  it('round-trips ids with commas, slashes and spaces', () => {
    const ids = ['a,b', 'c/d', 'e f'];
    const route = parseHash(documentsHref(ids, { active: 'c/d' }));
    expect(route).toMatchObject({ documents: { ids, active: 'c/d', beside: null } });
  });

  it('ignores what does not fit: duplicates, unknown active or beside, broken escapes', () => {
    expect(parseHash('#/documents/d1,d1,,d2?active=zz&beside=d1')).toMatchObject({
      documents: { ids: ['d1', 'd2'], active: 'd1', beside: null },
    });
    expect(parseHash('#/documents/%E0%A4%A,d2')).toMatchObject({ documents: { ids: ['d2'] } });
    expect(parseHash(`#/documents/${'x'.repeat(65)}`)).toMatchObject({ documents: { ids: [] } });
  });

  it('reads #/documents alone as the reading room with nothing open; other screens as before', () => {
    expect(parseHash('#/documents')).toEqual({
      screen: 'documents',
      caseId: null,
      documents: { ids: [], active: null, beside: null },
    });
    expect(documentsHref([])).toBe('#/documents');
    expect(parseHash('#/cases/c1')).toEqual({ screen: 'cases', caseId: 'c1' });
    expect(parseHash('#/documents/a/b')).toEqual({ screen: 'work', caseId: null });
  });
});

describe('reading layout', () => {
  const one = openDocument(EMPTY_LAYOUT, 'd1');

  it('opens tabs, selects an open one, closes to the neighbour', () => {
    const three = openDocument(openDocument(one, 'd2'), 'd3');
    expect(three).toEqual({ ids: ['d1', 'd2', 'd3'], active: 'd3', beside: null });
    expect(openDocument(three, 'd1')).toEqual({ ids: ['d1', 'd2', 'd3'], active: 'd1', beside: null });
    const selected = openDocument(three, 'd2');
    expect(closeDocument(selected, 'd2')).toEqual({ ids: ['d1', 'd3'], active: 'd3', beside: null });
    expect(closeDocument(three, 'd3')).toEqual({ ids: ['d1', 'd2'], active: 'd2', beside: null });
    expect(closeDocument(one, 'd1')).toEqual(EMPTY_LAYOUT);
  });

  it('shows a second document beside the first and goes back to one pane', () => {
    const split = openBeside(one, 'd2');
    expect(split).toEqual({ ids: ['d1', 'd2'], active: 'd1', beside: 'd2' });
    expect(singlePane(split)).toEqual({ ids: ['d1', 'd2'], active: 'd1', beside: null });
    // Closing the first pane's document leaves the one beside alone in one pane.
    expect(closeDocument(split, 'd1')).toEqual({ ids: ['d2'], active: 'd2', beside: null });
    expect(closeDocument(split, 'd2')).toEqual({ ids: ['d1'], active: 'd1', beside: null });
    // Selecting the tab shown beside swaps the panes.
    expect(openDocument(split, 'd2')).toEqual({ ids: ['d1', 'd2'], active: 'd2', beside: 'd1' });
    expect(splitWithNext(openDocument(split, 'd1'))).toEqual(split);
    // Beside itself is not a split.
    expect(openBeside(one, 'd1')).toEqual(one);
  });

  it('keeps at most a dozen tabs, dropping the oldest', () => {
    let layout = EMPTY_LAYOUT;
    for (let n = 0; n <= MAX_OPEN_DOCUMENTS; n += 1) layout = openDocument(layout, `d${n}`);
    expect(layout.ids).toHaveLength(MAX_OPEN_DOCUMENTS);
    expect(layout.ids[0]).toBe('d1');
  });

  it('reads a stored layout defensively', () => {
    expect(parseStoredLayout(null)).toEqual(EMPTY_LAYOUT);
    expect(parseStoredLayout('{not json')).toEqual(EMPTY_LAYOUT);
    expect(parseStoredLayout('{"ids":[1,2]}')).toEqual(EMPTY_LAYOUT);
    expect(parseStoredLayout('{"ids":["a","b"],"active":"b","beside":"b"}')).toEqual({
      ids: ['a', 'b'],
      active: 'b',
      beside: null,
    });
  });
});
