import { createRequire } from 'node:module';
import { J as keyOf, N as bucketKey, O as typedValue, t as readColumns, r as readBatches, P as chiSquareSurvival } from './hot-validate-Cbhe7qur.js';
import { c as cellToString, a as cellToNumber, r as rowPlace, D as DataError } from './hot-validate-verify-COnm42W2.js';
import { U as UserError } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { readdir, stat, open } from 'node:fs/promises';
import { join, extname, resolve, relative } from 'node:path';

const require$1 = createRequire(import.meta.url);

// src/monitor/events.ts
var REQUEST_TYPE = "org.kubeflow.serving.inference.request";
var RESPONSE_TYPE = "org.kubeflow.serving.inference.response";
var EVENT_KEYS = ["specversion", "id", "type", "time", "datacontenttype", "data", "data_base64"];
var PayloadProblem = class extends Error {
  constructor(where, detail) {
    super(`${where}: ${detail}`);
    this.where = where;
    this.name = "PayloadProblem";
  }
  where;
};
function eventTime(e) {
  if (typeof e.time !== "string") return Number.NaN;
  return parseTimestamp(e.time);
}
function parseTimestamp(v) {
  if (v instanceof Date) return v.getTime();
  if (typeof v === "number") return Number.isFinite(v) ? v * 1e3 : Number.NaN;
  if (typeof v === "bigint") return Number(v) * 1e3;
  if (typeof v !== "string") return Number.NaN;
  const t = v.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 1e3;
  if (!/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})$/.test(t)) return Number.NaN;
  return Date.parse(t.replace(" ", "T"));
}
function eventBody(e) {
  let d = e.data;
  if (d === void 0 || d === null) {
    if (typeof e.data_base64 !== "string") throw new PayloadProblem(e.where, "the event has no data");
    d = Buffer.from(e.data_base64, "base64").toString("utf8");
  }
  if (typeof d === "string") {
    try {
      d = JSON.parse(d);
    } catch {
      throw new PayloadProblem(e.where, "the event's data is not JSON (an inference request or response)");
    }
  }
  if (!d || typeof d !== "object" || Array.isArray(d)) {
    throw new PayloadProblem(e.where, "the event's data is not a JSON object (an inference request or response)");
  }
  return d;
}
function flatData(t, where) {
  const data = t.data;
  if (!Array.isArray(data)) throw new PayloadProblem(where, `tensor "${String(t.name)}" has no data array`);
  return data.flat(Number.POSITIVE_INFINITY);
}
function shapeOf(t, count) {
  const s = t.shape;
  if (Array.isArray(s) && s.every((x) => typeof x === "number")) return s;
  return [count];
}
function requestRows(body, spec, where) {
  if (Array.isArray(body.inputs)) return v2Request(body, spec, where);
  if (Array.isArray(body.instances)) return v1Request(body.instances, spec, where);
  throw new PayloadProblem(
    where,
    "the request has neither `inputs` (open inference protocol, v2) nor `instances` (KServe v1)"
  );
}
function v2Request(body, spec, where) {
  const inputs = body.inputs;
  const F = spec.features.length;
  let rows;
  const ensure = (n, name) => {
    if (!rows) rows = Array.from({ length: n }, () => /* @__PURE__ */ new Map());
    else if (rows.length !== n)
      throw new PayloadProblem(where, `input "${name}" has ${n} rows, the request's other inputs ${rows.length}`);
    return rows;
  };
  for (const t of inputs) {
    if (!t || typeof t !== "object") continue;
    const name = String(t.name ?? "");
    const data = flatData(t, where);
    const shape = shapeOf(t, data.length);
    const isTensor = spec.mode === "tensor" && (spec.tensor ? name === spec.tensor : shape.length === 2 && shape[1] === F && !spec.columns.has(name));
    if (isTensor) {
      if (data.length % F !== 0) {
        throw new PayloadProblem(
          where,
          `input "${name}" holds ${data.length} values, not a multiple of the model's ${F} features (${spec.features.join(", ")})`
        );
      }
      const n = data.length / F;
      const rs = ensure(n, name);
      for (let r = 0; r < n; r++) for (let c = 0; c < F; c++) rs[r].set(spec.features[c], data[r * F + c]);
    } else if (spec.columns.has(name) || spec.features.includes(name)) {
      const width = shape.length > 1 ? shape.slice(1).reduce((a, b) => a * b, 1) : 1;
      if (width !== 1) continue;
      const rs = ensure(data.length, name);
      for (let r = 0; r < data.length; r++) rs[r].set(name, data[r]);
    }
  }
  if (!rows) {
    const names = inputs.map((t) => `"${String(t?.name)}"`).join(", ");
    throw new PayloadProblem(
      where,
      `no input of the request feeds the model (inputs ${names}; expected ${spec.tensor ? `"${spec.tensor}"` : `a [N, ${F}] tensor`} or inputs named as the features)`
    );
  }
  applyParameters(body.parameters, rows, spec, where);
  return rows;
}
function applyParameters(params, rows, spec, where) {
  if (!params || typeof params !== "object" || Array.isArray(params)) return;
  for (const [k, v] of Object.entries(params)) {
    if (!spec.columns.has(k)) continue;
    if (Array.isArray(v)) {
      if (v.length !== rows.length)
        throw new PayloadProblem(where, `parameter "${k}" lists ${v.length} values for ${rows.length} rows`);
      v.forEach((x, r) => {
        rows[r].set(k, x);
      });
    } else for (const r of rows) r.set(k, v);
  }
}
function v1Request(instances, spec, where) {
  return instances.map((inst, r) => {
    const row = /* @__PURE__ */ new Map();
    if (Array.isArray(inst)) {
      const flat = inst.flat(Number.POSITIVE_INFINITY);
      if (flat.length !== spec.features.length) {
        throw new PayloadProblem(
          where,
          `instance ${r} has ${flat.length} values; the model takes ${spec.features.length} (${spec.features.join(", ")})`
        );
      }
      spec.features.forEach((f, c) => {
        row.set(f, flat[c]);
      });
    } else if (inst && typeof inst === "object") {
      for (const [k, v] of Object.entries(inst))
        if (spec.columns.has(k) || spec.features.includes(k)) row.set(k, v);
    } else throw new PayloadProblem(where, `instance ${r} is neither a list of features nor an object of columns`);
    return row;
  });
}
function responsePredictions(body, spec, where) {
  if (typeof body.error === "string") return { error: body.error };
  if (Array.isArray(body.outputs)) {
    const outputs = body.outputs;
    const wanted = [spec.outputs.probability, spec.outputs.value, spec.outputs.label].filter(Boolean);
    const t = wanted.map((w2) => outputs.find((o) => o?.name === w2)).find(Boolean) ?? (wanted.length === 0 && outputs.length === 1 ? outputs[0] : void 0);
    if (!t) return {};
    const data = flatData(t, where).map(Number);
    const shape = shapeOf(t, data.length);
    const n = shape[0] ?? data.length;
    const w = n > 0 ? data.length / n : 1;
    if (!Number.isInteger(w)) throw new PayloadProblem(where, `output "${String(t.name)}" does not match its shape`);
    return { predictions: Array.from({ length: n }, (_, r) => data.slice(r * w, r * w + w)) };
  }
  if (Array.isArray(body.predictions)) {
    const key = spec.outputs.probability ?? spec.outputs.value;
    return {
      predictions: body.predictions.map((p) => {
        const v = p && typeof p === "object" && !Array.isArray(p) && key ? p[key] : p;
        return (Array.isArray(v) ? v.flat(Number.POSITIVE_INFINITY) : [v]).map(Number);
      })
    };
  }
  throw new PayloadProblem(
    where,
    "the response has neither `outputs` (open inference protocol, v2) nor `predictions` (KServe v1)"
  );
}
var EventJoiner = class {
  constructor(spec) {
    this.spec = spec;
  }
  spec;
  counts = { requests: 0, responses: 0, orphanResponses: 0, otherEvents: 0, errors: 0 };
  requests = /* @__PURE__ */ new Map();
  responses = /* @__PURE__ */ new Map();
  add(e) {
    if (e.id === void 0 || e.id === null || e.id === "") throw new PayloadProblem(e.where, "the event has no id");
    const id = String(e.id);
    if (e.type === REQUEST_TYPE) {
      this.counts.requests++;
      const rows = requestRows(eventBody(e), this.spec, e.where);
      const res = this.responses.get(id);
      if (res) {
        this.responses.delete(id);
        return this.join(id, e, rows, res);
      }
      this.requests.set(id, { e, rows });
      return [];
    }
    if (e.type === RESPONSE_TYPE) {
      this.counts.responses++;
      const req = this.requests.get(id);
      if (req) {
        this.requests.delete(id);
        return this.join(id, req.e, req.rows, e);
      }
      this.responses.set(id, e);
      return [];
    }
    this.counts.otherEvents++;
    return [];
  }
  finish() {
    const out = [];
    for (const [id, { e, rows }] of this.requests) out.push(...this.rows(id, e, rows));
    this.counts.orphanResponses += this.responses.size;
    this.requests.clear();
    this.responses.clear();
    return out;
  }
  join(id, req, rows, res) {
    const out = this.rows(id, req, rows);
    const r = responsePredictions(eventBody(res), this.spec, res.where);
    const t0 = eventTime(req);
    const t1 = eventTime(res);
    const latency = Number.isFinite(t0) && Number.isFinite(t1) && t1 >= t0 ? t1 - t0 : void 0;
    if (r.error !== void 0) this.counts.errors++;
    if (r.predictions && r.predictions.length !== out.length) {
      throw new PayloadProblem(
        res.where,
        `the response holds ${r.predictions.length} predictions for the request's ${out.length} rows`
      );
    }
    out.forEach((row, i) => {
      if (r.predictions) row.prediction = r.predictions[i];
      if (latency !== void 0) row.latencyMs = latency;
      row.error = r.error !== void 0;
    });
    return out;
  }
  rows(id, e, rows) {
    const time = eventTime(e);
    return rows.map((values, i) => {
      const own = this.spec.idColumn ? values.get(this.spec.idColumn) : void 0;
      return {
        time,
        id: own !== void 0 && own !== null ? String(own) : rows.length === 1 ? id : `${id}/${i}`,
        values,
        where: e.where
      };
    });
  }
};

// src/monitor/feed.ts
var inc = (o, k, n = 1) => {
  o[k] = (o[k] ?? 0) + n;
};
var Feeder = class {
  constructor(spec, acc) {
    this.spec = spec;
    this.acc = acc;
  }
  spec;
  acc;
  skipped = {};
  /** The labelled rows' time and cells of `capture`'s columns, as text (null: empty). */
  captured = [];
  versionAt(t) {
    const s = this.spec.segments;
    for (let i = s.length - 1; i >= 0; i--) if (t >= s[i].from && t < s[i].until) return i;
    return -1;
  }
  async add(b) {
    const spec = this.spec;
    const keep = new Int32Array(b.length);
    const version = new Int32Array(b.length);
    let k = 0;
    const { since, until } = spec;
    const segs = spec.segments;
    const one = segs.length === 1 ? segs[0] : void 0;
    const time = b.time;
    for (let r = 0; r < b.length; r++) {
      const t = time[r];
      if (!Number.isFinite(t)) inc(this.skipped, "without a time");
      else if (t < since || t >= until) inc(this.skipped, "outside the window");
      else {
        const v = one ? t >= one.from && t < one.until ? 0 : -1 : this.versionAt(t);
        if (v < 0) inc(this.skipped, "at a time no version ran");
        else {
          keep[k] = r;
          version[k++] = v;
        }
      }
    }
    if (k === 0) return;
    const w = spec.width;
    const preds = new Float64Array(k * w).fill(Number.NaN);
    const scored = new Uint8Array(k);
    const toScore = /* @__PURE__ */ new Map();
    const predicted = b.predicted;
    const regression = spec.task === "regression";
    for (let i = 0; i < k; i++) {
      const r = keep[i];
      const single = predicted?.[r];
      if (single !== void 0 && Number.isFinite(single) && w === 1) {
        preds[i] = regression ? single : Math.fround(single);
        continue;
      }
      const logged = single !== void 0 ? void 0 : b.prediction?.[r];
      if (logged && logged.length > 0 && logged.every(Number.isFinite))
        this.store(preds, i, logged, spec.versions[version[i]]);
      else {
        const list = toScore.get(version[i]) ?? [];
        list.push(i);
        toScore.set(version[i], list);
      }
    }
    const dropped = new Uint8Array(k);
    let drops = 0;
    for (const [v, rows] of toScore) drops += await this.score(b, keep, rows, spec.versions[v], preds, scored, dropped);
    let kept;
    if (drops > 0) {
      kept = new Int32Array(k - drops);
      let n = 0;
      for (let i = 0; i < k; i++) if (!dropped[i]) kept[n++] = i;
    }
    this.acc.add(this.rows(b, keep.subarray(0, k), kept, version.subarray(0, k), preds, scored));
  }
  /**
   * A prediction vector as stored: the positive score, the value, or the probabilities. A classifier's scores are
   * its float32 outputs: a logged score printed with more digits is read back as that float32 (what the model gave),
   * so that the window's scores sort as evaluate's do, by one radix pass (src/evaluate/sort.ts).
   */
  store(preds, i, out, v) {
    const w = this.spec.width;
    if (this.spec.task === "binary-classification") preds[i] = Math.fround(out.length === 1 ? out[0] : out[v.positive]);
    else if (this.spec.task === "regression") preds[i] = out[0];
    else for (let j = 0; j < w; j++) preds[i * w + j] = Math.fround(out[j] ?? Number.NaN);
  }
  /** Scores `rows` (indices into keep) with the version's model; returns how many it dropped (a feature missing). */
  async score(b, keep, rows, v, preds, scored, dropped) {
    const features = v.runner.columns;
    const strings = new Set(v.runner.stringColumns());
    const missing = new Uint8Array(rows.length);
    for (const f of features) {
      if (strings.has(f)) {
        const cells = b.cells.get(f);
        for (let k = 0; k < rows.length; k++) if (cells?.[keep[rows[k]]] == null) missing[k] = 1;
      } else {
        const col = b.numeric.get(f);
        if (!col) missing.fill(1);
        else
          for (let k = 0; k < rows.length; k++) {
            const x = col[keep[rows[k]]];
            if (x - x !== 0) missing[k] = 1;
          }
      }
    }
    const ok = rows.filter((_, k) => missing[k] === 0);
    const okSet = new Set(ok);
    for (const i of rows) if (!okSet.has(i)) dropped[i] = 1;
    if (rows.length > ok.length)
      inc(this.skipped, "without a prediction and a feature the model needs", rows.length - ok.length);
    if (ok.length === 0) return rows.length;
    const fb = { length: ok.length, numeric: /* @__PURE__ */ new Map(), strings: /* @__PURE__ */ new Map() };
    const whole = ok.length === b.length && ok.every((i, k) => keep[i] === k);
    for (const f of features) {
      if (strings.has(f)) {
        const cells = b.cells.get(f);
        fb.strings.set(
          f,
          ok.map((i) => String(cellToString(cells[keep[i]])))
        );
      } else {
        const col = b.numeric.get(f);
        if (whole) fb.numeric.set(f, col);
        else {
          const out2 = new Float64Array(ok.length);
          for (let k = 0; k < ok.length; k++) out2[k] = col[keep[ok[k]]];
          fb.numeric.set(f, out2);
        }
      }
    }
    const out = await v.runner.run(fb);
    const width = v.runner.output.width;
    ok.forEach((i, k) => {
      this.store(preds, i, out.subarray(k * width, (k + 1) * width), v);
      scored[i] = 1;
    });
    return rows.length - ok.length;
  }
  /** Label keys by the cell's text: keyOf once per distinct spelling, not per row. */
  labelKeys = /* @__PURE__ */ new Map();
  lastText;
  lastKey = null;
  /** The key of each one-character ASCII label (undefined: not met yet). */
  charKeys = new Array(128).fill(void 0);
  /** The spelling before the last one (a label column of two values alternates between them). */
  prevText;
  prevKey = null;
  labelOf(b, r, cells = b.cells.get(this.spec.labelColumn), nums = b.numeric.get(this.spec.labelColumn)) {
    const own = cells?.[r] ?? nums?.[r];
    let k;
    if (own === void 0 || typeof own === "number" && Number.isNaN(own)) k = null;
    else if (typeof own === "string" && own.length === 1 && own.charCodeAt(0) < 128) {
      const c = own.charCodeAt(0);
      let known = this.charKeys[c];
      if (known === void 0) this.charKeys[c] = known = keyOf(own);
      k = known;
    } else if (own === this.lastText) k = this.lastKey;
    else if (own === this.prevText) {
      k = this.prevKey;
      this.prevText = this.lastText;
      this.prevKey = this.lastKey;
      this.lastText = own;
      this.lastKey = k;
    } else if (typeof own === "string") {
      const known = this.labelKeys.get(own);
      k = known !== void 0 ? known : keyOf(own);
      if (known === void 0 && this.labelKeys.size < 1e4) this.labelKeys.set(own, k);
      this.prevText = this.lastText;
      this.prevKey = this.lastKey;
      this.lastText = own;
      this.lastKey = k;
    } else k = keyOf(own);
    if (k !== null) return k;
    if (this.spec.labels.size === 0) return null;
    const id = b.id(r);
    return id !== null ? this.spec.labels.get(id) ?? null : null;
  }
  /**
   * The kept rows as the window takes them: `keep` holds each row's place in the batch, `kept` the indices into keep
   * of the rows left after scoring (undefined: all).
   */
  rows(b, keep, kept, version, preds, scored) {
    const spec = this.spec;
    const w = spec.width;
    const src = kept ? Int32Array.from(kept, (i) => keep[i]) : keep;
    const n = src.length;
    let whole = n === b.length;
    for (let i = 0; whole && i < n; i++) whole = src[i] === i;
    const pick = (col) => {
      if (whole) return col;
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = col[src[i]];
      return out;
    };
    const numeric = /* @__PURE__ */ new Map();
    const text = /* @__PURE__ */ new Map();
    for (const c of spec.watched) {
      if (c.kind === "numeric") {
        const col = b.numeric.get(c.name);
        if (col) numeric.set(c.name, pick(col));
      } else {
        const cells = b.cells.get(c.name);
        if (cells)
          text.set(
            c.name,
            Array.from(src, (r) => categoryKey(cells[r], c.column))
          );
      }
    }
    for (const s of spec.slices) {
      const cells = b.cells.get(s.column);
      const nums = b.numeric.get(s.column);
      if (!cells && !nums) continue;
      text.set(
        s.column,
        Array.from(src, (r) => {
          const cell = nums ? Number.isNaN(nums[r]) ? null : nums[r] : cells[r];
          if (s.buckets) {
            const x = cellToNumber(cell);
            return x === null || Number.isNaN(x) ? "(null)" : bucketKey(x, s.buckets);
          }
          return keyOf(cell) ?? "(null)";
        })
      );
    }
    const ownCells = b.cells.get(spec.labelColumn);
    const ownNums = b.numeric.get(spec.labelColumn);
    const label = new Array(n);
    for (let i = 0; i < n; i++) label[i] = this.labelOf(b, src[i], ownCells, ownNums);
    const ids = spec.labelIds ? label.map((l, i) => l === null ? b.id(src[i]) : null) : void 0;
    if (spec.capture) {
      for (let i = 0; i < n; i++) {
        if (label[i] === null) continue;
        const r = src[i];
        this.captured.push({
          time: b.time[r],
          cells: spec.capture.map((c) => c === spec.labelColumn ? label[i] : cellText(b, c, r, spec.idColumn))
        });
      }
    }
    return {
      length: n,
      version: kept ? Int32Array.from(kept, (i) => version[i]) : version.length === b.length ? version : version.slice(),
      numeric,
      text,
      preds: kept ? Float64Array.from({ length: n * w }, (_, k) => preds[kept[Math.floor(k / w)] * w + k % w]) : preds,
      scored: kept ? Uint8Array.from(kept, (i) => scored[i]) : scored,
      label,
      ...b.latencyMs ? { latencyMs: pick(b.latencyMs) } : {},
      ...b.error ? { error: Int8Array.from(src, (r) => b.error[r]) } : {},
      ...ids ? { ids } : {}
    };
  }
};
function categoryKey(c, column) {
  if (c === null || c === void 0) return null;
  if (column) {
    const v = typedValue(column, c);
    return v === null || v === void 0 ? null : String(v);
  }
  return keyOf(c);
}
function cellText(b, column, r, idColumn) {
  const n = b.numeric.get(column);
  if (n) return Number.isNaN(n[r]) ? null : String(n[r]);
  const c = b.cells.get(column)?.[r];
  if ((c === void 0 || c === null) && column === idColumn) return b.id(r);
  return c === void 0 || c === null ? null : cellToString(c);
}
var DATA_EXTENSIONS = /* @__PURE__ */ new Set([".csv", ".jsonl", ".ndjson", ".parquet", ".pq", ".json"]);
async function expandPaths(cwd, paths, flag, allowEmpty = false) {
  const out = [];
  const walk = async (abs) => {
    const entries = (await readdir(abs, { withFileTypes: true })).sort((a, b) => a.name < b.name ? -1 : 1);
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const p = join(abs, e.name);
      if (e.isDirectory()) await walk(p);
      else if (DATA_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(p);
    }
  };
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let s;
    try {
      s = await stat(abs);
    } catch {
      throw new UserError(`${flag} ${p}: no such file or folder`);
    }
    if (s.isDirectory()) {
      const before = out.length;
      await walk(abs);
      if (out.length === before && !allowEmpty)
        throw new UserError(`${flag} ${p}: the folder holds no .csv, .jsonl, .ndjson, .json or .parquet file`);
    } else out.push(abs);
  }
  return [...new Set(out)];
}
var shown = (cwd, abs) => relative(cwd, abs) || abs;
async function logKind(file) {
  const ext = extname(file).toLowerCase();
  if (ext !== ".jsonl" && ext !== ".ndjson" && ext !== ".json") return "table";
  const fh = await open(file, "r");
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const line = buf.subarray(0, bytesRead).toString("utf8").split("\n").find((l) => l.trim() !== "");
    if (!line) return "table";
    let first;
    try {
      first = JSON.parse(line);
    } catch {
      return /"specversion"\s*:/.test(line) ? "cloudevents" : "table";
    }
    const o = first;
    return o && typeof o === "object" && ("specversion" in o || String(o.type ?? "").startsWith("org.kubeflow.serving")) ? "cloudevents" : "table";
  } finally {
    await fh.close();
  }
}
var TIMESTAMP = "timestamp";
var PREDICTION = "prediction";
var LATENCY = "latency_ms";
var ERROR = "error";
async function tableRead(file, display, want) {
  const header = await readColumns(file, { displayName: display });
  const has = new Set(header);
  if (!has.has(TIMESTAMP)) {
    throw new UserError(
      `${display}: a logged table needs a "${TIMESTAMP}" column (RFC 3339 or epoch seconds); it has ${header.slice(0, 20).join(", ")}`
    );
  }
  const numeric = [
    .../* @__PURE__ */ new Set([...want.numeric, ...has.has(PREDICTION) ? [PREDICTION] : [], ...has.has(LATENCY) ? [LATENCY] : []])
  ].filter((c) => has.has(c));
  const other = [
    .../* @__PURE__ */ new Set([...want.other, ...want.idColumn ? [want.idColumn] : [], ...has.has(ERROR) ? [ERROR] : []])
  ].filter((c) => has.has(c) && !numeric.includes(c));
  const missing = [...want.numeric, ...want.other].filter((c) => !has.has(c));
  const csv = extname(file).toLowerCase() === ".csv";
  return {
    columns: [TIMESTAMP, ...numeric, ...other],
    numeric,
    other,
    missing,
    readNumeric: csv ? [TIMESTAMP, ...numeric] : numeric
  };
}
async function* tableBatches(file, display, want, verify, batchSize) {
  const { columns, numeric, other, missing, readNumeric } = await tableRead(file, display, want);
  const o = {
    columns,
    numeric: readNumeric,
    displayName: display,
    ...verify ? { verify } : {},
    ...batchSize ? { batchSize } : {}
  };
  try {
    for await (const b of readBatches(file, o)) {
      yield { batch: fromTable(b, display, numeric, other, want.idColumn), missing };
    }
  } catch (err) {
    throw asUsage(err);
  }
}
function fromTable(b, display, numeric, other, idColumn) {
  const col = (name) => b.columns.indexOf(name);
  const n = b.length;
  const time = new Float64Array(n);
  const at = col(TIMESTAMP);
  const where = (r) => {
    const p = rowPlace(b, r);
    return `${display}:${p.line ?? `row ${p.row}`}`;
  };
  const secs = b.numeric?.[at];
  const texts = secs ? b.notNumbers?.[at] : void 0;
  const cell = (r) => {
    if (!secs) return b.data[at][r];
    const k = texts ? texts.rows.indexOf(r) : -1;
    return k >= 0 ? texts.texts[k] : Number.isNaN(secs[r]) ? null : secs[r];
  };
  if (secs) {
    for (let r = 0; r < n; r++) {
      const t = secs[r];
      time[r] = t >= 0 && t !== Number.POSITIVE_INFINITY ? t * 1e3 : Number.NaN;
    }
    if (texts) for (let k = 0; k < texts.rows.length; k++) time[texts.rows[k]] = parseTimestamp(texts.texts[k]);
  } else for (let r = 0; r < n; r++) time[r] = parseTimestamp(b.data[at][r]);
  for (let r = 0; r < n; r++) {
    if (!Number.isFinite(time[r])) {
      throw new UserError(
        `${where(r)}: timestamp ${JSON.stringify(cellToString(cell(r)))} is not a time; write RFC 3339 with a zone (2024-05-01T10:00:00Z) or epoch seconds`
      );
    }
  }
  const nums = /* @__PURE__ */ new Map();
  for (const c of numeric)
    if (c !== PREDICTION && c !== LATENCY) nums.set(c, b.numeric?.[col(c)] ?? new Float64Array(n).fill(Number.NaN));
  const cells = /* @__PURE__ */ new Map();
  for (const c of other) if (c !== ERROR) cells.set(c, b.data[col(c)]);
  const pred = numeric.includes(PREDICTION) ? b.numeric?.[col(PREDICTION)] : void 0;
  const lat = numeric.includes(LATENCY) ? b.numeric?.[col(LATENCY)] : void 0;
  const err = other.includes(ERROR) ? b.data[col(ERROR)] : void 0;
  const ids = idColumn && cells.has(idColumn) ? cells.get(idColumn) : void 0;
  return {
    length: n,
    time,
    where,
    id: (r) => ids ? idKey(ids[r]) : null,
    numeric: nums,
    cells,
    ...pred ? { predicted: pred } : {},
    ...lat ? { latencyMs: lat } : {},
    ...err ? {
      error: Int8Array.from(err, (c) => {
        if (c === null || c === "" || c === false || c === 0 || c === "0" || c === "false") return 0;
        return 1;
      })
    } : {}
  };
}
function idKey(c) {
  if (c === null || c === void 0) return null;
  if (typeof c === "number" || typeof c === "bigint") return String(c);
  const s = cellToString(c);
  if (s === null) return null;
  const t = s.trim();
  return /^[-+]?\d+(\.0*)?$/.test(t) ? String(BigInt(t.replace(/\.0*$/, ""))) : t;
}
async function* eventBatches(file, display, spec, numeric, batchSize = 4096, verify) {
  const joiner = new EventJoiner(spec);
  let rows = [];
  try {
    for await (const b of readBatches(file, {
      format: "jsonl",
      columns: [...EVENT_KEYS],
      anyKeys: true,
      displayName: display,
      ...verify ? { verify } : {}
    })) {
      const at = (k) => b.data[b.columns.indexOf(k)];
      const id = at("id");
      const type = at("type");
      const time = at("time");
      const dct = at("datacontenttype");
      const data = at("data");
      const b64 = at("data_base64");
      for (let r = 0; r < b.length; r++) {
        const e = {
          id: id[r],
          type: type[r],
          time: time[r],
          datacontenttype: dct[r],
          data: data[r],
          data_base64: b64[r],
          where: `${display}:${b.lines?.[r] ?? b.offset + r + 1}`
        };
        rows.push(...joiner.add(e));
      }
      if (rows.length >= batchSize) {
        yield { batch: fromEvents(rows, numeric), joiner };
        rows = [];
      }
    }
    rows.push(...joiner.finish());
  } catch (err) {
    throw asUsage(err);
  }
  if (rows.length) yield { batch: fromEvents(rows, numeric), joiner };
}
function fromEvents(rows, numeric) {
  const n = rows.length;
  const names = /* @__PURE__ */ new Set();
  for (const r of rows) for (const k of r.values.keys()) names.add(k);
  const nums = /* @__PURE__ */ new Map();
  const cells = /* @__PURE__ */ new Map();
  for (const k of names) {
    if (numeric.has(k)) {
      const a = new Float64Array(n);
      rows.forEach((r, i) => {
        const v = r.values.get(k);
        const x = v === void 0 ? null : cellToNumber(v);
        a[i] = x === null ? Number.NaN : x;
      });
      nums.set(k, a);
    } else
      cells.set(
        k,
        rows.map((r) => r.values.get(k) ?? null)
      );
  }
  return {
    length: n,
    time: Float64Array.from(rows, (r) => r.time),
    where: (i) => rows[i].where,
    id: (i) => rows[i].id,
    numeric: nums,
    cells,
    prediction: rows.map((r) => r.prediction),
    latencyMs: Float64Array.from(rows, (r) => r.latencyMs ?? Number.NaN),
    error: Int8Array.from(rows, (r) => r.error === void 0 ? -1 : r.error ? 1 : 0)
  };
}
function asUsage(err) {
  if (err instanceof PayloadProblem) return new UserError(`${err.message}; fix the log or leave the file out`);
  if (err instanceof DataError) return new UserError(`${err.message}`);
  return err;
}
async function readLabels(file, display, names, into, keyOfLabel) {
  const header = await readColumns(file, { displayName: display });
  const pick = (options, what) => {
    const found = options.find((o) => o && header.includes(o));
    if (!found)
      throw new UserError(
        `${display}: a labels table needs ${what} column (${options.filter(Boolean).join(" or ")}); it has ${header.slice(0, 20).join(", ")}`
      );
    return found;
  };
  const idCol = pick([names.id, "id"], "an id");
  const labelCol = pick([names.label, "label"], "a label");
  let rows = 0;
  try {
    for await (const b of readBatches(file, { columns: [idCol, labelCol], displayName: display })) {
      const ids = b.data[0];
      const labels = b.data[1];
      for (let r = 0; r < b.length; r++) {
        const id = idKey(ids[r]);
        const label = keyOfLabel(labels[r]);
        if (id === null) throw new UserError(`${display}:${b.lines?.[r] ?? r + 1}: no id in "${idCol}"`);
        if (label === null) continue;
        into.set(id, label);
        rows++;
      }
    }
  } catch (err) {
    throw asUsage(err);
  }
  return rows;
}

// src/monitor/bin-simd.ts
var CHUNK = 8192;
var SIMD_MAX_EDGES = 16;
var EDGES_AT = 0;
var OUT_AT = 512;
var VALUES_AT = 1024;
function moduleBytes(k) {
  const SIMD = 253;
  const leb = (n) => {
    const out = [];
    do {
      let b = n & 127;
      n >>>= 7;
      if (n) b |= 128;
      out.push(b);
    } while (n);
    return out;
  };
  const [N, P, END, INF, X, FIN, POS] = [0, 1, 2, 3, 4, 5, 6];
  const edge = (i) => 7 + i;
  const acc = (i) => 7 + k + i;
  const get = (l) => [32, ...leb(l)];
  const set = (l) => [33, ...leb(l)];
  const i32 = (v) => [65, ...leb(v)];
  const f64x2 = { splat: [SIMD, 20], eq: [SIMD, 71], lt: [SIMD, 73], gt: [SIMD, 74], abs: [SIMD, 236, 1] };
  const i64x2 = { sub: [SIMD, 209, 1], lane: (l) => [SIMD, 29, l] };
  const storeSum = (v, slot) => [
    ...i32(0),
    ...get(v),
    ...i64x2.lane(0),
    ...get(v),
    ...i64x2.lane(1),
    124,
    // i64.add
    55,
    3,
    ...leb(OUT_AT + 8 * slot)
  ];
  const countInto = (a, compare) => [...get(a), ...compare, ...i64x2.sub, ...set(a)];
  const code = [
    // end = VALUES_AT + 8 n
    ...get(N),
    ...i32(3),
    116,
    // i32.shl
    ...i32(VALUES_AT),
    106,
    // i32.add
    ...set(END),
    68,
    ...new Uint8Array(Float64Array.of(Number.POSITIVE_INFINITY).buffer),
    // f64.const Infinity
    ...f64x2.splat,
    ...set(INF),
    ...Array.from({ length: k }, (_, i) => [
      ...i32(0),
      43,
      3,
      ...leb(EDGES_AT + 8 * i),
      // f64.load edges[i]
      ...f64x2.splat,
      ...set(edge(i))
    ]).flat(),
    ...i32(VALUES_AT),
    ...set(P),
    2,
    64,
    // block
    3,
    64,
    // loop
    ...get(P),
    ...get(END),
    79,
    // i32.ge_u
    13,
    1,
    // br_if out of the block
    ...get(P),
    SIMD,
    0,
    4,
    0,
    // v128.load, align 16
    ...set(X),
    ...Array.from({ length: k }, (_, i) => countInto(acc(i), [...get(X), ...get(edge(i)), ...f64x2.gt])).flat(),
    // finite: |x| < Infinity (NaN compares false); +Infinity: x == Infinity
    ...countInto(FIN, [...get(X), ...f64x2.abs, ...get(INF), ...f64x2.lt]),
    ...countInto(POS, [...get(X), ...get(INF), ...f64x2.eq]),
    ...get(P),
    ...i32(16),
    106,
    ...set(P),
    12,
    0,
    // br to the loop
    11,
    11,
    ...Array.from({ length: k }, (_, i) => storeSum(acc(i), i)).flat(),
    ...storeSum(FIN, SIMD_MAX_EDGES),
    ...storeSum(POS, SIMD_MAX_EDGES + 1),
    11
    // end of the function
  ];
  const body = [2, 2, 127, ...leb(4 + 2 * k), 123, ...code];
  const section = (id, bytes) => [id, ...leb(bytes.length), ...bytes];
  const name = (s) => [s.length, ...Buffer.from(s, "ascii")];
  return Uint8Array.from([
    0,
    97,
    115,
    109,
    1,
    0,
    0,
    0,
    ...section(1, [1, 96, 1, 127, 0]),
    // type 0: (i32) -> ()
    ...section(3, [1, 0]),
    // function 0 of type 0
    ...section(5, [1, 0, 2]),
    // one memory of 2 pages
    ...section(7, [2, ...name("count"), 0, 0, ...name("mem"), 2, 0]),
    ...section(10, [1, ...leb(body.length), ...body])
  ]);
}
var made = /* @__PURE__ */ new Map();
function binCounter() {
  if (!kernel(1)) return void 0;
  return (xs, n, edges, counts) => {
    const k = edges.length;
    if (k === 0 || k > SIMD_MAX_EDGES) throw new Error(`binCounter: ${k} edges, 1 to ${SIMD_MAX_EDGES}`);
    const { above, finite } = kernel(k)(xs, n, edges);
    counts[0] += finite - above[0];
    for (let j = 1; j < k; j++) counts[j] += above[j - 1] - above[j];
    counts[k] += above[k - 1];
    return n - finite;
  };
}
function kernel(k) {
  let f = made.get(k);
  if (f === void 0) {
    f = makeKernel(k);
    made.set(k, f);
  }
  return f ?? void 0;
}
function makeKernel(k) {
  const wasm = globalThis.WebAssembly;
  if (!wasm) return null;
  let instance;
  try {
    const bytes = moduleBytes(k);
    if (!wasm.validate(bytes)) return null;
    instance = new wasm.Instance(new wasm.Module(bytes));
  } catch {
    return null;
  }
  const count = instance.exports.count;
  const buffer = instance.exports.mem.buffer;
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
      if (m % 2) values[m] = Number.NaN;
      count(m + m % 2);
      const plusInf = Number(out[SIMD_MAX_EDGES + 1]);
      finite += Number(out[SIMD_MAX_EDGES]);
      for (let i = 0; i < k; i++) above[i] += Number(out[i]) - plusInf;
    }
    return { above, finite };
  };
}

// src/monitor/stats.ts
function normalTwoSided(z) {
  if (Number.isNaN(z)) return 1;
  return chiSquareSurvival(z * z, 1);
}
var KS_EXACT_MAX_N = 1e4;
var KS_EXACT_MAX_CELLS = 2e8;
var gcd = (a, b) => {
  let x = a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return x;
};
function ksTwoSampleP(d, n1, n2) {
  if (!(n1 > 0 && n2 > 0) || !(d > 0)) return 1;
  if (d >= 1) d = 1;
  const g = gcd(n1, n2);
  const lcm = n1 / g * n2;
  if (Math.max(n1, n2) <= KS_EXACT_MAX_N && n1 * n2 <= KS_EXACT_MAX_CELLS) {
    const h = Math.round(d * lcm);
    if (h === 0) return 1;
    const p = n1 === n2 ? probOutsideSquare(n1, h) : 1 - probInside(n1, n2, g, h);
    if (p >= 0 && p <= 1) return p;
  }
  const en = Math.round(n1 * n2 / (n1 + n2));
  return kolmogorovSurvival(d, en);
}
function probOutsideSquare(n, h) {
  let P = 0;
  let k = Math.floor(n / h);
  while (k >= 0) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
    P = p1 * (1 - P);
    k--;
  }
  return 2 * P;
}
function probInside(n1, n2, g, h) {
  const ag = n1 / g;
  const bg = n2 / g;
  const col = new Float64Array(n2 + 1);
  let lo = 0;
  for (let x = 0; x <= n1; x++) {
    const ylo = Math.max(0, Math.floor((x * bg - h) / ag) + 1);
    const yhi = Math.min(n2, Math.ceil((x * bg + h) / ag) - 1);
    for (let y = lo; y < ylo && y <= n2; y++) col[y] = 0;
    lo = ylo;
    if (ylo > yhi) return 0;
    for (let y = ylo; y <= yhi; y++) {
      if (x === 0 && y === 0) col[0] = 1;
      else col[y] = (x * col[y] + (y > ylo ? y * col[y - 1] : 0)) / (x + y);
    }
  }
  return col[n2];
}
function kolmogorovSurvival(d, n) {
  if (!(d > 0)) return 1;
  const sq = Math.sqrt(Math.max(n, 1));
  const lambda = (sq + 0.12 + 0.11 / sq) * d;
  if (lambda < 0.2) return 1;
  let sum2 = 0;
  let sign = 1;
  for (let j = 1; j <= 100; j++) {
    const term = Math.exp(-2 * j * j * lambda * lambda);
    sum2 += sign * term;
    if (term < 1e-16 * Math.abs(sum2)) break;
    sign = -sign;
  }
  return Math.min(1, Math.max(0, 2 * sum2));
}

// src/monitor/drift.ts
var OTHER = "__other__";
var FEW = 5;
var SMALL_REFERENCE = 1e3;
var DEFAULT_DRIFT = {
  test: "auto",
  alpha: 0.05,
  correction: "holm",
  wasserstein: 0.1,
  jensenshannon: 0.1
};
function referenceOf(p, datasetRows) {
  const rows = p.count ?? (datasetRows !== void 0 ? Math.round(datasetRows * (1 - p.nullFraction)) : void 0);
  if (rows === void 0) return void 0;
  if (p.kind === "numeric") {
    return {
      kind: "numeric",
      edges: p.edges,
      fractions: p.fractions,
      rows,
      ...p.distinct !== void 0 ? { distinct: p.distinct } : {},
      ...p.std !== void 0 ? { std: p.std } : {},
      ...p.min !== void 0 ? { min: p.min } : {},
      ...p.max !== void 0 ? { max: p.max } : {}
    };
  }
  return {
    kind: "categorical",
    fractions: p.fractions,
    rows,
    ...p.distinct !== void 0 ? { distinct: p.distinct } : {}
  };
}
function normalised(xs) {
  const s = xs.reduce((a, b) => a + b, 0);
  return xs.map((x) => s > 0 ? x / s : 0);
}
function categoriesOf(ref, cur) {
  if (ref.kind === "numeric" && cur.kind === "numeric") {
    const r = normalised(ref.fractions);
    const keys2 = [];
    const rs = [];
    const cs = [];
    r.forEach((f, j) => {
      if (f > 0 || cur.counts[j] > 0) {
        keys2.push(binLabel(ref.edges, j));
        rs.push(f);
        cs.push(cur.counts[j]);
      }
    });
    return { keys: keys2, ref: rs, cur: cs };
  }
  const fr = ref.kind === "categorical" ? ref.fractions : {};
  const counts = cur.kind === "categorical" ? cur.counts : /* @__PURE__ */ new Map();
  const named = Object.keys(fr).filter((k) => k !== OTHER).sort();
  const known = new Set(named);
  let other = 0;
  for (const [k, v] of counts) if (!known.has(k)) other += v;
  const keys = [...named, ...other > 0 || (fr[OTHER] ?? 0) > 0 ? [OTHER] : []];
  const ref0 = normalised(keys.map((k) => fr[k] ?? 0));
  const cur0 = keys.map((k) => k === OTHER ? other : counts.get(k) ?? 0);
  const keep = keys.map((_, i) => ref0[i] > 0 || cur0[i] > 0);
  return {
    keys: keys.filter((_, i) => keep[i]),
    ref: ref0.filter((_, i) => keep[i]),
    cur: cur0.filter((_, i) => keep[i])
  };
}
function binLabel(edges, j) {
  const lo = j === 0 ? "-inf" : String(edges[j - 1]);
  const hi = j === edges.length ? "+inf" : String(edges[j]);
  return `(${lo}, ${hi}]`;
}
function cardinality(ref, cur) {
  if (ref.kind === "categorical") {
    if ((ref.fractions[OTHER] ?? 0) > 0) return FEW + 1;
    return categoriesOf(ref, cur).keys.length;
  }
  const curDistinct = cur.kind === "numeric" ? cur.distinct : FEW + 1;
  const refDistinct = ref.distinct ?? (ref.edges.length >= 9 ? FEW + 1 : ref.fractions.filter((f) => f > 0).length);
  if (refDistinct > FEW || curDistinct > FEW) return FEW + 1;
  return categoriesOf(ref, cur).keys.length;
}
function chooseTest(ref, cur, wanted) {
  const values = cardinality(ref, cur);
  const numericMany = ref.kind === "numeric" && values > FEW;
  let auto;
  if (ref.rows <= SMALL_REFERENCE) auto = numericMany ? "ks" : values > 2 ? "chisquare" : "z";
  else auto = numericMany ? "wasserstein" : "jensenshannon";
  if (wanted === "auto" || wanted === auto) return { test: auto };
  const numericOnly = wanted === "ks" || wanted === "wasserstein";
  if (numericOnly && ref.kind !== "numeric") {
    return { test: auto, note: `${wanted} applies to numeric columns; ${auto} was used` };
  }
  return { test: wanted };
}
function testColumn(feature, ref, cur, settings) {
  const { test, note } = chooseTest(ref, cur, settings.test);
  const m = cur.kind === "numeric" ? sum(cur.counts) : sum([...cur.counts.values()]);
  const n = ref.rows;
  const base = { feature, kind: ref.kind, test, rows: { reference: n, current: m } };
  if (test === "ks" || test === "wasserstein") {
    const r = ref;
    const counts = cur.counts;
    if (test === "ks") {
      const d = ksStatistic(r.fractions, counts);
      const p2 = ksTwoSampleP(d, n, m);
      return {
        column: { ...base, statistic: d, pValue: p2, threshold: settings.alpha, drifted: p2 <= settings.alpha },
        note
      };
    }
    const w = wassersteinNormed(r, counts);
    return {
      column: { ...base, statistic: w, threshold: settings.wasserstein, drifted: w >= settings.wasserstein },
      note
    };
  }
  const cats = categoriesOf(ref, cur);
  if (test === "jensenshannon") {
    const js = jensenShannon(cats.ref, normalised(cats.cur));
    return {
      column: { ...base, statistic: js, threshold: settings.jensenshannon, drifted: js >= settings.jensenshannon },
      note
    };
  }
  const { statistic, p } = test === "chisquare" ? chiSquareGof(cats.ref, cats.cur) : zTest(cats.ref, n, cats.cur);
  return { column: { ...base, statistic, pValue: p, threshold: settings.alpha, drifted: p < settings.alpha }, note };
}
function driftTable(columns, settings) {
  const notes = [];
  const out = columns.map((c) => {
    const r = testColumn(c.feature, c.ref, c.cur, settings);
    if (r.note) notes.push(`${c.feature}: ${r.note}`);
    return r.column;
  });
  const tested = out.filter((c) => c.pValue !== void 0);
  const adjusted = adjustPValues(
    tested.map((c) => c.pValue),
    settings.correction
  );
  tested.forEach((c, i) => {
    c.adjustedPValue = adjusted[i];
    c.drifted = c.test === "ks" ? adjusted[i] <= settings.alpha : adjusted[i] < settings.alpha;
  });
  return { columns: out, notes };
}
function adjustPValues(ps, method) {
  const k = ps.length;
  if (method === "none" || k <= 1) return [...ps];
  if (method === "bonferroni") return ps.map((p) => Math.min(1, p * k));
  const order = ps.map((_, i) => i).sort((a, b) => ps[a] - ps[b] || a - b);
  const out = new Array(k);
  if (method === "holm") {
    let run2 = 0;
    order.forEach((i, rank) => {
      run2 = Math.max(run2, Math.min(1, (k - rank) * ps[i]));
      out[i] = run2;
    });
    return out;
  }
  let run = 1;
  for (let rank = k - 1; rank >= 0; rank--) {
    const i = order[rank];
    run = Math.min(run, ps[i] * k / (rank + 1));
    out[i] = Math.min(1, run);
  }
  return out;
}
var sum = (xs) => xs.reduce((a, b) => a + b, 0);
function ksStatistic(refFractions, counts) {
  const r = normalised(refFractions);
  const m = sum(counts);
  if (m === 0) return 0;
  let fr = 0;
  let fc = 0;
  let d = 0;
  for (let j = 0; j < r.length - 1; j++) {
    fr += r[j];
    fc += counts[j] / m;
    d = Math.max(d, Math.abs(fr - fc));
  }
  return d;
}
function binPoints(ref) {
  const e = ref.edges;
  const k = e.length + 1;
  if (e.length === 0) return [ref.min ?? 0];
  const spread = ref.std && ref.std > 0 ? ref.std : 1;
  const pts = new Array(k);
  for (let j = 1; j < k - 1; j++) pts[j] = (e[j - 1] + e[j]) / 2;
  const wLow = e.length > 1 ? e[1] - e[0] : spread;
  const wHigh = e.length > 1 ? e[e.length - 1] - e[e.length - 2] : spread;
  const lo = ref.min !== void 0 && ref.min < e[0] ? Math.max(ref.min, e[0] - wLow) : e[0] - wLow;
  const last = e[e.length - 1];
  const hi = ref.max !== void 0 && ref.max > last ? Math.min(ref.max, last + wHigh) : last + wHigh;
  pts[0] = (lo + e[0]) / 2;
  pts[k - 1] = (last + hi) / 2;
  return pts;
}
function wassersteinNormed(ref, counts) {
  const r = normalised(ref.fractions);
  const m = sum(counts);
  if (m === 0) return 0;
  const pts = binPoints(ref);
  let fr = 0;
  let fc = 0;
  let w = 0;
  for (let j = 0; j < r.length - 1; j++) {
    fr += r[j];
    fc += counts[j] / m;
    w += Math.abs(fr - fc) * (pts[j + 1] - pts[j]);
  }
  return w / Math.max(ref.std ?? 0, 1e-3);
}
function jensenShannon(p, q) {
  const pn = normalised(p);
  const qn = normalised(q);
  let js = 0;
  for (let i = 0; i < pn.length; i++) {
    const m = (pn[i] + qn[i]) / 2;
    if (pn[i] > 0) js += pn[i] * Math.log(pn[i] / m);
    if (qn[i] > 0) js += qn[i] * Math.log(qn[i] / m);
  }
  return Math.sqrt(Math.max(js / 2, 0));
}
function chiSquareGof(refShares, counts) {
  const m = sum(counts);
  const r = normalised(refShares);
  let x2 = 0;
  let k = 0;
  for (let i = 0; i < r.length; i++) {
    const e = r[i] * m;
    if (e === 0 && counts[i] === 0) continue;
    k++;
    if (e === 0) x2 = Number.POSITIVE_INFINITY;
    else x2 += (counts[i] - e) ** 2 / e;
  }
  if (k < 2 || m === 0) return { statistic: 0, p: 1 };
  return { statistic: x2, p: chiSquareSurvival(x2, k - 1) };
}
function zTest(refShares, n, counts) {
  const m = sum(counts);
  const r = normalised(refShares);
  if (m === 0 || n === 0 || r.length === 0) return { statistic: 0, p: 1 };
  const p1 = 1 - r[0];
  const p2 = 1 - counts[0] / m;
  const P = (p1 * n + p2 * m) / (n + m);
  const se = Math.sqrt(P * (1 - P) * (1 / n + 1 / m));
  if (!(se > 0)) return { statistic: 0, p: 1 };
  const z = (p1 - p2) / se;
  return { statistic: z, p: normalTwoSided(z) };
}

// src/monitor/window.ts
var Grow = class {
  constructor(make, makeShared) {
    this.make = make;
    this.makeShared = makeShared;
  }
  make;
  makeShared;
  n = 0;
  parts = [];
  cur;
  used = 0;
  seal() {
    if (this.cur && this.used > 0) this.parts.push(this.cur.subarray(0, this.used));
    this.cur = void 0;
    this.used = 0;
  }
  push(v) {
    if (!this.cur || this.used === this.cur.length) {
      this.seal();
      this.cur = this.make(PART);
    }
    this.cur[this.used++] = v;
    this.n++;
  }
  /** Appends values without copying them. */
  append(vs) {
    if (vs.length === 0) return;
    this.seal();
    this.parts.push(vs);
    this.n += vs.length;
  }
  /** The values as one array; `shared`: in memory another thread can read (a SharedArrayBuffer), not a copy of it. */
  view(shared = false) {
    this.seal();
    if (this.parts.length === 1 && (!shared || this.parts[0].buffer instanceof SharedArrayBuffer)) return this.parts[0];
    const out = shared ? this.makeShared(this.n) : this.make(this.n);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    this.parts = [out];
    return out;
  }
};
var PART = 65536;
var floats = () => new Grow(
  (n) => new Float64Array(n),
  (n) => new Float64Array(new SharedArrayBuffer(n * 8))
);
var ints = () => new Grow(
  (n) => new Int32Array(n),
  (n) => new Int32Array(new SharedArrayBuffer(n * 4))
);
var CELLS = 2048;
function binTable(e) {
  const k = e.length;
  if (k < 2 || k > 3e4) return void 0;
  for (let i2 = 1; i2 < k; i2++) if (!(e[i2 - 1] <= e[i2])) return void 0;
  const span = e[k - 1] - e[0];
  const lo = e[0] - span / 8;
  const scale = CELLS / (span * 1.25);
  if (!(span > 0) || !Number.isFinite(scale) || !Number.isFinite(lo)) return void 0;
  const bins = new Int16Array(CELLS);
  let i = 0;
  for (let c = 0; c < CELLS; c++) {
    const a = lo + (c - 1) / scale;
    const b = lo + (c + 2) / scale;
    while (i < k && e[i] < a) i++;
    if (i < k && e[i] <= b) bins[c] = -1;
    else bins[c] = i;
  }
  return { lo, scale, bins };
}
function binsOf(ref) {
  if (ref?.kind !== "numeric") return void 0;
  const edges = Float64Array.from(ref.edges);
  const table = binTable(edges);
  let ascending = edges.length >= 1 && edges.length <= SIMD_MAX_EDGES;
  for (let i = 0; ascending && i < edges.length; i++)
    ascending = Number.isFinite(edges[i]) && (i === 0 || edges[i - 1] <= edges[i]);
  const simd = ascending ? binCounter() : void 0;
  return { edges, ...table ? { table } : {}, ...simd ? { simd } : {} };
}
function counterFor(ref, bins, counts) {
  if (ref.kind !== "numeric") return { kind: "categorical", counts: /* @__PURE__ */ new Map(), nulls: 0 };
  const b = bins ?? binsOf(ref);
  return {
    kind: "numeric",
    edges: b.edges,
    ...b.table ? { table: b.table } : {},
    ...b.simd ? { simd: b.simd } : {},
    counts: counts ?? new Float64Array(ref.edges.length + 1),
    seen: [],
    nulls: 0
  };
}
function countNumber(c, v) {
  if (!Number.isFinite(v)) {
    c.nulls++;
    return;
  }
  const e = c.edges;
  let j = 0;
  while (j < e.length && v > e[j]) j++;
  c.counts[j]++;
  if (c.seen.length <= FEW && !c.seen.includes(v)) c.seen.push(v);
}
function binNumbers(c, xs, n) {
  const e = c.edges;
  const counts = c.counts;
  const k = e.length;
  let nulls = 0;
  const table = c.table;
  if (c.simd) nulls = c.simd(xs, n, e, counts);
  else if (table) {
    const lo = table.lo;
    const scale = table.scale;
    const bins = table.bins;
    for (let r = 0; r < n; r++) {
      const v = xs[r];
      const x = (v - lo) * scale;
      let j = x >= 0 && x < CELLS ? bins[x | 0] : -1;
      if (j < 0) {
        if (v - v !== 0) {
          nulls++;
          continue;
        }
        j = 0;
        while (j < k && v > e[j]) j++;
      }
      counts[j]++;
    }
  } else
    for (let r = 0; r < n; r++) {
      const v = xs[r];
      if (v - v !== 0) {
        nulls++;
        continue;
      }
      let j = 0;
      while (j < k && v > e[j]) j++;
      counts[j]++;
    }
  c.nulls += nulls;
  const seen = c.seen;
  for (let r = 0; r < n && seen.length <= FEW; r++) {
    const v = xs[r];
    if (v - v === 0 && !seen.includes(v)) seen.push(v);
  }
}
function countKey(c, k) {
  if (k === null) c.nulls++;
  else c.counts.set(k, (c.counts.get(k) ?? 0) + 1);
}
function mergeCounter(into, c) {
  into.nulls += c.nulls;
  if (into.kind === "numeric" && c.kind === "numeric") {
    for (let j = 0; j < into.counts.length; j++) into.counts[j] += c.counts[j];
    for (const v of c.seen) if (into.seen.length <= FEW && !into.seen.includes(v)) into.seen.push(v);
  } else if (into.kind === "categorical" && c.kind === "categorical")
    for (const [k, n] of c.counts) into.counts.set(k, (into.counts.get(k) ?? 0) + n);
}
function countsOf(c) {
  return c.kind === "numeric" ? { kind: "numeric", counts: Array.from(c.counts), distinct: c.seen.length } : { kind: "categorical", counts: new Map(c.counts) };
}
function tallyBuffers(t) {
  const out = /* @__PURE__ */ new Set();
  const add = (a) => {
    if (a && a.byteOffset === 0 && a.byteLength === a.buffer.byteLength) out.add(a.buffer);
  };
  for (const a of [t.perVersion, t.bins, t.version, t.preds, t.labelCodes, t.latencies]) add(a);
  if (t.prediction?.kind === "numeric") add(t.prediction.counts);
  return [...out];
}
var Tallier = class {
  constructor(spec) {
    this.spec = spec;
    this.tables = spec.columns.map((c) => binsOf(c.ref));
    this.bins = spec.columns.reduce((a, c) => a + (c.ref.kind === "numeric" ? c.ref.edges.length + 1 : 0), 0);
    this.predictionTable = binsOf(spec.prediction);
  }
  spec;
  tables;
  predictionTable;
  /** The numeric columns' bins, together. */
  bins;
  tally(b) {
    const spec = this.spec;
    const n = b.length;
    const w = spec.width;
    const perVersion = new Int32Array(spec.versions * 2);
    for (let r = 0; r < n; r++) {
      const v = b.version[r] * 2;
      perVersion[v]++;
      if (b.scored[r]) perVersion[v + 1]++;
    }
    const bins = new Float64Array(this.bins);
    let at = 0;
    const columns = spec.columns.map((col, i) => {
      const size = col.ref.kind === "numeric" ? col.ref.edges.length + 1 : 0;
      const c = counterFor(col.ref, this.tables[i], bins.subarray(at, at += size));
      const present = b.numeric.has(col.name) || b.text.has(col.name);
      if (c.kind === "numeric") {
        const xs = b.numeric.get(col.name);
        if (xs) binNumbers(c, xs, n);
        else c.nulls += n;
        return { kind: "numeric", counts: c.counts, seen: c.seen, nulls: c.nulls, present };
      }
      const ks = b.text.get(col.name);
      if (ks) for (let r = 0; r < n; r++) countKey(c, ks[r]);
      else c.nulls += n;
      return { kind: "categorical", counts: c.counts, nulls: c.nulls, present };
    });
    const preds = b.preds.length === n * w ? b.preds : b.preds.slice(0, n * w);
    const labelKeys = /* @__PURE__ */ new Map();
    const labelCodes = new Int32Array(n);
    let last = null;
    let lastCode = -1;
    let prev = null;
    let prevCode = -1;
    const label = b.label;
    const charCodes = new Int32Array(128).fill(-1);
    for (let r = 0; r < n; r++) {
      const l = label[r];
      if (l === null) labelCodes[r] = -1;
      else if (l.length === 1 && l.charCodeAt(0) < 128) {
        let c = charCodes[l.charCodeAt(0)];
        if (c < 0) {
          c = labelKeys.get(l) ?? labelKeys.size;
          labelKeys.set(l, c);
          charCodes[l.charCodeAt(0)] = c;
        }
        labelCodes[r] = c;
      } else if (l === last) labelCodes[r] = lastCode;
      else {
        let c;
        if (l === prev) c = prevCode;
        else {
          c = labelKeys.get(l);
          if (c === void 0) labelKeys.set(l, c = labelKeys.size);
        }
        prev = last;
        prevCode = lastCode;
        labelCodes[r] = lastCode = c;
        last = l;
      }
    }
    let requests = 0;
    let errors = 0;
    if (b.error)
      for (let r = 0; r < n; r++) {
        if (b.error[r] >= 0) requests++;
        if (b.error[r] === 1) errors++;
      }
    let latencies;
    if (b.latencyMs) {
      let k = 0;
      for (let r = 0; r < n; r++) if (Number.isFinite(b.latencyMs[r])) k++;
      latencies = new Float64Array(k);
      k = 0;
      for (let r = 0; r < n; r++) if (Number.isFinite(b.latencyMs[r])) latencies[k++] = b.latencyMs[r];
    }
    const prediction = this.predictions(preds, n);
    return {
      length: n,
      perVersion,
      bins,
      columns,
      ...prediction ? { prediction } : {},
      version: b.version.length === n ? b.version : b.version.slice(0, n),
      preds,
      labelKeys: [...labelKeys.keys()],
      labelCodes,
      ...b.ids ? { ids: b.ids } : {},
      slices: spec.slices.map((s) => b.text.get(s)),
      ...latencies ? { latencies } : {},
      requests,
      errors
    };
  }
  /** The prediction's counts: a score's or value's bin, or the predicted (largest) class. */
  predictions(preds, n) {
    const spec = this.spec;
    if (!spec.prediction) return void 0;
    const c = countPredictions(spec.prediction, this.predictionTable, preds, n, spec.width, spec.classes);
    return c.kind === "numeric" ? { kind: "numeric", counts: c.counts, seen: c.seen, nulls: c.nulls, present: true } : { kind: "categorical", counts: c.counts, nulls: c.nulls, present: true };
  }
};
function countPredictions(ref, bins, preds, n, w, classes) {
  const c = counterFor(ref, bins);
  if (c.kind === "numeric") {
    if (w === 1) binNumbers(c, preds, n);
    else for (let r = 0; r < n; r++) countNumber(c, preds[r * w]);
    return c;
  }
  for (let r = 0; r < n; r++) {
    let best = -1;
    let bestV = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < w; j++) {
      const v = preds[r * w + j];
      if (v > bestV) {
        bestV = v;
        best = j;
      }
    }
    countKey(c, best >= 0 && classes ? classes[best] : null);
  }
  return c;
}
function everyCode(codes, n) {
  for (let r = 0; r < n; r++) if (codes[r] < 0) return false;
  return true;
}
var WindowAccumulator = class {
  constructor(spec) {
    this.spec = spec;
    this.perVersion = Array.from({ length: spec.versions }, () => ({ rows: 0, scored: 0 }));
    this.counters = spec.columns.map((c) => counterFor(c.ref));
    this.present = spec.columns.map(() => false);
    if (spec.prediction) this.prediction = counterFor(spec.prediction);
    this.sliceKeys = spec.slices.map(() => []);
  }
  spec;
  rows = 0;
  perVersion;
  counters;
  present;
  prediction;
  preds = floats();
  versions = ints();
  /** The labels seen, in first-seen order, and each labelled row's code and place in the window. */
  labelKeys = [];
  labelCode = /* @__PURE__ */ new Map();
  labelCodes = ints();
  /** Each labelled row's place, kept once a row without a label has been met (until then: every row, in order). */
  labeledAt = ints();
  everyRowLabelled = true;
  sliceKeys;
  latencies = floats();
  requests = 0;
  errors = 0;
  tallier;
  /** A batch of rows, counted here. */
  add(b) {
    this.tallier ??= new Tallier(this.spec);
    this.merge(this.tallier.tally(b));
  }
  /**
   * A batch counted (here or in another thread), in batch order; `labels`: the labels by id, for the rows that
   * carry their id instead of a label (BatchTally.ids).
   */
  merge(t, labels) {
    const n = t.length;
    const w = this.spec.width;
    this.rows += n;
    this.perVersion.forEach((v, i) => {
      v.rows += t.perVersion[i * 2];
      v.scored += t.perVersion[i * 2 + 1];
    });
    for (let i = 0; i < this.counters.length; i++) {
      const c = t.columns[i];
      mergeCounter(this.counters[i], c);
      if (c.present) this.present[i] = true;
    }
    if (this.prediction && t.prediction) mergeCounter(this.prediction, t.prediction);
    const first = this.rows - n;
    if (this.spec.versions > 1) this.versions.append(t.version);
    this.preds.append(t.preds.subarray(0, n * w));
    const global = new Int32Array(t.labelKeys.length).fill(-1);
    const slices = t.slices;
    if (this.everyRowLabelled && slices.length === 0 && everyCode(t.labelCodes, n)) {
      let same = true;
      for (let c = 0; c < global.length; c++) same = (global[c] = this.codeOf(t.labelKeys[c])) === c && same;
      const codes = t.labelCodes.subarray(0, n);
      this.labelCodes.append(same ? codes : codes.map((c) => global[c]));
    } else this.mergeLabels(t, first, global, labels);
    if (t.latencies) this.latencies.append(t.latencies);
    this.requests += t.requests;
    this.errors += t.errors;
  }
  /** The batch's labelled rows, row by row: their codes, places (once a row lacks a label) and slice keys. */
  mergeLabels(t, first, global, labels) {
    const n = t.length;
    const slices = t.slices;
    for (let r = 0; r < n; r++) {
      const c = t.labelCodes[r];
      let code;
      if (c >= 0) {
        code = global[c];
        if (code < 0) code = global[c] = this.codeOf(t.labelKeys[c]);
      } else {
        const id = t.ids?.[r];
        const label = id != null ? labels?.get(id) : void 0;
        if (label === void 0) {
          if (this.everyRowLabelled) {
            for (let k = 0; k < first + r; k++) this.labeledAt.push(k);
            this.everyRowLabelled = false;
          }
          continue;
        }
        code = this.codeOf(label);
      }
      this.labelCodes.push(code);
      if (!this.everyRowLabelled) this.labeledAt.push(first + r);
      for (let j = 0; j < slices.length; j++) this.sliceKeys[j].push(slices[j]?.[r] ?? null);
    }
  }
  codeOf(label) {
    let code = this.labelCode.get(label);
    if (code === void 0) {
      code = this.labelKeys.length;
      this.labelCode.set(label, code);
      this.labelKeys.push(label);
    }
    return code;
  }
  /**
   * The window's counts and rows; `shared`: its predictions and versions in shared memory, for another thread to
   * estimate from while this one computes the realized metrics (./estimate-worker.ts); `prediction`: the prediction's
   * reference when the spec had none (its reference was scored while the rows came): the window's predictions are
   * counted against it here, all at once.
   */
  summary(o = {}) {
    const w = this.spec.width;
    const preds = this.preds.view(o.shared);
    const predictionRef = this.spec.prediction ?? o.prediction;
    const prediction = this.prediction ?? (predictionRef ? countPredictions(predictionRef, binsOf(predictionRef), preds, this.rows, w, this.spec.classes) : void 0);
    const versions = this.spec.versions > 1 ? this.versions.view(o.shared) : o.shared ? new Int32Array(new SharedArrayBuffer(this.rows * 4)) : new Int32Array(this.rows);
    const all = this.everyRowLabelled;
    const at = all ? new Int32Array(0) : this.labeledAt.view();
    const labeledPreds = all ? preds : new Float64Array(at.length * w);
    const labeledVersions = all ? versions : new Int32Array(at.length);
    if (!all)
      for (let i = 0; i < at.length; i++) {
        labeledVersions[i] = versions[at[i]];
        for (let j = 0; j < w; j++) labeledPreds[i * w + j] = preds[at[i] * w + j];
      }
    return {
      rows: this.rows,
      labeled: all ? this.rows : at.length,
      perVersion: this.perVersion.map((v) => ({ ...v })),
      columns: this.spec.columns.map((c, i) => ({
        name: c.name,
        ref: c.ref,
        cur: countsOf(this.counters[i]),
        nulls: this.counters[i].nulls,
        present: this.present[i]
      })),
      ...prediction && predictionRef ? { prediction: { ref: predictionRef, cur: countsOf(prediction) } } : {},
      preds,
      versions,
      labeledRows: {
        keys: this.labelKeys,
        codes: this.labelCodes.view(),
        preds: labeledPreds,
        versions: labeledVersions,
        slices: this.spec.slices.map((column, j) => ({ column, keys: this.sliceKeys[j] }))
      },
      operations: { requests: this.requests, errors: this.errors, latencies: this.latencies.view() }
    };
  }
};

export { DEFAULT_DRIFT as D, Feeder as F, OTHER as O, REQUEST_TYPE as R, Tallier as T, WindowAccumulator as W, readLabels as a, eventBatches as b, RESPONSE_TYPE as c, driftTable as d, expandPaths as e, tableRead as f, asUsage as g, fromTable as h, tallyBuffers as i, logKind as l, parseTimestamp as p, referenceOf as r, shown as s, tableBatches as t };
