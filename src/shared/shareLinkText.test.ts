import { describe, expect, it } from 'vitest'
import { readShareLink } from './shareLinkText'

describe('reading a pasted share link', () => {
  it('takes either build\'s link, saying which form it was', () => {
    expect(readShareLink('axon-studio://open#share=v1.AbC-_9')).toEqual({ text: 'v1.AbC-_9', kind: 'desktop' })
    expect(readShareLink('axon-studio://open/?share=v2.xyz&from=mail')).toEqual({ text: 'v2.xyz', kind: 'desktop' })
    expect(readShareLink('https://school.example/axon/index.html#share=v2.q')).toEqual({ text: 'v2.q', kind: 'web' })
    expect(readShareLink('HTTP://127.0.0.1:5173/#share=v1.q')).toEqual({ text: 'v1.q', kind: 'web' })
  })

  it('takes the bare text too, with or without #share=', () => {
    expect(readShareLink('v1.abc')).toEqual({ text: 'v1.abc', kind: 'bare' })
    expect(readShareLink('#share=v1.abc')).toEqual({ text: 'v1.abc', kind: 'bare' })
    expect(readShareLink('share=v2.abc')).toEqual({ text: 'v2.abc', kind: 'bare' })
  })

  it('drops the line breaks and spaces a mail or chat app put into a long link', () => {
    expect(readShareLink('  https://school.example/#share=v1.abc\n  def\r\nghi  ')).toEqual({ text: 'v1.abcdefghi', kind: 'web' })
  })

  it('refuses what is no share link: other schemes, no share, a page address\'s query, oversized text', () => {
    for (const text of ['', 'hello', 'file:///tmp/x.axon.json', 'ftp://x/#share=v1.a', 'https://example.org/', 'https://example.org/?share=v1.a', 'axon-studio://open', `v1.${'a'.repeat(100_000)}`]) {
      expect(readShareLink(text), text.slice(0, 40)).toBeNull()
    }
  })
})
