import axe from 'axe-core';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/contract/result';
import { resetWindow } from '../support/render-app';
import { createReadingHost, infoOf, renderRoom } from './reading-fixture';

afterEach(() => {
  resetWindow();
  window.sessionStorage.clear();
});

const claim = '2-24-4962/1 Hagiavaldus';
const response = '2-24-4962/2 Vastus hagiavaldusele';

const tabs = () => screen.getAllByRole('tab');
const tabNames = () => tabs().map((tab) => tab.textContent);
const viewerOf = (name: string) => screen.findByRole('region', { name });

describe('the reading room', () => {
  it('opens the document of the address: documents:open first, then the viewer', async () => {
    const { host } = renderRoom('#/documents/d1');
    expect(await viewerOf(claim)).toBeTruthy();
    expect(host.calls.filter(({ channel }) => channel === 'documents:open')).toEqual([
      { channel: 'documents:open', input: { documentId: 'd1' } },
    ]);
    const tab = screen.getByRole('tab', { name: claim });
    expect(tab.getAttribute('aria-selected')).toBe('true');
    const panel = screen.getByRole('tabpanel', { name: claim });
    expect(tab.getAttribute('aria-controls')).toBe(panel.id);
    expect(within(panel).getByRole('region', { name: claim })).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Case file 2-24-4962' })).toBeTruthy();
  });

  it('shows tabs, selects and closes them with the mouse and the keyboard; the address follows', async () => {
    renderRoom('#/documents/d1,d2');
    await viewerOf(claim);
    await waitFor(() =>
      expect(tabNames()).toEqual(['2-24-4962/1 Hagiavaldus×', '2-24-4962/2 Vastus hagiavaldusele×']),
    );

    fireEvent.click(screen.getByRole('tab', { name: response }));
    await waitFor(() => expect(window.location.hash).toBe('#/documents/d1,d2?active=d2'));
    expect(await viewerOf(response)).toBeTruthy();
    expect(screen.queryByRole('region', { name: claim })).toBeNull();

    // Arrows move the focus only; Enter shows the focused document.
    const first = screen.getByRole('tab', { name: claim });
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: response }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'End' });
    expect(document.activeElement?.textContent).toContain('Vastus');
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    fireEvent.click(first);
    await waitFor(() => expect(window.location.hash).toBe('#/documents/d1,d2'));

    // Delete closes the focused tab; the focus goes to the tab that takes its place.
    fireEvent.keyDown(first, { key: 'Delete' });
    await waitFor(() => expect(window.location.hash).toBe('#/documents/d2'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('tab', { name: response })));
    expect(await viewerOf(response)).toBeTruthy();

    // Ctrl+W closes too; then the room says how to open a document.
    fireEvent.keyDown(document.activeElement!, { key: 'w', ctrlKey: true });
    expect(await screen.findByText('No document is open')).toBeTruthy();
    expect(window.location.hash).toBe('#/documents');
  });

  it('closes a tab with its × and with the toolbar button', async () => {
    renderRoom('#/documents/d1,d2');
    await viewerOf(claim);
    const closeMarks = screen.getAllByTestId('tab-close');
    fireEvent.click(closeMarks[1]!);
    await waitFor(() => expect(window.location.hash).toBe('#/documents/d1'));
    fireEvent.click(screen.getByRole('button', { name: 'Close document' }));
    expect(await screen.findByText('No document is open')).toBeTruthy();
  });

  it('keeps the open tabs over a reload, in the address and in sessionStorage', async () => {
    renderRoom('#/documents/d1,d2?active=d2');
    expect(await viewerOf(response)).toBeTruthy();
    resetWindow();
    // A reload with the address kept…
    renderRoom('#/documents/d1,d2?active=d2');
    expect(await viewerOf(response)).toBeTruthy();
    resetWindow();
    // …and `#/documents` alone brings back what this window had open.
    renderRoom('#/documents');
    expect(await viewerOf(response)).toBeTruthy();
    expect(window.location.hash).toBe('#/documents/d1,d2?active=d2');
    expect(tabs()).toHaveLength(2);
  });

  it('shows two documents side by side, each its own viewer, and goes back to one pane', async () => {
    renderRoom('#/documents/d1,d2');
    await viewerOf(claim);
    fireEvent.click(screen.getByRole('button', { name: 'Side by side' }));
    await waitFor(() => expect(window.location.hash).toBe('#/documents/d1,d2?beside=d2'));
    const left = screen.getByRole('tabpanel', { name: claim });
    const right = await screen.findByRole('region', { name: `Beside: ${response}` });
    expect(within(left).getByRole('region', { name: claim })).toBeTruthy();
    expect(await within(right).findByRole('region', { name: response })).toBeTruthy();
    expect(left.parentElement?.className).toContain('reading-room__panes--split');
    expect(screen.getByRole('tab', { name: /Vastus/ }).textContent).toContain('beside');

    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      results.violations.map(({ id, nodes }) => `${id}: ${nodes.map((n) => n.html).join(' | ')}`),
    ).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'One document at a time' }));
    await waitFor(() => expect(window.location.hash).toBe('#/documents/d1,d2'));
    expect(screen.queryByRole('region', { name: `Beside: ${response}` })).toBeNull();
  });

  it('shows the download from documents:download events, and cancelling closes the tab', async () => {
    const host = createReadingHost();
    host.held.add('d1');
    renderRoom('#/documents/d1', host);
    expect(await screen.findByText('Opening document…', { selector: '.loading' })).toBeTruthy();
    act(() =>
      host.emit('documents:download', {
        documentId: 'd1',
        received: 12_897_485,
        total: 54_106_522,
        done: false,
      }),
    );
    // Another document's download is not this tab's.
    act(() => host.emit('documents:download', { documentId: 'd9', received: 1, total: 2, done: false }));
    const progress = await screen.findByTestId('download-progress');
    expect(within(progress).getByText('12.3 MB of 51.6 MB')).toBeTruthy();
    const bar = within(progress).getByRole('progressbar', { name: 'Download' });
    expect(bar.getAttribute('value')).toBe('12897485');
    expect(bar.getAttribute('max')).toBe('54106522');
    act(() =>
      host.emit('documents:download', { documentId: 'd1', received: 54_106_522, total: null, done: false }),
    );
    expect(await within(progress).findByText('51.6 MB received')).toBeTruthy();

    fireEvent.click(within(progress).getByRole('button', { name: 'Cancel and close' }));
    expect(await screen.findByText('No document is open')).toBeTruthy();
    host.release('d1');
  });

  it('opens the document when its download finishes', async () => {
    const host = createReadingHost();
    host.held.add('d2');
    renderRoom('#/documents/d2', host);
    await screen.findByText('Opening document…', { selector: '.loading' });
    act(() =>
      host.emit('documents:download', { documentId: 'd2', received: 100, total: 245_760, done: false }),
    );
    expect(await screen.findByTestId('download-progress')).toBeTruthy();
    act(() =>
      host.emit('documents:download', { documentId: 'd2', received: 245_760, total: 245_760, done: true }),
    );
    host.release('d2');
    expect(await viewerOf(response)).toBeTruthy();
    expect(screen.queryByTestId('download-progress')).toBeNull();
  });

  it('says clearly why a document cannot be opened, and retries', async () => {
    const host = createReadingHost();
    host.answer.current = () => {
      throw new AppError('unavailable', 'The register cannot be reached.');
    };
    renderRoom('#/documents/d1', host);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'This document has not been downloaded to this computer and the register cannot be reached',
    );
    expect(screen.getByRole('tab').textContent).toContain('Document cannot be opened');

    host.answer.current = infoOf;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await viewerOf(claim)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('tells a missing document from a forbidden one', async () => {
    const host = createReadingHost();
    host.answer.current = (documentId) => {
      if (documentId === 'd2') throw new AppError('forbidden', 'Restricted.');
      return infoOf(documentId);
    };
    renderRoom('#/documents/nope,d2', host);
    expect((await screen.findByRole('alert')).textContent).toContain('The document was not found.');
    fireEvent.click(screen.getAllByRole('tab')[1]!);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('You are not allowed to read this document.'),
    );
  });
});
