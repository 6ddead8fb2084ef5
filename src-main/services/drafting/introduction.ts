import type {
  DecisionKind,
  DecisionTemplate,
  IntroductionFieldKey,
} from '../../../src-shared/contract/drafting.js';
import type { CaseSnapshot, Hearing, Party } from '../../../src-shared/domain/case.js';
import { PARTY_ROLES } from '../../../src-shared/domain/party-roles.js';
import type { ProcedureType } from '../../../src-shared/domain/procedure-type.js';
import { formatCourtDate, partyRoleName, roleName } from '../court-text.js';

/**
 * The introduction of a decision, filled in from the cached case (issue 8 item 2): Estonian text as
 * printed in the decision. The role names, the court's time zone and its long date are shared with
 * the hearing minutes (src-main/services/court-text.ts).
 */

/** Generic labels as printed (a civil judgment's); `introductionLabel` adapts them to the decision. */
export const INTRODUCTION_LABELS: Readonly<Record<IntroductionFieldKey, string>> = {
  court: 'Kohus',
  judges: 'Kohtunik',
  pronouncedAt: 'Otsuse tegemise aeg',
  place: 'Otsuse tegemise koht',
  caseNumber: 'Tsiviilasja number',
  subject: 'Asi',
  claimValue: 'Hagi hind',
  parties: 'Menetlusosalised',
  representatives: 'Esindajad',
  procedure: 'Menetlus',
};

const CASE_NUMBER_LABELS: Readonly<Record<ProcedureType, string>> = {
  civil: 'Tsiviilasja number',
  criminal: 'Kriminaalasja number',
  administrative: 'Haldusasja number',
  misdemeanour: 'Väärteoasja number',
  constitutional: 'Asja number',
};

const capitalise = (s: string): string => (s ? s[0]!.toLocaleUpperCase('et') + s.slice(1) : s);

/** Where courts sit: the place of pronouncement when none is given. */
const COURT_SEATS: Readonly<Record<string, string>> = {
  'harju maakohus': 'Tallinn',
  'tartu maakohus': 'Tartu',
  'pärnu maakohus': 'Pärnu',
  'viru maakohus': 'Jõhvi',
  'tallinna halduskohus': 'Tallinn',
  'tartu halduskohus': 'Tartu',
  'tallinna ringkonnakohus': 'Tallinn',
  'tartu ringkonnakohus': 'Tartu',
  riigikohus: 'Tartu',
};
/** A court named after its town, in the genitive: "Tallinna Halduskohus". */
const TOWN_GENITIVES: Readonly<Record<string, string>> = {
  tallinna: 'Tallinn',
  tartu: 'Tartu',
  pärnu: 'Pärnu',
  narva: 'Narva',
  jõhvi: 'Jõhvi',
  rakvere: 'Rakvere',
  viljandi: 'Viljandi',
  kuressaare: 'Kuressaare',
  haapsalu: 'Haapsalu',
  rapla: 'Rapla',
  paide: 'Paide',
  jõgeva: 'Jõgeva',
  põlva: 'Põlva',
  valga: 'Valga',
  võru: 'Võru',
};

/**
 * The town a court sits in: from the court's name, else from a hearing room written with its town
 * ("Tartu, Kalevi 1, saal 5"); '' when neither tells.
 */
export function courtSeat(courtName: string, hearingRoom?: string): string {
  const name = courtName.trim().toLocaleLowerCase('et');
  const known = COURT_SEATS[name];
  if (known) return known;
  const town = TOWN_GENITIVES[name.split(/\s+/)[0] ?? ''];
  if (town) return town;
  const first = hearingRoom?.split(',')[0]?.trim() ?? '';
  if (first && !/\d|saal|ruum|istungisaal/i.test(first)) return first;
  return '';
}

const euros = new Intl.NumberFormat('et-EE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "12 345,67 eurot" (the groups separated by a no-break space, as Intl writes Estonian). */
export function formatEuros(cents: number): string {
  return `${euros.format(cents / 100)} eurot`;
}

function byStart(a: Hearing, b: Hearing): number {
  return Date.parse(a.startsAt) - Date.parse(b.startsAt);
}

/** The last hearing held by `now` (a pronouncement of the decision is not a hearing of the merits). */
export function lastHearing(snapshot: CaseSnapshot, now: Date): Hearing | undefined {
  return snapshot.hearings
    .filter((h) => h.kind !== 'pronouncement' && Date.parse(h.startsAt) <= now.getTime())
    .sort(byStart)
    .at(-1);
}

function pronouncementHearing(snapshot: CaseSnapshot): Hearing | undefined {
  return snapshot.hearings
    .filter((h) => h.kind === 'pronouncement')
    .sort(byStart)
    .at(-1);
}

function judgesOf(snapshot: CaseSnapshot, last: Hearing | undefined): string {
  const panel = last?.judges.map((j) => j.name.trim()).filter(Boolean) ?? [];
  if (panel.length > 0) return panel.join(', ');
  return snapshot.judge?.name ?? '';
}

function orderedParties(snapshot: CaseSnapshot): Party[] {
  const order = PARTY_ROLES[snapshot.procedureType];
  const rank = (p: Party) => {
    const i = order.indexOf(p.role);
    return i < 0 ? order.length : i;
  };
  return snapshot.parties
    .map((party, index) => ({ party, index }))
    .sort((a, b) => rank(a.party) - rank(b.party) || a.index - b.index)
    .map(({ party }) => party);
}

function partyLine(procedureType: ProcedureType, party: Party): string {
  const code = party.code?.trim();
  const codeText = code ? ` (${party.kind === 'legal' ? 'registrikood' : 'isikukood'} ${code})` : '';
  return `${capitalise(partyRoleName(procedureType, party.role))}: ${party.name}${codeText}`;
}

function representativeLines(procedureType: ProcedureType, parties: readonly Party[]): string[] {
  const perRole = new Map<string, number>();
  for (const p of parties) perRole.set(p.role, (perRole.get(p.role) ?? 0) + 1);
  return parties
    .filter((p) => p.representative?.trim())
    .map((p) => {
      const genitive = roleName(procedureType, p.role)[1];
      const who = (perRole.get(p.role) ?? 0) > 1 ? `${genitive} ${p.name}` : genitive;
      const noun = p.role === 'accused' ? 'kaitsja' : 'esindaja';
      return `${capitalise(who)} ${noun}: ${p.representative!.trim()}`;
    });
}

function procedureText(last: Hearing | undefined): string {
  if (!last) return 'kirjalik menetlus';
  return `kohtuistung ${formatCourtDate(new Date(last.startsAt))}${last.public ? '' : ' (kinnine)'}`;
}

export interface IntroductionOptions {
  /** When the decision is made, unless the case has a pronouncement hearing. */
  now: Date;
  /** The place of pronouncement, overriding the court's seat. */
  courtPlace?: string;
}

/**
 * Every introduction field's value from the case as cached now. Multi-line values (parties,
 * representatives) have one line per person, separated by "\n". A field the case has nothing for is ''.
 */
export function buildIntroduction(
  template: DecisionTemplate,
  snapshot: CaseSnapshot,
  opts: IntroductionOptions,
): Record<IntroductionFieldKey, string> {
  const last = lastHearing(snapshot, opts.now);
  const pronouncement = pronouncementHearing(snapshot);
  const pronouncedAt = pronouncement ? new Date(pronouncement.startsAt) : opts.now;
  const parties = orderedParties(snapshot);
  const room = pronouncement?.room ?? last?.room;
  const place = opts.courtPlace?.trim() || courtSeat(snapshot.court.name, room);
  // The template decides which fields are printed; every field is filled so a changed template still has its values.
  void template;
  return {
    court: snapshot.court.name,
    judges: judgesOf(snapshot, last),
    pronouncedAt: formatCourtDate(pronouncedAt),
    place,
    caseNumber: snapshot.number,
    subject: snapshot.subject,
    claimValue: snapshot.claimValueCents === null ? '' : formatEuros(snapshot.claimValueCents),
    parties: parties.map((p) => partyLine(snapshot.procedureType, p)).join('\n'),
    representatives: representativeLines(snapshot.procedureType, parties).join('\n'),
    procedure: procedureText(last),
  };
}

export interface LabelContext {
  procedureType: ProcedureType;
  decisionKind: DecisionKind;
}

/** The label of a field as printed in this kind of decision ("Määruse tegemise aeg", "Kriminaalasja number"). */
export function introductionLabel(key: IntroductionFieldKey, ctx: LabelContext, value = ''): string {
  const noun = ctx.decisionKind === 'ruling' ? 'Määruse' : 'Otsuse';
  switch (key) {
    case 'caseNumber':
      return CASE_NUMBER_LABELS[ctx.procedureType];
    case 'pronouncedAt':
      return `${noun} tegemise aeg`;
    case 'place':
      return `${noun} tegemise koht`;
    case 'judges':
      return value.includes(',') ? 'Kohtukoosseis' : INTRODUCTION_LABELS.judges;
    case 'claimValue':
      return ctx.procedureType === 'civil' ? INTRODUCTION_LABELS.claimValue : 'Nõude suurus';
    default:
      return INTRODUCTION_LABELS[key];
  }
}

/**
 * The introduction as printed: the template's fields in its order, each with its label; time and
 * place of pronouncement share one row ("Otsuse tegemise aeg ja koht") as courts print them;
 * empty fields are left out.
 */
export function introductionRows(
  template: Pick<DecisionTemplate, 'introduction' | 'procedureType' | 'decisionKind'>,
  values: Partial<Record<IntroductionFieldKey, string>>,
): { label: string; value: string }[] {
  const rows: { label: string; value: string }[] = [];
  const keys = template.introduction;
  const value = (key: IntroductionFieldKey) => values[key]?.trim() ?? '';
  for (const key of keys) {
    if (key === 'place' && keys.includes('pronouncedAt') && value('pronouncedAt')) continue;
    if (key === 'pronouncedAt' && keys.includes('place') && value('place')) {
      const label = introductionLabel('pronouncedAt', template).replace(/ aeg$/, ' aeg ja koht');
      if (value('pronouncedAt')) rows.push({ label, value: `${value('pronouncedAt')}, ${value('place')}` });
      continue;
    }
    if (value(key)) rows.push({ label: introductionLabel(key, template, value(key)), value: value(key) });
  }
  return rows;
}
