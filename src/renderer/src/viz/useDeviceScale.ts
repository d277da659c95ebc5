import { useLayoutEffect, useState, type RefObject } from 'react'

/**
 * Device pixels per CSS pixel of the element as it is drawn: the screen's ratio times the CSS
 * zoom around it (the interface zoom, presentation mode's larger views). A canvas backed at the
 * screen's ratio alone is stretched by that zoom and looks blurred; backed at this scale, one of
 * its pixels is one pixel of the screen.
 *
 * From the element's device-pixel box (a ResizeObserver, which also fires when only the zoom or
 * the screen's ratio changes); where that box is unknown, the ratio times `currentCSSZoom`.
 */
export function useDeviceScale(ref: RefObject<HTMLElement | null>, cssWidth: number): number {
  const [devicePx, setDevicePx] = useState<number | null>(null)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const observer = new ResizeObserver(([entry]) => {
      const device = entry.devicePixelContentBoxSize?.[0]?.inlineSize
      const zoom = (el as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1
      setDevicePx(device ?? Math.round(el.clientWidth * zoom * (window.devicePixelRatio || 1)))
    })
    try {
      observer.observe(el, { box: 'device-pixel-content-box' })
    } catch {
      observer.observe(el)
    }
    return () => observer.disconnect()
  }, [ref])
  const fallback = window.devicePixelRatio || 1
  return devicePx && cssWidth > 0 ? devicePx / cssWidth : fallback
}
