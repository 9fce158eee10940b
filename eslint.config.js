// Lint: TypeScript's recommended rules, React hooks rules, and the layering of DESIGN.md:
// src/shared → src/db, src/sync → src/ui → src/features/* → src/app (each may import the
// layers before it); src/server imports only
// src/shared; features never import each other. The store console (src/console) is a page of
// its own beside the tablet app: it imports src/shared and src/ui (strings, shared pieces of
// screen), never the tablet's features, storage, sync or shell.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (...names) => names.map((name) => ({ group: [`**/${name}/**`], message: `This layer may not import from src/${name}.` }));
const restrict = (patterns, paths = []) => ({ 'no-restricted-imports': ['error', { patterns, paths }] });
const noUi = [
  { name: 'react', message: 'UI libraries stay out of this layer.' },
  { name: 'react-dom', message: 'UI libraries stay out of this layer.' },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', '.tmp', 'dev-dist', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
      'no-warning-comments': ['error', { terms: ['todo', 'fixme'], location: 'start' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use-*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/shared/**'],
    rules: restrict(
      [...layer('db', 'sync', 'ui', 'features', 'app', 'server'), { group: ['node:*'], message: 'src/shared runs in the browser too: no Node APIs.' }],
      [...noUi, { name: 'dexie', message: 'src/shared is pure: no storage.' }],
    ),
  },
  { files: ['src/db/**'], rules: restrict(layer('ui', 'features', 'app', 'server'), noUi) },
  // Sync talks to the network and to the repos of src/db; every IndexedDB read and write is a
  // repo function there (db/sync-repo.ts and friends), never a table touched from here.
  {
    files: ['src/sync/**'],
    rules: {
      ...restrict(layer('ui', 'features', 'app', 'server'), [...noUi, { name: 'dexie', message: 'Sync reaches IndexedDB through the repos in src/db.' }]),
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='db'], MemberExpression[object.property.name='db']",
          message: 'Sync does not touch Dexie tables: call a repo function in src/db (e.g. db/sync-repo.ts) with the db.',
        },
      ],
    },
  },
  { files: ['src/ui/**'], rules: restrict(layer('features', 'app', 'server')) },
  {
    files: ['src/features/*/*.{ts,tsx}'],
    rules: restrict([...layer('app', 'server'), { regex: '^\\.\\./[^.]', message: 'Features do not import each other.' }]),
  },
  {
    files: ['src/features/*/*/*.{ts,tsx}'],
    rules: restrict([...layer('app', 'server'), { regex: '^\\.\\./\\.\\./[^.]', message: 'Features do not import each other.' }]),
  },
  {
    files: ['src/console/**'],
    rules: restrict(
      layer('db', 'sync', 'features', 'app', 'server').map((rule) => ({
        ...rule,
        message: `${rule.message} The console imports src/shared and src/ui only: move what it shares with a tablet feature there (e.g. the diagram outlines, a form's rules).`,
      })),
      [{ name: 'dexie', message: 'The console is online only: no IndexedDB.' }],
    ),
  },
  {
    files: ['src/server/**'],
    rules: restrict(layer('db', 'sync', 'ui', 'features', 'app'), [...noUi, { name: 'dexie', message: 'The server has its own storage.' }]),
  },
  // Every storage method returns a promise (a PostgreSQL adapter needs it): one left
  // un-awaited, or handed to a condition or a sync callback, is a check that never happened.
  {
    files: ['src/server/**/*.ts', 'tests/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error', '@typescript-eslint/no-misused-promises': 'error' },
  },
);
