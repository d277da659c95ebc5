/** The pieces the step-through writes its lines with: numbers that explain themselves, sums, f′. */
import type { ReactNode } from 'react'
import type { TraceLayer } from '../../../engine/trace/trace'
import type { StepThrough } from '../../../engine/host/training'
import { fixed } from './format'

/** Terms shown in one sum before "…" (big layers). */
export const MAX_TERMS = 6
/** Units shown per layer. */
export const MAX_UNITS = 8
/** A number from the engine; hovering it says what it is and how it was computed. */
export function N({ v, how, testId, strong }: { v: number; how: string; testId?: string; strong?: boolean }) {
  return (
    <span className={`num${strong ? ' strong' : ''}`} title={how} data-testid={testId}>
      {fixed(v, 9)}
    </span>
  )
}

export function terms<T>(items: T[], render: (item: T, i: number) => ReactNode, separator = ' + '): ReactNode[] {
  const shown = items.slice(0, MAX_TERMS).map((item, i) => (
    <span key={i}>
      {i > 0 && separator}
      {render(item, i)}
    </span>
  ))
  if (items.length > MAX_TERMS) shown.push(<span key="more"> + … ({items.length - MAX_TERMS} more)</span>)
  return shown
}

/** f′(net) written with the numbers it is made of (the engine gives the product δ). */
export function derivative(activation: string, out: number, net: number): { formula: string; filled: ReactNode } {
  switch (activation) {
    case 'sigmoid':
      return { formula: 'out·(1 − out)', filled: <>{fixed(out, 9)} × (1 − {fixed(out, 9)})</> }
    case 'tanh':
      return { formula: '1 − out²', filled: <>(1 − {fixed(out, 9)}²)</> }
    case 'relu':
      return { formula: '[net > 0]', filled: <>[{fixed(net, 9)} &gt; 0]</> }
    case 'linear':
      return { formula: '1', filled: <>1</> }
    default:
      return { formula: `${activation}′(net)`, filled: <>{activation}′({fixed(net, 9)})</> }
  }
}

/** What every line of the step-through reads: the trace, its dense layers and the weights' names. */
export interface StepLines {
  st: StepThrough
  dense: TraceLayer[]
  /** η. */
  eta: number
  /** Lecture name of w_jk of dense layer li, e.g. "w5". */
  wName: (li: number, j: number, k: number) => string
}

/** The step-through's lines for `st`. */
export function stepLines(st: StepThrough): StepLines {
  const dense = st.trace.layers.filter((l) => l.kind === 'dense')
  const wName = (li: number, j: number, k: number) => `w${st.layers[li].firstWeight + j * dense[li].input.length + k}`
  return { st, dense, eta: st.trace.learningRate, wName }
}
