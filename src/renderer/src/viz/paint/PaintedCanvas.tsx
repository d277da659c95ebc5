import type { CSSProperties } from 'react'
import type { PaintJob } from './paintJobs'
import { usePaintedCanvas } from './painter'

export interface PaintedCanvasProps {
  job: PaintJob | null
  className: string
  /** Its displayed size (the picture is scaled to it). */
  style: CSSProperties
  title?: string
  testId?: string
  /** `data-*` attributes for the canvas. */
  data?: Record<`data-${string}`, string>
}

/**
 * A heavy view's canvas, painted off the main thread (`painter.ts`). When its picture cannot be
 * painted, a line in its place says so (and why, on hover); the other pictures are unaffected.
 */
export function PaintedCanvas({ job, className, style, title, testId, data }: PaintedCanvasProps) {
  const { ref, problem } = usePaintedCanvas(job)
  return (
    <>
      {problem !== null && (
        <span className={`${className} paint-problem`} role="img" aria-label={`Picture not drawn: ${problem}`} title={`This picture could not be drawn: ${problem}`} data-testid={testId && `${testId}-problem`} style={style}>
          Not drawn: {problem}
        </span>
      )}
      <canvas ref={ref} className={className} data-testid={testId} title={title} style={problem === null ? style : { ...style, display: 'none' }} {...data} />
    </>
  )
}
