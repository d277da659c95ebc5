/**
 * The `axon` command as a built bundle (bin/cliBundle.mjs): built into a fresh folder and run by
 * Node alone (no tsx), its helper thread included; rebuilt when a source changes; and
 * `bin/axon.mjs` leaves an up-to-date bundle behind that answers as the sources do.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../src/cli/commands'
import { buildCliBundle, cliBundleIsFresh } from '../bin/cliBundle.mjs'

const root = join(import.meta.dirname, '..')
const sample = (file: string): string => join(root, 'resources/data/fashion-sample', file)

function node(script: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', cwd: root })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const helpText = (): string => {
  const out: string[] = []
  runCli(['--help'], (l) => out.push(l), () => {})
  return out.join('\n') + '\n'
}

describe('the bundled axon command', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'axon-bundle-'))
  it('builds and runs without tsx: help, and a float32 run split over two threads that agrees with one', async () => {
    const built = await buildCliBundle({ outDir })
    expect(cliBundleIsFresh(outDir)).toBe(true)
    const help = node(built.axon, '--help')
    expect(help).toMatchObject({ code: 0, stdout: helpText(), stderr: '' })

    const train = (threads: string) => {
      const r = node(built.axon, 'train', join(root, 'resources/examples/fashion-784-100-10.axon.json'), '--epochs', '1', '--json', '--threads', threads, '--data', sample('t10k-images-idx3-ubyte.gz'), '--labels', sample('t10k-labels-idx1-ubyte.gz'))
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      return r.stdout.trim().split('\n').map((l) => JSON.parse(l))
    }
    const [one, two] = [train('1'), train('2')]
    expect(one[0].threads).toBe(1)
    // The helper thread is the bundle's gradientWorker.mjs: two threads really split the batch.
    expect(two[0].threads).toBe(2)
    expect(two[1].loss).toBeCloseTo(one[1].loss, 5)
  })

  it('is stale when a source it was built from changes, and fresh once rebuilt', async () => {
    const project = mkdtempSync(join(tmpdir(), 'axon-bundle-src-'))
    const out = join(project, 'out')
    writeFileSync(join(project, 'main.ts'), "import { word } from './word'\nconsole.log(word)\n")
    writeFileSync(join(project, 'word.ts'), "export const word: string = 'one'\n")
    const first = await buildCliBundle({ root: project, entries: { axon: 'main.ts' }, outDir: out })
    expect(node(first.axon).stdout).toBe('one\n')
    expect(cliBundleIsFresh(out)).toBe(true)
    writeFileSync(join(project, 'word.ts'), "export const word: string = 'three'\n")
    expect(cliBundleIsFresh(out)).toBe(false)
    await buildCliBundle({ root: project, entries: { axon: 'main.ts' }, outDir: out })
    expect(cliBundleIsFresh(out)).toBe(true)
    expect(node(first.axon).stdout).toBe('three\n')
    expect(cliBundleIsFresh(join(project, 'nothing-built-here'))).toBe(false)
  })

  it('bin/axon.mjs runs an up-to-date bundle, building it when needed', () => {
    const r = node(join(root, 'bin/axon.mjs'), '--help')
    expect(r).toMatchObject({ code: 0, stdout: helpText(), stderr: '' })
    expect(cliBundleIsFresh()).toBe(true)
  })
})
