import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { deflateSync, strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { parseProjectOrThrow } from '../src/engine/project/parse'
import { base64UrlDecode, base64UrlEncode, MAX_SHARE_CHARS, readShareText, shareFragment, shareTextOf } from '../src/engine/project/share'
import type { Project } from '../src/engine/project/types'

const example = (name: string): Project => parseProjectOrThrow(readFileSync(join(import.meta.dirname, '../resources/examples', `${name}.axon.json`), 'utf8'))

/** The text after `share=` of a project's link. */
function linkText(project: Project): string {
  const encoded = shareFragment(project)
  if (!encoded.ok) throw new Error(encoded.message)
  return shareTextOf(`#${encoded.fragment}`)!
}

describe('share links', () => {
  it('base64url round-trips every length of bytes, URL-safe', () => {
    for (let n = 0; n < 20; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 251) & 255)
      const text = base64UrlEncode(bytes)
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/)
      expect(base64UrlDecode(text)).toEqual(bytes)
    }
    expect(base64UrlDecode('ab+c')).toBeNull()
  })

  it('carry a project there and back: the same project, built-in data and its test share included', () => {
    const project: Project = { ...example('residual-circles'), data: { kind: 'builtin', id: 'xorClouds', options: { count: 200, noise: 0.2 }, testFraction: 0.3 } }
    const text = linkText(project)
    expect(text).toMatch(/^v1\.[A-Za-z0-9_-]+$/)
    const read = readShareText(text)
    if (!read.ok) throw new Error(read.message)
    expect(read.project).toEqual(project)
  })

  it('carry typed-in data (the lecture tables) and hand-set weights to the digit', () => {
    const mazur = example('mazur-2-2-2')
    const read = readShareText(linkText(mazur))
    expect(read).toEqual({ ok: true, project: mazur })
  })

  it('leave the sweeps and run history out (results, and large)', () => {
    const project = { ...example('xor-2-2-1-sigmoid'), experiments: { sweeps: [] } } as unknown as Project
    const read = readShareText(linkText(project))
    expect(read.ok && 'experiments' in read.project).toBe(false)
  })

  it('are found in a URL fragment, and only there', () => {
    expect(shareTextOf('#share=v1.abc')).toBe('v1.abc')
    expect(shareTextOf('share=v1.abc')).toBe('v1.abc')
    expect(shareTextOf('#other=1')).toBeNull()
    expect(shareTextOf('')).toBeNull()
  })

  it('say a damaged link is damaged: cut short, a character changed, or not a link at all', () => {
    const text = linkText(example('xor-2-2-1-sigmoid'))
    for (const broken of [text.slice(0, text.length - 40), text.slice(0, 12), `${text.slice(0, 20)}*${text.slice(21)}`, 'v1.', 'hello', `${text.slice(0, 30)}AAAA${text.slice(34)}`]) {
      const read = readShareText(broken)
      expect(read.ok, broken.slice(0, 40)).toBe(false)
      if (!read.ok) expect(read.message).toMatch(/damaged|cannot be opened/)
    }
  })

  it('say a link from a newer app (link format or project version) needs a newer app', () => {
    expect(readShareText('v2.AAAA')).toEqual({ ok: false, message: expect.stringMatching(/newer Axon Studio \(link format 2\); this one reads format 1\. Update/) })
    const newer = { ...example('xor-2-2-1-sigmoid'), version: 2 }
    const payload = base64UrlEncode(deflateSync(strToU8(JSON.stringify(newer))))
    expect(readShareText(`v1.${payload}`)).toEqual({ ok: false, message: expect.stringMatching(/newer Axon Studio \(project version 2\)/) })
  })

  it('refuse a network too large for a link, saying what to do instead', () => {
    const big = example('xor-2-2-1-sigmoid')
    // Hand-set weights of a 2 → 30000 layer: random-looking numbers do not compress away.
    const dense = big.nodes.find((n) => n.kind === 'dense')!
    if (dense.kind === 'dense') {
      dense.params.units = 30000
      dense.params.weights = Array.from({ length: 30000 }, (_, j) => [Math.sin(j) * 1e3, Math.cos(j * 1.7)])
    }
    const encoded = shareFragment(big)
    expect(encoded.ok).toBe(false)
    if (!encoded.ok) expect(encoded.message).toMatch(new RegExp(`too large for a link \\(\\d+ kB packed, at most ${MAX_SHARE_CHARS / 1000} kB\\): save it as a file`))
  })
})
