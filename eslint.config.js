// ESLint (flat config): the recommended rules of ESLint and typescript-eslint, plus the ones that keep the source
// plain to read (the minifier makes it small). `npm test` runs it before the browser suite and fails on an error.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/dist/', 'node_modules/', '**/.dati/', 'tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // One idea a line.
      'no-cond-assign': ['error', 'always'],
      'no-sequences': ['error', { allowInParentheses: false }],
      'no-nested-ternary': 'error',
      'no-multi-assign': 'error',
      'no-return-assign': ['error', 'always'],
      // `a || b()` where it reads as a sentence (the guarded customElements.define); never a ternary as a statement.
      'no-unused-expressions': 'off',
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: false }],
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-non-null-assertion': 'warn',
      // `_` marks a parameter a signature needs and the body does not.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['test/**', 'server/test/**'],
    rules: {
      // chai's assertions are properties (`expect(x).to.be.true`), and a node a test expects is there or the test fails.
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
