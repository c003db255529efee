/**
 * A numeric column counted into a reference's bins with WebAssembly SIMD, two values at a time: for each edge, how
 * many values are above it (`f64x2.gt`, the same IEEE comparison as the walk's `v > e`), and how many are finite and
 * +Infinity. With ascending edges a value's bin (./window.ts: the walk `while (j < k && v > e[j]) j++`) is the number
 * of edges below it, so a bin's count is the difference of two neighbouring edges' counts — the same integers as
 * binning value by value, with no lookup and no branch per value. NaN and ±Infinity are nulls, as the walk's caller
 * counts them. Used where the runtime has WebAssembly SIMD (Node 20 has); `binCounter()` is undefined otherwise and
 * the caller bins in JavaScript. Pure.
 */

/** Values per call: the memory holds this many after the edges and the counts. */
const CHUNK = 8192;
/** At most this many edges (the profiles' deciles: 9). */
export const SIMD_MAX_EDGES = 16;
const EDGES_AT = 0;
const OUT_AT = 512;
const VALUES_AT = 1024;

/**
 * The module for k edges, its code spelled out: `count(n)` over n (even) values at VALUES_AT, two at a time, with
 * each edge and each edge's count in a local: out[i] = values above edge i, then the finite values, then +Infinity.
 */
function moduleBytes(k: number): Uint8Array {
  const SIMD = 0xfd;
  const leb = (n: number): number[] => {
    const out: number[] = [];
    do {
      let b = n & 0x7f;
      n >>>= 7;
      if (n) b |= 0x80;
      out.push(b);
    } while (n);
    return out;
  };
  // locals: n (the parameter), p, end (i32); inf, x, fin, pos, then each edge and each edge's count (v128)
  const [N, P, END, INF, X, FIN, POS] = [0, 1, 2, 3, 4, 5, 6];
  const edge = (i: number) => 7 + i;
  const acc = (i: number) => 7 + k + i;
  const get = (l: number) => [0x20, ...leb(l)];
  const set = (l: number) => [0x21, ...leb(l)];
  const i32 = (v: number) => [0x41, ...leb(v)]; // small non-negative constants only
  const f64x2 = { splat: [SIMD, 0x14], eq: [SIMD, 0x47], lt: [SIMD, 0x49], gt: [SIMD, 0x4a], abs: [SIMD, 0xec, 0x01] };
  const i64x2 = { sub: [SIMD, 0xd1, 0x01], lane: (l: number) => [SIMD, 0x1d, l] };
  /** out[slot] = the two lanes' sum of a v128 local (i64.store, align 8). */
  const storeSum = (v: number, slot: number) => [
    ...i32(0),
    ...get(v),
    ...i64x2.lane(0),
    ...get(v),
    ...i64x2.lane(1),
    0x7c, // i64.add
    0x37,
    3,
    ...leb(OUT_AT + 8 * slot),
  ];
  /** acc = acc - mask (a lane's mask is -1 where the comparison holds): one more where it does. */
  const countInto = (a: number, compare: number[]) => [...get(a), ...compare, ...i64x2.sub, ...set(a)];
  const code = [
    // end = VALUES_AT + 8 n
    ...get(N),
    ...i32(3),
    0x74, // i32.shl
    ...i32(VALUES_AT),
    0x6a, // i32.add
    ...set(END),
    0x44,
    ...new Uint8Array(Float64Array.of(Number.POSITIVE_INFINITY).buffer), // f64.const Infinity
    ...f64x2.splat,
    ...set(INF),
    ...Array.from({ length: k }, (_, i) => [
      ...i32(0),
      0x2b,
      3,
      ...leb(EDGES_AT + 8 * i), // f64.load edges[i]
      ...f64x2.splat,
      ...set(edge(i)),
    ]).flat(),
    ...i32(VALUES_AT),
    ...set(P),
    0x02,
    0x40, // block
    0x03,
    0x40, // loop
    ...get(P),
    ...get(END),
    0x4f, // i32.ge_u
    0x0d,
    1, // br_if out of the block
    ...get(P),
    SIMD,
    0x00,
    4,
    0, // v128.load, align 16
    ...set(X),
    ...Array.from({ length: k }, (_, i) => countInto(acc(i), [...get(X), ...get(edge(i)), ...f64x2.gt])).flat(),
    // finite: |x| < Infinity (NaN compares false); +Infinity: x == Infinity
    ...countInto(FIN, [...get(X), ...f64x2.abs, ...get(INF), ...f64x2.lt]),
    ...countInto(POS, [...get(X), ...get(INF), ...f64x2.eq]),
    ...get(P),
    ...i32(16),
    0x6a,
    ...set(P),
    0x0c,
    0, // br to the loop
    0x0b,
    0x0b,
    ...Array.from({ length: k }, (_, i) => storeSum(acc(i), i)).flat(),
    ...storeSum(FIN, SIMD_MAX_EDGES),
    ...storeSum(POS, SIMD_MAX_EDGES + 1),
    0x0b, // end of the function
  ];
  // the locals after the parameter: 2 i32, then 4 + 2k v128 (a v128 local starts at zero)
  const body = [2, 2, 0x7f, ...leb(4 + 2 * k), 0x7b, ...code];
  const section = (id: number, bytes: number[]) => [id, ...leb(bytes.length), ...bytes];
  const name = (s: string) => [s.length, ...Buffer.from(s, "ascii")];
  return Uint8Array.from([
    0x00,
    0x61,
    0x73,
    0x6d,
    1,
    0,
    0,
    0,
    ...section(1, [1, 0x60, 1, 0x7f, 0]), // type 0: (i32) -> ()
    ...section(3, [1, 0]), // function 0 of type 0
    ...section(5, [1, 0, 2]), // one memory of 2 pages
    ...section(7, [2, ...name("count"), 0, 0, ...name("mem"), 2, 0]),
    ...section(10, [1, ...leb(body.length), ...body]),
  ]);
}

/** Counts of one column's values: `counts[j]` += values in bin j (edges.length + 1 bins); returns the nulls. */
export type BinCounter = (xs: Float64Array, n: number, edges: Float64Array, counts: Float64Array) => number;

/** One module per number of edges (the columns of a window share theirs: deciles have 9), made once per thread. */
const made = new Map<number, ((xs: Float64Array, n: number, edges: Float64Array) => Counts) | null>();

interface Counts {
  /** Values above each edge. */
  above: Float64Array;
  finite: number;
}

/**
 * The SIMD counter, or undefined where WebAssembly SIMD is not there. Edges must be finite and ascending (the
 * caller checks), at most SIMD_MAX_EDGES of them.
 */
export function binCounter(): BinCounter | undefined {
  if (!kernel(1)) return undefined;
  return (xs, n, edges, counts) => {
    const k = edges.length;
    if (k === 0 || k > SIMD_MAX_EDGES) throw new Error(`binCounter: ${k} edges, 1 to ${SIMD_MAX_EDGES}`);
    const { above, finite } = kernel(k)!(xs, n, edges);
    counts[0] += finite - above[0];
    for (let j = 1; j < k; j++) counts[j] += above[j - 1] - above[j];
    counts[k] += above[k - 1];
    return n - finite;
  };
}

function kernel(k: number) {
  let f = made.get(k);
  if (f === undefined) {
    f = makeKernel(k);
    made.set(k, f);
  }
  return f ?? undefined;
}

/** The few WebAssembly APIs used here (the project's lib, ES2023, does not declare them; Node has them). */
interface Wasm {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}

function makeKernel(k: number): ((xs: Float64Array, n: number, edges: Float64Array) => Counts) | null {
  const wasm = (globalThis as { WebAssembly?: Wasm }).WebAssembly;
  if (!wasm) return null;
  let instance: InstanceType<Wasm["Instance"]>;
  try {
    const bytes = moduleBytes(k);
    if (!wasm.validate(bytes)) return null;
    instance = new wasm.Instance(new wasm.Module(bytes));
  } catch {
    return null;
  }
  const count = instance.exports.count as (n: number) => void;
  const buffer = (instance.exports.mem as { buffer: ArrayBuffer }).buffer;
  const values = new Float64Array(buffer, VALUES_AT, CHUNK + 1);
  const edgeMem = new Float64Array(buffer, EDGES_AT, SIMD_MAX_EDGES);
  const out = new BigInt64Array(buffer, OUT_AT, SIMD_MAX_EDGES + 2);
  const above = new Float64Array(k);
  return (xs, n, edges) => {
    edgeMem.set(edges);
    above.fill(0);
    let finite = 0;
    for (let from = 0; from < n; from += CHUNK) {
      const m = Math.min(CHUNK, n - from);
      values.set(xs.subarray(from, from + m));
      // an odd count: a NaN after the last value is above no edge, not finite, not +Infinity
      if (m % 2) values[m] = Number.NaN;
      count(m + (m % 2));
      const plusInf = Number(out[SIMD_MAX_EDGES + 1]);
      finite += Number(out[SIMD_MAX_EDGES]);
      // +Infinity is above every (finite) edge, and a null
      for (let i = 0; i < k; i++) above[i] += Number(out[i]) - plusInf;
    }
    return { above, finite };
  };
}
