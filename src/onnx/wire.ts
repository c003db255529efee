/**
 * The fields of an ONNX ModelProto that graph.ts reads (signature, opsets, nodes' op types, inputs, outputs and
 * class-label attributes), read from the protobuf wire format without onnx-proto: validate checks an artifact's
 * signature without loading onnx-proto and protobufjs (issue #25: a quarter of the bytes validate loaded). The
 * values are those onnx-proto's decode gives for these fields (test/onnx/wire.unit.test.ts compares the two); for
 * anything this reader does not take as it is — a wire type other than the field's, a group, a number beyond 2^53,
 * text that is not UTF-8, bytes that end early — it returns undefined, and the caller decodes with onnx-proto, whose
 * answer (or error) is then the one given.
 */
import type { DecodedModel } from "./graph.ts";

const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Thrown inside the reader for anything it leaves to onnx-proto. */
class Unread extends Error {}

const VARINT = 0;
const BYTES = 2;

interface Cursor {
  buf: Uint8Array;
  pos: number;
}

/** A varint of at most 5 bytes within 32 bits: a tag or a length, as onnx-proto reads them (uint32). */
function varint32(c: Cursor, end: number): number {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 5; i++) {
    if (c.pos >= end) throw new Unread();
    const b = c.buf[c.pos++];
    value += (b & 0x7f) * scale;
    if (b < 0x80) {
      if (value > 0xffffffff) throw new Unread();
      return value;
    }
    scale *= 128;
  }
  throw new Unread();
}

/** A varint number below 2^53 (a value read here). */
function varint(c: Cursor, end: number): number {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 8; i++) {
    if (c.pos >= end) throw new Unread();
    const b = c.buf[c.pos++];
    value += (b & 0x7f) * scale;
    if (b < 0x80) {
      if (value > Number.MAX_SAFE_INTEGER) throw new Unread();
      return value;
    }
    scale *= 128;
  }
  throw new Unread();
}

/** The end of a length-delimited field starting at the cursor. */
function span(c: Cursor, end: number): number {
  const len = varint32(c, end);
  if (c.pos + len > end) throw new Unread();
  return c.pos + len;
}

function str(c: Cursor, end: number): string {
  const to = span(c, end);
  let s: string;
  try {
    s = text.decode(c.buf.subarray(c.pos, to));
  } catch {
    throw new Unread();
  }
  c.pos = to;
  return s;
}

function bytes(c: Cursor, end: number): Uint8Array {
  const to = span(c, end);
  const b = c.buf.subarray(c.pos, to);
  c.pos = to;
  return b;
}

function skip(c: Cursor, end: number, wire: number): void {
  if (wire === VARINT) {
    // at most 10 bytes, as onnx-proto reads one
    for (let i = 0; i < 10; i++) {
      if (c.pos >= end) throw new Unread();
      if (c.buf[c.pos++] < 0x80) return;
    }
    throw new Unread();
  }
  if (wire === 1) c.pos += 8;
  else if (wire === BYTES) c.pos = span(c, end);
  else if (wire === 5) c.pos += 4;
  else throw new Unread();
  if (c.pos > end) throw new Unread();
}

/** Walks the fields of a message in [c.pos, end): `field(number, wire)` reads the ones it knows (else they are skipped). */
function fields(c: Cursor, end: number, field: (n: number, wire: number) => boolean): void {
  while (c.pos < end) {
    const tag = varint32(c, end);
    const n = Math.floor(tag / 8);
    const wire = tag & 7;
    if (n === 0) throw new Unread();
    if (!field(n, wire)) skip(c, end, wire);
  }
  if (c.pos !== end) throw new Unread();
}

/**
 * Every message of onnx-proto's ModelProto, field by field, as its decode reads them (from onnx-proto's dist/onnx.js):
 * a field holding a message names it; a scalar one gives the wire type it is read as (2 bytes or text, 0 varint,
 * 5 four bytes, 1 eight bytes), and -10 - w a repeated scalar written packed (wire type 2) or one by one.
 */
const SCHEMA: Record<string, Record<number, string | number>> = {
  AttributeProto: {
    1: 2,
    2: 5,
    3: 0,
    4: 2,
    5: "TensorProto",
    6: "GraphProto",
    7: -15,
    8: -10,
    9: 2,
    10: "TensorProto",
    11: "GraphProto",
    13: 2,
    14: "TypeProto",
    15: "TypeProto",
    20: 0,
    21: 2,
    22: "SparseTensorProto",
    23: "SparseTensorProto",
  },
  ValueInfoProto: { 1: 2, 2: "TypeProto", 3: 2 },
  NodeProto: { 1: 2, 2: 2, 3: 2, 4: 2, 5: "AttributeProto", 6: 2, 7: 2 },
  TrainingInfoProto: { 1: "GraphProto", 2: "GraphProto", 3: "StringStringEntryProto", 4: "StringStringEntryProto" },
  ModelProto: {
    1: 0,
    2: 2,
    3: 2,
    4: 2,
    5: 0,
    6: 2,
    7: "GraphProto",
    8: "OperatorSetIdProto",
    14: "StringStringEntryProto",
    20: "TrainingInfoProto",
    25: "FunctionProto",
  },
  StringStringEntryProto: { 1: 2, 2: 2 },
  TensorAnnotation: { 1: 2, 2: "StringStringEntryProto" },
  GraphProto: {
    1: "NodeProto",
    2: 2,
    5: "TensorProto",
    10: 2,
    11: "ValueInfoProto",
    12: "ValueInfoProto",
    13: "ValueInfoProto",
    14: "TensorAnnotation",
    15: "SparseTensorProto",
  },
  TensorProto: {
    1: -10,
    2: 0,
    3: "TensorProto.Segment",
    4: -15,
    5: -10,
    6: 2,
    7: -10,
    8: 2,
    9: 2,
    10: -11,
    11: -10,
    12: 2,
    13: "StringStringEntryProto",
    14: 0,
  },
  "TensorProto.Segment": { 1: 0, 2: 0 },
  SparseTensorProto: { 1: "TensorProto", 2: "TensorProto", 3: -10 },
  TensorShapeProto: { 1: "TensorShapeProto.Dimension" },
  "TensorShapeProto.Dimension": { 1: 0, 2: 2, 3: 2 },
  TypeProto: {
    1: "TypeProto.Tensor",
    4: "TypeProto.Sequence",
    5: "TypeProto.Map",
    6: 2,
    8: "TypeProto.SparseTensor",
    9: "TypeProto.Optional",
  },
  "TypeProto.Tensor": { 1: 0, 2: "TensorShapeProto" },
  "TypeProto.Sequence": { 1: "TypeProto" },
  "TypeProto.Map": { 1: 0, 2: "TypeProto" },
  "TypeProto.Optional": { 1: "TypeProto" },
  "TypeProto.SparseTensor": { 1: 0, 2: "TensorShapeProto" },
  OperatorSetIdProto: { 1: 2, 2: 0 },
  FunctionProto: { 1: 2, 4: 2, 5: 2, 6: 2, 7: "NodeProto", 8: 2, 9: "OperatorSetIdProto", 10: 2 },
};

/**
 * The bytes of a message walked as onnx-proto's decode walks them, each field of the type it reads, throwing Unread
 * where it would fail (and also where it would read on leniently: past a message's end, a packed run of a wrong
 * length, a wire type other than the field's): a file this passes is one onnx-proto decodes without an error.
 */
function check(c: Cursor, end: number, name: string): void {
  const schema = SCHEMA[name];
  while (c.pos < end) {
    const tag = varint32(c, end);
    const wire = tag & 7;
    const f = schema[Math.floor(tag / 8)];
    if (f === undefined) skip(c, end, wire);
    else if (typeof f === "string") {
      want(wire, BYTES);
      const to = span(c, end);
      check(c, to, f);
    } else if (f <= -10 && wire === BYTES) {
      const to = span(c, end);
      const size = f === -15 ? 4 : f === -11 ? 8 : 0;
      if (size === 0) while (c.pos < to) skip(c, to, VARINT);
      else if ((to - c.pos) % size !== 0) throw new Unread();
      c.pos = to;
    } else {
      want(wire, f <= -10 ? -10 - f : f);
      skip(c, end, wire);
    }
  }
  if (c.pos !== end) throw new Unread();
}

/** A field onnx-proto reads with this wire type; another is left to it. */
function want(wire: number, expected: number): void {
  if (wire !== expected) throw new Unread();
}

function message<T>(c: Cursor, end: number, read: (c: Cursor, end: number) => T): T {
  const to = span(c, end);
  const v = read(c, to);
  c.pos = to;
  return v;
}

function typeProto(c: Cursor, end: number): any {
  const t: any = {};
  fields(c, end, (n, wire) => {
    if (n === 1) {
      want(wire, BYTES);
      t.tensorType = message(c, end, tensorType);
    } else if (n === 4) {
      want(wire, BYTES);
      t.sequenceType = message(c, end, (c2, e2) => {
        const s: any = {};
        fields(c2, e2, (m, w) => {
          if (m !== 1) return false;
          want(w, BYTES);
          s.elemType = message(c2, e2, typeProto);
          return true;
        });
        return s;
      });
    } else if (n === 5) {
      want(wire, BYTES);
      t.mapType = message(c, end, (c2, e2) => {
        const m: any = { keyType: 0 };
        fields(c2, e2, (k, w) => {
          if (k === 1) {
            want(w, VARINT);
            m.keyType = int32(c2, e2);
          } else if (k === 2) {
            want(w, BYTES);
            m.valueType = message(c2, e2, typeProto);
          } else return false;
          return true;
        });
        return m;
      });
    } else return false;
    return true;
  });
  return t;
}

function int32(c: Cursor, end: number): number {
  const v = varint(c, end);
  if (v > 0x7fffffff) throw new Unread();
  return v;
}

function tensorType(c: Cursor, end: number): any {
  const t: any = { elemType: 0 };
  fields(c, end, (n, wire) => {
    if (n === 1) {
      want(wire, VARINT);
      t.elemType = int32(c, end);
    } else if (n === 2) {
      want(wire, BYTES);
      t.shape = message(c, end, (c2, e2) => {
        const dim: any[] = [];
        fields(c2, e2, (m, w) => {
          if (m !== 1) return false;
          want(w, BYTES);
          dim.push(
            message(c2, e2, (c3, e3) => {
              const d: any = {};
              fields(c3, e3, (k, w3) => {
                if (k === 1) {
                  want(w3, VARINT);
                  d.dimValue = varint(c3, e3);
                } else if (k === 2) {
                  want(w3, BYTES);
                  d.dimParam = str(c3, e3);
                } else return false;
                return true;
              });
              return d;
            }),
          );
          return true;
        });
        return { dim };
      });
    } else return false;
    return true;
  });
  return t;
}

function valueInfo(c: Cursor, end: number): any {
  const v: any = { name: "" };
  fields(c, end, (n, wire) => {
    if (n === 1) {
      want(wire, BYTES);
      v.name = str(c, end);
    } else if (n === 2) {
      want(wire, BYTES);
      v.type = message(c, end, typeProto);
    } else return false;
    return true;
  });
  return v;
}

function attribute(c: Cursor, end: number): any {
  const a: any = { name: "", ints: [], strings: [] };
  fields(c, end, (n, wire) => {
    if (n === 1) {
      want(wire, BYTES);
      a.name = str(c, end);
    } else if (n === 8) {
      if (wire === BYTES) {
        const to = span(c, end);
        while (c.pos < to) a.ints.push(varint(c, to));
      } else {
        want(wire, VARINT);
        a.ints.push(varint(c, end));
      }
    } else if (n === 9) {
      want(wire, BYTES);
      a.strings.push(bytes(c, end));
    } else return false;
    return true;
  });
  return a;
}

function node(c: Cursor, end: number): any {
  const nd: any = { input: [], output: [], opType: "", attribute: [] };
  fields(c, end, (n, wire) => {
    if (n === 1 || n === 2 || n === 4) want(wire, BYTES);
    if (n === 1) nd.input.push(str(c, end));
    else if (n === 2) nd.output.push(str(c, end));
    else if (n === 4) nd.opType = str(c, end);
    else if (n === 5) {
      want(wire, BYTES);
      nd.attribute.push(message(c, end, attribute));
    } else return false;
    return true;
  });
  return nd;
}

function graph(c: Cursor, end: number): any {
  const g: any = { node: [], initializer: [], input: [], output: [] };
  fields(c, end, (n, wire) => {
    if (n === 1) {
      want(wire, BYTES);
      g.node.push(message(c, end, node));
    } else if (n === 5) {
      want(wire, BYTES);
      g.initializer.push(
        message(c, end, (c2, e2) => {
          const t = { name: "" };
          fields(c2, e2, (k, w) => {
            if (k !== 8) return false;
            want(w, BYTES);
            t.name = str(c2, e2);
            return true;
          });
          return t;
        }),
      );
    } else if (n === 11) {
      want(wire, BYTES);
      g.input.push(message(c, end, valueInfo));
    } else if (n === 12) {
      want(wire, BYTES);
      g.output.push(message(c, end, valueInfo));
    } else return false;
    return true;
  });
  return g;
}

/**
 * The fields graph.ts reads of a ModelProto, as onnx-proto decodes them; undefined when the bytes hold anything this
 * reader leaves to onnx-proto (see above), or no graph.
 */
export function readOnnxGraph(buf: Uint8Array): DecodedModel | undefined {
  const c: Cursor = { buf, pos: 0 };
  const model: any = { irVersion: 0, producerName: "", producerVersion: "", opsetImport: [] };
  try {
    check(c, buf.length, "ModelProto");
    c.pos = 0;
    fields(c, buf.length, (n, wire) => {
      if (n === 1) {
        want(wire, VARINT);
        model.irVersion = varint(c, buf.length);
      } else if (n === 2 || n === 3) {
        want(wire, BYTES);
        model[n === 2 ? "producerName" : "producerVersion"] = str(c, buf.length);
      } else if (n === 7) {
        want(wire, BYTES);
        model.graph = message(c, buf.length, graph);
      } else if (n === 8) {
        want(wire, BYTES);
        model.opsetImport.push(
          message(c, buf.length, (c2, e2) => {
            const o = { domain: "", version: 0 };
            fields(c2, e2, (k, w) => {
              if (k === 1) {
                want(w, BYTES);
                o.domain = str(c2, e2);
              } else if (k === 2) {
                want(w, VARINT);
                o.version = varint(c2, e2);
              } else return false;
              return true;
            });
            return o;
          }),
        );
      } else return false;
      return true;
    });
  } catch (err) {
    if (err instanceof Unread) return undefined;
    throw err;
  }
  return model.graph ? model : undefined;
}
