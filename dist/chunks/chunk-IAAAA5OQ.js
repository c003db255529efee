import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  scanDataset,
  sharedRowHashes
} from "./chunk-R3TW6X6V.js";
import {
  ORIGIN_HEAD,
  findDefaultBranch
} from "./chunk-YOVF47IZ.js";
import {
  ProfileCounter,
  profileDrift
} from "./chunk-QT2EU3SI.js";
import {
  driftLevel
} from "./chunk-OL25SVDW.js";
import {
  BINARY_METRICS,
  MULTICLASS_METRICS,
  REGRESSION_METRICS
} from "./chunk-LH4MYGKA.js";
import {
  columnClasses,
  declaredPositive,
  labelKey,
  sortKeys
} from "./chunk-Q6QXFFZK.js";
import {
  planModelIo
} from "./chunk-Y72I2OFL.js";
import {
  readManifestsAt
} from "./chunk-64266JRY.js";
import {
  readLfsPointer,
  resolveSource
} from "./chunk-4JQXYHBV.js";
import {
  graphFacts,
  signatureOf
} from "./chunk-OZK2C7TC.js";
import {
  sha256File
} from "./chunk-EW3JDDCC.js";
import {
  isShallowRepository,
  remoteHead
} from "./chunk-EJRXWDVW.js";
import {
  at,
  loadRepositoryLazily,
  repoRelative,
  resolveInside
} from "./chunk-KMZ2SU7I.js";
import {
  YamlNotLoaded
} from "./chunk-XPVOVGWT.js";
import {
  didYouMean,
  sortFindings
} from "./chunk-UPGHJSZ6.js";
import {
  openGit
} from "./chunk-AVCTVMN2.js";
import {
  CheckFailed,
  ModelgateError,
  UserError
} from "./chunk-VPZGVLTG.js";

// src/validate/validate.ts
import { resolve, sep } from "node:path";

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
    error(at(d, ["spec", "path"]), "data", err.message);
    return void 0;
  }
  const header = new Set(scan.header);
  for (const [i, c] of spec.columns.entries()) {
    const pos = at(d, ["spec", "columns", i]);
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
    warn(at(d, ["spec", "columns"]), "data", `${name} has a column "${col}" that the manifest does not declare`, col);
  }
  if (undeclared.length > MAX_REPEATED) {
    const more = undeclared.length - MAX_REPEATED;
    warn(
      at(d, ["spec", "columns"]),
      "data",
      `${name} has ${undeclared.length.toLocaleString("en-US")} columns that the manifest does not declare (the first ${MAX_REPEATED} above), and ${more.toLocaleString("en-US")} more: ${undeclared.slice(MAX_REPEATED, MAX_REPEATED + 5).map((c) => `"${c}"`).join(", ")}${more > 5 ? ", \u2026" : ""}; declare the ones the models use`
    );
  }
  if (scan.uniqueByDuplicates) {
    error(
      at(d, ["spec", "checks", "uniqueBy"]),
      "data",
      `${name}: ${scan.uniqueByDuplicates.count} duplicate rows over [${spec.checks?.uniqueBy?.join(", ")}] (first: row ${scan.uniqueByDuplicates.firstRow}${scan.uniqueByDuplicates.firstLine ? `, line ${scan.uniqueByDuplicates.firstLine}` : ""})`
    );
  }
  if (spec.rows !== void 0 && spec.rows !== scan.rows) {
    error(
      at(d, ["spec", "rows"]),
      "data",
      `${name} has ${scan.rows} rows, not the ${spec.rows} the manifest records; run \`modelgate lock\` if the change is intended`
    );
  }
  if (spec.checks?.minRows !== void 0 && scan.rows < spec.checks.minRows) {
    error(
      at(d, ["spec", "checks", "minRows"]),
      "data",
      `${name} has ${scan.rows} rows, fewer than minRows ${spec.checks.minRows}`
    );
  }
  if (spec.checks?.maxRows !== void 0 && scan.rows > spec.checks.maxRows) {
    error(
      at(d, ["spec", "checks", "maxRows"]),
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
  const pos = at(m, ["spec", "label", "column"]);
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
        at(m, ["spec", "label", "classes"]),
        "data",
        `label values ${outside.slice(0, 5).map((v) => JSON.stringify(v)).join(", ")} in ${d.file} are not among the declared classes [${spec.label.classes.join(", ")}]`,
        spec.label.column
      );
    }
  }
  if (spec.task === "binary-classification" && spec.label.positive !== void 0 && spec.label.classes && !spec.label.classes.map(String).includes(String(spec.label.positive))) {
    error(
      at(m, ["spec", "label", "positive"]),
      "reference",
      `positive class ${JSON.stringify(spec.label.positive)} is not among the classes [${spec.label.classes.join(", ")}]`
    );
  }
}

// src/validate/drift-checks.ts
import { existsSync } from "node:fs";
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
    const pos = at(target, ["spec", "columns", target.value.spec.columns.findIndex((c) => c.name === col)]);
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
      at(train, ["spec"]),
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
  const pos = at(d, ["spec", "drift", "reference"]);
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

// src/validate/files.ts
import { existsSync as existsSync2, readFileSync, statSync } from "node:fs";

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
    const { localFile } = await import("./source-SUIY43ZF.js");
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
  const pos = at(m, ["spec", "artifact", "path"]);
  if (src.kind === "file" && src.error) {
    error(pos, "path", src.error);
    return {};
  }
  if (src.kind === "remote") {
    const path2 = spec.artifact.path;
    if (!spec.artifact.sha256) {
      error(
        at(m, ["spec", "artifact"]),
        "digest",
        `the artifact ${path2} is remote and not pinned: its sha256 must be in the manifest; run \`modelgate lock ${m.value.metadata.name}\``
      );
      return { path: path2 };
    }
    const pin = { sha256: spec.artifact.sha256, size: spec.artifact.sizeBytes };
    const got = await fetchFor(storage, src, pin, pos, at(m, ["spec", "artifact", "sha256"]), error);
    if (!got) return { path: path2 };
    remote.push({ file: m.file, path: path2, how: got.via, bytes: statSync(got.file).size });
    return { path: path2, sha256: got.sha256, io: await checkOnnx(m, got.file, error) };
  }
  const r = { abs: src.abs };
  const path = repoRelative(repo.root, r.abs);
  if (!existsSync2(r.abs)) {
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
      at(m, ["spec", "artifact"]),
      "digest",
      `artifact has no sha256; run \`modelgate lock ${m.value.metadata.name}\``
    );
  } else if (spec.artifact.sha256 !== digest) {
    error(
      at(m, ["spec", "artifact", "sha256"]),
      "digest",
      `sha256 of ${spec.artifact.path} is ${digest}, not the ${spec.artifact.sha256} the manifest records; if the new file is intended, run \`modelgate lock ${m.value.metadata.name}\``
    );
  }
  return { path, sha256: digest, io: await checkOnnx(m, r.abs, error) };
}
async function checkOnnx(m, file, error) {
  const spec = m.value.spec;
  const pos = at(m, ["spec", "artifact", "path"]);
  let onnxModel;
  const bytes2 = readFileSync(file);
  const light = readOnnxGraph(bytes2);
  if (light) onnxModel = { model: light, signature: signatureOf(light) };
  else {
    try {
      onnxModel = (await import("./signature-PIEWWFRH.js")).readOnnxModel(bytes2, spec.artifact.path);
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
  for (const p of problems) error(at(m, p.path), "signature", p.message);
  return plan;
}
async function checkDataFile(repo, d, error, warn, storage = { env: process.env }, remote = [], skipData = false) {
  const spec = d.value.spec;
  const src = resolveSource(repo.root, d.dir, spec.path);
  const pos = at(d, ["spec", "path"]);
  if (src.kind === "file" && src.error) {
    error(pos, "path", src.error);
    return void 0;
  }
  if (src.kind === "remote") return checkRemoteData(d, src, error, storage, remote, skipData);
  const r = { abs: src.abs };
  if (!existsSync2(r.abs)) {
    error(pos, "path", `data file ${spec.path} does not exist (looked for ${repoRelative(repo.root, r.abs)})`);
    return void 0;
  }
  const pulled = await fetchFor(storage, src, {}, pos, pos, error);
  if (!pulled) return void 0;
  if (pulled.via === "git lfs") remote.push({ file: d.file, path: spec.path, how: "git lfs" });
  const size = statSync(r.abs).size;
  if (spec.sizeBytes !== void 0 && spec.sizeBytes !== size) {
    error(
      at(d, ["spec", "sizeBytes"]),
      "digest",
      `${spec.path} is ${size} bytes, not the ${spec.sizeBytes} the manifest records; run \`modelgate lock\` if the change is intended`
    );
  }
  const checkDigest = (digest) => {
    if (!spec.sha256) warn(at(d, ["spec"]), "digest", `dataset has no sha256; run \`modelgate lock\``);
    else if (spec.sha256 !== digest) {
      error(
        at(d, ["spec", "sha256"]),
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
  const pos = at(d, ["spec", "path"]);
  if (!spec.sha256) {
    error(
      at(d, ["spec"]),
      "digest",
      `${spec.path} is remote and not pinned: its sha256 must be in the manifest; run \`modelgate lock\``
    );
    return void 0;
  }
  const pin = { sha256: spec.sha256, size: spec.sizeBytes };
  if (skipData) {
    let told;
    try {
      const { remoteDigest } = await import("./source-SUIY43ZF.js");
      told = await remoteDigest(storage, src, pin);
    } catch (err) {
      if (!(err instanceof ModelgateError)) throw err;
      error(pos, "path", err.message);
      return void 0;
    }
    if (told) {
      if (told.size !== void 0 && spec.sizeBytes !== void 0 && told.size !== spec.sizeBytes)
        error(
          at(d, ["spec", "sizeBytes"]),
          "digest",
          `${spec.path} is ${told.size} bytes in the store, not the ${spec.sizeBytes} the manifest records; run \`modelgate lock\` if the change is intended`
        );
      else if (told.sha256 && told.sha256 !== spec.sha256)
        error(
          at(d, ["spec", "sha256"]),
          "digest",
          `${spec.path} has sha256 ${told.sha256} (the store's checksum), not the ${spec.sha256} the manifest records; if the new data is intended, run \`modelgate lock\``
        );
      remote.push({ file: d.file, path: spec.path, how: told.how, bytes: told.size });
      return void 0;
    }
  }
  const got = await fetchFor(storage, src, pin, pos, at(d, ["spec", "sha256"]), error);
  if (!got) return void 0;
  const bytes2 = statSync(got.file).size;
  remote.push({ file: d.file, path: spec.path, how: got.via, bytes: bytes2 });
  if (spec.blocks?.sha256) {
    const { blocksProblem } = await import("./blocks-WHZK4H3G.js");
    const problem = await blocksProblem(got.file, bytes2, { size: spec.blocks.size, sha256: spec.blocks.sha256 });
    if (problem) error(at(d, ["spec", "blocks"]), "digest", `${spec.path}: ${problem}`);
  }
  return { file: got.file, display: spec.path };
}

// src/validate/label-mapping.ts
import { posix } from "node:path";
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
    error(at(m, ["spec", "label"]), "classes", err.message, label.column);
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
      at(m, ["spec", "evaluation", "datasets", spec.evaluation.datasets.indexOf(evalName)]),
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
        at(m, path),
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
          at(m, path),
          "reference",
          `column "${name}" is not declared in dataset "${n}" (${d.file})${near ? `; did you mean "${near}"?` : ""}`
        );
      }
    }
    const label = d.value.spec.columns.find((c) => c.name === spec.label.column);
    if (label && spec.task === "regression" && label.type !== "float" && label.type !== "integer") {
      error(
        at(m, ["spec", "task"]),
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
          at(m, ["spec", "gates", i, "metric"]),
          "reference",
          `"${g.metric}" is not a ${spec.task} metric${near ? `; did you mean "${near}"?` : `; known: ${known.join(", ")}`}`
        );
      }
      if (g.min === void 0 && g.max === void 0 && g.maxDrop === void 0 && g.maxRise === void 0) {
        error(
          at(m, ["spec", "gates", i]),
          "reference",
          `gate on "${g.metric}" has no bound; add min, max, maxDrop or maxRise`
        );
      }
    } else if (!spec.evaluation.slices.some((s) => s.column === g.over)) {
      error(
        at(m, ["spec", "gates", i, "over"]),
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
        at(m, ["spec", "version"]),
        "version",
        `the version was not compared with the base branch: ${why}${shallow ? "; this clone is shallow: fetch the history (actions/checkout with fetch-depth: 0)" : ""}`
      );
    }
  };
  if (!found && named) return cannot(`the pull request's base ${named} (GITHUB_BASE_REF) is not in this clone`);
  if (!found) return cannot((await (await import("./run-A52DXAB6.js")).noDefaultBranch(git, tried)).message);
  const baseRef = async () => found.ref === ORIGIN_HEAD ? await remoteHead(git) ?? found.ref : found.ref;
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
    error(at(m, ["spec", "version"]), "version", `${problem}${next ? `; e.g. version: ${next}` : ""}`);
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
      await import("./yaml-5PRH3N5I.js");
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

export {
  unbumpedVersion,
  validateRepository
};
