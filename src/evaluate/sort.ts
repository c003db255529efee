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
 * LSD radix sort (3 passes of 11 bits) of float32-representable values by their IEEE bits, mapped so that unsigned
 * order is numeric order. O(n) and stable: what makes sorting 10M scores cheap.
 */
function radixArgsortF32(values: Float64Array): Uint32Array {
  const n = values.length;
  const keys = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    f32[0] = values[i];
    const b = u32[0];
    keys[i] = b & 0x80000000 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
  }
  let idx = new Uint32Array(n);
  let tmp = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const counts = new Uint32Array(2048);
  for (let shift = 0; shift < 32; shift += 11) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & 2047]++;
    let sum = 0;
    for (let d = 0; d < 2048; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const j = idx[i];
      tmp[counts[(keys[j] >>> shift) & 2047]++] = j;
    }
    const t = idx;
    idx = tmp;
    tmp = t;
  }
  return idx;
}
