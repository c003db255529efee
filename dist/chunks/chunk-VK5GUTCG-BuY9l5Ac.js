import { createRequire } from 'node:module';
import { e as evaluationRecordSchema } from './chunk-ZYONVBQU-s7z3Z2Hp.js';
import { U as UserError } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { lstatSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const require$1 = createRequire(import.meta.url);
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
    if (!existsSync(abs)) continue;
    const r = readOne(abs, `${name}.json`);
    if (r.record) out.byModel.set(name, { record: r.record, file: `${name}.json` });
    else out.refused.push({ file: `${name}.json`, reason: r.reason });
  }
  return out;
}
function modelsWithRecords(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(".json") && !f.startsWith(".") && !/\.shard-\d+-of-\d+\.json$/.test(f)).map((f) => f.slice(0, -5)).sort();
}
function loadArtifact(dir) {
  if (!existsSync(dir) || !lstatSync(dir).isDirectory()) {
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

export { loadRecordsDir as a, loadArtifact as l, modelsWithRecords as m, parseRecord as p };
