import { useLayoutEffect, useState } from 'react'

/**
 * The content width, in CSS pixels, of the element given the returned ref, kept up to date
 * (panels widen, presentation mode, zoom). A callback ref, so an element that mounts later counts.
 */
export function useWidth<T extends HTMLElement>(fallback: number): [(el: T | null) => void, number] {
  const [el, setEl] = useState<T | null>(null)
  const [width, setWidth] = useState(fallback)
  useLayoutEffect(() => {
    if (!el) return
    const read = () => {
      const w = Math.floor(el.clientWidth)
      if (w > 0) setWidth(w)
    }
    read()
    const observer = new ResizeObserver(read)
    observer.observe(el)
    return () => observer.disconnect()
  }, [el])
  return [setEl, width]
}
