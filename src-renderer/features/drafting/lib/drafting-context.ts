import { createContext, useContext } from 'react';

/**
 * What the app shell tells the drafting feature, which itself knows no routes and no session:
 * where a draft opens, and the courts where the user may draft decisions (`decision.draft`).
 */
export interface DraftingLinks {
  draftHref(draftId: string): string;
  openDraft(draftId: string): void;
  caseHref(caseId: string): string;
  openCase(caseId: string): void;
  draftingCourts: readonly string[];
}

export const DraftingContext = createContext<DraftingLinks | null>(null);

export function useDraftingLinks(): DraftingLinks | null {
  return useContext(DraftingContext);
}
