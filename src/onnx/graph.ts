/**
 * What modelgate reads of an ONNX graph, from a decoded ModelProto (onnx-proto's, or wire.ts's reading of the same
 * fields): the signature, the class order of a classifier, its ZipMap nodes. No decoder here: signature.ts decodes
 * with onnx-proto, and validate reads the few fields it needs without loading it (wire.ts).
 */
/** Element types by the names the manifests use (the ONNX Runtime tensor type names). */
export type ElemType =
  | "float32"
  | "float64"
  | "float16"
  | "bfloat16"
  | "int8"
  | "int16"
  | "int32"
  | "int64"
  | "uint8"
  | "uint16"
  | "uint32"
  | "uint64"
  | "string"
  | "bool";

const ELEM_BY_CODE: Record<number, ElemType> = {
  1: "float32",
  2: "uint8",
  3: "int8",
  4: "uint16",
  5: "int16",
  6: "int32",
  7: "int64",
  8: "string",
  9: "bool",
  10: "float16",
  11: "float64",
  12: "uint32",
  13: "uint64",
  16: "bfloat16",
};
export const ELEM_CODE: Record<ElemType, number> = Object.fromEntries(
  Object.entries(ELEM_BY_CODE).map(([code, name]) => [name, Number(code)]),
) as Record<ElemType, number>;

/**
 * One graph input or output. `kind` is "tensor" for plain tensors; sequences and maps (ZipMap outputs) are described
 * in `type` (e.g. "seq(map(int64,float32))") and cannot be fetched by onnxruntime-node.
 * Dynamic dimensions are -1, or their symbolic name when the model names them.
 */
export interface TensorSpec {
  name: string;
  kind: "tensor" | "sequence" | "map" | "other";
  type: string;
  shape: (number | string)[];
}

export interface OnnxSignature {
  irVersion: number;
  /** The default-domain opset. */
  opsetVersion: number;
  opsets: { domain: string; version: number }[];
  producer: string;
  inputs: TensorSpec[];
  outputs: TensorSpec[];
}

function describeType(t: any): Omit<TensorSpec, "name"> {
  if (t?.tensorType) {
    const elem = ELEM_BY_CODE[t.tensorType.elemType] ?? `type${t.tensorType.elemType}`;
    const dims: (number | string)[] = (t.tensorType.shape?.dim ?? []).map((d: any) =>
      d.dimParam ? String(d.dimParam) : d.dimValue != null && Number(d.dimValue) > 0 ? Number(d.dimValue) : -1,
    );
    return { kind: "tensor", type: elem, shape: dims };
  }
  if (t?.sequenceType) {
    return { kind: "sequence", type: `seq(${describeType(t.sequenceType.elemType).type})`, shape: [] };
  }
  if (t?.mapType) {
    const key = ELEM_BY_CODE[t.mapType.keyType] ?? String(t.mapType.keyType);
    return { kind: "map", type: `map(${key},${describeType(t.mapType.valueType).type})`, shape: [] };
  }
  return { kind: "other", type: "unknown", shape: [] };
}

/** A decoded ModelProto (onnx-proto's generated type, used untyped here as elsewhere). */
export type DecodedModel = any;

/** The signature of a decoded model that has a graph. */
export function signatureOf(model: DecodedModel): OnnxSignature {
  const initializers = new Set((model.graph.initializer ?? []).map((i: any) => i.name));
  const opsets = (model.opsetImport ?? []).map((o: any) => ({ domain: o.domain ?? "", version: Number(o.version) }));
  return {
    irVersion: Number(model.irVersion ?? 0),
    opsetVersion: opsets.find((o: { domain: string }) => o.domain === "" || o.domain === "ai.onnx")?.version ?? 0,
    opsets,
    producer: [model.producerName, model.producerVersion].filter(Boolean).join(" "),
    inputs: (model.graph.input ?? [])
      .filter((v: any) => !initializers.has(v.name))
      .map((v: any) => ({ name: v.name, ...describeType(v.type) })),
    outputs: (model.graph.output ?? []).map((v: any) => ({ name: v.name, ...describeType(v.type) })),
  };
}

/** A ZipMap node that produces a graph output: the sequence of maps, and the probability tensor it is made from. */
export interface ZipMapNode {
  /** The graph output (seq(map(…))). */
  output: string;
  /** The node's input: the float tensor [N, classes] of probabilities. */
  tensor: string;
  /** The class labels the node names, in column order. */
  classLabels?: string[];
}

/** What the graph says beyond its signature: the class order of a classifier, and its ZipMap nodes. */
export interface GraphFacts {
  /** The class order of the probability columns, when a *Classifier node names it. */
  classLabels?: string[];
  zipMaps: ZipMapNode[];
}

const dec = new TextDecoder();

function classLabelsOf(node: any, names: RegExp): string[] | undefined {
  let labels: string[] | undefined;
  for (const a of node.attribute ?? []) {
    if (names.test(a.name) && a.ints?.length) labels = a.ints.map((v: unknown) => String(Number(v)));
    if (a.name === "classlabels_strings" && a.strings?.length) labels = a.strings.map((x: Uint8Array) => dec.decode(x));
  }
  return labels;
}

/** The class order and the ZipMap nodes of a decoded model. */
export function graphFacts(model: DecodedModel): GraphFacts {
  const nodes: any[] = model.graph?.node ?? [];
  let classLabels: string[] | undefined;
  for (const n of nodes) classLabels = classLabelsOf(n, /^classlabels_(ints|int64s)$/) ?? classLabels;
  const outputs = new Set((model.graph?.output ?? []).map((o: any) => o.name));
  const zipMaps: ZipMapNode[] = nodes
    .filter((n) => n.opType === "ZipMap" && n.input?.length === 1 && outputs.has(n.output?.[0]))
    .map((n) => ({ output: n.output[0], tensor: n.input[0], classLabels: classLabelsOf(n, /^classlabels_int64s$/) }));
  return { classLabels, zipMaps };
}
