/**
 * The input features (`nn/features.ts`) in Python, for both Python texts that run a model: the
 * PyTorch training script (torch) and the NumPy loader `docs/examples/load_model.py` (numpy),
 * whose table `npm run schemas` writes from here (test/schemas.test.ts fails when it is stale).
 */
import type { InputFeatureId } from '../nn/features'

/** Each feature over the columns a = x1, b = x2; `xp.` is the array module (np or torch). */
const PY_FEATURES: Record<InputFeatureId, string> = {
  x1: 'a',
  x2: 'b',
  x1Squared: 'a * a',
  x2Squared: 'b * b',
  x1x2: 'a * b',
  sinX1: 'xp.sin(a)',
  sinX2: 'xp.sin(b)',
}

/** `FEATURES = {…}`: each input feature of a 2-D input by its id, as a lambda of the columns a, b. */
export function pyFeatureTable(xp: 'np' | 'torch'): string {
  const rows = Object.entries(PY_FEATURES).map(([id, body]) => `    "${id}": lambda a, b: ${body.replaceAll('xp.', `${xp}.`)},\n`)
  return `FEATURES = {  # the input features of a 2-D input (x1, x2) by id (from engine/nn/features.ts)\n${rows.join('')}}\n`
}

/** The NumPy loader's text with its feature table as the engine's (the rest as written). */
export function withNumpyFeatureTable(loaderText: string): string {
  const table = /^FEATURES = \{.*?^\}\n/ms
  if (!table.test(loaderText)) throw new Error('load_model.py has no FEATURES = { … } table to write')
  return loaderText.replace(table, () => pyFeatureTable('np'))
}
