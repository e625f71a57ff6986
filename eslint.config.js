// Lint rules, including the one-way calls between layers (STYLE.md):
// core <- db <- server <- cli, and web talks to the server only over HTTP (type imports allowed).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const layer = (files, forbidden) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((group) => ({
          group,
          allowTypeImports: group.some((g) => g.includes('server')),
          message: 'Calls flow one way: see docs/ARCHITECTURE.md.',
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'tmp/**', 'coverage/**', 'src/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  layer(['src/core/**/*.ts'], [['**/db/**', '**/server/**', '**/web/**', '**/cli/**']]),
  layer(['src/db/**/*.ts'], [['**/server/**', '**/web/**', '**/cli/**']]),
  layer(['src/server/**/*.ts'], [['**/web/**', '**/cli/**']]),
  layer(['src/web/**/*.{ts,tsx}'], [['**/db/**', '**/cli/**'], ['**/server/**']]),
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  { files: ['bin/**/*.js'], languageOptions: { globals: { process: 'readonly' } } },
);
