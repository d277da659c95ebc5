/**
 * What a node shows on the canvas besides its kind: its key settings in a few words.
 */
import { INPUT_FEATURES } from '../../../engine/nn/features'
import { plural } from '../plural'
import { ACTIVATIONS, BATCH_MODES, LOSSES, NODE_KINDS, NODE_KIND_IDS, OPTIMIZERS, type NodeKind, type PaletteGroup, type ProjectNode } from '../../../engine/project'

export type { PaletteGroup }

/** Each kind's palette group, from the node-kind registry. */
export const GROUP_OF_KIND = Object.fromEntries(NODE_KIND_IDS.map((kind) => [kind, NODE_KINDS[kind].group])) as Record<NodeKind, PaletteGroup>

/** A kind without its own summary: its required number settings from the registry, e.g. "Momentum 0.1 · ε 0.00001". */
function registrySummary(node: ProjectNode): string[] {
  const params = node.params as unknown as Record<string, unknown>
  const shown = NODE_KINDS[node.kind].params.filter((info) => !info.optional && typeof params[info.key] === 'number')
  return [shown.map((info) => `${info.label} ${String(params[info.key])}`).join(' · ')]
}

/** One or two short lines of key settings, e.g. ["3 units", "bias · weights frozen"]. */
export function nodeSummary(node: ProjectNode): string[] {
  switch (node.kind) {
    default:
      return registrySummary(node)
    case 'input':
      return [node.params.size === 'auto' ? 'size from data' : plural(node.params.size, 'feature')]
    case 'dense': {
      const p = node.params
      const flags: string[] = [p.useBias ? 'bias' : 'no bias']
      if (p.weights) flags.push('hand-set')
      // A wholly frozen layer says so in its header; partial freezing is listed here.
      const frozenAll = !p.trainWeights && !(p.useBias && p.trainBiases)
      if (!frozenAll && !p.trainWeights) flags.push('weights frozen')
      else if (!frozenAll && p.useBias && !p.trainBiases) flags.push('biases frozen')
      return [plural(p.units, 'unit'), flags.join(' · ')]
    }
    case 'activation': {
      const p = node.params
      const extra = p.activation === 'leakyRelu' ? ` α=${p.alpha}` : p.activation === 'linear' && p.slope !== 1 ? ` a=${p.slope}` : p.activation === 'noisyRelu' ? ` σ=${p.noiseStd}` : ''
      return [`${ACTIVATIONS[p.activation]?.label ?? p.activation}${extra}`]
    }
    case 'features':
      return [node.params.features.map((f) => INPUT_FEATURES[f]?.label ?? f).join(', '), plural(node.params.features.length, 'feature')]
    case 'dropout':
      return [`rate ${node.params.rate}`]
    case 'add':
      return ['x + F(x)', 'sums its branches']
    case 'concat':
      return ['[a | b]', 'branches side by side']
    case 'loss':
      return [LOSSES[node.params.loss]?.label ?? node.params.loss, `${node.params.reduction} over the batch`]
    case 'optimizer': {
      const p = node.params
      const batch = p.batchMode === 'mini' ? `batch ${p.batchSize}` : (BATCH_MODES[p.batchMode]?.label ?? p.batchMode).toLowerCase()
      const length = p.stop === 'epochs' ? `${p.epochs} epoch${p.epochs === 1 ? '' : 's'}` : `until ${p.stop}`
      return [`${OPTIMIZERS[p.optimizer]?.label ?? p.optimizer} · η=${p.learningRate}`, `${batch} · ${length}`]
    }
  }
}
