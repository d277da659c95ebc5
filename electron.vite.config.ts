import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { resolve } from 'node:path'
import { CROSS_ORIGIN_ISOLATION } from './src/shared/crossOriginIsolation'

// Main and preload are emitted as CommonJS `.cjs` (the package is "type": "module"): a sandboxed
// preload must be CommonJS, and the utility-process entry is a plain script.
const cjs = { format: 'cjs' as const, entryFileNames: '[name].cjs' }

/** The production page's CSP has no `ws:` sources: those are for the dev server's hot reload. */
const productionCsp: Plugin = {
  name: 'axon-production-csp',
  apply: 'build',
  transformIndexHtml: (html) => html.replace(/\s+ws:\/\/[^\s;"]+/g, ''),
}

export default defineConfig({
  main: {
    build: {
      // Comlink bundled: its Node adapter is an ES module, which a CommonJS bundle's require() gets
      // without a usable default export (the sweep runner's engineWorker.cjs uses it).
      externalizeDeps: { exclude: ['comlink'] },
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          engineHost: resolve('src/main/engineHost.ts'),
          // The engine's data-parallel helper thread (worker_threads), started by engineHost.
          gradientWorker: resolve('src/engine/host/node/gradientWorker.ts'),
          // A sweep runner: the engine on one thread (worker_threads), started by engineHost.
          engineWorker: resolve('src/engine/host/node/worker.ts'),
        },
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
    plugins: [react(), productionCsp],
    worker: { format: 'es' },
    // Cross-origin isolated like the packaged app's app:// pages (appProtocol.ts).
    server: { headers: CROSS_ORIGIN_ISOLATION },
  },
})
