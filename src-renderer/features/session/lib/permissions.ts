import type { Action } from '../../../../src-shared/domain/permissions';
import { authorize } from '../../../../src-shared/domain/access';
import type { SessionUser } from '../../../../src-shared/domain/user';

/**
 * The courts where the user may do a court-level action (register a case, manage allocation, read
 * statistics), by the register's own rule (`authorize`), so the UI never offers what the register
 * would refuse. An empty list hides the screen.
 */
export function courtsWhere(user: SessionUser, action: Action): string[] {
  const courts = new Set<string>();
  for (const assignment of user.roles) {
    if (assignment.courtCode && authorize(user, action, { courtCode: assignment.courtCode }))
      courts.add(assignment.courtCode);
  }
  return [...courts].sort();
}
