import type { DecisionTemplate } from '../../../../src-shared/contract/drafting.js';
import { CaseSnapshot } from '../../../../src-shared/domain/case.js';
import type { ProcedureType } from '../../../../src-shared/domain/procedure-type.js';
import type { BlockNode, ParagraphNode, RichDoc } from '../../../../src-shared/domain/rich-text.js';
import { buildIntroduction, introductionRows } from '../../../../src-main/services/drafting/introduction.js';
import type { CourtDocument } from '../../../../src-main/services/drafting/docx/court-document.js';
import { fillTemplateText } from '../../../../src-main/services/drafting/templates.js';

/** Cases as the register sends them, checked by the cache's own schema. */
const hearing = (id: string, startsAt: string, kind: string, judges: string[], room = 'Saal 203') => ({
  id,
  startsAt,
  room,
  public: true,
  kind,
  judges: judges.map((name, i) => ({ id: `${id}-j${i}`, name })),
  secretary: { id: 'sec-1', name: 'Maarja Sepp' },
});

const PARTIES: Record<
  ProcedureType,
  {
    name: string;
    kind: 'natural' | 'legal';
    code: string | null;
    role: string;
    representative: string | null;
  }[]
> = {
  civil: [
    {
      name: 'Kaupo Kivimägi',
      kind: 'natural',
      code: '38001010014',
      role: 'plaintiff',
      representative: 'vandeadvokaat Liis Luik',
    },
    { name: 'Osaühing Põhjatäht', kind: 'legal', code: '12345678', role: 'defendant', representative: null },
  ],
  criminal: [
    {
      name: 'Harju Maakohtu prokuratuur',
      kind: 'legal',
      code: null,
      role: 'prosecutor',
      representative: null,
    },
    {
      name: 'Siim Saarmäe',
      kind: 'natural',
      code: '39002020025',
      role: 'accused',
      representative: 'vandeadvokaat Toomas Tõnts',
    },
    { name: 'Ülle Õunapuu', kind: 'natural', code: '48503030036', role: 'victim', representative: null },
  ],
  administrative: [
    {
      name: 'Eeva Ehasalu',
      kind: 'natural',
      code: '47004040047',
      role: 'complainant',
      representative: 'Jaak Jõesaar',
    },
    {
      name: 'Tallinna Linnavalitsus',
      kind: 'legal',
      code: '75014920',
      role: 'respondent',
      representative: null,
    },
  ],
  misdemeanour: [
    {
      name: 'Rasmus Rätsep',
      kind: 'natural',
      code: '39505050058',
      role: 'person_concerned',
      representative: null,
    },
    {
      name: 'Politsei- ja Piirivalveamet',
      kind: 'legal',
      code: '70008747',
      role: 'extrajudicial_body',
      representative: null,
    },
  ],
  constitutional: [],
};

const NUMBER_PREFIX: Record<ProcedureType, string> = {
  civil: '2',
  criminal: '1',
  administrative: '3',
  misdemeanour: '4',
  constitutional: '5',
};

export function snapshotFor(procedureType: ProcedureType, withHearing = true): CaseSnapshot {
  const number = `${NUMBER_PREFIX[procedureType]}-25-${procedureType.length * 101}`;
  return CaseSnapshot.parse({
    id: `case-${procedureType}`,
    number,
    procedureType,
    court: { code: 'HMK', name: 'Harju Maakohus' },
    status: 'in_progress',
    subject: 'Võlgnevuse ja viivise väljamõistmine',
    category: null,
    claimValueCents: procedureType === 'civil' ? 1_234_567 : null,
    restriction: 'none',
    registeredAt: '2025-01-10T08:00:00.000Z',
    judge: { id: 'judge-1', name: 'Triin Lepik' },
    parties: PARTIES[procedureType].map((p, i) => ({ id: `p${i}`, ...p })),
    hearings: withHearing ? [hearing('h1', '2025-03-12T08:00:00.000Z', 'main', ['Triin Lepik'])] : [],
    documents: [],
    steps: [],
    version: 3,
  });
}

const text = (t: string, marks?: { type: 'bold' | 'italic' | 'underline' }[]) =>
  marks ? { type: 'text' as const, text: t, marks } : { type: 'text' as const, text: t };
const p = (t: string): ParagraphNode => ({ type: 'paragraph', content: [text(t)] });
const np = (t: string): BlockNode => ({ type: 'numberedParagraph', content: [text(t)] });

export const FOOTNOTE_TEXT = 'Riigikohtu tsiviilkolleegiumi 12.03.2020 otsus asjas nr 2-18-1234, p 14.';
export const FILLER =
  'Kohus on tutvunud toimiku materjalidega ning menetlusosaliste seisukohtadega ja leiab, et asjas ' +
  'tähtsust omavad asjaolud on tuvastatud esitatud tõendite põhjal piisava kindlusega.';

/** A descriptive section: two numbered paragraphs, then enough text to need a second page. */
function descriptive(i: number): RichDoc {
  return {
    type: 'doc',
    content: [
      np(`Kirjeldav lõik A${i}. ${FILLER}`),
      np(`Kirjeldav lõik B${i}. ${FILLER}`),
      ...Array.from({ length: 6 }, () => p(FILLER)),
    ],
  };
}

/** The reasoning: three numbered paragraphs (one with a footnote), a table and lists. */
export function reasoning(): RichDoc {
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [text('Nõude alus')] },
      np('Esimene põhjendus. Hageja nõue tugineb laenulepingule.'),
      {
        type: 'numberedParagraph',
        content: [
          text('Teine põhjendus, '),
          text('rõhutatud', [{ type: 'bold' }]),
          text(' ja '),
          text('kaldkirjas', [{ type: 'italic' }]),
          text('.'),
          { type: 'footnote', attrs: { text: FOOTNOTE_TEXT } },
          { type: 'hardBreak' },
          {
            type: 'text',
            text: 'VÕS § 208 lg 1',
            marks: [{ type: 'citation', attrs: { kind: 'provision', ref: 'VÕS § 208 lg 1' } }],
          },
        ],
      },
      np('Kolmas põhjendus. Nõue on aegumata.'),
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              { type: 'tableHeader', content: [p('Nõue')] },
              { type: 'tableHeader', content: [p('Summa')] },
            ],
          },
          {
            type: 'tableRow',
            content: [
              { type: 'tableCell', content: [p('Põhivõlg')] },
              { type: 'tableCell', content: [p('10 000,00')] },
            ],
          },
          {
            type: 'tableRow',
            content: [
              { type: 'tableCell', content: [p('Viivis')] },
              { type: 'tableCell', content: [p('2 345,67')] },
            ],
          },
        ],
      },
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [p('Täpploendi esimene punkt')] },
          { type: 'listItem', content: [p('Täpploendi teine punkt')] },
        ],
      },
      {
        type: 'orderedList',
        content: [
          { type: 'listItem', content: [p('Järjestatud esimene')] },
          {
            type: 'listItem',
            content: [
              p('Järjestatud teine'),
              { type: 'bulletList', content: [{ type: 'listItem', content: [p('Pesastatud punkt')] }] },
            ],
          },
        ],
      },
      p('Viimane lõik ilma numbrita.'),
    ],
  };
}

export const NOW = new Date('2025-04-02T09:30:00.000Z');

/** A draft as the exporter would print it: the template's frame, the case's introduction, the test's text. */
export function courtDocumentFor(template: DecisionTemplate, snapshot: CaseSnapshot): CourtDocument {
  const values = buildIntroduction(template, snapshot, { now: NOW });
  let descriptiveCount = 0;
  return {
    courtName: snapshot.court.name,
    title: template.title,
    caseNumber: snapshot.number,
    fields: introductionRows(template, values),
    sections: template.sections.map((section) => {
      if (section.role === 'descriptive')
        return { heading: section.heading, content: descriptive(++descriptiveCount) };
      if (section.role === 'reasoning') return { heading: section.heading, content: reasoning() };
      const lines = (section.initial ?? []).map((l) => fillTemplateText(l, template.appeal));
      return { heading: section.heading, content: { type: 'doc', content: lines.map(p) } };
    }),
    signature: ['Kohtunik', 'Triin Lepik', '(allkirjastatud digitaalselt)'],
  };
}
