/**
 * A data choice that fails to open must not leave the earlier data in the panel: "Use this data"
 * would then apply data the user did not choose, under an error saying nothing was changed.
 * The data panel's store against an in-process engine.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createEngineApi } from '../../../engine/host/api'

vi.mock('../engineClient', () => {
  const engine = createEngineApi({ emit: () => Promise.resolve(), yieldToHost: () => Promise.resolve() })
  return {
    getEngineConnection: () => Promise.resolve({ engine, host: 'browser', restarted: false }),
    onEngineConnection: () => () => {},
    onEngineEvent: () => () => {},
    onEngineFailure: () => () => {},
  }
})

const { applyData, openDataDialog, openDataFiles, rereadCsv, setChoice, useData } = await import('./dataStore')
const { useDocument } = await import('../store/documentStore')
const { exampleProject } = await import('../graph/examples')

const csv = (name: string, text: string) => new File([text], name)
const goodCsv = csv('tiny.csv', ['x1,x2,label', ...Array.from({ length: 40 }, (_, i) => `${i % 7},${(i * 3) % 5},${i % 2}`)].join('\n'))
/** An IDX labels file (magic 0x801, the count, one byte per item) of `count` items. */
const labelsFile = (name: string, count: number) => new File([Uint8Array.from([0, 0, 8, 1, 0, 0, 0, count, ...Array.from({ length: count }, (_, i) => i % 10)])], name)

/** The tiny CSV applied to the project, as a teacher leaves it before picking another file. */
async function applyTinyCsv() {
  await openDataFiles([goodCsv])
  setChoice({ targets: ['label'] })
  expect(await applyData()).toBe(true)
  return useDocument.getState().project.data
}

describe('a data choice that cannot be opened', () => {
  beforeEach(() => {
    useDocument.getState().load(exampleProject('xor-2-2-1-sigmoid')!, { fileName: 'xor.axon.json' })
  })

  it('IDX labels without their images: the earlier CSV leaves the panel, and Use this data cannot apply it', async () => {
    const applied = await applyTinyCsv()
    await openDataFiles([labelsFile('t10k-labels-idx1-ubyte', 20)])
    const s = useData.getState()
    expect(s.problem?.info.code).toBe('idxShape')
    expect(s.preview).toBeNull()
    expect(s.handle).toBeNull()
    expect(await applyData()).toBe(false)
    expect(useDocument.getState().project.data).toBe(applied)
    expect(useDocument.getState().dataShape).toEqual({ inputSize: 2, targetSize: 1 })
    // Opened again later (the Data… button), the panel shows the data in use; the error is named as the other file's.
    openDataDialog()
    expect(useData.getState().preview?.name).toBe('tiny.csv')
    expect(useData.getState().problem).toMatchObject({ notUsed: true, file: 't10k-labels-idx1-ubyte' })
    expect(await applyData()).toBe(true)
    expect(useDocument.getState().project.data).toEqual(applied)
  })

  it('a file refused at "Use this data": opened again, the panel shows the data in use with its choices, not the refused file', async () => {
    await applyTinyCsv()
    await openDataFiles([csv('labels.csv', 'species\nsetosa\nversicolor\n')])
    expect(await applyData()).toBe(false)
    expect(useData.getState().problem?.info.code).toBe('noColumns')
    openDataDialog()
    const s = useData.getState()
    expect(s.preview?.name).toBe('tiny.csv')
    expect(s.choice.targets).toEqual(['label'])
    expect(s.problem).toMatchObject({ notUsed: true, file: 'labels.csv', stage: 'prepare' })
    // Opened once more, it stays so.
    openDataDialog()
    expect(useData.getState()).toMatchObject({ preview: s.preview, problem: s.problem })
  })

  it('opened again after the project took other data (an undo), the panel does not bring back the data that is no longer in use', async () => {
    await applyTinyCsv()
    useDocument.getState().undo()
    await openDataFiles([labelsFile('t10k-labels-idx1-ubyte', 20)])
    openDataDialog()
    expect(useData.getState().preview).toBeNull()
    expect(useData.getState().problem).toMatchObject({ notUsed: true, info: { code: 'idxShape' } })
  })

  it('a CSV that cannot be read, or two CSV files at once: the same', async () => {
    const applied = await applyTinyCsv()
    await openDataFiles([csv('empty.csv', '')])
    expect(useData.getState().problem?.stage).toBe('open')
    expect(useData.getState().preview).toBeNull()
    await openDataFiles([goodCsv])
    expect(useData.getState().preview?.name).toBe('tiny.csv')
    await openDataFiles([goodCsv, csv('other.csv', 'a,b\n1,2\n')])
    expect(useData.getState().problem?.info.message).toContain('2 files were chosen')
    expect(useData.getState().preview).toBeNull()
    expect(await applyData()).toBe(false)
    expect(useDocument.getState().project.data).toBe(applied)
  })

  it('the same CSV read again with other options keeps what it was read with when that fails', async () => {
    await openDataFiles([csv('words.csv', 'a,b\n1,x\n2,y\n')])
    expect(useData.getState().preview?.name).toBe('words.csv')
    const before = useData.getState().preview
    await rereadCsv({ columnTypes: { b: 'numeric' } })
    expect(useData.getState().problem?.info.code).toBe('notANumber')
    expect(useData.getState().preview).toBe(before)
    expect(useData.getState().choice.columnTypes).toEqual({})
  })
})
