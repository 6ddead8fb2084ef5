// Lint enforces the process boundaries of docs/architecture.md; they are not left to hope.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import boundaries from './tools/eslint/restricted-paths.js';

const NODE_BUILTINS = 'Node built-ins are not available here';
const nodeBuiltins = {
  patterns: [
    { group: ['node:*'], message: NODE_BUILTINS },
    {
      regex:
        '^(fs|path|os|child_process|crypto|http|https|net|tls|stream|url|util|worker_threads|zlib|events|buffer|process)(/.*)?$',
      message: NODE_BUILTINS,
    },
  ],
};
const noElectron = { group: ['electron', 'electron/*'], message: 'Only src-main/app may import electron' };

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'e2e-artifacts/**',
      '.data/**',
      'test/tooling/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { local: boundaries },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'local/restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src-renderer',
              from: ['./src-main', './src-register'],
              message: 'The renderer reaches the system only through window.chambers',
            },
            {
              target: './src-shared',
              from: ['./src-main', './src-register', './src-renderer'],
              message: 'src-shared is pure and imports no other tree',
            },
            {
              target: './src-register',
              from: ['./src-main', './src-renderer'],
              message: 'The register is deployable alone: it imports src-shared only',
            },
            {
              target: './src-main',
              from: ['./src-renderer', './src-register'],
              message: 'The desktop host talks to the register over HTTP, to the renderer over the contract',
            },
            {
              target: './src-main/services',
              from: ['./src-main/app', './src-main/web-host'],
              message: 'Services do not know which host runs them',
            },
            {
              target: './src-main/web-host/browser',
              from: ['./src-main/services', './src-main/ipc', './src-main/app'],
              message: 'The browser bridge runs in the page, not in the host',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**', 'src-main/web-host/browser/**', 'test/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: [...nodeBuiltins.patterns, noElectron] }] },
  },
  {
    files: ['src-shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeBuiltins.patterns,
            noElectron,
            {
              regex: '^(?!zod$|\\.{1,2}/)',
              message: 'src-shared imports nothing with I/O: only zod and its own files',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/services/**', 'src-main/ipc/**', 'src-main/web-host/**', 'src-register/**'],
    ignores: ['src-main/web-host/browser/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron] }] },
  },
);
