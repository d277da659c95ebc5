import { describe, expect, it } from 'vitest'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll } from 'vitest'
import { appFilePath, chooseAppUrl, createAppProtocolHandler, APP_ENTRY_URL } from './appProtocol'

const root = resolve('/app/out/renderer')

describe('app:// protocol', () => {
  it.each([
    ['app://axon/index.html', join(root, 'index.html')],
    ['app://axon/', join(root, 'index.html')],
    ['app://axon/assets/index-abc.js', join(root, 'assets', 'index-abc.js')],
    ['app://axon/assets/train-images-idx3-ubyte%20copy.gz', join(root, 'assets', 'train-images-idx3-ubyte copy.gz')],
  ])('serves %s from the renderer folder', (url, file) => {
    expect(appFilePath(root, url)).toBe(file)
  })

  it.each(['app://axon/../../etc/passwd', 'app://axon/%2e%2e/%2e%2e/etc/passwd'])('folds the dot segments of %s inside the folder', (url) => {
    expect(appFilePath(root, url)).toBe(join(root, 'etc', 'passwd'))
  })

  it.each([
    'app://axon/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://axon/assets/%2e%2e%5c%2e%2e%5cwindows%5cwin.ini',
    'app://axon/..\\..\\secret',
    'app://axon/index.html%00.png',
    'app://other/index.html',
    'file:///app/out/renderer/index.html',
    'app://axon/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(appFilePath(root, url)).toBeNull()
  })

  const dir = mkdtempSync(join(tmpdir(), 'axon-protocol-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('answers files with their type, and 404 for everything else', async () => {
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true })
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html>')
    writeFileSync(join(dir, 'renderer', 'assets', 'engine.wasm'), new Uint8Array([0, 97, 115, 109]))
    writeFileSync(join(dir, 'secret.txt'), 'do not serve')
    const handle = createAppProtocolHandler(join(dir, 'renderer'), async (p) => new Uint8Array(await readFile(p)))
    const page = await handle({ url: 'app://axon/index.html' })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    // Cross-origin isolated, so the page and its workers may share memory.
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin')
    expect(page.headers.get('cross-origin-embedder-policy')).toBe('require-corp')
    expect(await page.text()).toBe('<!doctype html>')
    expect((await handle({ url: 'app://axon/assets/engine.wasm' })).headers.get('content-type')).toBe('application/wasm')
    expect((await handle({ url: 'app://axon/../secret.txt' })).status).toBe(404)
    expect((await handle({ url: 'app://axon/%2e%2e/secret.txt' })).status).toBe(404)
    expect((await handle({ url: 'app://axon/missing.js' })).status).toBe(404)
    expect((await handle({ url: 'app://axon/index.html', method: 'POST' })).status).toBe(404)
  })

  it('honours ELECTRON_RENDERER_URL only when running from source', () => {
    expect(chooseAppUrl(false, 'http://localhost:5173/')).toBe('http://localhost:5173/')
    expect(chooseAppUrl(true, 'http://evil.example/')).toBe(APP_ENTRY_URL)
    expect(chooseAppUrl(false, undefined)).toBe(APP_ENTRY_URL)
  })
})
