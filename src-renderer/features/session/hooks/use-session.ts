import { useQuery } from '@tanstack/react-query';
import type { Role } from '../../../../src-shared/domain/roles';
import { currentSessionQuery, type Session } from '../api/session-queries';

export function useSession() {
  return useQuery(currentSessionQuery());
}

/** The role shown beside the name: the first assignment (people rarely hold more than one). */
export function primaryRole(session: Session): Role | null {
  return session.user.roles[0]?.role ?? null;
}
