import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { importX } from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

// The layers, as folders (docs/ARCHITECTURE.md): each zone names what a folder may not import.
// `except` keeps a layer's own files importable from inside it.
const layerZones = [
  {
    target: './renderer',
    from: ['./electron', './test'],
    message: 'The renderer talks to main only through window.curator.',
  },
  {
    target: './shared',
    from: ['./electron', './renderer', './test'],
    message: 'shared/ is the contract: it imports nothing of ours but itself.',
  },
  {
    target: './electron/domain',
    from: [
      './electron/app',
      './electron/main',
      './electron/desktop',
      './electron/cli',
      './electron/preload',
    ],
    message: 'The domain is pure: use cases, the window and the CLI sit above it.',
  },
  {
    target: './electron/app',
    from: [
      './electron/main',
      './electron/desktop',
      './electron/cli',
      './electron/preload',
      './renderer',
    ],
    message: 'Use cases serve the window and the CLI alike, so they import neither.',
  },
  {
    target: './electron/cli',
    from: ['./electron/main', './electron/preload', './renderer'],
    message: 'The CLI runs without Electron.',
  },
]

export default tseslint.config(
  {
    ignores: [
      'out/',
      'dist/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      // Deliberate violations that test/unit/lint/layers.test.ts lints on purpose.
      'test/fixtures/layers/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // Domain code, the CLI and the renderer must run without Electron: only main and preload may import it.
    files: ['electron/domain/**', 'electron/cli/**', 'shared/**', 'renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only electron/main and electron/preload may import electron.',
            },
          ],
        },
      ],
    },
  },
  {
    // The desktop shell's decisions (window state, open-with, menu template) run under plain
    // Node in tests; Electron's types are fine, its runtime is not.
    files: ['electron/desktop/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'electron/desktop is plain Node: wire Electron in electron/main.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer talks to main only through window.curator.',
            },
          ],
          patterns: [
            {
              group: ['node:*', '../electron/*', '../../electron/*'],
              message: 'The renderer never sees Node.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/**/*.ts',
      'shared/**/*.ts',
      'renderer/**/*.{ts,tsx}',
      'test/fixtures/layers/**/*.ts',
    ],
    plugins: { 'import-x': importX },
    settings: {
      // no-cycle parses every imported module: it needs the TypeScript parser for .ts files.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Issue 15: components give commands through hooks (renderer/src/hooks), which hold every IPC
    // call; a component importing the IPC module or the data layer fails lint. A rule of its own
    // name, so it adds to the renderer's no-restricted-imports above instead of replacing it.
    files: ['renderer/src/components/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/api', '**/data/*'],
              message: 'Components call hooks (useLibrary, useCuration); only hooks talk to main.',
            },
          ],
        },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
)
