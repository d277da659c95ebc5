/**
 * Real files as they come (issue 11): scikit-learn's own CSV files, unedited, through `axon`.
 * A count-and-names first line, a whole-number class column, a `.csv.gz`, a test split, missing
 * values, duplicate column names and an ID column — and the commands docs/data.md shows.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { runCli } from '../src/cli/commands'
import { parseCsv, prepareData } from '../src/engine/data'

const root = join(import.meta.dirname, '..')
const real = (name: string): string => join(root, 'test/fixtures/data/real', name)
const doc = (name: string): string => join(root, 'docs/examples', name)
const tmp = mkdtempSync(join(tmpdir(), 'axon-real-'))
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

type Event = { event: string; [key: string]: any }
const events = (out: string[]): Event[] => out.map((l) => JSON.parse(l) as Event)

describe('real files, unedited', () => {
  it('iris.csv: the count-and-names line is skipped, its class names name the 0/1/2 column, the test split is held out and evaluated', () => {
    const r = run('train', doc('iris-4-8-3.axon.json'), '--json')
    expect(r.err).toEqual([])
    expect(r.code).toBe(0)
    const e = events(r.out)
    expect(e[0]).toMatchObject({ event: 'start', examples: 120, testExamples: 30, inputSize: 4 })
    expect(e[0].notes).toEqual([
      'Skipped line 1 of iris.csv: line 1 gives a row count (150) and a feature count (4), not column names.',
      'Column "column 5" holds the classes "setosa", "versicolor", "virginica" named on line 1.',
    ])
    const done = e.at(-1)!
    expect(done.event).toBe('done')
    expect(done.test.accuracy).toBeGreaterThanOrEqual(0.9)
  })

  it('wine_data.csv: a first line shorter than the rows is a preamble too; the same 3-class network trains on it', () => {
    const r = run('train', doc('iris-4-8-3.axon.json'), '--data', real('wine_data.csv'), '--epochs', '40', '--json')
    expect(r.code).toBe(0)
    const e = events(r.out)
    expect(e[0]).toMatchObject({ examples: 142, testExamples: 36, inputSize: 13 })
    expect(e[0].notes[0]).toBe('Skipped line 1 of wine_data.csv: line 1 has 5 values but the rows below have 14.')
    expect(e.at(-1)!.test.accuracy).toBeGreaterThan(0.85)
  })

  it('boston_house_prices.csv: a count line above the header line; the header still names the columns', () => {
    const table = parseCsv(new Uint8Array(readFileSync(real('boston_house_prices.csv'))), { name: 'boston' })
    expect(table.preamble).toMatchObject({ line: 1, rows: 506, classNames: null })
    expect(table.header).toBe(true)
    expect(table.columns.map((c) => c.name).slice(0, 3)).toEqual(['CRIM', 'ZN', 'INDUS'])
    expect(table.rowCount).toBe(506)
    expect(table.lines[0]).toBe(3)
  })

  it('digits.csv.gz: sniffed as gzip, read as CSV; the project says classes: 10', () => {
    const r = run('train', doc('digits-64-32-10.axon.json'), '--epochs', '3', '--json')
    expect(r.err).toEqual([])
    const e = events(r.out)
    expect(e[0]).toMatchObject({ examples: 1438, testExamples: 359, inputSize: 64 })
    expect(e.at(-1)!.test.accuracy).toBeGreaterThan(0.8)
  })

  it('--classes makes a whole-number column the class target on the command line; --class-names names it', () => {
    const plain = file('iris-plain.csv.gz', gzipSync(readFileSync(real('iris.csv'), 'utf8').split('\n').slice(1).join('\n')))
    const asNumber = run('train', doc('iris-4-8-3.axon.json'), '--data', plain, '--epochs', '1')
    expect(asNumber.code).toBe(1)
    expect(asNumber.err.join('\n')).toMatch(/output-size-mismatch.*has 3 units but the data has 1 target/)
    const r = run('train', doc('iris-4-8-3.axon.json'), '--data', plain, '--classes', '--epochs', '2', '--json')
    expect(r.code).toBe(0)
    const named = join(tmp, 'named.model.json')
    expect(run('train', doc('iris-4-8-3.axon.json'), '--data', plain, '--class-names', 'setosa,versicolor,virginica', '--epochs', '2', '--out', named).code).toBe(0)
    expect(JSON.parse(readFileSync(named, 'utf8')).preprocessing.labelNames).toEqual(['setosa', 'versicolor', 'virginica'])
  })

  it('a project’s testPath is honoured; with --data it is not used, and the output says so', () => {
    const project = JSON.parse(readFileSync(doc('iris-4-8-3.axon.json'), 'utf8'))
    const lines = readFileSync(real('iris.csv'), 'utf8').trim().split('\n')
    project.data = { kind: 'file', format: 'csv', path: file('train.csv', lines.slice(0, 121).join('\n')), testPath: file('test.csv', [lines[0], ...lines.slice(121)].join('\n')), scaling: 'zScore' }
    const path = file('with-test.axon.json', JSON.stringify(project))
    const model = join(tmp, 'with-test.model.json')
    const e = events(run('train', path, '--epochs', '5', '--json', '--out', model).out)
    expect(e[0]).toMatchObject({ examples: 120, testExamples: 30 })
    expect(e.at(-1)!.test).toBeDefined()
    // The model file records the same test result, at the epoch it was taken.
    expect(JSON.parse(readFileSync(model, 'utf8')).history.test).toEqual({ count: 30, ...e.at(-1)!.test, epoch: 5 })
    const other = events(run('train', path, '--data', real('iris.csv'), '--epochs', '1', '--json').out)
    expect(other[0].notes).toContain('The project\'s test file "test.csv" is not used with --data; give --test FILE (or --test-fraction) for a test set.')
    expect(other[0].testExamples).toBeUndefined()
  })

  it('missing values: refused with the choices, or dropped, or filled from the training part only', () => {
    const csv = file('gaps.csv', 'a,b,y\n1,10,0\n,20,1\n3,,2\n5,40,1\n7,50,0\n9,60,2\n')
    const refused = run('train', doc('iris-4-8-3.axon.json'), '--data', csv)
    expect(refused.code).toBe(1)
    expect(refused.err.join('\n')).toMatch(/2 rows have missing values.*\n.*--missing drop\|mean\|median\|mode/)
    const dropped = events(run('train', doc('iris-4-8-3.axon.json'), '--data', csv, '--classes', '--missing', 'drop', '--target', 'y', '--epochs', '1', '--json').out)
    expect(dropped[0].notes).toContain('Dropped 2 rows with missing values (first: line 3).')
    // The fill is the training part's statistic, not the whole column's.
    const table = parseCsv(new TextEncoder().encode('a,y\n1,0\n,1\n3,0\n100,1\n5,0\n7,1\n9,0\n11,1\n'))
    const parts = prepareData({ kind: 'csv', table }, { missing: 'mean', test: 0.25, seed: 3 })
    const trainA = Array.from(parts.train.inputs)
    const filled = parts.report!.filled[0]
    expect(filled.column).toBe('a')
    const known = trainA.filter((x) => x !== filled.value)
    expect(filled.value).toBeCloseTo(known.reduce((s, x) => s + x, 0) / known.length, 12)
  })

  it('duplicate column names are renamed and said; an ID column is left out and said', () => {
    const rows = Array.from({ length: 150 }, (_, i) => `id-${i},${i % 7},${(i * 3) % 5},${i % 3}`)
    const csv = file('ids.csv', `name,a,a,y\n${rows.join('\n')}\n`)
    const e = events(run('train', doc('iris-4-8-3.axon.json'), '--data', csv, '--classes', '--epochs', '1', '--json').out)
    expect(e[0].notes).toEqual([
      'Two columns are named "a"; the later one is called "a (2)".',
      'Left column "name" out of the inputs: more than 100 different texts (an ID or free text?).',
    ])
    expect(e[0].inputSize).toBe(2)
  })
})

describe('the commands docs/data.md shows run unedited', () => {
  const commands = readFileSync(join(root, 'docs/data.md'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('axon train docs/examples/'))
  it('lists at least the three real-file examples', () => {
    expect(commands.length).toBeGreaterThanOrEqual(3)
  })
  it.each(commands)('%s', (command) => {
    const args = command.replace(/^axon /, '').split(/\s+/).map((a) => (a.startsWith('docs/') || a.startsWith('test/') ? join(root, a) : a))
    const r = run(...args, '--epochs', '2')
    expect(r.err).toEqual([])
    expect(r.code).toBe(0)
  })
})
