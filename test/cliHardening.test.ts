/**
 * The crashes, memory blow-ups and silent garbage a mutation fuzzer found through the CLI
 * (issue 11), each kept as a regression test: every one must now end in a short, clean message
 * on stderr and a non-zero exit, without a stack trace, raw bytes or gigabytes of memory.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../src/cli/commands'
import { readBytes } from '../src/cli/files'
import { encodeIdx, gunzipBounded, isDataError } from '../src/engine/data'
import { parseModel } from '../src/engine/model'

const root = join(import.meta.dirname, '..')
const example = (name: string): string => join(root, 'resources/examples', `${name}.axon.json`)
const tmp = mkdtempSync(join(tmpdir(), 'axon-hardening-'))
const file = (name: string, content: string | Uint8Array): string => {
  const path = join(tmp, name)
  writeFileSync(path, content)
  return path
}

function run(...args: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = []
  const err: string[] = []
  const code = runCli(args, (l) => out.push(l), (l) => err.push(l))
  return { code, out, err }
}

/** The message rules: ≤ 3 lines, no stack, no control characters, nothing huge. */
function expectCleanFailure(r: { code: number; out: string[]; err: string[] }, code = 1): string {
  expect(r.code).toBe(code)
  const text = r.err.join('\n')
  expect(text.split('\n').length).toBeLessThanOrEqual(3)
  expect(text).not.toMatch(/\n\s+at /)
  // eslint-disable-next-line no-control-regex
  expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\ufffd]/)
  expect(text.length).toBeLessThan(800)
  expect(r.out.join('\n')).not.toMatch(/NaN/)
  return text
}

let model = ''
beforeAll(() => {
  model = join(tmp, 'mazur.model.json')
  expect(run('train', example('mazur-2-2-2'), '--epochs', '2', '--out', model).code).toBe(0)
})

const modelJson = (): Record<string, any> => JSON.parse(readFileSync(model, 'utf8'))

describe('issue 11 reproductions', () => {
  it('1. a project or model nested 5,000 deep is refused, not a stack overflow', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000)
    const project = file('deep.axon.json', `{"format":"axon-studio/project","version":1,"meta":${deep}}`)
    expect(expectCleanFailure(run('train', project))).toMatch(/nests arrays and objects more than 64 levels/)
    const m = modelJson()
    const text = JSON.stringify(m).replace('"history":', `"deep":${deep},"history":`)
    expect(expectCleanFailure(run('predict', file('deep.model.json', text), '--input', '0.05,0.1'))).toMatch(/more than 64 levels/)
  })

  it('2. a model without training.batch, a bad batch mode, or a bad loss/optimizer block is refused with its path', () => {
    const m = modelJson()
    delete m.training.training.batch
    const noBatch = expectCleanFailure(run('eval', file('nobatch.model.json', JSON.stringify(m)), '--data', file('x.csv', 'a,b,y1,y2\n0,0,0,1\n')))
    expect(noBatch).toMatch(/\$\.training\.training\.batch: is missing \(must be an object\)/)
    const bad = modelJson()
    bad.training.training.batch = { mode: 'banana' }
    const badMode = expectCleanFailure(run('eval', file('badmode.model.json', JSON.stringify(bad)), '--data', join(tmp, 'x.csv')))
    expect(badMode).toMatch(/\$\.training\.training\.batch\.mode: must be "online", "full" or "mini"/)
    const loose = modelJson()
    loose.architecture.loss.reduction = 'none'
    loose.training.regularization.l1 = false
    loose.training.optimizer.beta1 = -1
    const text = expectCleanFailure(run('predict', file('loose.model.json', JSON.stringify(loose)), '--input', '0.05,0.1'))
    expect(text).toMatch(/\$\.architecture\.loss\.reduction: must be "mean" or "sum"/)
    expect(text).toMatch(/and 2 more problems/)
    const { errors } = parseModel(JSON.stringify(loose)) as { errors: { path: string; message: string }[] }
    expect(errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      '$.architecture.loss.reduction: must be "mean" or "sum"',
      '$.training.optimizer.beta1: must be a number ≥ 0 and < 1',
      '$.training.regularization.l1: must be a number ≥ 0',
    ])
  })

  it('3. IDX labels with a huge value and no class names are refused at once', () => {
    const images = file('img.idx', encodeIdx({ type: 'ubyte', dims: [2, 2, 2], data: new Uint8Array(8) }))
    const labels = file('lab.idx', encodeIdx({ type: 'int', dims: [2], data: Int32Array.from([0, 0x7fffffff]) }))
    const before = process.memoryUsage().rss
    const text = expectCleanFailure(run('train', example('mazur-2-2-2'), '--data', images, '--labels', labels))
    expect(text).toMatch(/labels go up to 2147483647; without class names at most 10,000 classes/)
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024)
  })

  it('4. zero images with a huge shape are refused before any per-feature buffer is made', () => {
    const images = file('zero.idx', encodeIdx({ type: 'ubyte', dims: [0, 65535, 65535], data: new Uint8Array(0) }))
    const project = JSON.parse(readFileSync(example('mazur-2-2-2'), 'utf8'))
    project.data = { kind: 'file', format: 'idx', path: images, scaling: 'zScore' }
    const text = expectCleanFailure(run('train', file('zero.axon.json', JSON.stringify(project))))
    expect(text).toMatch(/The images file holds no data: its shape is 0×65535×65535/)
  })

  it('5a. /dev/zero is refused from its first bytes, not read without end', () => {
    if (!existsSync('/dev/zero')) return
    const text = expectCleanFailure(run('train', example('mazur-2-2-2'), '--data', '/dev/zero'))
    expect(text).toMatch(/"zero" is not a text file: it contains a zero byte at byte 0/)
  })

  it('5b. a file over the budget stops being read at the budget', () => {
    expect(() => readBytes('/dev/zero', 1 << 20)).toThrow(expect.objectContaining({ code: 'tooBig' }))
  })

  it('5c. a multi-member gzip bomb is stopped by the running budget, not the last member’s size', () => {
    const member = gzipSync(new Uint8Array(1 << 20))
    const bomb = new Uint8Array(Buffer.concat(Array.from({ length: 40 }, () => member)))
    expect(bomb.length).toBeLessThan(60_000)
    let error: unknown
    try {
      gunzipBounded(bomb, 8 << 20)
    } catch (e) {
      error = e
    }
    expect(isDataError(error) && error.code).toBe('tooBig')
    // Through the CLI (native inflate with the same budget idea): a CSV bomb is refused too.
    const csvBomb = file('bomb.csv.gz', Buffer.concat([gzipSync('a,b\n'), ...Array.from({ length: 8 }, () => gzipSync(Buffer.alloc(1 << 20, 0x31)))]))
    const r = run('train', example('mazur-2-2-2'), '--data', csvBomb)
    expect(r.code).toBe(1)
  })

  it('6. messages cut user strings, show no raw bytes, and training that diverges reports on stderr', () => {
    const huge = JSON.parse(readFileSync(example('mazur-2-2-2'), 'utf8'))
    huge.format = 'x'.repeat(1_500_000)
    const text = expectCleanFailure(run('train', file('huge.axon.json', JSON.stringify(huge))))
    expect(text).toMatch(/its format is "x{40}…"/)
    const binary = file('binary.csv', new Uint8Array([0x41, 0x2c, 0x42, 0x0a, 0x01, 0x02, 0x1b, 0x5b, 0x32, 0x4a, 0x0a]))
    expectCleanFailure(run('train', example('mazur-2-2-2'), '--data', binary))
    const diverge = JSON.parse(readFileSync(example('xor-2-2-1-sigmoid'), 'utf8'))
    const optimizer = diverge.nodes.find((n: { kind: string }) => n.kind === 'optimizer')
    optimizer.params.learningRate = 1e300
    diverge.nodes.find((n: { id: string }) => n.id === 'output-act').params.activation = 'linear'
    const r = run('train', file('diverge.axon.json', JSON.stringify(diverge)), '--epochs', '50')
    expect(expectCleanFailure(r)).toMatch(/Training stopped/)
    expect(r.out.join('\n')).not.toMatch(/Training stopped/)
  })

  it('±Infinity and 1e309 in a CSV are refused with their line and column', () => {
    for (const cell of ['1e309', '-1e400']) {
      const csv = file(`inf${cell}.csv`, `a,b,y\n1,2,0\n3,${cell},1\n`)
      expect(expectCleanFailure(run('train', example('xor-2-2-1-sigmoid'), '--data', csv))).toMatch(new RegExp(`Line 3, column "b": "${cell}" is too large to be a number`))
    }
    const text = file('infword.csv', `a,b,y\n1,2,0\n3,Infinity,1\n4,5,0\n`)
    expect(expectCleanFailure(run('train', example('xor-2-2-1-sigmoid'), '--data', text))).toMatch(/Line 3, column "b": "Infinity" is too large to be a number/)
  })

  it('nothing exits 0 with NaN: a model whose weights make NaN is refused at eval and predict', () => {
    const m = modelJson()
    m.architecture.layers[0].weights[0][0] = 1e308
    m.architecture.layers[0].weights[0][1] = -1e308
    const path = file('nan.model.json', JSON.stringify(m))
    const r = run('predict', path, '--input', '1e10,-1e10')
    if (r.code === 0) expect(r.out.join('\n')).not.toMatch(/NaN/)
    else expectCleanFailure(r)
  })

  it('as a subprocess: a broken project prints ≤ 3 lines on stderr, nothing on stdout, exit 1', () => {
    const r = spawnSync(process.execPath, [join(root, 'bin/axon.mjs'), 'train', file('deep2.axon.json', '['.repeat(10000) + ']'.repeat(10000))], { encoding: 'utf8' })
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(3)
  })
})
