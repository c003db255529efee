/**
 * ONNX external data: a tensor whose bytes live in another file, named by a `location` the model itself chooses.
 * onnxruntime, given a model's bytes, resolves that location against the process's working folder: a model could
 * thus read any file there (a checkout's data, its git configuration) into its weights. modelgate therefore never
 * lets onnxruntime read external data. A model from an untrusted run (a fork's artifact) or without a folder of its
 * own (a baseline read from git) must hold its weights inside the file; a trusted model file's external data is read
 * here, from that file's own folder only, and handed to onnxruntime inside the model's bytes.
 */
import { closeSync, openSync, readSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, join, posix, relative, sep } from "node:path";
import onnxProto from "onnx-proto";
import { CheckFailed } from "../errors.ts";
import { type DecodedModel, readOnnxModel } from "./signature.ts";

const { onnx } = onnxProto;

/** TensorProto.DataLocation.EXTERNAL */
const EXTERNAL = 1;

/** One tensor of a model whose bytes are in another file. */
export interface ExternalRef {
  tensor: string;
  location: string;
  offset: number;
  /** Bytes to read; undefined: to the end of the file. */
  length?: number;
}

type Proto = any;

/** Every TensorProto of a graph and its subgraphs: initializers, sparse initializers, attribute tensors. */
function* tensorsOf(graph: Proto): Generator<Proto> {
  if (!graph) return;
  for (const t of graph.initializer ?? []) yield t;
  for (const s of graph.sparseInitializer ?? []) {
    if (s.values) yield s.values;
    if (s.indices) yield s.indices;
  }
  for (const node of graph.node ?? []) {
    for (const a of node.attribute ?? []) {
      if (a.t) yield a.t;
      for (const t of a.tensors ?? []) yield t;
      if (a.sparseTensor?.values) yield a.sparseTensor.values;
      if (a.sparseTensor?.indices) yield a.sparseTensor.indices;
      if (a.g) yield* tensorsOf(a.g);
      for (const g of a.graphs ?? []) yield* tensorsOf(g);
    }
  }
}

function refOf(t: Proto): ExternalRef {
  const kv = new Map<string, string>((t.externalData ?? []).map((e: Proto) => [String(e.key), String(e.value ?? "")]));
  const length = kv.get("length");
  return {
    tensor: String(t.name ?? "(unnamed)"),
    location: kv.get("location") ?? "",
    offset: Number(kv.get("offset") ?? 0),
    ...(length !== undefined ? { length: Number(length) } : {}),
  };
}

/** The tensors of a decoded model that keep their bytes in external files. */
export function externalDataRefs(model: DecodedModel): ExternalRef[] {
  const out: ExternalRef[] = [];
  for (const t of tensorsOf(model.graph)) if (t.dataLocation === EXTERNAL) out.push(refOf(t));
  return out;
}

function listRefs(refs: ExternalRef[]): string {
  const shown = refs.slice(0, 3).map((r) => `${r.tensor} in "${r.location}"`);
  return `${shown.join(", ")}${refs.length > 3 ? ` and ${refs.length - 3} more` : ""}`;
}

/**
 * Refuses a decoded model that keeps tensors in external files: what onnxruntime is given must be self-contained
 * (see the file's comment). `why` says where the bytes came from.
 */
export function refuseExternalData(model: DecodedModel, file: string, why: string): void {
  const refs = externalDataRefs(model);
  if (refs.length === 0) return;
  throw new CheckFailed(
    `${file}: the model keeps ${refs.length === 1 ? "a tensor" : `${refs.length} tensors`} in external data files (${listRefs(refs)}); ${why}, so its external data is not read: export it with its weights inside the ONNX file`,
  );
}

/** Whether `location` names a file inside the model's folder: relative, without `..`, no drive or root. */
function safeLocation(location: string): boolean {
  if (!location || location.includes("\0") || isAbsolute(location) || /^[A-Za-z]:/.test(location)) return false;
  if (location.startsWith("/") || location.startsWith("\\")) return false;
  return !location.split(/[\\/]+/).some((part) => part === "..");
}

/**
 * The model's bytes with every external tensor read from `dir` (the model file's own folder) into the model, for
 * onnxruntime: a location outside that folder (absolute, with `..`, or through a symlink that leaves it) is refused.
 * The bytes are returned unchanged when the model has no external data (its digest is the file's either way: the
 * caller hashes the file, not these bytes).
 */
export function withExternalData(bytes: Uint8Array, file: string, dir: string | undefined): Uint8Array {
  const { model } = readOnnxModel(bytes, file);
  const tensors = [...tensorsOf(model.graph)].filter((t) => t.dataLocation === EXTERNAL);
  if (tensors.length === 0) return bytes;
  if (dir === undefined) {
    refuseExternalData(model, file, "the file comes from an untrusted run or has no folder of its own");
  }
  const root = realpathSync(dir as string);
  for (const t of tensors) {
    const ref = refOf(t);
    const where = `${file}: tensor ${ref.tensor}'s external data "${ref.location}"`;
    if (!safeLocation(ref.location)) {
      throw new CheckFailed(
        `${where} is not a file inside the model's folder; external data is read only from the model's own folder (a relative path without "..")`,
      );
    }
    const abs = join(root, posix.normalize(ref.location.replace(/\\/g, "/")));
    let real: string;
    try {
      real = realpathSync(abs);
    } catch {
      throw new CheckFailed(`${where} does not exist next to the model; keep the data file beside it`);
    }
    const rel = relative(root, real);
    if (rel.startsWith(`..${sep}`) || rel === ".." || isAbsolute(rel)) {
      throw new CheckFailed(
        `${where} leads outside the model's folder (to ${real}); external data is read only from there`,
      );
    }
    const size = statSync(real).size;
    const length = ref.length ?? size - ref.offset;
    if (!Number.isSafeInteger(ref.offset) || !Number.isSafeInteger(length) || ref.offset < 0 || length < 0) {
      throw new CheckFailed(`${where}: offset ${ref.offset} and length ${ref.length} are not a byte range`);
    }
    if (ref.offset + length > size) {
      throw new CheckFailed(`${where}: bytes ${ref.offset}..${ref.offset + length} are beyond its end (${size} bytes)`);
    }
    const data = Buffer.alloc(length);
    const fd = openSync(real, "r");
    try {
      let read = 0;
      while (read < length) {
        const n = readSync(fd, data, read, length - read, ref.offset + read);
        if (n === 0) break;
        read += n;
      }
    } finally {
      closeSync(fd);
    }
    t.rawData = data;
    t.dataLocation = 0;
    t.externalData = [];
  }
  return onnx.ModelProto.encode(model).finish();
}
