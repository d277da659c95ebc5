import { describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chooseUserDataDir, fallbackNotice, isWritableDir, noFolderText, userDataFallbacks, type DirProbe } from './userDataDir'

/** A file system where only `writable` folders can be written. */
const only = (...writable: string[]): DirProbe & { asked: string[] } => {
  const asked: string[] = []
  return { asked, writable: (dir, mode) => (asked.push(`${dir}${mode.private ? ' (private)' : ''}`), writable.includes(dir)) }
}

describe("the user's data folder", () => {
  const usual = '/home/student/.config/Axon Studio'
  const fallbacks = userDataFallbacks({ XDG_RUNTIME_DIR: '/run/user/1001' }, '/tmp', 'student')

  it('is the usual folder when the user can write it', () => {
    expect(chooseUserDataDir(usual, fallbacks, only(usual))).toEqual({ dir: usual, fallback: false, writable: true })
  })

  it("is a folder of the user's own for this session when the profile cannot be written, so the app still starts (Chromium's single-instance lock is a file there: without it the app ended with no window)", () => {
    expect(fallbacks).toEqual(['/run/user/1001/axon-studio', '/tmp/axon-studio-student'])
    const probe = only('/run/user/1001/axon-studio', '/tmp/axon-studio-student')
    expect(chooseUserDataDir(usual, fallbacks, probe)).toEqual({ dir: '/run/user/1001/axon-studio', fallback: true, writable: true })
    expect(probe.asked).toEqual([usual, '/run/user/1001/axon-studio (private)'])
    expect(chooseUserDataDir(usual, fallbacks, only('/tmp/axon-studio-student'))).toEqual({ dir: '/tmp/axon-studio-student', fallback: true, writable: true })
    // Nowhere to write: the app says why it cannot start (a dialog with no window) instead of ending without a word.
    expect(chooseUserDataDir(usual, fallbacks, only())).toEqual({ dir: usual, fallback: false, writable: false })
    expect(noFolderText(usual, fallbacks).content).toBe(
      'It cannot write to your profile folder (/home/student/.config/Axon Studio), nor to /run/user/1001/axon-studio or /tmp/axon-studio-student. Ask your IT staff to make your profile folder writable.',
    )
  })

  it("names the temporary folder after the user (a shared /tmp), in a file name's characters; Windows and macOS have no runtime folder", () => {
    expect(userDataFallbacks({}, 'C:\\Users\\ana\\AppData\\Local\\Temp', 'DOMAIN\\ana b')).toEqual([join('C:\\Users\\ana\\AppData\\Local\\Temp', 'axon-studio-DOMAIN_ana_b')])
    expect(userDataFallbacks({}, '/tmp', '')).toEqual(['/tmp/axon-studio-user'])
  })

  it('probes a real folder: made (0700) and written, not under a file', () => {
    const root = mkdtempSync(join(tmpdir(), 'axon-userdata-'))
    const dir = join(root, 'a', 'b')
    expect(isWritableDir(dir, { private: true })).toBe(true)
    if (process.platform !== 'win32') expect(statSync(dir).mode & 0o777).toBe(0o700)
    // The usual folder, made by the probe before Chromium would: 0700 as Chromium makes it (fails on a8f087b: 0755, the autosave readable by others).
    const usualDir = join(root, 'config', 'Axon Studio')
    expect(isWritableDir(usualDir, { private: false })).toBe(true)
    if (process.platform !== 'win32') expect(statSync(usualDir).mode & 0o777).toBe(0o700)
    writeFileSync(join(root, 'file'), '')
    expect(isWritableDir(join(root, 'file', 'sub'), { private: false })).toBe(false)
    rmSync(root, { recursive: true, force: true })
  })

  it('says where the work goes and how to keep it', () => {
    expect(fallbackNotice(usual, '/tmp/axon-studio-student').detail).toMatch(/^It could not write to \/home\/student\/.config\/Axon Studio, so this session keeps your work in \/tmp\/axon-studio-student.*Save your projects to files/)
  })
})
