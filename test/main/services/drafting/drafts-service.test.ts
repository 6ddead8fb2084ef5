import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncryptedBlobStore } from '../../../../src-main/services/blob-store.js';
import {
  type DraftingHandlers,
  createDraftingHandlers,
  markFiled,
} from '../../../../src-main/services/drafting/drafts-service.js';
import { createEventBus } from '../../../../src-main/services/events.js';
import { createFilingService } from '../../../../src-main/services/filing.js';
import type { FilingService } from '../../../../src-main/services/filing-types.js';
import { type CacheDb, openCache } from '../../../../src-main/services/store/cache.js';
import { applySyncPage } from '../../../../src-main/services/store/case-store.js';
import { AppError, type Draft } from '../../../../src-shared/contract/index.js';
import type { CaseSnapshot, SessionUser } from '../../../../src-shared/domain/index.js';
import { type RichDoc, docTexts } from '../../../../src-shared/domain/rich-text.js';
import { appError } from '../../support/app-error.js';
import { makeCase } from '../../support/cases.js';

const JUDGE: SessionUser = {
  id: 'u-triin',
  name: 'Triin Lepik',
  personalCode: '48001010000',
  roles: [{ role: 'judge', courtCode: 'HMK', observerScope: null }],
};
const SECRETARY: SessionUser = {
  ...JUDGE,
  id: 'u-maarja',
  roles: [{ role: 'court_session_secretary', courtCode: 'HMK', observerScope: null }],
};
const T0 = Date.parse('2026-03-10T08:00:00Z');
/** The register's case ids are UUIDs (a filing's mutation says so). */
const CASE_ID = '7d0e6c2a-4b1f-4c3e-9a55-0f6b2d9e1c01';

let dir: string;
let cache: CacheDb;
let clock: number;
let user: SessionUser | null;
let handlers: DraftingHandlers;
let filing: FilingService;
let changed: string[][];
let caseVersion: number;

function putCase(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  caseVersion++;
  const snapshot = makeCase(1, {
    id: CASE_ID,
    judge: { id: JUDGE.id, name: JUDGE.name },
    version: caseVersion,
    ...overrides,
  });
  applySyncPage(cache, [{ kind: 'case', case: snapshot }], String(caseVersion), new Date(clock));
  return snapshot;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'chambers-drafts-service-'));
  const key = randomBytes(32).toString('hex');
  cache = openCache(join(dir, 'cache.sqlite'), { key });
  const blobs = openEncryptedBlobStore(join(dir, 'blobs'), key);
  clock = T0;
  user = JUDGE;
  caseVersion = 0;
  changed = [];
  const events = createEventBus();
  events.subscribe('drafts:changed', ({ draftIds }) => changed.push(draftIds));
  filing = createFilingService({ blobStoreFor: () => blobs, now: () => new Date(clock) });
  handlers = createDraftingHandlers({
    session: {
      require: () => {
        if (!user) throw new AppError('unauthenticated', 'Sign in first.');
        return { cache, user };
      },
    },
    dataDir: dir,
    filing,
    events,
    now: () => new Date(clock),
  });
  putCase();
});
afterEach(() => {
  if (cache.open) cache.close();
  rmSync(dir, { recursive: true, force: true });
});

const paragraphs = (...texts: string[]): RichDoc => ({
  type: 'doc',
  content: texts.map((t) => ({ type: 'numberedParagraph', content: [{ type: 'text', text: t }] })),
});
const sectionTexts = (draft: Draft, id: string) => docTexts(draft.sections.find((s) => s.id === id)!.content);
const field = (draft: Draft, key: string) => draft.introduction.find((f) => f.key === key)!;

const create = () => handlers['drafts:create']({ caseId: CASE_ID, templateId: 'civil-judgment' });

describe('drafting handlers', () => {
  it('creates a draft from the template, saves it and reads it back', async () => {
    const draft = await create();
    expect(draft).toMatchObject({
      caseNumber: '2-24-1',
      status: 'draft',
      revision: 0,
      templateId: 'civil-judgment',
      title: 'KOHTUOTSUS',
    });
    // The appeal route is filled into the operative part's initial text.
    expect(sectionTexts(draft, 'operative').join(' ')).toContain(
      'apellatsiooni Tallinna Ringkonnakohtule 30 päeva',
    );
    expect(field(draft, 'caseNumber')).toMatchObject({
      auto: '2-24-1',
      override: null,
      value: '2-24-1',
      autoChanged: false,
    });
    expect(field(draft, 'court').value).toBe('Harju Maakohus');

    const saved = await handlers['drafts:save']({
      draftId: draft.id,
      baseRevision: 0,
      sections: [{ id: 'reasoning', content: paragraphs('Kostja ei maksnud.', 'Nõue on põhjendatud.') }],
      overrides: {},
    });
    expect(saved.revision).toBe(1);
    const again = await handlers['drafts:get']({ draftId: draft.id });
    expect(again.revision).toBe(1);
    expect(sectionTexts(again, 'reasoning')).toEqual(['Kostja ei maksnud.', 'Nõue on põhjendatud.']);
    expect(again.wordCount).toBe(saved.wordCount);
    expect((await handlers['drafts:list']({ caseId: CASE_ID })).map((d) => d.id)).toEqual([draft.id]);
    expect(await handlers['drafts:list']({ caseId: 'case-2' })).toEqual([]);
  });

  it('refuses a stale revision, a stranger, a case not on this computer and a signed-out user', async () => {
    const draft = await create();
    const save = (base: number, t: string) =>
      handlers['drafts:save']({
        draftId: draft.id,
        baseRevision: base,
        sections: [{ id: 'reasoning', content: paragraphs(t) }],
        overrides: {},
      });
    await save(0, 'minu tekst');
    expect(await appError(save(0, 'teise akna tekst'))).toMatchObject({
      code: 'conflict',
      reason: 'stale_revision',
    });
    expect(sectionTexts(await handlers['drafts:get']({ draftId: draft.id }), 'reasoning')).toEqual([
      'minu tekst',
    ]);

    expect(
      (await appError(handlers['drafts:create']({ caseId: 'case-9', templateId: 'civil-judgment' }))).code,
    ).toBe('not_found');
    expect((await appError(handlers['drafts:create']({ caseId: CASE_ID, templateId: 'no-such' }))).code).toBe(
      'not_found',
    );
    expect(
      (await appError(handlers['drafts:create']({ caseId: CASE_ID, templateId: 'criminal-judgment' }))).code,
    ).toBe('invalid_input');
    user = SECRETARY;
    expect((await appError(create())).code).toBe('forbidden');
    user = null;
    expect((await appError(handlers['drafts:get']({ draftId: draft.id }))).code).toBe('unauthenticated');
  });

  it('fills the introduction from the case as cached now, keeping overrides and flagging a changed case', async () => {
    const draft = await create();
    await handlers['drafts:save']({
      draftId: draft.id,
      baseRevision: 0,
      sections: [],
      overrides: { subject: 'Võlanõue (täpsustatud)' },
    });
    putCase({ subject: 'Laenulepingust tuleneva võla sissenõudmine', number: '2-24-1' });
    const after = await handlers['drafts:get']({ draftId: draft.id });
    expect(field(after, 'subject')).toEqual({
      key: 'subject',
      auto: 'Laenulepingust tuleneva võla sissenõudmine',
      override: 'Võlanõue (täpsustatud)',
      value: 'Võlanõue (täpsustatud)',
      autoChanged: true,
    });
    // An autosave with the same override keeps the flag; going back to the case's value clears it.
    await handlers['drafts:save']({
      draftId: draft.id,
      baseRevision: 1,
      sections: [],
      overrides: { subject: 'Võlanõue (täpsustatud)' },
    });
    expect(field(await handlers['drafts:get']({ draftId: draft.id }), 'subject').autoChanged).toBe(true);
    await handlers['drafts:save']({
      draftId: draft.id,
      baseRevision: 2,
      sections: [],
      overrides: { subject: null },
    });
    expect(field(await handlers['drafts:get']({ draftId: draft.id }), 'subject')).toMatchObject({
      override: null,
      value: 'Laenulepingust tuleneva võla sissenõudmine',
      autoChanged: false,
    });
  });

  it('keeps checkpoints and restores one, keeping the current state as a version first', async () => {
    const draft = await create();
    let base = 0;
    const save = async (t: string, seconds: number) => {
      clock = T0 + seconds * 1000;
      base = (
        await handlers['drafts:save']({
          draftId: draft.id,
          baseRevision: base,
          sections: [{ id: 'reasoning', content: paragraphs(t) }],
          overrides: {},
        })
      ).revision;
    };
    await save('esimene', 1);
    await save('teine', 30);
    await save('kolmas', 150);
    const versions = await handlers['drafts:versions']({ draftId: draft.id });
    expect(versions.map((v) => v.reason)).toEqual(['checkpoint', 'checkpoint']);
    const oldest = versions.at(-1)!;
    const restored = await handlers['drafts:restore']({ draftId: draft.id, versionId: oldest.id });
    expect(sectionTexts(restored, 'reasoning')).toEqual(['esimene']);
    expect(restored.revision).toBe(4);
    expect(changed).toContainEqual([draft.id]);
    const [kept] = await handlers['drafts:versions']({ draftId: draft.id });
    expect(kept?.reason).toBe('before-restore');
    const content = await handlers['drafts:version']({ draftId: draft.id, versionId: kept!.id });
    expect(docTexts(content.sections.find((s) => s.id === 'reasoning')!.content)).toEqual(['kolmas']);
  });

  it('exports a DOCX named by the case number and imports it back split by its headings', async () => {
    const draft = await create();
    await handlers['drafts:save']({
      draftId: draft.id,
      baseRevision: 0,
      sections: [
        { id: 'facts', content: paragraphs('Hageja esitas hagi.') },
        { id: 'reasoning', content: paragraphs('Esimene põhjendus.', 'Teine põhjendus.') },
      ],
      overrides: {},
    });
    const file = await handlers['drafts:export']({ draftId: draft.id });
    expect(file.fileName).toBe('2-24-1_kohtuotsus.docx');
    const bytes = Buffer.from(file.base64, 'base64');
    expect(bytes.length).toBe(file.size);
    const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    expect(html).toContain('Esimene põhjendus.');
    expect((await handlers['drafts:versions']({ draftId: draft.id }))[0]?.reason).toBe('export');

    const imported = await handlers['drafts:import']({
      caseId: CASE_ID,
      templateId: 'civil-judgment',
      fileName: file.fileName,
      base64: file.base64,
    });
    expect(imported.id).not.toBe(draft.id);
    expect(sectionTexts(imported, 'facts')).toEqual(['Hageja esitas hagi.']);
    const reasoning = imported.sections.find((s) => s.id === 'reasoning')!.content;
    expect(reasoning.content.map((b) => b.type)).toEqual(expect.arrayContaining(['numberedParagraph']));
    expect(docTexts(reasoning)).toEqual(expect.arrayContaining(['Esimene põhjendus.', 'Teine põhjendus.']));
    expect((await handlers['drafts:versions']({ draftId: imported.id })).map((v) => v.reason)).toEqual([
      'import',
    ]);
  });

  it('imports a Word file without matching headings into the reasoning, and refuses bad input', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Sissejuhatus', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('1. Kohus leiab, et nõue on aegunud.'),
          ],
        },
      ],
    });
    const base64 = (await Packer.toBuffer(doc)).toString('base64');
    const imported = await handlers['drafts:import']({
      caseId: CASE_ID,
      templateId: 'civil-judgment',
      fileName: 'mustand.docx',
      base64,
    });
    const reasoning = imported.sections.find((s) => s.id === 'reasoning')!.content;
    expect(reasoning.content).toEqual([
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Sissejuhatus' }] },
      { type: 'numberedParagraph', content: [{ type: 'text', text: 'Kohus leiab, et nõue on aegunud.' }] },
    ]);
    expect(sectionTexts(imported, 'operative')).toEqual(['']);
    const bad = (b64: string) =>
      appError(
        handlers['drafts:import']({
          caseId: CASE_ID,
          templateId: 'civil-judgment',
          fileName: 'x.docx',
          base64: b64,
        }),
      );
    expect(await bad('not base64!')).toMatchObject({ code: 'invalid_input', reason: 'bad_base64' });
    expect(await bad('')).toMatchObject({ code: 'invalid_input', reason: 'empty_file' });
    expect(await bad(randomBytes(300).toString('base64'))).toMatchObject({
      code: 'invalid_input',
      reason: 'not_docx',
    });
  });

  it('submits a finished decision as a queued filing, then it is read-only until filed', async () => {
    const draft = await create();
    const refused = await appError(handlers['drafts:submit']({ draftId: draft.id }));
    expect(refused).toMatchObject({ code: 'invalid_input', reason: 'required_sections_empty' });
    expect(refused.message).toContain('ASJAOLUD JA MENETLUSE KÄIK');
    expect(refused.message).toContain('KOHTU PÕHJENDUSED');
    await handlers['drafts:save']({
      draftId: draft.id,
      baseRevision: 0,
      sections: [
        { id: 'facts', content: paragraphs('Hageja esitas hagi.') },
        { id: 'reasoning', content: paragraphs('Nõue on põhjendatud.') },
      ],
      overrides: {},
    });
    const submitted = await handlers['drafts:submit']({ draftId: draft.id });
    expect(submitted.status).toBe('submitted');
    const queued = filing.get(cache, 'draft', draft.id);
    expect(queued).toMatchObject({ state: 'queued', kind: 'decision', title: 'Kohtuotsus', caseId: CASE_ID });
    expect(cache.prepare(`SELECT count(*) FROM outbox WHERE kind = 'case.document.file'`).pluck().get()).toBe(
      1,
    );
    expect((await handlers['drafts:versions']({ draftId: draft.id }))[0]?.reason).toBe('submit');

    const save = await appError(
      handlers['drafts:save']({ draftId: draft.id, baseRevision: 1, sections: [], overrides: {} }),
    );
    expect(save).toMatchObject({ code: 'conflict', reason: 'draft_read_only' });
    expect((await appError(handlers['drafts:delete']({ draftId: draft.id }))).code).toBe('conflict');
    expect((await appError(handlers['drafts:submit']({ draftId: draft.id }))).code).toBe('conflict');

    const events = createEventBus();
    const seen: string[][] = [];
    events.subscribe('drafts:changed', ({ draftIds }) => seen.push(draftIds));
    expect(markFiled(cache, draft.id, '2-24-1/7', events)).toBe(true);
    expect(markFiled(cache, draft.id, '2-24-1/7', events)).toBe(false);
    expect(seen).toEqual([[draft.id]]);
    expect(await handlers['drafts:get']({ draftId: draft.id })).toMatchObject({
      status: 'filed',
      documentNumber: '2-24-1/7',
    });
  });

  it('deletes a draft not submitted, with its versions', async () => {
    const draft = await create();
    await handlers['drafts:save']({
      draftId: draft.id,
      baseRevision: 0,
      sections: [],
      overrides: {},
      version: true,
    });
    expect(await handlers['drafts:delete']({ draftId: draft.id })).toBeNull();
    expect((await appError(handlers['drafts:get']({ draftId: draft.id }))).code).toBe('not_found');
    expect(cache.prepare('SELECT count(*) FROM draft_versions').pluck().get()).toBe(0);
  });
});
