import { useLayoutEffect, useState } from 'react'
import { flushSync } from 'react-dom'

/**
 * The content width, in CSS pixels, of the element given the returned ref, kept up to date
 * (panels widen, presentation mode, zoom). A callback ref, so an element that mounts later counts.
 *
 * Read only in the ResizeObserver's callback, where layout is already done (its first call
 * comes before the first paint): reading it while React commits forced a layout of the whole
 * page per chart, between the DOM writes of the same commit.
 */
export function useWidth<T extends HTMLElement>(fallback: number): [(el: T | null) => void, number] {
  const [el, setEl] = useState<T | null>(null)
  const [width, setWidth] = useState(fallback)
  useLayoutEffect(() => {
    if (!el) return
    const observer = new ResizeObserver(() => {
      const w = Math.floor(el.clientWidth)
      // Rendered before the frame is painted, so the chart never shows at the fallback width.
      if (w > 0) flushSync(() => setWidth(w))
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [el])
  return [setEl, width]
}
