// ESLint with typescript-eslint's type-checked rules (`npm run lint`). Formatting is Prettier's (`npm run format:check`).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'coverage/', 'bench/out/', '.cloudwarden-tmp/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // a promise nobody awaits loses its error; an async callback where a void one is expected (an event handler,
      // forEach) is the same bug one step removed
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // a switch over a union must name every member: adding a status or a source kind then fails here, not at run time
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Off, on purpose:
      // - an async function without `await` is how this code implements a Promise-returning interface (SDK
      //   credentials, mocks, sinks): a throw inside it becomes a rejection, which a plain function would not give
      '@typescript-eslint/require-await': 'off',
      // - `'Enabled' | 'Suspended' | string` lists the values AWS documents while accepting the ones it adds later;
      //   the rule calls the literals redundant, but they are the documentation
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      // - control characters in a regular expression are what the escaping and JSON-syntax code looks for
      'no-control-regex': 'off',
    },
  },
  {
    // Tests assert on parsed output (JSON.parse of a report, a mock's recorded call): the value is `any` until the
    // assertion checks its shape, which is the point of the test.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    // the few plain JavaScript files (bin, build script, bench probes, this file) are outside tsconfig.json
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', module: 'readonly', require: 'readonly' },
    },
  },
);
