import { memo } from 'react'
import { Handle, Position, type NodeProps } from '@xyflow/react'
import { NODE_KINDS } from '../../../engine/project'
import { useDocument } from '../store/documentStore'
import { GROUP_OF_KIND, nodeSummary } from '../graph/summary'
import type { FlowNode } from '../graph/flow'
import { WeightGrid } from '../viz/WeightGrid'
import { DiagnosticBadge } from './DiagnosticBadge'
import { ActivationSpark, UnitDots } from '../viz/NodeGlyphs'
import { HandSetHeatmap, NodeHeatmap, UNIT_LINKS_MAX, UnitLinks, WEIGHT_CELLS_MAX } from '../viz/NodeWeights'
import { useTraining, type TrainingState } from '../training/trainingStore'
import { useShownView } from '../training/shownViews'
import { TrainingErrorBadge } from './TrainingErrorBadge'
import { RunDiagnosticsBadge } from '../experiments/RunDiagnosticsBadge'
import { useUi } from '../store/uiStore'

const NO_DIAGNOSTICS: never[] = []
/** Add and Concatenate take several wires: their input handle is a tall bar, not a dot. */
const MERGE_HANDLE = { className: 'handle-merge', title: 'Connect two or more branches here' }

/** The weights view's state of dense layer `id` (the same object until the next snapshot that carries it). */
const liveLayerOf = (s: TrainingState, id: string) => s.views.weights?.find((l) => l.nodeId === id) ?? null

/** The run's error when it names node `id` (e.g. the layer a DivergenceError names). */
const trainingErrorOf = (s: TrainingState, id: string) => {
  const snap = s.snapshot
  return snap && snap.state === 'failed' && snap.errorNodeId === id ? snap : null
}

/**
 * The run's state on node `id`: its live weights (`dense`: the engine computes the weights view
 * while such a node shows the run inside the canvas's viewport: `inSight` is the node's ref) and
 * the run's failure when it names this node. Only on the
 * drawing the run was started from (not after New/Open).
 */
function useRunOnNode(id: string, dense: boolean) {
  const loadSerial = useDocument((s) => s.loadSerial)
  const sameDrawing = useTraining((s) => s.docSerial === loadSerial)
  const hasRun = useTraining((s) => s.runId !== null)
  const liveLayer = useTraining((s) => (dense ? liveLayerOf(s, id) : null))
  const failedRun = useTraining((s) => trainingErrorOf(s, id))
  const inSight = useShownView(dense && sameDrawing && hasRun ? 'weights' : null)
  return { live: sameDrawing ? liveLayer : null, failed: sameDrawing ? failedRun : null, inSight }
}

/**
 * One node on the canvas, for every kind (`type` is the kind): kind, label, key settings,
 * output size and parameter count, hand-set weights as a small heatmap, and a badge for the
 * compiler's diagnostics. While a run exists, a dense node shows its live weights (or last
 * gradients) from the engine's snapshot instead, with unit-to-unit links for small layers, and
 * a badge when the run failed in this layer.
 */
function LayerNodeView({ id, data, selected }: NodeProps<FlowNode>) {
  const node = data.node
  const shape = useDocument((s) => s.shapes.byNode[id])
  const diagnostics = useDocument((s) => s.pinned.byNode[id] ?? NO_DIAGNOSTICS)
  const info = NODE_KINDS[node.kind]
  const [main, detail] = nodeSummary(node)
  const hasErrors = diagnostics.some((d) => d.severity === 'error')
  const frozen = node.kind === 'dense' && !node.params.trainWeights && !(node.params.useBias && node.params.trainBiases)
  const { live, failed, inSight } = useRunOnNode(id, node.kind === 'dense')
  const tint = useTraining((s) => s.canvasTint)
  const refusal = useUi((s) => (s.refusal?.nodeId === id ? s.refusal : null))
  const stepFocus = useUi((s) => (s.stepFocus?.nodeId === id ? s.stepFocus : null))

  return (
    <div
      ref={inSight}
      className={`layer-node group-${GROUP_OF_KIND[node.kind]}${hasErrors || failed ? ' has-error' : ''}${selected ? ' is-selected' : ''}${stepFocus ? ' is-step-focus' : ''}`}
      data-testid={`node-${id}`}
      data-kind={node.kind}
    >
      {node.kind !== 'input' && <Handle type="target" position={Position.Left} {...(info.merge ? MERGE_HANDLE : {})} />}
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
        {live ? (
          <div className="node-live" data-testid={`node-live-${id}`}>
            {live.units * live.nIn <= UNIT_LINKS_MAX && <UnitLinks layer={live} tint={tint} testId={`unit-links-${id}`} />}
            <NodeHeatmap layer={live} tint={tint} testId={`node-heatmap-${id}`} />
          </div>
        ) : (
          node.kind === 'dense' &&
          node.params.weights &&
          (node.params.weights.length * (node.params.weights[0]?.length ?? 0) <= WEIGHT_CELLS_MAX ? (
            <WeightGrid weights={node.params.weights} biases={node.params.useBias ? node.params.biases : undefined} cell={10} />
          ) : (
            <HandSetHeatmap weights={node.params.weights} testId={`node-handset-${id}`} />
          ))
        )}
      </div>
      {shape && node.kind !== 'optimizer' && (
        <div className="layer-node-foot" data-testid={`shape-${id}`}>
          <span title="Values this node outputs per example">{node.kind === 'loss' ? 'E (1 number)' : `out ${shape.outSize ?? '?'}`}</span>
          {(node.kind === 'dense' || (shape.paramCount ?? 0) > 0) && (
            <span data-testid={`params-${id}`} title={`${shape.weightCount ?? '?'} weights + ${shape.biasCount} biases`}>
              {shape.paramCount ?? '?'} params
            </span>
          )}
        </div>
      )}
      {diagnostics.length > 0 && <DiagnosticBadge diagnostics={diagnostics} testId={`diagnostic-badge-${id}`} />}
      {failed && diagnostics.length === 0 && <TrainingErrorBadge name={failed.errorName ?? 'Error'} message={failed.error ?? ''} testId={`train-error-badge-${id}`} />}
      {!failed && diagnostics.length === 0 && (node.kind === 'dense' || node.kind === 'optimizer') && <RunDiagnosticsBadge nodeId={id} isOptimizer={node.kind === 'optimizer'} />}
      {stepFocus && (
        <div className={`step-focus-badge phase-${stepFocus.phase}`} data-testid={`step-focus-${id}`}>
          {stepFocus.text}
        </div>
      )}
      {refusal && (
        <div className={`connection-refusal at-${refusal.side}`} role="alert" data-testid={`connection-refusal-${id}`}>
          <strong>Not connected.</strong> {refusal.text}
        </div>
      )}
      {node.kind !== 'optimizer' && <Handle type="source" position={Position.Right} />}
    </div>
  )
}

export const LayerNode = memo(LayerNodeView)
