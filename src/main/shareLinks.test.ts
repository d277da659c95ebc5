import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { protocolClientArgs, SHARE_SCHEME, shareLinkOfText, shareTextOfUrl, shareTextsFromArgv } from './shareLinks'

describe('desktop share links', () => {
  it('take the share text out of an axon-studio: link, in its fragment or its query', () => {
    expect(shareTextOfUrl('axon-studio://open#share=v1.AbC-_9')).toBe('v1.AbC-_9')
    expect(shareTextOfUrl('axon-studio://open/?share=v1.xyz&from=mail')).toBe('v1.xyz')
    expect(shareTextOfUrl('AXON-STUDIO://open#share=v2.q')).toBe('v2.q')
  })

  it('take it out of a browser build\'s link too (https or http, in the fragment only)', () => {
    expect(shareTextOfUrl('https://school.example/axon/#share=v1.abc')).toBe('v1.abc')
    expect(shareTextOfUrl('http://127.0.0.1:5173/#share=v2.x-Y_')).toBe('v2.x-Y_')
    expect(shareTextOfUrl('https://example.org/?share=v1.abc')).toBeNull()
  })

  it('ignore other schemes, bare texts, links without a share and oversized text', () => {
    expect(shareTextOfUrl('v1.abc')).toBeNull()
    expect(shareTextOfUrl('ftp://example.org/#share=v1.abc')).toBeNull()
    expect(shareTextOfUrl('file:///tmp/x.axon.json')).toBeNull()
    expect(shareTextOfUrl('axon-studio://open')).toBeNull()
    expect(shareTextOfUrl(`axon-studio://open#share=${'a'.repeat(100_001)}`)).toBeNull()
  })

  it('a share text comes back from the link made of it (a relaunch carries it on its command line)', () => {
    expect(shareTextsFromArgv(['axon-studio', shareLinkOfText('v1.AbC-_9')])).toEqual(['v1.AbC-_9'])
  })

  it('find links on a command line (Windows and Linux, or a second launch), skipping the executable and files', () => {
    const argv = ['/opt/Axon Studio/axon-studio', '--no-sandbox', 'lesson.axon.json', 'axon-studio://open#share=v1.one', 'axon-studio://open#share=v1.two']
    expect(shareTextsFromArgv(argv)).toEqual(['v1.one', 'v1.two'])
    expect(shareTextsFromArgv(['axon-studio://open#share=v1.exe'])).toEqual([])
  })

  it('register the installed app by scheme alone, and Electron run from source with the app path', () => {
    expect(protocolClientArgs(false, '/usr/bin/axon-studio', undefined)).toEqual({ scheme: SHARE_SCHEME })
    expect(protocolClientArgs(true, '/usr/bin/electron', '.')).toEqual({ scheme: SHARE_SCHEME, path: '/usr/bin/electron', args: [resolve('.')] })
  })

  it('register a portable build by the .exe the user started, not the copy in %TEMP% deleted as it exits (fails on the old code: the copy)', () => {
    const copy = 'C:\\Users\\ana\\AppData\\Local\\Temp\\2ksuid\\Axon Studio.exe'
    expect(protocolClientArgs(false, copy, undefined, 'E:\\axon-studio-0.1.0-portable-x64.exe')).toEqual({ scheme: SHARE_SCHEME, path: 'E:\\axon-studio-0.1.0-portable-x64.exe', args: [] })
    expect(protocolClientArgs(false, copy, undefined, copy)).toEqual({ scheme: SHARE_SCHEME })
  })
})
