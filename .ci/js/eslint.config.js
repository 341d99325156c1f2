// ESLint for web/js (flat config), run from the repository root by .ci/js/check.
import js from '@eslint/js';
import globals from 'globals';

/** Not type-checked yet (each still to be annotated); .ci/js/check fails on any other file without // @ts-check. */
export const NOT_YET_CHECKED = [
];

export default [
  { ignores: NOT_YET_CHECKED },
  js.configs.recommended,
  {
    files: ['web/js/**/*.js'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser },
    },
    rules: {
      // `catch { /* why */ }` is the project's way to say "nothing to do"; a bare empty block is not
      'no-empty': ['error', { allowEmptyCatch: false }],
      'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none', ignoreRestSiblings: true }],
      eqeqeq: ['error', 'smart'],
      'no-var': 'error',
      'prefer-const': ['error', { destructuring: 'all' }],
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
];
