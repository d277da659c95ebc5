import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { CROSS_ORIGIN_ISOLATION } from './src/shared/crossOriginIsolation'

// The browser build: the same renderer, with the engine in a module Web Worker.
// Output goes to dist-web/, outside out/, so the desktop package never includes it.
// Both servers send COOP/COEP: the page is then cross-origin isolated, which the engine's
// data-parallel helpers need to share memory (SharedArrayBuffer).
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { outDir: '../../dist-web', emptyOutDir: true },
  server: { host: '127.0.0.1', port: 5173, headers: CROSS_ORIGIN_ISOLATION },
  preview: { host: '127.0.0.1', port: 4173, headers: CROSS_ORIGIN_ISOLATION },
})
