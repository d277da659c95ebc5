/**
 * A fresh, empty project: no nodes yet, and the XOR truth table as its data (the lectures'
 * first network), so a network drawn from scratch compiles and can train straight away.
 * Loading other data replaces `data` (see the data panel).
 */
import { PROJECT_FORMAT, PROJECT_VERSION, type Project } from '../../../engine/project'

export function createEmptyProject(): Project {
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    meta: { title: 'Untitled network', description: '' },
    seed: 1,
    precision: 'float64',
    data: {
      kind: 'inline',
      inputs: [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ],
      targets: [[0], [1], [1], [0]],
      featureNames: ['x1', 'x2'],
      targetNames: ['x1 XOR x2'],
    },
    nodes: [],
    edges: [],
  }
}
