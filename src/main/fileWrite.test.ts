import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { access, chmod, lstat, mkdtemp, readdir, readFile, realpath, rename, rm, stat, symlink, unlink, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeFileSafely, writeFailureText, type WriteFs } from './fileWrite'

/** Pauses are not waited here: the tests count them. */
const realFs: WriteFs = { writeFile: (p, b, o) => writeFile(p, b, o), rename, unlink, realpath, stat, access, chmod, pause: async () => {} }
const bytes = (text: string) => new TextEncoder().encode(text)
/** The real file system, except that writing a file fails as the disk or the folder would. */
const failingWrites = (code: string): WriteFs => ({
  ...realFs,
  writeFile: async (p, b) => {
    // A full disk writes part of the file before it fails.
    await writeFile(p, b.slice(0, 3))
    throw Object.assign(new Error(`${code}: write failed, write '${p}'`), { code })
  },
})

let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'axon-save-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('saving a file without risking the one there', () => {
  it('replaces the file’s content and leaves nothing else beside it', async () => {
    const path = join(dir, 'xor.axon.json')
    await writeFile(path, 'old')
    await writeFileSafely(realFs, path, bytes('{"new":true}'), '42')
    expect(await readFile(path, 'utf8')).toBe('{"new":true}')
    expect(await readdir(dir)).toEqual(['xor.axon.json'])
  })

  it('has the new bytes flushed to the disk before they take the file’s place, so a power cut after Save cannot leave it empty (fails on the old code: written without flush)', async () => {
    const path = join(dir, 'xor.axon.json')
    await writeFile(path, 'old')
    const steps: string[] = []
    const recording: WriteFs = {
      ...realFs,
      writeFile: async (p, b, o) => (steps.push(`write ${p === path ? 'file' : 'copy'} flush=${o?.flush === true}`), realFs.writeFile(p, b, o)),
      rename: async (from, to) => (steps.push('rename'), rename(from, to)),
    }
    await writeFileSafely(recording, path, bytes('{"new":true}'), '42')
    expect(steps).toEqual(['write copy flush=true', 'rename'])
    expect(await readFile(path, 'utf8')).toBe('{"new":true}')
  })

  it('saves through a link: the file it names gets the bytes and the link stays a link (fails on the old code: the link was replaced by a file of its own, the shared file unchanged)', async () => {
    await mkdir(join(dir, 'class'))
    await mkdir(join(dir, 'desktop'))
    const shared = join(dir, 'class', 'xor.axon.json')
    const link = join(dir, 'desktop', 'xor.axon.json')
    await writeFile(shared, 'old')
    await symlink(shared, link)
    await writeFileSafely(realFs, link, bytes('{"new":true}'), '42')
    expect(await readFile(shared, 'utf8')).toBe('{"new":true}')
    expect((await lstat(link)).isSymbolicLink()).toBe(true)
    expect(await readdir(join(dir, 'class'))).toEqual(['xor.axon.json'])
    expect(await readdir(join(dir, 'desktop'))).toEqual(['xor.axon.json'])
  })

  it.runIf(process.platform !== 'win32')('keeps the file’s permissions: a private project stays private (fails on the old code: saved readable by all, as the umask made the copy)', async () => {
    const path = join(dir, 'answers.axon.json')
    await writeFile(path, 'old')
    await chmod(path, 0o600)
    await writeFileSafely(realFs, path, bytes('{"new":true}'), '42')
    expect((await stat(path)).mode & 0o777).toBe(0o600)
    const shared = join(dir, 'shared.axon.json')
    await writeFile(shared, 'old')
    await chmod(shared, 0o664)
    await writeFileSafely(realFs, shared, bytes('{"new":true}'), '42')
    expect((await stat(shared)).mode & 0o777).toBe(0o664)
  })

  it.each([
    ['ENOSPC', 'The disk is full: “xor.axon.json” was not saved.'],
    ['EACCES', 'You may not write to'],
    ['EROFS', 'is read-only: “xor.axon.json” was not saved.'],
  ])('%s: the old file is untouched, the partial copy removed, and the error says why', async (code, says) => {
    const path = join(dir, 'xor.axon.json')
    await writeFile(path, 'the saved network')
    const failure = writeFileSafely(failingWrites(code), path, bytes('a much longer new network'), '42')
    await expect(failure).rejects.toMatchObject({ name: 'FileWriteError', code })
    await expect(failure).rejects.toThrow(says)
    expect(await readFile(path, 'utf8')).toBe('the saved network')
    expect(await readdir(dir)).toEqual(['xor.axon.json'])
  })

  it('a folder that is gone, or a folder in the file’s place, is said on the real file system', async () => {
    await expect(writeFileSafely(realFs, join(dir, 'gone', 'a.axon.json'), bytes('x'), '1')).rejects.toThrow('no longer exists')
    await mkdir(join(dir, 'b.axon.json'))
    await expect(writeFileSafely(realFs, join(dir, 'b.axon.json'), bytes('x'), '1')).rejects.toMatchObject({ name: 'FileWriteError' })
    expect((await readdir(dir)).sort()).toEqual(['b.axon.json'])
  })

  it('a file that may not be replaced (read-only, or open in another program: Windows refuses the rename) is said of the file, not its folder (fails on the old code, which said the folder may not be written)', async () => {
    const path = join(dir, 'xor.axon.json')
    await writeFile(path, 'the saved network')
    const held: WriteFs = { ...realFs, rename: async () => Promise.reject(Object.assign(new Error('EPERM: operation not permitted, rename'), { code: 'EPERM' })) }
    const failure = writeFileSafely(held, path, bytes('new'), '42')
    await expect(failure).rejects.toThrow('“xor.axon.json” could not be replaced: it is read-only, or open in another program. It was not saved: close it there, or save under another name with Save As.')
    expect(await readFile(path, 'utf8')).toBe('the saved network')
    expect(await readdir(dir)).toEqual(['xor.axon.json'])
  })

  it('a read-only file is refused, not replaced: the rename needs only the folder’s permission, so on Linux and macOS a teacher’s read-only exemplar was overwritten (fails on the old code: saved)', async () => {
    const path = join(dir, 'exemplar.axon.json')
    await writeFile(path, 'the teacher’s network')
    await chmod(path, 0o444)
    // As the file system answers a user who is not root (these tests may run as root, who may write anything).
    const readOnly: WriteFs = { ...realFs, access: async (p, mode) => (p === path ? Promise.reject(Object.assign(new Error(`EACCES: permission denied, access '${p}'`), { code: 'EACCES' })) : access(p, mode)) }
    const failure = writeFileSafely(process.getuid?.() === 0 ? readOnly : realFs, path, bytes('the student’s network'), '42')
    await expect(failure).rejects.toMatchObject({ name: 'FileWriteError', code: 'EACCES' })
    await expect(failure).rejects.toThrow('“exemplar.axon.json” could not be replaced: it is read-only, or open in another program. It was not saved: close it there, or save under another name with Save As.')
    expect(await readFile(path, 'utf8')).toBe('the teacher’s network')
    expect(await readdir(dir)).toEqual(['exemplar.axon.json'])
  })

  it('a new file is saved: its write permission is not asked of a file not there yet', async () => {
    const path = join(dir, 'new.axon.json')
    await writeFileSafely(realFs, path, bytes('{"new":true}'), '42')
    expect(await readFile(path, 'utf8')).toBe('{"new":true}')
  })

  it('tries the rename again while another program holds the file a moment (an antivirus scanning the new copy: Windows refuses with EPERM), and saves (fails on the old code: the save failed at the first refusal)', async () => {
    const path = join(dir, 'xor.axon.json')
    await writeFile(path, 'old')
    const pauses: number[] = []
    let refusals = 2
    const scanned: WriteFs = {
      ...realFs,
      rename: async (from, to) => (refusals-- > 0 ? Promise.reject(Object.assign(new Error('EPERM: operation not permitted, rename'), { code: 'EPERM' })) : rename(from, to)),
      pause: async (ms) => void pauses.push(ms),
    }
    await writeFileSafely(scanned, path, bytes('{"new":true}'), '42')
    expect(await readFile(path, 'utf8')).toBe('{"new":true}')
    expect(pauses).toEqual([50, 100])
    expect(await readdir(dir)).toEqual(['xor.axon.json'])
  })

  it('a rename refused for another reason is not tried again', async () => {
    const path = join(dir, 'xor.axon.json')
    await writeFile(path, 'old')
    let tries = 0
    const crossDevice: WriteFs = { ...realFs, rename: async () => (tries++, Promise.reject(Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' }))) }
    await expect(writeFileSafely(crossDevice, path, bytes('new'), '42')).rejects.toThrow('“xor.axon.json” was not saved: EXDEV')
    expect(tries).toBe(1)
  })

  it('names the folder when it may not be written, and keeps an unknown error’s own words', () => {
    expect(writeFailureText('/class/ro/a.axon.json', { code: 'EACCES' })).toBe('You may not write to /class/ro: “a.axon.json” was not saved. Choose another folder with Save As.')
    expect(writeFailureText('/a.axon.json', new Error('EIO: i/o error'))).toBe('“a.axon.json” was not saved: EIO: i/o error')
  })
})
