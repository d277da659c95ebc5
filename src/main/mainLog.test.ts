import { describe, expect, it } from 'vitest'
import { createMainLog, LOG_MAX_BYTES, oldLogPath, type LogFiles } from './mainLog'

/** Files in memory. */
function memoryFiles() {
  const files = new Map<string, string>()
  const calls: LogFiles = {
    size: (path) => (files.has(path) ? files.get(path)!.length : null),
    append: (path, text) => void files.set(path, (files.get(path) ?? '') + text),
    rename: (from, to) => {
      files.set(to, files.get(from) ?? '')
      files.delete(from)
    },
  }
  return { files, calls }
}

const at = () => new Date('2026-12-01T03:00:00.000Z')

describe('main log', () => {
  it('writes one timed line per event, a line break in it kept on the line', () => {
    const { files, calls } = memoryFiles()
    const echoed: string[] = []
    const log = createMainLog(() => '/logs/main.log', calls, at, (text) => echoed.push(text))
    log('window: loading app://axon/ failed: ERR_FILE_NOT_FOUND (-6)')
    log('engine: process exited\n(code 9)')
    expect(files.get('/logs/main.log')).toBe('2026-12-01T03:00:00.000Z window: loading app://axon/ failed: ERR_FILE_NOT_FOUND (-6)\n2026-12-01T03:00:00.000Z engine: process exited (code 9)\n')
    expect(echoed).toHaveLength(2)
  })

  it('stays small: past its limit the file becomes main.old.log and a new one starts', () => {
    const { files, calls } = memoryFiles()
    files.set('/logs/main.log', 'x'.repeat(LOG_MAX_BYTES - 10))
    files.set('/logs/main.old.log', 'older')
    createMainLog(() => '/logs/main.log', calls, at)('window: no first paint after 20000 ms; shown without it')
    expect(files.get('/logs/main.old.log')).toHaveLength(LOG_MAX_BYTES - 10)
    expect(files.get('/logs/main.log')).toMatch(/^2026-12-01T03:00:00.000Z window: no first paint/)
    expect(oldLogPath('/logs/main.log')).toBe('/logs/main.old.log')
  })

  it('a log that cannot be written (read-only profile, full disk) does not stop the app', () => {
    const log = createMainLog(() => '/logs/main.log', { size: () => null, append: () => { throw new Error('EROFS') }, rename: () => {} }, at)
    expect(() => log('engine: process exited (code 1)')).not.toThrow()
  })

  it('a stderr that refuses the echo (a packaged app without a console) still leaves the line in the file', () => {
    const { files, calls } = memoryFiles()
    const log = createMainLog(() => '/logs/main.log', calls, at, () => {
      throw new Error('EBADF')
    })
    expect(() => log('window: its page\'s process went (crashed)')).not.toThrow()
    expect(files.get('/logs/main.log')).toContain('crashed')
  })
})
