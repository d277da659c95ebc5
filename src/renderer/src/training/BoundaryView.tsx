import { useState } from 'react'
import { PlaneView } from '../viz/PlaneView'
import { useWidth } from '../viz/useWidth'
import { useLiveTraining } from './liveSight'
import { layerTitle } from './layerNames'
import { BoundaryLegend } from './BoundaryLegend'

/** Half-range and neutral value of a unit's activation for colouring its map. */
function unitScale(activation: string, min: number, max: number): { mid: number; half: number } {
  if (activation === 'sigmoid') return { mid: 0.5, half: 0.5 }
  if (activation === 'tanh' || activation === 'sign') return { mid: 0, half: 1 }
  return { mid: 0, half: Math.max(Math.abs(min), Math.abs(max), 1e-9) }
}

/**
 * For 2-D inputs: the decision boundary (the output over the plane, with the training points)
 * and, under it, one small map per hidden unit of what that unit computes over the plane.
 */
export function BoundaryView() {
  const plane = useLiveTraining((s) => s.views.boundary)
  const info = useLiveTraining((s) => s.info)
  const project = useLiveTraining((s) => s.request?.project)
  const [box, boxWidth] = useWidth<HTMLElement>(268)
  const [showTest, setShowTest] = useState(true)
  // As wide as the panel allows (large in presentation mode), square.
  const px = Math.max(200, Math.min(560, boxWidth - 8))
  if (!plane || !info?.plane) return null
  const extent = info.plane
  const cells = plane.size * plane.size
  return (
    <section className="train-section" data-testid="boundary" ref={box}>
      <header>
        <h3>Decision boundary</h3>
        <span className="muted">
          x1 ∈ [{extent.xMin.toFixed(1)}, {extent.xMax.toFixed(1)}], x2 ∈ [{extent.yMin.toFixed(1)}, {extent.yMax.toFixed(1)}]
        </span>
      </header>
      {extent.test && (
        <label className="boundary-option">
          <input type="checkbox" data-testid="boundary-show-test" checked={showTest} onChange={(e) => setShowTest(e.target.checked)} /> Show the test points ({extent.test.points.length / 2})
        </label>
      )}
      <PlaneView values={plane.score} size={plane.size} classes={plane.classes} points={extent.points} pointClasses={extent.classes} held={extent.held} test={showTest ? extent.test : null} extent={extent} px={px} testId="decision-boundary" />
      <BoundaryLegend outputs={info.outputSize} activation={info.layers.at(-1)?.activation ?? 'linear'} labelNames={info.labelNames} held={extent.held !== null} test={showTest && extent.test !== null} />
      {plane.hidden.map((h, li) => {
        const activation = info.layers[li]?.activation ?? 'linear'
        const { mid, half } = unitScale(activation, h.min, h.max)
        return (
          <div key={h.nodeId} className="unit-maps">
            <h4>{layerTitle(project, h.nodeId, h.units, li, info.layers.length)}: what each unit computes</h4>
            <div className="unit-map-grid">
              {Array.from({ length: Math.min(h.units, 16) }, (_, j) => (
                <figure key={j}>
                  <PlaneView values={h.values} offset={j * cells} size={plane.size} mid={mid} halfRange={half} extent={extent} px={64} testId={`unit-map-${h.nodeId}-${j}`} title={`unit ${j + 1}`} />
                  <figcaption>{j + 1}</figcaption>
                </figure>
              ))}
            </div>
          </div>
        )
      })}
    </section>
  )
}
