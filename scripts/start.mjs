#!/usr/bin/env node
// `npm start`: the desktop app where Electron can run; otherwise, in one line, why not, and the
// browser build instead, so the first command a newcomer types always opens the app.
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

function electronBinary() {
  const dir = dirname(require.resolve('electron/package.json'))
  const pathTxt = join(dir, 'path.txt')
  if (!existsSync(pathTxt)) return null
  const exe = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist'), readFileSync(pathTxt, 'utf8').trim())
  return existsSync(exe) ? exe : null
}

function tryInstallElectron() {
  // Electron >= 42 downloads its binary on first use; do it here, quietly, with a time limit.
  const installer = join(dirname(require.resolve('electron/package.json')), 'install.js')
  const result = spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: 180_000 })
  return result.status === 0 && electronBinary() !== null
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' })
  child.on('exit', (code) => process.exit(code ?? 0))
}

const bin = (name) => join('node_modules', '.bin', name)

if (electronBinary() || (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1' && tryInstallElectron())) {
  run(bin('electron-vite'), ['dev'])
} else {
  console.log('Axon Studio: no Electron binary on this machine (its download is blocked or skipped), so the browser build is served instead; open the URL below.')
  run(bin('vite'), ['-c', 'vite.web.config.ts'])
}
