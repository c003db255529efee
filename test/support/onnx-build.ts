import onnxProto from "onnx-proto";
import { ELEM_CODE, type ElemType } from "../../src/onnx/signature.ts";

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

/** Numbers are INT when integral (FLOAT otherwise, or when the name ends in _f); lists of numbers are FLOATS. */
export type AttrValue = number | string | number[] | string[] | { ints: number[] } | { tensor: Initializer };

export interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  domain?: string;
  name?: string;
  /** Attribute values; an undefined one is left out (handy for optional attributes). */
  attributes?: Record<string, AttrValue | undefined>;
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

function attribute(name: string, value: AttrValue): any {
  const A = onnx.AttributeProto.AttributeType;
  if (typeof value === "number") {
    return Number.isInteger(value) && !name.endsWith("_f")
      ? { name, type: A.INT, i: value }
      : { name, type: A.FLOAT, f: value };
  }
  if (typeof value === "string") return { name, type: A.STRING, s: new TextEncoder().encode(value) };
  if ("ints" in (value as object)) return { name, type: A.INTS, ints: (value as { ints: number[] }).ints };
  if (Array.isArray(value)) {
    if (value.length > 0 && typeof value[0] === "string") {
      return { name, type: A.STRINGS, strings: (value as string[]).map((s) => new TextEncoder().encode(s)) };
    }
    return { name, type: A.FLOATS, floats: value };
  }
  return { name, type: A.TENSOR, t: tensor((value as { tensor: Initializer }).tensor) };
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
        attribute: Object.entries(n.attributes ?? {})
          .filter((e): e is [string, AttrValue] => e[1] !== undefined)
          .map(([k, v]) => attribute(k, v)),
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

/**
 * A linear classifier as skl2onnx writes LogisticRegression with its default ZipMap: LinearClassifier (LOGISTIC for
 * binary, SOFTMAX for multiclass) → Normalizer (L1) → ZipMap. Outputs `output_label` int64 [N] (or string) and
 * `output_probability`, a seq(map(int64|string, float)) that onnxruntime-node cannot return.
 * Binary: `coefficients` holds one row (the positive class); multiclass: one row per class.
 */
export function linearClassifierZipMapModel(opts: {
  coefficients: number[][];
  intercepts: number[];
  classes: number[] | string[];
  inputName?: string;
}): Uint8Array {
  const k = opts.classes.length;
  const f = opts.coefficients[0].length;
  const binary = k === 2 && opts.coefficients.length === 1;
  const coef = binary ? [...opts.coefficients[0].map((v) => -v), ...opts.coefficients[0]] : opts.coefficients.flat();
  const intercepts = binary ? [-opts.intercepts[0], opts.intercepts[0]] : opts.intercepts;
  const input = opts.inputName ?? "float_input";
  const stringClasses = typeof opts.classes[0] === "string";
  const labels = stringClasses
    ? { classlabels_strings: opts.classes as string[] }
    : { classlabels_ints: ints(opts.classes as number[]) };
  const zipLabels = stringClasses
    ? { classlabels_strings: opts.classes as string[] }
    : { classlabels_int64s: ints(opts.classes as number[]) };
  return buildModel({
    inputs: [{ name: input, type: "float32", shape: ["N", f] }],
    outputs: [
      { name: "output_label", type: stringClasses ? "string" : "int64", shape: ["N"] },
      { name: "output_probability", zipmap: stringClasses ? "string" : "int64" },
    ],
    nodes: [
      {
        op: "LinearClassifier",
        domain: "ai.onnx.ml",
        inputs: [input],
        outputs: ["label", "probability_tensor"],
        attributes: {
          coefficients: coef,
          intercepts,
          multi_class: binary ? 0 : 1,
          post_transform: binary ? "LOGISTIC" : "SOFTMAX",
          ...labels,
        },
      },
      {
        op: "Normalizer",
        domain: "ai.onnx.ml",
        inputs: ["probability_tensor"],
        outputs: ["probabilities"],
        attributes: { norm: "L1" },
      },
      { op: "Identity", inputs: ["label"], outputs: ["output_label"] },
      {
        op: "ZipMap",
        domain: "ai.onnx.ml",
        inputs: ["probabilities"],
        outputs: ["output_probability"],
        attributes: zipLabels,
      },
    ],
    opsets: { "": 17, "ai.onnx.ml": 1 },
    producer: { name: "skl2onnx", version: "1.16.0" },
  });
}

/** One tree node of a TreeEnsembleClassifier: a split (feature <= value → yes, else no) or a leaf with class weights. */
export type TreeNode =
  | { id: number; feature: number; value: number; yes: number; no: number }
  | { id: number; leaf: number[] };

/**
 * A tree ensemble classifier as skl2onnx writes a DecisionTree/RandomForest with zipmap disabled: outputs `label`
 * int64 [N] and `probabilities` float32 [N, k]. Leaf weights are averaged over trees (post_transform NONE).
 */
export function treeEnsembleClassifierModel(opts: {
  trees: TreeNode[][];
  features: number;
  classes: number[];
}): Uint8Array {
  const a = {
    nodes_treeids: [] as number[],
    nodes_nodeids: [] as number[],
    nodes_featureids: [] as number[],
    nodes_modes: [] as string[],
    nodes_values: [] as number[],
    nodes_truenodeids: [] as number[],
    nodes_falsenodeids: [] as number[],
    nodes_hitrates: [] as number[],
    nodes_missing_value_tracks_true: [] as number[],
    class_treeids: [] as number[],
    class_nodeids: [] as number[],
    class_ids: [] as number[],
    class_weights: [] as number[],
  };
  opts.trees.forEach((tree, t) => {
    for (const node of tree) {
      a.nodes_treeids.push(t);
      a.nodes_nodeids.push(node.id);
      a.nodes_hitrates.push(1);
      a.nodes_missing_value_tracks_true.push(0);
      if ("leaf" in node) {
        a.nodes_featureids.push(0);
        a.nodes_modes.push("LEAF");
        a.nodes_values.push(0);
        a.nodes_truenodeids.push(0);
        a.nodes_falsenodeids.push(0);
        node.leaf.forEach((w, c) => {
          a.class_treeids.push(t);
          a.class_nodeids.push(node.id);
          a.class_ids.push(c);
          a.class_weights.push(w / opts.trees.length);
        });
      } else {
        a.nodes_featureids.push(node.feature);
        a.nodes_modes.push("BRANCH_LEQ");
        a.nodes_values.push(node.value);
        a.nodes_truenodeids.push(node.yes);
        a.nodes_falsenodeids.push(node.no);
      }
    }
  });
  return buildModel({
    inputs: [{ name: "input", type: "float32", shape: ["N", opts.features] }],
    outputs: [
      { name: "label", type: "int64", shape: ["N"] },
      { name: "probabilities", type: "float32", shape: ["N", opts.classes.length] },
    ],
    nodes: [
      {
        op: "TreeEnsembleClassifier",
        domain: "ai.onnx.ml",
        inputs: ["input"],
        outputs: ["label", "probabilities"],
        attributes: {
          nodes_treeids: ints(a.nodes_treeids),
          nodes_nodeids: ints(a.nodes_nodeids),
          nodes_featureids: ints(a.nodes_featureids),
          nodes_modes: a.nodes_modes,
          nodes_values: a.nodes_values,
          nodes_truenodeids: ints(a.nodes_truenodeids),
          nodes_falsenodeids: ints(a.nodes_falsenodeids),
          nodes_hitrates: a.nodes_hitrates,
          nodes_missing_value_tracks_true: ints(a.nodes_missing_value_tracks_true),
          class_treeids: ints(a.class_treeids),
          class_nodeids: ints(a.class_nodeids),
          class_ids: ints(a.class_ids),
          class_weights: a.class_weights,
          classlabels_int64s: ints(opts.classes),
          post_transform: "NONE",
        },
      },
    ],
    opsets: { "": 17, "ai.onnx.ml": 1 },
    producer: { name: "skl2onnx", version: "1.16.0" },
  });
}

/** Linear regression as skl2onnx writes it: LinearRegressor → `variable` float32 [N, 1]. */
export function linearRegressorModel(opts: { coefficients: number[]; intercept: number }): Uint8Array {
  return buildModel({
    inputs: [{ name: "float_input", type: "float32", shape: ["N", opts.coefficients.length] }],
    outputs: [{ name: "variable", type: "float32", shape: ["N", 1] }],
    nodes: [
      {
        op: "LinearRegressor",
        domain: "ai.onnx.ml",
        inputs: ["float_input"],
        outputs: ["variable"],
        attributes: { coefficients: opts.coefficients, intercepts: [opts.intercept], targets: 1 },
      },
    ],
    opsets: { "": 17, "ai.onnx.ml": 1 },
    producer: { name: "skl2onnx", version: "1.16.0" },
  });
}

/**
 * Multinomial logistic regression (MatMul, Add, Softmax, ArgMax) with zipmap disabled: `label` int64 [N] and
 * `probabilities` float32 [N, k]. `weights` is F × k (row per feature).
 */
export function softmaxRegressionModel(opts: { weights: number[][]; bias: number[] }): Uint8Array {
  const f = opts.weights.length;
  const k = opts.bias.length;
  return buildModel({
    inputs: [{ name: "input", type: "float32", shape: ["N", f] }],
    outputs: [
      { name: "label", type: "int64", shape: ["N"] },
      { name: "probabilities", type: "float32", shape: ["N", k] },
    ],
    initializers: [
      { name: "W", type: "float32", dims: [f, k], values: opts.weights.flat() },
      { name: "B", type: "float32", dims: [k], values: opts.bias },
    ],
    nodes: [
      { op: "MatMul", inputs: ["input", "W"], outputs: ["z0"] },
      { op: "Add", inputs: ["z0", "B"], outputs: ["z"] },
      { op: "Softmax", inputs: ["z"], outputs: ["probabilities"], attributes: { axis: 1 } },
      { op: "ArgMax", inputs: ["probabilities"], outputs: ["label"], attributes: { axis: 1, keepdims: 0 } },
    ],
  });
}

/**
 * A model that takes one input per column, as skl2onnx emits for mixed-type data frames: `amount` float32 [N, 1],
 * `count` int64 [N, 1], `channel` string [N, 1] (one-hot over `channels`), → logistic `probabilities` [N, 2].
 */
export function columnsModel(opts: {
  wAmount: number;
  wCount: number;
  channels: string[];
  wChannel: number[];
  bias: number;
}): Uint8Array {
  return buildModel({
    inputs: [
      { name: "amount", type: "float32", shape: ["N", 1] },
      { name: "count", type: "int64", shape: ["N", 1] },
      { name: "channel", type: "string", shape: ["N", 1] },
    ],
    outputs: [{ name: "probabilities", type: "float32", shape: ["N", 2] }],
    initializers: [
      { name: "wa", type: "float32", dims: [1, 1], values: [opts.wAmount] },
      { name: "wc", type: "float32", dims: [1, 1], values: [opts.wCount] },
      { name: "wch", type: "float32", dims: [opts.channels.length, 1], values: opts.wChannel },
      { name: "b", type: "float32", dims: [1], values: [opts.bias] },
      { name: "one", type: "float32", dims: [1], values: [1] },
      { name: "flat", type: "int64", dims: [1], values: [-1] },
    ],
    nodes: [
      { op: "Cast", inputs: ["count"], outputs: ["countf"], attributes: { to: ELEM_CODE.float32 } },
      { op: "Reshape", inputs: ["channel", "flat"], outputs: ["channel1"] },
      {
        op: "OneHotEncoder",
        domain: "ai.onnx.ml",
        inputs: ["channel1"],
        outputs: ["onehot"],
        attributes: { cats_strings: opts.channels, zeros: 1 },
      },
      { op: "MatMul", inputs: ["amount", "wa"], outputs: ["za"] },
      { op: "MatMul", inputs: ["countf", "wc"], outputs: ["zc"] },
      { op: "MatMul", inputs: ["onehot", "wch"], outputs: ["zch"] },
      { op: "Add", inputs: ["za", "zc"], outputs: ["z1"] },
      { op: "Add", inputs: ["z1", "zch"], outputs: ["z2"] },
      { op: "Add", inputs: ["z2", "b"], outputs: ["z"] },
      { op: "Sigmoid", inputs: ["z"], outputs: ["p1"] },
      { op: "Sub", inputs: ["one", "p1"], outputs: ["p0"] },
      { op: "Concat", inputs: ["p0", "p1"], outputs: ["probabilities"], attributes: { axis: 1 } },
    ],
    opsets: { "": 17, "ai.onnx.ml": 1 },
  });
}
