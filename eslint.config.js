// @ts-check
import js from '@eslint/js'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const electronAndReact = [
  { name: 'electron', message: 'Only src/main and src/preload may import electron.' },
  { name: 'react', message: 'Only src/renderer may import React.' },
  { name: 'react-dom', message: 'Only src/renderer may import React.' }
]
const electronAndReactPatterns = [
  {
    group: ['electron/*', 'react/*', 'react-dom/*'],
    message: 'core and shared stay free of Electron and React.'
  }
]

/** Folders of src/core, and the layers each one may not import (see README, "How it is built"). */
const nodeModules = {
  group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads'],
  message:
    'base/, domain/ and engine/ are pure: no Node modules (side effects come in through ports).'
}
const layer = (folders, why) => ({
  group: folders.flatMap((f) => [`**/${f}/**`, `**/${f}`]),
  message: why
})
const CORE_LAYERS = {
  base: [
    nodeModules,
    layer(
      ['domain', 'engine', 'store', 'features', 'workers', 'import', 'host', 'ports', 'workbench'],
      'base/ is the bottom layer: it imports nothing else of core.'
    )
  ],
  domain: [
    nodeModules,
    layer(
      ['engine', 'store', 'features', 'workers', 'import', 'host', 'ports', 'workbench'],
      'domain/ holds pure rules: it imports only base/ and domain/.'
    )
  ],
  engine: [
    nodeModules,
    layer(
      ['store', 'features', 'workers', 'import', 'host', 'ports', 'workbench'],
      'engine/ is the search engine: it imports only base/, domain/ and engine/.'
    )
  ],
  store: [
    layer(
      ['features', 'engine', 'workers', 'import', 'host', 'ports', 'workbench'],
      'store/ knows files, not features: it imports only base/, domain/ and store/.'
    )
  ],
  import: [
    layer(
      ['store', 'features', 'engine', 'workers', 'host', 'ports', 'workbench'],
      'import/ holds the format readers only.'
    )
  ],
  workers: [
    layer(
      ['features', 'host', 'ports', 'workbench'],
      'workers/ run readers and index builds; they know no features.'
    )
  ],
  features: [
    layer(
      ['store', 'host', 'workbench'],
      'features/ reach the store only through the interfaces in ports.ts.'
    )
  ]
}
const outsideCore = {
  group: ['**/main/**', '**/cli/**', '**/renderer/**', '**/preload/**'],
  message: 'src/core is used by the hosts; it never imports them.'
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'e2e/.tmp/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ]
    }
  },
  {
    files: ['src/**/*.{ts,tsx}', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })]
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] }
  },
  {
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: electronAndReact, patterns: [...electronAndReactPatterns, outsideCore] }
      ]
    }
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: electronAndReact,
          patterns: [
            ...electronAndReactPatterns,
            {
              group: ['**/main/**', '**/renderer/**'],
              message: 'The CLI is a host of the core alone.'
            }
          ]
        }
      ]
    }
  },
  ...Object.entries(CORE_LAYERS).map(([folder, patterns]) => ({
    files: [`src/core/${folder}/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: electronAndReact,
          patterns: [...electronAndReactPatterns, outsideCore, ...patterns]
        }
      ]
    }
  })),
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }] }
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: electronAndReact,
          patterns: [
            ...electronAndReactPatterns,
            {
              group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process'],
              message: 'src/shared runs in every process: no Node modules.'
            },
            {
              group: ['**/core/**', '**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**'],
              message: 'src/shared is the contract: it imports nothing of ours.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer talks to the main process only through window.workbench.'
            }
          ],
          patterns: [
            {
              group: ['**/core/**', '**/main/**', '**/preload/**', '**/cli/**'],
              message: 'The renderer reaches the workbench only through window.workbench.'
            },
            { group: ['node:*'], message: 'The renderer is a sandboxed web page: no Node modules.' }
          ]
        }
      ]
    }
  },
  {
    files: ['src/main/**/*.ts', 'src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'react', message: 'Only src/renderer may import React.' }],
          patterns: [
            { group: ['**/renderer/**'], message: 'The main process never imports renderer code.' }
          ]
        }
      ]
    }
  }
)
