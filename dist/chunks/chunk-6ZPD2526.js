import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/util/wasm.ts
function uleb(n) {
  const out = [];
  do {
    let b = n & 127;
    n >>>= 7;
    if (n !== 0) b |= 128;
    out.push(b);
  } while (n !== 0);
  return out;
}
function sleb(n) {
  const out = [];
  for (; ; ) {
    const b = n & 127;
    n >>= 7;
    if (n === 0 && (b & 64) === 0 || n === -1 && (b & 64) !== 0) {
      out.push(b);
      return out;
    }
    out.push(b | 128);
  }
}
var I32 = 127;
var I64 = 126;
var F64 = 124;
var get = (l) => [32, l];
var set = (l, v) => [...v, 33, l];
var i32 = (v) => [65, ...sleb(v | 0)];
var i64 = (v) => [66, ...sleb(v)];
var f64 = (v) => [68, ...new Uint8Array(Float64Array.of(v).buffer)];
var op = (code) => (a, b) => [...a, ...b, code];
var unary = (code) => (a) => [...a, code];
var eqz = unary(69);
var eq = op(70);
var ltU = op(73);
var gtU = op(75);
var leU = op(77);
var geU = op(79);
var add = op(106);
var sub = op(107);
var mul = op(108);
var and = op(113);
var or = op(114);
var xor = op(115);
var shl = op(116);
var shrU = op(118);
var rotl = op(119);
var i64ShrU = op(136);
var f64Eq = op(97);
var f64Add = op(160);
var f64Sub = op(161);
var wrapI64 = unary(167);
var reinterpretF64 = unary(189);
var load8 = (at, offset = 0) => [...at, 45, 0, ...uleb(offset)];
var load16 = (at) => [...at, 47, 1, 0];
var load32 = (at, offset = 0) => [...at, 40, 2, ...uleb(offset)];
var store8 = (at, v) => [...at, ...v, 58, 0, 0];
var store32 = (at, v, offset = 0) => [...at, ...v, 54, 2, ...uleb(offset)];
var load64 = (at, offset = 0) => [...at, 41, 3, ...uleb(offset)];
var store64 = (at, v, offset = 0) => [...at, ...v, 55, 3, ...uleb(offset)];
var loadF64 = (at, offset = 0) => [...at, 43, 3, ...uleb(offset)];
var memoryCopy = (to, from, n) => [...to, ...from, ...n, 252, 10, 0, 0];
var block = (...body) => [2, 64, ...body.flat(), 11];
var loop = (...body) => [3, 64, ...body.flat(), 11];
var br = (depth) => [12, depth];
var brIf = (depth, cond) => [...cond, 13, depth];
var when = (cond, then, otherwise) => [
  ...cond,
  4,
  64,
  ...then.flat(),
  ...otherwise ? [5, ...otherwise.flat()] : [],
  11
];
var select32 = (cond, a, b) => [...cond, 4, I32, ...a, 5, ...b, 11];
var ret = (v) => [...v, 15];
var inc = (l, by) => set(l, add(get(l), by));
function section(id, body) {
  return [id, ...uleb(body.length), ...body];
}
var name = (s) => [s.length, ...Array.from(s, (ch) => ch.charCodeAt(0))];
var vector = (items) => [...uleb(items.length), ...items.flat()];
function wasmModule(functions, { importMemory = false } = {}) {
  const types = functions.map((f) => [96, ...vector(f.params.map((t) => [t])), ...vector(f.results.map((t) => [t]))]);
  const bodies = functions.map((f) => {
    const runs = [];
    for (let i = 0; i < f.locals.length; ) {
      let j = i;
      while (j < f.locals.length && f.locals[j] === f.locals[i]) j++;
      runs.push([...uleb(j - i), f.locals[i]]);
      i = j;
    }
    const body = [...vector(runs), ...f.body, 11];
    return [...uleb(body.length), ...body];
  });
  return Uint8Array.from([
    ...[0, 97, 115, 109, 1, 0, 0, 0],
    ...section(1, vector(types)),
    ...importMemory ? section(2, [1, ...name("m"), ...name("memory"), 2, 0, 1]) : [],
    ...section(3, vector(functions.map((_, i) => uleb(i)))),
    ...importMemory ? [] : section(5, [1, 0, 1]),
    // one memory, at least 1 page
    ...section(
      7,
      vector([
        ...importMemory ? [] : [[...name("memory"), 2, 0]],
        ...functions.map((f, i) => [...name(f.name), 0, ...uleb(i)])
      ])
    ),
    ...section(10, vector(bodies))
  ]);
}
function compileWasm(bytes) {
  try {
    return new WebAssembly.Module(bytes);
  } catch {
    return null;
  }
}
function instantiateWasm(module, memoryBytes) {
  try {
    if (memoryBytes === void 0) return new WebAssembly.Instance(module, {}).exports;
    const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(memoryBytes / 65536)) });
    return { ...new WebAssembly.Instance(module, { m: { memory } }).exports, memory };
  } catch {
    return null;
  }
}
function ensureWasmMemory(memory, bytes) {
  const have = memory.buffer.byteLength;
  if (bytes <= have) return true;
  try {
    memory.grow(Math.ceil((bytes - have) / 65536));
    return true;
  } catch {
    return false;
  }
}

export {
  I32,
  I64,
  F64,
  get,
  set,
  i32,
  i64,
  f64,
  eqz,
  eq,
  ltU,
  gtU,
  leU,
  geU,
  add,
  sub,
  mul,
  and,
  or,
  xor,
  shl,
  shrU,
  rotl,
  i64ShrU,
  f64Eq,
  f64Add,
  f64Sub,
  wrapI64,
  reinterpretF64,
  load8,
  load16,
  load32,
  store8,
  store32,
  load64,
  store64,
  loadF64,
  memoryCopy,
  block,
  loop,
  br,
  brIf,
  when,
  select32,
  ret,
  inc,
  wasmModule,
  compileWasm,
  instantiateWasm,
  ensureWasmMemory
};
