import type { EntryKind, Minutes, MinutesEntry, Participant } from '../../../src-shared/contract/minutes.js';
import { parseCaseNumber } from '../../../src-shared/domain/case-number.js';
import type { ProcedureType } from '../../../src-shared/domain/procedure-type.js';
import type { InlineNode, ParagraphNode, RichDoc } from '../../../src-shared/domain/rich-text.js';
import { COURT_TIME_ZONE, formatCourtDate, partyRoleName } from '../court-text.js';
import type { CourtDocument } from '../drafting/docx/index.js';

/**
 * The minutes as a court document for the DOCX writer (src-main/services/drafting/docx). The text is
 * the document's own — Estonian, as the court files it — not UI text, so it is not translated.
 */
export type { CourtDocument };

export const MINUTES_TITLE = 'KOHTUISTUNGI PROTOKOLL';
/** The title of the filed document on the register. */
export const MINUTES_DOCUMENT_TITLE = 'Kohtuistungi protokoll';

const KIND: Readonly<Record<EntryKind, string>> = {
  statement: 'Ütlus',
  question: 'Küsimus',
  answer: 'Vastus',
  application: 'Taotlus',
  ruling: 'Määrus taotluse kohta',
  evidence: 'Tõendi uurimine',
  break: 'Vaheaeg',
  deliberation: 'Kohus lahkus nõupidamisele',
  pronouncement: 'Kuulutati välja',
  note: 'Märkus',
};

const ATTENDANCE: Readonly<Record<NonNullable<Participant['attendance']>, string>> = {
  present: 'kohal',
  absent: 'ei ilmunud',
  excused: 'ei ilmunud mõjuval põhjusel',
  video: 'osales videosilla kaudu',
};

const ROLE: Readonly<Record<Participant['role'], string>> = {
  judge: 'kohtunik',
  secretary: 'kohtuistungi sekretär',
  party: 'menetlusosaline',
  representative: 'esindaja',
  prosecutor: 'prokurör',
  interpreter: 'tõlk',
  expert: 'ekspert',
  witness: 'tunnistaja',
  other: 'muu isik',
};

const time = new Intl.DateTimeFormat('et-EE', {
  timeZone: COURT_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "Kinnitatud: Mari Maasikas, 2. detsember 2026 14:00". */
export const approvalLine = (name: string, at: string): string =>
  `Kinnitatud: ${name}, ${formatCourtDate(new Date(at))} ${time.format(new Date(at)).slice(0, 5)}`;

const hhmm = (at: string | null): string => (at === null ? '—' : time.format(new Date(at)).slice(0, 5));

/** `1:02:03` from ms. */
export function formatAudio(ms: number): string {
  const s = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

const text = (value: string, bold = false): InlineNode[] =>
  value === ''
    ? []
    : [{ type: 'text', text: value, ...(bold ? { marks: [{ type: 'bold' as const }] } : {}) }];

const para = (...content: InlineNode[][]): ParagraphNode => {
  const flat = content.flat();
  return flat.length ? { type: 'paragraph', content: flat } : { type: 'paragraph' };
};

const doc = (paragraphs: ParagraphNode[]): RichDoc => ({
  type: 'doc',
  content: paragraphs.length ? paragraphs : [{ type: 'paragraph' }],
});

function describe(
  p: Participant,
  byId: Map<string, Participant>,
  procedureType: ProcedureType | undefined,
): string {
  const of = p.representsId ? byId.get(p.representsId) : undefined;
  if (of) return `${p.name} (${of.name} esindaja)`;
  const role =
    p.role === 'party' && p.procedureRole ? partyRoleName(procedureType, p.procedureRole) : ROLE[p.role];
  return `${p.name} (${role})`;
}

function entryParagraph(e: MinutesEntry, byId: Map<string, Participant>): ParagraphNode {
  const stamp = `${time.format(new Date(e.at))}${e.audioMs === null ? '' : ` [${formatAudio(e.audioMs)}]`} `;
  const speaker = e.speakerId ? byId.get(e.speakerId) : undefined;
  const head = `${KIND[e.kind]}${speaker ? ` — ${speaker.name}` : ''}: `;
  const lines = e.text.split('\n');
  const body: InlineNode[] = [];
  lines.forEach((line, i) => {
    if (i > 0) body.push({ type: 'hardBreak' });
    body.push(...text(line));
  });
  const appeal =
    e.kind === 'pronouncement' && e.appealRoute
      ? [{ type: 'hardBreak' } as const, ...text(`Edasikaebamise kord: ${e.appealRoute}`)]
      : [];
  return para(text(stamp), text(head, true), body, appeal);
}

/** Pure: the same minutes give the same document. */
export function minutesToCourtDocument(m: Minutes): CourtDocument {
  const byId = new Map(m.participants.map((p) => [p.id, p]));
  const judges = m.participants.filter((p) => p.role === 'judge');
  const presiding = judges.find((p) => p.id === m.header.presidingJudgeId);
  const secretary = m.participants.find((p) => p.role === 'secretary');
  const others = m.participants.filter((p) => p.role !== 'judge' && p.role !== 'secretary');
  // The case number tells the procedure, whose law names the parties' roles.
  const procedureType = parseCaseNumber(m.header.caseNumber)?.procedureType;
  const fields = [
    { label: 'Kuupäev', value: formatCourtDate(new Date(m.header.scheduledAt)) },
    { label: 'Koht', value: m.header.place },
    { label: 'Istungi algus', value: hhmm(m.startedAt) },
    { label: 'Istungi lõpp', value: hhmm(m.endedAt) },
    { label: 'Kohtuasja number', value: m.header.caseNumber },
    { label: 'Kohtuasi', value: m.header.subject },
    {
      label: 'Kohtu koosseis',
      value: judges.map((j) => (j === presiding ? `${j.name} (eesistuja)` : j.name)).join(', '),
    },
    { label: 'Kohtuistungi sekretär', value: secretary?.name ?? '' },
    {
      label: 'Istungi avalikkus',
      value: m.header.public
        ? 'avalik'
        : `kinnine${m.header.closedReason ? ` (${m.header.closedReason})` : ''}`,
    },
    { label: 'Helisalvestis', value: m.recordingStartedAt ? m.audioFileName : 'ei salvestatud' },
  ];
  const attendance = doc(
    others.map((p) =>
      para(
        text(
          `${describe(p, byId, procedureType)} — ${p.attendance ? ATTENDANCE[p.attendance] : 'märkimata'}`,
        ),
      ),
    ),
  );
  const signature = [
    `Kohtunik ${presiding?.name ?? ''}`.trim(),
    `Kohtuistungi sekretär ${secretary?.name ?? ''}`.trim(),
  ];
  // The presiding judge's approval with their ID card, with the court's local date and time.
  if (m.approvedBy && m.approvedAt) signature.push(approvalLine(m.approvedBy.name, m.approvedAt));
  return {
    courtName: m.header.court,
    title: MINUTES_TITLE,
    caseNumber: m.header.caseNumber,
    fields,
    sections: [
      { heading: 'Istungil osalesid', content: attendance },
      { heading: 'Istungi käik', content: doc(m.entries.map((e) => entryParagraph(e, byId))) },
    ],
    signature,
    properties: { description: `${MINUTES_DOCUMENT_TITLE} ${m.header.caseNumber} ${m.header.date}` },
  };
}
