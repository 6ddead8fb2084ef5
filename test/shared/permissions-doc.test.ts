import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import {
  ACTION_RULES,
  ACTIONS,
  type Action,
  type Grant,
  OBSERVER_ROLES,
  OBSERVER_SCOPES,
  type ObserverScope,
  PERMISSION_TABLE,
  PROCEDURE_TYPES,
  type ProcedureType,
  ROLES,
  type Role,
} from '../../src-shared/domain/index.js';

const DOC = fileURLToPath(new URL('../../docs/permissions.md', import.meta.url));
const REGENERATE = 'UPDATE_DOCS=1 npx vitest run --project node test/shared/permissions-doc.test.ts';
const SHORT: Record<ProcedureType, string> = {
  criminal: 'crim',
  civil: 'civ',
  administrative: 'adm',
  misdemeanour: 'misd',
  constitutional: 'const',
};

/** One row per role, and one per observer sub-type for the observer roles. */
function rows(): { label: string; role: Role; scope: ObserverScope | null }[] {
  return ROLES.flatMap((role): { label: string; role: Role; scope: ObserverScope | null }[] =>
    (OBSERVER_ROLES as readonly Role[]).includes(role)
      ? (Object.keys(OBSERVER_SCOPES) as ObserverScope[]).map((scope) => ({
          label: `${role} (${scope})`,
          role,
          scope,
        }))
      : [{ label: role, role, scope: null }],
  );
}

function typesOf(grant: Grant, scope: ObserverScope | null): readonly ProcedureType[] {
  if (grant === 'all' || grant === 'assigned') return PROCEDURE_TYPES;
  if (grant === 'sub-type') return scope ? OBSERVER_SCOPES[scope] : [];
  return grant;
}

function cell(grant: Grant | undefined, scope: ObserverScope | null): string {
  if (grant === undefined) return '—';
  const types = typesOf(grant, scope);
  const list = types.length === PROCEDURE_TYPES.length ? 'all' : types.map((t) => SHORT[t]).join(', ');
  return grant === 'assigned' ? `${list}, assigned cases only` : list;
}

const table = (head: string[], body: string[][]) =>
  [head, head.map(() => '---'), ...body].map((r) => `| ${r.join(' | ')} |`).join('\n');

/** docs/permissions.md, generated from PERMISSION_TABLE and ACTION_RULES. */
function renderPermissionsDoc(): string {
  const actions = table(
    ['action', 'checked against', 'closed / adoption cases', 'what it allows'],
    ACTIONS.map((a: Action) => [
      `\`${a}\``,
      ACTION_RULES[a].target === 'case' ? 'one case' : 'a court',
      ACTION_RULES[a].target === 'court'
        ? '—'
        : ACTION_RULES[a].restrictedNeedsAssignment
          ? 'assigned staff only'
          : 'role is enough',
      ACTION_RULES[a].description,
    ]),
  );
  const matrix = table(
    ['role', ...ACTIONS.map((a) => `\`${a}\``)],
    rows().map((r) => [r.label, ...ACTIONS.map((a) => cell(PERMISSION_TABLE[r.role][a], r.scope))]),
  );
  const read = table(
    ['role', ...PROCEDURE_TYPES],
    rows().map((r) => {
      const grant = PERMISSION_TABLE[r.role]['case.read'];
      return [
        r.label,
        ...PROCEDURE_TYPES.map((t) =>
          grant === undefined || !typesOf(grant, r.scope).includes(t)
            ? '—'
            : grant === 'assigned'
              ? 'assigned'
              : 'yes',
        ),
      ];
    }),
  );
  return `# Permissions

<!-- Generated from src-shared/domain/permissions.ts by test/shared/permissions-doc.test.ts.
     Do not edit by hand: change the table, then run
     ${REGENERATE} -->

Who may do what in the court register (statute §3, §15–17). The table is data in
\`src-shared/domain/permissions.ts\`; the register enforces it in one function,
\`authorize(user, action, target)\` in \`src-shared/domain/access.ts\`, for every endpoint
(\`src-register/http/auth.ts\`) and for the sync feed (\`src-register/domain/visibility.ts\`).

How to read it:

- A role is held **at one court** (the external roles of §17 — system administrator and system
  observer — at every court). A grant covers cases of that court only.
- A cell lists the procedure types the grant covers (crim = criminal, civ = civil, adm =
  administrative, misd = misdemeanour, const = constitutional review); **all** means all five; —
  means not granted.
- Observers (court and system) are narrowed by their sub-type; each sub-type has its own row.
- **Closed proceedings and adoption cases** (§9): for actions marked "assigned staff only", no role
  is enough on its own — not even the court president's. Only court staff assigned to that case
  (its judge or panel, the judges and secretaries of its hearings, and staff assigned to it such as
  law clerks, assistant judges and interpreters) may, and only with a role at that court that grants
  the action. External roles never open a restricted case.
- A role assignment counts only between its \`valid_from\` and \`valid_to\` dates, and a user who is
  no longer active (employment ended, §6¹) has no rights at all.

## Actions

${actions}

## Role × action

${matrix}

## Reading cases (\`case.read\`) by procedure type

Ordinary cases of the role's court; closed and adoption cases additionally need the user assigned.

${read}
`;
}

/** The doc as `prettier --write` leaves it, so formatting the repository never makes it stale. */
async function formattedDoc(): Promise<string> {
  const config = await prettier.resolveConfig(DOC);
  return prettier.format(renderPermissionsDoc(), { ...config, filepath: DOC });
}

describe('docs/permissions.md', () => {
  it('is generated from the permissions table and up to date', async () => {
    const expected = await formattedDoc();
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, expected);
    let actual = '';
    try {
      actual = readFileSync(DOC, 'utf8');
    } catch {
      // A missing file is a stale file; the message below says how to make it.
    }
    expect(actual, `${DOC} is stale: run ${REGENERATE}`).toBe(expected);
  });

  it('lists every role, observer sub-type and action', () => {
    const doc = renderPermissionsDoc();
    for (const role of ROLES) expect(doc).toContain(`| ${role}`);
    for (const role of OBSERVER_ROLES)
      for (const scope of Object.keys(OBSERVER_SCOPES)) expect(doc).toContain(`| ${role} (${scope}) |`);
    for (const action of ACTIONS) expect(doc).toContain(`\`${action}\``);
  });
});
