import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DecisionTemplate } from '../../../src-shared/contract/drafting.js';
import type { ProcedureType } from '../../../src-shared/domain/procedure-type.js';
import administrativeJudgment from './templates/administrative-judgment.json' with { type: 'json' };
import civilJudgment from './templates/civil-judgment.json' with { type: 'json' };
import civilRuling from './templates/civil-ruling.json' with { type: 'json' };
import criminalJudgment from './templates/criminal-judgment.json' with { type: 'json' };
import misdemeanourDecision from './templates/misdemeanour-decision.json' with { type: 'json' };

/**
 * Decision templates are data a court can change (issue 8 item 1). The built-in ones ship with the
 * app (imported, so the bundler carries them); a court's own JSON files in
 * `<dataDir>/templates/decisions/*.json` replace a built-in template with the same id or add new
 * ones. The appeal routes and deadlines of the built-in templates are sensible defaults from
 * Estonian procedure law (civil judgment 30 days, civil ruling 15, criminal judgment 7 + 15,
 * administrative judgment 30, misdemeanour decision 15): a court's editable data, not rules of the
 * code — each JSON file says where its default comes from in its `$comment`.
 */

const BUILT_IN_SOURCES: readonly unknown[] = [
  civilJudgment,
  civilRuling,
  criminalJudgment,
  administrativeJudgment,
  misdemeanourDecision,
];

/** The app's own templates, checked against the contract once (a broken one is a bug of the build). */
export const BUILT_IN_TEMPLATES: readonly DecisionTemplate[] = BUILT_IN_SOURCES.map((source) =>
  DecisionTemplate.parse(source),
);

/** Where a court keeps its own templates, below the app's data folder. */
export const COURT_TEMPLATES_DIR = join('templates', 'decisions');
/** A template file larger than this is not read (a template is a few kilobytes). */
export const TEMPLATE_FILE_MAX_BYTES = 256 * 1024;

export interface TemplateProblem {
  /** The file's name inside the court's templates folder. */
  file: string;
  /** Why it was skipped: zod's reason or the JSON error. */
  reason: string;
}

export interface LoadedTemplates {
  templates: DecisionTemplate[];
  problems: TemplateProblem[];
}

async function readCourtTemplate(path: string): Promise<DecisionTemplate | string> {
  const info = await stat(path);
  if (!info.isFile()) return 'not a file';
  if (info.size > TEMPLATE_FILE_MAX_BYTES) return `larger than ${TEMPLATE_FILE_MAX_BYTES} bytes`;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    return `not JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  const parsed = DecisionTemplate.safeParse(json);
  return parsed.success ? parsed.data : z.prettifyError(parsed.error);
}

async function courtTemplateFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.toLowerCase().endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * The built-in templates, replaced or extended by the court's files. A file that cannot be read,
 * is not JSON or does not match DecisionTemplate is skipped and reported in `problems`; this never
 * throws for a bad file. Two files with one id: the first by name is used, the second reported.
 */
export async function loadTemplates({ dataDir }: { dataDir: string }): Promise<LoadedTemplates> {
  const dir = join(dataDir, COURT_TEMPLATES_DIR);
  const problems: TemplateProblem[] = [];
  const court = new Map<string, { file: string; template: DecisionTemplate }>();
  for (const file of await courtTemplateFiles(dir)) {
    let result: DecisionTemplate | string;
    try {
      result = await readCourtTemplate(join(dir, file));
    } catch (error) {
      result = `cannot be read: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (typeof result === 'string') {
      problems.push({ file, reason: result });
      continue;
    }
    const earlier = court.get(result.id);
    if (earlier) {
      problems.push({ file, reason: `the id "${result.id}" is already used by ${earlier.file}` });
      continue;
    }
    court.set(result.id, { file, template: result });
  }
  const templates = BUILT_IN_TEMPLATES.map((builtIn) => court.get(builtIn.id)?.template ?? builtIn);
  const builtInIds = new Set(BUILT_IN_TEMPLATES.map((t) => t.id));
  for (const { template } of court.values()) if (!builtInIds.has(template.id)) templates.push(template);
  return { templates, problems };
}

export function templateById(
  templates: readonly DecisionTemplate[],
  id: string,
): DecisionTemplate | undefined {
  return templates.find((t) => t.id === id);
}

export function templatesFor(
  templates: readonly DecisionTemplate[],
  procedureType: ProcedureType | undefined,
): DecisionTemplate[] {
  return procedureType ? templates.filter((t) => t.procedureType === procedureType) : [...templates];
}

/** Fills `{appealRoute}`, `{appealDeadlineDays}` and `{appealCourt}` in a section's initial text. */
export function fillTemplateText(text: string, appeal: DecisionTemplate['appeal']): string {
  return text
    .replaceAll('{appealRoute}', appeal.route)
    .replaceAll('{appealDeadlineDays}', String(appeal.deadlineDays))
    .replaceAll('{appealCourt}', appeal.court);
}
