import { memo } from 'react'
import { Handle, Position, type NodeProps } from '@xyflow/react'
import { NODE_KINDS } from '../../../engine/project'
import { useDocument } from '../store/documentStore'
import { GROUP_OF_KIND, nodeSummary } from '../graph/summary'
import type { FlowNode } from '../graph/flow'
import { WeightGrid } from '../viz/WeightGrid'
import { DiagnosticBadge } from './DiagnosticBadge'
import { ActivationSpark, UnitDots } from '../viz/NodeGlyphs'

const NO_DIAGNOSTICS: never[] = []

/**
 * One node on the canvas, for every kind (`type` is the kind): kind, label, key settings,
 * output size and parameter count, hand-set weights as a small heatmap, and a badge for the
 * compiler's diagnostics.
 */
function LayerNodeView({ id, data, selected }: NodeProps<FlowNode>) {
  const node = data.node
  const shape = useDocument((s) => s.shapes.byNode[id])
  const diagnostics = useDocument((s) => s.pinned.byNode[id] ?? NO_DIAGNOSTICS)
  const info = NODE_KINDS[node.kind]
  const [main, detail] = nodeSummary(node)
  const hasErrors = diagnostics.some((d) => d.severity === 'error')
  const frozen = node.kind === 'dense' && !node.params.trainWeights && !(node.params.useBias && node.params.trainBiases)

  return (
    <div
      className={`layer-node group-${GROUP_OF_KIND[node.kind]}${hasErrors ? ' has-error' : ''}${selected ? ' is-selected' : ''}`}
      data-testid={`node-${id}`}
      data-kind={node.kind}
    >
      {node.kind !== 'input' && <Handle type="target" position={Position.Left} />}
      <div className="layer-node-kind">
        <span>{info.label}</span>
        {frozen && (
          <span className="layer-node-lock" title="Frozen: training leaves this layer unchanged">
            frozen
          </span>
        )}
      </div>
      <div className="layer-node-body">
        {node.label && <div className="layer-node-label">{node.label}</div>}
        <div className="layer-node-main">
          {main}
          {node.kind === 'activation' && <ActivationSpark params={node.params} />}
        </div>
        {(node.kind === 'dense' || node.kind === 'input') && shape?.outSize != null && <UnitDots count={shape.outSize} />}
        {detail && <div className="layer-node-detail">{detail}</div>}
        {node.kind === 'dense' && node.params.weights && <WeightGrid weights={node.params.weights} biases={node.params.useBias ? node.params.biases : undefined} cell={10} />}
      </div>
      {shape && node.kind !== 'optimizer' && (
        <div className="layer-node-foot" data-testid={`shape-${id}`}>
          <span title="Values this node outputs per example">{node.kind === 'loss' ? 'E (1 number)' : `out ${shape.outSize ?? '?'}`}</span>
          {node.kind === 'dense' && (
            <span data-testid={`params-${id}`} title={`${shape.weightCount ?? '?'} weights + ${shape.biasCount} biases`}>
              {shape.paramCount ?? '?'} params
            </span>
          )}
        </div>
      )}
      {diagnostics.length > 0 && <DiagnosticBadge diagnostics={diagnostics} testId={`diagnostic-badge-${id}`} />}
      {node.kind !== 'optimizer' && <Handle type="source" position={Position.Right} />}
    </div>
  )
}

export const LayerNode = memo(LayerNodeView)
