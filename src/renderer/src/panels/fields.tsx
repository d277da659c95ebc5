import { useState, type ReactNode } from 'react'
import type { Diagnostic, ParamInfo } from '../../../engine/project'
import { formatParamValue, parseParamInput, readNumber } from '../graph/paramInput'

/** A labelled row: the editor, the one-line explanation, and any problem. */
export function FieldRow({ label, description, problems, children, testId }: { label: string; description?: string; problems?: readonly string[]; children: ReactNode; testId?: string }) {
  return (
    <div className={`field${problems && problems.length > 0 ? ' has-problem' : ''}`} data-testid={testId}>
      <label className="field-label">
        <span>{label}</span>
        {children}
      </label>
      {description && <div className="field-help">{description}</div>}
      {problems?.map((p, i) => (
        <div key={i} className="field-problem" role="alert">
          {p}
        </div>
      ))}
    </div>
  )
}

/**
 * A number editor validated as typed. Text that reads as a number is committed at once (even
 * out of range, so the compiler can pin it on the node); other text stays local, with a note.
 */
export function NumberParam({ info, value, onCommit, testId, diagnostics = [] }: { info: ParamInfo; value: unknown; onCommit: (value: number | null | 'auto') => void; testId: string; diagnostics?: readonly Diagnostic[] }) {
  const [text, setText] = useState(formatParamValue(value))
  const [seen, setSeen] = useState(value)
  // An outside change (undo, another editor): show it, unless the text already means it.
  if (value !== seen) {
    setSeen(value)
    const parsed = parseParamInput(info, text)
    const current = parsed.ok ? parsed.value : parsed.value
    if (current !== value) setText(formatParamValue(value))
  }
  const parsed = parseParamInput(info, text)
  const problems = parsed.ok ? [] : [parsed.problem]
  for (const d of diagnostics) if (!problems.length) problems.push(`${d.message} ${d.hint}`)
  return (
    <FieldRow label={info.label} description={info.description} problems={problems}>
      <input
        type="text"
        inputMode="decimal"
        value={text}
        data-testid={testId}
        aria-invalid={problems.length > 0}
        placeholder={info.type === 'numberOrNull' ? 'off' : info.type === 'sizeOrAuto' ? 'auto' : undefined}
        onChange={(e) => {
          setText(e.target.value)
          const p = parseParamInput(info, e.target.value)
          const v = p.ok ? p.value : p.value
          if (v !== undefined && v !== value) {
            setSeen(v)
            onCommit(v)
          }
        }}
      />
    </FieldRow>
  )
}

/** A bare number input for sub-values (init bounds, schedule factors, weights). */
export function NumberInput({ value, onCommit, testId, className, title, style }: { value: number | undefined; onCommit: (value: number) => void; testId?: string; className?: string; title?: string; style?: React.CSSProperties }) {
  const [text, setText] = useState(value === undefined ? '' : String(value))
  const [seen, setSeen] = useState(value)
  if (value !== seen) {
    setSeen(value)
    if (readNumber(text) !== value) setText(value === undefined ? '' : String(value))
  }
  const bad = Number.isNaN(readNumber(text))
  return (
    <input
      type="text"
      inputMode="decimal"
      className={`${className ?? ''}${bad ? ' is-bad' : ''}`}
      value={text}
      title={title}
      style={style}
      data-testid={testId}
      aria-invalid={bad}
      onChange={(e) => {
        setText(e.target.value)
        const v = readNumber(e.target.value)
        if (!Number.isNaN(v) && v !== value) {
          setSeen(v)
          onCommit(v)
        }
      }}
    />
  )
}

/** A list of numbers typed as "0.1, 0.01" (piecewise schedules). */
export function NumberListInput({ value, onCommit, testId }: { value: readonly number[] | undefined; onCommit: (value: number[]) => void; testId?: string }) {
  const shown = (value ?? []).join(', ')
  const [text, setText] = useState(shown)
  const [seen, setSeen] = useState(shown)
  if (shown !== seen) {
    setSeen(shown)
    setText(shown)
  }
  const parse = (t: string) => (t.trim() === '' ? [] : t.split(/[;,\s]+/).filter(Boolean).map(readNumber))
  const bad = parse(text).some(Number.isNaN)
  return (
    <input
      type="text"
      value={text}
      className={bad ? 'is-bad' : ''}
      data-testid={testId}
      onChange={(e) => {
        setText(e.target.value)
        const list = parse(e.target.value)
        if (!list.some(Number.isNaN)) {
          setSeen(list.join(', '))
          onCommit(list)
        }
      }}
    />
  )
}

/**
 * Some of a parameter's options as checkboxes (input features): the picked keys in the options'
 * order. The last one picked cannot be unticked, since a node needs at least one.
 */
export function ChoicesParam({ info, value, onChange, testId, problems }: { info: ParamInfo; value: readonly string[]; onChange: (value: string[]) => void; testId: string; problems: readonly string[] }) {
  const options = Object.entries(info.options ?? {})
  const toggle = (key: string, on: boolean) => onChange(options.map(([k]) => k).filter((k) => (k === key ? on : value.includes(k))))
  // A group, not a <label>: each checkbox has its own label, and the row's title names them all.
  return (
    <div className={`field${problems.length > 0 ? ' has-problem' : ''}`} data-testid={testId} role="group" aria-label={info.label}>
      <div className="field-label">
        <span>{info.label}</span>
        <span className="choice-list">
          {options.map(([key, option]) => {
            const checked = value.includes(key)
            return (
              <label key={key} className="choice" title={option.description}>
                <input type="checkbox" data-testid={`${testId}-${key}`} checked={checked} disabled={checked && value.length === 1} onChange={(e) => toggle(key, e.target.checked)} />
                {option.label}
              </label>
            )
          })}
        </span>
      </div>
      <div className="field-help">{info.description}</div>
      {problems.map((p, i) => (
        <div key={i} className="field-problem" role="alert">
          {p}
        </div>
      ))}
    </div>
  )
}
