import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileSizeAtMost, readFileAtMost } from './fileRead'

let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'axon-read-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('reading a file the user named, no more than main may take', () => {
  it('reads a file within the limit, and gives its size', async () => {
    const path = join(dir, 'iris.csv')
    await writeFile(path, 'x,y\n1,2\n')
    expect(new TextDecoder().decode(await readFileAtMost(path, 8))).toBe('x,y\n1,2\n')
    expect(await fileSizeAtMost(path, 8)).toBe(8)
  })

  it('refuses a file over the limit by its size, naming it, before reading it', async () => {
    // Sparse: 3 GB on paper, nothing on disk. Node cannot read a file this large into one buffer (over 2 GB), so a read would fail otherwise.
    const path = join(dir, 'train-images-idx3-ubyte.gz')
    await writeFile(path, '')
    await truncate(path, 3 * 1024 ** 3)
    const tooLarge = { name: 'FileReadError', code: 'EFBIG', message: '“train-images-idx3-ubyte.gz” is 3072 MB, more than the 512 MB Axon Studio opens.' }
    await expect(readFileAtMost(path, 512 * 1024 ** 2)).rejects.toMatchObject(tooLarge)
    await expect(fileSizeAtMost(path, 512 * 1024 ** 2)).rejects.toMatchObject(tooLarge)
  })

  it('refuses a folder, and passes on what the file system says of a missing file', async () => {
    await mkdir(join(dir, 'odd.axon.json'))
    await expect(readFileAtMost(join(dir, 'odd.axon.json'), 100)).rejects.toMatchObject({ code: 'EISDIR' })
    await expect(fileSizeAtMost(join(dir, 'odd.axon.json'), 100)).rejects.toMatchObject({ code: 'EISDIR' })
    await expect(readFileAtMost(join(dir, 'gone.csv'), 100)).rejects.toMatchObject({ code: 'ENOENT' })
    await expect(fileSizeAtMost(join(dir, 'gone.csv'), 100)).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
