// axe-core against the page as it is now, for the WCAG 2.0 and 2.1 A and AA rules: an e2e test calls
// it on each screen it opens and fails with every violation named, its impact and where it is.
// Named: the package's types are CommonJS, so under NodeNext its default import is the module.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/** How many of a violation's elements the message names; the rest are counted. */
const TARGETS_SHOWN = 3;

export interface AxeOptions {
  /** CSS selectors of parts left out of the check (say why where you use it). */
  exclude?: readonly string[];
}

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

/** `id (impact): help — targets: a, b (+n more) — helpUrl`, one line per violation. */
export function describeViolations(violations: readonly Violation[]): string[] {
  return violations.map((violation) => {
    const targets = violation.nodes.map((node) =>
      // A target is a list of selectors when the element is inside a shadow root or a frame.
      node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : String(part))).join(' >>> '),
    );
    const shown = targets.slice(0, TARGETS_SHOWN).join(', ');
    const more = targets.length > TARGETS_SHOWN ? ` (+${targets.length - TARGETS_SHOWN} more)` : '';
    return `${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help} — targets: ${shown}${more} — ${violation.helpUrl}`;
  });
}

/**
 * Fails the test when axe finds a WCAG 2.1 A/AA violation on `page`; `label` names the screen.
 * The page must come from `browser.newContext()` (the test's `page` fixture does), not `browser.newPage()`.
 */
export async function expectNoAxeViolations(
  page: Page,
  label: string,
  options: AxeOptions = {},
): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags([...AXE_TAGS]);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const found = describeViolations(results.violations);
  expect(found, `axe-core found ${found.length} violation(s) on ${label}:\n${found.join('\n')}`).toEqual([]);
}
