import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES } from '../../../../src-main/services/drafting/templates.js';
import { initialSections } from '../../../../src-main/services/drafting/drafts-sections.js';
import { type CacheDb, openCache } from '../../../../src-main/services/store/cache.js';
import {
  MAX_VERSIONS,
  addVersion,
  findDraft,
  getVersion,
  insertDraft,
  listDrafts,
  listVersions,
  requireDraft,
  restoreVersion,
  saveDraft,
  thinVersions,
} from '../../../../src-main/services/store/drafts-store.js';
import { AppError } from '../../../../src-shared/contract/index.js';
import { type RichDoc, docTexts } from '../../../../src-shared/domain/rich-text.js';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const TEMPLATE = BUILT_IN_TEMPLATES.find((t) => t.id === 'civil-judgment')!;
const T0 = Date.parse('2026-03-10T08:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);

let dir: string;
let key: string;
let db: CacheDb;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'chambers-drafts-store-'));
  key = randomBytes(32).toString('hex');
  db = openCache(join(dir, 'cache.sqlite'), { key });
});
afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

const text = (t: string): RichDoc => ({
  type: 'doc',
  content: [{ type: 'numberedParagraph', content: [{ type: 'text', text: t }] }],
});

function newDraft(id = randomUUID()) {
  return insertDraft(
    db,
    {
      id,
      caseId: 'case-1',
      caseNumber: '2-24-1',
      template: TEMPLATE,
      title: TEMPLATE.title,
      sections: initialSections(TEMPLATE),
      appeal: TEMPLATE.appeal,
    },
    at(0),
  );
}

const reasoning = (id: string) =>
  docTexts(requireDraft(db, id).sections.find((s) => s.id === 'reasoning')!.content);

describe('the drafts store', () => {
  it('saves with a guarded revision and refuses a save from an older one', () => {
    const draft = newDraft();
    expect(draft).toMatchObject({ revision: 0, status: 'draft', overrides: {}, autoSeen: {} });
    const first = saveDraft(
      db,
      {
        draftId: draft.id,
        baseRevision: 0,
        sections: [{ id: 'reasoning', content: text('Üks kaks kolm') }],
        overrides: {},
      },
      {},
      at(1),
    );
    expect(first).toEqual({ revision: 1, savedAt: at(1).toISOString(), wordCount: expect.any(Number) });
    const stale = (() => {
      try {
        saveDraft(
          db,
          {
            draftId: draft.id,
            baseRevision: 0,
            sections: [{ id: 'reasoning', content: text('vana') }],
            overrides: {},
          },
          {},
          at(2),
        );
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(stale).toBeInstanceOf(AppError);
    expect(stale).toMatchObject({ code: 'conflict', reason: 'stale_revision' });
    expect(reasoning(draft.id)).toEqual(['Üks kaks kolm']);
    expect(() =>
      saveDraft(
        db,
        { draftId: draft.id, baseRevision: 1, sections: [{ id: 'nope', content: text('x') }], overrides: {} },
        {},
        at(3),
      ),
    ).toThrow(/no section "nope"/);
    expect(listDrafts(db)).toEqual([
      expect.objectContaining({
        id: draft.id,
        templateName: TEMPLATE.name,
        caseNumber: '2-24-1',
        wordCount: first.wordCount,
      }),
    ]);
  });

  it('keeps the automatic value an override replaced, until the override is changed or dropped', () => {
    const { id } = newDraft();
    saveDraft(
      db,
      { draftId: id, baseRevision: 0, sections: [], overrides: { subject: 'Minu sõnastus' } },
      { subject: 'Vana' },
      at(1),
    );
    saveDraft(
      db,
      { draftId: id, baseRevision: 1, sections: [], overrides: { subject: 'Minu sõnastus' } },
      { subject: 'Uus' },
      at(2),
    );
    expect(requireDraft(db, id)).toMatchObject({
      overrides: { subject: 'Minu sõnastus' },
      autoSeen: { subject: 'Vana' },
    });
    saveDraft(
      db,
      { draftId: id, baseRevision: 2, sections: [], overrides: { subject: 'Parandatud' } },
      { subject: 'Uus' },
      at(3),
    );
    expect(requireDraft(db, id).autoSeen).toEqual({ subject: 'Uus' });
    saveDraft(
      db,
      { draftId: id, baseRevision: 3, sections: [], overrides: { subject: null } },
      { subject: 'Uus' },
      at(4),
    );
    expect(requireDraft(db, id)).toMatchObject({ overrides: {}, autoSeen: {} });
  });

  it('takes a checkpoint at most every two minutes of saving, a manual version on request, and restores', () => {
    const { id } = newDraft();
    let revision = 0;
    const save = (seconds: number, t: string, version?: boolean) =>
      (revision = saveDraft(
        db,
        {
          draftId: id,
          baseRevision: revision,
          sections: [{ id: 'reasoning', content: text(t) }],
          overrides: {},
          version,
        },
        {},
        at(seconds),
      ).revision);
    save(10, 'esimene');
    save(40, 'teine');
    save(100, 'kolmas');
    save(130, 'neljas');
    save(140, 'viies', true);
    expect(listVersions(db, id).map((v) => [v.reason, v.revision])).toEqual([
      ['manual', 5],
      ['checkpoint', 4],
      ['checkpoint', 1],
    ]);
    const first = listVersions(db, id).at(-1)!;
    expect(getVersion(db, id, first.id).sections.find((s) => s.id === 'reasoning')!.content).toEqual(
      text('esimene'),
    );
    const restored = restoreVersion(db, id, first.id, {}, at(200));
    expect(restored.revision).toBe(6);
    expect(reasoning(id)).toEqual(['esimene']);
    const [before] = listVersions(db, id);
    expect(before).toMatchObject({ reason: 'before-restore', revision: 5 });
    expect(getVersion(db, id, before!.id).sections.find((s) => s.id === 'reasoning')!.content).toEqual(
      text('viies'),
    );
    expect(() => getVersion(db, id, 99_999)).toThrow(AppError);
  });

  it('keeps at most 200 versions, thinning old checkpoints and keeping the judge’s own', () => {
    const { id } = newDraft();
    const manual = addVersion(db, id, 'manual', at(0));
    for (let i = 1; i <= MAX_VERSIONS + 50; i++) addVersion(db, id, 'checkpoint', at(i * 120));
    const versions = listVersions(db, id);
    expect(versions).toHaveLength(MAX_VERSIONS);
    expect(versions.some((v) => v.id === manual)).toBe(true);
    // The newest ones are all there.
    expect(versions.slice(0, 20).map((v) => v.createdAt)).toEqual(
      Array.from({ length: 20 }, (_, i) => at((MAX_VERSIONS + 50 - i) * 120).toISOString()),
    );
    thinVersions(db, id, 3);
    expect(listVersions(db, id).map((v) => v.reason)).toContain('checkpoint');
    expect(listVersions(db, id)).toHaveLength(3);
  });

  it('reads a damaged row back as an internal error, not a crash', () => {
    const { id } = newDraft();
    db.prepare(`UPDATE drafts SET sections = '[{"id":"x"}]' WHERE id = ?`).run(id);
    const error = (() => {
      try {
        findDraft(db, id);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'internal' });
    expect((error as Error).message).toMatch(/stored sections of draft .* damaged/);
  });
});

/** A child that saves the draft as fast as it can and prints each revision once the save returned. */
const CHILD = `
import { openCache } from ${JSON.stringify(join(ROOT, 'src-main/services/store/cache.ts'))};
import { saveDraft } from ${JSON.stringify(join(ROOT, 'src-main/services/store/drafts-store.ts'))};
const [file, key, id] = process.argv.slice(2);
const db = openCache(file, { key });
const big = 'lõik '.repeat(2000);
for (let base = 0; ; base++) {
  const content = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'revision ' + (base + 1) + ' ' + big }] }] };
  saveDraft(db, { draftId: id, baseRevision: base, sections: [{ id: 'reasoning', content }], overrides: {} }, {}, new Date());
  process.stdout.write(base + 1 + '\\n');
}
`;

describe('a crash in the middle of saving', () => {
  it('leaves the last durable revision, whole, after the process is killed', async () => {
    const { id } = newDraft();
    db.close();
    const script = join(dir, 'saver.mts');
    writeFileSync(script, CHILD);
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', script, join(dir, 'cache.sqlite'), key, id],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let acked = 0;
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        const lines = d.toString().trim().split('\n');
        acked = Math.max(acked, Number(lines.at(-1)));
        if (acked >= 40) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`the saver stopped by itself: ${stderr}`)));
    });
    await new Promise((resolve) => child.once('exit', resolve));
    db = openCache(join(dir, 'cache.sqlite'), { key });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const draft = requireDraft(db, id);
    expect(draft.revision).toBeGreaterThanOrEqual(acked);
    const saved = docTexts(draft.sections.find((s) => s.id === 'reasoning')!.content)[0]!;
    expect(saved.startsWith(`revision ${draft.revision} `)).toBe(true);
  }, 60_000);
});
