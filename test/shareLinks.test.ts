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
    expect(read).toEqual({ ok: true, project: mazur, files: [] })
  })

  it('read the links older versions wrote (format 1, the project alone)', () => {
    const xor = example('xor-2-2-1-sigmoid')
    const v1 = `v1.${base64UrlEncode(deflateSync(strToU8(JSON.stringify(xor))))}`
    expect(readShareText(v1)).toEqual({ ok: true, project: xor, files: [] })
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
    expect(readShareText('v3.AAAA')).toEqual({ ok: false, message: expect.stringMatching(/newer Axon Studio \(link format 3\); this one reads format 2\. Update/) })
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

const irisCsv = new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures/data/real/iris.csv')))
/** The iris example as a teacher has it: its CSV in a folder of their own. */
const irisProject = (): Project => {
  const project = parseProjectOrThrow(readFileSync(join(import.meta.dirname, '../docs/examples/iris-4-8-3.axon.json'), 'utf8'))
  if (project.data.kind === 'file') project.data.path = 'C:\\Users\\teacher\\course data\\iris.csv'
  return project
}

describe('share links with local data (format 2)', () => {
  it('carry the data file’s bytes, under its base name, and the project’s other settings unchanged', () => {
    const project = irisProject()
    const encoded = shareFragment(project, [{ name: 'iris.csv', bytes: irisCsv }])
    if (!encoded.ok) throw new Error(encoded.message)
    const text = shareTextOf(encoded.fragment)!
    expect(text).toMatch(/^v2\.[A-Za-z0-9_-]+$/)
    const read = readShareText(text)
    if (!read.ok) throw new Error(read.message)
    expect(read.files).toEqual([{ name: 'iris.csv', bytes: irisCsv }])
    expect(read.project.data).toEqual({ ...project.data, path: 'iris.csv' })
    expect({ ...read.project, data: null }).toEqual({ ...project, data: null })
  })

  it('refuse data that makes the link too long, saying how big it is and what to do', () => {
    // 80,000 bytes that do not compress: the link would be about 107 kB.
    let state = 2463534242
    const noise = Uint8Array.from({ length: 80_000 }, () => {
      state ^= state << 13
      state ^= state >>> 17
      state ^= state << 5
      return state & 255
    })
    const encoded = shareFragment(irisProject(), [{ name: 'iris.csv', bytes: noise }])
    expect(encoded).toEqual({ ok: false, message: expect.stringMatching(/^The data \(iris\.csv, 80 kB\) makes this link 10\d kB; a link holds at most 60 kB\. Share the project file and the data file instead\.$/) })
  })

  it('call a link damaged when its files are cut short or are not the ones its data names', () => {
    const encoded = shareFragment(irisProject(), [{ name: 'iris.csv', bytes: irisCsv }])
    if (!encoded.ok) throw new Error(encoded.message)
    const text = shareTextOf(encoded.fragment)!
    expect(readShareText(text.slice(0, text.length - 50))).toEqual({ ok: false, message: expect.stringMatching(/damaged/) })
    const other = shareFragment(irisProject(), [{ name: 'other.csv', bytes: irisCsv }])
    if (!other.ok) throw new Error(other.message)
    expect(readShareText(shareTextOf(other.fragment)!)).toEqual({ ok: false, message: expect.stringMatching(/damaged/) })
  })
})
