import { useEffect, useRef, type DependencyList, type RefObject } from 'react'

/**
 * A ref for a small canvas that `draw` paints with its 2-D context whenever `deps` change (the
 * light, one-off pictures: data previews; the live views' heavy ones go through `paint/`).
 */
export function useCanvas2d(draw: (ctx: CanvasRenderingContext2D) => void, deps: DependencyList): RefObject<HTMLCanvasElement | null> {
  const ref = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    const ctx = ref.current?.getContext('2d')
    if (ctx) draw(ctx)
    // The caller's deps say when to draw again, as for useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
  return ref
}
