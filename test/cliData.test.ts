/**
 * `axon train … --data` with the user's own files, as a subprocess: a CSV (last column the
 * target), IDX images + labels (gzipped), and a broken CSV that must name its line.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')
const example = (name: string): string => join(root, 'resources/examples', `${name}.axon.json`)
const sample = (file: string): string => join(root, 'resources/data/fashion-sample', file)
const tmp = mkdtempSync(join(tmpdir(), 'axon-cli-data-'))

function axon(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin/axon.mjs'), ...args], {
    encoding: 'utf8',
    cwd: root,
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const events = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>)

describe('axon train --data (subprocess)', () => {
  it('trains on a CSV file whose last column is the target', () => {
    const csv = join(tmp, 'or.csv')
    writeFileSync(csv, 'x1;x2;x1 OR x2\n0;0;0\n0;1;1\n1;0;1\n1;1;1\n')
    const r = axon(
      'train',
      example('xor-2-2-1-sigmoid'),
      '--data',
      csv,
      '--epochs',
      '400',
      '--json',
    )
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const e = events(r.stdout)
    expect(e[0]).toMatchObject({ event: 'start', examples: 4, inputSize: 2 })
    const epochs = e.filter((x) => x.event === 'epoch') as { loss: number; accuracy: number }[]
    expect(epochs).toHaveLength(400)
    expect(epochs.at(-1)!.loss).toBeLessThan(epochs[0].loss / 4)
    expect(epochs.at(-1)!.accuracy).toBe(1)
    expect(e.at(-1)).toMatchObject({ event: 'done', stopReason: 'maxEpochs', epochs: 400 })
  })

  it('trains on gzipped IDX images with their labels file', () => {
    const r = axon(
      'train',
      example('nielsen-784-30-10'),
      '--data',
      sample('train-images-idx3-ubyte.gz'),
      '--labels',
      sample('train-labels-idx1-ubyte.gz'),
      '--epochs',
      '2',
    )
    expect(r.code).toBe(0)
    const lines = r.stdout.trim().split('\n')
    expect(lines[0]).toMatch(/on 2000 examples/)
    const loss = lines
      .filter((l) => l.startsWith('epoch'))
      .map((l) => Number(/loss (\S+)/.exec(l)![1]))
    expect(loss).toHaveLength(2)
    expect(loss[1]).toBeLessThan(loss[0])
    expect(lines.at(-1)).toMatch(/Stopped: maxEpochs after 2 epochs/)
  })

  it('names the line of a ragged CSV and exits 1 and pairs of different counts exit 1', () => {
    const csv = join(tmp, 'ragged.csv')
    writeFileSync(csv, 'x1,x2,t\n0,0,0\n0,1\n1,0,1\n')
    const r = axon('train', example('xor-2-2-1-sigmoid'), '--data', csv)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/Line 3 has 2 values but line 1 has 3/)
    const swapped = axon(
      'train',
      example('nielsen-784-30-10'),
      '--data',
      sample('train-images-idx3-ubyte.gz'),
      '--labels',
      sample('t10k-labels-idx1-ubyte.gz'),
    )
    expect(swapped.code).toBe(1)
    expect(swapped.stderr).toMatch(/2000 images but the labels file has 500 labels/)
  })
})
