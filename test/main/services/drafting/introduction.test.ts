import { describe, expect, it } from 'vitest';
import { CaseSnapshot } from '../../../../src-shared/domain/case.js';
import {
  buildIntroduction,
  courtSeat,
  formatEuros,
  INTRODUCTION_LABELS,
  introductionRows,
} from '../../../../src-main/services/drafting/introduction.js';
import { BUILT_IN_TEMPLATES, templateById } from '../../../../src-main/services/drafting/templates.js';
import { NOW, snapshotFor } from './drafting-fixtures.js';

const civil = templateById(BUILT_IN_TEMPLATES, 'civil-judgment')!;
const ruling = templateById(BUILT_IN_TEMPLATES, 'civil-ruling')!;
const criminal = templateById(BUILT_IN_TEMPLATES, 'criminal-judgment')!;
const misdemeanour = templateById(BUILT_IN_TEMPLATES, 'misdemeanour-decision')!;

describe('buildIntroduction', () => {
  it('fills a civil judgment from the cached case', () => {
    const values = buildIntroduction(civil, snapshotFor('civil'), { now: NOW });
    expect(values).toEqual({
      court: 'Harju Maakohus',
      judges: 'Triin Lepik',
      pronouncedAt: '2. aprill 2025',
      place: 'Tallinn',
      caseNumber: '2-25-505',
      subject: 'Võlgnevuse ja viivise väljamõistmine',
      claimValue: '12\u00a0345,67 eurot',
      parties:
        'Hageja: Kaupo Kivimägi (isikukood 38001010014)\nKostja: Osaühing Põhjatäht (registrikood 12345678)',
      representatives: 'Hageja esindaja: vandeadvokaat Liis Luik',
      procedure: 'kohtuistung 12. märts 2025',
    });
  });

  it('writes the written procedure, the panel and the pronouncement hearing', () => {
    const base = snapshotFor('civil', false);
    expect(buildIntroduction(civil, base, { now: NOW }).procedure).toBe('kirjalik menetlus');
    const snapshot = CaseSnapshot.parse({
      ...base,
      hearings: [
        {
          id: 'h1',
          startsAt: '2025-02-01T08:00:00Z',
          room: 'Saal 101',
          public: false,
          kind: 'main',
          judges: [{ id: 'a', name: 'Anne Aru' }],
          secretary: null,
        },
        {
          id: 'h2',
          startsAt: '2025-03-20T22:30:00Z',
          room: 'Saal 104',
          public: true,
          kind: 'main',
          judges: [
            { id: 'a', name: 'Anne Aru' },
            { id: 'b', name: 'Berit Bergmann' },
            { id: 'c', name: 'Carl Cello' },
          ],
          secretary: null,
        },
        {
          id: 'h3',
          startsAt: '2025-04-10T07:00:00Z',
          room: 'Saal 104',
          public: true,
          kind: 'pronouncement',
          judges: [],
          secretary: null,
        },
        {
          id: 'h4',
          startsAt: '2025-05-01T07:00:00Z',
          room: 'Saal 104',
          public: true,
          kind: 'main',
          judges: [],
          secretary: null,
        },
      ],
    });
    const values = buildIntroduction(civil, snapshot, { now: NOW, courtPlace: 'Pärnu' });
    expect(values.judges).toBe('Anne Aru, Berit Bergmann, Carl Cello');
    // 22:30 UTC is past midnight in Tallinn; a future hearing is not the last one held.
    expect(values.procedure).toBe('kohtuistung 21. märts 2025');
    expect(values.pronouncedAt).toBe('10. aprill 2025');
    expect(values.place).toBe('Pärnu');
    expect(introductionRows(civil, values).find((r) => r.value.startsWith('Anne'))?.label).toBe(
      'Kohtukoosseis',
    );
  });

  it('names the roles of criminal and misdemeanour procedure', () => {
    const c = buildIntroduction(criminal, snapshotFor('criminal'), { now: NOW });
    expect(c.parties.split('\n')).toEqual([
      'Prokurör: Harju Maakohtu prokuratuur',
      'Süüdistatav: Siim Saarmäe (isikukood 39002020025)',
      'Kannatanu: Ülle Õunapuu (isikukood 48503030036)',
    ]);
    expect(c.representatives).toBe('Süüdistatava kaitsja: vandeadvokaat Toomas Tõnts');
    expect(c.claimValue).toBe('');
    const m = buildIntroduction(misdemeanour, snapshotFor('misdemeanour'), { now: NOW });
    expect(m.parties).toContain('Menetlusalune isik: Rasmus Rätsep');
    expect(m.parties).toContain('Kohtuväline menetleja: Politsei- ja Piirivalveamet');
  });

  it('names each of several parties of one role with a representative', () => {
    const base = snapshotFor('civil');
    const snapshot = CaseSnapshot.parse({
      ...base,
      parties: [
        ...base.parties,
        {
          id: 'p9',
          kind: 'natural',
          name: 'Mari Kivimägi',
          code: null,
          role: 'plaintiff',
          representative: 'Jaan Jõgi',
        },
      ],
    });
    const values = buildIntroduction(civil, snapshot, { now: NOW });
    expect(values.representatives.split('\n')).toEqual([
      'Hageja Kaupo Kivimägi esindaja: vandeadvokaat Liis Luik',
      'Hageja Mari Kivimägi esindaja: Jaan Jõgi',
    ]);
    expect(values.parties.split('\n')[1]).toBe('Hageja: Mari Kivimägi');
  });
});

describe('introductionRows', () => {
  it('prints the fields in the template order with labels for the decision kind', () => {
    const values = buildIntroduction(civil, snapshotFor('civil'), { now: NOW });
    const rows = introductionRows(civil, values);
    expect(rows.map((r) => r.label)).toEqual([
      'Kohus',
      'Kohtunik',
      'Otsuse tegemise aeg ja koht',
      'Tsiviilasja number',
      'Asi',
      'Hagi hind',
      'Menetlusosalised',
      'Esindajad',
      'Menetlus',
    ]);
    expect(rows[2]!.value).toBe('2. aprill 2025, Tallinn');
    const rulingRows = introductionRows(ruling, { ...values, representatives: '' });
    expect(rulingRows.map((r) => r.label)).toContain('Määruse tegemise aeg ja koht');
    expect(rulingRows.map((r) => r.label)).not.toContain('Esindajad');
    const criminalRows = introductionRows(
      criminal,
      buildIntroduction(criminal, snapshotFor('criminal'), { now: NOW }),
    );
    expect(criminalRows.map((r) => r.label)).toContain('Kriminaalasja number');
    expect(INTRODUCTION_LABELS.court).toBe('Kohus');
  });
});

describe('helpers', () => {
  it('formats euros and finds the court seat', () => {
    expect(formatEuros(1_234_567)).toBe('12\u00a0345,67 eurot');
    expect(formatEuros(5)).toBe('0,05 eurot');
    expect(courtSeat('Viru Maakohus')).toBe('Jõhvi');
    expect(courtSeat('Tallinna Halduskohus')).toBe('Tallinn');
    expect(courtSeat('Narva Linnakohus')).toBe('Narva');
    expect(courtSeat('Uus Kohus', 'Kuressaare, Kohtu 1, saal 2')).toBe('Kuressaare');
    expect(courtSeat('Uus Kohus', 'Saal 101')).toBe('');
  });
});
