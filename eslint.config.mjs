import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const core = 'server/src/core';
// The layers point one way: text -> conf, syntax -> macros -> analysis/engine -> testing ->
// adapters.
const layerRules = [
  { dir: 'text', forbid: ['conf', 'syntax', 'macros', 'analysis', 'engine', 'format', 'testing'] },
  { dir: 'conf', forbid: ['syntax', 'macros', 'analysis', 'engine', 'format', 'testing'] },
  { dir: 'syntax', forbid: ['macros', 'analysis', 'engine', 'format', 'testing'] },
  { dir: 'macros', forbid: ['analysis', 'engine', 'format', 'testing'] },
  { dir: 'analysis', forbid: ['engine', 'testing'] },
  { dir: 'engine', forbid: ['analysis', 'format', 'testing'] },
  { dir: 'format', forbid: ['macros', 'analysis', 'engine', 'testing'] },
  { dir: 'testing', forbid: ['analysis', 'format'] },
];
const adapterPatterns = [
  'vscode',
  'vscode-*',
  '**/lsp/**',
  '**/cli/**',
  '**/client/**',
  '**/splunk',
  '**/splunk/**',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'out',
      '.test-output',
      'bench/.generated',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // Tests and benchmarks assert shapes they have just checked; `!` keeps them short.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  ...layerRules.map(({ dir, forbid }) => ({
    files: [`${core}/${dir}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: adapterPatterns,
              message: 'The language core imports no adapter or editor API.',
            },
            ...forbid.map((layer) => ({
              group: [`**/${layer}/**`, `../${layer}`, `../${layer}/*`],
              message: `core/${dir} must not depend on core/${layer} (layers point one way).`,
            })),
          ],
        },
      ],
    },
  })),
  {
    // The Splunk client is shared by the CLI and the language server, so it depends on neither.
    files: ['server/src/splunk/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', 'vscode-*', '**/lsp/**', '**/cli/**', '**/client/**'],
              message: 'server/src/splunk is shared by the CLI and the language server.',
            },
          ],
        },
      ],
    },
  },
);
