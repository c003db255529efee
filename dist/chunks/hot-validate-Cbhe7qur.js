import { createRequire } from 'node:module';
import { c as cellToString, D as DataError, r as rowPlace, a as cellToNumber, s as startModuleWorker, e as endWorkers, i as isEndMessage, M as MAX_RECORD_BYTES, b as selectColumns, d as batchRows, p as parseNumberText, f as readManifestsAt } from './hot-validate-verify-COnm42W2.js';
import { d as didYouMean, s as sortFindings, Y as YamlNotLoaded } from './hot-validate-plan-verify-C9JqfCVv.js';
import { U as UserError, C as CheckFailed, M as ModelgateError, e as escapeCommandProperty, d as escapeCommandData, i as inGitHubActions, E as EXIT_OK, f as EXIT_FAILED } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { b as resolveInside, c as repoRelative, d as at$1, f as findDefaultBranch, a as isShallowRepository, O as ORIGIN_HEAD, e as remoteHead, l as loadRepositoryLazily, w as workspaceAt } from './hot-validate-plan-DjS3M9MR.js';
import { p as parseLocation, P as PROFILE_DISTINCT_CAP, m as contentName, o as openGit, d as findRoot, g as parseArgs, t as toJson } from './hot-validate-plan-audit-verify-DglurztO.js';
import { extname, resolve, posix, sep, relative } from 'node:path';
import { isMainThread, workerData, parentPort } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { existsSync, statSync, openSync, readSync, closeSync, readFileSync } from 'node:fs';
import { setTimeout } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';

const require$m = createRequire(import.meta.url);

// src/onnx/graph.ts
var ELEM_BY_CODE = {
  1: "float32",
  2: "uint8",
  3: "int8",
  4: "uint16",
  5: "int16",
  6: "int32",
  7: "int64",
  8: "string",
  9: "bool",
  10: "float16",
  11: "float64",
  12: "uint32",
  13: "uint64",
  16: "bfloat16"
};
var ELEM_CODE = Object.fromEntries(
  Object.entries(ELEM_BY_CODE).map(([code, name]) => [name, Number(code)])
);
function describeType(t) {
  if (t?.tensorType) {
    const elem = ELEM_BY_CODE[t.tensorType.elemType] ?? `type${t.tensorType.elemType}`;
    const dims = (t.tensorType.shape?.dim ?? []).map(
      (d) => d.dimParam ? String(d.dimParam) : d.dimValue != null && Number(d.dimValue) > 0 ? Number(d.dimValue) : -1
    );
    return { kind: "tensor", type: elem, shape: dims };
  }
  if (t?.sequenceType) {
    return { kind: "sequence", type: `seq(${describeType(t.sequenceType.elemType).type})`, shape: [] };
  }
  if (t?.mapType) {
    const key = ELEM_BY_CODE[t.mapType.keyType] ?? String(t.mapType.keyType);
    return { kind: "map", type: `map(${key},${describeType(t.mapType.valueType).type})`, shape: [] };
  }
  return { kind: "other", type: "unknown", shape: [] };
}
function signatureOf(model) {
  const initializers = new Set((model.graph.initializer ?? []).map((i) => i.name));
  const opsets = (model.opsetImport ?? []).map((o) => ({ domain: o.domain ?? "", version: Number(o.version) }));
  return {
    irVersion: Number(model.irVersion ?? 0),
    opsetVersion: opsets.find((o) => o.domain === "" || o.domain === "ai.onnx")?.version ?? 0,
    opsets,
    producer: [model.producerName, model.producerVersion].filter(Boolean).join(" "),
    inputs: (model.graph.input ?? []).filter((v) => !initializers.has(v.name)).map((v) => ({ name: v.name, ...describeType(v.type) })),
    outputs: (model.graph.output ?? []).map((v) => ({ name: v.name, ...describeType(v.type) }))
  };
}
var dec = new TextDecoder();
function classLabelsOf(node, names) {
  let labels;
  for (const a of node.attribute ?? []) {
    if (names.test(a.name) && a.ints?.length) labels = a.ints.map((v) => String(Number(v)));
    if (a.name === "classlabels_strings" && a.strings?.length) labels = a.strings.map((x) => dec.decode(x));
  }
  return labels;
}
function graphFacts(model) {
  const nodes = model.graph?.node ?? [];
  let classLabels;
  for (const n of nodes) classLabels = classLabelsOf(n, /^classlabels_(ints|int64s)$/) ?? classLabels;
  const outputs = new Set((model.graph?.output ?? []).map((o) => o.name));
  const zipMaps = nodes.filter((n) => n.opType === "ZipMap" && n.input?.length === 1 && outputs.has(n.output?.[0])).map((n) => ({ output: n.output[0], tensor: n.input[0], classLabels: classLabelsOf(n, /^classlabels_int64s$/) }));
  return { classLabels, zipMaps };
}

const require$l = createRequire(import.meta.url);
async function sha256File(path, onBytes) {
  const hash = createHash("sha256");
  const fh = await open(path, "r");
  try {
    const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
    for (; ; ) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      hash.update(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead));
      onBytes?.(bytesRead);
    }
  } finally {
    await fh.close();
  }
  return hash.digest("hex");
}
function sha256Bytes(data) {
  return createHash("sha256").update(data).digest("hex");
}

const require$k = createRequire(import.meta.url);
var GROWING = /\.(\d+)\.reading$/;
function growingName(temp, size) {
  return `${temp}.${size}.reading`;
}
function parseGrowing(path) {
  const m = GROWING.exec(path);
  return m ? { temp: path.slice(0, m.index), size: Number(m[1]) } : void 0;
}
var tails = /* @__PURE__ */ new Map();
function provideTail(name, start, bytes) {
  tails.set(name, { start, bytes });
}
function forgetTail(name) {
  tails.delete(name);
}
var POLL_MS = 2;
var DigestTap = class {
  constructor(path) {
    this.path = path;
  }
  path;
  hash = createHash("sha256");
  /** Bytes hashed so far: [0, hashed) of the file. */
  hashed = 0;
  /** A read at `hashed` found the end of the file: every byte was hashed, in order (finish reads nothing more). */
  ended = false;
  /** Bytes [pos, pos + bytes.length) were read: hashes the part that continues the hashed ones. */
  offer(pos, bytes) {
    const end = pos + bytes.length;
    if (pos > this.hashed || end <= this.hashed) return;
    this.hash.update(bytes.subarray(this.hashed - pos));
    this.hashed = end;
  }
  /** Hashes what was not read in order, and returns the digest of the whole file (once). */
  async finish() {
    taps.delete(this.path);
    if (this.ended) return this.hash.digest("hex");
    const fh = await open(this.path, "r");
    try {
      const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
      for (; ; ) {
        const { bytesRead } = await fh.read(buf, 0, buf.length, this.hashed);
        if (bytesRead === 0) break;
        this.offer(this.hashed, buf.subarray(0, bytesRead));
      }
    } finally {
      await fh.close();
    }
    return this.hash.digest("hex");
  }
};
var taps = /* @__PURE__ */ new Map();
function tapDigest(path) {
  const tap = new DigestTap(path);
  taps.set(path, tap);
  return tap;
}
function dropTap(path) {
  taps.delete(path);
}
var served = /* @__PURE__ */ new Map();
function serveData(path, reader) {
  served.set(path, reader);
  return () => {
    if (served.get(path) === reader) served.delete(path);
  };
}
function isServed(path) {
  return served.has(path);
}
async function openData(path) {
  const reader = served.get(path);
  if (reader) return { ...bound(reader), close: async () => void 0 };
  const fh = await open(path, "r");
  const growing = parseGrowing(path);
  const tap = taps.get(path);
  if (tap) taps.delete(path);
  if (!growing && !tap) return fh;
  return new DataHandle(fh, tap, growing, path);
}
function bound(r) {
  return { read: r.read.bind(r), stat: r.stat.bind(r), close: r.close.bind(r) };
}
var DataHandle = class {
  constructor(fh, tap, growing, name) {
    this.fh = fh;
    this.tap = tap;
    this.growing = growing;
    this.name = name;
  }
  fh;
  tap;
  growing;
  name;
  async read(buffer, offset, length, position) {
    if (!this.growing || position === null) return this.readOnce(buffer, offset, length, position);
    const want = Math.max(0, Math.min(length, this.growing.size - position));
    let got = 0;
    while (got < want) {
      const r = await this.readOnce(buffer, offset + got, want - got, position + got);
      if (r.bytesRead === 0) break;
      got += r.bytesRead;
    }
    return { bytesRead: got, buffer };
  }
  async readOnce(buffer, offset, length, position) {
    for (; ; ) {
      const tail = this.growing && position !== null ? tails.get(this.name) : void 0;
      if (tail && position >= tail.start && position + length <= tail.start + tail.bytes.length) {
        buffer.set(tail.bytes.subarray(position - tail.start, position - tail.start + length), offset);
        return { bytesRead: length, buffer };
      }
      const r = await this.fh.read(buffer, offset, length, position);
      if (r.bytesRead > 0 || length === 0 || !this.growing || position === null || position >= this.growing.size) {
        if (this.tap && position !== null && r.bytesRead > 0)
          this.tap.offer(position, buffer.subarray(offset, offset + r.bytesRead));
        else if (this.tap && position === this.tap.hashed && length > 0) this.tap.ended = true;
        return r;
      }
      if ((await this.fh.stat()).size > position) continue;
      if (!existsSync(this.growing.temp)) {
        if ((await this.fh.stat()).size > position) continue;
        throw new Error(`the download ended at byte ${(await this.fh.stat()).size} of ${this.growing.size}`);
      }
      await setTimeout(POLL_MS);
    }
  }
  async stat() {
    if (this.growing) return { size: this.growing.size };
    return this.fh.stat();
  }
  close() {
    return this.fh.close();
  }
};

const require$j = createRequire(import.meta.url);
var MAX_POINTER_BYTES = 1024;
var VERSION = /^version https:\/\/(git-lfs\.github\.com|hawser\.github\.com)\/spec\/v1\n/;
function parseLfsPointer(text) {
  if (!VERSION.test(text)) return void 0;
  const oid = /^oid sha256:([0-9a-f]{64})$/m.exec(text);
  const size = /^size (\d+)$/m.exec(text);
  if (!oid || !size) return void 0;
  return { sha256: oid[1], size: Number(size[1]) };
}
function readLfsPointer(abs) {
  let fd;
  try {
    const st = statSync(abs);
    if (!st.isFile() || st.size >= MAX_POINTER_BYTES) return void 0;
    fd = openSync(abs, "r");
    const buf = Buffer.alloc(st.size);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return parseLfsPointer(buf.subarray(0, n).toString("utf8"));
  } catch {
    return void 0;
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}

// src/storage/resolve.ts
function resolveSource(root, dir, path) {
  const location = parseLocation(path);
  if (location.kind === "file") return { kind: "file", path, ...resolveInside(root, dir, path) };
  if (location.kind === "dvc") {
    const r = resolveInside(root, dir, location.file);
    if (r.error) return { kind: "file", path, abs: r.abs, error: r.error };
  }
  return { kind: "remote", path, location, dir, root };
}
function isRemote(path) {
  return parseLocation(path).kind !== "file";
}

const require$i = createRequire(import.meta.url);

// src/evaluate/metric-lists.ts
var BINARY_METRICS = [
  "accuracy",
  "precision",
  "recall",
  "f1",
  "specificity",
  "positive_rate",
  "roc_auc",
  "average_precision",
  "log_loss",
  "brier",
  "ece"
];
var MULTICLASS_METRICS = [
  "accuracy",
  "precision_macro",
  "recall_macro",
  "f1_macro",
  "precision_weighted",
  "recall_weighted",
  "f1_weighted",
  "log_loss",
  "top_k_accuracy"
];
var REGRESSION_METRICS = ["mae", "rmse", "r2", "mape", "median_ae", "max_error"];

const require$h = createRequire(import.meta.url);

// src/evaluate/prepare.ts
function keyOf$1(v) {
  if (v === null || v === void 0) return null;
  if (typeof v === "number") return String(v);
  if (typeof v === "bigint") return String(Number(v));
  const s = cellToString(v);
  if (s === null) return null;
  const t = s.trim();
  if (t !== "" && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return String(Number(t));
  return s;
}
function bucketKey(v, edges) {
  if (edges.length === 0 || v < edges[0]) return `(-inf, ${edges[0] ?? "inf"})`;
  for (let i = 1; i < edges.length; i++) if (v < edges[i]) return `[${edges[i - 1]}, ${edges[i]})`;
  return `[${edges[edges.length - 1]}, inf)`;
}
var Dict = class {
  keys = [];
  map = /* @__PURE__ */ new Map();
  code(k) {
    let c = this.map.get(k);
    if (c === void 0) {
      c = this.keys.length;
      this.map.set(k, c);
      this.keys.push(k);
    }
    return c;
  }
};
function newCodes(spec) {
  return { labels: new Dict(), labelOf: /* @__PURE__ */ new Map(), slices: spec.slices.map(() => new Dict()) };
}
function prepareBatch(b, spec, columns, codes, display, finite = false) {
  const { numeric, strings, valid, bad } = featureValues(b, spec.nanPolicy, columns, display, finite);
  const labels = labelValues(b, spec, codes, display);
  const slices = sliceCodes(b, spec.slices, codes.slices);
  if (bad === 0) return { fb: { length: b.length, numeric, strings }, labels, slices, offset: b.offset, skipped: 0 };
  const idx = [];
  for (let r = 0; r < b.length; r++) if (valid[r]) idx.push(r);
  for (const [k, arr] of numeric)
    numeric.set(
      k,
      Float64Array.from(idx, (r) => arr[r])
    );
  for (const [k, arr] of strings)
    strings.set(
      k,
      idx.map((r) => arr[r])
    );
  const kept = labels instanceof Int32Array ? new Int32Array(idx.length) : new Float64Array(idx.length);
  idx.forEach((r, i) => {
    kept[i] = labels[r];
  });
  return {
    fb: { length: idx.length, numeric, strings },
    labels: kept,
    slices: slices.map((c) => Int32Array.from(idx, (r) => c[r])),
    offset: b.offset,
    skipped: bad
  };
}
function featureValues(b, nanPolicy, columns, display, finite) {
  const n = b.length;
  const numeric = /* @__PURE__ */ new Map();
  const strings = /* @__PURE__ */ new Map();
  const valid = new Uint8Array(n).fill(1);
  let bad = 0;
  for (const col of columns.features) {
    const ci = b.columns.indexOf(col);
    if (columns.strings.has(col)) {
      const cells = b.data[ci];
      const out2 = new Array(n);
      for (let r = 0; r < n; r++) {
        const s = cellToString(cells[r]);
        if (s === null) {
          if (nanPolicy === "fail") failFeature(display, b, r, col, "empty");
          if (valid[r]) bad++;
          valid[r] = 0;
          out2[r] = "";
        } else out2[r] = s;
      }
      strings.set(col, out2);
      continue;
    }
    const out = b.numeric?.[ci];
    if (!out) throw new Error(`column ${col} was not read as numbers`);
    for (let r = 0; !finite && r < n; r++) {
      if (!Number.isFinite(out[r])) {
        if (nanPolicy === "fail") failFeature(display, b, r, col, shownNumber(b, ci, r, out[r]));
        if (valid[r]) bad++;
        valid[r] = 0;
      }
    }
    numeric.set(col, out);
  }
  return { numeric, strings, valid, bad };
}
function failFeature(display, b, r, col, shown) {
  throw new DataError(
    display,
    rowPlace(b, r),
    `feature "${col}" is not a finite number (${shown}); fix the data, or set spec.evaluation.nanPolicy: count to skip and count such rows`
  );
}
function labelValues(b, spec, codes, display) {
  const n = b.length;
  const labelCells = b.data[b.columns.indexOf(spec.label.column)];
  if (spec.task !== "regression") {
    const labels2 = new Int32Array(n);
    for (let r = 0; r < n; r++) {
      const c = labelCells[r];
      const known = typeof c === "string" || typeof c === "number" ? codes.labelOf.get(c) : void 0;
      if (known !== void 0) {
        labels2[r] = known;
        continue;
      }
      const k = keyOf$1(c);
      if (k === null)
        throw new DataError(
          display,
          rowPlace(b, r),
          `no label in "${spec.label.column}"; every evaluated row needs one`
        );
      labels2[r] = codes.labels.code(k);
      if ((typeof c === "string" || typeof c === "number") && codes.labelOf.size < 1e4)
        codes.labelOf.set(c, labels2[r]);
    }
    return labels2;
  }
  const labels = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const c = labelCells[r];
    const v = typeof c === "number" ? c : cellToNumber(c);
    if (v === null || !Number.isFinite(v)) {
      throw new DataError(
        display,
        rowPlace(b, r),
        `target "${spec.label.column}" is not a finite number (${c === null ? "empty" : JSON.stringify(String(c))}); every evaluated row needs one`
      );
    }
    labels[r] = v;
  }
  return labels;
}
function sliceCodes(b, slices, dicts) {
  return slices.map((s, j) => {
    const at = b.columns.indexOf(s.column);
    const cells = b.data[at];
    const nums = b.numeric?.[at];
    const codes = new Int32Array(b.length);
    for (let r = 0; r < b.length; r++) {
      const c = nums ? Number.isNaN(nums[r]) ? null : nums[r] : cells[r];
      let key;
      if (s.buckets) {
        const v = cellToNumber(c);
        key = v === null || Number.isNaN(v) ? "(null)" : bucketKey(v, s.buckets);
      } else key = keyOf$1(c) ?? "(null)";
      codes[r] = dicts[j].code(key);
    }
    return codes;
  });
}
function shownNumber(b, c, r, v) {
  const bad = b.notNumbers?.[c];
  const at = bad ? bad.rows.indexOf(r) : -1;
  if (at >= 0) return JSON.stringify(bad.texts[at]);
  return Number.isNaN(v) ? "empty or NaN" : String(v);
}

const require$g = createRequire(import.meta.url);

// src/evaluate/classes.ts
function sortKeys(keys) {
  const numeric = keys.every((k) => k !== "" && Number.isFinite(Number(k)));
  return [...keys].sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => a < b ? -1 : a > b ? 1 : 0);
}
var labelKey = (v) => keyOf$1(v) ?? String(v);
function listed(values, max = 6) {
  const shown = values.slice(0, max).map((v) => v !== "" && Number.isFinite(Number(v)) ? v : JSON.stringify(v));
  return `${shown.join(", ")}${values.length > max ? `, \u2026 (${values.length} in all)` : ""}`;
}
function counted(labels, counts) {
  return labels.slice(0, 5).map((k) => `"${k}" (${counts.get(k) ?? 0} rows)`).join(", ");
}
var yamlKey = (l) => /^[A-Za-z_][\w-]*$/.test(l) || l !== "" && Number.isFinite(Number(l)) ? l : JSON.stringify(l);
function mapping(spec) {
  const out = /* @__PURE__ */ new Map();
  const from = /* @__PURE__ */ new Map();
  for (const [label, cls] of Object.entries(spec.labels ?? {})) {
    const l = labelKey(label);
    const c = labelKey(cls);
    const other = from.get(c);
    if (other !== void 0 && other !== l) {
      throw new UserError(
        `spec.label.labels maps both ${JSON.stringify(other)} and ${JSON.stringify(l)} to the model's class ${JSON.stringify(c)}; map each class from one label`
      );
    }
    from.set(c, l);
    out.set(l, c);
  }
  return out;
}
function boolSpelling(label, cls) {
  const l = label.toLowerCase();
  return l === "true" && cls === "1" || l === "false" && cls === "0";
}
function columnClasses(source, width, graph, spec, counts, data) {
  const map = mapping(spec);
  const declared = spec.classes?.map(labelKey);
  const from = graph ? "graph" : declared ? "declared" : "index";
  const classes = graph ?? declared ?? Array.from({ length: width }, (_, j) => String(j));
  const whose = from === "graph" ? "the model's classes (named in its graph)" : from === "declared" ? "spec.label.classes" : `the model's columns 0 to ${width - 1} (its graph names no classes)`;
  if (classes.length !== width) {
    throw new CheckFailed(
      `${source}: ${width} probability column${width === 1 ? "" : "s"} for ${classes.length} classes [${listed(classes)}] (${whose}); declare spec.label.classes with one label per column, in the model's column order`
    );
  }
  const byClass = new Map([...map].map(([l, c]) => [c, l]));
  for (const [l, c] of map) {
    if (!classes.includes(c)) {
      throw new UserError(
        `spec.label.labels maps ${JSON.stringify(l)} to ${JSON.stringify(c)}, which is not one of ${whose}: [${listed(classes)}]`
      );
    }
  }
  const labels = classes.map((c) => byClass.get(c) ?? c);
  const observed = sortKeys([...counts.keys()]);
  const wanted = [.../* @__PURE__ */ new Set([...observed, ...from === "graph" && declared ? declared : []])];
  for (const w of wanted) {
    if (labels.includes(w) || map.has(w)) continue;
    const j = classes.findIndex((c, i) => !byClass.has(c) && labels[i] === c && boolSpelling(w, c));
    if (j >= 0) labels[j] = w;
  }
  const unknown = wanted.filter((w) => !labels.includes(w));
  if (unknown.length === 0) return { labels, classes, source: from };
  const column = `${data}: label "${spec.column}"`;
  if (from === "declared") {
    throw new CheckFailed(
      `${column} has values outside the classes [${classes.join(", ")}]: ${counted(unknown, counts)}; fix the data or spec.label.classes`
    );
  }
  const known = observed.filter((w) => labels.includes(w));
  if (known.length > 0 && unknown.every((w) => counts.has(w))) {
    throw new CheckFailed(
      `${column} has values outside ${whose}: [${listed(classes)}]: ${counted(unknown, counts)}; fix the data, or map them in spec.label.labels`
    );
  }
  if (from === "index") {
    const eg2 = wanted.slice(0, width);
    throw new UserError(
      `${source}: the model's graph names no classes for its ${width} probability column${width === 1 ? "" : "s"}, and label "${spec.column}" in ${data} has ${listed(observed)}, not the column numbers 0 to ${width - 1}: which column is which cannot be told. Set spec.label.classes to the labels in the order of the model's columns (e.g. classes: [${eg2.join(", ")}] if column 0 is the probability of ${JSON.stringify(eg2[0])}), or spec.label.labels to each label's column (e.g. labels: {${eg2.map((l, j) => `${yamlKey(l)}: ${j}`).join(", ")}})`
    );
  }
  const eg = wanted.slice(0, classes.length);
  throw new UserError(
    `${source}: the model's classes are [${listed(classes)}] (named in its graph), and ${listed(unknown)} ${unknown.length === 1 ? "is" : "are"} not among them. If they are the same classes under other names, say which is which in spec.label.labels (label: the model's class), e.g. labels: {${eg.map((l, j) => `${yamlKey(l)}: ${yamlKey(classes[j])}`).join(", ")}} if ${JSON.stringify(eg[0])} is the model's class ${listed([classes[0]])}`
  );
}
function conventionalPositive(classes) {
  const set = new Set(classes.map((c) => c.toLowerCase()));
  if ([...set].every((c) => c === "0" || c === "1")) return classes.find((c) => c === "1") ?? "1";
  if ([...set].every((c) => c === "false" || c === "true")) return classes.find((c) => c.toLowerCase() === "true");
  return void 0;
}
function declaredPositive(spec, classes, oneColumn) {
  if (spec.positive !== void 0) return labelKey(spec.positive);
  if (!oneColumn) return void 0;
  const p = conventionalPositive(classes);
  if (p !== void 0) return p;
  throw new UserError(
    `the model gives one score per row, the probability of one class, and label "${spec.column}" has ${listed(classes)}: which class the score is for cannot be told. Set spec.label.positive to that class`
  );
}

const require$f = createRequire(import.meta.url);
var PARALLEL_MIN_BYTES = 32 * 1024 * 1024;
function readThreads() {
  const env = process.env.MODELGATE_READ_THREADS;
  return env !== void 0 && /^\d+$/.test(env) ? Math.min(Number(env), 16) : 0;
}
var Assembler = class {
  constructor(names, isNum, numeric) {
    this.names = names;
    this.isNum = isNum;
    this.numeric = numeric;
  }
  names;
  isNum;
  numeric;
  parts = [];
  available = 0;
  offset = 0;
  add(r) {
    if (r.rows === 0) return;
    this.parts.push({ r, at: 0 });
    this.available += r.rows;
  }
  take(n) {
    const names = this.names;
    const first = this.parts[0];
    let batch;
    if (first.r.rows - first.at >= n) {
      const { r, at } = first;
      batch = {
        columns: names,
        length: n,
        data: names.map(
          (_, c) => r.nums[c] ? [] : at === 0 && n === r.rows ? r.cells[c] : r.cells[c].slice(at, at + n)
        ),
        offset: this.offset,
        ...r.lines ? { lines: r.lines.subarray(at, at + n) } : {},
        ...this.numeric ? {
          numeric: r.nums.map((a) => a?.subarray(at, at + n)),
          notNumbers: r.bad.map((x) => {
            const part = x && slice(x, at, at + n);
            return part && part.rows.length > 0 ? part : void 0;
          })
        } : {}
      };
      first.at += n;
      if (first.at === r.rows) this.parts.shift();
    } else {
      const nums = this.isNum.map((num) => num ? new Float64Array(n) : void 0);
      const cells = names.map(() => []);
      const bad = names.map(() => ({ rows: [], texts: [] }));
      const lines = first.r.lines ? new Int32Array(n) : void 0;
      let filled = 0;
      while (filled < n) {
        const p = this.parts[0];
        const k = Math.min(n - filled, p.r.rows - p.at);
        if (lines && p.r.lines) lines.set(p.r.lines.subarray(p.at, p.at + k), filled);
        for (let c = 0; c < names.length; c++) {
          const src = p.r.nums[c];
          if (src) {
            nums[c].set(src.subarray(p.at, p.at + k), filled);
            const part = slice(p.r.bad[c], p.at, p.at + k);
            for (let i = 0; i < part.rows.length; i++) {
              bad[c].rows.push(filled + part.rows[i]);
              bad[c].texts.push(part.texts[i]);
            }
          } else {
            const from = p.r.cells[c];
            for (let r = 0; r < k; r++) cells[c].push(from[p.at + r]);
          }
        }
        p.at += k;
        filled += k;
        if (p.at === p.r.rows) this.parts.shift();
      }
      batch = {
        columns: names,
        length: n,
        data: cells,
        offset: this.offset,
        ...lines ? { lines } : {},
        ...this.numeric ? { numeric: nums, notNumbers: bad.map((x) => x.rows.length > 0 ? x : void 0) } : {}
      };
    }
    this.available -= n;
    this.offset += n;
    return batch;
  }
};
function slice(x, from, to) {
  const out = { rows: [], texts: [] };
  if (!x) return out;
  for (let i = 0; i < x.rows.length; i++) {
    if (x.rows[i] >= from && x.rows[i] < to) {
      out.rows.push(x.rows[i] - from);
      out.texts.push(x.texts[i]);
    }
  }
  return out;
}
var OrderedJobs = class {
  constructor(moduleUrl, key, data, threads, jobs, lazy = false, ahead = threads * 2) {
    this.jobs = jobs;
    this.ahead = ahead;
    this.workers = Array.from({ length: threads }, () => startModuleWorker(moduleUrl, { [key]: data }));
    for (const w of this.workers) {
      w.on("message", (m) => {
        if (m.hello) {
          this.started = true;
          return;
        }
        const p = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if (m.result !== void 0) p?.resolve(m.result);
        else p?.reject(new Error(`a reader thread failed: ${m.error}`));
      });
      w.on("error", (err) => {
        this.failure = err;
        for (const p of this.waiting.values()) p.reject(err);
        this.waiting.clear();
      });
    }
    if (!lazy) this.start(0);
  }
  jobs;
  ahead;
  workers;
  waiting = /* @__PURE__ */ new Map();
  results = /* @__PURE__ */ new Map();
  /** A worker's failure (an error event), if any. */
  failure;
  next = 0;
  taken = 0;
  /** Whether a worker has started (it says so once its module is loaded). */
  started = false;
  /** Sends the jobs from `from` on (the ones before are the caller's), `ahead` at a time. */
  start(from) {
    this.next = from;
    this.taken = from;
    while (this.next < Math.min(from + this.ahead, this.jobs.length)) this.submit();
  }
  submit() {
    const id = this.next++;
    const p = new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.waiting.set(id, { resolve, reject });
      this.workers[id % this.workers.length].postMessage({ id, job: this.jobs[id] });
    });
    p.catch(() => {
    });
    this.results.set(id, p);
  }
  /** The result of the next job in order. */
  async take() {
    const id = this.taken++;
    const r = await this.results.get(id);
    this.results.delete(id);
    if (this.next < this.jobs.length) this.submit();
    return r;
  }
  async close() {
    await endWorkers(this.workers);
  }
};
function serveJobs(key, run) {
  if (isMainThread || !workerData?.[key]) return;
  const data = workerData[key];
  parentPort.postMessage({ hello: true });
  parentPort.on("message", async (m) => {
    if (isEndMessage(m)) return parentPort.close();
    try {
      const result = await run(data, m.job);
      const transfer = [
        ...result.lines ? [result.lines.buffer] : [],
        ...result.nums.flatMap((a) => a ? [a.buffer] : [])
      ];
      parentPort.postMessage({ id: m.id, result }, [...new Set(transfer)]);
    } catch (err) {
      parentPort.postMessage({ id: m.id, error: err instanceof Error ? err.stack ?? err.message : String(err) });
    }
  });
}

const require$e = createRequire(import.meta.url);
function formatOf(path, declared) {
  if (declared) return declared;
  const ext = extname(path).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".jsonl" || ext === ".ndjson") return "jsonl";
  if (ext === ".parquet" || ext === ".pq") return "parquet";
  throw new UserError(
    `cannot tell the format of ${path} from its extension; use .csv, .jsonl or .parquet, or declare spec.format`
  );
}
var DigestMismatch = class extends UserError {
  constructor(file, actual, expected) {
    super(
      `sha256 of ${file} is ${actual}, not the ${expected} the manifest records; if the new data is intended, run \`modelgate lock\``
    );
    this.file = file;
    this.actual = actual;
    this.expected = expected;
    this.name = "DigestMismatch";
  }
  file;
  actual;
  expected;
};
async function* readBatches(path, opts = {}) {
  const format = formatOf(path, opts.format);
  const { verify, ...rest } = opts;
  const o = { ...rest, batchSize: opts.batchSize ?? 8192, displayName: opts.displayName ?? path };
  if (!verify) {
    yield* formatReader(path, format, o);
    return;
  }
  yield* verifiedRead(path, o.displayName, verify, () => formatReader(path, format, o), inOrder(path, format, o));
}
async function* verifiedRead(path, displayName, verify, read, inOrder2 = true) {
  const finish = verify.arrival ? void 0 : startDigest(path, inOrder2);
  let arrivalError;
  verify.arrival?.catch((err) => {
    arrivalError = err;
  });
  let done = false;
  try {
    yield* read();
    done = true;
  } catch (err) {
    if (verify.arrival && !arrivalError) await verify.arrival.catch(() => void 0);
    if (arrivalError) throw arrivalError;
    throw err;
  } finally {
    if (!done) dropTap(path);
  }
  const sha256 = verify.arrival ? await verify.arrival : await finish();
  verify.onDigest?.(sha256);
  if (verify.sha256 && sha256 !== verify.sha256) throw new DigestMismatch(displayName, sha256, verify.sha256);
}
function formatReader(path, format, o) {
  if (o.part && format === "jsonl") throw new Error("a JSONL file is not read in parts");
  return (async function* () {
    if (format === "csv") yield* (await Promise.resolve().then(function () { return csv27V4S6K7; })).readCsv(path, o);
    else if (format === "jsonl") yield* (await import('./jsonl-W4LY6SGN-Bm1s0MyT.js')).readJsonl(path, o);
    else yield* (await import('./parquet-4URN4HY4-5ElG8zhr.js')).readParquet(path, o);
  })();
}
function inOrder(path, format, o) {
  const threads = o.parallel?.threads ?? readThreads();
  const parallel = threads > 0 && (o.parallel !== void 0 || statSync(path).size >= PARALLEL_MIN_BYTES);
  return !(format === "parquet" || parallel || o.part);
}
function startDigest(path, inOrder2) {
  if (!inOrder2) {
    const p = sha256File(path);
    p.catch(() => void 0);
    return () => p;
  }
  const tap = tapDigest(path);
  return () => tap.finish();
}
async function readColumns(path, opts = {}) {
  const format = formatOf(path, opts.format);
  const o = {
    ...opts,
    batchSize: 1,
    displayName: opts.displayName ?? path,
    columns: void 0,
    numeric: void 0
  };
  if (format === "csv") return (await Promise.resolve().then(function () { return csv27V4S6K7; })).readCsvHeader(path, o);
  if (format === "parquet") return (await import('./parquet-4URN4HY4-5ElG8zhr.js')).readParquetColumns(path, o);
  for await (const b of readBatches(path, o)) return b.columns;
  return [];
}

const require$d = createRequire(import.meta.url);

// src/data/source.ts
var CHUNK = 4 * 1024 * 1024;
var PAST_LIMIT = 4 * 1024;
var Source = class {
  constructor(fh, start = 0) {
    this.fh = fh;
    this.origin = start;
    this.next = start;
  }
  fh;
  buf = Buffer.allocUnsafe(CHUNK);
  end = 0;
  eof = false;
  /** The file offset of buf[0]. */
  origin;
  /**
   * A part's end (a shard's, storage/blocks.ts reads a remote file block by block): reads stop there, and past it
   * go on in growing steps (from PAST_LIMIT bytes), as far as the record that crosses it needs; the rest of the file
   * is not read.
   */
  limit = Number.POSITIVE_INFINITY;
  past = PAST_LIMIT;
  next;
  /**
   * Moves buf[from, end) to the start, reads more after it (doubling the buffer when `from` is 0 and it is full)
   * and returns false when the record starting at `from` would pass MAX_RECORD_BYTES.
   */
  async refill(from) {
    if (from > 0) {
      this.buf.copy(this.buf, 0, from, this.end);
      this.end -= from;
      this.origin += from;
    } else if (this.end === this.buf.length) {
      if (this.buf.length >= MAX_RECORD_BYTES) return false;
      const bigger = Buffer.allocUnsafe(Math.min(this.buf.length * 2, MAX_RECORD_BYTES));
      this.buf.copy(bigger, 0, 0, this.end);
      this.buf = bigger;
    }
    let got = 0;
    while (this.end < this.buf.length && !this.eof) {
      if (got > 0 && this.next >= this.limit) break;
      const room = this.buf.length - this.end;
      const beyond = this.next >= this.limit;
      const want = Math.min(room, beyond ? this.past : this.limit - this.next);
      if (beyond) this.past *= 2;
      const { bytesRead } = await this.fh.read(this.buf, this.end, want, this.next);
      got += bytesRead;
      if (bytesRead === 0) this.eof = true;
      this.end += bytesRead;
      this.next += bytesRead;
      if (this.end >= CHUNK) break;
    }
    return true;
  }
};
function tooLong(file, line) {
  return new DataError(
    file,
    { line },
    `a record longer than ${MAX_RECORD_BYTES / 1024 / 1024} MiB starts here, the most modelgate reads as one record; a quote (") left open makes the rest of the file one field, and a file without line breaks is one record \u2014 fix the quoting or the line breaks`
  );
}

const require$c = createRequire(import.meta.url);

// src/data/csv.ts
var COMMA = 44;
var LF = 10;
var CR = 13;
var QUOTE = 34;
var POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
var ASCII = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));
var SHORT_TEXT = 6;
var SHORT_TEXTS_KEPT = 4096;
var shortTexts = /* @__PURE__ */ new Map();
var shortTextsKept = 0;
function textAt(b, s, e) {
  const len = e - s;
  if (len > SHORT_TEXT) return b.toString(void 0, s, e);
  const head = len << 24 | b[s] << 16 | (len > 1 ? b[s + 1] << 8 : 0) | (len > 2 ? b[s + 2] : 0);
  const tail = len > 3 ? b[s + 3] << 16 | (len > 4 ? b[s + 4] << 8 : 0) | (len > 5 ? b[s + 5] : 0) : 0;
  let byTail = shortTexts.get(head);
  const kept = byTail?.get(tail);
  if (kept !== void 0) return kept;
  const text = b.toString(void 0, s, e);
  if (shortTextsKept < SHORT_TEXTS_KEPT) {
    if (byTail === void 0) {
      byTail = /* @__PURE__ */ new Map();
      shortTexts.set(head, byTail);
    }
    byTail.set(tail, text);
    shortTextsKept++;
  }
  return text;
}
var NEED_MORE = 0;
var FULL = 1;
var DONE = 2;
var NUMBER = 1;
var TEXT = 2;
var INTEGER = 3;
var SEPARATORS = /* @__PURE__ */ new Map([
  [44, { name: "commas", yaml: '","' }],
  [59, { name: "semicolons", yaml: '";"' }],
  [9, { name: "tabs", yaml: '"\\t"' }],
  [124, { name: "vertical bars", yaml: '"|"' }]
]);
function separatorOf(o) {
  return (o.delimiter ?? ",").charCodeAt(0);
}
function checkSeparator(b, pos, end, sep, file, line) {
  const counts = /* @__PURE__ */ new Map();
  let quoted = false;
  let i = pos;
  for (; i < end && (quoted || b[i] !== LF && b[i] !== CR); i++) {
    const c = b[i];
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && SEPARATORS.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  if (counts.has(sep)) return;
  let best = -1;
  for (const [c, n] of counts) if (best < 0 || n > (counts.get(best) ?? 0)) best = c;
  if (best < 0) return;
  const found = SEPARATORS.get(best);
  const expected = SEPARATORS.get(sep) ?? { name: JSON.stringify(String.fromCharCode(sep)), yaml: "" };
  const header = b.toString("utf8", pos, Math.min(i, pos + 80)) + (i > pos + 80 ? "\u2026" : "");
  const fix = best === 44 ? "Remove spec.csv.delimiter from the Dataset manifest (commas are the default)" : `Set spec.csv.delimiter: ${found.yaml} in the Dataset manifest`;
  throw new DataError(
    file,
    { line },
    `the header ${JSON.stringify(header)} has ${counts.get(best)} ${found.name} and no ${expected.name}: the file is separated by ${found.name}, and it is read as separated by ${expected.name}. ${fix}, or save the file with ${expected.name}`
  );
}
async function readHeader(src, file, sep = COMMA) {
  await src.refill(0);
  let line = 1;
  let pos = 0;
  for (; ; ) {
    const b = src.buf;
    while (pos < src.end && (b[pos] === LF || b[pos] === CR)) {
      if (b[pos] === CR && pos + 1 < src.end && b[pos + 1] === LF) pos++;
      pos++;
      line++;
    }
    if (pos < src.end) checkSeparator(b, pos, src.end, sep, file, line);
    const rec = pos < src.end ? scanRecord(b, pos, src.end, src.eof, file, line, sep) : void 0;
    if (rec) {
      const names = rec.fields.map((f) => f.trim());
      names[0] = names[0].replace(/^\uFEFF/, "");
      return { names, line, pos: rec.next, nextLine: line + 1 + rec.extra };
    }
    if (src.eof) throw new DataError(file, {}, "is empty; a CSV file needs a header row with the column names");
    if (!await src.refill(pos)) throw tooLong(file, line);
    pos = 0;
  }
}
async function readCsvHeader(path, o) {
  const fh = await openData(path);
  try {
    return (await readHeader(new Source(fh), o.displayName, separatorOf(o))).names;
  } finally {
    await fh.close();
  }
}
function newState(layout, src, pos, line, stop, batchSize, scratch) {
  const st = {
    file: layout.file,
    sep: layout.sep,
    buf: src.buf,
    end: src.end,
    eof: src.eof,
    pos,
    stop,
    line,
    width: layout.width,
    role: layout.role,
    slot: layout.slot,
    batchSize,
    offset: 0,
    n: 0,
    nums: [],
    cells: [],
    bad: [],
    lines: new Int32Array(0)
  };
  freshBatch(st, layout, scratch);
  return st;
}
function freshBatch(st, layout, scratch) {
  const bs = st.batchSize;
  st.n = 0;
  if (scratch) {
    const k = layout.isNum.filter(Boolean).length;
    if (!scratch.nums || scratch.nums.length < bs * k) scratch.nums = new Float64Array(bs * k);
    if (!scratch.lines || scratch.lines.length < bs) scratch.lines = new Int32Array(bs);
    let c = 0;
    const all = scratch.nums;
    st.nums = layout.isNum.map((num) => num ? all.subarray(c * bs, ++c * bs) : void 0);
    st.lines = scratch.lines.subarray(0, bs);
  } else {
    st.nums = layout.isNum.map((num) => num ? new Float64Array(bs) : void 0);
    st.lines = new Int32Array(bs);
  }
  st.cells = layout.names.map(() => []);
  st.bad = layout.isNum.map((num) => num ? { rows: [], texts: [] } : void 0);
}
function follow(st, src, from) {
  st.buf = src.buf;
  st.end = src.end;
  st.eof = src.eof;
  st.pos = 0;
  st.stop -= from;
}
function toBatch(st, layout, numeric) {
  const n = st.n;
  const whole = n === st.batchSize;
  return {
    columns: layout.names,
    length: n,
    data: st.cells,
    offset: st.offset,
    lines: whole ? st.lines : st.lines.subarray(0, n),
    ...numeric ? {
      numeric: st.nums.map((a) => a && !whole ? a.subarray(0, n) : a),
      notNumbers: st.bad.map((x) => x && x.rows.length > 0 ? x : void 0)
    } : {}
  };
}
function csvLayout(header, headerLine, o) {
  const file = o.displayName;
  const width = header.length;
  const sel = selectColumns(header, o.columns, file, headerLine);
  const names = sel.map((h) => header[h]);
  const numeric = new Set(o.numeric ?? []);
  const integers = new Set((o.integers ?? []).filter((n) => !numeric.has(n)));
  const role = new Uint8Array(width);
  const slot = new Int32Array(width).fill(-1);
  sel.forEach((h, c) => {
    if (slot[h] >= 0) return;
    slot[h] = c;
    role[h] = numeric.has(names[c]) ? NUMBER : integers.has(names[c]) ? INTEGER : TEXT;
  });
  return {
    file,
    sep: separatorOf(o),
    width,
    role,
    slot,
    names,
    isNum: names.map((n) => numeric.has(n) || integers.has(n)),
    numeric: numeric.size > 0 || integers.size > 0
  };
}
function parseCsvBatch(layout, raw, scratch, into) {
  const buf = Buffer.from(raw.bytes.buffer, raw.bytes.byteOffset, raw.bytes.byteLength);
  const src = { buf, end: buf.length, eof: true };
  const bs = Math.max(1, raw.rows);
  const st = newState(layout, src, 0, raw.firstLine, Number.POSITIVE_INFINITY, bs, scratch);
  st.offset = raw.offset;
  st.into = into;
  parseRows(st);
  if (st.n !== raw.rows || st.pos !== buf.length) {
    throw new Error(
      `CSV batch at row ${raw.offset + 1}: cut as ${raw.rows} records of ${buf.length} bytes, parsed as ${st.n} records of ${st.pos} bytes`
    );
  }
  return toBatch(st, layout, layout.numeric);
}
var PART_HEADER_BYTES = 4 * 1024;
var BLOCK_BYTES = 8 * 1024 * 1024;
async function* readCsv(path, o) {
  const fh = await openData(path);
  try {
    const src = new Source(fh);
    if (o.part) src.limit = PART_HEADER_BYTES;
    const file = o.displayName;
    const sep = separatorOf(o);
    const header = await readHeader(src, file, sep);
    const layout = csvLayout(header.names, header.line, o);
    const names = layout.names;
    const bs = batchRows(o.batchSize, names.length);
    const size = (await fh.stat()).size;
    const threads = o.parallel?.threads ?? readThreads();
    const blockBytes = o.parallel?.blockBytes ?? BLOCK_BYTES;
    const minBytes = o.parallel ? 0 : PARALLEL_MIN_BYTES;
    if (o.part) {
      yield* readCsvPart(fh, layout, src.origin + header.pos, size, bs, layout.numeric, o.part);
      return;
    }
    if (threads > 0 && size - header.pos >= minBytes && size - header.pos > blockBytes) {
      yield* readParallel(path, fh, layout, header.pos, header.nextLine, size, bs, layout.numeric, {
        threads,
        blockBytes,
        workersOnly: o.parallel?.workersOnly ?? false
      });
      return;
    }
    const st = newState(layout, src, header.pos, header.nextLine, Number.POSITIVE_INFINITY, bs);
    for (; ; ) {
      const status = parseRows(st);
      if (status === FULL) {
        yield toBatch(st, layout, layout.numeric);
        st.offset += st.n;
        freshBatch(st, layout);
        continue;
      }
      if (status === DONE) break;
      const from = st.pos;
      if (!await src.refill(from)) throw tooLong(file, st.line);
      follow(st, src, from);
    }
    if (st.n > 0) yield toBatch(st, layout, layout.numeric);
  } finally {
    await fh.close();
  }
}
async function* readCsvPart(fh, layout, dataStart, size, bs, numeric, part) {
  const span = size - dataStart;
  const a = dataStart + Math.floor(span * (part.index - 1) / part.count);
  const b = part.index === part.count ? size : dataStart + Math.floor(span * part.index / part.count);
  const src = new Source(fh, a === dataStart ? a : a - 1);
  src.limit = b;
  await src.refill(0);
  let pos = 0;
  if (a !== dataStart) {
    for (; ; ) {
      let i = pos;
      const buf = src.buf;
      while (i < src.end && buf[i] !== LF && buf[i] !== CR) i++;
      if (i < src.end && (buf[i] === LF || i + 1 < src.end || src.eof)) {
        pos = buf[i] === CR && i + 1 < src.end && buf[i + 1] === LF ? i + 2 : i + 1;
        break;
      }
      if (src.eof) {
        pos = src.end;
        break;
      }
      if (!await src.refill(i)) throw tooLong(layout.file, 1);
      pos = 0;
    }
  }
  const start = src.origin + pos;
  const st = newState(layout, src, pos, 1, b - src.origin, bs);
  try {
    if (start < b) {
      for (; ; ) {
        const status = parseRows(st);
        if (status === FULL) {
          yield toBatch(st, layout, numeric);
          st.offset += st.n;
          freshBatch(st, layout);
          continue;
        }
        if (status === DONE) break;
        const from = st.pos;
        if (!await src.refill(from)) throw tooLong(layout.file, st.line);
        follow(st, src, from);
      }
      if (st.n > 0) yield toBatch(st, layout, numeric);
    }
  } catch (err) {
    if (!(err instanceof DataError) || a === dataStart) throw err;
    throw new DataError(
      err.file,
      { line: err.line },
      `${err.detail} (part ${part.index}/${part.count}, from byte ${start}: the line and row count from there)`
    );
  }
  part.onPart?.({ start, end: start < b ? src.origin + st.pos : start });
}
async function parseBlock(fh, layout, job) {
  const from0 = job.exact ? job.start : job.start - 1;
  const src = new Source(fh, from0);
  await src.refill(0);
  let pos = 0;
  if (!job.exact) {
    for (; ; ) {
      let i = pos;
      const b = src.buf;
      while (i < src.end && b[i] !== LF && b[i] !== CR) i++;
      if (i < src.end && (b[i] === LF || i + 1 < src.end || src.eof)) {
        pos = b[i] === CR && i + 1 < src.end && b[i + 1] === LF ? i + 2 : i + 1;
        break;
      }
      if (src.eof) {
        pos = src.end;
        break;
      }
      if (!await src.refill(i)) return emptyBlock(src.origin + i, layout);
      pos = 0;
    }
  }
  const start = src.origin + pos;
  if (start >= job.stop) return emptyBlock(start, layout);
  const parts = [];
  const st = newState(layout, src, pos, 1, job.stop - src.origin, 65536);
  let error;
  try {
    for (; ; ) {
      const status = parseRows(st);
      if (status === FULL) {
        parts.push({ ...st });
        const offset = st.offset + st.n;
        freshBatch(st, layout);
        st.offset = offset;
        continue;
      }
      if (status === DONE) break;
      const from = st.pos;
      if (!await src.refill(from)) throw tooLong(layout.file, st.line);
      follow(st, src, from);
    }
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    error = { detail: err.detail, line: err.line, row: err.row };
  }
  parts.push(st);
  const rows = parts.reduce((a, p) => a + p.n, 0);
  const base = {
    start,
    end: src.origin + st.pos,
    rows,
    lineCount: st.line - 1,
    ...error ? { error } : {}
  };
  if (parts.length === 1) {
    return {
      ...base,
      lines: st.lines.subarray(0, rows),
      nums: st.nums.map((a) => a?.subarray(0, rows)),
      cells: st.cells,
      bad: st.bad
    };
  }
  const out = {
    ...base,
    lines: new Int32Array(rows),
    nums: layout.isNum.map((num) => num ? new Float64Array(rows) : void 0),
    cells: layout.names.map(() => []),
    bad: layout.isNum.map((num) => num ? { rows: [], texts: [] } : void 0)
  };
  let at = 0;
  for (const p of parts) {
    out.lines.set(p.lines.subarray(0, p.n), at);
    for (let c = 0; c < layout.names.length; c++) {
      const nums = out.nums[c];
      if (nums) {
        nums.set(p.nums[c].subarray(0, p.n), at);
        const pb = p.bad[c];
        for (let k = 0; k < pb.rows.length; k++) {
          out.bad[c].rows.push(at + pb.rows[k]);
          out.bad[c].texts.push(pb.texts[k]);
        }
      } else for (let r = 0; r < p.n; r++) out.cells[c].push(p.cells[c][r]);
    }
    at += p.n;
  }
  return out;
}
function emptyBlock(at, layout) {
  return {
    start: at,
    end: at,
    rows: 0,
    lineCount: 0,
    lines: new Int32Array(0),
    nums: layout.isNum.map((num) => num ? new Float64Array(0) : void 0),
    cells: layout.names.map(() => []),
    bad: layout.isNum.map((num) => num ? { rows: [], texts: [] } : void 0)
  };
}
async function* readParallel(path, fh, layout, dataStart, firstLine, size, bs, numeric, { threads, blockBytes, workersOnly }) {
  const blocks = [];
  for (let s = dataStart; s < size; s += blockBytes) {
    blocks.push({ start: s, stop: Math.min(s + blockBytes, size), exact: s === dataStart });
  }
  const jobs = new OrderedJobs(
    import.meta.url,
    "modelgateCsv",
    { path, layout },
    threads,
    blocks,
    true
  );
  const queue = new Assembler(layout.names, layout.isNum, numeric);
  let handedFrom = -1;
  if (workersOnly) {
    handedFrom = 0;
    jobs.start(0);
  }
  let expected = dataStart;
  let lineBase = firstLine;
  let rowBase = 0;
  try {
    for (let k = 0; k < blocks.length; k++) {
      if (handedFrom < 0 && jobs.started && k + 1 < blocks.length) {
        handedFrom = k + 1;
        jobs.start(handedFrom);
      }
      let r = handedFrom >= 0 && k >= handedFrom ? await jobs.take() : await parseBlock(fh, layout, { ...blocks[k], start: expected, exact: true });
      if (r.start !== expected) {
        r = expected >= blocks[k].stop ? emptyBlock(expected, layout) : await parseBlock(fh, layout, { ...blocks[k], start: expected, exact: true });
      }
      if (r.error) {
        const line = r.error.line !== void 0 ? lineBase + r.error.line - 1 : void 0;
        const row = r.error.row !== void 0 ? rowBase + r.error.row : void 0;
        throw new DataError(layout.file, { line, row }, r.error.detail);
      }
      for (let i = 0; i < r.rows; i++) r.lines[i] += lineBase - 1;
      queue.add(r);
      lineBase += r.lineCount;
      rowBase += r.rows;
      expected = r.end;
      while (queue.available >= bs) yield queue.take(bs);
    }
    if (queue.available > 0) yield queue.take(queue.available);
    if (jobs.failure && handedFrom < 0) {
      process.stderr.write(
        `modelgate: a CSV reader thread failed (${String(jobs.failure)}); read in the main thread
`
      );
    }
  } finally {
    await jobs.close();
  }
}
var workerFile;
serveJobs("modelgateCsv", (data, job) => {
  const { path, layout } = data;
  workerFile ??= openData(path);
  return workerFile.then((fh) => parseBlock(fh, layout, job));
});
function fieldCount(st, row, fields, line) {
  return new DataError(
    st.file,
    { line, row },
    `${fields} field${fields === 1 ? "" : "s"} where the header has ${st.width}; quote fields that contain ${st.sep === COMMA ? 'commas ("a, b")' : SEPARATORS.get(st.sep)?.name}, and give every row as many fields as the header`
  );
}
function countFields(b, start, end, sep) {
  let n = 1;
  let inQuotes = false;
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes) {
      if (c === sep) n++;
      else if (c === LF || c === CR) return String(n);
    }
  }
  return `at least ${n}`;
}
function significantDigits(b, from, to) {
  let sig = 0;
  for (let k = from; k < to; k++) {
    const c = b[k];
    if (c === 46) continue;
    if (sig > 0 || c !== 48) sig++;
  }
  return sig;
}
var tasted = false;
var TASTE_ROWS = 16;
function parseRows(st) {
  if (!tasted && st.n < st.batchSize) {
    tasted = true;
    const status = parseRowsUpTo(st, Math.min(st.n + TASTE_ROWS, st.batchSize));
    if (status !== FULL || st.n === st.batchSize) return status;
  }
  return parseRowsUpTo(st, st.batchSize);
}
function parseRowsUpTo(st, limit) {
  const b = st.buf;
  const end = st.end;
  const eof = st.eof;
  const width = st.width;
  const role = st.role;
  const slot = st.slot;
  const nums = st.nums;
  const cells = st.cells;
  const bad = st.bad;
  const lines = st.lines;
  const bs = limit;
  const into = st.into;
  const tpos = into?.tpos;
  const tdata = into?.data;
  const tw = into?.width ?? 0;
  let nonFinite = false;
  let pos = st.pos;
  let line = st.line;
  let n = st.n;
  let status = NEED_MORE;
  const stop = st.stop;
  const sep = st.sep;
  rows: while (true) {
    if (pos >= stop) {
      status = DONE;
      break;
    }
    if (n === bs) {
      status = FULL;
      break;
    }
    if (pos >= end) {
      status = eof ? DONE : NEED_MORE;
      break;
    }
    const first = b[pos];
    if (first === LF || first === CR) {
      if (first === CR) {
        if (pos + 1 >= end && !eof) break;
        if (pos + 1 < end && b[pos + 1] === LF) pos++;
      }
      pos++;
      line++;
      continue;
    }
    let i = pos;
    let extra = 0;
    for (let h = 0; h < width; h++) {
      const r = role[h];
      let done = false;
      if (r === NUMBER && i < end && b[i] !== QUOTE) {
        let j = i;
        let neg = false;
        let ch = b[j];
        if (ch === 45 || ch === 43) {
          neg = ch === 45;
          j++;
        }
        const d0 = j;
        let mant = 0;
        while (j < end) {
          const d = b[j] - 48;
          if (d < 0 || d > 9) break;
          mant = mant * 10 + d;
          j++;
        }
        let digits = j - d0;
        let scale = 0;
        if (j < end && b[j] === 46) {
          j++;
          const f0 = j;
          while (j < end) {
            const d = b[j] - 48;
            if (d < 0 || d > 9) break;
            mant = mant * 10 + d;
            j++;
          }
          scale = j - f0;
          digits += scale;
        }
        let ok = digits <= 15 || significantDigits(b, d0, j) <= 15;
        let exp = 0;
        if (ok && digits > 0 && j < end && (b[j] === 101 || b[j] === 69)) {
          j++;
          let eneg = false;
          if (j < end && (b[j] === 45 || b[j] === 43)) {
            eneg = b[j] === 45;
            j++;
          }
          const es = j;
          while (j < end && j - es < 4) {
            const d = b[j] - 48;
            if (d < 0 || d > 9) break;
            exp = exp * 10 + d;
            j++;
          }
          if (j === es) ok = false;
          if (eneg) exp = -exp;
        }
        if (ok && digits > 0) {
          if (j >= end && !eof) break rows;
          ch = j < end ? b[j] : sep;
          if (ch === sep || ch === LF || ch === CR) {
            const k = exp - scale;
            let v = Number.NaN;
            if (mant === 0) v = 0;
            else if (k === 0) v = mant;
            else if (k < 0 && k >= -22) v = mant / POW10[-k];
            else if (k > 0 && k <= 22) v = mant * POW10[k];
            if (!Number.isNaN(v)) {
              const x = neg ? -v : v;
              nums[slot[h]][n] = x;
              if (tpos !== void 0 && tpos[h] >= 0) tdata[n * tw + tpos[h]] = x;
              i = j;
              done = true;
            }
          }
        }
      }
      if (r === INTEGER && i < end) {
        let j = i;
        const neg = b[j] === 45;
        if (neg) j++;
        const d0 = j;
        let mant = 0;
        while (j < end) {
          const d = b[j] - 48;
          if (d < 0 || d > 9) break;
          mant = mant * 10 + d;
          j++;
        }
        const digits = j - d0;
        if (digits > 0 && digits <= 15 && (b[d0] !== 48 || digits === 1 && !neg)) {
          if (j >= end && !eof) break rows;
          const ch = j < end ? b[j] : sep;
          if (ch === sep || ch === LF || ch === CR) {
            nums[slot[h]][n] = neg ? -mant : mant;
            i = j;
            done = true;
          }
        }
      }
      if (!done) {
        let s = i;
        let e = i;
        let quoted = false;
        let doubled = false;
        if (i < end && b[i] === QUOTE) {
          quoted = true;
          let j = i + 1;
          for (; ; ) {
            const q = b.indexOf(QUOTE, j);
            if (q < 0 || q >= end) {
              if (!eof) break rows;
              throw new DataError(
                st.file,
                { line, row: st.offset + n + 1 },
                'a quoted field is not closed before the end of the file; close it with a quote ("), and double quotes inside it ("")'
              );
            }
            if (q + 1 >= end && !eof) break rows;
            if (q + 1 < end && b[q + 1] === QUOTE) {
              doubled = true;
              j = q + 2;
              continue;
            }
            s = i + 1;
            e = q;
            break;
          }
          for (let k = s; k < e; k++) if (b[k] === LF) extra++;
          i = e + 1;
          if (i < end) {
            const t = b[i];
            if (t !== sep && t !== LF && t !== CR) {
              throw new DataError(
                st.file,
                { line: line + extra, row: st.offset + n + 1 },
                `a character after the closing quote of field ${h + 1}; a quoted field ends at its closing quote \u2014 double quotes inside it ("")`
              );
            }
          } else if (!eof) break rows;
        } else {
          let j = i;
          while (j < end) {
            const t = b[j];
            if (t === sep || t === LF || t === CR) break;
            j++;
          }
          if (j >= end && !eof) break rows;
          s = i;
          e = j;
          i = j;
        }
        if (r === NUMBER) {
          let x = Number.NaN;
          if (s !== e) {
            let text = b.toString("utf8", s, e);
            if (doubled) text = text.replaceAll('""', '"');
            const v = parseNumberText(text);
            if (v === void 0) {
              const nb = bad[slot[h]];
              nb.rows.push(n);
              nb.texts.push(text);
            } else if (v !== null) x = v;
          }
          nums[slot[h]][n] = x;
          if (!Number.isFinite(x)) nonFinite = true;
          if (tpos !== void 0 && tpos[h] >= 0) tdata[n * tw + tpos[h]] = x;
        } else if (r === INTEGER) {
          nums[slot[h]][n] = Number.NaN;
          if (quoted || s !== e) {
            let text = b.toString("utf8", s, e);
            if (doubled) text = text.replaceAll('""', '"');
            const nb = bad[slot[h]];
            nb.rows.push(n);
            nb.texts.push(text);
          }
        } else if (r === TEXT) {
          let v;
          if (quoted) {
            v = b.toString("utf8", s, e);
            if (doubled) v = v.replaceAll('""', '"');
          } else if (s === e) v = null;
          else v = e - s === 1 && b[s] < 128 ? ASCII[b[s]] : textAt(b, s, e);
          cells[slot[h]].push(v);
        }
      }
      if (h < width - 1) {
        if (i < end) {
          if (b[i] === sep) {
            i++;
            continue;
          }
          throw fieldCount(st, st.offset + n + 1, h + 1, line);
        }
        if (!eof) break rows;
        throw fieldCount(st, st.offset + n + 1, h + 1, line);
      }
      if (i < end) {
        const t = b[i];
        if (t === LF) i++;
        else if (t === CR) {
          if (i + 1 >= end && !eof) break rows;
          i += i + 1 < end && b[i + 1] === LF ? 2 : 1;
        } else throw fieldCount(st, st.offset + n + 1, countFields(b, pos, end, sep), line);
      } else if (!eof) break rows;
    }
    lines[n] = line;
    n++;
    line += 1 + extra;
    pos = i;
  }
  if (status === NEED_MORE) {
    for (const c of cells) if (c.length > n) c.length = n;
    for (const x of bad) {
      if (!x) continue;
      while (x.rows.length > 0 && x.rows[x.rows.length - 1] === n) {
        x.rows.pop();
        x.texts.pop();
      }
    }
  }
  st.pos = pos;
  st.line = line;
  st.n = n;
  if (into && nonFinite) into.nonFinite = true;
  return status;
}
function scanRecord(b, pos, end, eof, file, line, sep = COMMA) {
  const fields = [];
  let extra = 0;
  let i = pos;
  for (; ; ) {
    if (i < end && b[i] === QUOTE) {
      let j = i + 1;
      for (; ; ) {
        const q = b.indexOf(QUOTE, j);
        if (q < 0 || q >= end) {
          if (!eof) return void 0;
          throw new DataError(file, { line }, 'a quoted field of the header is not closed; close it with a quote (")');
        }
        if (q + 1 >= end && !eof) return void 0;
        if (q + 1 < end && b[q + 1] === QUOTE) {
          j = q + 2;
          continue;
        }
        fields.push(b.toString("utf8", i + 1, q).replaceAll('""', '"'));
        for (let k = i + 1; k < q; k++) if (b[k] === LF) extra++;
        i = q + 1;
        break;
      }
      if (i < end && b[i] !== sep && b[i] !== LF && b[i] !== CR) {
        throw new DataError(
          file,
          { line },
          'a character after a closing quote in the header; double quotes inside a quoted field ("")'
        );
      }
    } else {
      const s = i;
      while (i < end && b[i] !== sep && b[i] !== LF && b[i] !== CR) i++;
      if (i >= end && !eof) return void 0;
      fields.push(b.toString("utf8", s, i));
    }
    if (i >= end) return { fields, next: i, extra };
    const c = b[i];
    if (c === sep) {
      i++;
      continue;
    }
    if (c === CR) {
      if (i + 1 >= end && !eof) return void 0;
      if (i + 1 < end && b[i + 1] === LF) i++;
    }
    return { fields, next: i + 1, extra };
  }
}

const require$b = createRequire(import.meta.url);

// src/evaluate/model-io.ts
var COLUMN_INPUT_TYPES = ["float32", "float64", "int64", "int32", "string", "bool"];
function shapeText(s) {
  return s ? `[${s.map((d) => typeof d === "number" && d < 0 ? "N" : d).join(", ")}]` : "[?]";
}
var isDynamic = (d) => typeof d === "string" || d < 0;
function sameShape(declared, actual) {
  if (!declared) return true;
  if (declared.length !== actual.length) return false;
  return declared.every((d, i) => isDynamic(d) ? isDynamic(actual[i]) : !isDynamic(actual[i]) && d === actual[i]);
}
function declaredProblems(sig, declared) {
  const problems = [];
  for (const side of ["inputs", "outputs"]) {
    const kind = side === "inputs" ? "input" : "output";
    const actual = sig[side];
    declared[side].forEach((d, i) => {
      const a = actual.find((x) => x.name === d.name);
      const path = ["spec", "signature", side, i];
      if (!a) {
        problems.push({
          kind: "signature",
          path,
          message: `${kind} "${d.name}": declared, but the model has no such ${kind} (it has: ${actual.map((x) => x.name).join(", ")})`
        });
      } else if (d.type !== a.type || !sameShape(d.shape, a.shape)) {
        problems.push({
          kind: "signature",
          path,
          message: `${kind} "${d.name}": the manifest says ${d.type} ${shapeText(d.shape)}, the model has ${a.type} ${shapeText(a.shape)}`
        });
      }
    });
    for (const a of actual) {
      if (!declared[side].some((d) => d.name === a.name))
        problems.push({
          kind: "signature",
          path: ["spec", "signature", side],
          message: `${kind} "${a.name}": in the model but not declared in spec.signature`
        });
    }
  }
  return problems;
}
function inputProblems(sig, io, plan) {
  const inputs = sig.inputs;
  const names = inputs.map((i) => i.name).join(", ");
  if (io.mode === "tensor") {
    const name = io.tensor ?? (inputs.length === 1 ? inputs[0].name : void 0);
    if (!name) {
      return [
        {
          kind: "usage",
          path: ["spec", "inputs"],
          message: `the model has ${inputs.length} inputs (${names}); name the one that takes the feature tensor (spec.inputs.tensor) or use spec.inputs.mode: columns`
        }
      ];
    }
    const spec = inputs.find((i) => i.name === name);
    if (!spec)
      return [
        {
          kind: "usage",
          path: ["spec", "inputs", "tensor"],
          message: `the model has no input "${name}" (it has: ${names})`
        }
      ];
    const problems2 = [];
    const unfed2 = inputs.filter((i) => i.name !== name);
    if (unfed2.length > 0) {
      problems2.push({
        kind: "usage",
        path: ["spec", "inputs"],
        message: `inputs ${unfed2.map((i) => `"${i.name}"`).join(", ")} would get no data: tensor mode feeds one input; use spec.inputs.mode: columns`
      });
    }
    if (spec.type !== "float32" && spec.type !== "float64") {
      problems2.push({
        kind: "model",
        path: io.tensor ? ["spec", "inputs", "tensor"] : ["spec", "inputs"],
        message: `input "${name}" is ${spec.type}; tensor mode feeds float32 or float64 features`
      });
    }
    const width = spec.shape[1];
    if (spec.shape.length !== 2 || typeof width === "number" && width > 0 && width !== io.features.length) {
      problems2.push({
        kind: "model",
        path: ["spec", "inputs", "features"],
        message: `input "${name}" has shape ${shapeText(spec.shape)} but ${io.features.length} features are mapped to it (${io.features.join(", ")})`
      });
    }
    if (problems2.length === 0) plan.tensor = { name, type: spec.type };
    return problems2;
  }
  const problems = [];
  io.features.forEach((f, i) => {
    const spec = inputs.find((x) => x.name === f);
    const path = ["spec", "inputs", "features", i];
    if (!spec) {
      problems.push({
        kind: "usage",
        path,
        message: `the model has no input named "${f}" for column "${f}" (inputs: ${names}); in columns mode each feature column feeds the input of the same name`
      });
    } else if (spec.kind !== "tensor" || !COLUMN_INPUT_TYPES.includes(spec.type)) {
      problems.push({
        kind: "model",
        path,
        message: `input "${f}" is ${spec.type}, which modelgate cannot feed from a column`
      });
    } else plan.columnTypes.set(f, spec.type);
  });
  const unfed = inputs.filter((i) => !io.features.includes(i.name));
  if (unfed.length > 0) {
    problems.push({
      kind: "usage",
      path: ["spec", "inputs", "features"],
      message: `inputs ${unfed.map((i) => `"${i.name}"`).join(", ")} have no column; add them to spec.inputs.features`
    });
  }
  return problems;
}
var isFloat = (o) => o.kind === "tensor" && (o.type === "float32" || o.type === "float64");
function outputProblems(sig, graph, task, io, plan) {
  const outs = sig.outputs;
  const describe = outs.map((o) => `${o.name} (${o.type})`).join(", ");
  const problems = [];
  for (const key2 of ["probability", "label", "value"]) {
    const name = io.outputs?.[key2];
    if (name && !outs.some((o) => o.name === name))
      problems.push({
        kind: "usage",
        path: ["spec", "outputs", key2],
        message: `the model has no output "${name}" (outputs: ${describe})`
      });
  }
  if (problems.length > 0) return problems;
  const key = task === "regression" ? "value" : "probability";
  const named = io.outputs?.[key];
  const tensors = outs.filter((o) => o.kind === "tensor");
  const chosen = named ?? (task === "regression" ? tensors.find(isFloat)?.name : outs.find((o) => o.kind === "sequence" && /prob/i.test(o.name))?.name ?? tensors.find((o) => isFloat(o) && /prob|score/i.test(o.name))?.name ?? outs.find((o) => o.kind === "sequence")?.name ?? tensors.find(isFloat)?.name);
  const path = named ? ["spec", "outputs", key] : ["spec", "outputs"];
  if (!chosen) {
    return [
      {
        kind: "model",
        path,
        message: task === "regression" ? `the model has no float tensor output for a regression value (outputs: ${describe})` : `the model has no probability output that onnxruntime-node can return (outputs: ${describe}); export the probabilities as a tensor (skl2onnx: options={"zipmap": False}) or set spec.outputs.probability`
      }
    ];
  }
  const spec = outs.find((o) => o.name === chosen);
  let shape = spec.shape;
  plan.classLabels = graph.classLabels;
  plan.fetch = chosen;
  if (spec.kind !== "tensor") {
    const z = graph.zipMaps.find((x) => x.output === chosen);
    if (!z) {
      return [
        {
          kind: "model",
          path,
          message: `output "${chosen}" is a ${spec.type}, which onnxruntime-node cannot return, and no ZipMap node produces it; export it as a tensor`
        }
      ];
    }
    plan.fetch = z.tensor;
    plan.classLabels = z.classLabels ?? plan.classLabels;
    plan.zipMap = { output: chosen, tensor: z.tensor, type: spec.type };
    shape = ["N", plan.classLabels?.length ?? -1];
  } else if (!isFloat(spec)) {
    return [
      {
        kind: "model",
        path,
        message: `output "${chosen}" is ${spec.type} ${shapeText(spec.shape)}; predictions must be float32 or float64 (name the probability or value output in spec.outputs)`
      }
    ];
  }
  const fixed = typeof shape[1] === "number" && shape[1] > 0;
  if (shape.length <= 1) plan.width = 1;
  else if (shape.length === 2 && fixed) plan.width = shape[1];
  else if (shape.length === 2 && plan.classLabels) plan.width = plan.classLabels.length;
  else if (shape.length === 2 && task === "binary-classification") plan.width = 2;
  else {
    return [
      {
        kind: "model",
        path,
        message: `output "${chosen}" has shape ${shapeText(shape)}; modelgate needs [N], [N, 1] or [N, classes] with a fixed class count`
      }
    ];
  }
  return [];
}
function planModelIo(sig, graph, task, io) {
  const plan = { columnTypes: /* @__PURE__ */ new Map(), fetch: "", width: 0 };
  const problems = [
    ...io.signature ? declaredProblems(sig, io.signature) : [],
    ...inputProblems(sig, io, plan),
    ...outputProblems(sig, graph, task, io, plan)
  ];
  return problems.length > 0 ? { problems } : { plan, problems };
}
function ioProblemsMessage(file, problems) {
  const declared = problems.filter((p) => p.kind === "signature");
  const other = problems.filter((p) => p.kind !== "signature");
  const parts = [];
  if (declared.length > 0) {
    parts.push(
      `${file} does not match its declared signature:
  ${declared.map((p) => p.message).join("\n  ")}
Update spec.signature or re-export the model.`
    );
  }
  if (other.length === 1) parts.push(`${file}: ${other[0].message}`);
  else if (other.length > 1)
    parts.push(`${file} cannot run as its manifest maps it:
  ${other.map((p) => p.message).join("\n  ")}`);
  return parts.join("\n");
}

const require$a = createRequire(import.meta.url);

// src/data/typed-value.ts
function typedValue(col, cell) {
  if (cell === null) return null;
  switch (col.type) {
    case "float": {
      const n = typeof cell === "string" ? parseNumberText(cell) : cellToNumber(cell);
      if (n === null || n === void 0) return n;
      if (Number.isNaN(n)) return typeof cell === "string" || typeof cell === "number" ? null : void 0;
      return Number.isFinite(n) ? n : void 0;
    }
    case "integer": {
      const n = typeof cell === "string" ? parseNumberText(cell) : cellToNumber(cell);
      if (n === null) return null;
      return n !== void 0 && Number.isInteger(n) ? n : void 0;
    }
    case "boolean": {
      if (typeof cell === "boolean") return cell;
      const s = cellToString(cell)?.trim().toLowerCase();
      if (s === "true" || s === "1") return true;
      if (s === "false" || s === "0") return false;
      return void 0;
    }
    default:
      return cellToString(cell);
  }
}

// src/data/drift.ts
var MIN_EXPECTED = 5;
var DRIFT_ALPHA = 1e-3;
var EPS = 1e-4;
function featureDrift(reference, referenceRows, actual, ordered) {
  const m = actual.reduce((a, b) => a + b, 0);
  const sumRef = reference.reduce((a, b) => a + b, 0);
  const e = reference.map((f) => sumRef > 0 ? f / sumRef : 0);
  const n = referenceRows;
  if (m === 0) return void 0;
  const refCounts = n !== void 0 ? e.map((f) => f * n) : void 0;
  const expected = e.map(
    (f, j) => refCounts && n !== void 0 ? Math.min(n, m) * (refCounts[j] + actual[j]) / (n + m) : m * f
  );
  const groups = ordered ? mergeOrdered(expected) : mergeUnordered(expected);
  if (groups.length < 2) return void 0;
  const sum = (xs, g) => g.reduce((a, j) => a + xs[j], 0);
  const ge = groups.map((g) => sum(e, g));
  const ga = groups.map((g) => sum(actual, g));
  let psi = 0;
  for (let k = 0; k < groups.length; k++) {
    const ef = Math.max(ge[k], EPS);
    const af = Math.max(ga[k] / m, EPS);
    psi += (af - ef) * Math.log(af / ef);
  }
  let x2 = 0;
  if (refCounts && n !== void 0) {
    const gr = groups.map((g) => sum(refCounts, g));
    const t = n + m;
    for (let k = 0; k < groups.length; k++) {
      const c = gr[k] + ga[k];
      if (c === 0) continue;
      const er = n * c / t;
      const ea = m * c / t;
      x2 += (gr[k] - er) ** 2 / er + (ga[k] - ea) ** 2 / ea;
    }
  } else {
    for (let k = 0; k < groups.length; k++) {
      const ea = m * ge[k];
      if (ea > 0) x2 += (ga[k] - ea) ** 2 / ea;
      else if (ga[k] > 0) x2 = Number.POSITIVE_INFINITY;
    }
  }
  return {
    psi,
    p: chiSquareSurvival(x2, groups.length - 1),
    bins: groups.length,
    profileBins: reference.length,
    rows: { ...n !== void 0 ? { reference: Math.round(n) } : {}, actual: m }
  };
}
function driftLevel(d, limits, features) {
  if (d.p >= DRIFT_ALPHA / Math.max(1, features)) return "ok";
  if (d.psi >= limits.psiFail) return "fail";
  if (d.psi >= limits.psiWarn) return "warn";
  return "ok";
}
function mergeOrdered(expected) {
  const groups = [];
  let cur = [];
  let acc = 0;
  for (let j = 0; j < expected.length; j++) {
    cur.push(j);
    acc += expected[j];
    if (acc >= MIN_EXPECTED) {
      groups.push(cur);
      cur = [];
      acc = 0;
    }
  }
  if (cur.length > 0) {
    if (groups.length > 0) groups[groups.length - 1].push(...cur);
    else groups.push(cur);
  }
  return groups;
}
function mergeUnordered(expected) {
  const order = expected.map((_, j) => j).sort((a, b) => expected[a] - expected[b] || a - b);
  const pool = [];
  let acc = 0;
  let k = 0;
  while (k < order.length && expected[order[k]] < MIN_EXPECTED) {
    pool.push(order[k]);
    acc += expected[order[k]];
    k++;
  }
  while (pool.length > 0 && acc < MIN_EXPECTED && k < order.length) {
    pool.push(order[k]);
    acc += expected[order[k]];
    k++;
  }
  const groups = order.slice(k).map((j) => [j]);
  if (pool.length > 0) {
    if (acc >= MIN_EXPECTED || groups.length === 0) groups.push(pool);
    else groups[groups.length - 1].push(...pool);
  }
  return groups.sort((a, b) => Math.min(...a) - Math.min(...b));
}
function chiSquareSurvival(x, df) {
  if (!(x > 0)) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  return gammaQ(df / 2, x / 2);
}
function logGamma(z) {
  const c = [
    0.9999999999998099,
    676.5203681218851,
    -1259.1392167224028,
    771.3234287776531,
    -176.6150291621406,
    12.507343278686905,
    -0.13857109526572012,
    9984369578019572e-21,
    15056327351493116e-23
  ];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const w = z - 1;
  let a = c[0];
  const t = w + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (w + i);
  return 0.5 * Math.log(2 * Math.PI) + (w + 0.5) * Math.log(t) - t + Math.log(a);
}
function gammaQ(a, x) {
  const lg = logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 1e3; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.max(0, 1 - sum * Math.exp(-x + a * Math.log(x) - lg));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1e3; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return Math.exp(-x + a * Math.log(x) - lg) * h;
}

const require$9 = createRequire(import.meta.url);

// src/util/random.ts
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}

// src/data/profile.ts
var PROFILE_BINS = 10;
var PROFILE_TOP_VALUES = 20;
var OTHER = "__other__";
var SAMPLE_SIZE = 1e5;
var Reservoir = class {
  constructor(size = SAMPLE_SIZE) {
    this.size = size;
  }
  size;
  values = [];
  seen = 0;
  random = rng(12345);
  add(v) {
    this.seen++;
    if (this.values.length < this.size) this.values.push(v);
    else {
      const j = Math.floor(this.random() * this.seen);
      if (j < this.size) this.values[j] = v;
    }
  }
};
function quantileEdges(sample, bins = PROFILE_BINS) {
  if (sample.length === 0) return [];
  const s = Float64Array.from(sample).sort();
  const edges = [];
  for (let k = 1; k < bins; k++) {
    const v = s[Math.min(s.length - 1, Math.floor(k * s.length / bins))];
    const rounded = Number(v.toPrecision(6));
    if (edges.length === 0 || rounded > edges[edges.length - 1]) edges.push(rounded);
  }
  return edges;
}
function binOf(edges, v) {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (v <= edges[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
var ProfileCounter = class {
  numeric = /* @__PURE__ */ new Map();
  categorical = /* @__PURE__ */ new Map();
  /**
   * A numeric column counted in the bins between `edges`; with `binsOnly`, nothing else of it is counted (no distinct
   * values, sums or range: `result` is not for such a column), for a drift check, whose values are only binned.
   */
  addNumericColumn(name, edges, binsOnly = false) {
    this.numeric.set(name, {
      edges,
      counts: new Array(edges.length + 1).fill(0),
      nulls: 0,
      sum: 0,
      sq: 0,
      min: Infinity,
      max: -Infinity,
      distinct: binsOnly ? void 0 : /* @__PURE__ */ new Set(),
      many: false,
      ...binsOnly ? { binsOnly: true } : {}
    });
  }
  addCategoricalColumn(name) {
    this.categorical.set(name, { counts: /* @__PURE__ */ new Map(), nulls: 0 });
  }
  has(name) {
    return this.numeric.has(name) || this.categorical.has(name);
  }
  /** Its columns and counts, as data: a scan kept in this process (scan.ts) gives them to a counter set up alike. */
  snapshot() {
    return structuredClone({ numeric: [...this.numeric], categorical: [...this.categorical] });
  }
  /** Takes the columns and counts of a snapshot in place of its own. */
  restore(s) {
    const copy = structuredClone(s);
    this.numeric.clear();
    for (const [k, v] of copy.numeric) this.numeric.set(k, v);
    this.categorical.clear();
    for (const [k, v] of copy.categorical) this.categorical.set(k, v);
  }
  addNumber(name, v) {
    const c = this.numeric.get(name);
    if (!c) return;
    if (v === null || Number.isNaN(v)) {
      c.nulls++;
      return;
    }
    c.counts[binOf(c.edges, v)]++;
    if (c.binsOnly) return;
    if (c.distinct && !c.distinct.has(v)) {
      c.distinct.add(v);
      if (c.distinct.size > PROFILE_DISTINCT_CAP) {
        c.distinct = void 0;
        c.many = true;
      }
    }
    c.sum += v;
    c.sq += v * v;
    if (v < c.min) c.min = v;
    if (v > c.max) c.max = v;
  }
  /**
   * addNumber of each value of `values[0, n)` in order, a NaN as null (a numeric column's batch as the readers give it,
   * every cell a number or a null); ±Infinity is left out, as a typed value refuses it. One loop, no call per value.
   */
  addNumbers(name, values, n) {
    const c = this.numeric.get(name);
    if (!c) return;
    if (c.binsOnly) {
      addBins(c, values, n);
      return;
    }
    const { edges, counts } = c;
    let { nulls, sum, sq, min, max, distinct } = c;
    for (let r = 0; r < n; r++) {
      const v = values[r];
      if (v - v !== 0) {
        if (Number.isNaN(v)) nulls++;
        continue;
      }
      let lo = 0;
      let hi = edges.length;
      while (lo < hi) {
        const mid = lo + hi >> 1;
        if (v <= edges[mid]) hi = mid;
        else lo = mid + 1;
      }
      counts[lo]++;
      if (distinct && !distinct.has(v)) {
        distinct.add(v);
        if (distinct.size > PROFILE_DISTINCT_CAP) {
          distinct = void 0;
          c.many = true;
        }
      }
      sum += v;
      sq += v * v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    Object.assign(c, { nulls, sum, sq, min, max, distinct });
  }
  addValue(name, v) {
    const c = this.categorical.get(name);
    if (!c) return;
    if (v === null) c.nulls++;
    else c.counts.set(v, (c.counts.get(v) ?? 0) + 1);
  }
  /**
   * A column's counts in the bins of a reference profile entry, with the reference's fractions in the same order:
   * numeric columns in the reference's bins (the edges it was added with); categorical ones by the reference's values,
   * any other value under __other__ (a bin the reference may not have: fraction 0). Undefined when the kinds differ.
   */
  binned(name, ref) {
    const num = this.numeric.get(name);
    if (ref.kind === "numeric") {
      if (!num || num.counts.length !== ref.fractions.length) return void 0;
      return { reference: ref.fractions, actual: num.counts, ordered: true };
    }
    const cat = this.categorical.get(name);
    if (!cat) return void 0;
    const keys = Object.keys(ref.fractions).filter((k) => k !== OTHER).sort();
    const known = new Set(keys);
    let other = 0;
    for (const [k, v] of cat.counts) if (!known.has(k)) other += v;
    const withOther = other > 0 || OTHER in ref.fractions;
    return {
      reference: [...keys.map((k) => ref.fractions[k]), ...withOther ? [ref.fractions[OTHER] ?? 0] : []],
      actual: [...keys.map((k) => cat.counts.get(k) ?? 0), ...withOther ? [other] : []],
      ordered: false
    };
  }
  /** The profile; categorical values beyond the top ones are pooled as __other__ (or against `keep`). */
  result(keep) {
    const out = {};
    const r6 = (x) => Number(x.toFixed(6));
    for (const [name, c] of this.numeric) {
      const n = c.counts.reduce((a, b) => a + b, 0);
      const total = n + c.nulls;
      const mean = n ? c.sum / n : 0;
      out[name] = {
        kind: "numeric",
        edges: c.edges,
        fractions: c.counts.map((k) => n ? r6(k / n) : 0),
        nullFraction: total ? r6(c.nulls / total) : 0,
        count: n,
        distinct: c.many ? PROFILE_DISTINCT_CAP + 1 : c.distinct?.size ?? 0,
        ...n ? { mean: r6(mean), std: r6(Math.sqrt(Math.max(c.sq / n - mean * mean, 0))), min: c.min, max: c.max } : {}
      };
    }
    for (const [name, c] of this.categorical) {
      const n = [...c.counts.values()].reduce((a, b) => a + b, 0);
      const total = n + c.nulls;
      const prior = keep?.[name];
      const kept = prior?.kind === "categorical" ? new Set(Object.keys(prior.fractions).filter((k) => k !== OTHER)) : new Set(
        [...c.counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, PROFILE_TOP_VALUES).map(([k]) => k)
      );
      const fractions = {};
      let other = 0;
      for (const k of [...kept].sort()) fractions[k] = n ? r6((c.counts.get(k) ?? 0) / n) : 0;
      for (const [k, v] of c.counts) if (!kept.has(k)) other += v;
      if (other > 0 || prior?.kind === "categorical") fractions[OTHER] = n ? r6(other / n) : 0;
      out[name] = {
        kind: "categorical",
        fractions,
        nullFraction: total ? r6(c.nulls / total) : 0,
        count: n,
        distinct: Math.min(c.counts.size, PROFILE_DISTINCT_CAP + 1)
      };
    }
    return out;
  }
};
function addBins(c, values, n) {
  const { edges, counts } = c;
  const last = edges.length;
  let nulls = 0;
  for (let r = 0; r < n; r++) {
    const v = values[r];
    if (v - v !== 0) {
      if (Number.isNaN(v)) nulls++;
      continue;
    }
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (v <= edges[mid]) hi = mid;
      else lo = mid + 1;
    }
    counts[lo]++;
  }
  c.nulls += nulls;
}
function profileDrift(reference, referenceRows, counter) {
  const out = {};
  for (const [name, ref] of Object.entries(reference)) {
    if (!counter.has(name)) continue;
    const b = counter.binned(name, ref);
    if (!b) continue;
    const n = referenceRows !== void 0 ? referenceRows * (1 - ref.nullFraction) : void 0;
    out[name] = featureDrift(b.reference, n, b.actual, b.ordered) ?? null;
  }
  return out;
}

const require$8 = createRequire(import.meta.url);

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

const require$7 = createRequire(import.meta.url);

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
  /** The WebAssembly kernel of this batch (row-lanes-wasm.ts), or null; with it, a, b and x are views of its memory. */
  kernel = null;
  x = new Float64Array(0);
  start(n) {
    const room = n + 1 & ~1;
    const had = this.kernel;
    const k = this.wasm ? laneKernel(room * 16) : null;
    this.kernel = k;
    if (k) {
      this.a = new Int32Array(k.memory.buffer, 0, n);
      this.b = new Int32Array(k.memory.buffer, room * 4, n);
      this.x = new Float64Array(k.memory.buffer, room * 8, n);
    } else if (had || this.a.length < n) {
      this.a = new Int32Array(n);
      this.b = new Int32Array(n);
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
    const k = this.kernel;
    if (k) {
      const x = this.x;
      x.set(nums.subarray(0, n));
      if (k.numbers(la.byteOffset, lb.byteOffset, x.byteOffset, n) === 0) return;
      for (let r = 0; r < n; r++) if (x[r] - x[r] !== 0) this.mix(r, this.cellWords(cellAt(b, c, r, bad)));
      return;
    }
    for (let r = 0; r < n; r++) {
      const x = nums[r];
      if (x - x !== 0) {
        this.mix(r, this.cellWords(cellAt(b, c, r, bad)));
        continue;
      }
      f642[0] = x + 0;
      let ha = la[r];
      let hb = lb[r];
      for (let i = 0; i < 3; i++) {
        const w = i === 0 ? TAG_NUMBER2 : u32[i - 1];
        let k2 = Math.imul(w, 3432918353);
        k2 = k2 << 15 | k2 >>> 17;
        ha ^= Math.imul(k2, 461845907);
        ha = ha << 13 | ha >>> 19;
        ha = Math.imul(ha, 5) + 3864292196 | 0;
        k2 = Math.imul(w ^ 2654435769, 2246822519);
        k2 = k2 << 17 | k2 >>> 15;
        hb ^= Math.imul(k2, 3266489917);
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
    const k = this.kernel;
    if (k) {
      k.fmix(la.byteOffset, n);
      k.fmix(lb.byteOffset, n);
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

const require$6 = createRequire(import.meta.url);

// src/validate/data.ts
var MAX_REPEATED = 10;
async function checkData(repo, d, file, error, warn, read = {}) {
  const spec = d.value.spec;
  const { display, ...scanOptions } = read;
  const name = display ?? repoRelative(repo.root, file);
  let scan;
  try {
    scan = await scanDataset(file, d.value, { displayName: name, ...scanOptions });
  } catch (err) {
    error(at$1(d, ["spec", "path"]), "data", err.message);
    return void 0;
  }
  const header = new Set(scan.header);
  for (const [i, c] of spec.columns.entries()) {
    const pos = at$1(d, ["spec", "columns", i]);
    if (!header.has(c.name)) {
      const near = didYouMean(c.name, header);
      error(
        pos,
        "data",
        `${name} has no column "${c.name}"${near ? `; did you mean "${near}"?` : `; it has: ${scan.header.join(", ")}`}`,
        c.name
      );
      continue;
    }
    const s = scan.stats.get(c.name);
    const ex = (p) => `${p.count} row${p.count === 1 ? "" : "s"} (first: row ${p.firstRow}${p.firstLine ? `, line ${p.firstLine}` : ""}; e.g. ${p.examples.map((e) => JSON.stringify(e)).join(", ")})`;
    if (s.typeErrors) error(pos, "data", `${name}: ${ex(s.typeErrors)} not of type ${c.type}`, c.name);
    if (s.nulls > 0 && !c.nullable)
      error(
        pos,
        "data",
        `${name}: ${s.nulls} null value${s.nulls === 1 ? "" : "s"} in a column declared nullable: false`,
        c.name
      );
    const frac = scan.rows ? s.nulls / scan.rows : 0;
    if (c.maxNullFraction !== void 0 && frac > c.maxNullFraction) {
      error(
        pos,
        "data",
        `${name}: null fraction ${frac.toFixed(4)} exceeds maxNullFraction ${c.maxNullFraction}`,
        c.name
      );
    }
    if (s.belowMin) error(pos, "data", `${name}: ${ex(s.belowMin)} below min ${c.min}`, c.name);
    if (s.aboveMax) error(pos, "data", `${name}: ${ex(s.aboveMax)} above max ${c.max}`, c.name);
    const widen = "the data reaches further than before: check them, and widen expected if they are valid";
    if (s.belowExpected)
      warn(pos, "data", `${name}: ${ex(s.belowExpected)} below ${c.expected?.min}, expected.min; ${widen}`, c.name);
    if (s.aboveExpected)
      warn(pos, "data", `${name}: ${ex(s.aboveExpected)} above ${c.expected?.max}, expected.max; ${widen}`, c.name);
    if (s.notAllowed)
      error(pos, "data", `${name}: ${ex(s.notAllowed)} not among the allowed values [${c.values?.join(", ")}]`, c.name);
    if (s.duplicates) error(pos, "data", `${name}: ${ex(s.duplicates)} duplicate values in a unique column`, c.name);
  }
  const declared = new Set(spec.columns.map((c) => c.name));
  const undeclared = scan.header.filter((col) => !declared.has(col));
  for (const col of undeclared.slice(0, MAX_REPEATED)) {
    warn(at$1(d, ["spec", "columns"]), "data", `${name} has a column "${col}" that the manifest does not declare`, col);
  }
  if (undeclared.length > MAX_REPEATED) {
    const more = undeclared.length - MAX_REPEATED;
    warn(
      at$1(d, ["spec", "columns"]),
      "data",
      `${name} has ${undeclared.length.toLocaleString("en-US")} columns that the manifest does not declare (the first ${MAX_REPEATED} above), and ${more.toLocaleString("en-US")} more: ${undeclared.slice(MAX_REPEATED, MAX_REPEATED + 5).map((c) => `"${c}"`).join(", ")}${more > 5 ? ", \u2026" : ""}; declare the ones the models use`
    );
  }
  if (scan.uniqueByDuplicates) {
    error(
      at$1(d, ["spec", "checks", "uniqueBy"]),
      "data",
      `${name}: ${scan.uniqueByDuplicates.count} duplicate rows over [${spec.checks?.uniqueBy?.join(", ")}] (first: row ${scan.uniqueByDuplicates.firstRow}${scan.uniqueByDuplicates.firstLine ? `, line ${scan.uniqueByDuplicates.firstLine}` : ""})`
    );
  }
  if (spec.rows !== void 0 && spec.rows !== scan.rows) {
    error(
      at$1(d, ["spec", "rows"]),
      "data",
      `${name} has ${scan.rows} rows, not the ${spec.rows} the manifest records; run \`modelgate lock\` if the change is intended`
    );
  }
  if (spec.checks?.minRows !== void 0 && scan.rows < spec.checks.minRows) {
    error(
      at$1(d, ["spec", "checks", "minRows"]),
      "data",
      `${name} has ${scan.rows} rows, fewer than minRows ${spec.checks.minRows}`
    );
  }
  if (spec.checks?.maxRows !== void 0 && scan.rows > spec.checks.maxRows) {
    error(
      at$1(d, ["spec", "checks", "maxRows"]),
      "data",
      `${name} has ${scan.rows} rows, more than maxRows ${spec.checks.maxRows}`
    );
  }
  return scan;
}
function checkLabel(m, d, scan, error) {
  const spec = m.value.spec;
  const s = scan.stats.get(spec.label.column);
  if (!s || !scan.header.includes(spec.label.column)) return;
  const pos = at$1(m, ["spec", "label", "column"]);
  const seen = [...s.distinct].sort();
  if (spec.task === "binary-classification" && (s.distinctOverflow || seen.length > 2)) {
    error(
      pos,
      "data",
      `binary-classification needs at most 2 label values, but "${spec.label.column}" in ${d.file} has ${s.distinctOverflow ? "more than 1000" : seen.length} (${seen.slice(0, 5).join(", ")}\u2026)`,
      spec.label.column
    );
  }
  if (spec.task === "multiclass-classification" && s.distinctOverflow) {
    error(
      pos,
      "data",
      `"${spec.label.column}" in ${d.file} has more than 1000 distinct values; is the task regression?`,
      spec.label.column
    );
  }
  if (spec.label.classes && spec.task !== "regression") {
    const classes = new Set(spec.label.classes.map(String));
    const outside = seen.filter((v) => !classes.has(v));
    if (outside.length) {
      error(
        at$1(m, ["spec", "label", "classes"]),
        "data",
        `label values ${outside.slice(0, 5).map((v) => JSON.stringify(v)).join(", ")} in ${d.file} are not among the declared classes [${spec.label.classes.join(", ")}]`,
        spec.label.column
      );
    }
  }
  if (spec.task === "binary-classification" && spec.label.positive !== void 0 && spec.label.classes && !spec.label.classes.map(String).includes(String(spec.label.positive))) {
    error(
      at$1(m, ["spec", "label", "positive"]),
      "reference",
      `positive class ${JSON.stringify(spec.label.positive)} is not among the classes [${spec.label.classes.join(", ")}]`
    );
  }
}
var driftKey = (reference, columns) => JSON.stringify([reference.value.metadata.name, columns ?? null]);
function driftCounter(reference, target, columns) {
  const counter = new ProfileCounter();
  const declared = new Set(target.value.spec.columns.map((c) => c.name));
  for (const [col, p] of Object.entries(reference.value.spec.profile ?? {})) {
    if (columns && !columns.includes(col) || !declared.has(col)) continue;
    if (p.kind === "numeric") counter.addNumericColumn(col, p.edges, true);
    else counter.addCategoricalColumn(col);
  }
  return counter;
}
function plannedDrift(target, models, datasetByName) {
  const name = target.value.metadata.name;
  const out = [];
  for (const m of models) {
    const trainName = m.value.spec.training?.datasets[0];
    const train = trainName ? datasetByName.get(trainName) : void 0;
    if (!train?.value.spec.profile || trainName === name || !m.value.spec.evaluation.datasets.includes(name)) continue;
    out.push({ reference: train, columns: m.value.spec.inputs.features });
  }
  const ref = target.value.spec.drift?.reference;
  const refD = ref ? datasetByName.get(ref) : void 0;
  if (refD?.value.spec.profile) out.push({ reference: refD, columns: void 0 });
  return out;
}
async function driftAgainst(repo, reference, target, columns, error, warn, read) {
  const profile = reference.value.spec.profile;
  let file;
  if (read) file = { abs: read.file, display: read.display };
  else {
    const r = resolveInside(repo.root, target.dir, target.value.spec.path);
    if (r.error || !existsSync(r.abs)) return void 0;
    file = { abs: r.abs, display: repoRelative(repo.root, r.abs) };
  }
  let counter = read?.counted?.counters.get(driftKey(reference, columns));
  let header;
  if (counter && read?.counted) header = new Set(read.counted.header);
  else {
    counter = driftCounter(reference, target, columns);
    try {
      const scan = await scanDataset(file.abs, target.value, { counter, countOnly: true, displayName: file.display });
      header = new Set(scan.header);
    } catch {
      return void 0;
    }
  }
  const found = Object.fromEntries(
    Object.entries(profileDrift(profile, reference.value.spec.rows, counter)).filter(([col]) => header.has(col))
  );
  const limits = {
    ...repo.config.spec.drift,
    ...stripUndefined(reference.value.spec.drift),
    ...stripUndefined(target.value.spec.drift)
  };
  const refName = reference.value.metadata.name;
  const name = target.value.metadata.name;
  const out = { psi: {}, p: {}, level: {}, unjudged: [] };
  const judged = Object.values(found).filter(Boolean).length;
  for (const [col, d] of Object.entries(found)) {
    if (!d) {
      out.unjudged.push(col);
      continue;
    }
    const level = driftLevel(d, limits, judged);
    out.psi[col] = d.psi;
    out.p[col] = d.p;
    out.level[col] = level;
    if (level === "ok") continue;
    const rows = `${d.rows.actual} rows${d.rows.reference !== void 0 ? ` vs ${d.rows.reference}` : ""}, ${d.bins} bins`;
    const msg = `drift in "${col}" of "${name}" against "${refName}": PSI ${d.psi.toFixed(3)}`;
    const sig = `chi-square p = ${d.p.toExponential(1)} (${rows})`;
    const pos = at$1(target, ["spec", "columns", target.value.spec.columns.findIndex((c) => c.name === col)]);
    if (level === "fail")
      error(
        pos,
        "drift",
        `${msg} \u2265 ${limits.psiFail} (fail threshold), ${sig}; retrain on recent data or raise spec.drift.psiFail`,
        col
      );
    else warn(pos, "drift", `${msg} \u2265 ${limits.psiWarn} (warn threshold), ${sig}`, col);
  }
  return out;
}
function stripUndefined(o) {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== void 0));
}
async function checkModelDrift(repo, m, evalName, datasetByName, skipData, { error, warn }, files) {
  const spec = m.value.spec;
  const trainName = spec.training?.datasets[0];
  const train = trainName ? datasetByName.get(trainName) : void 0;
  const evalD = datasetByName.get(evalName);
  const n = evalName;
  if (!trainName) {
    return {
      notChecked: `the model declares no training dataset (spec.training.datasets), so "${n}" has nothing to be compared with`
    };
  }
  if (trainName === n) return { notChecked: `"${n}" is the training dataset itself` };
  if (!train) return { notChecked: `the training dataset "${trainName}" does not exist` };
  if (!train.value.spec.profile) {
    warn(
      at$1(train, ["spec"]),
      "drift",
      `dataset "${trainName}" has no profile, so drift against "${n}" is not checked; run \`modelgate lock\``
    );
    return { notChecked: `the training dataset "${trainName}" has no profile; run \`modelgate lock\`` };
  }
  if (skipData) return { notChecked: "the data files were not read (--skip-data)" };
  if (!evalD) return void 0;
  const d = await driftAgainst(repo, train, evalD, spec.inputs.features, error, warn, files?.get(n));
  if (!d) return { notChecked: `the data of "${n}" could not be read (see the data checks)` };
  return { drift: { model: m.value.metadata.name, dataset: n, reference: trainName, ...d } };
}
async function checkReferenceDrift(repo, d, datasetByName, skipData, { error, warn }, files) {
  const refName = d.value.spec.drift?.reference;
  if (!refName) return void 0;
  const ref = datasetByName.get(refName);
  const pos = at$1(d, ["spec", "drift", "reference"]);
  if (!ref) {
    const near = didYouMean(refName, datasetByName.keys());
    error(pos, "reference", `reference dataset "${refName}" does not exist${near ? `; did you mean "${near}"?` : ""}`);
    return void 0;
  }
  if (!ref.value.spec.profile) {
    warn(pos, "drift", `dataset "${refName}" has no profile, so drift is not checked; run \`modelgate lock\``);
    return void 0;
  }
  if (skipData) return void 0;
  const found = await driftAgainst(repo, ref, d, void 0, error, warn, files?.get(d.value.metadata.name));
  return found ? { dataset: d.value.metadata.name, reference: refName, ...found } : void 0;
}

// src/onnx/wire.ts
var text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
var Unread = class extends Error {
};
var VARINT = 0;
var BYTES = 2;
function varint32(c, end) {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 5; i++) {
    if (c.pos >= end) throw new Unread();
    const b = c.buf[c.pos++];
    value += (b & 127) * scale;
    if (b < 128) {
      if (value > 4294967295) throw new Unread();
      return value;
    }
    scale *= 128;
  }
  throw new Unread();
}
function varint(c, end) {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 8; i++) {
    if (c.pos >= end) throw new Unread();
    const b = c.buf[c.pos++];
    value += (b & 127) * scale;
    if (b < 128) {
      if (value > Number.MAX_SAFE_INTEGER) throw new Unread();
      return value;
    }
    scale *= 128;
  }
  throw new Unread();
}
function span(c, end) {
  const len = varint32(c, end);
  if (c.pos + len > end) throw new Unread();
  return c.pos + len;
}
function str(c, end) {
  const to = span(c, end);
  let s;
  try {
    s = text.decode(c.buf.subarray(c.pos, to));
  } catch {
    throw new Unread();
  }
  c.pos = to;
  return s;
}
function bytes(c, end) {
  const to = span(c, end);
  const b = c.buf.subarray(c.pos, to);
  c.pos = to;
  return b;
}
function skip(c, end, wire) {
  if (wire === VARINT) {
    for (let i = 0; i < 10; i++) {
      if (c.pos >= end) throw new Unread();
      if (c.buf[c.pos++] < 128) return;
    }
    throw new Unread();
  }
  if (wire === 1) c.pos += 8;
  else if (wire === BYTES) c.pos = span(c, end);
  else if (wire === 5) c.pos += 4;
  else throw new Unread();
  if (c.pos > end) throw new Unread();
}
function fields(c, end, field) {
  while (c.pos < end) {
    const tag = varint32(c, end);
    const n = Math.floor(tag / 8);
    const wire = tag & 7;
    if (n === 0) throw new Unread();
    if (!field(n, wire)) skip(c, end, wire);
  }
  if (c.pos !== end) throw new Unread();
}
var SCHEMA = {
  AttributeProto: {
    1: 2,
    2: 5,
    3: 0,
    4: 2,
    5: "TensorProto",
    6: "GraphProto",
    7: -15,
    8: -10,
    9: 2,
    10: "TensorProto",
    11: "GraphProto",
    13: 2,
    14: "TypeProto",
    15: "TypeProto",
    20: 0,
    21: 2,
    22: "SparseTensorProto",
    23: "SparseTensorProto"
  },
  ValueInfoProto: { 1: 2, 2: "TypeProto", 3: 2 },
  NodeProto: { 1: 2, 2: 2, 3: 2, 4: 2, 5: "AttributeProto", 6: 2, 7: 2 },
  TrainingInfoProto: { 1: "GraphProto", 2: "GraphProto", 3: "StringStringEntryProto", 4: "StringStringEntryProto" },
  ModelProto: {
    1: 0,
    2: 2,
    3: 2,
    4: 2,
    5: 0,
    6: 2,
    7: "GraphProto",
    8: "OperatorSetIdProto",
    14: "StringStringEntryProto",
    20: "TrainingInfoProto",
    25: "FunctionProto"
  },
  StringStringEntryProto: { 1: 2, 2: 2 },
  TensorAnnotation: { 1: 2, 2: "StringStringEntryProto" },
  GraphProto: {
    1: "NodeProto",
    2: 2,
    5: "TensorProto",
    10: 2,
    11: "ValueInfoProto",
    12: "ValueInfoProto",
    13: "ValueInfoProto",
    14: "TensorAnnotation",
    15: "SparseTensorProto"
  },
  TensorProto: {
    1: -10,
    2: 0,
    3: "TensorProto.Segment",
    4: -15,
    5: -10,
    6: 2,
    7: -10,
    8: 2,
    9: 2,
    10: -11,
    11: -10,
    12: 2,
    13: "StringStringEntryProto",
    14: 0
  },
  "TensorProto.Segment": { 1: 0, 2: 0 },
  SparseTensorProto: { 1: "TensorProto", 2: "TensorProto", 3: -10 },
  TensorShapeProto: { 1: "TensorShapeProto.Dimension" },
  "TensorShapeProto.Dimension": { 1: 0, 2: 2, 3: 2 },
  TypeProto: {
    1: "TypeProto.Tensor",
    4: "TypeProto.Sequence",
    5: "TypeProto.Map",
    6: 2,
    8: "TypeProto.SparseTensor",
    9: "TypeProto.Optional"
  },
  "TypeProto.Tensor": { 1: 0, 2: "TensorShapeProto" },
  "TypeProto.Sequence": { 1: "TypeProto" },
  "TypeProto.Map": { 1: 0, 2: "TypeProto" },
  "TypeProto.Optional": { 1: "TypeProto" },
  "TypeProto.SparseTensor": { 1: 0, 2: "TensorShapeProto" },
  OperatorSetIdProto: { 1: 2, 2: 0 },
  FunctionProto: { 1: 2, 4: 2, 5: 2, 6: 2, 7: "NodeProto", 8: 2, 9: "OperatorSetIdProto", 10: 2 }
};
function check(c, end, name) {
  const schema = SCHEMA[name];
  while (c.pos < end) {
    const tag = varint32(c, end);
    const wire = tag & 7;
    const f = schema[Math.floor(tag / 8)];
    if (f === void 0) skip(c, end, wire);
    else if (typeof f === "string") {
      want(wire, BYTES);
      const to = span(c, end);
      check(c, to, f);
    } else if (f <= -10 && wire === BYTES) {
      const to = span(c, end);
      const size = f === -15 ? 4 : f === -11 ? 8 : 0;
      if (size === 0) while (c.pos < to) skip(c, to, VARINT);
      else if ((to - c.pos) % size !== 0) throw new Unread();
      c.pos = to;
    } else {
      want(wire, f <= -10 ? -10 - f : f);
      skip(c, end, wire);
    }
  }
  if (c.pos !== end) throw new Unread();
}
function want(wire, expected) {
  if (wire !== expected) throw new Unread();
}
function message(c, end, read) {
  const to = span(c, end);
  const v = read(c, to);
  c.pos = to;
  return v;
}
function typeProto(c, end) {
  const t = {};
  fields(c, end, (n, wire) => {
    if (n === 1) {
      want(wire, BYTES);
      t.tensorType = message(c, end, tensorType);
    } else if (n === 4) {
      want(wire, BYTES);
      t.sequenceType = message(c, end, (c2, e2) => {
        const s = {};
        fields(c2, e2, (m, w) => {
          if (m !== 1) return false;
          want(w, BYTES);
          s.elemType = message(c2, e2, typeProto);
          return true;
        });
        return s;
      });
    } else if (n === 5) {
      want(wire, BYTES);
      t.mapType = message(c, end, (c2, e2) => {
        const m = { keyType: 0 };
        fields(c2, e2, (k, w) => {
          if (k === 1) {
            want(w, VARINT);
            m.keyType = int32(c2, e2);
          } else if (k === 2) {
            want(w, BYTES);
            m.valueType = message(c2, e2, typeProto);
          } else return false;
          return true;
        });
        return m;
      });
    } else return false;
    return true;
  });
  return t;
}
function int32(c, end) {
  const v = varint(c, end);
  if (v > 2147483647) throw new Unread();
  return v;
}
function tensorType(c, end) {
  const t = { elemType: 0 };
  fields(c, end, (n, wire) => {
    if (n === 1) {
      want(wire, VARINT);
      t.elemType = int32(c, end);
    } else if (n === 2) {
      want(wire, BYTES);
      t.shape = message(c, end, (c2, e2) => {
        const dim = [];
        fields(c2, e2, (m, w) => {
          if (m !== 1) return false;
          want(w, BYTES);
          dim.push(
            message(c2, e2, (c3, e3) => {
              const d = {};
              fields(c3, e3, (k, w3) => {
                if (k === 1) {
                  want(w3, VARINT);
                  d.dimValue = varint(c3, e3);
                } else if (k === 2) {
                  want(w3, BYTES);
                  d.dimParam = str(c3, e3);
                } else return false;
                return true;
              });
              return d;
            })
          );
          return true;
        });
        return { dim };
      });
    } else return false;
    return true;
  });
  return t;
}
function valueInfo(c, end) {
  const v = { name: "" };
  fields(c, end, (n, wire) => {
    if (n === 1) {
      want(wire, BYTES);
      v.name = str(c, end);
    } else if (n === 2) {
      want(wire, BYTES);
      v.type = message(c, end, typeProto);
    } else return false;
    return true;
  });
  return v;
}
function attribute(c, end) {
  const a = { name: "", ints: [], strings: [] };
  fields(c, end, (n, wire) => {
    if (n === 1) {
      want(wire, BYTES);
      a.name = str(c, end);
    } else if (n === 8) {
      if (wire === BYTES) {
        const to = span(c, end);
        while (c.pos < to) a.ints.push(varint(c, to));
      } else {
        want(wire, VARINT);
        a.ints.push(varint(c, end));
      }
    } else if (n === 9) {
      want(wire, BYTES);
      a.strings.push(bytes(c, end));
    } else return false;
    return true;
  });
  return a;
}
function node(c, end) {
  const nd = { input: [], output: [], opType: "", attribute: [] };
  fields(c, end, (n, wire) => {
    if (n === 1 || n === 2 || n === 4) want(wire, BYTES);
    if (n === 1) nd.input.push(str(c, end));
    else if (n === 2) nd.output.push(str(c, end));
    else if (n === 4) nd.opType = str(c, end);
    else if (n === 5) {
      want(wire, BYTES);
      nd.attribute.push(message(c, end, attribute));
    } else return false;
    return true;
  });
  return nd;
}
function graph(c, end) {
  const g = { node: [], initializer: [], input: [], output: [] };
  fields(c, end, (n, wire) => {
    if (n === 1) {
      want(wire, BYTES);
      g.node.push(message(c, end, node));
    } else if (n === 5) {
      want(wire, BYTES);
      g.initializer.push(
        message(c, end, (c2, e2) => {
          const t = { name: "" };
          fields(c2, e2, (k, w) => {
            if (k !== 8) return false;
            want(w, BYTES);
            t.name = str(c2, e2);
            return true;
          });
          return t;
        })
      );
    } else if (n === 11) {
      want(wire, BYTES);
      g.input.push(message(c, end, valueInfo));
    } else if (n === 12) {
      want(wire, BYTES);
      g.output.push(message(c, end, valueInfo));
    } else return false;
    return true;
  });
  return g;
}
function readOnnxGraph(buf) {
  const c = { buf, pos: 0 };
  const model = { irVersion: 0, producerName: "", producerVersion: "", opsetImport: [] };
  try {
    check(c, buf.length, "ModelProto");
    c.pos = 0;
    fields(c, buf.length, (n, wire) => {
      if (n === 1) {
        want(wire, VARINT);
        model.irVersion = varint(c, buf.length);
      } else if (n === 2 || n === 3) {
        want(wire, BYTES);
        model[n === 2 ? "producerName" : "producerVersion"] = str(c, buf.length);
      } else if (n === 7) {
        want(wire, BYTES);
        model.graph = message(c, buf.length, graph);
      } else if (n === 8) {
        want(wire, BYTES);
        model.opsetImport.push(
          message(c, buf.length, (c2, e2) => {
            const o = { domain: "", version: 0 };
            fields(c2, e2, (k, w) => {
              if (k === 1) {
                want(w, BYTES);
                o.domain = str(c2, e2);
              } else if (k === 2) {
                want(w, VARINT);
                o.version = varint(c2, e2);
              } else return false;
              return true;
            });
            return o;
          })
        );
      } else return false;
      return true;
    });
  } catch (err) {
    if (err instanceof Unread) return void 0;
    throw err;
  }
  return model.graph ? model : void 0;
}

// src/validate/files.ts
async function fetchFor(storage, src, pin, pathPos, digestPos, error) {
  if (src.kind === "file" && !src.error && !readLfsPointer(src.abs)) return { file: src.abs, via: "work tree" };
  try {
    const { localFile } = await import('./source-SUIY43ZF-8DwFc3s4.js');
    return await localFile(storage, src, pin);
  } catch (err) {
    if (err instanceof CheckFailed) error(digestPos, "digest", err.message);
    else if (err instanceof ModelgateError) error(pathPos, "path", err.message);
    else throw err;
    return void 0;
  }
}
async function checkArtifact(repo, m, error, warn, storage = { env: process.env }, remote = []) {
  const spec = m.value.spec;
  const src = resolveSource(repo.root, m.dir, spec.artifact.path);
  const pos = at$1(m, ["spec", "artifact", "path"]);
  if (src.kind === "file" && src.error) {
    error(pos, "path", src.error);
    return {};
  }
  if (src.kind === "remote") {
    const path2 = spec.artifact.path;
    if (!spec.artifact.sha256) {
      error(
        at$1(m, ["spec", "artifact"]),
        "digest",
        `the artifact ${path2} is remote and not pinned: its sha256 must be in the manifest; run \`modelgate lock ${m.value.metadata.name}\``
      );
      return { path: path2 };
    }
    const pin = { sha256: spec.artifact.sha256, size: spec.artifact.sizeBytes };
    const got = await fetchFor(storage, src, pin, pos, at$1(m, ["spec", "artifact", "sha256"]), error);
    if (!got) return { path: path2 };
    remote.push({ file: m.file, path: path2, how: got.via, bytes: statSync(got.file).size });
    return { path: path2, sha256: got.sha256, io: await checkOnnx(m, got.file, error) };
  }
  const r = { abs: src.abs };
  const path = repoRelative(repo.root, r.abs);
  if (!existsSync(r.abs)) {
    if (spec.training)
      warn(
        pos,
        "path",
        `artifact ${spec.artifact.path} does not exist yet; run \`modelgate train ${m.value.metadata.name}\``
      );
    else error(pos, "path", `artifact ${spec.artifact.path} does not exist (looked for ${path})`);
    return { path };
  }
  const pulled = await fetchFor(storage, src, {}, pos, pos, error);
  if (!pulled) return { path };
  if (pulled.via === "git lfs") remote.push({ file: m.file, path: spec.artifact.path, how: "git lfs" });
  const digest = await sha256File(r.abs);
  if (!spec.artifact.sha256) {
    warn(
      at$1(m, ["spec", "artifact"]),
      "digest",
      `artifact has no sha256; run \`modelgate lock ${m.value.metadata.name}\``
    );
  } else if (spec.artifact.sha256 !== digest) {
    error(
      at$1(m, ["spec", "artifact", "sha256"]),
      "digest",
      `sha256 of ${spec.artifact.path} is ${digest}, not the ${spec.artifact.sha256} the manifest records; if the new file is intended, run \`modelgate lock ${m.value.metadata.name}\``
    );
  }
  return { path, sha256: digest, io: await checkOnnx(m, r.abs, error) };
}
async function checkOnnx(m, file, error) {
  const spec = m.value.spec;
  const pos = at$1(m, ["spec", "artifact", "path"]);
  let onnxModel;
  const bytes2 = readFileSync(file);
  const light = readOnnxGraph(bytes2);
  if (light) onnxModel = { model: light, signature: signatureOf(light) };
  else {
    try {
      onnxModel = (await import('./signature-PIEWWFRH-CRUyOlqg.js')).readOnnxModel(bytes2, spec.artifact.path);
    } catch (err) {
      error(pos, "artifact", err.message);
      return void 0;
    }
  }
  const { plan, problems } = planModelIo(onnxModel.signature, graphFacts(onnxModel.model), spec.task, {
    mode: spec.inputs.mode,
    tensor: spec.inputs.tensor,
    features: spec.inputs.features,
    outputs: spec.outputs,
    signature: spec.signature
  });
  for (const p of problems) error(at$1(m, p.path), "signature", p.message);
  return plan;
}
async function checkDataFile(repo, d, error, warn, storage = { env: process.env }, remote = [], skipData = false) {
  const spec = d.value.spec;
  const src = resolveSource(repo.root, d.dir, spec.path);
  const pos = at$1(d, ["spec", "path"]);
  if (src.kind === "file" && src.error) {
    error(pos, "path", src.error);
    return void 0;
  }
  if (src.kind === "remote") return checkRemoteData(d, src, error, storage, remote, skipData);
  const r = { abs: src.abs };
  if (!existsSync(r.abs)) {
    error(pos, "path", `data file ${spec.path} does not exist (looked for ${repoRelative(repo.root, r.abs)})`);
    return void 0;
  }
  const pulled = await fetchFor(storage, src, {}, pos, pos, error);
  if (!pulled) return void 0;
  if (pulled.via === "git lfs") remote.push({ file: d.file, path: spec.path, how: "git lfs" });
  const size = statSync(r.abs).size;
  if (spec.sizeBytes !== void 0 && spec.sizeBytes !== size) {
    error(
      at$1(d, ["spec", "sizeBytes"]),
      "digest",
      `${spec.path} is ${size} bytes, not the ${spec.sizeBytes} the manifest records; run \`modelgate lock\` if the change is intended`
    );
  }
  const checkDigest = (digest) => {
    if (!spec.sha256) warn(at$1(d, ["spec"]), "digest", `dataset has no sha256; run \`modelgate lock\``);
    else if (spec.sha256 !== digest) {
      error(
        at$1(d, ["spec", "sha256"]),
        "digest",
        `sha256 of ${spec.path} is ${digest}, not the ${spec.sha256} the manifest records; if the new data is intended, run \`modelgate lock\``
      );
    }
  };
  const found = { file: r.abs, display: repoRelative(repo.root, r.abs) };
  if (!skipData) return { ...found, checkDigest };
  checkDigest(await sha256File(r.abs));
  return found;
}
async function checkRemoteData(d, src, error, storage, remote, skipData) {
  const spec = d.value.spec;
  const pos = at$1(d, ["spec", "path"]);
  if (!spec.sha256) {
    error(
      at$1(d, ["spec"]),
      "digest",
      `${spec.path} is remote and not pinned: its sha256 must be in the manifest; run \`modelgate lock\``
    );
    return void 0;
  }
  const pin = { sha256: spec.sha256, size: spec.sizeBytes };
  if (skipData) {
    let told;
    try {
      const { remoteDigest } = await import('./source-SUIY43ZF-8DwFc3s4.js');
      told = await remoteDigest(storage, src, pin);
    } catch (err) {
      if (!(err instanceof ModelgateError)) throw err;
      error(pos, "path", err.message);
      return void 0;
    }
    if (told) {
      if (told.size !== void 0 && spec.sizeBytes !== void 0 && told.size !== spec.sizeBytes)
        error(
          at$1(d, ["spec", "sizeBytes"]),
          "digest",
          `${spec.path} is ${told.size} bytes in the store, not the ${spec.sizeBytes} the manifest records; run \`modelgate lock\` if the change is intended`
        );
      else if (told.sha256 && told.sha256 !== spec.sha256)
        error(
          at$1(d, ["spec", "sha256"]),
          "digest",
          `${spec.path} has sha256 ${told.sha256} (the store's checksum), not the ${spec.sha256} the manifest records; if the new data is intended, run \`modelgate lock\``
        );
      remote.push({ file: d.file, path: spec.path, how: told.how, bytes: told.size });
      return void 0;
    }
  }
  const got = await fetchFor(storage, src, pin, pos, at$1(d, ["spec", "sha256"]), error);
  if (!got) return void 0;
  const bytes2 = statSync(got.file).size;
  remote.push({ file: d.file, path: spec.path, how: got.via, bytes: bytes2 });
  if (spec.blocks?.sha256) {
    const { blocksProblem } = await import('./blocks-WHZK4H3G-BS91Kaj2.js');
    const problem = await blocksProblem(got.file, bytes2, { size: spec.blocks.size, sha256: spec.blocks.sha256 });
    if (problem) error(at$1(d, ["spec", "blocks"]), "digest", `${spec.path}: ${problem}`);
  }
  return { file: got.file, display: spec.path };
}
function checkLabelMapping(m, d, scan, io, error) {
  const spec = m.value.spec;
  if (spec.task === "regression") return;
  const s = scan.stats.get(spec.label.column);
  if (!s || s.distinctOverflow || s.counts.size === 0) return;
  const label = spec.label;
  const declared = label.classes?.map(labelKey);
  if (declared && [...s.counts.keys()].some((k) => !declared.includes(k))) return;
  if (spec.task === "binary-classification" && s.counts.size > 2) return;
  const data = posix.join(posix.dirname(d.file), d.value.spec.path);
  try {
    if (io.width > 1 || spec.task === "multiclass-classification") {
      columnClasses(spec.artifact.path, io.width, io.classLabels, label, s.counts, data);
    } else {
      const classes = declared ?? sortKeys([...s.counts.keys()]);
      declaredPositive(label, classes, true);
    }
  } catch (err) {
    if (!(err instanceof UserError || err instanceof CheckFailed)) throw err;
    error(at$1(m, ["spec", "label"]), "classes", err.message, label.column);
  }
}

// src/validate/leakage.ts
function rowHashColumns(models) {
  const hashCols = /* @__PURE__ */ new Map();
  for (const m of models) {
    const train = m.value.spec.training?.datasets ?? [];
    const cols = [...m.value.spec.inputs.features, m.value.spec.label.column];
    if (train.length === 0) continue;
    for (const n of [...train, ...m.value.spec.evaluation.datasets]) hashCols.set(n, cols);
  }
  return hashCols;
}
function checkLeakage(m, evalName, scans, error) {
  const spec = m.value.spec;
  const trainName = spec.training?.datasets[0];
  const evalScan = scans.get(evalName);
  const trainScan = trainName ? scans.get(trainName) : void 0;
  if (!trainName || !trainScan?.rowHashes || !evalScan?.rowHashes || trainName === evalName) return void 0;
  const shared = sharedRowHashes(evalScan.rowHashes, trainScan.rowHashes);
  const fraction = evalScan.rows ? shared / evalScan.rows : 0;
  if (shared > 0) {
    error(
      at$1(m, ["spec", "evaluation", "datasets", spec.evaluation.datasets.indexOf(evalName)]),
      "leakage",
      `${shared} of ${evalScan.rows} evaluation rows of "${evalName}" (${(fraction * 100).toFixed(2)}%) also appear in training dataset "${trainName}" (same features and label); remove them from one side`
    );
  }
  return { model: m.value.metadata.name, train: trainName, eval: evalName, shared, evalRows: evalScan.rows, fraction };
}

// src/validate/metric-names.ts
var METRICS = {
  "binary-classification": BINARY_METRICS,
  "multiclass-classification": MULTICLASS_METRICS,
  regression: REGRESSION_METRICS
};
var LATENCY_METRICS = ["latency_p50_ms", "latency_p95_ms", "latency_p99_ms"];
function knownMetrics(task) {
  return [...METRICS[task], ...LATENCY_METRICS];
}

// src/validate/references.ts
function checkDatasetReferences(repo, m, datasetByName, error) {
  const spec = m.value.spec;
  const refs = [
    ...(spec.training?.datasets ?? []).map((n, i) => ({ n, path: ["spec", "training", "datasets", i] })),
    ...spec.evaluation.datasets.map((n, i) => ({ n, path: ["spec", "evaluation", "datasets", i] }))
  ];
  const found = [];
  for (const { n, path } of refs) {
    if (datasetByName.has(n)) found.push(n);
    else if (repo.invalid.some((x) => x.kind === "Dataset" && x.name === n)) {
    } else {
      const near = didYouMean(n, datasetByName.keys());
      error(
        at$1(m, path),
        "reference",
        `dataset "${n}" does not exist${near ? `; did you mean "${near}"?` : `; add ${repo.config.spec.paths.data}/${n}.yaml`}`
      );
    }
  }
  return found;
}
function checkModelColumns(m, datasetByName, error) {
  const spec = m.value.spec;
  for (const n of spec.evaluation.datasets) {
    const d = datasetByName.get(n);
    if (!d) continue;
    const cols = new Set(d.value.spec.columns.map((c) => c.name));
    const need = [
      ...spec.inputs.features.map((f, i) => ({ name: f, path: ["spec", "inputs", "features", i] })),
      { name: spec.label.column, path: ["spec", "label", "column"] },
      ...spec.evaluation.slices.map((s, i) => ({
        name: s.column,
        path: ["spec", "evaluation", "slices", i, "column"]
      }))
    ];
    for (const { name, path } of need) {
      if (!cols.has(name)) {
        const near = didYouMean(name, cols);
        error(
          at$1(m, path),
          "reference",
          `column "${name}" is not declared in dataset "${n}" (${d.file})${near ? `; did you mean "${near}"?` : ""}`
        );
      }
    }
    const label = d.value.spec.columns.find((c) => c.name === spec.label.column);
    if (label && spec.task === "regression" && label.type !== "float" && label.type !== "integer") {
      error(
        at$1(m, ["spec", "task"]),
        "reference",
        `a regression label must be numeric, but "${label.name}" is ${label.type} in ${d.file}`
      );
    }
  }
}
function checkGates(m, error) {
  const spec = m.value.spec;
  for (const [i, g] of spec.gates.entries()) {
    if ("metric" in g) {
      const known = knownMetrics(spec.task);
      if (!known.includes(g.metric)) {
        const near = didYouMean(g.metric, known);
        error(
          at$1(m, ["spec", "gates", i, "metric"]),
          "reference",
          `"${g.metric}" is not a ${spec.task} metric${near ? `; did you mean "${near}"?` : `; known: ${known.join(", ")}`}`
        );
      }
      if (g.min === void 0 && g.max === void 0 && g.maxDrop === void 0 && g.maxRise === void 0) {
        error(
          at$1(m, ["spec", "gates", i]),
          "reference",
          `gate on "${g.metric}" has no bound; add min, max, maxDrop or maxRise`
        );
      }
    } else if (!spec.evaluation.slices.some((s) => s.column === g.over)) {
      error(
        at$1(m, ["spec", "gates", i, "over"]),
        "reference",
        `sliceGap over "${g.over}" needs a slice on that column in spec.evaluation.slices`
      );
    }
  }
}

// src/manifest/bump.ts
var short = (s) => s ? `${s.slice(0, 12)}\u2026` : "(none)";
function unbumpedVersion(o) {
  const { before, after } = o;
  if (!before || before.version !== after.version || before.sha256 === void 0) return void 0;
  const digest = before.sha256 !== after.sha256;
  if (!digest && !o.artifact.changed) return void 0;
  const why = digest ? `spec.artifact.sha256 is ${short(after.sha256)}, ${short(before.sha256)} at ${o.base}` : `${o.artifact.path} differs from ${o.base}'s, and spec.artifact.sha256 is unchanged (run \`modelgate lock\` too)`;
  return `the artifact changed but spec.version did not: bump it (${why}; spec.version is ${after.version} in both)`;
}

// src/validate/versions.ts
function nextPatch(version) {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  return m ? `${m[1]}.${m[2]}.${Number(m[3]) + 1}` : void 0;
}
async function checkVersionBumps(models, base, { error, warn }) {
  if (models.length === 0) return;
  const git = base.git;
  const named = base.env.GITHUB_BASE_REF;
  const search = await findDefaultBranch(git, named, { onlyNamed: true, also: ["HEAD"], originHeadAsIs: true });
  const { found, tried } = search;
  const [head] = search.also;
  if (!head) return;
  const cannot = async (why) => {
    const shallow = await isShallowRepository(git);
    if (!shallow && !base.env.GITHUB_BASE_REF) return;
    for (const { m } of models) {
      warn(
        at$1(m, ["spec", "version"]),
        "version",
        `the version was not compared with the base branch: ${why}${shallow ? "; this clone is shallow: fetch the history (actions/checkout with fetch-depth: 0)" : ""}`
      );
    }
  };
  if (!found && named) return cannot(`the pull request's base ${named} (GITHUB_BASE_REF) is not in this clone`);
  if (!found) return cannot((await (await import('./hot-plan-YWGJn6IT.js').then(function (n) { return n.q; })).noDefaultBranch(git, tried)).message);
  let baseName;
  const baseRef = () => baseName ??= found.ref === ORIGIN_HEAD ? remoteHead(git).then((n) => n ?? found.ref) : Promise.resolve(found.ref);
  const mergeBase = found.commit === head ? head : await git.mergeBase(found.commit, head);
  if (!mergeBase) return cannot(`${await baseRef()} and HEAD have no common ancestor here`);
  const before = await readManifestsAt(
    git,
    mergeBase,
    models.map(({ m }) => `./${m.file}`),
    "Model"
  );
  for (const [i, { m, artifact }] of models.entries()) {
    const old = before[i].value?.spec;
    const now = m.value.spec;
    const facts = {
      before: old && { version: old.version, sha256: old.artifact.sha256 },
      after: { version: now.version, sha256: now.artifact.sha256 },
      artifact: {
        path: artifact.path ?? now.artifact.path,
        changed: artifact.sha256 !== void 0 && old?.artifact.sha256 !== void 0 && artifact.sha256 !== old.artifact.sha256
      }
    };
    if (!unbumpedVersion({ ...facts, base: "" })) continue;
    const problem = unbumpedVersion({ ...facts, base: `${await baseRef()} (${mergeBase.slice(0, 12)})` });
    if (!problem) continue;
    const next = nextPatch(now.version);
    error(at$1(m, ["spec", "version"]), "version", `${problem}${next ? `; e.g. version: ${next}` : ""}`);
  }
}

// src/validate/validate.ts
async function validateRepository(cwd, opts = {}) {
  const repo = opts.repo ?? await loadRepositoryLazily(cwd);
  const { findings, report, placed } = collector(repo.findings);
  const selected = selectManifests(repo, opts.paths ?? [], cwd);
  const datasetByName = new Map(repo.datasets.map((d) => [d.value.metadata.name, d]));
  const remote = [];
  let git;
  const storage = opts.storage ?? {
    env: opts.env ?? process.env,
    s3ForcePathStyle: repo.config.spec.storage?.s3?.forcePathStyle,
    get git() {
      git ??= openGit(repo.root, { env: opts.env });
      return git;
    }
  };
  const usedDatasets = new Set(selected.datasets.map((d) => d.value.metadata.name));
  const artifacts = [];
  for (const m of selected.models) {
    for (const n of checkDatasetReferences(repo, m, datasetByName, report.error)) usedDatasets.add(n);
    checkModelColumns(m, datasetByName, report.error);
    checkGates(m, report.error);
    artifacts.push({ m, artifact: await checkArtifact(repo, m, report.error, report.warn, storage, remote) });
  }
  const versions = opts.versions ? checkVersionBumps(artifacts, opts.versions, report) : void 0;
  versions?.catch(() => void 0);
  const checkedDatasets = repo.datasets.filter((d) => usedDatasets.has(d.value.metadata.name));
  const files = /* @__PURE__ */ new Map();
  let scans;
  try {
    scans = await scanDatasets(repo, checkedDatasets, rowHashColumns(selected.models), opts, report, {
      storage,
      remote,
      files,
      labels: selected.models.map((m) => m.value.spec.label.column),
      drift: (d) => plannedDrift(d, selected.models, datasetByName)
    });
  } catch (err) {
    await versions;
    throw err;
  }
  await versions;
  const drift = [];
  const driftNotChecked = [];
  const leakage = [];
  for (const [i, m] of selected.models.entries()) {
    const spec = m.value.spec;
    const io = artifacts[i].artifact.io;
    for (const n of spec.evaluation.datasets) {
      const scan = scans.get(n);
      const d = datasetByName.get(n);
      if (scan && d) checkLabel(m, d, scan, report.error);
      if (scan && d && io) checkLabelMapping(m, d, scan, io, report.error);
    }
    for (const n of spec.evaluation.datasets) {
      const shared = checkLeakage(m, n, scans, report.error);
      if (shared) leakage.push(shared);
      const found = await checkModelDrift(repo, m, n, datasetByName, opts.skipData === true, report, files);
      if (found && "drift" in found) drift.push(found.drift);
      else if (found) driftNotChecked.push({ model: m.value.metadata.name, dataset: n, reason: found.notChecked });
    }
  }
  for (const d of checkedDatasets) {
    const found = await checkReferenceDrift(repo, d, datasetByName, opts.skipData === true, report, files);
    if (found) drift.push(found);
  }
  await placed();
  return {
    root: repo.root,
    findings: sortFindings(findings),
    models: selected.models.map((m) => m.value.metadata.name),
    datasets: checkedDatasets.map((d) => d.value.metadata.name),
    drift,
    driftNotChecked,
    leakage,
    remote
  };
}
function collector(initial = []) {
  const findings = [...initial];
  const later = [];
  const add = (make) => {
    try {
      findings.push(make());
    } catch (err) {
      if (!(err instanceof YamlNotLoaded)) throw err;
      later.push({ at: findings.length, make });
      findings.push(void 0);
    }
  };
  return {
    findings,
    report: {
      error: (pos, check2, message2, column) => add(() => ({ severity: "error", check: check2, ...pos, message: message2, ...column ? { column } : {} })),
      warn: (pos, check2, message2, column) => add(() => ({ severity: "warning", check: check2, ...pos, message: message2, ...column ? { column } : {} }))
    },
    placed: async () => {
      if (later.length === 0) return;
      await import('./yaml-5PRH3N5I-DTHxVKBt.js');
      for (const { at: at2, make } of later.splice(0)) findings[at2] = make();
    }
  };
}
async function scanDatasets(repo, datasets, hashCols, opts, { error, warn }, out) {
  const scans = /* @__PURE__ */ new Map();
  for (const d of datasets) {
    const skip2 = opts.skipData === true;
    const found = await checkDataFile(repo, d, error, warn, out.storage, out.remote, skip2);
    if (!found || skip2) continue;
    const read = { file: found.file, display: found.display };
    out.files.set(d.value.metadata.name, read);
    opts.onProgress?.(`checking data ${found.display}`);
    let digest;
    const verify = found.checkDigest ? { onDigest: (sha) => digest = sha } : void 0;
    const hashColumns = hashCols.get(d.value.metadata.name);
    const counters = new Map(
      out.drift(d).map((p) => [driftKey(p.reference, p.columns), driftCounter(p.reference, d, p.columns)])
    );
    const scan = await checkData(repo, d, found.file, error, warn, {
      display: found.display,
      hashColumns,
      verify,
      counters: [...counters.values()],
      distinct: out.labels
    });
    if (scan) scans.set(d.value.metadata.name, scan);
    if (scan && counters.size > 0) read.counted = { header: scan.header, counters };
    found.checkDigest?.(digest ?? await sha256File(found.file));
  }
  return scans;
}
function selectManifests(repo, paths, cwd) {
  if (paths.length === 0) return { models: repo.models, datasets: repo.datasets };
  const abs = paths.map((p) => resolve(cwd, p));
  const under = (file) => abs.some((p) => file === p || file.startsWith(p + sep) || p.startsWith(file + sep));
  const models = repo.models.filter((m) => under(m.abs) || abs.some((p) => p === m.dir || p.startsWith(m.dir + sep)));
  const datasets = repo.datasets.filter((d) => under(d.abs) || abs.includes(resolve(d.dir, d.value.spec.path)));
  return { models, datasets };
}

const require$5 = createRequire(import.meta.url);
function annotationCommands(findings, root, env, tool) {
  const workspace = env.GITHUB_WORKSPACE ? resolve(env.GITHUB_WORKSPACE) : root;
  return findings.map((f) => {
    const file = relative(workspace, resolve(root, f.file)).split("\\").join("/");
    const props = [`file=${escapeCommandProperty(file)}`];
    if (f.line) props.push(`line=${f.line}`, `col=${f.col ?? 1}`);
    props.push(`title=${escapeCommandProperty(`${tool} (${f.check})`)}`);
    const msg = f.column ? `column "${f.column}": ${f.message}` : f.message;
    return `::${f.severity === "error" ? "error" : "warning"} ${props.join(",")}::${escapeCommandData(msg)}
`;
  }).join("");
}

// src/workspace/lazy.ts
async function openWorkspaceLazily(io, opts = {}) {
  const root = opts.repo?.root ?? findRoot(opts.cwd ?? io.cwd);
  const repo = opts.repo ?? await loadRepositoryLazily(root);
  return workspaceAt(root, io, { ...opts, repo }, () => repo);
}

const require$4 = createRequire(import.meta.url);

// src/validate/output.ts
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function formatFindings(result) {
  const byFile = /* @__PURE__ */ new Map();
  for (const f of result.findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const lines = [];
  for (const [file, list] of byFile) {
    lines.push(file);
    for (const f of list) {
      const where = f.line ? `${f.line}:${f.col ?? 1}` : "-";
      const col = f.column ? `column "${f.column}": ` : "";
      lines.push(`  ${where.padEnd(8)} ${f.severity.padEnd(7)} ${f.check.padEnd(9)} ${col}${f.message}`);
    }
    lines.push("");
  }
  for (const r of result.remote ?? []) lines.push(`${r.file}: ${remoteLine(r)}`);
  for (const l of result.leakage) {
    if (l.shared === 0) lines.push(`leakage ${l.model}: no rows of "${l.eval}" appear in "${l.train}"`);
  }
  for (const d of result.drift) {
    const worst = Object.entries(d.psi).sort((a, b) => b[1] - a[1])[0];
    if (worst) {
      const who = d.model ? `${d.model}: "${d.dataset}"` : `"${d.dataset}"`;
      lines.push(`drift ${who} against "${d.reference}": largest PSI ${worst[1].toFixed(3)} (${worst[0]})`);
    }
  }
  let errors = 0;
  for (const f of result.findings) if (f.severity === "error") errors++;
  const warnings = result.findings.length - errors;
  const checked = `${plural(result.models.length, "model")}, ${plural(result.datasets.length, "dataset")} checked`;
  lines.push(
    errors === 0 ? `ok: no errors${warnings ? `, ${plural(warnings, "warning")}` : ""} (${checked})` : `failed: ${plural(errors, "error")}${warnings ? `, ${plural(warnings, "warning")}` : ""} in ${plural(byFile.size, "file")} (${checked})`
  );
  return `${lines.join("\n")}
`;
}
function remoteLine(r) {
  const bytes = r.bytes !== void 0 ? ` (${r.bytes.toLocaleString("en-US")} bytes)` : "";
  const what = JSON.stringify(r.path);
  switch (r.how) {
    case "checksum":
      return `${what} checked by the store's SHA-256 checksum, not downloaded`;
    case "cache":
      return `${what} checked in the cache${bytes}, not downloaded`;
    case "download":
      return `${what} downloaded${bytes} into the cache to check it${/^gs:\/\//i.test(r.path) ? " (Cloud Storage keeps no SHA-256 of an object, only MD5 and CRC32C)" : ""}`;
    case "git lfs":
      return `${what} was a git-lfs pointer; fetched with git lfs pull`;
    case "dvc work tree":
      return `${what} checked in the work tree (DVC's checkout)${bytes}, not downloaded`;
    case "dvc cache":
      return `${what} checked in DVC's cache${bytes}, not downloaded`;
    default:
      return `${what} checked in the work tree`;
  }
}

const require$3 = createRequire(import.meta.url);

var csv27V4S6K7 = /*#__PURE__*/Object.freeze({
  __proto__: null,
  csvLayout: csvLayout,
  parseCsvBatch: parseCsvBatch,
  readCsv: readCsv,
  readCsvHeader: readCsvHeader,
  readHeader: readHeader
});

const require$2 = createRequire(import.meta.url);
var MEASURED_V8 = "11.3.";
var V8_DEFAULT_BUDGET = 67584;
var SHORT_RUN_BUDGET = 524288;
function ownBudget() {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)].some(
    (a) => /^--interrupt[-_]budget(=|$)/.test(a)
  );
}
async function withShortRunTiering(fn) {
  if (!process.versions.v8.startsWith(MEASURED_V8) || ownBudget()) return fn();
  setFlagsFromString(`--interrupt-budget=${SHORT_RUN_BUDGET}`);
  try {
    return await fn();
  } finally {
    setFlagsFromString(`--interrupt-budget=${V8_DEFAULT_BUDGET}`);
  }
}

// src/commands/validate.ts
var command = {
  name: "validate",
  summary: "check manifests, references, digests, data, leakage and drift",
  usage: `Usage: modelgate validate [PATH\u2026] [--json] [--skip-data]

Validates the model repository that holds the working folder (found from it upwards by modelgate.yaml):
  1. every manifest against its schema (errors name file:line:col; unknown keys suggest the near miss)
  2. cross-references: datasets, columns, slices, gate metrics; paths stay inside the repository
  3. sha256 digests and sizes of model artifacts and data files, and the ONNX signature; a remote file (s3://,
     https://, a DVC output) must be pinned, and is checked through the cache (with --skip-data, by S3's SHA-256
     checksum when it has one, without downloading); the output says which files were downloaded
  4. versions: a model whose artifact changed since the base branch (the merge base with GITHUB_BASE_REF in a pull
     request, else the default branch) while its spec.version did not is an error: a published version is immutable
  5. data against each Dataset's columns: presence, types, nulls, ranges (min/max are errors, a value outside
     expected is a warning), allowed values, uniqueness, row count; the label fits the model's task, and its values
     map to the model's probability columns as evaluate will read them (the graph's classes, spec.label.classes,
     spec.label.labels); data files are read as evaluate reads them (\`modelgate evaluate --help\`, "Data files"),
     a file that cannot be read being a data problem at its file and line
  6. leakage: rows shared between a model's training and evaluation datasets
  7. drift: PSI per feature between the training data's profile and the evaluation data

PATH\u2026 limits the check to manifests under these files or folders (and the datasets their models use).

Options:
  --json        machine-readable result on stdout
  --skip-data   check manifests, references and digests only; do not read data rows
  -h, --help    this text

Inside GitHub Actions, findings are also written as ::error/::warning annotations on the manifest lines.
Exit codes: 0 no errors (warnings allowed), 1 problems found, 2 usage error or no model repository,
70 internal error (a bug in modelgate; please report it).
`,
  async run(args, io) {
    const { values, positionals } = parseArgs("validate", args, { "skip-data": { type: "boolean" } });
    const result = await withShortRunTiering(async () => {
      const ws = await openWorkspaceLazily(io);
      return validateRepository(io.cwd, {
        repo: ws.repo,
        paths: positionals,
        skipData: Boolean(values["skip-data"]),
        env: ws.env,
        onProgress: values.json ? void 0 : (m) => io.err(`${m}
`),
        versions: { git: ws.git, env: ws.env }
      });
    });
    const errors = result.findings.filter((f) => f.severity === "error").length;
    if (values.json) io.out(toJson({ ok: errors === 0, ...result }));
    else io.out(formatFindings(result));
    if (inGitHubActions(io.env))
      io.command(annotationCommands(result.findings, result.root, io.env, "modelgate validate"));
    return errors === 0 ? EXIT_OK : EXIT_FAILED;
  }
};

const require$1 = createRequire(import.meta.url);

var validateKYXBJUYB = /*#__PURE__*/Object.freeze({
  __proto__: null,
  command: command
});

export { get as $, newCodes as A, BINARY_METRICS as B, prepareBatch as C, verifiedRead as D, readHeader as E, csvLayout as F, tooLong as G, planModelIo as H, ioProblemsMessage as I, keyOf$1 as J, quantileEdges as K, binOf as L, MULTICLASS_METRICS as M, bucketKey as N, typedValue as O, chiSquareSurvival as P, unbumpedVersion as Q, Reservoir as R, Source as S, DRIFT_ALPHA as T, scanDataset as U, ProfileCounter as V, command as W, keepScans as X, ret as Y, i32 as Z, set as _, annotationCommands as a, add as a0, block as a1, loop as a2, brIf as a3, geU as a4, load8 as a5, inc as a6, and as a7, when as a8, eqz as a9, ELEM_CODE as aA, parseCsvBatch as aB, validateKYXBJUYB as aC, shrU as aa, sub as ab, gtU as ac, or as ad, shl as ae, leU as af, store64 as ag, load64 as ah, memoryCopy as ai, br as aj, eq as ak, ltU as al, load16 as am, load32 as an, store8 as ao, select32 as ap, wasmModule as aq, I32 as ar, compileWasm as as, instantiateWasm as at, ensureWasmMemory as au, readThreads as av, PARALLEL_MIN_BYTES as aw, OrderedJobs as ax, Assembler as ay, serveJobs as az, listed as b, columnClasses as c, declaredPositive as d, formatOf as e, formatFindings as f, graphFacts as g, serveData as h, isRemote as i, readLfsPointer as j, signatureOf as k, labelKey as l, growingName as m, forgetTail as n, openWorkspaceLazily as o, provideTail as p, sha256Bytes as q, readBatches as r, sha256File as s, readColumns as t, resolveSource as u, validateRepository as v, REGRESSION_METRICS as w, sortKeys as x, openData as y, isServed as z };
