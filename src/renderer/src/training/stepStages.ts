/**
 * The step-through one stage at a time, as the lectures go: forward (each unit's net and out),
 * the error, backward (each unit's δ, output layer first), then each unit's weight update. Every
 * number is the engine's (the trace and the post-update weights); nothing is computed here.
 */
import type { StepThrough } from '../../../engine/host/stepThrough'

export type StagePhase = 'forward' | 'loss' | 'backward' | 'update'

export interface Stage {
  phase: StagePhase
  /** The canvas node the stage is about (the dense layer; the output layer for the error). */
  nodeId: string
  /** Unit name (h1, o2 …), empty for the error. */
  unit: string
  /** The line of the whole-page view it corresponds to (its data-testid). */
  lineId: string
  /** What the canvas shows beside the node, e.g. "h1: net = 0.3775, out = 0.5933". */
  text: string
}

const num = (v: number | undefined) => (v === undefined ? '?' : Number(v.toPrecision(6)).toString())

/** Every stage of one traced example, in the order the lectures compute them. */
export function stepStages(st: StepThrough): Stage[] {
  const dense = st.trace.layers.filter((l) => l.kind === 'dense')
  const stages: Stage[] = []
  dense.forEach((l, li) => {
    st.layers[li].units.forEach((u, j) => {
      stages.push({ phase: 'forward', nodeId: l.nodeId, unit: u, lineId: `st-forward-${u}`, text: `${u}: net = ${num(l.net?.[j])}, out = ${num(l.out[j])}` })
    })
  })
  const last = dense.at(-1)
  if (last) stages.push({ phase: 'loss', nodeId: last.nodeId, unit: '', lineId: 'st-loss-line', text: `E = ${num(st.trace.loss)}` })
  for (let li = dense.length - 1; li >= 0; li--) {
    st.layers[li].units.forEach((u, j) => {
      stages.push({ phase: 'backward', nodeId: dense[li].nodeId, unit: u, lineId: `st-backward-${u}`, text: `${u}: δ = ${num(dense[li].delta?.[j])}` })
    })
  }
  dense.forEach((l, li) => {
    const names = st.layers[li]
    names.units.forEach((u, j) => {
      const first = names.firstWeight + j * names.inputs.length
      const after = names.weightsAfter[j].map((w, k) => `w${first + k}⁺ = ${num(w)}`).slice(0, 4)
      stages.push({ phase: 'update', nodeId: l.nodeId, unit: u, lineId: `st-backward-${u}`, text: `${u}: ${after.join(', ')}${names.weightsAfter[j].length > 4 ? ', …' : ''}` })
    })
  })
  return stages
}

export const PHASE_TITLE: Record<StagePhase, string> = {
  forward: 'Forward pass',
  loss: 'The error',
  backward: 'Backward pass',
  update: 'Weight update',
}
