import { describe, expect, it } from 'vitest'
import { resolve } from 'node:path'
import { createFileAccess, type FileDialogs } from './fileAccess'

function setup(openAnswer: string[] = [], saveAnswer: string | null = null) {
  const disk = new Map<string, Uint8Array>([[resolve('/class/xor.axon.json'), new TextEncoder().encode('{"p":1}')], [resolve('/class/data/iris.csv'), new TextEncoder().encode('a,b\n1,2\n')], [resolve('/etc/passwd'), new Uint8Array([1])]])
  const asked: string[] = []
  const dialogs: FileDialogs = {
    open: async (o) => (asked.push(`open ${o.title} ${o.filters[0].extensions.join(',')} ${o.multiple}`), openAnswer),
    save: async (o) => (asked.push(`save ${o.defaultPath}`), saveAnswer),
  }
  const find = (p: string) => {
    const bytes = disk.get(p)
    if (!bytes) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: 'ENOENT' })
    return bytes
  }
  const files = createFileAccess(dialogs, {
    read: async (p) => find(p),
    size: async (p) => find(p).byteLength,
    write: async (p, b) => void disk.set(p, b),
  })
  return { files, disk, asked }
}

describe('file access: only what the user picked', () => {
  it('opens what the dialog picked, as bytes with its path and name', async () => {
    const { files, asked } = setup(['/class/xor.axon.json'])
    const [file] = (await files.open('project', false))!
    expect(file).toMatchObject({ path: resolve('/class/xor.axon.json'), name: 'xor.axon.json' })
    expect(new TextDecoder().decode(file.bytes)).toBe('{"p":1}')
    expect(asked).toEqual(['open Open a network axon.json,json false'])
    expect(files.isGranted('/class/xor.axon.json')).toBe(true)
  })

  it('gives null when the dialog is cancelled', async () => {
    expect(await setup([]).files.open('data', true)).toBeNull()
  })

  it('saves back to a granted path without asking, elsewhere only through the dialog', async () => {
    const { files, disk, asked } = setup(['/class/xor.axon.json'], '/class/copy.axon.json')
    await files.open('project', false)
    const bytes = new TextEncoder().encode('{"p":2}')
    expect(await files.save('project', 'xor.axon.json', bytes, '/class/xor.axon.json')).toEqual({ path: resolve('/class/xor.axon.json'), name: 'xor.axon.json' })
    expect(asked).toHaveLength(1)
    // A path never picked (a renderer asking to write /etc/passwd) goes through the dialog instead.
    expect(await files.save('project', '../../etc/passwd', bytes, '/etc/passwd')).toEqual({ path: resolve('/class/copy.axon.json'), name: 'copy.axon.json' })
    expect(asked.at(-1)).toBe('save passwd')
    expect(disk.get(resolve('/etc/passwd'))).toEqual(new Uint8Array([1]))
  })

  it('a project dropped on the window is granted by its path: Save writes back to it without asking', async () => {
    const { files, disk, asked } = setup()
    expect(files.grantDropped('/class/xor.axon.json')).toBe(resolve('/class/xor.axon.json'))
    expect(files.grantDropped('/class/data/iris.csv')).toBe(resolve('/class/data/iris.csv'))
    const bytes = new TextEncoder().encode('{"p":3}')
    expect(await files.save('project', 'xor.axon.json', bytes, '/class/xor.axon.json')).toEqual({ path: resolve('/class/xor.axon.json'), name: 'xor.axon.json' })
    expect(disk.get(resolve('/class/xor.axon.json'))).toEqual(bytes)
    expect(asked).toEqual([])
  })

  it('grants no dropped file other than a project or data, nor a relative path', () => {
    const { files } = setup()
    expect(files.grantDropped('/etc/passwd')).toBeNull()
    expect(files.grantDropped('/home/ana/.bashrc')).toBeNull()
    expect(files.grantDropped('class/xor.axon.json')).toBeNull()
    expect(files.isGranted('/etc/passwd')).toBe(false)
  })

  it('refuses to read or describe paths that were never picked', async () => {
    const { files } = setup()
    await expect(files.readGranted('/etc/passwd')).rejects.toThrow(/not opened from this window/)
    await expect(files.describeGranted('/etc/passwd')).rejects.toThrow(/not opened from this window/)
  })

  it('describes a granted file by its name and size without reading it', async () => {
    const { files } = setup()
    files.grant('/class/data/iris.csv')
    expect(await files.describeGranted('/class/data/iris.csv')).toEqual({ path: resolve('/class/data/iris.csv'), name: 'iris.csv', size: 8 })
  })

  it('reads a data file beside an opened project, and nothing that is not data', async () => {
    const { files } = setup(['/class/xor.axon.json'])
    await expect(files.readBeside('/class/xor.axon.json', 'data/iris.csv')).rejects.toThrow(/Open the project from a file first/)
    await files.open('project', false)
    const iris = await files.readBeside('/class/xor.axon.json', 'data/iris.csv')
    expect(iris).toMatchObject({ path: resolve('/class/data/iris.csv'), name: 'iris.csv' })
    await expect(files.readBeside('/class/xor.axon.json', '../etc/passwd')).rejects.toThrow(/not a data file/)
    // In the user's words, not Node's (the page shows it as it is; fails on the old code).
    await expect(files.readBeside('/class/xor.axon.json', 'missing.csv')).rejects.toThrow('“missing.csv” is not there any more: it was moved, renamed or deleted.')
    files.grant('/class/gone.csv')
    await expect(files.readGranted('/class/gone.csv')).rejects.toThrow('“gone.csv” is not there any more')
    await expect(files.describeGranted('/class/gone.csv')).rejects.toThrow('“gone.csv” is not there any more')
  })
})
