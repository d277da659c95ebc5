/**
 * A small drawn network for engine tests of whole runs: input → dense(hidden) → tanh → batch
 * norm → dense(1) → sigmoid → binary cross-entropy → optimizer, on a few inline patterns.
 */
import { createNode, type InlineData, type OptimizerParams, type Project } from '../src/engine/project'

export function xorChainProject(options: { precision: 'float64' | 'float32'; seed: number; data: InlineData; hiddenUnits: number; optimizer: Partial<OptimizerParams> }): Project {
  const input = createNode('input', 'in', { x: 0, y: 0 })
  const hidden = createNode('dense', 'hidden', { x: 200, y: 0 })
  hidden.params.units = options.hiddenUnits
  const tanh = createNode('activation', 'tanh', { x: 400, y: 0 })
  tanh.params.activation = 'tanh'
  const norm = createNode('batchNorm', 'norm', { x: 500, y: 0 })
  const out = createNode('dense', 'out', { x: 600, y: 0 })
  out.params.units = 1
  const sigmoid = createNode('activation', 'sig', { x: 800, y: 0 })
  const loss = createNode('loss', 'loss', { x: 1000, y: 0 })
  loss.params.loss = 'bce'
  const opt = createNode('optimizer', 'opt', { x: 1200, y: 0 })
  Object.assign(opt.params, { stop: 'epochs', ...options.optimizer })
  const nodes = [input, hidden, tanh, norm, out, sigmoid, loss, opt]
  const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: nodes[i].id, target: n.id }))
  return { format: 'axon-studio/project', version: 1, meta: { title: 'XOR', description: '' }, seed: options.seed, precision: options.precision, data: options.data, nodes, edges }
}
