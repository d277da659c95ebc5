/**
 * The PyTorch export: one self-contained, readable Python script that trains the project's
 * network as the engine does (same initial weights, batches, loss, updates and stopping), on one
 * process or unchanged under `torchrun --nproc_per_node N` (DistributedDataParallel, gloo), and
 * writes a model JSON that `axon eval` and the app open. See docs/export.md.
 */
import type { EngineSpec } from '../../spec'
import { validateSpec } from '../../train/validate'
import { ENGINE_VERSION } from '../../version'
import type { ExportData } from '../exportData'
import { ExportError } from '../errors'
import { PY_DATA } from './pyData'
import { PY_MODEL } from './pyModel'
import { PY_OPTIM } from './pyOptim'
import { PY_RNG } from './pyRng'
import { PY_TRAIN } from './pyTrain'

export interface PytorchExportInput {
  /** The project's (or model's) title, for the header and the model JSON. */
  title: string
  /** The network and its training settings; hand-set or trained weights sit in its layers. */
  spec: EngineSpec
  data: ExportData
  /** Whether the layers' weights are the result of training (a model export) or the project's own. */
  weights: 'project' | 'trained'
}

/** JSON with two-space indentation and every innermost array (a weight row, a data row) on one line. */
export function compactJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2)
  return text.replace(/\[\s+([^[\]{}]*?)\s+\]/g, (_, items: string) => `[${items.split(/,\s+/).join(', ')}]`)
}

/** A Python string literal (JSON's escapes are valid Python). */
const pyString = (s: string): string => JSON.stringify(s)

function header(input: PytorchExportInput): string {
  const { spec, title } = input
  const weights =
    input.weights === 'trained'
      ? 'starts from the trained weights embedded below'
      : 'draws the initial weights from the project seed exactly as the app does (hand-set weights are embedded)'
  return `#!/usr/bin/env python3
"""${title.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"')} — exported from Axon Studio ${ENGINE_VERSION}.

Trains the network with PyTorch step for step as Axon Studio's engine does: the script
${weights},
then uses the same order of examples, loss (${spec.model.loss.id}, ${spec.model.loss.reduction} over a batch), update rule
(${spec.optimizer.id}, η = ${spec.optimizer.learningRate}), schedule, regularisation and stopping. At the end it writes a model JSON
that \`axon eval\` and the app open.

Run it on one machine:
    python3 train.py
or unchanged on several processes (DistributedDataParallel over gloo; process 0 logs and saves):
    torchrun --nproc_per_node 2 train.py
    torchrun --nnodes 2 --node_rank 0 --master_addr HOST --master_port 29500 --nproc_per_node 4 train.py

Needs Python 3.8+, PyTorch and NumPy. Options: python3 train.py --help. Details: docs/export.md.
"""
import argparse
import csv
import gzip
import json
import math
import os
import struct
import sys

import numpy
import torch
import torch.distributed as dist
import torch.nn as nn
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data.distributed import DistributedSampler
`
}

/** The output layer's activation (decides the fused loss forms). */
function outputActivation(spec: EngineSpec): string {
  const last = spec.model.layers[spec.model.layers.length - 1]
  if (last.kind !== 'dense') throw new ExportError('The last layer must be dense.')
  return last.activation.id
}

/**
 * The script's text.
 * @throws ExportError when the spec cannot train (the engine's own check, with its message).
 */
export function pytorchScript(input: PytorchExportInput): string {
  try {
    validateSpec(input.spec)
  } catch (e) {
    throw new ExportError((e as Error).message, 'Fix the network in the designer first: the script trains what the app trains.')
  }
  const settings = `
# ---------------------------------------------------------------------------------------------
# The project: the engine spec (network, loss, optimizer, schedule, regularisation, batches,
# stopping; ids as in docs/project-format.md) and the data it trains on.
# ---------------------------------------------------------------------------------------------
TITLE = ${pyString(input.title)}
ENGINE_VERSION = ${pyString(ENGINE_VERSION)}
OUTPUT_ACTIVATION = ${pyString(outputActivation(input.spec))}

CONFIG = json.loads(r"""
${compactJson(input.spec)}
""")

DATA = json.loads(r"""
${compactJson(input.data)}
""")
`
  return [header(input), settings, PY_RNG, PY_MODEL, PY_OPTIM, PY_DATA, PY_TRAIN].join('')
}
