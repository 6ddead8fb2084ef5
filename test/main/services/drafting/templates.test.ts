import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DecisionTemplate } from '../../../../src-shared/contract/drafting.js';
import {
  BUILT_IN_TEMPLATES,
  fillTemplateText,
  loadTemplates,
  templateById,
  templatesFor,
} from '../../../../src-main/services/drafting/templates.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'chambers-templates-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function courtFile(name: string, content: unknown): Promise<void> {
  const dir = join(dataDir, 'templates', 'decisions');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
}

describe('built-in templates', () => {
  it('cover the five main decision kinds with the court structure', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.id)).toEqual([
      'civil-judgment',
      'civil-ruling',
      'criminal-judgment',
      'administrative-judgment',
      'misdemeanour-decision',
    ]);
    for (const t of BUILT_IN_TEMPLATES) {
      expect(DecisionTemplate.parse(t)).toEqual(t);
      const roles = t.sections.map((s) => s.role);
      expect(roles[0]).toBe('operative');
      expect(roles).toContain('descriptive');
      expect(roles.at(-1)).toBe('reasoning');
      expect(t.sections[0]!.heading).toBe('RESOLUTSIOON');
      expect(t.sections.at(-1)!.heading).toBe('KOHTU PÕHJENDUSED');
      // The appeal route is the operative part's last paragraph.
      const last = t.sections[0]!.initial?.at(-1) ?? '';
      expect(last).toContain('{appealRoute}');
      expect(last).toContain('{appealDeadlineDays}');
      expect(t.introduction).toContain('caseNumber');
      expect(t.introduction).toContain('parties');
    }
  });

  it('carry the deadlines of Estonian procedure law as defaults', () => {
    const days = Object.fromEntries(BUILT_IN_TEMPLATES.map((t) => [t.id, t.appeal.deadlineDays]));
    expect(days).toEqual({
      'civil-judgment': 30,
      'civil-ruling': 15,
      'criminal-judgment': 15,
      'administrative-judgment': 30,
      'misdemeanour-decision': 15,
    });
    const civil = templateById(BUILT_IN_TEMPLATES, 'civil-judgment')!;
    expect(fillTemplateText(civil.sections[0]!.initial!.at(-1)!, civil.appeal)).toMatch(
      /^Otsuse peale võib esitada apellatsiooni Tallinna Ringkonnakohtule 30 päeva jooksul otsuse avalikult teatavakstegemisest/,
    );
    const criminal = templateById(BUILT_IN_TEMPLATES, 'criminal-judgment')!;
    expect(fillTemplateText(criminal.sections[0]!.initial!.at(-1)!, criminal.appeal)).toMatch(
      /7 päeva.*15 päeva/,
    );
  });
});

describe('loadTemplates', () => {
  it('gives the built-in templates when the court has no folder', async () => {
    const { templates, problems } = await loadTemplates({ dataDir });
    expect(templates).toEqual(BUILT_IN_TEMPLATES);
    expect(problems).toEqual([]);
  });

  it("replaces a built-in template by the court's file with its id and adds new ones", async () => {
    const civil = templateById(BUILT_IN_TEMPLATES, 'civil-judgment')!;
    await courtFile('civil-judgment.json', {
      ...civil,
      version: 2,
      appeal: { ...civil.appeal, route: 'Otsuse peale võib esitada apellatsiooni Tartu Ringkonnakohtule' },
    });
    await courtFile('civil-default.json', {
      ...civil,
      id: 'civil-default-judgment',
      name: 'Tagaseljaotsus',
      title: 'TAGASELJAOTSUS',
    });
    const { templates, problems } = await loadTemplates({ dataDir });
    expect(problems).toEqual([]);
    expect(templates).toHaveLength(BUILT_IN_TEMPLATES.length + 1);
    const replaced = templateById(templates, 'civil-judgment')!;
    expect(replaced.version).toBe(2);
    expect(replaced.appeal.route).toContain('Tartu Ringkonnakohtule');
    expect(templateById(templates, 'civil-default-judgment')?.title).toBe('TAGASELJAOTSUS');
    expect(templatesFor(templates, 'civil').map((t) => t.id)).toEqual([
      'civil-judgment',
      'civil-ruling',
      'civil-default-judgment',
    ]);
    expect(templatesFor(templates, 'criminal').map((t) => t.id)).toEqual(['criminal-judgment']);
  });

  it('skips and reports bad files, never throws', async () => {
    const civil = templateById(BUILT_IN_TEMPLATES, 'civil-judgment')!;
    await courtFile('broken.json', '{ "id": ');
    await courtFile('wrong.json', { ...civil, id: 'Bad Id', appeal: { ...civil.appeal, deadlineDays: 0 } });
    await courtFile('a-dupe.json', { ...civil, id: 'extra' });
    await courtFile('b-dupe.json', { ...civil, id: 'extra', name: 'Teine' });
    await courtFile('notes.txt', 'not a template');
    const { templates, problems } = await loadTemplates({ dataDir });
    expect(problems.map((p) => p.file)).toEqual(['b-dupe.json', 'broken.json', 'wrong.json']);
    expect(problems[0]!.reason).toContain('a-dupe.json');
    expect(problems[1]!.reason).toMatch(/^not JSON/);
    expect(problems[2]!.reason).toContain('id');
    expect(problems[2]!.reason).toContain('deadlineDays');
    expect(templateById(templates, 'extra')?.name).toBe(civil.name);
    expect(templates).toHaveLength(BUILT_IN_TEMPLATES.length + 1);
  });
});
