/** The confusion matrix: drawn from the last finished epoch's metrics (classification). */
import type { LiveView } from './liveView'

export const confusionView = {
  label: 'Confusion matrix',
  description: 'The last epoch’s actual × predicted counts on the training data (classification).',
} satisfies LiveView
