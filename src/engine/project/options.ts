/**
 * The option lists (label + one-line description) of every choice a node offers: activations,
 * losses, optimizers and initialisers come from the engine's registries, so a new id cannot be
 * forgotten; schedules, batch modes and reductions are the project file's own.
 */
import type { ScheduleSpec } from '../spec'
import { activations } from '../nn/activations'
import { initializers } from '../nn/init'
import { losses } from '../nn/losses'
import { optimizerForms, optimizerRules, OPTIMIZERS_WITH_FORMS } from '../nn/optimizers'
import { describe } from '../nn/registry'
import type { OptionInfo } from '../schema/params'

/** Option lists of the engine's registries: labels and descriptions live with the functions. */
export const ACTIVATIONS = describe(activations)
export const LOSSES = describe(losses)
export const OPTIMIZERS = describe(optimizerRules)
export const INITS = describe(initializers)
export const OPTIMIZER_FORMS = describe(optimizerForms)
export { OPTIMIZERS_WITH_FORMS }

export const SCHEDULES = {
  constant: { label: 'Constant', description: 'η stays the same.' },
  step: { label: 'Step decay', description: 'η is multiplied by a factor every k epochs.' },
  piecewise: { label: 'Piecewise', description: 'η takes given values between given epochs.' },
  exponential: { label: 'Exponential', description: 'η = η0·γ^epoch.' },
} as const satisfies Record<ScheduleSpec['id'], OptionInfo>

export const BATCH_MODES = {
  online: { label: 'Online', description: 'Update after every example (stochastic).' },
  full: { label: 'Full batch', description: 'One update per epoch from all examples.' },
  mini: { label: 'Mini-batch', description: 'Update after every |B| examples.' },
} as const satisfies Record<string, OptionInfo>

export const REDUCTIONS = {
  mean: { label: 'Mean', description: 'w ← w − η/|B|·Σ∂C_i/∂w (the lectures’ mini-batch rule).' },
  sum: { label: 'Sum', description: 'w ← w − η·Σ∂C_i/∂w.' },
} as const satisfies Record<string, OptionInfo>

/** What ends a run: after N epochs, once solved (`targetAccuracy`), or only when the user stops it. */
export const RUN_STOPS = {
  epochs: { label: 'After N epochs', description: 'The run ends after the number of epochs below.' },
  solved: { label: 'Until solved', description: 'The run ends once the training accuracy reaches the target (for numeric targets: the target loss).' },
  stopped: { label: 'Until stopped', description: 'The run goes on until you pause or reset it.' },
} as const satisfies Record<string, OptionInfo>
