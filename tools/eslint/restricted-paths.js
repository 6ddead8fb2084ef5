// A local ESLint rule: files inside a `target` folder may not import from the `from` folders.
// Relative specifiers are resolved by path alone (a `.js` specifier names its `.ts` source), so the
// rule needs no module resolver and sees every import, type-only ones included.
import path from 'node:path';

const within = (file, dir) => file === dir || file.startsWith(dir + path.sep);

/** @type {import('eslint').Rule.RuleModule} */
export const restrictedPaths = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the process boundaries between source trees' },
    schema: [
      {
        type: 'object',
        properties: {
          zones: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                target: { type: 'string' },
                from: { type: 'array', items: { type: 'string' } },
                message: { type: 'string' },
              },
              required: ['target', 'from', 'message'],
              additionalProperties: false,
            },
          },
        },
        required: ['zones'],
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const root = context.cwd;
    const file = path.resolve(root, context.filename);
    const zones = context.options[0].zones
      .map((zone) => ({
        ...zone,
        target: path.resolve(root, zone.target),
        from: zone.from.map((f) => path.resolve(root, f)),
      }))
      .filter((zone) => within(file, zone.target));
    if (zones.length === 0) return {};

    function check(node, source) {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const imported = path.resolve(path.dirname(file), source.value);
      for (const zone of zones) {
        const forbidden = zone.from.find((dir) => within(imported, dir));
        if (forbidden && !within(file, forbidden)) {
          context.report({ node: source, message: `'${source.value}' crosses a boundary: ${zone.message}` });
        }
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
    };
  },
};

export default { rules: { 'restricted-paths': restrictedPaths } };
