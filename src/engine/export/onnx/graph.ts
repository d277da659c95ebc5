/**
 * A small builder for an ONNX graph: named nodes, constant tensors (initializers) and the
 * float32 tensor type, on the protobuf messages of `onnx-proto` (generated from onnx.proto).
 */
import onnxProto from 'onnx-proto'

export const { onnx } = onnxProto

export const FLOAT = onnx.TensorProto.DataType.FLOAT

type AttributeValue = number | { int: number }

export class GraphBuilder {
  readonly nodes: onnxProto.onnx.INodeProto[] = []
  readonly initializers: onnxProto.onnx.ITensorProto[] = []
  private count = 0

  /** A fresh value name with a readable prefix (`hidden.net`, `output.out`…). */
  name(prefix: string): string {
    return `${prefix}_${this.count++}`
  }

  /** A float32 constant of shape `dims` (row-major values); returns its name. */
  constant(prefix: string, dims: number[], values: ArrayLike<number>): string {
    const name = this.name(prefix)
    this.initializers.push({ name, dims, dataType: FLOAT, floatData: Array.from(values, (v) => Math.fround(v)) })
    return name
  }

  /**
   * A node `op(inputs)` with attributes (numbers are floats, `{ int }` integers); returns its
   * output's name (`output`, or a fresh one from `prefix`).
   */
  node(op: string, inputs: string[], prefix: string, attributes: Record<string, AttributeValue> = {}, output = this.name(prefix)): string {
    const attribute = Object.entries(attributes).map(([name, value]) =>
      typeof value === 'number'
        ? { name, type: onnx.AttributeProto.AttributeType.FLOAT, f: value }
        : { name, type: onnx.AttributeProto.AttributeType.INT, i: value.int },
    )
    this.nodes.push({ opType: op, input: inputs, output: [output], name: output, attribute })
    return output
  }
}

/** A float32 `[batch, size]` tensor type, the batch dimension symbolic. */
export function matrixType(name: string, size: number, docString: string): onnxProto.onnx.IValueInfoProto {
  return {
    name,
    docString,
    type: { tensorType: { elemType: FLOAT, shape: { dim: [{ dimParam: 'batch' }, { dimValue: size }] } } },
  }
}
