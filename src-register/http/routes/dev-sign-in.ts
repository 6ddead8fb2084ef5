import { AppError } from '../../../src-shared/contract/result.js';
import { COURT_ROLES, type Role } from '../../../src-shared/domain/index.js';
import {
  DevSignInRequest,
  DevUsersResponse,
  SessionResponse,
} from '../../../src-shared/register-api/index.js';
import type { Db } from '../../db/index.js';
import { openSession } from '../../domain/sign-in.js';
import { findActiveUserIdByPersonalCode, loadSessionUser } from '../../domain/users.js';
import { addRoute, type RouteHost } from '../route.js';

const ROLE_LABELS: Partial<Record<Role, string>> = {
  court_president: 'Court president',
  judge: 'Judge',
  court_session_secretary: 'Court session secretary',
  chancery_official: 'Chancery official',
  head_of_chancery: 'Head of chancery',
  observer: 'Observer',
  system_administrator: 'System administrator',
  system_observer: 'System observer',
};
const roleLabel = (role: Role) =>
  ROLE_LABELS[role] ?? role.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
const roleRank = (role: string) => {
  const index = (COURT_ROLES as readonly string[]).indexOf(role);
  return index < 0 ? COURT_ROLES.length : index;
};

interface DevUserRow {
  personal_code: string;
  name: string;
  roles: string[];
  courts: (string | null)[];
  scopes: (string | null)[];
}

/** Development sign-in (docs/decisions/0005): registered only when the register runs with the dev flag. */
export function addDevSignInRoutes(host: RouteHost, deps: { db: Db }): void {
  addRoute(host, {
    method: 'GET',
    path: '/api/v1/dev/users',
    summary: 'Development only: the users one may sign in as',
    auth: false,
    response: DevUsersResponse,
    handler: async () => {
      const rows = await deps.db.query<DevUserRow>(
        `SELECT u.personal_code, u.name,
                array_agg(r.role ORDER BY r.role) AS roles, array_agg(r.court_code ORDER BY r.role) AS courts,
                array_agg(r.observer_scope ORDER BY r.role) AS scopes
         FROM users u JOIN role_assignments r ON r.user_id = u.id
         WHERE u.active AND r.valid_from <= current_date AND (r.valid_to IS NULL OR r.valid_to >= current_date)
         GROUP BY u.id, u.personal_code, u.name`,
      );
      const users = rows.map((row) => {
        const order = row.roles
          .map((_, i) => i)
          .sort((a, b) => roleRank(row.roles[a]!) - roleRank(row.roles[b]!));
        const labels = order.map((i) => {
          const scope = row.scopes[i];
          return roleLabel(row.roles[i] as Role) + (scope ? ` (${scope.replace(/_/g, ' ')})` : '');
        });
        const courts = [...new Set(row.courts.filter((c): c is string => c !== null))];
        return {
          personalCode: row.personal_code,
          name: row.name,
          roleLabel: labels.join(', ') + (courts.length ? ` — ${courts.join(', ')}` : ''),
          rank: roleRank(row.roles[order[0]!]!),
        };
      });
      users.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'et'));
      return { users: users.map(({ rank: _rank, ...user }) => user) };
    },
  });
  addRoute(host, {
    method: 'POST',
    path: '/api/v1/dev/sign-in',
    summary: 'Development only: sign in as a user by personal code, without a card',
    auth: false,
    body: DevSignInRequest,
    response: SessionResponse,
    handler: async ({ body }) => {
      const userId = await findActiveUserIdByPersonalCode(deps.db, body.personalCode);
      const user = userId ? await loadSessionUser(deps.db, userId) : null;
      if (!user) throw new AppError('not_found', `no active user with personal code ${body.personalCode}`);
      return openSession(deps.db, user, 'dev');
    },
  });
}
