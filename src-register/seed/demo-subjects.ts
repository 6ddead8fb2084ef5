import type { ProcedureType } from '../../src-shared/domain/index.js';

export interface SubjectTemplate {
  subject: string;
  category: string;
  /** Civil claims carry a value; the others do not. */
  claim?: boolean;
}

export const SUBJECTS: Record<ProcedureType, SubjectTemplate[]> = {
  civil: [
    { subject: 'Laenulepingust tuleneva võla ja viivise väljamõistmine', category: 'Võlaõigus', claim: true },
    {
      subject: 'Üürivõlgnevuse väljamõistmine ja üürilepingu lõpetamine',
      category: 'Võlaõigus',
      claim: true,
    },
    { subject: 'Liiklusõnnetusega tekitatud kahju hüvitamine', category: 'Kahju hüvitamine', claim: true },
    {
      subject: 'Töövõtulepingu alusel tehtud tööde eest tasu väljamõistmine',
      category: 'Võlaõigus',
      claim: true,
    },
    {
      subject: 'Töölepingu ülesütlemise tühisuse tuvastamine ja hüvitise väljamõistmine',
      category: 'Tööõigus',
      claim: true,
    },
    { subject: 'Elatise väljamõistmine alaealise lapse kasuks', category: 'Perekonnaõigus', claim: true },
    { subject: 'Abielu lahutamine ja ühisvara jagamine', category: 'Perekonnaõigus', claim: true },
    { subject: 'Kinnisasja valduse väljanõudmine', category: 'Asjaõigus', claim: true },
    { subject: 'Pärandvara jagamine ja sundosa väljamõistmine', category: 'Pärimisõigus', claim: true },
    { subject: 'Alusetu rikastumise väljamõistmine', category: 'Võlaõigus', claim: true },
    { subject: 'Korteriühistu majandamiskulude võla väljamõistmine', category: 'Asjaõigus', claim: true },
    {
      subject: 'Ostu-müügilepingust taganemine ja ostuhinna tagastamine',
      category: 'Võlaõigus',
      claim: true,
    },
  ],
  criminal: [
    { subject: 'Süüdistus KarS § 199 lg 1 järgi (vargus)', category: 'Varavastased süüteod' },
    { subject: 'Süüdistus KarS § 209 lg 1 järgi (kelmus)', category: 'Varavastased süüteod' },
    { subject: 'Süüdistus KarS § 201 lg 1 järgi (omastamine)', category: 'Varavastased süüteod' },
    {
      subject: 'Süüdistus KarS § 121 lg 1 järgi (kehaline väärkohtlemine)',
      category: 'Isikuvastased süüteod',
    },
    { subject: 'Süüdistus KarS § 424 järgi (joobes juhtimine)', category: 'Liiklussüüteod' },
    {
      subject: 'Süüdistus KarS § 184 lg 1 järgi (narkootilise aine ebaseaduslik käitlemine)',
      category: 'Narkosüüteod',
    },
    {
      subject: 'Süüdistus KarS § 263 järgi (avaliku korra raske rikkumine)',
      category: 'Avaliku korra vastased süüteod',
    },
    { subject: 'Süüdistus KarS § 217 lg 1 järgi (arvutikelmus)', category: 'Varavastased süüteod' },
  ],
  administrative: [
    {
      subject: 'Välismaalase kinnipidamiskeskuses kinnipidamise loa andmine',
      category: 'Välismaalaste õigus',
    },
    { subject: 'Väljasaatmise tähtaja pikendamise taotlus', category: 'Välismaalaste õigus' },
    { subject: 'Kaebus maksuotsuse tühistamiseks', category: 'Maksuõigus' },
    { subject: 'Kaebus ehitusloa andmisest keeldumise peale', category: 'Planeerimis- ja ehitusõigus' },
  ],
  misdemeanour: [
    { subject: 'Kaebus kiiruseületamise eest määratud trahvi peale (LS § 227)', category: 'Liiklusväärteod' },
    {
      subject: 'Kaebus avalikus kohas alkoholi tarvitamise eest määratud trahvi peale',
      category: 'Avaliku korra väärteod',
    },
    {
      subject: 'Kaebus kalapüügieeskirjade rikkumise eest määratud trahvi peale',
      category: 'Keskkonnaväärteod',
    },
    {
      subject: 'Kaebus töötervishoiu nõuete rikkumise eest määratud trahvi peale',
      category: 'Tööõiguse väärteod',
    },
  ],
  constitutional: [
    {
      subject: 'Määruse sätte põhiseadusvastaseks tunnistamise taotlus (kohaldamata jätmine)',
      category: 'Põhiseaduslikkuse järelevalve',
    },
    {
      subject: 'Seaduse sätte kohaldamata jätmine ja põhiseaduslikkuse järelevalve algatamine',
      category: 'Põhiseaduslikkuse järelevalve',
    },
  ],
};

/** Closed proceedings: hearings closed to the public and the file seen only by its staff. */
export const CLOSED_SUBJECTS: Partial<Record<ProcedureType, SubjectTemplate[]>> = {
  criminal: [
    { subject: 'Süüdistus KarS § 141 lg 1 järgi (vägistamine)', category: 'Seksuaalsüüteod' },
    { subject: 'Süüdistus KarS § 133 lg 1 järgi (inimkaubandus)', category: 'Isikuvastased süüteod' },
  ],
  civil: [{ subject: 'Lapsega suhtlemise korra kindlaksmääramine', category: 'Perekonnaõigus' }],
};

export const ADOPTION_SUBJECT: SubjectTemplate = {
  subject: 'Lapsendamise avalduse läbivaatamine',
  category: 'Perekonnaõigus',
};
