import onnxProto from "onnx-proto";
import { ELEM_CODE, type ElemType } from "./signature.ts";

const { onnx } = onnxProto;

/**
 * A small ONNX graph builder: enough to write the models that real exporters (skl2onnx, onnxmltools) emit, for the
 * bundled example's training script and for tests. Values in, bytes out.
 */
export interface ValueInfo {
  name: string;
  type: ElemType;
  /** Dimensions; -1 or a string for a dynamic one. */
  shape: (number | string)[];
}

export interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  domain?: string;
  name?: string;
  attributes?: Record<string, number | string | number[] | string[] | { tensor: Initializer }>;
}

export interface Initializer {
  name: string;
  type: "float32" | "int64" | "float64";
  dims: number[];
  values: number[];
}

export interface ModelSpec {
  inputs: ValueInfo[];
  /** Plain tensors, or a ZipMap-style `seq(map(int64,float32))` output given as `{ name, zipmap: "int64" }`. */
  outputs: (ValueInfo | { name: string; zipmap: "int64" | "string" })[];
  nodes: NodeSpec[];
  initializers?: Initializer[];
  /** Opsets; default: ai.onnx 17, plus ai.onnx.ml 3 when any node is in that domain. */
  opsets?: Record<string, number>;
  producer?: { name: string; version: string };
  graphName?: string;
  docString?: string;
}

function valueInfo(v: ModelSpec["outputs"][number]): any {
  if ("zipmap" in v) {
    return {
      name: v.name,
      type: {
        sequenceType: {
          elemType: {
            mapType: {
              keyType: ELEM_CODE[v.zipmap === "int64" ? "int64" : "string"],
              valueType: { tensorType: { elemType: ELEM_CODE.float32 } },
            },
          },
        },
      },
    };
  }
  return {
    name: v.name,
    type: {
      tensorType: {
        elemType: ELEM_CODE[v.type],
        shape: {
          dim: v.shape.map((d) =>
            typeof d === "string" ? { dimParam: d } : d < 0 ? { dimParam: "N" } : { dimValue: d },
          ),
        },
      },
    },
  };
}

function tensor(init: Initializer): any {
  const t: any = { name: init.name, dims: init.dims, dataType: ELEM_CODE[init.type] };
  if (init.type === "float32") t.floatData = init.values;
  else if (init.type === "float64") t.doubleData = init.values;
  else t.int64Data = init.values;
  return t;
}

function attribute(name: string, value: NonNullable<NodeSpec["attributes"]>[string]): any {
  const A = onnx.AttributeProto.AttributeType;
  if (typeof value === "number") {
    return Number.isInteger(value) && !name.endsWith("_f")
      ? { name, type: A.INT, i: value }
      : { name, type: A.FLOAT, f: value };
  }
  if (typeof value === "string") return { name, type: A.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) {
    if (value.length > 0 && typeof value[0] === "string") {
      return { name, type: A.STRINGS, strings: (value as string[]).map((s) => new TextEncoder().encode(s)) };
    }
    return { name, type: A.FLOATS, floats: value };
  }
  return { name, type: A.TENSOR, t: tensor(value.tensor) };
}

/** Integer-list attributes must say so explicitly (ONNX distinguishes ints from floats). */
export function ints(values: number[]): { ints: number[] } {
  return { ints: values };
}

export function buildModel(spec: ModelSpec): Uint8Array {
  const usesMl = spec.nodes.some((n) => n.domain === "ai.onnx.ml");
  const opsets = spec.opsets ?? { "": 17, ...(usesMl ? { "ai.onnx.ml": 3 } : {}) };
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: spec.producer?.name ?? "modelgate",
    producerVersion: spec.producer?.version ?? "0",
    docString: spec.docString ?? "",
    opsetImport: Object.entries(opsets).map(([domain, version]) => ({ domain, version })),
    graph: {
      name: spec.graphName ?? "model",
      input: spec.inputs.map(valueInfo),
      output: spec.outputs.map(valueInfo),
      initializer: (spec.initializers ?? []).map(tensor),
      node: spec.nodes.map((n, i) => ({
        opType: n.op,
        input: n.inputs,
        output: n.outputs,
        domain: n.domain ?? "",
        name: n.name ?? `${n.op}_${i}`,
        attribute: Object.entries(n.attributes ?? {}).map(([k, v]) =>
          v && typeof v === "object" && "ints" in v
            ? { name: k, type: onnx.AttributeProto.AttributeType.INTS, ints: (v as { ints: number[] }).ints }
            : attribute(k, v),
        ),
      })),
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

/**
 * Binary logistic regression as skl2onnx writes it with zipmap disabled: input `input` float32 [N, F];
 * outputs `label` int64 [N] and `probabilities` float32 [N, 2] (columns: class 0, class 1).
 */
export function logisticRegressionModel(opts: {
  weights: number[];
  bias: number;
  inputName?: string;
  threshold?: number;
}): Uint8Array {
  const f = opts.weights.length;
  const input = opts.inputName ?? "input";
  return buildModel({
    inputs: [{ name: input, type: "float32", shape: ["N", f] }],
    outputs: [
      { name: "label", type: "int64", shape: ["N"] },
      { name: "probabilities", type: "float32", shape: ["N", 2] },
    ],
    initializers: [
      { name: "W", type: "float32", dims: [f, 1], values: opts.weights },
      { name: "B", type: "float32", dims: [1], values: [opts.bias] },
      { name: "one", type: "float32", dims: [1], values: [1] },
      { name: "thr", type: "float32", dims: [1], values: [opts.threshold ?? 0.5] },
      { name: "flat", type: "int64", dims: [1], values: [-1] },
    ],
    nodes: [
      { op: "MatMul", inputs: [input, "W"], outputs: ["z0"] },
      { op: "Add", inputs: ["z0", "B"], outputs: ["z"] },
      { op: "Sigmoid", inputs: ["z"], outputs: ["p1"] },
      { op: "Sub", inputs: ["one", "p1"], outputs: ["p0"] },
      { op: "Concat", inputs: ["p0", "p1"], outputs: ["probabilities"], attributes: { axis: 1 } },
      { op: "GreaterOrEqual", inputs: ["p1", "thr"], outputs: ["ge"] },
      { op: "Cast", inputs: ["ge"], outputs: ["label2d"], attributes: { to: ELEM_CODE.int64 } },
      { op: "Reshape", inputs: ["label2d", "flat"], outputs: ["label"] },
    ],
    producer: { name: "modelgate", version: "0.1.0" },
  });
}
