/**
 * WCAG 2 contrast of every text the page shows, measured in the browser: the text's colour (SVG
 * `fill` for chart text) against the background it sits on (the ancestors' background colours,
 * blended), with opacity. AA asks 4.5:1, or 3:1 for large text (≥ 24 px, or ≥ 18.66 px bold).
 * Disabled controls are exempt, as WCAG says.
 */
import type { Page } from '@playwright/test'

export interface ContrastFailure {
  text: string
  ratio: number
  needed: number
  color: string
  background: string
  where: string
}

/** The in-page colour maths `contrastFailures` uses, installed on `window` by `installColourMaths`. */
interface ColourMaths {
  parse(css: string): [number, number, number, number]
  over(top: number[], under: number[]): [number, number, number, number]
  ratioOf(a: number[], b: number[]): number
  backgroundOf(el: Element): [number, number, number, number]
  opacityOf(el: Element): number
  visible(el: Element): boolean
}

/** Defines `window.axonColourMaths` in the page (page functions cannot share closures with this file). */
async function installColourMaths(page: Page): Promise<void> {
  await page.evaluate(() => {
    type RGBA = [number, number, number, number]
    const probe = document.createElement('canvas').getContext('2d')!
    /** Any CSS colour → RGBA 0–255 (the canvas normalises color-mix, oklab, names …). */
    const parse = (css: string): RGBA => {
      const m = css.match(/^rgba?\(([^)]+)\)$/)
      if (m) {
        const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number)
        return [p[0], p[1], p[2], p[3] ?? 1]
      }
      const c = css.match(/^color\(srgb ([^)]+)\)$/)
      if (c) {
        const p = c[1].split(/[ /]+/).filter(Boolean).map(Number)
        return [p[0] * 255, p[1] * 255, p[2] * 255, p[3] ?? 1]
      }
      probe.clearRect(0, 0, 1, 1)
      probe.fillStyle = '#000'
      probe.fillStyle = css
      probe.fillRect(0, 0, 1, 1)
      const d = probe.getImageData(0, 0, 1, 1).data
      return [d[0], d[1], d[2], d[3] / 255]
    }
    const over = (top: RGBA, under: RGBA): RGBA => {
      const a = top[3] + under[3] * (1 - top[3])
      if (a === 0) return [0, 0, 0, 0]
      return [0, 1, 2].map((i) => (top[i] * top[3] + under[i] * under[3] * (1 - top[3])) / a).concat(a) as RGBA
    }
    const luminance = (c: RGBA) => {
      const [r, g, b] = [c[0], c[1], c[2]].map((v) => {
        const s = v / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      })
      return 0.2126 * r + 0.7152 * g + 0.0722 * b
    }
    const ratioOf = (a: RGBA, b: RGBA) => {
      const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x)
      return (l1 + 0.05) / (l2 + 0.05)
    }
    /** The background under `el`: its and its ancestors' background colours, blended, over the page's. */
    const backgroundOf = (el: Element): RGBA => {
      const layers: RGBA[] = []
      for (let e: Element | null = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor)
        if (bg[3] > 0) layers.push(bg)
        if (bg[3] >= 1) break
      }
      let color: RGBA = [255, 255, 255, 1]
      for (const layer of layers.reverse()) color = over(layer, color)
      return color
    }
    const opacityOf = (el: Element) => {
      let o = 1
      for (let e: Element | null = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity)
      return o
    }
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0 || r.bottom < 0 || r.right < 0 || r.top > innerHeight || r.left > innerWidth) return false
      const s = getComputedStyle(el)
      return s.visibility !== 'hidden' && s.display !== 'none'
    }
    ;(window as unknown as { axonColourMaths: unknown }).axonColourMaths = { parse, over, ratioOf, backgroundOf, opacityOf, visible }
  })
}

/** Every visible text below `root` (a CSS selector) with too little contrast. */
export async function contrastFailures(page: Page, root = 'body'): Promise<ContrastFailure[]> {
  await installColourMaths(page)
  return page.evaluate((rootSelector) => {
    const { parse, over, ratioOf, backgroundOf, opacityOf, visible } = (window as unknown as { axonColourMaths: ColourMaths }).axonColourMaths
    const failures: ContrastFailure[] = []
    const root = document.querySelector(rootSelector)
    if (!root) return failures
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    const seen = new Set<Element>()
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || seen.has(el) || !n.textContent?.trim()) continue
      seen.add(el)
      if (el.closest('button:disabled, [aria-disabled="true"], option, script, style, title') || !visible(el)) continue
      const style = getComputedStyle(el)
      const isSvg = el instanceof SVGElement
      const fg = parse(isSvg ? style.fill : style.color)
      const bg = backgroundOf(el)
      const shown = over([fg[0], fg[1], fg[2], fg[3] * opacityOf(el)], bg)
      const size = parseFloat(style.fontSize)
      const bold = Number(style.fontWeight) >= 700
      const needed = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5
      const ratio = ratioOf(shown, bg)
      if (ratio + 1e-3 < needed) {
        const testId = el.closest('[data-testid]')?.getAttribute('data-testid') ?? ''
        failures.push({ text: n.textContent.trim().slice(0, 40), ratio: Math.round(ratio * 100) / 100, needed, color: `rgb(${shown.slice(0, 3).map(Math.round).join(',')})`, background: `rgb(${bg.slice(0, 3).map(Math.round).join(',')})`, where: `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} in ${testId}` })
      }
    }
    return failures
  }, root)
}

/** A colour mark (a swatch, a bar) and the WCAG contrast of its colour against what it sits on. */
export interface MarkContrast {
  color: string
  background: string
  ratio: number
}

/** Every element matching `selector` (colour marks: swatches, bars), its own background colour against its parent's background. */
export async function markContrasts(page: Page, selector: string): Promise<MarkContrast[]> {
  await installColourMaths(page)
  return page.evaluate((sel) => {
    const { parse, ratioOf, backgroundOf } = (window as unknown as { axonColourMaths: ColourMaths }).axonColourMaths
    const css = (c: number[]) => `rgb(${c.slice(0, 3).map(Math.round).join(', ')})`
    return Array.from(document.querySelectorAll(sel), (el) => {
      const color = parse(getComputedStyle(el).backgroundColor)
      const background = backgroundOf(el.parentElement!)
      return { color: css(color), background: css(background), ratio: Math.round(ratioOf(color, background) * 100) / 100 }
    })
  }, selector)
}
