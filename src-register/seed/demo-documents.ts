import { type ProcedureType, documentNumber } from '../../src-shared/domain/index.js';
import type { PlannedParty } from './demo-parties.js';
import type { Prng } from './prng.js';

export interface PlannedDocument {
  id: string;
  number: string;
  kind: string;
  title: string;
  pages: number;
  restricted: boolean;
  filedAt: Date;
  /** What the scanned pages show, and the seed of their look. */
  lines: string[];
  pdfSeed: number;
}

interface DocumentCase {
  number: string;
  procedureType: ProcedureType;
  subject: string;
  restricted: boolean;
  adoption: boolean;
  decided: boolean;
  registeredAt: Date;
  parties: PlannedParty[];
}

const OPENING: Record<ProcedureType, [kind: string, title: string]> = {
  civil: ['statement_of_claim', 'Hagiavaldus'],
  criminal: ['indictment', 'Süüdistusakt'],
  administrative: ['complaint', 'Kaebus'],
  misdemeanour: ['complaint', 'Kaebus kohtuvälise menetleja otsuse peale'],
  constitutional: ['application', 'Taotlus põhiseaduslikkuse järelevalve algatamiseks'],
};

const LATER: [kind: string, title: string][] = [
  ['defence', 'Vastus'],
  ['application', 'Menetlusosalise taotlus'],
  ['power_of_attorney', 'Volikiri'],
  ['ruling', 'Kohtumäärus menetlusse võtmise kohta'],
  ['minutes', 'Kohtuistungi protokoll'],
];

const FILLER = [
  'Menetlusosaline palub kohtul arvestada lisatud tõenditega ning vaadata asi läbi kirjalikus menetluses.',
  'Asjaolud on kirjeldatud lisatud dokumentides, mille koopiad on esitatud koos käesoleva dokumendiga.',
  'Vaidlus puudutab poolte vahel sõlmitud kokkuleppe täitmist ja sellest tulenevaid kohustusi.',
  'Kohtule esitatakse täiendavad selgitused hiljemalt kohtu määratud tähtpäevaks.',
  'Menetlusosaline ei nõustu vastaspoole seisukohtadega ning palub need tagasi lükata.',
  'Tõendina esitatakse tunnistaja ütlused, kirjavahetus ja maksekorralduste väljavõtted.',
  'Vastavalt tsiviilkohtumenetluse seadustikule palub menetlusosaline menetluskulud välja mõista.',
];

/** How the scanned documents name the parties' procedural roles (they are Estonian court papers). */
const ROLE_ON_PAPER: Readonly<Record<string, string>> = {
  plaintiff: 'Hageja',
  defendant: 'Kostja',
  third_party: 'Kolmas isik',
  accused: 'Süüdistatav',
  victim: 'Kannatanu',
  prosecutor: 'Prokuratuur',
  applicant: 'Avaldaja',
  person_concerned: 'Puudutatud isik',
  guardianship_authority: 'Eestkosteasutus',
  complainant: 'Kaebaja',
  respondent: 'Vastustaja',
  extrajudicial_body: 'Kohtuväline menetleja',
  participant: 'Menetlusosaline',
};

const pagesOf = (rng: Prng) =>
  rng.weighted([
    [1, 65],
    [2, 23],
    [3, 8],
    [4, 4],
  ] as const);

function bodyLines(rng: Prng, c: DocumentCase, title: string): string[] {
  const parties = c.parties.map(
    (p) => `${ROLE_ON_PAPER[p.role] ?? p.role}: ${p.name}${p.code ? ` (${p.code})` : ''}`,
  );
  const paragraphs = Array.from({ length: rng.int(4, 9) }, (_, i) => `${i + 1}. ${rng.pick(FILLER)}`);
  return [
    'HARJU MAAKOHTULE',
    `Kohtuasi nr ${c.number}`,
    `Asi: ${c.subject}`,
    ...parties,
    '',
    title.toUpperCase(),
    '',
    ...paragraphs,
    '',
    'Allkiri',
  ];
}

/** One to three documents per case, numbered `T-YY-N/D` in filing order, each of one to four pages. */
export function planDocuments(rng: Prng, c: DocumentCase, now: Date): PlannedDocument[] {
  const opening = c.adoption ? (['application', 'Lapsendamise avaldus'] as const) : OPENING[c.procedureType];
  const kinds: (readonly [string, string])[] = [opening];
  if (rng.chance(0.4)) kinds.push(rng.pick(LATER));
  if (kinds.length === 2 && rng.chance(0.35))
    kinds.push(c.decided ? ['judgment', 'Kohtuotsus'] : rng.pick(LATER));
  let filedAt = c.registeredAt;
  return kinds.map(([kind, title], index) => {
    if (index > 0)
      filedAt = new Date(
        Math.min(filedAt.getTime() + rng.int(3, 40) * 86_400_000, now.getTime() - 3_600_000),
      );
    return {
      id: rng.uuid(),
      number: documentNumber(c.number, index + 1),
      kind,
      title,
      pages: pagesOf(rng),
      restricted: c.restricted,
      filedAt,
      lines: bodyLines(rng, c, title),
      pdfSeed: rng.int(1, 2_000_000_000),
    };
  });
}

/** The demo's long scanned file: an expert opinion of 500 pages, for the viewer's large documents. */
export const EXPERT_OPINION = { title: 'Ekspertiisiakt', kind: 'expert_opinion', pages: 500 } as const;

const EXPERT_SECTIONS = [
  'Ekspert on tutvunud kohtu poolt esitatud materjalidega ning vastab kohtu küsimustele järgnevalt.',
  'Uuringu käigus vaadeldi objekti kohapeal ning koostati fotod ja mõõtmistulemuste tabelid.',
  'Mõõtmistulemused on esitatud lisades; mõõtemääramatus on arvestatud tulemuste hindamisel.',
  'Eksperdi hinnangul vastavad tuvastatud asjaolud menetlusdokumentides kirjeldatule osaliselt.',
  'Kasutatud metoodika on kooskõlas valdkonnas üldtunnustatud standardite ja juhenditega.',
  'Ekspert on teadlik vastutusest teadvalt vale eksperdiarvamuse andmise eest.',
];

/**
 * Adds the expert opinion to `c`: numbered after its documents, filed after the last of them, with
 * its own fixed seeds (so adding it changes nothing else the plan draws).
 */
export function planExpertOpinion(
  rng: Prng,
  c: { number: string; subject: string; documents: PlannedDocument[]; registeredAt: Date },
  now: Date,
): PlannedDocument {
  const last = c.documents.at(-1)?.filedAt ?? c.registeredAt;
  const filedAt = new Date(Math.min(last.getTime() + 9 * 86_400_000, now.getTime() - 7_200_000));
  const chapters = Array.from(
    { length: 24 },
    (_, i) => `${i + 1}. ${EXPERT_SECTIONS[i % EXPERT_SECTIONS.length]}`,
  );
  return {
    id: rng.uuid(),
    number: documentNumber(c.number, c.documents.length + 1),
    kind: EXPERT_OPINION.kind,
    title: EXPERT_OPINION.title,
    pages: EXPERT_OPINION.pages,
    restricted: false,
    filedAt: filedAt < last ? last : filedAt,
    lines: [
      'HARJU MAAKOHTULE',
      `Kohtuasi nr ${c.number}`,
      `Asi: ${c.subject}`,
      '',
      'EKSPERTIISIAKT',
      '',
      ...chapters,
      '',
      'Ekspert',
    ],
    pdfSeed: rng.int(1, 2_000_000_000),
  };
}
