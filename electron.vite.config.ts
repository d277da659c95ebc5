import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { resolve } from 'node:path'

// Main and preload are emitted as CommonJS `.cjs` (the package is "type": "module"): a sandboxed
// preload must be CommonJS, and the utility-process entry is a plain script.
const cjs = { format: 'cjs' as const, entryFileNames: '[name].cjs' }

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/main/index.ts'), engineHost: resolve('src/main/engineHost.ts') },
        output: cjs,
      },
    },
  },
  preload: {
    build: { rollupOptions: { input: { index: resolve('src/preload/index.ts') }, output: cjs } },
  },
  renderer: {
    root: 'src/renderer',
    build: { rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
    plugins: [react()],
    worker: { format: 'es' },
  },
})
