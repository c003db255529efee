// A minimal ONNX writer: protobuf wire encoding of the few ONNX messages a tree-ensemble classifier needs. Node.js
// built-ins only, so that this model repository trains with nothing installed but Node.js (modelgate's own ONNX tools
// live in its library; a training script in a model repository must not depend on them).
//
// Field numbers are those of onnx/onnx.proto (ModelProto, GraphProto, NodeProto, AttributeProto, ValueInfoProto,
// TypeProto, TensorShapeProto, OperatorSetIdProto, StringStringEntryProto).

const ELEM = { float32: 1, int64: 7, string: 8, float64: 11 };
const ATTR = { FLOAT: 1, INT: 2, STRING: 3, FLOATS: 6, INTS: 7, STRINGS: 8 };

class Writer {
  parts = [];
  varint(n) {
    let v = BigInt.asUintN(64, BigInt(n));
    const bytes = [];
    do {
      let b = Number(v & 0x7fn);
      v >>= 7n;
      if (v) b |= 0x80;
      bytes.push(b);
    } while (v);
    this.parts.push(Uint8Array.from(bytes));
    return this;
  }
  tag(field, wire) {
    return this.varint((field << 3) | wire);
  }
  int(field, n) {
    return this.tag(field, 0).varint(n);
  }
  bytes(field, b) {
    this.tag(field, 2).varint(b.length);
    this.parts.push(b);
    return this;
  }
  string(field, s) {
    return this.bytes(field, new TextEncoder().encode(s));
  }
  message(field, w) {
    return this.bytes(field, w.finish());
  }
  float(field, x) {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, x, true);
    this.tag(field, 5);
    this.parts.push(b);
    return this;
  }
  packedFloats(field, xs) {
    const b = new Uint8Array(4 * xs.length);
    const dv = new DataView(b.buffer);
    for (let i = 0; i < xs.length; i++) dv.setFloat32(4 * i, xs[i], true);
    return this.bytes(field, b);
  }
  packedInts(field, xs) {
    const w = new Writer();
    for (const x of xs) w.varint(x);
    return this.bytes(field, w.finish());
  }
  finish() {
    const out = new Uint8Array(this.parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of this.parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }
}

/** An attribute: numbers are INT unless `float: true`; arrays of numbers are FLOATS unless `ints: true`. */
function attribute(name, value) {
  const w = new Writer().string(1, name);
  if (value && typeof value === "object" && "ints" in value) return w.packedInts(8, value.ints).int(20, ATTR.INTS);
  if (value && typeof value === "object" && "float" in value) return w.float(2, value.float).int(20, ATTR.FLOAT);
  if (typeof value === "number") return w.int(3, value).int(20, ATTR.INT);
  if (typeof value === "string") return w.string(4, value).int(20, ATTR.STRING);
  if (Array.isArray(value) && value.length > 0 && typeof value[0] === "string") {
    for (const s of value) w.string(9, s);
    return w.int(20, ATTR.STRINGS);
  }
  return w.packedFloats(7, value).int(20, ATTR.FLOATS);
}

function valueInfo(v) {
  const shape = new Writer();
  for (const d of v.shape) shape.message(1, typeof d === "string" ? new Writer().string(2, d) : new Writer().int(1, d));
  const tensorType = new Writer().int(1, ELEM[v.type]).message(2, shape);
  return new Writer().string(1, v.name).message(2, new Writer().message(1, tensorType));
}

/**
 * Encodes a model: { inputs, outputs: [{ name, type, shape }], nodes: [{ op, domain, inputs, outputs, attributes }],
 * opsets: { domain: version }, producer: { name, version }, docString, metadata: { key: value } }.
 */
export function encodeModel(spec) {
  const graph = new Writer();
  spec.nodes.forEach((n, i) => {
    const node = new Writer();
    for (const x of n.inputs) node.string(1, x);
    for (const x of n.outputs) node.string(2, x);
    node.string(3, n.name ?? `${n.op}_${i}`).string(4, n.op);
    for (const [k, v] of Object.entries(n.attributes ?? {})) node.message(5, attribute(k, v));
    if (n.domain) node.string(7, n.domain);
    graph.message(1, node);
  });
  graph.string(2, spec.graphName ?? "model");
  for (const v of spec.inputs) graph.message(11, valueInfo(v));
  for (const v of spec.outputs) graph.message(12, valueInfo(v));

  const model = new Writer().int(1, 8); // ir_version 8
  model.string(2, spec.producer?.name ?? "").string(3, spec.producer?.version ?? "");
  if (spec.docString) model.string(6, spec.docString);
  model.message(7, graph);
  for (const [domain, version] of Object.entries(spec.opsets)) {
    model.message(8, new Writer().string(1, domain).int(2, version));
  }
  for (const [key, value] of Object.entries(spec.metadata ?? {})) {
    model.message(14, new Writer().string(1, key).string(2, value));
  }
  return model.finish();
}
