/**
 * The leakage check's row hashing (scan.ts's RowLanes) of number cells, and the final mixing of each row's two lanes,
 * in WebAssembly: the same words through the same murmur3 steps, at the speed of compiled code from the first row.
 * validate reads a few small files once, so RowLanes' JavaScript loops ran mostly before V8 had optimized them: 8-12
 * ms of validate's start on the bundled example went to hashing its 15,000 rows' numbers, 1-3 ms now (the module's
 * compile and instantiation included, about 2 ms): validate 221.8 against 225.8 ms in 61 rounds in turns. RowLanes
 * keeps its JavaScript for cells that are not finite numbers, and for all of it where WebAssembly does not run.
 *
 * Memory (imported: laneKernel): the lanes A and B (an i32 per row each) and the column's numbers (an f64 per row),
 * placed by the caller.
 */
import {
  add,
  block,
  br,
  brIf,
  type Code,
  compileWasm,
  F64,
  f64,
  f64Add,
  f64Eq,
  f64Sub,
  geU,
  get,
  I32,
  I64,
  i32,
  i64,
  i64ShrU,
  inc,
  instantiateWasm,
  load32,
  loadF64,
  loop,
  mul,
  reinterpretF64,
  rotl,
  set,
  shl,
  shrU,
  store32,
  type WasmMemory,
  wasmModule,
  when,
  wrapI64,
  xor,
} from "../util/wasm.ts";

/** The tag word a number's two words follow (scan.ts TAG_NUMBER). */
const TAG_NUMBER = 0x4e;

// numbers(a, b, x, n): parameters, then locals
const A = 0;
const B = 1;
const X = 2;
const N = 3;
const R = 4;
const HA = 5;
const HB = 6;
const K = 7;
const W = 8;
const BAD = 9;
const V = 10;
const BITS = 11;

/** Mixes the word `w` into HA and HB, as RowLanes.mix (murmur3's steps, two seeds and word scrambles). */
const mixWord = (w: Code): Code => [
  ...set(W, w),
  ...set(K, rotl(mul(get(W), i32(0xcc9e2d51)), i32(15))),
  ...set(HA, add(mul(rotl(xor(get(HA), mul(get(K), i32(0x1b873593))), i32(13)), i32(5)), i32(0xe6546b64))),
  ...set(K, rotl(mul(xor(get(W), i32(0x9e3779b9)), i32(0x85ebca77)), i32(17))),
  ...set(HB, add(mul(rotl(xor(get(HB), mul(get(K), i32(0xc2b2ae3d))), i32(11)), i32(9)), i32(0x165667b1))),
];

const at = (base: number, shift: number): Code => add(get(base), shl(get(R), i32(shift)));

/**
 * Each row r < n whose x[r] is finite: TAG_NUMBER and the number's 8 bytes (-0 as 0) into its lanes; answers how many
 * were not.
 */
const numbersBody: Code = [
  ...block(
    loop(
      brIf(1, geU(get(R), get(N))),
      set(V, loadF64(at(X, 3))),
      when(
        f64Eq(f64Sub(get(V), get(V)), f64(0)),
        [
          set(BITS, reinterpretF64(f64Add(get(V), f64(0)))),
          set(HA, load32(at(A, 2))),
          set(HB, load32(at(B, 2))),
          mixWord(i32(TAG_NUMBER)),
          mixWord(wrapI64(get(BITS))),
          mixWord(wrapI64(i64ShrU(get(BITS), i64(32)))),
          store32(at(A, 2), get(HA)),
          store32(at(B, 2), get(HB)),
        ],
        [inc(BAD, i32(1))],
      ),
      inc(R, i32(1)),
      br(0),
    ),
  ),
  ...get(BAD),
];

// fmix(p, n): parameters, then locals
const P = 0;
const FN = 1;
const FR = 2;
const H = 3;
const fmixAt = (): Code => add(get(P), shl(get(FR), i32(2)));

/** murmur3's fmix of each of the n words at p, in place (RowLanes.finish, before a row's lanes become its hash). */
const fmixBody: Code = block(
  loop(
    brIf(1, geU(get(FR), get(FN))),
    set(H, load32(fmixAt())),
    set(H, xor(get(H), shrU(get(H), i32(16)))),
    set(H, mul(get(H), i32(0x85ebca6b))),
    set(H, xor(get(H), shrU(get(H), i32(13)))),
    set(H, mul(get(H), i32(0xc2b2ae35))),
    set(H, xor(get(H), shrU(get(H), i32(16)))),
    store32(fmixAt(), get(H)),
    inc(FR, i32(1)),
    br(0),
  ),
);

function moduleBytes(): Uint8Array {
  return wasmModule(
    [
      {
        name: "numbers",
        params: [I32, I32, I32, I32],
        results: [I32],
        locals: [I32, I32, I32, I32, I32, I32, F64, I64],
        body: numbersBody,
      },
      { name: "fmix", params: [I32, I32], results: [], locals: [I32, I32], body: fmixBody },
    ],
    { importMemory: true },
  );
}

/** The kernel's instance in this thread: its memory, and the two functions. */
export interface LaneKernel {
  memory: WasmMemory;
  numbers: (a: number, b: number, x: number, n: number) => number;
  fmix: (p: number, n: number) => void;
}

let compiled: object | null | undefined;
let kernel: LaneKernel | undefined;

/**
 * This thread's kernel with a memory of at least `bytes` (used by one RowLanes batch at a time), or null where
 * WebAssembly does not run. Its memory never grows (wasmModule says why): a larger need gets a new instance, with
 * a new memory twice as large at least.
 */
export function laneKernel(bytes: number): LaneKernel | null {
  if (kernel && kernel.memory.buffer.byteLength >= bytes) return kernel;
  if (compiled === undefined) compiled = compileWasm(moduleBytes());
  // room for a batch of 8,192 rows (read.ts's default) from the start
  const room = Math.max(bytes, 2 * (kernel?.memory.buffer.byteLength ?? 0), 8192 * 16);
  const exports = compiled && instantiateWasm(compiled, room);
  if (!exports) return null;
  kernel = {
    memory: exports.memory as WasmMemory,
    numbers: exports.numbers as LaneKernel["numbers"],
    fmix: exports.fmix as LaneKernel["fmix"],
  };
  return kernel;
}
