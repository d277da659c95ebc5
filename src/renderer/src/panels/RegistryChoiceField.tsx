import type { ReactNode } from 'react'
import type { Diagnostic, ParamInfo } from '../../../engine/project'
import { FieldRow } from './fields'

/**
 * A setting that picks one entry of a registry (an initialisation, a schedule): the entries by
 * label, the chosen one's description, and below the choice the fields that entry takes.
 */
export function RegistryChoiceField<Id extends string>({ info, id, choices, problems, onPick, children }: { info: ParamInfo; id: Id; choices: Readonly<Record<Id, { label: string; description?: string }>>; problems: readonly Diagnostic[]; onPick: (id: Id) => void; children: ReactNode }) {
  return (
    <FieldRow label={info.label} description={choices[id]?.description ?? info.description} problems={problems.map((d) => `${d.message} ${d.hint}`)}>
      <div className="field-stack">
        <select data-testid={`param-${info.key}`} value={id} onChange={(e) => onPick(e.target.value as Id)}>
          {(Object.keys(choices) as Id[]).map((key) => (
            <option key={key} value={key}>
              {choices[key].label}
            </option>
          ))}
        </select>
        {children}
      </div>
    </FieldRow>
  )
}
