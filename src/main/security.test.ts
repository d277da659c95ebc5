import { describe, expect, it } from 'vitest'
import { isAppUrl, secureWebPreferences } from './security'

describe('window security', () => {
  it('keeps the sandbox and isolation on', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false })
  })

  it.each([
    ['http://localhost:5173/index.html', 'http://localhost:5173/', true],
    ['https://example.com/', 'http://localhost:5173/', false],
    ['file:///app/out/renderer/index.html', 'file:///app/out/renderer/index.html', true],
    ['file:///etc/passwd', 'file:///app/out/renderer/index.html', false],
    ['not a url', 'http://localhost:5173/', false],
  ])('isAppUrl(%s) is %s', (url, app, expected) => {
    expect(isAppUrl(url, app)).toBe(expected)
  })
})
