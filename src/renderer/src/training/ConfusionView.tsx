import { lutColor } from '../viz/lut'
import { textOnDiverging } from '../viz/colors'
import { useLiveTraining } from './liveSight'

/** The last epoch's confusion matrix `[actual][predicted]` (training data, from the engine). */
export function ConfusionView() {
  const epochs = useLiveTraining((s) => s.curves.epochs)
  useLiveTraining((s) => s.version)
  const info = useLiveTraining((s) => s.info)
  const confusion = epochs.at(-1)?.confusion
  if (!info?.classification || !confusion) return null
  const names = info.labelNames ?? confusion.map((_, i) => String(i))
  const max = Math.max(1, ...confusion.flat())
  const small = confusion.length > 6
  return (
    <section className="train-section" data-testid="confusion">
      <header>
        <h3>Confusion matrix</h3>
        <span className="muted">rows: actual · columns: predicted (epoch {epochs.at(-1)?.epoch})</span>
      </header>
      <table className={`confusion${small ? ' small' : ''}`}>
        <tbody>
          {confusion.map((row, a) => (
            <tr key={a}>
              <th title={names[a]}>{small ? a : names[a]}</th>
              {row.map((n, p) => {
                // Blue on the diagonal (right), orange off it (wrong), stronger with the count; the number in black or white, whichever reads on it.
                const shade = (a === p ? 1 : -1) * (0.15 + (0.85 * n) / max)
                return (
                  <td key={p} title={`actual ${names[a]}, predicted ${names[p]}: ${n}`} style={n ? { background: lutColor(shade, 1), color: textOnDiverging(shade, 1) } : undefined}>
                    {n}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {/* Numbered rows need their key: which class each number is (CSV and IDX classes have names). */}
      {small && info.labelNames && (
        <p className="muted small" data-testid="confusion-key">
          {names.map((name, k) => `${k} = ${name}`).join(' · ')}
        </p>
      )}
    </section>
  )
}
