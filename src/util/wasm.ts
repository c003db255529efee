/**
 * A small WebAssembly assembler: modelgate's few kernels (snappy's element loop, the leakage check's row hashing) are
 * written in TypeScript as the instructions WebAssembly text would fold, and assembled into a module here (no binary
 * file, no tool). Each helper returns the bytes of its instruction after those of its operands.
 */

export type Code = number[];

/** Unsigned and signed LEB128. */
export function uleb(n: number): Code {
  const out: Code = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}
export function sleb(n: number): Code {
  const out: Code = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

/** Value types. */
export const I32 = 0x7f;
export const I64 = 0x7e;
export const F64 = 0x7c;

export const get = (l: number): Code => [0x20, l];
export const set = (l: number, v: Code): Code => [...v, 0x21, l];
/** An i32 constant (from a 32-bit pattern: 0xcc9e2d51 is the same word as its signed value). */
export const i32 = (v: number): Code => [0x41, ...sleb(v | 0)];
export const i64 = (v: number): Code => [0x42, ...sleb(v)];
export const f64 = (v: number): Code => [0x44, ...new Uint8Array(Float64Array.of(v).buffer)];

const op =
  (code: number) =>
  (a: Code, b: Code): Code => [...a, ...b, code];
const unary =
  (code: number) =>
  (a: Code): Code => [...a, code];

export const eqz = unary(0x45);
export const eq = op(0x46);
export const ltU = op(0x49);
export const gtU = op(0x4b);
export const leU = op(0x4d);
export const geU = op(0x4f);
export const add = op(0x6a);
export const sub = op(0x6b);
export const mul = op(0x6c);
export const and = op(0x71);
export const or = op(0x72);
export const xor = op(0x73);
export const shl = op(0x74);
export const shrU = op(0x76);
export const rotl = op(0x77);
export const i64ShrU = op(0x88);
export const f64Eq = op(0x61);
export const f64Add = op(0xa0);
export const f64Sub = op(0xa1);
export const wrapI64 = unary(0xa7);
export const reinterpretF64 = unary(0xbd);

// memory access: the natural alignment, then the offset
export const load8 = (at: Code, offset = 0): Code => [...at, 0x2d, 0, ...uleb(offset)];
export const load16 = (at: Code): Code => [...at, 0x2f, 1, 0];
export const load32 = (at: Code, offset = 0): Code => [...at, 0x28, 2, ...uleb(offset)];
export const store8 = (at: Code, v: Code): Code => [...at, ...v, 0x3a, 0, 0];
export const store32 = (at: Code, v: Code, offset = 0): Code => [...at, ...v, 0x36, 2, ...uleb(offset)];
export const load64 = (at: Code, offset = 0): Code => [...at, 0x29, 3, ...uleb(offset)];
export const store64 = (at: Code, v: Code, offset = 0): Code => [...at, ...v, 0x37, 3, ...uleb(offset)];
export const loadF64 = (at: Code, offset = 0): Code => [...at, 0x2b, 3, ...uleb(offset)];
export const memoryCopy = (to: Code, from: Code, n: Code): Code => [...to, ...from, ...n, 0xfc, 10, 0, 0];

// control: br and br_if take the depth of the block they leave (0: the innermost)
export const block = (...body: Code[]): Code => [0x02, 0x40, ...body.flat(), 0x0b];
export const loop = (...body: Code[]): Code => [0x03, 0x40, ...body.flat(), 0x0b];
export const br = (depth: number): Code => [0x0c, depth];
export const brIf = (depth: number, cond: Code): Code => [...cond, 0x0d, depth];
export const when = (cond: Code, then: Code[], otherwise?: Code[]): Code => [
  ...cond,
  0x04,
  0x40,
  ...then.flat(),
  ...(otherwise ? [0x05, ...otherwise.flat()] : []),
  0x0b,
];
/** (if (result i32) cond a b) */
export const select32 = (cond: Code, a: Code, b: Code): Code => [...cond, 0x04, I32, ...a, 0x05, ...b, 0x0b];
export const ret = (v: Code): Code => [...v, 0x0f];
export const inc = (l: number, by: Code): Code => set(l, add(get(l), by));

/** A function of the module: its parameters and results, the types of its locals after them, and its body. */
export interface WasmFunction {
  name: string;
  params: number[];
  results: number[];
  locals: number[];
  body: Code;
}

function section(id: number, body: Code): Code {
  return [id, ...uleb(body.length), ...body];
}
const name = (s: string): Code => [s.length, ...Array.from(s, (ch) => ch.charCodeAt(0))];
const vector = (items: Code[]): Code => [...uleb(items.length), ...items.flat()];

/**
 * The bytes of a module: the functions, exported by name, and one memory: its own (exported as "memory", 1 page to
 * start), or with `importMemory` one given at instantiation (as "m" "memory": instantiateWasm's `memory`).
 *
 * A memory that grows detaches its buffer, and the first ArrayBuffer detached in a thread makes V8 check for detached
 * buffers in all the typed-array code it optimizes afterwards (its "array buffer detaching" protector), and throw
 * away the code optimized before: validate's CSV parsing and column scans took 20-40 ms longer after one growth. A
 * kernel used in the main thread imports a memory made large enough, and is instantiated again with a larger one.
 */
export function wasmModule(functions: WasmFunction[], { importMemory = false } = {}): Uint8Array {
  const types = functions.map((f) => [0x60, ...vector(f.params.map((t) => [t])), ...vector(f.results.map((t) => [t]))]);
  const bodies = functions.map((f) => {
    // the locals as runs of one type
    const runs: Code[] = [];
    for (let i = 0; i < f.locals.length; ) {
      let j = i;
      while (j < f.locals.length && f.locals[j] === f.locals[i]) j++;
      runs.push([...uleb(j - i), f.locals[i]]);
      i = j;
    }
    const body = [...vector(runs), ...f.body, 0x0b];
    return [...uleb(body.length), ...body];
  });
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector(types)),
    ...(importMemory ? section(2, [1, ...name("m"), ...name("memory"), 2, 0, 1]) : []),
    ...section(3, vector(functions.map((_, i) => uleb(i)))),
    ...(importMemory ? [] : section(5, [1, 0, 1])), // one memory, at least 1 page
    ...section(
      7,
      vector([
        ...(importMemory ? [] : [[...name("memory"), 2, 0]]),
        ...functions.map((f, i) => [...name(f.name), 0, ...uleb(i)]),
      ]),
    ),
    ...section(10, vector(bodies)),
  ]);
}

// the little of the WebAssembly API used here (the project's TypeScript libraries do not declare it)
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
};
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** A compiled module (compile once, then instantiate), or null where WebAssembly does not run (e.g. node --jitless). */
export function compileWasm(bytes: Uint8Array): object | null {
  try {
    return new WebAssembly.Module(bytes);
  } catch {
    return null;
  }
}

/**
 * A new instance of a compiled module: its exports, or null if it cannot be had. Its own memory, or for a module that
 * imports one (wasmModule's `importMemory`) a new memory of at least `memoryBytes`, as the export "memory".
 */
export function instantiateWasm(module: object, memoryBytes?: number): Record<string, unknown> | null {
  try {
    if (memoryBytes === undefined) return new WebAssembly.Instance(module, {}).exports;
    const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(memoryBytes / 65536)) });
    return { ...new WebAssembly.Instance(module, { m: { memory } }).exports, memory };
  } catch {
    return null;
  }
}

/** Grows `memory` to at least `bytes`; false if it cannot. Views of it made before a growth are detached. */
export function ensureWasmMemory(memory: WasmMemory, bytes: number): boolean {
  const have = memory.buffer.byteLength;
  if (bytes <= have) return true;
  try {
    memory.grow(Math.ceil((bytes - have) / 65536));
    return true;
  } catch {
    return false;
  }
}
