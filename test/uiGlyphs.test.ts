/**
 * Every character the interface shows renders on a bare Linux: a classroom's Debian running the
 * AppImage has no emoji font, and an emoji (the lesson's padlock, U+1F512) came out as an empty
 * box. Its basic font is DejaVu Sans (fonts-dejavu-core, which fontconfig brings on Debian and
 * Ubuntu): Chromium draws any character it has, whatever font the page asks for. So no text of
 * the renderer, the messages it shows from the engine and shared code, main's dialogs and menus
 * (GTK draws them with the same fonts), the lessons or the examples uses a character that wants
 * an emoji font, nor (where DejaVu Sans is on the machine to ask) one outside DejaVu Sans. An
 * icon is drawn (an inline SVG) or said in words instead.
 */
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describeUnless } from './requires'

const root = process.cwd()
/** Where the interface's text comes from. */
const SOURCES = ['src/renderer', 'src/shared', 'src/engine', 'src/main', 'src/preload', 'resources/lessons', 'resources/examples']
const TEXT_FILE = /\.(tsx?|css|html|json|md)$/

function* textFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) yield* textFiles(path)
    else if (TEXT_FILE.test(entry) && !/\.test\.tsx?$/.test(entry)) yield path
  }
}

/** Each non-ASCII character of the sources, with the first place it appears (file:line). */
function charactersUsed(): Map<string, string> {
  const used = new Map<string, string>()
  for (const file of SOURCES.flatMap((dir) => [...textFiles(join(root, dir))])) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        for (const ch of line) if (ch.codePointAt(0)! > 0x7f && !used.has(ch)) used.set(ch, `${relative(root, file)}:${i + 1}`)
      })
  }
  return used
}

const named = (ch: string, where: string) => `${ch} (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) in ${where}`

/** A character drawn from an emoji font: emoji presentation by default, or asked for (VS16), or joined (ZWJ). */
const WANTS_EMOJI_FONT = /\p{Emoji_Presentation}|\u{FE0F}|\u{200D}/u

describe('glyphs the interface uses', () => {
  it('none wants an emoji font (fails on the old code: the lesson lock note’s padlock emoji)', () => {
    const emoji = [...charactersUsed()].filter(([ch]) => WANTS_EMOJI_FONT.test(ch)).map(([ch, where]) => named(ch, where))
    expect(emoji).toEqual([])
  })

  it('finds an emoji where one is used', () => {
    expect(WANTS_EMOJI_FONT.test('\u{1F512}')).toBe(true)
    expect(WANTS_EMOJI_FONT.test('\u{2714}\u{FE0F}')).toBe(true)
    // Symbols DejaVu Sans draws as text: the run controls' ▶ and ❚❚, the theme's ☀ and ☾, ✓, ★.
    expect([...'▶❚☀☾✓✕★☆⟳'].filter((ch) => WANTS_EMOJI_FONT.test(ch))).toEqual([])
  })
})

const DEJAVU_SANS = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'

/** The code points a font has, as fontconfig reads its character map ('20-7e a0-2e9 …'). */
function fontCharset(file: string): (codePoint: number) => boolean {
  const ranges = execFileSync('fc-query', ['--format=%{charset}', file], { encoding: 'utf8' })
    .trim()
    .split(/\s+/)
    .map((range) => range.split('-').map((hex) => parseInt(hex, 16)))
    .map(([lo, hi = lo]) => [lo, hi])
  return (codePoint) => ranges.some(([lo, hi]) => codePoint >= lo && codePoint <= hi)
}

function fcQueryMissing(): string | null {
  if (!existsSync(DEJAVU_SANS)) return `DejaVu Sans (fonts-dejavu-core) is not at ${DEJAVU_SANS} on this machine`
  try {
    execFileSync('fc-query', ['--version'], { stdio: 'ignore' })
    return null
  } catch {
    return 'fc-query (fontconfig) is not installed: it reads DejaVu Sans’s characters'
  }
}

describeUnless(fcQueryMissing(), "glyphs against a bare Debian's font", () => {
  it('DejaVu Sans has every character the interface uses (fails on the old code: the padlock emoji)', () => {
    const has = fontCharset(DEJAVU_SANS)
    const missing = [...charactersUsed()].filter(([ch]) => !has(ch.codePointAt(0)!)).map(([ch, where]) => named(ch, where))
    expect(missing).toEqual([])
  })
})
