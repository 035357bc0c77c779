// @ts-check
import js from '@eslint/js'
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
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: electronAndReact, patterns: electronAndReactPatterns }
      ]
    }
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
