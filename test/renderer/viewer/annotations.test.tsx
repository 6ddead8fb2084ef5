import { QueryClientProvider, useQuery, type QueryClient } from '@tanstack/react-query';
import axe from 'axe-core';
import { act, fireEvent, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../src-shared/contract/result';
import type { Annotation } from '../../../src-shared/contract/viewer';
import { createQueryClient } from '../../../src-renderer/app/query-client';
import {
  annotationListQuery,
  useAnnotationEvents,
  useDeleteAnnotation,
  usePutAnnotation,
  type AnnotationInput,
} from '../../../src-renderer/features/viewer/api/annotation-queries';
import { AnnotationsPanel } from '../../../src-renderer/features/viewer/components/annotations-panel';
import { I18nProvider } from '../../../src-renderer/i18n/i18n-provider';
import { createFakeHost, type FakeHost } from '../support/fake-host';
import { resetWindow } from '../support/render-app';

afterEach(resetWindow);

const DOC = 'doc-1';

const stored = (id: string, page: number, extra: Partial<Annotation> = {}): Annotation => ({
  id,
  documentId: DOC,
  caseId: 'case-1',
  page,
  rect: { x: 0.1, y: 0.2, width: 0.3, height: 0.05 },
  kind: 'note',
  text: `note ${id.slice(0, 4)}`,
  color: 'yellow',
  createdAt: '2025-03-05T10:00:00.000Z',
  updatedAt: '2025-03-05T10:00:00.000Z',
  unsent: false,
  ...extra,
});

const ID_A = '0b3b7a4e-1b1e-4c5e-9a43-6e1f1d6c0a01';
const ID_B = '0b3b7a4e-1b1e-4c5e-9a43-6e1f1d6c0a02';
const ID_C = '0b3b7a4e-1b1e-4c5e-9a43-6e1f1d6c0a03';

function setUp(annotations: Annotation[] = []) {
  window.localStorage.setItem('chambers.language', 'en');
  const host = createFakeHost();
  host.state.annotations = annotations;
  Object.defineProperty(window, 'chambers', { value: host.api, configurable: true, writable: true });
  const queryClient = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>{children}</I18nProvider>
    </QueryClientProvider>
  );
  return { host, queryClient, wrapper };
}

function useDocumentAnnotations() {
  useAnnotationEvents();
  return {
    list: useQuery(annotationListQuery(DOC)),
    put: usePutAnnotation(DOC),
    remove: useDeleteAnnotation(DOC),
  };
}

const input = (id: string, text: string): AnnotationInput => ({
  id,
  documentId: DOC,
  page: 2,
  rect: { x: 0.5, y: 0.5, width: 0.2, height: 0.1 },
  kind: 'note',
  text,
  color: 'green',
});

function gate(host: FakeHost) {
  let open!: () => void;
  host.state.annotationGate = new Promise<void>((resolve) => (open = resolve));
  return () => {
    host.state.annotationGate = null;
    open();
  };
}

describe('annotation queries', () => {
  it('shows a saved note at once as unsent, then as the host stored it', async () => {
    const { host, wrapper } = setUp([stored(ID_A, 1, { caseId: 'case-9' })]);
    const { result } = renderHook(useDocumentAnnotations, { wrapper });
    await waitFor(() => expect(result.current.list.data).toHaveLength(1));

    const release = gate(host);
    act(() => result.current.put.mutate(input(ID_B, 'Vaata lk 2')));
    await waitFor(() => expect(result.current.list.data).toHaveLength(2));
    const optimistic = result.current.list.data!.find((a) => a.id === ID_B)!;
    expect(optimistic).toMatchObject({ text: 'Vaata lk 2', unsent: true, caseId: 'case-9', page: 2 });
    expect(host.state.annotations).toHaveLength(1); // the host has not answered yet

    release();
    await waitFor(() => expect(result.current.put.isSuccess).toBe(true));
    expect(host.state.annotations.map((a) => a.id).sort()).toEqual([ID_A, ID_B]);
    expect(result.current.list.data!.map((a) => a.id)).toEqual([ID_A, ID_B]); // by page
  });

  it('takes an optimistic save back when the host refuses it', async () => {
    const { host, wrapper } = setUp([stored(ID_A, 1)]);
    const { result } = renderHook(useDocumentAnnotations, { wrapper });
    await waitFor(() => expect(result.current.list.data).toHaveLength(1));

    host.state.annotationError = new AppError('invalid_input', 'the region must lie on the page');
    act(() => result.current.put.mutate(input(ID_B, 'x')));
    await waitFor(() => expect(result.current.put.isError).toBe(true));
    expect(result.current.list.data!.map((a) => a.id)).toEqual([ID_A]);
  });

  it('removes a deleted one at once and brings it back if deleting fails', async () => {
    const { host, wrapper } = setUp([stored(ID_A, 1), stored(ID_B, 3)]);
    const { result } = renderHook(useDocumentAnnotations, { wrapper });
    await waitFor(() => expect(result.current.list.data).toHaveLength(2));

    const release = gate(host);
    act(() => result.current.remove.mutate(ID_A));
    await waitFor(() => expect(result.current.list.data!.map((a) => a.id)).toEqual([ID_B]));
    host.state.annotationError = new AppError('unavailable', 'store locked');
    release();
    await waitFor(() => expect(result.current.remove.isError).toBe(true));
    await waitFor(() => expect(result.current.list.data!.map((a) => a.id)).toEqual([ID_A, ID_B]));
  });

  it('refreshes the list on the host event for this document only', async () => {
    const { host, wrapper } = setUp([stored(ID_A, 1)]);
    const { result } = renderHook(useDocumentAnnotations, { wrapper });
    await waitFor(() => expect(result.current.list.data).toHaveLength(1));

    host.state.annotations = [...host.state.annotations, stored(ID_C, 4, { text: 'from a pull' })];
    act(() => host.emit('annotations:changed', { documentIds: ['other-doc'] }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.current.list.data).toHaveLength(1);

    act(() => host.emit('annotations:changed', { documentIds: [DOC] }));
    await waitFor(() => expect(result.current.list.data!.map((a) => a.text)).toContain('from a pull'));
  });
});

describe('AnnotationsPanel', () => {
  const renderPanel = (annotations: Annotation[]) => {
    const setup = setUp(annotations);
    const onShow = vi.fn();
    const onEdit = vi.fn();
    render(
      <main>
        <AnnotationsPanel documentId={DOC} onShow={onShow} onEdit={onEdit} />
      </main>,
      { wrapper: setup.wrapper },
    );
    return { ...setup, onShow, onEdit };
  };

  it('lists the notes by page, says they are private, and marks the unsent ones', async () => {
    renderPanel([
      stored(ID_B, 5, { text: 'later page' }),
      stored(ID_A, 2, { text: 'first', unsent: true }),
      stored(ID_C, 2, {
        kind: 'highlight',
        text: '',
        color: 'blue',
        rect: { x: 0, y: 0.9, width: 1, height: 0.1 },
      }),
    ]);
    await screen.findByText('first');
    expect(screen.getByText('Only you see your notes.')).toBeTruthy();
    const headings = screen.getAllByRole('heading').map((h) => h.textContent);
    expect(headings).toEqual(['Page 2', 'Page 5']);
    const page2 = screen.getByRole('region', { name: 'Page 2' });
    expect(within(page2).getAllByRole('listitem')).toHaveLength(2);
    expect(within(page2).getByText(/not yet sent/)).toBeTruthy();
    expect(screen.getAllByTestId('annotation-unsent')).toHaveLength(1);
    const results = await axe.run(document.body);
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('jumps to a note, opens it for editing, and deletes only after confirmation', async () => {
    const { host, onShow, onEdit } = renderPanel([stored(ID_A, 2, { text: 'first' }), stored(ID_B, 3)]);
    fireEvent.click(await screen.findByRole('button', { name: /Note, page 2: first/ }));
    expect(onShow).toHaveBeenCalledWith(
      expect.objectContaining({ id: ID_A, page: 2, rect: expect.any(Object) }),
    );

    const item = screen.getByText('first').closest('li')!;
    fireEvent.click(within(item).getByRole('button', { name: 'Edit' }));
    expect(onEdit).toHaveBeenCalledWith(expect.objectContaining({ id: ID_A }));

    fireEvent.click(within(item).getByRole('button', { name: 'Delete' }));
    expect(host.state.annotations).toHaveLength(2);
    fireEvent.click(within(item).getByRole('button', { name: 'No' }));
    expect(within(item).queryByRole('button', { name: 'Yes, delete' })).toBeNull();

    fireEvent.click(within(item).getByRole('button', { name: 'Delete' }));
    fireEvent.click(within(item).getByRole('button', { name: 'Yes, delete' }));
    await waitFor(() => expect(screen.queryByText('first')).toBeNull());
    expect(host.state.annotations.map((a) => a.id)).toEqual([ID_B]);
  });

  it('says when there is nothing yet', async () => {
    renderPanel([]);
    expect(await screen.findByText('You have no notes or highlights in this document.')).toBeTruthy();
  });
});

export type { QueryClient };
