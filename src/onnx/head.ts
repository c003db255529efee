import { type FileHandle, open } from "node:fs/promises";
import { UserError } from "../errors.ts";

/**
 * The parts of an ONNX file that its signature needs, without reading its weights: a large model (1 GiB of
 * initializers) is skimmed with positional reads of the protobuf wire format, and a small ModelProto is returned
 * with every top-level field but the graph, and a graph with only its name, inputs, outputs and the names of its
 * initializers. `readOnnxSignature` reads the result as it reads the whole file. Not a parser: field numbers only.
 */
const GRAPH = 7; // ModelProto.graph
const KEEP_IN_GRAPH = new Set([2, 11, 12]); // GraphProto.name, input, output
const INITIALIZER = 5; // GraphProto.initializer (TensorProto)
const TENSOR_NAME = 8; // TensorProto.name
const MAX_COPY = 16 << 20;

/** The bytes are not a protobuf message (so not an ONNX file): what is wrong, and at which byte. */
class NotProtobuf extends Error {
  constructor(
    what: string,
    readonly at: number,
  ) {
    super(what);
  }
}

class Reader {
  constructor(
    private readonly fh: FileHandle,
    readonly size: number,
  ) {}
  async bytes(pos: number, len: number): Promise<Buffer> {
    const buf = Buffer.alloc(len);
    let got = 0;
    while (got < len) {
      const { bytesRead } = await this.fh.read(buf, got, len - got, pos + got);
      if (bytesRead === 0) throw new NotProtobuf("the file ends inside a field", pos + got);
      got += bytesRead;
    }
    return buf;
  }
  async varint(pos: number): Promise<{ value: number; next: number }> {
    const buf = await this.bytes(pos, Math.min(10, this.size - pos));
    let value = 0;
    let mul = 1;
    for (let i = 0; i < buf.length; i++) {
      value += (buf[i] & 0x7f) * mul;
      mul *= 128;
      if ((buf[i] & 0x80) === 0) return { value, next: pos + i + 1 };
    }
    throw new NotProtobuf("a malformed varint", pos);
  }
}

interface Field {
  field: number;
  wire: number;
  /** Where the key starts, where the value (after any length) starts and ends. */
  keyStart: number;
  start: number;
  end: number;
}

async function* fields(r: Reader, from: number, to: number): AsyncGenerator<Field> {
  let pos = from;
  while (pos < to) {
    const key = await r.varint(pos);
    const field = Math.floor(key.value / 8);
    const wire = key.value % 8;
    if (field === 0) throw new NotProtobuf("field number 0", pos);
    let start = key.next;
    let end: number;
    if (wire === 0) end = (await r.varint(start)).next;
    else if (wire === 1) end = start + 8;
    else if (wire === 5) end = start + 4;
    else if (wire === 2) {
      const len = await r.varint(start);
      start = len.next;
      end = start + len.value;
    } else throw new NotProtobuf(`an unknown wire type ${wire}`, pos);
    if (end > to) throw new NotProtobuf("a field longer than what holds it", pos);
    yield { field, wire, keyStart: pos, start, end };
    pos = end;
  }
}

/** A protobuf varint. */
export function varint(n: number): Buffer {
  const out: number[] = [];
  while (n >= 128) {
    out.push((n % 128) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return Buffer.from(out);
}

/** A length-delimited protobuf field (wire type 2). */
export function lenField(field: number, body: Buffer): Buffer {
  return Buffer.concat([varint(field * 8 + 2), varint(body.byteLength), body]);
}

/**
 * The head of the ONNX file at `path` (see above). A file that is not a protobuf message is a UserError that names
 * it, as `readOnnxSignature` says of a small file.
 */
export async function readOnnxHead(path: string): Promise<Uint8Array> {
  const fh = await open(path, "r");
  try {
    return await skim(fh);
  } catch (err) {
    if (err instanceof NotProtobuf) {
      throw new UserError(
        `${path} is not an ONNX model (${err.message} at byte ${err.at}); export the model to ONNX first`,
      );
    }
    throw err;
  } finally {
    await fh.close();
  }
}

async function skim(fh: FileHandle): Promise<Uint8Array> {
  const r = new Reader(fh, (await fh.stat()).size);
  const top: Buffer[] = [];
  // several occurrences of the graph field merge into one (protobuf semantics), so they are emitted as one
  const graph: Buffer[] = [];
  for await (const f of fields(r, 0, r.size)) {
    if (f.field === GRAPH && f.wire === 2) {
      for await (const g of fields(r, f.start, f.end)) {
        if (KEEP_IN_GRAPH.has(g.field) && g.end - g.keyStart <= MAX_COPY) {
          graph.push(await r.bytes(g.keyStart, g.end - g.keyStart));
        } else if (g.field === INITIALIZER && g.wire === 2) {
          for await (const t of fields(r, g.start, g.end)) {
            if (t.field === TENSOR_NAME && t.wire === 2) {
              graph.push(lenField(INITIALIZER, lenField(TENSOR_NAME, await r.bytes(t.start, t.end - t.start))));
              break;
            }
          }
        }
      }
    } else if (f.end - f.keyStart <= MAX_COPY) {
      top.push(await r.bytes(f.keyStart, f.end - f.keyStart));
    }
  }
  top.push(lenField(GRAPH, Buffer.concat(graph)));
  return Buffer.concat(top);
}
