import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const core = 'server/src/core';
// The layers point one way: text -> conf, syntax -> macros -> analysis/engine -> adapters.
const layerRules = [
  { dir: 'text', forbid: ['conf', 'syntax', 'macros', 'analysis', 'engine', 'format'] },
  { dir: 'conf', forbid: ['syntax', 'macros', 'analysis', 'engine', 'format'] },
  { dir: 'syntax', forbid: ['macros', 'analysis', 'engine', 'format'] },
  { dir: 'macros', forbid: ['analysis', 'engine', 'format'] },
  { dir: 'analysis', forbid: ['engine'] },
  { dir: 'engine', forbid: ['analysis', 'format'] },
  { dir: 'format', forbid: ['macros', 'analysis', 'engine'] },
];
const adapterPatterns = ['vscode', 'vscode-*', '**/lsp/**', '**/cli/**', '**/client/**'];

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
);
