import { createContext, useContext } from 'react';

/**
 * What the app shell tells the minutes feature, which itself knows no routes and no session:
 * where minutes open, the case file's address, and who is signed in (to offer approval).
 */
export interface MinutesLinks {
  minutesHref(minutesId: string | null): string;
  openMinutes(minutesId: string): void;
  caseHref(caseId: string): string;
  userId: string;
}

export const MinutesContext = createContext<MinutesLinks | null>(null);

export function useMinutesLinks(): MinutesLinks | null {
  return useContext(MinutesContext);
}

/** The participant id the host gives a judge of the hearing (`judge:<person id>`, see prefill.ts). */
export const judgeParticipantId = (personId: string): string => `judge:${personId}`.slice(0, 64);
