import type { CaseRestriction, ProcedureType } from '../../src-shared/domain/index.js';
import {
  AUTHORITIES,
  COMPANIES,
  FEMALE_NAMES,
  LAW_FIRMS,
  MALE_NAMES,
  PROSECUTOR_OFFICE,
  SURNAMES,
} from './demo-names.js';
import { personalCodeFor } from './demo-people.js';
import type { Prng } from './prng.js';

export interface PlannedParty {
  id: string;
  kind: 'natural' | 'legal';
  name: string;
  code: string | null;
  /** Procedural role for the procedure type (snake_case): plaintiff, defendant, accused, victim, … */
  role: string;
  representative: string | null;
}

export interface PartyContext {
  rng: Prng;
  takenCodes: Set<string>;
  /** Staff names: a party never shares a name with the court's own people. */
  reservedNames: Set<string>;
}

/** An 8-digit registry code that stays the same for the same organisation in every case. */
function registryCode(name: string, first: '1' | '7'): string {
  let hash = 2166136261;
  for (const ch of name) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return first + String(hash % 10_000_000).padStart(7, '0');
}

function personName(ctx: PartyContext, female: boolean): string {
  for (;;) {
    const name = `${ctx.rng.pick(female ? FEMALE_NAMES : MALE_NAMES)} ${ctx.rng.pick(SURNAMES)}`;
    if (!ctx.reservedNames.has(name)) return name;
  }
}

function lawyer(ctx: PartyContext, title: string): string {
  return `${title} ${personName(ctx, ctx.rng.chance(0.5))} (${ctx.rng.pick(LAW_FIRMS)})`;
}

function natural(
  ctx: PartyContext,
  role: string,
  opts: { born?: [number, number]; represented?: number } = {},
): PlannedParty {
  const female = ctx.rng.chance(0.5);
  const [from, to] = opts.born ?? [1950, 2003];
  return {
    id: ctx.rng.uuid(),
    kind: 'natural',
    name: personName(ctx, female),
    code: personalCodeFor(ctx.rng, female, from, to, ctx.takenCodes),
    role,
    representative: ctx.rng.chance(opts.represented ?? 0.3) ? lawyer(ctx, 'vandeadvokaat') : null,
  };
}

function organisation(
  ctx: PartyContext,
  role: string,
  name: string,
  representative: string | null,
): PlannedParty {
  const isAuthority = (AUTHORITIES as readonly string[]).includes(name) || !/(OÜ|AS|MTÜ)$/.test(name);
  return {
    id: ctx.rng.uuid(),
    kind: 'legal',
    name,
    code: registryCode(name, isAuthority ? '7' : '1'),
    role,
    representative,
  };
}

const company = (ctx: PartyContext, role: string) =>
  organisation(ctx, role, ctx.rng.pick(COMPANIES), ctx.rng.chance(0.7) ? lawyer(ctx, 'vandeadvokaat') : null);
const authority = (ctx: PartyContext, role: string) =>
  organisation(ctx, role, ctx.rng.pick(AUTHORITIES), `ametnik ${personName(ctx, ctx.rng.chance(0.5))}`);

/** 2–4 parties whose procedural roles fit the procedure type. */
export function planParties(
  ctx: PartyContext,
  type: ProcedureType,
  restriction: CaseRestriction,
): PlannedParty[] {
  const { rng } = ctx;
  const extra = (p: number, make: () => PlannedParty) => (rng.chance(p) ? [make()] : []);
  switch (type) {
    case 'civil':
      if (restriction === 'adoption') {
        return [
          natural(ctx, 'applicant', { born: [1975, 1995] }),
          ...extra(0.5, () => natural(ctx, 'applicant', { born: [1975, 1995], represented: 0 })),
          natural(ctx, 'person_concerned', { born: [2012, 2022], represented: 0 }),
          organisation(ctx, 'guardianship_authority', 'Tallinna Sotsiaal- ja Tervishoiuamet', null),
        ];
      }
      return [
        rng.chance(0.5) ? company(ctx, 'plaintiff') : natural(ctx, 'plaintiff'),
        rng.chance(0.7) ? natural(ctx, 'defendant') : company(ctx, 'defendant'),
        ...extra(0.25, () => natural(ctx, 'third_party')),
        ...extra(0.1, () => natural(ctx, 'defendant')),
      ];
    case 'criminal':
      return [
        organisation(
          ctx,
          'prosecutor',
          PROSECUTOR_OFFICE,
          `ringkonnaprokurör ${personName(ctx, rng.chance(0.5))}`,
        ),
        {
          ...natural(ctx, 'accused', { born: [1960, 2004] }),
          representative: lawyer(ctx, 'kaitsja vandeadvokaat'),
        },
        ...extra(0.6, () =>
          rng.chance(0.8) ? natural(ctx, 'victim', { represented: 0.15 }) : company(ctx, 'victim'),
        ),
        ...extra(0.15, () => ({
          ...natural(ctx, 'accused'),
          representative: lawyer(ctx, 'kaitsja vandeadvokaat'),
        })),
      ];
    case 'administrative':
      return [
        rng.chance(0.6) ? natural(ctx, 'complainant') : company(ctx, 'complainant'),
        authority(ctx, 'respondent'),
        ...extra(0.2, () => company(ctx, 'third_party')),
      ];
    case 'misdemeanour':
      return [natural(ctx, 'person_concerned', { represented: 0.25 }), authority(ctx, 'extrajudicial_body')];
    case 'constitutional':
      return [
        rng.chance(0.5) ? natural(ctx, 'applicant', { represented: 0.8 }) : company(ctx, 'applicant'),
        organisation(ctx, 'participant', 'Õiguskantsler', null),
        ...extra(0.6, () => organisation(ctx, 'participant', 'Justiits- ja Digiministeerium', null)),
      ];
  }
}
