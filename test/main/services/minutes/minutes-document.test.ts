import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createMinutesHandlers,
  minutesToCourtDocument,
} from '../../../../src-main/services/minutes/index.js';
import { durably } from '../../../../src-main/services/store/minutes-store.js';
import { openCache } from '../../../../src-main/services/store/cache.js';
import type { Minutes } from '../../../../src-shared/contract/minutes.js';
import { RichDoc } from '../../../../src-shared/domain/rich-text.js';
import { HEARING_ID, SECRETARY, seedHearingCase, testFiling } from './fixtures.js';

const run = promisify(execFile);
let dir: string | undefined;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function writtenMinutes(): Promise<{ minutes: Minutes; base64: string }> {
  const cache = openCache(':memory:');
  seedHearingCase(cache);
  const { filing, close } = testFiling();
  const handlers = createMinutesHandlers({
    session: { require: () => ({ cache, user: SECRETARY }) },
    filing,
    events: { emit: () => undefined },
    now: () => new Date('2026-12-01T12:00:00+02:00'),
  });
  const { id } = await handlers['minutes:open']({ hearingId: HEARING_ID });
  await handlers['minutes:apply']({
    minutesId: id,
    ops: [
      { op: 'times', startedAt: '2026-12-01T09:31:00+02:00', endedAt: '2026-12-01T10:15:00+02:00' },
      { op: 'recording', startedAt: '2026-12-01T09:31:00+02:00' },
      { op: 'attendance', participantId: 'party:p7-1', attendance: 'present' },
      { op: 'attendance', participantId: 'party:p7-2', attendance: 'excused' },
      {
        op: 'entry.add',
        entry: {
          id: 'e1',
          kind: 'statement',
          at: '2026-12-01T09:33:05+02:00',
          speakerId: 'party:p7-1',
          text: 'Hageja jääb nõude juurde.\nTeine rida.',
        },
      },
      {
        op: 'entry.add',
        entry: {
          id: 'e2',
          kind: 'pronouncement',
          at: '2026-12-01T10:14:00+02:00',
          text: 'Hagi rahuldada.',
          appealRoute: 'Tallinna Ringkonnakohtule 30 päeva jooksul',
        },
      },
    ],
  });
  const minutes = await handlers['minutes:get']({ minutesId: id });
  const { base64 } = await handlers['minutes:export']({ minutesId: id, format: 'docx' });
  cache.close();
  close();
  return { minutes, base64 };
}

describe('minutes as a court document', () => {
  it('is built from the minutes alone, as valid rich text', async () => {
    const { minutes } = await writtenMinutes();
    const doc = minutesToCourtDocument(minutes);
    expect(minutesToCourtDocument(minutes)).toEqual(doc);
    expect(doc).toMatchObject({
      courtName: 'Harju Maakohus',
      title: 'KOHTUISTUNGI PROTOKOLL',
      caseNumber: '2-25-7',
    });
    expect(Object.fromEntries(doc.fields.map((f) => [f.label, f.value]))).toMatchObject({
      'Istungi algus': '09:31',
      'Istungi lõpp': '10:15',
      'Kohtu koosseis': 'Mari Maasikas (eesistuja), Jaan Tamm',
      'Kohtuistungi sekretär': 'Maarja Sepp',
      Helisalvestis: '2-25-7_2026-12-01_0931.mp3',
    });
    for (const section of doc.sections) expect(RichDoc.parse(section.content)).toEqual(section.content);
    const timeline = JSON.stringify(doc.sections[1]!.content);
    expect(timeline).toContain('09:33:05 [0:02:05] ');
    expect(timeline).toContain('Ütlus — Kalle Kask: ');
    expect(timeline).toContain('Edasikaebamise kord: Tallinna Ringkonnakohtule 30 päeva jooksul');
    expect(JSON.stringify(doc.sections[0]!.content)).toContain(
      'OÜ Puit (kostja) — ei ilmunud mõjuval põhjusel',
    );
  });

  it('exports a Word file LibreOffice opens with the minutes in it', { timeout: 120_000 }, async () => {
    const { base64 } = await writtenMinutes();
    dir ??= await mkdtemp(join(tmpdir(), 'minutes-docx-'));
    const docx = join(dir, 'minutes.docx');
    await writeFile(docx, Buffer.from(base64, 'base64'));
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        docx,
      ],
      { timeout: 110_000 },
    );
    const { stdout } = await run('pdftotext', [join(dir, 'minutes.pdf'), '-']);
    const text = stdout.replace(/\s+/g, ' ');
    for (const expected of [
      'KOHTUISTUNGI PROTOKOLL',
      '2-25-7',
      'Hageja jääb nõude juurde.',
      'Teine rida.',
      'Hagi rahuldada.',
    ])
      expect(text).toContain(expected);
  });
});

describe('durably', () => {
  it('fsyncs the commit (synchronous = FULL) and leaves the connection as it was', () => {
    dir ??= mkdtempSync(join(tmpdir(), 'minutes-docx-'));
    const db = openCache(join(dir, 'durably.db'), { key: 'k' });
    // The cache's own setting in WAL: a commit survives a killed process, not a power cut.
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(durably(db, () => db.pragma('synchronous', { simple: true }))).toBe(2);
    expect(durably(db, () => db.pragma('synchronous', { simple: true }), 'process-kill')).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(() =>
      durably(db, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    db.close();
  });
});
