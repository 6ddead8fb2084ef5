// The minutes view's test setup: the day's clock frozen at 08:00 UTC, the screen opened on the fixture
// store, and the composer's text box.
import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import type { CardSummary } from '../../src-shared/contract/id-card';
import type { SessionUser } from '../../src-shared/domain/user';
import { MinutesScreen } from '../../src-renderer/features/minutes/components/minutes-screen';
import { createMinutesStore, MINUTES_ID, renderMinutes, type MinutesStore } from './minutes-fixture';
import { resetWindow } from './support/render-app';

export const T0 = Date.parse('2026-12-01T08:00:00Z');

/** The computer's local time of day, as the view shows stamps (the test machine's zone may be any). */
export const clock = (ms: number) =>
  new Intl.DateTimeFormat('et-EE', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(ms);

/** Freezes Date at T0 for each test of the file and cleans up after it. */
export function useMinutesViewSetup(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
  });
  afterEach(() => {
    vi.useRealTimers();
    resetWindow();
    vi.restoreAllMocks();
  });
}

export async function openMinutesView(
  store: MinutesStore = createMinutesStore(),
  user?: SessionUser,
  cards?: readonly CardSummary[],
) {
  const rendered = renderMinutes(store, <MinutesScreen minutesId={MINUTES_ID} />, user, cards);
  await screen.findByRole('heading', { level: 1, name: 'Istungi protokoll' });
  return { store, ...rendered };
}

export const composerText = () => screen.getByRole('textbox', { name: 'Kirje tekst' }) as HTMLTextAreaElement;
/** Waits until the host has every change (the view sends within 200 ms). */
export const durable = (_store: MinutesStore, check: () => void) => waitFor(check, { timeout: 3_000 });
