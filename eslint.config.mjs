// Lint: typescript-eslint with type information over every TypeScript file; formatting is Prettier's alone.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

// Feature folders with an entry (`index.ts`): another folder imports them only through it. The background is the
// wiring, and nothing imports it.
const FEATURES = readdirSync(path.join(import.meta.dirname, 'src'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(import.meta.dirname, 'src', entry.name, 'index.ts')))
  .map((entry) => entry.name)
  .join('|');
const INNER_MESSAGE = "Import another feature through its entry ('../<feature>'), never a module inside it.";
const PAGE_BACKGROUND_MESSAGE = 'Page code never imports src/background/.';
const BACKGROUND_MESSAGE = 'Nothing imports src/background/: it is the wiring.';
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
/** `no-restricted-imports` for a module directly in a src/ folder, or one in popup/, options/ or scripts/. */
function boundaries(fromSrcFeature, backgroundMessage) {
  const toSrc = fromSrcFeature ? '\\.\\./' : '(\\.\\./)+src/';
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { regex: `^${toSrc}(${FEATURES})/`, message: INNER_MESSAGE },
          { regex: `^${toSrc}background(/|$)`, message: backgroundMessage },
        ],
      },
    ],
  };
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-test/',
      'release/',
      'coverage/',
      '.bench/',
      'src/generated/',
      'rules/generated/',
      'test/fixtures/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `const { key: _key, ...rest } = x` drops a field on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Fakes implement async browser interfaces with plain values (an `async` method with no `await` is the honest
    // shape there), and Jest's asymmetric matchers (`expect.any`, `expect.stringMatching`) are typed `any`.
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off', '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: {
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' },
    },
  },
  // A feature imports another only through its entry, and no production module imports the background (the pages
  // least of all). Tests may reach inside a feature. test/unit/import-boundaries.test.ts checks the same through every
  // import chain.
  {
    files: ['src/*/*.{ts,tsx}'],
    ignores: [...TESTS, 'src/ui/**', 'src/content/**'],
    rules: boundaries(true, BACKGROUND_MESSAGE),
  },
  {
    files: ['src/ui/*.{ts,tsx}', 'src/content/*.ts'],
    ignores: TESTS,
    rules: boundaries(true, PAGE_BACKGROUND_MESSAGE),
  },
  {
    files: ['popup/**/*.{ts,tsx}', 'options/**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: boundaries(false, PAGE_BACKGROUND_MESSAGE),
  },
  { files: ['scripts/**/*.ts'], ignores: TESTS, rules: boundaries(false, BACKGROUND_MESSAGE) },
  prettier,
);
