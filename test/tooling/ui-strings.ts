// Finds UI text written straight into the renderer's JSX instead of going through t(…): letters in
// JSX text, and string literals in the attributes a user or a screen reader is given.
import ts from 'typescript';

/** Attributes whose value a person sees or hears: each must come from the dictionary. */
export const TEXT_ATTRIBUTES: ReadonlySet<string> = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'alt',
  'placeholder',
  'label',
]);

export interface Finding {
  file: string;
  line: number;
  kind: 'jsx-text' | 'attribute';
  /** The attribute for `attribute` findings. */
  attribute?: string;
  text: string;
}

export interface AllowedText {
  /** The exact text (trimmed) that may be written as is. */
  text: string;
  /** Limits the exception to one file (path relative to the repository, forward slashes). */
  file?: string;
  reason: string;
}

const LETTER = /\p{L}/u;
/** `&nbsp;`, `&#8212;`, `&#x2014;`: entities are markup, not words. */
const ENTITY = /&(?:[a-z]+|#\d+|#x[\da-f]+);/gi;

const hasLetter = (text: string) => LETTER.test(text.replace(ENTITY, ''));

/**
 * The literals an expression evaluates to directly: itself, the branches of `?:`, `&&`, `||`, `??`,
 * the parts of a `+` or a template. A call (`t('a.b')`, `format.date(x)`), a name or a property is
 * not followed, so message keys and other codes passed to functions are never taken for texts.
 */
function literalsIn(expression: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression))
    return hasLetter(expression.text) ? [expression] : [];
  if (ts.isTemplateExpression(expression)) {
    const parts = [expression.head.text, ...expression.templateSpans.map((span) => span.literal.text)];
    return [
      ...(parts.some(hasLetter) ? [expression] : []),
      ...expression.templateSpans.flatMap((span) => literalsIn(span.expression)),
    ];
  }
  if (ts.isConditionalExpression(expression))
    return [...literalsIn(expression.whenTrue), ...literalsIn(expression.whenFalse)];
  if (
    ts.isParenthesizedExpression(expression) ||
    ts.isAsExpression(expression) ||
    ts.isSatisfiesExpression(expression) ||
    ts.isNonNullExpression(expression)
  )
    return literalsIn(expression.expression);
  if (ts.isBinaryExpression(expression)) {
    switch (expression.operatorToken.kind) {
      case ts.SyntaxKind.AmpersandAmpersandToken:
        return literalsIn(expression.right);
      case ts.SyntaxKind.BarBarToken:
      case ts.SyntaxKind.QuestionQuestionToken:
      case ts.SyntaxKind.PlusToken:
        return [...literalsIn(expression.left), ...literalsIn(expression.right)];
      default:
        return [];
    }
  }
  return [];
}

const literalText = (node: ts.Node, source: ts.SourceFile) =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : node.getText(source);

/** Every hard-coded UI text in one TSX source, in source order. `file` is only used to name it. */
export function findHardCodedTexts(file: string, sourceText: string): Finding[] {
  const source = ts.createSourceFile(file, sourceText, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const lineOf = (position: number) => source.getLineAndCharacterOfPosition(position).line + 1;

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (hasLetter(node.text)) {
        const offset = node.text.search(/\S/);
        findings.push({
          file,
          line: lineOf(node.getStart(source) + Math.max(0, offset)),
          kind: 'jsx-text',
          text: node.text.trim().replace(/\s+/g, ' '),
        });
      }
      return;
    }
    // `{'Save'}` or `{cond ? 'Yes' : 'No'}` as a child is JSX text too.
    if (ts.isJsxExpression(node) && node.expression && isJsxChild(node)) {
      for (const literal of literalsIn(node.expression))
        findings.push({
          file,
          line: lineOf(literal.getStart(source)),
          kind: 'jsx-text',
          text: literalText(literal, source),
        });
      // Elements inside it (`{open && <p>…</p>}`, `{rows.map(…)}`) are checked on their own.
      ts.forEachChild(node.expression, visit);
      return;
    }
    if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(source);
      const value = node.initializer;
      if (TEXT_ATTRIBUTES.has(name) && value) {
        const literals = ts.isStringLiteral(value)
          ? literalsIn(value)
          : ts.isJsxExpression(value) && value.expression
            ? literalsIn(value.expression)
            : [];
        for (const literal of literals)
          findings.push({
            file,
            line: lineOf(literal.getStart(source)),
            kind: 'attribute',
            attribute: name,
            text: literalText(literal, source),
          });
      }
      // Elements passed in any attribute (`icon={<Icon />}`, render props) are checked on their own.
      if (value && ts.isJsxExpression(value) && value.expression) visit(value.expression);
      else if (value && !ts.isStringLiteral(value)) visit(value);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

function isJsxChild(node: ts.JsxExpression): boolean {
  const parent = node.parent;
  return ts.isJsxElement(parent) || ts.isJsxFragment(parent);
}

/** The findings no allow-list entry covers, and the entries nothing used (so the list stays honest). */
export function applyAllowList(
  findings: readonly Finding[],
  allowed: readonly AllowedText[],
): { violations: Finding[]; unused: AllowedText[] } {
  const used = new Set<AllowedText>();
  const violations = findings.filter((finding) => {
    const entry = allowed.find(
      (a) => a.text === finding.text.trim() && (a.file === undefined || a.file === finding.file),
    );
    if (entry) used.add(entry);
    return !entry;
  });
  return { violations, unused: allowed.filter((entry) => !used.has(entry)) };
}

export function formatFinding(finding: Finding): string {
  const where = finding.kind === 'attribute' ? `${finding.attribute}=` : 'text ';
  return `${finding.file}:${finding.line}: ${where}${JSON.stringify(finding.text)}`;
}
