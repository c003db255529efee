/**
 * Orders for metrics that need sorted values (ROC/PR curves, medians). Sorting happens once per model; every
 * bootstrap resample then walks the same order with its own weights.
 */

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The indices 0..n-1 ordered by ascending value (stable). NaN sorts last. */
export function argsortAscending(values: Float64Array): Uint32Array {
  const n = values.length;
  let exactF32 = true;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Math.fround(v) !== v && !Number.isNaN(v)) {
      exactF32 = false;
      break;
    }
  }
  if (exactF32) return radixArgsortF32(values);
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const sorted = Array.from(idx).sort((a, b) => {
    const va = values[a];
    const vb = values[b];
    if (va < vb) return -1;
    if (va > vb) return 1;
    if (Number.isNaN(va) !== Number.isNaN(vb)) return Number.isNaN(va) ? 1 : -1;
    return a - b;
  });
  return Uint32Array.from(sorted);
}

/**
 * The ascending order of `values` and the values in that order, when every value is float32-representable (as a
 * model's float32 scores are): the order argsortAscending gives, and the sorted values read back from the sort's keys
 * rather than gathered row by row. Undefined for other values.
 */
export function sortFloat32(values: Float64Array): { order: Uint32Array; sorted: Float64Array } | undefined {
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Math.fround(v) !== v && !Number.isNaN(v)) return undefined;
  }
  const { order, keys } = radixSortF32(values);
  const sorted = new Float64Array(n);
  for (let k = 0; k < n; k++) sorted[k] = valueOfKey(keys[k]);
  return { order, sorted };
}

/** A float32's bits mapped so that unsigned order is numeric order (the radix sort's key). */
function keyOf(bits: number): number {
  return bits & 0x80000000 ? ~bits >>> 0 : (bits | 0x80000000) >>> 0;
}

/** The float32 value of a radix-sort key (keyOf's inverse). */
export function valueOfKey(key: number): number {
  u32[0] = key & 0x80000000 ? key & 0x7fffffff : ~key >>> 0;
  return f32[0];
}

/** Turns a digit's counts into its start positions; true when one digit holds every key (the pass moves nothing). */
function startsOf(c: Uint32Array, n: number): boolean {
  let sum = 0;
  let trivial = false;
  for (let d = 0; d < 2048; d++) {
    const x = c[d];
    if (x === n) trivial = true;
    c[d] = sum;
    sum += x;
  }
  return trivial;
}

function radixArgsortF32(values: Float64Array): Uint32Array {
  return radixSortF32(values).order;
}

/**
 * LSD radix sort (3 passes of 11 bits) of float32-representable values by their IEEE bits, mapped so that unsigned
 * order is numeric order. O(n) and stable: what makes sorting 10M scores cheap. The three digits' counts are taken in
 * one pass; each pass moves a key with its index (sequential reads), and a pass whose digit is the same for every
 * value moves nothing. Returns the order and the keys in it.
 */
function radixSortF32(values: Float64Array): { order: Uint32Array; keys: Uint32Array } {
  const n = values.length;
  let keys = new Uint32Array(n);
  let idx = new Uint32Array(n);
  const counts = [new Uint32Array(2048), new Uint32Array(2048), new Uint32Array(2048)];
  const c0 = counts[0];
  const c1 = counts[1];
  const c2 = counts[2];
  for (let i = 0; i < n; i++) {
    f32[0] = values[i];
    const key = keyOf(u32[0]);
    keys[i] = key;
    idx[i] = i;
    c0[key & 2047]++;
    c1[(key >>> 11) & 2047]++;
    c2[key >>> 22]++;
  }
  let keys2 = new Uint32Array(n);
  let idx2 = new Uint32Array(n);
  for (let pass = 0; pass < 3; pass++) {
    const shift = pass * 11;
    const c = counts[pass];
    if (startsOf(c, n)) continue; // every key has this digit: the order stays
    for (let i = 0; i < n; i++) {
      const key = keys[i];
      const p = c[(key >>> shift) & 2047]++;
      keys2[p] = key;
      idx2[p] = idx[i];
    }
    const tk = keys;
    keys = keys2;
    keys2 = tk;
    const ti = idx;
    idx = idx2;
    idx2 = ti;
  }
  return { order: idx, keys };
}

/**
 * The keys of float32 values in ascending order (the same sort without the rows' indices: half the moves and memory;
 * valueOfKey reads a value back); undefined unless every value is a float32.
 */
export function sortedFloat32Keys(values: Float64Array): Uint32Array | undefined {
  const n = values.length;
  let keys = new Uint32Array(n);
  const counts = [new Uint32Array(2048), new Uint32Array(2048), new Uint32Array(2048)];
  const [c0, c1, c2] = counts;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    f32[0] = v;
    if (f32[0] !== v) return undefined;
    const key = keyOf(u32[0]);
    keys[i] = key;
    c0[key & 2047]++;
    c1[(key >>> 11) & 2047]++;
    c2[key >>> 22]++;
  }
  let next = new Uint32Array(n);
  for (let pass = 0; pass < 3; pass++) {
    const shift = pass * 11;
    const c = counts[pass];
    if (startsOf(c, n)) continue;
    for (let i = 0; i < n; i++) {
      const key = keys[i];
      next[c[(key >>> shift) & 2047]++] = key;
    }
    const t = keys;
    keys = next;
    next = t;
  }
  return keys;
}

// radixSortF32, sortedFloat32Keys and sortFloat32Labeled are the same radix sort with a different payload moved with
// each key (a row index, nothing, a label byte): one loop per payload type on purpose, as fill32/fill64 in
// parquet-batch.ts, since one loop over a union of array types is polymorphic in the hot path.

/**
 * The keys of float32-representable values (NaN allowed, as sortFloat32 allows it) in ascending order, with each
 * value's label moved along: `labels[k]` is the label of the value whose key is `keys[k]`, the same stable order as
 * sortFloat32's (labels of equal keys stay in row order). A byte moves with each key instead of its row's index, and
 * no row is gathered afterwards: for metrics that need the labels in score order but not the rows' order. Undefined
 * for other values.
 */
export function sortFloat32Labeled(
  values: Float64Array,
  labels: Uint8Array,
): { keys: Uint32Array; labels: Uint8Array } | undefined {
  const n = values.length;
  let keys = new Uint32Array(n);
  let lab = new Uint8Array(n);
  const counts = [new Uint32Array(2048), new Uint32Array(2048), new Uint32Array(2048)];
  const [c0, c1, c2] = counts;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    f32[0] = v;
    if (f32[0] !== v && !Number.isNaN(v)) return undefined;
    const key = keyOf(u32[0]);
    keys[i] = key;
    lab[i] = labels[i];
    c0[key & 2047]++;
    c1[(key >>> 11) & 2047]++;
    c2[key >>> 22]++;
  }
  let keys2 = new Uint32Array(n);
  let lab2 = new Uint8Array(n);
  for (let pass = 0; pass < 3; pass++) {
    const shift = pass * 11;
    const c = counts[pass];
    if (startsOf(c, n)) continue;
    for (let i = 0; i < n; i++) {
      const key = keys[i];
      const p = c[(key >>> shift) & 2047]++;
      keys2[p] = key;
      lab2[p] = lab[i];
    }
    const tk = keys;
    keys = keys2;
    keys2 = tk;
    const tl = lab;
    lab = lab2;
    lab2 = tl;
  }
  return { keys, labels: lab };
}
