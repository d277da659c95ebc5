import { describe, expect, it } from 'vitest'
import { resolve } from 'node:path'
import { createFileAccess, type FileDialogs } from './fileAccess'

const text = (s: string) => new TextEncoder().encode(s)
/** A project that trains on data/iris.csv and missing.csv (its test set), and whose past run trained on ../shared/digits.idx. */
const XOR = JSON.stringify({ data: { kind: 'file', format: 'csv', path: 'data/iris.csv', testPath: 'missing.csv' }, runs: [{ data: { kind: 'file', format: 'idx', path: '../shared/digits.idx' } }] })

/** `readOnly`: a folder whose files cannot be written (a read-only USB stick); `documents`: where main offers a save elsewhere. */
function setup(openAnswer: string[] = [], saveAnswer: string | null = null, { readOnly = '/nowhere', documents = undefined as string | undefined } = {}) {
  const disk = new Map<string, Uint8Array>([
    [resolve('/class/xor.axon.json'), text(XOR)],
    [resolve('/class/data/iris.csv'), text('a,b\n1,2\n')],
    [resolve('/shared/digits.idx'), new Uint8Array([0, 0, 8, 1])],
    [resolve('/home/ana/notes.txt'), text('my passwords')],
    [resolve('/etc/passwd'), new Uint8Array([1])],
  ])
  const asked: string[] = []
  const titles: string[] = []
  const dialogs: FileDialogs = {
    open: async (o) => (asked.push(`open ${o.title} ${o.filters[0].extensions.join(',')} ${o.multiple}`), openAnswer),
    save: async (o) => (asked.push(`save ${o.defaultPath}`), titles.push(o.title), saveAnswer),
  }
  const find = (p: string) => {
    const bytes = disk.get(p)
    if (!bytes) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: 'ENOENT' })
    return bytes
  }
  const files = createFileAccess(dialogs, {
    read: async (p) => find(p),
    size: async (p) => find(p).byteLength,
    write: async (p, b) => {
      if (p.startsWith(resolve(readOnly))) throw Object.assign(new Error(`${resolve(readOnly)} is read-only: “${p.split('/').at(-1)}” was not saved. Choose another folder with Save As.`), { code: 'EROFS' })
      disk.set(p, b)
    },
  }, documents ? { elsewhere: () => documents } : {})
  return { files, disk, asked, titles }
}

describe('file access: only what the user picked', () => {
  it('opens what the dialog picked, as bytes with its path and name', async () => {
    const { files, asked } = setup(['/class/xor.axon.json'])
    const [file] = (await files.open('project', false))!
    expect(file).toMatchObject({ path: resolve('/class/xor.axon.json'), name: 'xor.axon.json' })
    expect(new TextDecoder().decode(file.bytes)).toBe(XOR)
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

  it('reads a data file beside an opened project, only one the project names, and nothing that is not data', async () => {
    const { files } = setup(['/class/xor.axon.json'])
    await expect(files.readBeside('/class/xor.axon.json', 'data/iris.csv')).rejects.toThrow(/Open the project from a file first/)
    await files.open('project', false)
    const iris = await files.readBeside('/class/xor.axon.json', 'data/iris.csv')
    expect(iris).toMatchObject({ path: resolve('/class/data/iris.csv'), name: 'iris.csv' })
    expect(await files.readBeside('/class/xor.axon.json', '../shared/digits.idx')).toMatchObject({ path: resolve('/shared/digits.idx') })
    await expect(files.readBeside('/class/xor.axon.json', '../etc/passwd')).rejects.toThrow(/not a data file/)
    // In the user's words, not Node's (the page shows it as it is; fails on the old code).
    await expect(files.readBeside('/class/xor.axon.json', 'missing.csv')).rejects.toThrow('“missing.csv” is not there any more: it was moved, renamed or deleted.')
    files.grant('/class/gone.csv')
    await expect(files.readGranted('/class/gone.csv')).rejects.toThrow('“gone.csv” is not there any more')
    await expect(files.describeGranted('/class/gone.csv')).rejects.toThrow('“gone.csv” is not there any more')
  })

  it('reads no data file beside a project that the project does not name: an opened project is no key to the disk (fails on the old code)', async () => {
    const { files } = setup(['/class/xor.axon.json'])
    await files.open('project', false)
    for (const path of ['/home/ana/notes.txt', '../home/ana/notes.txt', 'data/../../home/ana/notes.txt']) {
      await expect(files.readBeside('/class/xor.axon.json', path)).rejects.toThrow('“notes.txt” is not one of the data files “xor.axon.json” names: choose it with Data… to open it.')
    }
    expect(files.isGranted('/home/ana/notes.txt')).toBe(false)
    // Nor is a data file the key: a granted CSV is no project whose folder could be read.
    files.grant('/class/data/iris.csv')
    await expect(files.readBeside('/class/data/iris.csv', '../../home/ana/notes.txt')).rejects.toThrow(/Open the project from a file first/)
  })

  it('reads a data file picked with Data… beside the project, before the project names it', async () => {
    const { files } = setup(['/class/xor.axon.json'])
    await files.open('project', false)
    files.grant('/home/ana/notes.txt')
    expect(await files.readBeside('/class/xor.axon.json', '../home/ana/notes.txt')).toMatchObject({ name: 'notes.txt' })
  })

  it('never replaces a data file the user only opened: a save to it goes through the Save dialog (fails on the old code)', async () => {
    const { files, disk, asked } = setup(['/class/data/iris.csv'], null)
    await files.open('data', true)
    files.grantDropped('/home/ana/notes.txt')
    files.grant('/shared/digits.idx')
    const before = new Map(disk)
    for (const path of ['/class/data/iris.csv', '/home/ana/notes.txt', '/shared/digits.idx']) {
      expect(await files.save('project', 'xor.axon.json', text('{"p":9}'), path)).toBeNull()
      expect(asked.at(-1)).toBe('save xor.axon.json')
    }
    // Nor one read beside a project.
    const beside = setup(['/class/xor.axon.json'])
    await beside.files.open('project', false)
    await beside.files.readBeside('/class/xor.axon.json', 'data/iris.csv')
    expect(await beside.files.save('project', 'x.axon.json', text('{}'), '/class/data/iris.csv')).toBeNull()
    expect(beside.disk.get(resolve('/class/data/iris.csv'))).toEqual(text('a,b\n1,2\n'))
    expect(disk).toEqual(before)
  })

  it('saves back without asking to a project double-clicked, in Open Recent, or saved before', async () => {
    const { files, disk, asked } = setup([], '/class/new.axon.json')
    files.grant('/class/xor.axon.json')
    expect(await files.save('project', 'xor.axon.json', text('{"p":2}'), '/class/xor.axon.json')).toMatchObject({ path: resolve('/class/xor.axon.json') })
    expect(await files.save('project', 'new.axon.json', text('{"p":3}'), null)).toMatchObject({ path: resolve('/class/new.axon.json') })
    expect(await files.save('project', 'new.axon.json', text('{"p":4}'), '/class/new.axon.json')).toMatchObject({ path: resolve('/class/new.axon.json') })
    expect(asked).toEqual(['save new.axon.json'])
    expect(disk.get(resolve('/class/new.axon.json'))).toEqual(text('{"p":4}'))
  })

  it('a project opened or saved is writable; a data file or a model opened is not (Open Recent lists only the writable)', async () => {
    const { files } = setup(['/class/xor.axon.json'])
    await files.open('project', false)
    expect(files.isWritable('/class/xor.axon.json')).toBe(true)
    const model = setup(['/class/xor.model.json'])
    model.disk.set(resolve('/class/xor.model.json'), text('{}'))
    await model.files.open('model', false)
    expect([model.files.isGranted('/class/xor.model.json'), model.files.isWritable('/class/xor.model.json')]).toEqual([true, false])
    files.grant('/class/data/iris.csv')
    expect(files.isWritable('/class/data/iris.csv')).toBe(false)
  })

  it('a project that cannot be saved back (a read-only USB stick) gets the Save dialog at once, in Documents; cancelled, the save fails saying why (fails on the old code: only the error)', async () => {
    const stick = setup([], '/home/ana/Documents/xor.axon.json', { readOnly: '/media/usb', documents: '/home/ana/Documents' })
    stick.disk.set(resolve('/media/usb/xor.axon.json'), text(XOR))
    stick.files.grant('/media/usb/xor.axon.json')
    expect(await stick.files.save('project', 'xor.axon.json', text('{"p":5}'), '/media/usb/xor.axon.json')).toEqual({ path: resolve('/home/ana/Documents/xor.axon.json'), name: 'xor.axon.json' })
    expect(stick.asked).toEqual([`save ${resolve('/home/ana/Documents/xor.axon.json')}`])
    expect(stick.titles).toEqual(['“xor.axon.json” could not be saved there: choose another place'])
    expect(stick.disk.get(resolve('/home/ana/Documents/xor.axon.json'))).toEqual(text('{"p":5}'))
    expect(stick.disk.get(resolve('/media/usb/xor.axon.json'))).toEqual(text(XOR))
    // The next Save goes to the new file without asking.
    expect(await stick.files.save('project', 'xor.axon.json', text('{"p":6}'), '/home/ana/Documents/xor.axon.json')).toMatchObject({ path: resolve('/home/ana/Documents/xor.axon.json') })
    expect(stick.asked).toHaveLength(1)
    const cancelled = setup([], null, { readOnly: '/media/usb' })
    cancelled.files.grant('/media/usb/xor.axon.json')
    await expect(cancelled.files.save('project', 'xor.axon.json', text('{}'), '/media/usb/xor.axon.json')).rejects.toThrow(`${resolve('/media/usb')} is read-only: “xor.axon.json” was not saved.`)
    // Without a folder to offer, its own: the dialog then opens where the file is.
    expect(cancelled.asked).toEqual([`save ${resolve('/media/usb/xor.axon.json')}`])
  })

  it('a path chosen in the Save dialog that cannot be written fails saying why, without asking again', async () => {
    const { files, asked } = setup([], '/media/usb/new.axon.json', { readOnly: '/media/usb' })
    await expect(files.save('project', 'new.axon.json', text('{}'), null)).rejects.toThrow('is read-only')
    expect(asked).toHaveLength(1)
  })
})
