import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// The browser build: the same renderer, with the engine in a module Web Worker.
// Output goes to dist-web/, outside out/, so the desktop package never includes it.
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { outDir: '../../dist-web', emptyOutDir: true },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
})
