import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/onnx/graph.ts
var ELEM_BY_CODE = {
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
  16: "bfloat16"
};
var ELEM_CODE = Object.fromEntries(
  Object.entries(ELEM_BY_CODE).map(([code, name]) => [name, Number(code)])
);
function describeType(t) {
  if (t?.tensorType) {
    const elem = ELEM_BY_CODE[t.tensorType.elemType] ?? `type${t.tensorType.elemType}`;
    const dims = (t.tensorType.shape?.dim ?? []).map(
      (d) => d.dimParam ? String(d.dimParam) : d.dimValue != null && Number(d.dimValue) > 0 ? Number(d.dimValue) : -1
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
function signatureOf(model) {
  const initializers = new Set((model.graph.initializer ?? []).map((i) => i.name));
  const opsets = (model.opsetImport ?? []).map((o) => ({ domain: o.domain ?? "", version: Number(o.version) }));
  return {
    irVersion: Number(model.irVersion ?? 0),
    opsetVersion: opsets.find((o) => o.domain === "" || o.domain === "ai.onnx")?.version ?? 0,
    opsets,
    producer: [model.producerName, model.producerVersion].filter(Boolean).join(" "),
    inputs: (model.graph.input ?? []).filter((v) => !initializers.has(v.name)).map((v) => ({ name: v.name, ...describeType(v.type) })),
    outputs: (model.graph.output ?? []).map((v) => ({ name: v.name, ...describeType(v.type) }))
  };
}
var dec = new TextDecoder();
function classLabelsOf(node, names) {
  let labels;
  for (const a of node.attribute ?? []) {
    if (names.test(a.name) && a.ints?.length) labels = a.ints.map((v) => String(Number(v)));
    if (a.name === "classlabels_strings" && a.strings?.length) labels = a.strings.map((x) => dec.decode(x));
  }
  return labels;
}
function graphFacts(model) {
  const nodes = model.graph?.node ?? [];
  let classLabels;
  for (const n of nodes) classLabels = classLabelsOf(n, /^classlabels_(ints|int64s)$/) ?? classLabels;
  const outputs = new Set((model.graph?.output ?? []).map((o) => o.name));
  const zipMaps = nodes.filter((n) => n.opType === "ZipMap" && n.input?.length === 1 && outputs.has(n.output?.[0])).map((n) => ({ output: n.output[0], tensor: n.input[0], classLabels: classLabelsOf(n, /^classlabels_int64s$/) }));
  return { classLabels, zipMaps };
}

export {
  ELEM_CODE,
  signatureOf,
  graphFacts
};
