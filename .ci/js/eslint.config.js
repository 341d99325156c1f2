// ESLint for web/js (flat config), run from the repository root by .ci/js/check.
import js from '@eslint/js';
import globals from 'globals';

/** Checked after the oral/live merge: other branches are rewriting these files now. */
export const NOT_YET_CHECKED = [
  'web/js/live-view.js',
  'web/js/proctor-console.js',
  'web/js/recorder.js',
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
