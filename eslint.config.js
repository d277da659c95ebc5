// Lint rules, including the architecture's boundaries:
// the engine is pure TypeScript (no DOM, Node or Electron) except its small host adapters,
// the renderer never touches Electron or Node, and main never reaches into the renderer.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

// Bare Node built-in names are matched exactly (`paths`), so a local './events' is not caught.
const nodeBuiltinNames = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'worker_threads', 'zlib', 'url', 'crypto', 'stream', 'util', 'events', 'module', 'process', 'buffer']
const nodeBuiltins = ['node:*']
const nodePaths = (message) => nodeBuiltinNames.map((name) => ({ name, message }))

// zod runs jitless under the app's CSP only when imported through the engine's configured module.
const zodOnlyThroughSchema = { group: ['zod', 'zod/*'], message: "Import z from src/engine/schema/z.ts: it configures zod jitless for the app's Content-Security-Policy." }

export const engineBoundary = {
  files: ['src/engine/**/*.ts'],
  ignores: ['src/engine/host/node/**', 'src/engine/host/web/**', 'src/engine/host/rpc/**'],
  rules: {
    'no-restricted-imports': ['error', {
      paths: nodePaths('The engine is pure TypeScript: Node APIs belong in src/engine/host/node.'),
      patterns: [
        { group: nodeBuiltins, message: 'The engine is pure TypeScript: Node APIs belong in src/engine/host/node.' },
        { group: ['electron', 'electron/*'], message: 'The engine never imports Electron.' },
        { group: ['react', 'react-dom', '@xyflow/*', '**/renderer/**'], message: 'The engine never imports UI code.' },
        zodOnlyThroughSchema,
      ],
    }],
    'no-restricted-globals': ['error',
      ...['window', 'document', 'navigator', 'self', 'localStorage', 'fetch', 'Worker', 'HTMLElement', 'HTMLCanvasElement', 'ImageData', 'process', 'Buffer', 'require', '__dirname', 'setTimeout', 'setInterval', 'performance']
        .map((name) => ({ name, message: `The engine is pure TypeScript: '${name}' is a host API (use src/engine/host/*).` })),
    ],
    'no-restricted-properties': ['error',
      { object: 'Math', property: 'random', message: 'The engine is deterministic: use a seeded stream from rng.ts.' },
      { object: 'Date', property: 'now', message: 'The engine is deterministic: no wall clock.' },
    ],
  },
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'dist-web/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/fixtures/lint/**', 'resources/**', 'src/engine/kernels/wasm/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  { files: ['scripts/**', 'bin/**', 'test/**', 'e2e/**', '*.config.*', 'src/cli/**', 'src/main/**', 'src/preload/**', 'src/engine/host/node/**'], languageOptions: { globals: { ...globals.node } } },
  { files: ['src/renderer/**', 'src/engine/host/web/**', 'src/preload/**'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['src/renderer/**/*.tsx', 'src/renderer/**/*.ts'], plugins: { 'react-hooks': reactHooks }, rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' } },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  engineBoundary,
  {
    files: ['src/renderer/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodePaths('The renderer never imports Node APIs.'),
        patterns: [
          { group: ['electron', 'electron/*'], message: 'The renderer never imports Electron: use the preload bridge.' },
          { group: nodeBuiltins, message: 'The renderer never imports Node APIs.' },
          zodOnlyThroughSchema,
        ],
      }],
    },
  },
  {
    files: ['src/main/**', 'src/preload/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**', 'react', 'react-dom', '@xyflow/*'], message: 'Main and preload never import the renderer.' }],
      }],
    },
  },
)
