import { memo, useMemo } from 'react'
import type { ActivationParams } from '../../../engine/project'
import { sampleActivation } from '../graph/activationSamples'

const MAX_DOTS = 12

/** A row of dots, one per unit (up to 12, then "…"): the layer's width at a glance. */
function UnitDotsView({ count }: { count: number }) {
  const shown = Math.min(count, MAX_DOTS)
  return (
    <div className="unit-dots" aria-hidden="true">
      {Array.from({ length: shown }, (_, i) => (
        <i key={i} />
      ))}
      {count > MAX_DOTS && <span>…</span>}
    </div>
  )
}

/** A tiny plot of the activation f (from the engine's registry) for the node's corner. */
function ActivationSparkView({ params }: { params: ActivationParams }) {
  const d = useMemo(() => {
    const { x, f } = sampleActivation(params)
    const finite = f.filter(Number.isFinite)
    const lo = Math.min(...finite)
    const hi = Math.max(...finite)
    const span = hi - lo || 1
    let path = ''
    for (let i = 0; i < x.length; i += 4) {
      const px = ((x[i] - x[0]) / (x[x.length - 1] - x[0])) * 36 + 2
      const py = 18 - ((f[i] - lo) / span) * 16
      const jump = i > 0 && Math.abs(f[i] - f[i - 4]) > span * 0.3
      path += `${i === 0 || jump ? 'M' : 'L'}${px.toFixed(1)},${py.toFixed(1)}`
    }
    return path
  }, [params])
  return (
    <svg className="activation-spark" width="40" height="20" viewBox="0 0 40 20" aria-hidden="true">
      <path d={d} />
    </svg>
  )
}

export const UnitDots = memo(UnitDotsView)
export const ActivationSpark = memo(ActivationSparkView)
