/**
 * What some tests need beyond `npm install`: Debian packages the set-up installs where it can
 * (root with apt-get) and whose absence makes those tests skip, with the reason in the summary.
 * One registry for the set-up script, the tests' skip helper (test/requires.ts) and the docs.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/** The Python the tests run: Debian's, where apt-get puts python3-torch and friends (AXON_PYTHON for another). */
export const PYTHON = process.env.AXON_PYTHON ?? '/usr/bin/python3'

/** Debian's dataset-fashion-mnist puts the four IDX files here. */
export const FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist'

export interface Requirement {
  /** What a person would call it, for the summary. */
  label: string
  /** The Debian package that provides it. */
  apt: string
  /** Present when this file exists ... */
  file?: string
  /** ... or when Debian's Python can import this module. */
  pythonModule?: string
}

export const REQUIREMENTS = {
  'fashion-mnist': { label: 'Fashion-MNIST files', apt: 'dataset-fashion-mnist', file: `${FASHION_MNIST_DIR}/train-images-idx3-ubyte.gz` },
  numpy: { label: 'NumPy', apt: 'python3-numpy', pythonModule: 'numpy' },
  torch: { label: 'PyTorch', apt: 'python3-torch', pythonModule: 'torch' },
  onnx: { label: 'ONNX (Python)', apt: 'python3-onnx', pythonModule: 'onnx' },
  sklearn: { label: 'scikit-learn', apt: 'python3-sklearn', pythonModule: 'sklearn' },
} as const satisfies Record<string, Requirement>

export type RequirementId = keyof typeof REQUIREMENTS

export const REQUIREMENT_IDS = Object.keys(REQUIREMENTS) as RequirementId[]

/** How presence is checked; tests inject a fake machine. */
export interface RequirementProbe {
  exists: (path: string) => boolean
  /** The subset of `modules` that Debian's Python can import (empty when there is no Python). */
  pythonModules: (modules: string[]) => Set<string>
}

/** The ids among `ids` that this machine lacks. */
export function missingRequirements(ids: readonly RequirementId[], probe: RequirementProbe): RequirementId[] {
  const modules = ids.map((id) => (REQUIREMENTS[id] as Requirement).pythonModule).filter((m): m is string => !!m)
  const importable = modules.length ? probe.pythonModules(modules) : new Set<string>()
  return ids.filter((id) => {
    const need: Requirement = REQUIREMENTS[id]
    return need.file ? !probe.exists(need.file) : !importable.has(need.pythonModule!)
  })
}

/** "needs PyTorch and ONNX (Python): apt-get install python3-torch python3-onnx", or null when nothing is missing. */
export function missingReason(missing: readonly RequirementId[]): string | null {
  if (missing.length === 0) return null
  const labels = missing.map((id) => REQUIREMENTS[id].label)
  const named = labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`
  return `needs ${named}: apt-get install ${missing.map((id) => REQUIREMENTS[id].apt).join(' ')}`
}

/** The real machine: the file system and one quick `python3 -c` (find_spec imports nothing). */
export const machineRequirementProbe: RequirementProbe = {
  exists: existsSync,
  pythonModules(modules) {
    if (!existsSync(PYTHON)) return new Set()
    const code = `import importlib.util as u, sys\nfor m in sys.argv[1:]:\n    if u.find_spec(m): print(m)`
    const run = spawnSync(PYTHON, ['-c', code, ...modules], { encoding: 'utf8' })
    return new Set(run.status === 0 ? run.stdout.split('\n').filter(Boolean) : [])
  },
}
