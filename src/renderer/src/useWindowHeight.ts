import { useEffect, useState } from 'react'

/** A measure of the window in CSS pixels, following resizes (and the browser's zoom, which resizes it). */
function useWindowMeasure(read: () => number): number {
  const [value, setValue] = useState(read)
  useEffect(() => {
    const onResize = () => setValue(read())
    window.addEventListener('resize', onResize)
    return () => window.removeEventListener('resize', onResize)
  }, [read])
  return value
}

const readHeight = () => window.innerHeight
const readWidth = () => window.innerWidth

/** The window's height in CSS pixels, following resizes (and the browser's zoom, which resizes it). */
export function useWindowHeight(): number {
  return useWindowMeasure(readHeight)
}

/** The window's width in CSS pixels, following resizes. */
export function useWindowWidth(): number {
  return useWindowMeasure(readWidth)
}
