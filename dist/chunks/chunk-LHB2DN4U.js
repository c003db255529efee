import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  evaluationRecordSchema
} from "./chunk-VRZ2CJVB.js";
import {
  sha256File
} from "./chunk-AZ7PF7DE.js";
import {
  findDataset,
  repoRelative,
  resolveInside
} from "./chunk-7X65H3OX.js";
import {
  UserError
} from "./chunk-H5EPG2ZH.js";

// src/records/bind.ts
import { existsSync } from "node:fs";
var NONE = "(none)";
function recordMismatches(record, facts) {
  const out = [];
  const differ = (field, value, against, actual) => {
    if (value !== actual) out.push({ field, record: value ?? NONE, against, actual: actual ?? NONE });
  };
  const flag = { "metadata.name": "--name", "spec.version": "--version" };
  const where = (field) => facts.manifest ? `${facts.manifest} ${field}` : flag[field] ?? field;
  differ("model.name", record.model.name, where("metadata.name"), facts.name);
  if (facts.task !== void 0) differ("model.task", record.model.task, where("spec.task"), facts.task);
  if (facts.version !== void 0) {
    differ("model.version", record.model.version, where("spec.version"), facts.version);
    if (record.candidate.version !== void 0 && record.candidate.version !== record.model.version)
      differ("candidate.version", record.candidate.version, where("spec.version"), facts.version);
  }
  const c = record.candidate.sha256;
  const a = facts.artifact;
  if (a.sha256 !== void 0) differ("candidate.sha256", c, a.file, a.sha256);
  if (a.declared !== void 0) differ("candidate.sha256", c, where("spec.artifact.sha256"), a.declared);
  if (a.sha256 === void 0 && a.declared === void 0) {
    out.push({
      field: "candidate.sha256",
      record: c,
      against: `${a.file} (absent, and the manifest records no spec.artifact.sha256)`,
      actual: "(unknown)"
    });
  }
  const d = facts.dataset;
  if (d) {
    differ("dataset.name", record.dataset.name, where("spec.evaluation.datasets[0]"), d.name);
    const rd = record.dataset.sha256;
    if (d.sha256 !== void 0) differ("dataset.sha256", rd, d.file ?? d.name, d.sha256);
    if (d.declared !== void 0) differ("dataset.sha256", rd, `${d.manifest ?? d.name} spec.sha256`, d.declared);
    if (d.sha256 === void 0 && d.declared === void 0) {
      out.push({
        field: "dataset.sha256",
        record: rd,
        against: `${d.file ?? `dataset "${d.name}"`} (absent, and its manifest records no spec.sha256)`,
        actual: "(unknown)"
      });
    }
  }
  return out;
}
async function bindingFacts(model, repo) {
  const spec = model.value.spec;
  const digestOf = async (abs, error) => !error && existsSync(abs) ? await sha256File(abs) : void 0;
  const art = resolveInside(repo.root, model.dir, spec.artifact.path);
  const facts = {
    name: model.value.metadata.name,
    manifest: model.file,
    version: spec.version,
    task: spec.task,
    artifact: {
      file: art.error ? spec.artifact.path : repoRelative(repo.root, art.abs),
      sha256: await digestOf(art.abs, art.error),
      declared: spec.artifact.sha256
    }
  };
  const dsName = spec.evaluation.datasets[0];
  const ds = findDataset(repo, dsName);
  if (!ds) facts.dataset = { name: dsName };
  else {
    const data = resolveInside(repo.root, ds.dir, ds.value.spec.path);
    facts.dataset = {
      name: dsName,
      manifest: ds.file,
      file: data.error ? ds.value.spec.path : repoRelative(repo.root, data.abs),
      sha256: await digestOf(data.abs, data.error),
      declared: ds.value.spec.sha256
    };
  }
  return facts;
}
async function checkRecordBinding(record, model, repo) {
  return recordMismatches(record, await bindingFacts(model, repo));
}
function staleRecordMessage(model, mismatches) {
  const fields = mismatches.map((m) => `${m.field}: the record has ${m.record}, ${m.against} ${verb(m)} ${m.actual}`);
  return `stale evaluation record: run \`modelgate evaluate ${model}\` (${fields.join("; ")})`;
}
var verb = (m) => /(^| )(spec\.|metadata\.|--)/.test(m.against) ? "is" : "has";

// src/report/read-records.ts
import { existsSync as existsSync2, lstatSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
var MAX_RECORD_BYTES = 4 * 1024 * 1024;
var MAX_ARTIFACT_BYTES = 64 * 1024 * 1024;
var MAX_ARTIFACT_FILES = 1e3;
var MAX_DEPTH = 4;
function parseRecord(text) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { reason: `not JSON (${err.message.split("\n")[0]})` };
  }
  const r = evaluationRecordSchema.safeParse(json);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`).join("; ");
    return { reason: `not a valid evaluation record (${issues}${r.error.issues.length > 3 ? "; \u2026" : ""})` };
  }
  return { record: r.data };
}
function readOne(abs, shown) {
  const st = lstatSync(abs);
  if (st.isSymbolicLink()) return { reason: "is a symlink" };
  if (!st.isFile()) return { reason: "is not a regular file" };
  if (st.size > MAX_RECORD_BYTES) return { reason: `is ${st.size} bytes, over the ${MAX_RECORD_BYTES}-byte limit` };
  void shown;
  return parseRecord(readFileSync(abs, "utf8"));
}
function loadRecordsDir(dir, models) {
  const out = { byModel: /* @__PURE__ */ new Map(), refused: [] };
  for (const name of models) {
    const abs = join(dir, `${name}.json`);
    if (!existsSync2(abs)) continue;
    const r = readOne(abs, `${name}.json`);
    if (r.record) out.byModel.set(name, { record: r.record, file: `${name}.json` });
    else out.refused.push({ file: `${name}.json`, reason: r.reason });
  }
  return out;
}
function modelsWithRecords(dir) {
  if (!existsSync2(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(".json") && !f.startsWith(".") && !/\.shard-\d+-of-\d+\.json$/.test(f)).map((f) => f.slice(0, -5)).sort();
}
function loadArtifact(dir) {
  if (!existsSync2(dir) || !lstatSync(dir).isDirectory()) {
    throw new UserError(
      `--from-artifact ${dir}: not a folder; pass the folder actions/download-artifact wrote the evaluation records to`
    );
  }
  const files = [];
  let total = 0;
  const walk = (d, depth) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = join(d, e.name);
      if (e.isDirectory() && !e.isSymbolicLink()) {
        if (depth < MAX_DEPTH) walk(abs, depth + 1);
        continue;
      }
      if (!e.name.endsWith(".json") || /\.shard-\d+-of-\d+\.json$/.test(e.name)) continue;
      files.push(abs);
      if (files.length > MAX_ARTIFACT_FILES) {
        throw new UserError(
          `--from-artifact ${dir}: more than ${MAX_ARTIFACT_FILES} .json files; refusing the artifact`
        );
      }
      const st = lstatSync(abs);
      if (st.isFile()) total += st.size;
      if (total > MAX_ARTIFACT_BYTES) {
        throw new UserError(
          `--from-artifact ${dir}: more than ${MAX_ARTIFACT_BYTES} bytes of records; refusing the artifact`
        );
      }
    }
  };
  walk(dir, 0);
  const out = { byModel: /* @__PURE__ */ new Map(), refused: [] };
  const dup = /* @__PURE__ */ new Set();
  for (const abs of files) {
    const shown = relative(dir, abs).split(sep).join("/");
    const r = readOne(abs, shown);
    if (!r.record) {
      out.refused.push({ file: shown, reason: r.reason });
      continue;
    }
    const name = r.record.model.name;
    const prev = out.byModel.get(name);
    if (prev || dup.has(name)) {
      out.refused.push({
        file: shown,
        reason: `a second record for model ${name}${prev ? ` (also ${prev.file})` : ""}`
      });
      if (prev) out.refused.push({ file: prev.file, reason: `a second record for model ${name} (also ${shown})` });
      out.byModel.delete(name);
      dup.add(name);
      continue;
    }
    out.byModel.set(name, { record: r.record, file: shown });
  }
  return out;
}

export {
  recordMismatches,
  bindingFacts,
  checkRecordBinding,
  staleRecordMessage,
  parseRecord,
  loadRecordsDir,
  modelsWithRecords,
  loadArtifact
};
