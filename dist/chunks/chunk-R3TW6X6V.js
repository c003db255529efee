import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  F64,
  I32,
  I64,
  add,
  block,
  br,
  brIf,
  compileWasm,
  f64,
  f64Add,
  f64Eq,
  f64Sub,
  geU,
  get,
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
  wasmModule,
  when,
  wrapI64,
  xor
} from "./chunk-6ZPD2526.js";
import {
  Reservoir
} from "./chunk-QT2EU3SI.js";
import {
  typedValue
} from "./chunk-OL25SVDW.js";
import {
  formatOf,
  readBatches,
  readColumns
} from "./chunk-7B77QO44.js";
import {
  cellToString,
  parseNumberText
} from "./chunk-6UXFBPQ7.js";
import {
  contentName,
  parseLocation
} from "./chunk-A6WGSW5D.js";

// src/data/scan.ts
import { stat } from "node:fs/promises";
import { resolve } from "node:path";

// src/data/row-lanes-wasm.ts
var TAG_NUMBER = 78;
var A = 0;
var B = 1;
var X = 2;
var N = 3;
var R = 4;
var HA = 5;
var HB = 6;
var K = 7;
var W = 8;
var BAD = 9;
var V = 10;
var BITS = 11;
var mixWord = (w) => [
  ...set(W, w),
  ...set(K, rotl(mul(get(W), i32(3432918353)), i32(15))),
  ...set(HA, add(mul(rotl(xor(get(HA), mul(get(K), i32(461845907))), i32(13)), i32(5)), i32(3864292196))),
  ...set(K, rotl(mul(xor(get(W), i32(2654435769)), i32(2246822519)), i32(17))),
  ...set(HB, add(mul(rotl(xor(get(HB), mul(get(K), i32(3266489917))), i32(11)), i32(9)), i32(374761393)))
];
var at = (base, shift) => add(get(base), shl(get(R), i32(shift)));
var numbersBody = [
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
          store32(at(B, 2), get(HB))
        ],
        [inc(BAD, i32(1))]
      ),
      inc(R, i32(1)),
      br(0)
    )
  ),
  ...get(BAD)
];
var P = 0;
var FN = 1;
var FR = 2;
var H = 3;
var fmixAt = () => add(get(P), shl(get(FR), i32(2)));
var fmixBody = block(
  loop(
    brIf(1, geU(get(FR), get(FN))),
    set(H, load32(fmixAt())),
    set(H, xor(get(H), shrU(get(H), i32(16)))),
    set(H, mul(get(H), i32(2246822507))),
    set(H, xor(get(H), shrU(get(H), i32(13)))),
    set(H, mul(get(H), i32(3266489909))),
    set(H, xor(get(H), shrU(get(H), i32(16)))),
    store32(fmixAt(), get(H)),
    inc(FR, i32(1)),
    br(0)
  )
);
function moduleBytes() {
  return wasmModule(
    [
      {
        name: "numbers",
        params: [I32, I32, I32, I32],
        results: [I32],
        locals: [I32, I32, I32, I32, I32, I32, F64, I64],
        body: numbersBody
      },
      { name: "fmix", params: [I32, I32], results: [], locals: [I32, I32], body: fmixBody }
    ],
    { importMemory: true }
  );
}
var compiled;
var kernel;
function laneKernel(bytes) {
  if (kernel && kernel.memory.buffer.byteLength >= bytes) return kernel;
  if (compiled === void 0) compiled = compileWasm(moduleBytes());
  const room = Math.max(bytes, 2 * (kernel?.memory.buffer.byteLength ?? 0), 8192 * 16);
  const exports = compiled && instantiateWasm(compiled, room);
  if (!exports) return null;
  kernel = {
    memory: exports.memory,
    numbers: exports.numbers,
    fmix: exports.fmix
  };
  return kernel;
}

// src/data/row-hashes.ts
function slotsFor(count) {
  let n = 16;
  while (n < count * 2) n *= 2;
  return n;
}
function newRowHashes(capacity = 0) {
  const n = slotsFor(capacity);
  return { size: 0, hi: new Int32Array(n), lo: new Int32Array(n), used: new Uint8Array(n) };
}
function slotOf(set2, hi, lo) {
  const { hi: his, lo: los, used } = set2;
  const mask = used.length - 1;
  let i = lo & mask;
  while (used[i] === 1 && (his[i] !== hi || los[i] !== lo)) i = i + 1 & mask;
  return i;
}
function reserveRowHashes(set2, more) {
  if ((set2.size + more) * 2 <= set2.used.length) return;
  const old = { ...set2 };
  const n = slotsFor(2 * (set2.size + more));
  set2.hi = new Int32Array(n);
  set2.lo = new Int32Array(n);
  set2.used = new Uint8Array(n);
  for (let i = 0; i < old.used.length; i++) {
    if (old.used[i] === 0) continue;
    const j = slotOf(set2, old.hi[i], old.lo[i]);
    set2.used[j] = 1;
    set2.hi[j] = old.hi[i];
    set2.lo[j] = old.lo[i];
  }
}
function hasRowHash(set2, hi, lo) {
  return set2.used[slotOf(set2, hi | 0, lo | 0)] === 1;
}
function sharedRowHashes(a, b) {
  let shared = 0;
  for (let i = 0; i < a.used.length; i++) if (a.used[i] === 1 && hasRowHash(b, a.hi[i], a.lo[i])) shared++;
  return shared;
}

// src/data/scan.ts
var DISTINCT_CAP = 1e3;
function note(p, row, example, line) {
  const out = p ?? { count: 0, firstRow: row, ...line ? { firstLine: line } : {}, examples: [] };
  out.count++;
  if (out.examples.length < 3 && !out.examples.includes(example)) out.examples.push(example);
  return out;
}
function fanOut(counters) {
  return {
    addNumber: (name, v) => {
      for (const k of counters) k.addNumber(name, v);
    },
    addNumbers: (name, values, n) => {
      for (const k of counters) k.addNumbers(name, values, n);
    },
    addValue: (name, v) => {
      for (const k of counters) k.addValue(name, v);
    }
  };
}
function noteAt(p, b, r, example) {
  return note(p, b.offset + r + 1, example, b.lines?.[r]);
}
function keyOf(v, cell) {
  if (typeof v !== "number" || Number.isSafeInteger(v) || !Number.isInteger(v)) return String(v);
  if (typeof cell === "bigint") return cell.toString();
  if (typeof cell === "string") {
    const m = /^\s*([+-]?\d+)(?:\.0*)?\s*$/.exec(cell);
    if (m) return BigInt(m[1]).toString();
  }
  return String(v);
}
function cellAt(b, c, r, bad) {
  const nums = b.numeric?.[c];
  if (!nums) return b.data[c][r];
  const v = nums[r];
  if (!Number.isNaN(v)) return v;
  return bad[c]?.get(r) ?? null;
}
var kept = /* @__PURE__ */ new Map();
var KEPT_MAX = 32;
var keptHits = 0;
var keeping = false;
function keepScans(on = true) {
  const was = keeping;
  keeping = on;
  if (!on) kept.clear();
  return was;
}
var KEPT_MAX_BYTES = 64 << 20;
async function identity(path) {
  try {
    const st = await stat(path, { bigint: true });
    if (!st.isFile() || st.size > KEPT_MAX_BYTES) return void 0;
    return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
  } catch {
    return void 0;
  }
}
function stateJson(value) {
  return JSON.stringify(
    value,
    (_k, v) => v instanceof Map ? { map: [...v] } : v instanceof Set ? { set: [...v] } : typeof v === "number" && !Number.isFinite(v) ? String(v) : v
  );
}
async function scanDataset(path, dataset, opts = {}) {
  const counters = [...opts.counter ? [opts.counter] : [], ...opts.counters ?? []];
  const keepable = keeping && !opts.sampleColumns && !opts.verify?.sha256 && !opts.verify?.arrival && parseLocation(path).kind === "file";
  const before = keepable ? await identity(path) : void 0;
  if (!before) return scanFile(path, dataset, opts);
  const { verify: _v, onRows: _r, counter: _c, counters: _cs, ...rest } = opts;
  const key = stateJson([resolve(path), before, dataset.spec, rest, counters.map((k) => k.snapshot())]);
  const hit = kept.get(key);
  if (hit && (hit.sha256 || !opts.verify?.onDigest)) {
    keptHits++;
    for (const [i, k] of counters.entries()) k.restore(hit.counters[i]);
    if (hit.sha256) opts.verify?.onDigest?.(hit.sha256);
    opts.onRows?.(hit.result.rows);
    return structuredClone(hit.result);
  }
  let sha256;
  const verify = opts.verify && {
    ...opts.verify,
    onDigest: (d) => {
      sha256 = d;
      opts.verify?.onDigest?.(d);
    }
  };
  const result = await scanFile(path, dataset, { ...opts, verify });
  if (await identity(path) === before) {
    if (kept.size >= KEPT_MAX) kept.delete(kept.keys().next().value);
    kept.set(key, { result: structuredClone(result), counters: counters.map((k) => k.snapshot()), sha256 });
  }
  return result;
}
async function scanFile(path, dataset, opts) {
  const spec = dataset.spec;
  const declared = spec.columns;
  const stats = /* @__PURE__ */ new Map();
  const counters = [...opts.counter ? [opts.counter] : [], ...opts.counters ?? []];
  const countOnly = opts.countOnly === true && counters.length > 0;
  const samples = /* @__PURE__ */ new Map();
  for (const name of opts.sampleColumns ?? []) samples.set(name, new Reservoir());
  const keepDistinct = opts.distinct ? new Set(opts.distinct) : void 0;
  const scans = declared.map((col) => {
    const s = { nulls: 0, distinct: /* @__PURE__ */ new Set(), counts: /* @__PURE__ */ new Map(), distinctOverflow: false };
    stats.set(col.name, s);
    const counting = counters.filter((k) => k.has(col.name));
    const allowed = col.values ? new Set(col.values.map(String)) : void 0;
    const numericType = col.type === "float" || col.type === "integer";
    const distinct = !keepDistinct || keepDistinct.has(col.name);
    return {
      col,
      s,
      ...col.unique ? { uniqNum: /* @__PURE__ */ new Set(), uniq: /* @__PURE__ */ new Set() } : {},
      allowed,
      allowedNum: allowed && new Set([...allowed].filter((a) => String(Number(a)) === a).map(Number)),
      sample: samples.get(col.name),
      counter: counting.length <= 1 ? counting[0] : fanOut(counting),
      counted: counting.length > 0,
      numericType,
      distinct,
      numCounts: distinct && numericType ? /* @__PURE__ */ new Map() : void 0
    };
  });
  const uniqueBy = spec.checks?.uniqueBy;
  const seenBy = /* @__PURE__ */ new Set();
  const seenByNum = /* @__PURE__ */ new Set();
  const rowHashes = opts.hashColumns ? newRowHashes() : void 0;
  const result = {
    rows: 0,
    header: [],
    stats,
    rowHashes,
    samples: opts.sampleColumns ? samples : void 0
  };
  const numeric = declared.filter((c) => c.type === "float").map((c) => c.name);
  const integers = declared.filter((c) => c.type === "integer").map((c) => c.name);
  const format = spec.format ?? (parseLocation(spec.path).kind !== "file" ? formatOf(contentName(spec.path)) : void 0);
  const read = { format, displayName: opts.displayName, delimiter: spec.csv?.delimiter };
  let columns;
  if (countOnly) {
    result.header = await readColumns(path, read);
    const inFile = new Set(result.header);
    columns = declared.filter((c) => counters.some((k) => k.has(c.name)) && inFile.has(c.name)).map((c) => c.name);
  }
  const only = columns && numeric.filter((n) => columns.includes(n));
  const onlyIntegers = columns && integers.filter((n) => columns.includes(n));
  const lanes = new RowLanes();
  const reading = { ...read, columns, numeric: only ?? numeric, integers: onlyIntegers ?? integers };
  for await (const batch of readBatches(path, { ...reading, verify: opts.verify })) {
    if (result.header.length === 0 && !countOnly) result.header = batch.columns;
    const idx = new Map(batch.columns.map((n, i) => [n, i]));
    const bad = (batch.notNumbers ?? []).map((x) => x ? new Map(x.rows.map((r, i) => [r, x.texts[i]])) : void 0);
    for (const cs of scans) {
      const ci = idx.get(cs.col.name);
      if (ci === void 0) continue;
      if (countOnly && !cs.counted) continue;
      scanColumn(cs, batch, ci, bad, countOnly);
    }
    if (!countOnly && (uniqueBy || rowHashes)) {
      const byIdx = uniqueBy?.map((n) => idx.get(n)).filter((i) => i !== void 0);
      if (byIdx?.length === 1 && uniqueBy.length === 1)
        uniqueByColumn(result, seenBy, seenByNum, batch, byIdx[0], bad);
      else if (byIdx && byIdx.length === uniqueBy.length) {
        for (let r = 0; r < batch.length; r++) {
          const key = JSON.stringify(byIdx.map((i) => cellToString(cellAt(batch, i, r, bad))));
          if (seenBy.has(key)) {
            result.uniqueByDuplicates = note(result.uniqueByDuplicates, batch.offset + r + 1, key, batch.lines?.[r]);
          } else seenBy.add(key);
        }
      }
      if (rowHashes && opts.hashColumns) {
        lanes.start(batch.length);
        for (const name of opts.hashColumns) {
          const i = idx.get(name);
          if (i === void 0) lanes.missing();
          else lanes.column(batch, i, bad);
        }
        lanes.finish(rowHashes);
      }
    }
    result.rows += batch.length;
    opts.onRows?.(batch.length);
  }
  for (const cs of scans) {
    countsAsText(cs);
    for (const k of cs.s.counts.keys()) cs.s.distinct.add(k);
  }
  if (result.header.length === 0) result.header = await readColumns(path, read);
  return result;
}
function uniqueByColumn(result, texts, nums, b, c, bad) {
  const values = b.numeric?.[c];
  for (let r = 0; r < b.length; r++) {
    const x = values ? values[r] : Number.NaN;
    let dup;
    if (!Number.isNaN(x)) {
      if (!nums.has(x) && (texts.size === 0 || !texts.has(String(x)))) {
        nums.add(x);
        continue;
      }
      dup = String(x);
    } else {
      dup = uniqueByOne(texts, nums, cellAt(b, c, r, bad));
      if (dup === void 0) continue;
    }
    result.uniqueByDuplicates = note(result.uniqueByDuplicates, b.offset + r + 1, JSON.stringify([dup]), b.lines?.[r]);
  }
}
function uniqueByOne(texts, nums, cell) {
  if (typeof cell === "number") {
    if (nums.has(cell) || texts.size > 0 && texts.has(String(cell))) return String(cell);
    nums.add(cell);
    return void 0;
  }
  const key = cellToString(cell);
  if (texts.has(key)) return key;
  if (key !== null && nums.size > 0) {
    const n = Number(key);
    if (String(n) === key && nums.has(n)) return key;
  }
  texts.add(key);
  return void 0;
}
function scanColumn(cs, batch, ci, bad, countOnly) {
  const { col, s, uniq, uniqNum, sample, allowed, allowedNum, numericType } = cs;
  const name = col.name;
  const expectedMin = col.expected?.min;
  const expectedMax = col.expected?.max;
  const { min, max } = col;
  const integer = col.type === "integer";
  const nums = col.type === "float" || integer ? batch.numeric?.[ci] : void 0;
  const cells = batch.data[ci];
  let counter = cs.counter;
  if (counter && nums && bad[ci] === void 0) {
    counter.addNumbers(name, nums, batch.length);
    counter = void 0;
  }
  for (let r = 0; r < batch.length; r++) {
    let cell;
    let v;
    const x = nums ? nums[r] : Number.NaN;
    if (x - x === 0) {
      cell = x;
      v = x;
    } else {
      cell = nums ? cellAt(batch, ci, r, bad) : cells[r];
      const n = integer && typeof cell === "string" ? plainInteger(cell) : void 0;
      v = n !== void 0 ? n : typedValue(col, cell);
    }
    if (v === void 0) {
      s.typeErrors = note(s.typeErrors, batch.offset + r + 1, String(cellToString(cell)), batch.lines?.[r]);
      continue;
    }
    if (v === null) {
      s.nulls++;
      if (numericType) counter?.addNumber(name, null);
      else counter?.addValue(name, null);
      continue;
    }
    if (typeof v === "number") {
      counter?.addNumber(name, v);
      if (countOnly) continue;
      if (min !== void 0 && v < min) s.belowMin = noteAt(s.belowMin, batch, r, keyOf(v, cell));
      if (max !== void 0 && v > max) s.aboveMax = noteAt(s.aboveMax, batch, r, keyOf(v, cell));
      if (expectedMin !== void 0 && v < expectedMin)
        s.belowExpected = noteAt(s.belowExpected, batch, r, keyOf(v, cell));
      if (expectedMax !== void 0 && v > expectedMax)
        s.aboveExpected = noteAt(s.aboveExpected, batch, r, keyOf(v, cell));
      sample?.add(v);
      if (Number.isSafeInteger(v) || !Number.isInteger(v)) {
        if (allowedNum && !allowedNum.has(v)) s.notAllowed = noteAt(s.notAllowed, batch, r, String(v));
        if (uniqNum) {
          if (uniqNum.has(v)) s.duplicates = noteAt(s.duplicates, batch, r, String(v));
          else uniqNum.add(v);
        }
        if (!cs.distinct || s.distinctOverflow) continue;
        const counts = cs.numCounts;
        if (counts) {
          counts.set(v, (counts.get(v) ?? 0) + 1);
          if (counts.size > DISTINCT_CAP) s.distinctOverflow = true;
        } else countText(cs, String(v));
        continue;
      }
      if (!allowed && !uniq && (!cs.distinct || s.distinctOverflow)) continue;
    } else if (countOnly) {
      counter?.addValue(name, keyOf(v, cell));
      continue;
    }
    const key = keyOf(v, cell);
    if (typeof v !== "number") counter?.addValue(name, key);
    if (allowed && !allowed.has(key)) s.notAllowed = noteAt(s.notAllowed, batch, r, key);
    if (uniq) {
      if (uniq.has(key)) s.duplicates = noteAt(s.duplicates, batch, r, key);
      else uniq.add(key);
    }
    if (cs.distinct && !s.distinctOverflow) countText(cs, key);
  }
}
function countText(cs, key) {
  const s = cs.s;
  countsAsText(cs);
  s.counts.set(key, (s.counts.get(key) ?? 0) + 1);
  if (s.counts.size > DISTINCT_CAP) s.distinctOverflow = true;
}
function plainInteger(text) {
  const len = text.length;
  const neg = len > 0 && text.charCodeAt(0) === 45;
  let i = neg ? 1 : 0;
  if (i === len || len - i > 15) return void 0;
  let n = 0;
  for (; i < len; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return void 0;
    n = n * 10 + d;
  }
  return neg ? -n : n;
}
function countsAsText(cs) {
  const numCounts = cs.numCounts;
  if (!numCounts) return;
  for (const [v, n] of numCounts) cs.s.counts.set(String(v), n);
  cs.numCounts = void 0;
}
var TAG_NUMBER2 = 78;
var TAG_TEXT = 84;
var TAG_MISSING = 77;
var f642 = new Float64Array(1);
var u32 = new Uint32Array(f642.buffer);
function wordsOf(cell) {
  if (typeof cell === "number") return cell - cell === 0 ? numberWords(cell) : textWords(String(cell));
  if (typeof cell === "string") {
    const n2 = plainInteger(cell) ?? parseNumberText(cell);
    if (typeof n2 !== "number" || Number.isNaN(n2)) return textWords(cell);
    return n2 - n2 === 0 ? numberWords(n2) : textWords(String(n2));
  }
  const t = cell === null ? "" : String(cellToString(cell));
  const n = Number(t);
  return t !== "" && n - n === 0 && String(n) === t ? numberWords(n) : textWords(t);
}
function numberWords(v) {
  f642[0] = v + 0;
  return Int32Array.of(TAG_NUMBER2, u32[0], u32[1]);
}
function textWords(t) {
  const len = t.length;
  const out = new Int32Array(2 + (len + 1 >> 1));
  out[0] = TAG_TEXT;
  out[1] = len;
  let i = 0;
  let w = 2;
  for (; i + 1 < len; i += 2) out[w++] = t.charCodeAt(i) | t.charCodeAt(i + 1) << 16;
  if (i < len) out[w] = t.charCodeAt(i);
  return out;
}
var WORDS_KEPT = 4096;
var RowLanes = class {
  /**
   * `wasm`: mix numbers in the WebAssembly kernel where it runs (the lanes are then views of its memory, and a
   * column's numbers are copied into `x` to be mixed there); else, or without, the loops below do it all.
   */
  constructor(wasm = true) {
    this.wasm = wasm;
  }
  wasm;
  a = new Int32Array(0);
  b = new Int32Array(0);
  n = 0;
  words = /* @__PURE__ */ new Map();
  x = new Float64Array(0);
  /** The WebAssembly kernel of this batch (row-lanes-wasm.ts), or null. */
  kernel = null;
  start(n) {
    const room = n + 1 & ~1;
    const k = this.wasm ? laneKernel(room * 16) : null;
    this.kernel = k;
    if (k) {
      this.a = new Int32Array(k.memory.buffer, 0, n);
      this.b = new Int32Array(k.memory.buffer, room * 4, n);
      this.x = new Float64Array(k.memory.buffer, room * 8, n);
    } else if (this.a.length < n || this.a.buffer === this.x.buffer) {
      this.a = new Int32Array(n);
      this.b = new Int32Array(n);
      this.x = new Float64Array(0);
    }
    this.a.fill(1540483477, 0, n);
    this.b.fill(668265263, 0, n);
    this.n = n;
  }
  /** Mixes `words` into row r's lanes. */
  mix(r, words) {
    let ha = this.a[r];
    let hb = this.b[r];
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      let k = Math.imul(w, 3432918353);
      k = k << 15 | k >>> 17;
      ha ^= Math.imul(k, 461845907);
      ha = ha << 13 | ha >>> 19;
      ha = Math.imul(ha, 5) + 3864292196 | 0;
      k = Math.imul(w ^ 2654435769, 2246822519);
      k = k << 17 | k >>> 15;
      hb ^= Math.imul(k, 3266489917);
      hb = hb << 11 | hb >>> 21;
      hb = Math.imul(hb, 9) + 374761393 | 0;
    }
    this.a[r] = ha;
    this.b[r] = hb;
  }
  /** A cell that is not a finite number read as one: its words, kept per distinct text. */
  cellWords(cell) {
    if (typeof cell !== "string" && cell !== null) return wordsOf(cell);
    let w = this.words.get(cell);
    if (w === void 0) {
      if (this.words.size >= WORDS_KEPT) this.words.clear();
      w = wordsOf(cell);
      this.words.set(cell, w);
    }
    return w;
  }
  column(b, c, bad) {
    this.words.clear();
    const nums = b.numeric?.[c];
    const cells = b.data[c];
    const la = this.a;
    const lb = this.b;
    const n = this.n;
    if (!nums) {
      for (let r = 0; r < n; r++) this.mix(r, this.cellWords(cells[r]));
      return;
    }
    const x = this.x;
    if (x.length === n && x.buffer === la.buffer) {
      x.set(nums.subarray(0, n));
      if (this.kernel.numbers(la.byteOffset, lb.byteOffset, x.byteOffset, n) === 0) return;
      for (let r = 0; r < n; r++) if (x[r] - x[r] !== 0) this.mix(r, this.cellWords(cellAt(b, c, r, bad)));
      return;
    }
    for (let r = 0; r < n; r++) {
      const x2 = nums[r];
      if (x2 - x2 !== 0) {
        this.mix(r, this.cellWords(cellAt(b, c, r, bad)));
        continue;
      }
      f642[0] = x2 + 0;
      let ha = la[r];
      let hb = lb[r];
      for (let i = 0; i < 3; i++) {
        const w = i === 0 ? TAG_NUMBER2 : u32[i - 1];
        let k = Math.imul(w, 3432918353);
        k = k << 15 | k >>> 17;
        ha ^= Math.imul(k, 461845907);
        ha = ha << 13 | ha >>> 19;
        ha = Math.imul(ha, 5) + 3864292196 | 0;
        k = Math.imul(w ^ 2654435769, 2246822519);
        k = k << 17 | k >>> 15;
        hb ^= Math.imul(k, 3266489917);
        hb = hb << 11 | hb >>> 21;
        hb = Math.imul(hb, 9) + 374761393 | 0;
      }
      la[r] = ha;
      lb[r] = hb;
    }
  }
  /** A hashed column the file does not have. */
  missing() {
    const tag = Int32Array.of(TAG_MISSING);
    for (let r = 0; r < this.n; r++) this.mix(r, tag);
  }
  /** Each row's hash (its lanes' fmix) into the set. */
  finish(into) {
    const la = this.a;
    const lb = this.b;
    const n = this.n;
    if (this.kernel && la.buffer === this.kernel.memory.buffer) {
      this.kernel.fmix(la.byteOffset, n);
      this.kernel.fmix(lb.byteOffset, n);
    } else {
      fmixAll(la, n);
      fmixAll(lb, n);
    }
    reserveRowHashes(into, n);
    const { hi: his, lo: los, used } = into;
    const mask = used.length - 1;
    let size = into.size;
    for (let r = 0; r < n; r++) {
      const hi = la[r];
      const lo = lb[r];
      let i = lo & mask;
      while (used[i] === 1 && (his[i] !== hi || los[i] !== lo)) i = i + 1 & mask;
      if (used[i] === 0) {
        used[i] = 1;
        his[i] = hi;
        los[i] = lo;
        size++;
      }
    }
    into.size = size;
  }
};
function fmixAll(lanes, n) {
  for (let r = 0; r < n; r++) {
    let h = lanes[r];
    h ^= h >>> 16;
    h = Math.imul(h, 2246822507);
    h ^= h >>> 13;
    h = Math.imul(h, 3266489909);
    lanes[r] = h ^ h >>> 16;
  }
}

export {
  sharedRowHashes,
  keepScans,
  scanDataset
};
