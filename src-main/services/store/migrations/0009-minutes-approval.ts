import type { Migration } from './index.js';

/**
 * The judge approving hearing minutes does so with their own ID card on the secretary's computer
 * (issue 9): the personal code from the card's certificate is kept beside the judge's register id
 * and name. Minutes approved before this version keep a NULL code (the signed-in judge approved).
 */
export const minutesApprovalSchema: Migration = {
  version: 9,
  name: 'minutes-approval',
  up(db) {
    db.exec(`ALTER TABLE minutes ADD COLUMN approved_by_personal_code TEXT;`);
  },
};
