/**
 * The installer setup, checked offline: electron-builder's schema accepts our config, and an
 * unpacked Linux build (against a stand-in Electron, since the real one cannot be downloaded
 * here) holds the bundles the app needs and nothing it must not ship.
 */
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, chmodSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = process.cwd()
const require = createRequire(import.meta.url)

describe('packaging (electron-builder, offline)', () => {
  it('validates electron-builder.yml against the schema', () => {
    const out = execFileSync(process.execPath, ['scripts/pack-check.cjs'], { cwd: root, encoding: 'utf8' })
    expect(out).toContain('electron-builder config OK')
  })

  it('packs an unpacked Linux app whose asar holds main, engine host, preload and renderer', () => {
    execFileSync(join(root, 'node_modules/.bin/electron-vite'), ['build'], { cwd: root, stdio: 'pipe' })
    const work = mkdtempSync(join(tmpdir(), 'axon-pack-'))
    try {
      // A stand-in Electron distribution: electron-builder only copies it.
      const fake = join(work, 'electron-dist')
      mkdirSync(join(fake, 'resources'), { recursive: true })
      writeFileSync(join(fake, 'electron'), '#!/bin/sh\n')
      chmodSync(join(fake, 'electron'), 0o755)
      writeFileSync(join(fake, 'version'), require('electron/package.json').version)
      writeFileSync(join(fake, 'LICENSE'), '')
      const output = join(work, 'dist')
      execFileSync(
        join(root, 'node_modules/.bin/electron-builder'),
        ['--dir', '--linux', '--publish', 'never', `-c.electronDist=${fake}`, `-c.directories.output=${output}`],
        { cwd: root, stdio: 'pipe', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
      )
      const asarPath = join(output, 'linux-unpacked', 'resources', 'app.asar')
      expect(existsSync(asarPath)).toBe(true)
      const asar = require('@electron/asar') as { listPackage(path: string, options: object): string[] }
      const files = asar.listPackage(asarPath, {}).map((f) => f.replaceAll('\\', '/'))
      for (const needed of ['/out/main/index.cjs', '/out/main/engineHost.cjs', '/out/preload/index.cjs', '/out/renderer/index.html', '/node_modules/comlink/package.json']) {
        expect(files).toContain(needed)
      }
      expect(files.some((f) => f.startsWith('/src/'))).toBe(false)
      expect(files.some((f) => f.startsWith('/node_modules/react/'))).toBe(false)
      expect(files.some((f) => f.startsWith('/dist-web/'))).toBe(false)
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
      expect(pkg.main).toBe('./out/main/index.cjs')
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  }, 180_000)
})
