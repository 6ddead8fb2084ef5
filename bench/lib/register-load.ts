// Load for the register benchmark: registrations through `POST /api/v1/cases` and full change-feed pulls.
import { z } from 'zod';
import { type ProcedureType, makePersonalCode } from '../../src-shared/domain/index.js';
import {
  API_PREFIX,
  DevUsersResponse,
  type RegistrationRequest,
  RegistrationResponse,
  SyncCursor,
} from '../../src-shared/register-api/index.js';
import { timeMs } from './measure.js';

/** Party roles per procedure type, so every registration is valid and the draw runs for each type. */
const KINDS: ReadonlyArray<{ procedureType: ProcedureType; roles: [string, string] }> = [
  { procedureType: 'civil', roles: ['plaintiff', 'defendant'] },
  { procedureType: 'criminal', roles: ['prosecutor', 'accused'] },
  { procedureType: 'administrative', roles: ['respondent', 'complainant'] },
  { procedureType: 'misdemeanour', roles: ['extrajudicial_body', 'person_concerned'] },
];

/**
 * Registration `index` of a run: two parties and a subject no other registration has, so the 90-day
 * refiling rule never short-cuts the draw.
 */
export function registrationRequest(index: number, courtCode: string): RegistrationRequest {
  const { procedureType, roles } = KINDS[index % KINDS.length]!;
  const birth = new Date(Date.UTC(1960, 0, 1) + Math.floor(index / 999) * 86_400_000);
  return {
    courtCode,
    procedureType,
    subject: `Koormustesti asi nr ${index}`,
    category: null,
    claimValueCents: procedureType === 'civil' ? 10_000 + index : null,
    parties: [
      {
        kind: 'legal',
        name: `Koormus ${index} OÜ`,
        registryCode: String(10_000_000 + index),
        role: roles[0],
      },
      {
        kind: 'natural',
        name: `Isik ${index}`,
        personalCode: makePersonalCode(3 + (index % 2), birth, index % 999),
        role: roles[1],
      },
    ],
  };
}

async function registerOne(url: string, token: string, body: RegistrationRequest): Promise<void> {
  const res = await fetch(`${url}${API_PREFIX}/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST /cases: HTTP ${res.status} ${await res.text()}`);
  const answer = RegistrationResponse.parse(await res.json());
  if (!answer.allocation) throw new Error(`${answer.number} was not allocated: ${answer.allocationNote}`);
}

/**
 * Registers `count` cases from `clients` concurrent clients (indices from `firstIndex`); returns each
 * request's milliseconds and the wall time of the whole batch.
 */
export async function registerMany(
  url: string,
  token: string,
  options: { firstIndex: number; count: number; clients: number; courtCode: string },
): Promise<{ latenciesMs: number[]; wallMs: number }> {
  const latenciesMs: number[] = [];
  let next = 0;
  const client = async () => {
    while (next < options.count) {
      const body = registrationRequest(options.firstIndex + next++, options.courtCode);
      latenciesMs.push(await timeMs(() => registerOne(url, token, body)));
    }
  };
  const wallMs = await timeMs(() => Promise.all(Array.from({ length: options.clients }, client)));
  return { latenciesMs, wallMs };
}

// Only what the pull needs is checked: validating every snapshot would measure zod, not the register.
const ChangesPage = z.object({ changes: z.array(z.unknown()), cursor: SyncCursor, hasMore: z.boolean() });

/** A full `GET /sync/changes` pull from cursor 0: its rows, each page's milliseconds and the wall time. */
export async function pullAll(
  url: string,
  token: string,
  limit: number,
): Promise<{ rows: number; pageMs: number[]; wallMs: number }> {
  const pageMs: number[] = [];
  let rows = 0;
  const wallMs = await timeMs(async () => {
    let cursor = '0';
    for (let more = true; more;) {
      let page: z.infer<typeof ChangesPage> | undefined;
      pageMs.push(
        await timeMs(async () => {
          const res = await fetch(`${url}${API_PREFIX}/sync/changes?cursor=${cursor}&limit=${limit}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          if (!res.ok) throw new Error(`GET /sync/changes: HTTP ${res.status} ${await res.text()}`);
          page = ChangesPage.parse(await res.json());
        }),
      );
      rows += page!.changes.length;
      cursor = page!.cursor;
      more = page!.hasMore;
    }
  });
  return { rows, pageMs, wallMs };
}

/** The demo court's first user whose leading role label matches, as the dev sign-in lists them. */
export async function devUser(url: string, role: RegExp): Promise<{ personalCode: string; name: string }> {
  const res = await fetch(`${url}${API_PREFIX}/dev/users`);
  if (!res.ok) throw new Error(`GET /dev/users: HTTP ${res.status}`);
  const { users } = DevUsersResponse.parse(await res.json());
  const user = users.find((u) => role.test(u.roleLabel));
  if (!user) throw new Error(`no development user with a role like ${role}`);
  return user;
}
