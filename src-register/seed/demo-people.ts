import {
  type ObserverScope,
  type Role,
  isValidPersonalCode,
  makePersonalCode,
} from '../../src-shared/domain/index.js';
import { FEMALE_NAMES } from './demo-names.js';
import { Prng } from './prng.js';

/** The seed of the demo court's pseudo-random numbers; seedDemoCourt draws the staff from it first. */
export const DEMO_SEED = 20_260_101;

export interface DemoUser {
  id: string;
  name: string;
  personalCode: string;
  roles: { id: string; role: Role; observerScope: ObserverScope | null }[];
}

export interface DemoStaff {
  users: DemoUser[];
  president: DemoUser;
  /** Everyone who hears cases, the president included. */
  judges: DemoUser[];
  secretaries: DemoUser[];
  chancery: DemoUser[];
}

/** A valid personal code for someone born between the given years; unique within `taken`. */
export function personalCodeFor(
  rng: Prng,
  female: boolean,
  fromYear: number,
  toYear: number,
  taken: Set<string>,
): string {
  for (;;) {
    const year = rng.int(fromYear, toYear);
    const birth = new Date(Date.UTC(year, rng.int(0, 11), rng.int(1, 28)));
    const century = year >= 2000 ? 5 : 3;
    const code = makePersonalCode(century + (female ? 1 : 0), birth, rng.int(1, 999));
    if (!isValidPersonalCode(code)) throw new Error(`generated an invalid personal code ${code}`);
    if (taken.has(code)) continue;
    taken.add(code);
    return code;
  }
}

const isFemale = (name: string) => (FEMALE_NAMES as readonly string[]).includes(name.split(' ')[0]!);

// Chosen by hand so that the demo's cast is easy to tell apart in the sign-in list.
const CAST: [string, Role[], ObserverScope | null][] = [
  ['Helen Saar', ['court_president', 'judge'], null],
  ['Andres Kask', ['judge'], null],
  ['Kadri Mägi', ['judge'], null],
  ['Toomas Rebane', ['judge'], null],
  ['Liina Kuusk', ['judge'], null],
  ['Margus Ilves', ['judge'], null],
  ['Triin Lepik', ['judge'], null],
  ['Priit Koppel', ['judge'], null],
  ['Eve Raudsepp', ['judge'], null],
  ['Maarja Sepp', ['court_session_secretary'], null],
  ['Kristjan Vaher', ['court_session_secretary'], null],
  ['Anu Kivi', ['court_session_secretary'], null],
  ['Siim Luik', ['court_session_secretary'], null],
  ['Piret Org', ['chancery_official'], null],
  ['Rasmus Teder', ['chancery_official'], null],
  ['Merike Pärn', ['chancery_official'], null],
  ['Katrin Laur', ['head_of_chancery'], null],
  ['Indrek Kallas', ['observer'], 'general'],
];

export function makeDemoStaff(rng: Prng, taken: Set<string>): DemoStaff {
  const users = CAST.map(([name, roles, scope]): DemoUser => ({
    id: rng.uuid(),
    name,
    personalCode: personalCodeFor(rng, isFemale(name), 1962, 1994, taken),
    roles: roles.map((role) => ({ id: rng.uuid(), role, observerScope: role === 'observer' ? scope : null })),
  }));
  const having = (role: Role) => users.filter((u) => u.roles.some((r) => r.role === role));
  return {
    users,
    president: having('court_president')[0]!,
    judges: having('judge'),
    secretaries: having('court_session_secretary'),
    chancery: [...having('chancery_official'), ...having('head_of_chancery')],
  };
}

/**
 * Exactly the staff seedDemoCourt inserts (it draws them first from a fresh Prng(DEMO_SEED) with no
 * personal codes taken), e.g. to make ID cards for them without a register.
 */
export function demoStaff(): DemoStaff {
  return makeDemoStaff(new Prng(DEMO_SEED), new Set());
}
