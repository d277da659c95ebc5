/**
 * The project file's JSON Schema (draft-07), built from the node-kind registry so the two
 * cannot drift. `project.schema.json` beside this file is its committed output (a test checks
 * they agree; `UPDATE_SCHEMA=1 npx vitest run test/projectSchema.test.ts` rewrites it).
 */

import { INITS, NODE_KINDS, SCHEDULES, type ParamInfo } from './nodeKinds'
import { PROJECT_FORMAT, PROJECT_VERSION, type NodeKind } from './types'
import { EXPERIMENTS_JSON_SCHEMA } from '../experiments/sweep'

type Schema = Record<string, unknown>

const number = { type: 'number' }
const numberArray = { type: 'array', items: number }

function bounds(info: ParamInfo): Schema {
  const s: Schema = {}
  if (info.min !== undefined) s.minimum = info.min
  if (info.max !== undefined) s.maximum = info.max
  if (info.exclusiveMin !== undefined) s.exclusiveMinimum = info.exclusiveMin
  if (info.exclusiveMax !== undefined) s.exclusiveMaximum = info.exclusiveMax
  return s
}

function paramSchema(info: ParamInfo): Schema {
  const base: Schema = { description: `${info.label}: ${info.description}` }
  switch (info.type) {
    case 'int':
      return { ...base, type: 'integer', ...bounds(info) }
    case 'number':
      return { ...base, type: 'number', ...bounds(info) }
    case 'boolean':
      return { ...base, type: 'boolean' }
    case 'enum':
      return { ...base, enum: Object.keys(info.options ?? {}) }
    case 'numberOrNull':
      return { ...base, oneOf: [{ type: 'null' }, { type: 'number', ...bounds(info) }] }
    case 'sizeOrAuto':
      return { ...base, oneOf: [{ const: 'auto' }, { type: 'integer', ...bounds(info) }] }
    case 'init':
      return { ...base, $ref: '#/definitions/init' }
    case 'schedule':
      return { ...base, $ref: '#/definitions/schedule' }
    case 'matrix':
      return { ...base, type: 'array', items: numberArray }
    case 'vector':
      return { ...base, ...numberArray }
  }
}

function nodeSchema(kind: NodeKind): Schema {
  const info = NODE_KINDS[kind]
  return {
    description: `${info.label}: ${info.description}`,
    type: 'object',
    required: ['id', 'kind', 'position'],
    properties: {
      id: { type: 'string' },
      kind: { const: kind },
      position: { $ref: '#/definitions/position' },
      label: { type: 'string' },
      params: {
        description: 'Missing parameters take their defaults.',
        type: 'object',
        properties: Object.fromEntries(info.params.map((p) => [p.key, paramSchema(p)])),
      },
    },
  }
}

/** The JSON Schema of project files of the current version. */
export function projectJsonSchema(): Schema {
  const kinds = Object.keys(NODE_KINDS) as NodeKind[]
  const stringArray = { type: 'array', items: { type: 'string' } }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://axon-studio.example/schemas/project-v1.json',
    title: 'Axon Studio project (*.axon.json)',
    description: 'A network drawn on the canvas, its data and its training settings. See docs/project-format.md.',
    type: 'object',
    required: ['format', 'version', 'meta', 'seed', 'data', 'nodes', 'edges'],
    properties: {
      format: { const: PROJECT_FORMAT },
      version: { const: PROJECT_VERSION },
      meta: {
        type: 'object',
        required: ['title'],
        properties: {
          title: { type: 'string' },
          description: { type: 'string', description: 'One paragraph: what the network shows.' },
          source: { type: 'string' },
        },
      },
      seed: { type: 'integer', minimum: 0, maximum: 4294967295 },
      precision: { enum: ['float64', 'float32'], default: 'float64' },
      data: {
        oneOf: [
          {
            description: 'A few patterns typed into the project.',
            type: 'object',
            required: ['kind', 'inputs', 'targets'],
            properties: {
              kind: { const: 'inline' },
              inputs: { type: 'array', items: numberArray, minItems: 1 },
              targets: { type: 'array', items: numberArray, minItems: 1 },
              featureNames: stringArray,
              targetNames: stringArray,
            },
          },
          {
            description: 'A dataset shipped with the app.',
            type: 'object',
            required: ['kind', 'id'],
            properties: { kind: { const: 'builtin' }, id: { type: 'string' }, options: { type: 'object' } },
          },
          {
            description: 'CSV or IDX files, paths relative to the project file.',
            type: 'object',
            required: ['kind', 'format', 'path'],
            properties: {
              kind: { const: 'file' },
              format: { enum: ['csv', 'idx'] },
              path: { type: 'string' },
              labelsPath: { type: 'string' },
              testPath: { type: 'string' },
              testLabelsPath: { type: 'string' },
              targetColumns: { type: 'array', items: { type: ['string', 'integer'] } },
              header: { type: 'boolean', description: 'CSV: the first row holds column names (default: detected).' },
              preamble: { type: 'boolean', description: 'CSV: skip a first line that is not data (a title, or a row count and class names; default: detected).' },
              classes: { type: 'integer', minimum: 2, description: 'Number of classes (IDX labels; a CSV whole-number target column as classes).' },
              labelNames: { ...stringArray, description: 'Class names, index = class.' },
              categorical: { ...stringArray, description: 'CSV: numeric columns read as categories.' },
              excluded: { ...stringArray, description: 'CSV: columns left out of the inputs.' },
              missing: { enum: ['error', 'drop', 'mean', 'median', 'mode'], default: 'error', description: 'CSV: rows with missing values (fills come from the training part).' },
              scaling: { enum: ['none', 'minMax', 'zScore', 'divide255'], default: 'none' },
              validationFraction: { type: 'number', minimum: 0, exclusiveMaximum: 1, description: 'Share held out for validation (absent: the optimizer’s).' },
              testFraction: { type: 'number', minimum: 0, exclusiveMaximum: 1, description: 'Share held out as a test set, evaluated at the end.' },
              stratify: { type: 'boolean', description: 'Keep each class’s share in every part.' },
              limit: { type: 'integer', minimum: 1 },
            },
          },
        ],
      },
      nodes: { type: 'array', items: { oneOf: kinds.map(nodeSchema) } },
      edges: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'source', 'target'],
          properties: { id: { type: 'string' }, source: { type: 'string' }, target: { type: 'string' } },
        },
      },
      viewport: { type: 'object', properties: { x: number, y: number, zoom: number } },
      experiments: EXPERIMENTS_JSON_SCHEMA,
    },
    definitions: {
      position: { type: 'object', required: ['x', 'y'], properties: { x: number, y: number } },
      init: {
        type: 'object',
        required: ['id'],
        properties: { id: { enum: Object.keys(INITS) }, value: number, low: number, high: number, mean: number, std: { type: 'number', minimum: 0 } },
      },
      schedule: {
        type: 'object',
        required: ['id'],
        properties: {
          id: { enum: Object.keys(SCHEDULES) },
          every: { type: 'integer', minimum: 1 },
          factor: { type: 'number', exclusiveMinimum: 0 },
          gamma: { type: 'number', exclusiveMinimum: 0 },
          boundaries: numberArray,
          values: numberArray,
        },
      },
    },
  }
}
