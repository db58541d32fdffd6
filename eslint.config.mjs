// Lint: typescript-eslint with type information over every TypeScript file; formatting is Prettier's alone.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

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
  {
    // Page code never imports the background (its wiring and listeners); test/unit/import-boundaries.test.ts checks
    // the same through every import chain.
    files: ['popup/**/*.{ts,tsx}', 'options/**/*.{ts,tsx}', 'src/ui/**/*.{ts,tsx}', 'src/content/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/background/*'], message: 'Page code never imports src/background/.' }] },
      ],
    },
  },
  prettier,
);
