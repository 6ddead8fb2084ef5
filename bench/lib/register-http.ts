// Plain HTTP calls to the register, for benchmarks that need a session or a peer measured without the desktop services.
import {
  API_PREFIX,
  DevUsersResponse,
  SessionResponse,
  SyncPullResponse,
} from '../../src-shared/register-api/schemas.js';

async function getJson(url: string, init?: RequestInit): Promise<unknown> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/** The court president sees every case of the court; fall back to whoever sees most. */
export async function pickUser(
  url: string,
): Promise<{ personalCode: string; name: string; roleLabel: string }> {
  const { users } = DevUsersResponse.parse(await getJson(`${url}${API_PREFIX}/dev/users`));
  const president = users.find((u) => /esimees|president/i.test(u.roleLabel));
  if (president) return president;
  let best: { user: (typeof users)[number]; visible: number } | null = null;
  for (const user of users) {
    const token = await signIn(url, user.personalCode);
    const page = SyncPullResponse.parse(await getJson(`${url}${API_PREFIX}/sync/pull?limit=1`, auth(token)));
    const visible = page.changes.length + (page.remaining ?? 0);
    if (!best || visible > best.visible) best = { user, visible };
  }
  if (!best) throw new Error('the register lists no development users');
  return best.user;
}

export async function signIn(url: string, personalCode: string): Promise<string> {
  const body = await getJson(`${url}${API_PREFIX}/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personalCode }),
  });
  return SessionResponse.parse(body).token;
}

const auth = (token: string): RequestInit => ({ headers: { authorization: `Bearer ${token}` } });

/** The transfer floor: a sign-in, then every page over HTTP and its JSON parsed, nothing validated or stored. */
export async function signInAndFetchAll(
  url: string,
  personalCode: string,
  limit: number,
): Promise<{ pages: number; cases: number }> {
  const token = await signIn(url, personalCode);
  let cursor = '0';
  let pages = 0;
  let cases = 0;
  for (;;) {
    const page = (await getJson(
      `${url}${API_PREFIX}/sync/pull?cursor=${cursor}&limit=${limit}`,
      auth(token),
    )) as SyncPullResponse;
    pages++;
    for (const change of page.changes) cases += change.kind === 'case' ? 1 : -1;
    cursor = page.cursor;
    if (!page.hasMore) return { pages, cases };
  }
}
