// Lint for the whole repository; part of `npm test` with zero warnings allowed (`npm run lint`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import r3f from '@react-three/eslint-plugin';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'data/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      // Type-aware rules, from the four programs `npm run typecheck` checks.
      parserOptions: {
        project: ['./shared/tsconfig.json', './server/tsconfig.json', './client/tsconfig.json', './tests/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Colyseus 0.16 ends the process on an unhandled rejection in a handler: every promise is awaited or caught.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, '@react-three': r3f },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      // R3F's way is to mutate the three.js objects useThree hands out (scene.fog, gl.toneMapping,
      // camera.position): that is what this React Compiler rule forbids. We do not use the compiler.
      'react-hooks/immutability': 'off',
      // Also a compiler rule: effects that start a fetch set "loading" first, and a panel resets its
      // own state when what it shows changes; React 19 batches both, nothing cascades.
      'react-hooks/set-state-in-effect': 'off',
      // No allocation inside useFrame: the frame loop runs 60 times a second.
      '@react-three/no-new-in-loop': 'error',
      '@react-three/no-clone-in-loop': 'error',
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['server/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts', 'assets/**/*.ts', 'shared/**/*.ts', '*.ts', '*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    // Playwright reads a fixture's dependencies from its first parameter's destructuring: `{}` is how
    // a fixture says it needs none.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
