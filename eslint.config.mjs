// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'coverage/**',
      'bench/results/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
      // Async implementations of async interfaces often have nothing to await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Workflow code must be deterministic: no Node built-ins, no clients, no clocks of its own.
    files: ['workflows/src/workflows/**/*.ts', 'workflows/test/fixtures/*-workflows.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                'fs',
                'path',
                'crypto',
                'http',
                'https',
                'net',
                'os',
                'child_process',
              ],
              message: 'Workflow code runs in a deterministic sandbox: no Node built-ins.',
            },
            {
              group: [
                'kafkajs',
                'mongoose',
                'mongodb',
                'express',
                '@temporalio/client',
                '@temporalio/worker',
                '@temporalio/activity',
              ],
              message:
                'Workflow code may import only @temporalio/workflow, contract types and activity types.',
            },
          ],
        },
      ],
    },
  },
  {
    // Pure domain code: no frameworks (STYLE.md "Boundaries").
    files: ['services/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'express',
                'mongoose',
                'mongodb',
                'kafkajs',
                'zod',
                '@temporalio/*',
                'node:*',
              ],
              message:
                'domain/ is pure: time and ids are parameters, I/O lives in http/, messaging/, persistence/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
