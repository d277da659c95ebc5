/**
 * A share link's data files are kept apart from the user's own: a file the link brought never
 * answers for the user's file of the same name, and two links' different files of one name are
 * both kept (here without IndexedDB, as the session's copies; the e2e covers the browser's store).
 */
import { describe, expect, it } from 'vitest'
import { keepLinkedFiles, linkedFilePath, reopenDataFile } from './dataFileStore'

const bytes = (text: string) => new TextEncoder().encode(text)
const textOf = async (r: Awaited<ReturnType<typeof reopenDataFile>>) => ('file' in r ? `${r.file.name}: ${await r.file.text()}` : `(${r.reason})`)

describe('keepLinkedFiles', () => {
  it('keeps a link’s file apart from the user’s file of the same name', async () => {
    const kept = await keepLinkedFiles([{ name: 'flowers.csv', bytes: bytes('a,b\n1,2\n') }])
    const path = kept.get('flowers.csv')!
    expect(path).not.toBe('flowers.csv')
    expect(path.endsWith('/flowers.csv')).toBe(true)
    expect(await textOf(await reopenDataFile(path))).toBe('flowers.csv: a,b\n1,2\n')
    // The user's own flowers.csv is looked up by its bare name: the link's copy is not it.
    expect(await textOf(await reopenDataFile('flowers.csv'))).toMatch(/^\("flowers.csv" is not kept in this browser/)
  })

  it('keeps both of two different files of one name, and one copy of the same file', async () => {
    const first = (await keepLinkedFiles([{ name: 'data.csv', bytes: bytes('x\n1\n') }])).get('data.csv')!
    const second = (await keepLinkedFiles([{ name: 'data.csv', bytes: bytes('x\n2\n') }])).get('data.csv')!
    const again = (await keepLinkedFiles([{ name: 'data.csv', bytes: bytes('x\n1\n') }])).get('data.csv')!
    expect(second).not.toBe(first)
    expect(again).toBe(first)
    expect(await textOf(await reopenDataFile(first))).toBe('data.csv: x\n1\n')
    expect(await textOf(await reopenDataFile(second))).toBe('data.csv: x\n2\n')
  })

  it('names a kept copy by its content, the same on every machine and session', () => {
    expect(linkedFilePath('iris.csv', bytes('a,b\n1,2\n'))).toMatch(/^shared-[0-9a-f]{16}\/iris\.csv$/)
    expect(linkedFilePath('iris.csv', bytes('a,b\n1,2\n'))).toBe(linkedFilePath('iris.csv', bytes('a,b\n1,2\n')))
    // One byte changed, or the same bytes in another order: another copy.
    expect(linkedFilePath('iris.csv', bytes('a,b\n1,3\n'))).not.toBe(linkedFilePath('iris.csv', bytes('a,b\n1,2\n')))
    expect(linkedFilePath('iris.csv', bytes('ba'))).not.toBe(linkedFilePath('iris.csv', bytes('ab')))
  })
})
