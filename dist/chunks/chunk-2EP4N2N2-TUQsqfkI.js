import { createRequire } from 'node:module';

const require$1 = createRequire(import.meta.url);

// src/evaluate/sort.ts
var f32 = new Float32Array(1);
var u32 = new Uint32Array(f32.buffer);
function argsortAscending(values) {
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
function sortFloat32(values) {
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Math.fround(v) !== v && !Number.isNaN(v)) return void 0;
  }
  const { order, keys } = radixSortF32(values);
  const sorted = new Float64Array(n);
  for (let k = 0; k < n; k++) sorted[k] = valueOfKey(keys[k]);
  return { order, sorted };
}
function keyOf(bits) {
  return bits & 2147483648 ? ~bits >>> 0 : (bits | 2147483648) >>> 0;
}
function valueOfKey(key) {
  u32[0] = key & 2147483648 ? key & 2147483647 : ~key >>> 0;
  return f32[0];
}
function startsOf(c, n) {
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
function radixArgsortF32(values) {
  return radixSortF32(values).order;
}
function radixSortF32(values) {
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
    c1[key >>> 11 & 2047]++;
    c2[key >>> 22]++;
  }
  let keys2 = new Uint32Array(n);
  let idx2 = new Uint32Array(n);
  for (let pass = 0; pass < 3; pass++) {
    const shift = pass * 11;
    const c = counts[pass];
    if (startsOf(c, n)) continue;
    for (let i = 0; i < n; i++) {
      const key = keys[i];
      const p = c[key >>> shift & 2047]++;
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
function sortedFloat32Keys(values) {
  const n = values.length;
  let keys = new Uint32Array(n);
  const counts = [new Uint32Array(2048), new Uint32Array(2048), new Uint32Array(2048)];
  const [c0, c1, c2] = counts;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    f32[0] = v;
    if (f32[0] !== v) return void 0;
    const key = keyOf(u32[0]);
    keys[i] = key;
    c0[key & 2047]++;
    c1[key >>> 11 & 2047]++;
    c2[key >>> 22]++;
  }
  let next = new Uint32Array(n);
  for (let pass = 0; pass < 3; pass++) {
    const shift = pass * 11;
    const c = counts[pass];
    if (startsOf(c, n)) continue;
    for (let i = 0; i < n; i++) {
      const key = keys[i];
      next[c[key >>> shift & 2047]++] = key;
    }
    const t = keys;
    keys = next;
    next = t;
  }
  return keys;
}
function sortFloat32Labeled(values, labels) {
  const n = values.length;
  let keys = new Uint32Array(n);
  let lab = new Uint8Array(n);
  const counts = [new Uint32Array(2048), new Uint32Array(2048), new Uint32Array(2048)];
  const [c0, c1, c2] = counts;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    f32[0] = v;
    if (f32[0] !== v && !Number.isNaN(v)) return void 0;
    const key = keyOf(u32[0]);
    keys[i] = key;
    lab[i] = labels[i];
    c0[key & 2047]++;
    c1[key >>> 11 & 2047]++;
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
      const p = c[key >>> shift & 2047]++;
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

export { sortFloat32 as a, argsortAscending as b, sortedFloat32Keys as c, sortFloat32Labeled as s, valueOfKey as v };
