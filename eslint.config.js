import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/**', 'site/dist/**', 'conformance/dist/**', '**/*.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['site/assets/**/*.js'], languageOptions: { globals: { ...globals.browser, MiniSearch: 'readonly' } } },
  { files: ['**/*.mjs'], languageOptions: { globals: globals.node } },
  {
    // Protocol schemas describe wire shapes, including open `{ [key: string]: unknown }` objects.
    files: ['schema/*/schema.ts'],
    rules: { '@typescript-eslint/no-empty-object-type': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
