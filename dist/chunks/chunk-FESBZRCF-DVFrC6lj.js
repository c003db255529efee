import { createRequire } from 'node:module';
import { w as workTreeDigest } from './chunk-OYQDDGAU-Dpe-Jqkv.js';
import { i as isRemote } from './hot-validate-Cbhe7qur.js';
import { b as resolveInside, c as repoRelative, n as findDataset } from './hot-validate-plan-DjS3M9MR.js';
import { existsSync } from 'node:fs';

const require$1 = createRequire(import.meta.url);
var NONE = "(none)";
function recordMismatches(record, facts) {
  const out = [];
  const differ = (field, value, against, actual, fix = ["evaluate"]) => {
    if (value !== actual) out.push({ field, record: value ?? NONE, against, actual: actual ?? NONE, fix });
  };
  const digestFix = (record2, file, declared) => {
    const lock = file !== void 0 && declared !== void 0 && file !== declared;
    const evaluate = file !== void 0 ? record2 !== file : record2 !== declared;
    return [...lock ? ["lock"] : [], ...evaluate ? ["evaluate"] : []];
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
  const artifactFix = digestFix(c, a.sha256, a.declared);
  if (a.sha256 !== void 0) differ("candidate.sha256", c, a.file, a.sha256, artifactFix);
  if (a.declared !== void 0) differ("candidate.sha256", c, where("spec.artifact.sha256"), a.declared, artifactFix);
  if (a.sha256 === void 0 && a.declared === void 0) {
    out.push({
      field: "candidate.sha256",
      record: c,
      against: `${a.file} (absent, and the manifest records no spec.artifact.sha256)`,
      actual: "(unknown)",
      fix: ["evaluate"]
    });
  }
  const d = facts.dataset;
  if (d) {
    differ("dataset.name", record.dataset.name, where("spec.evaluation.datasets[0]"), d.name);
    const rd = record.dataset.sha256;
    const dataFix = digestFix(rd, d.sha256, d.declared);
    if (d.sha256 !== void 0) differ("dataset.sha256", rd, d.file ?? d.name, d.sha256, dataFix);
    if (d.declared !== void 0)
      differ("dataset.sha256", rd, `${d.manifest ?? d.name} spec.sha256`, d.declared, dataFix);
    if (d.sha256 === void 0 && d.declared === void 0) {
      out.push({
        field: "dataset.sha256",
        record: rd,
        against: `${d.file ?? `dataset "${d.name}"`} (absent, and its manifest records no spec.sha256)`,
        actual: "(unknown)",
        fix: ["evaluate"]
      });
    }
  }
  return out;
}
async function bindingFacts(model, repo) {
  const spec = model.value.spec;
  const digestOf = async (abs, error) => !error && existsSync(abs) ? await workTreeDigest(abs) : void 0;
  const local = (path, dir) => isRemote(path) ? { abs: path, error: "remote" } : resolveInside(repo.root, dir, path);
  const art = local(spec.artifact.path, model.dir);
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
    const data = local(ds.value.spec.path, ds.dir);
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
  const fixes = new Set(mismatches.flatMap((m) => m.fix));
  const lock = `\`modelgate lock ${model}\``;
  const evaluate = `\`modelgate evaluate ${model}\``;
  const what = fixes.has("lock") && fixes.has("evaluate") ? `stale evaluation record and digests in the manifests: run ${lock}, then ${evaluate}` : fixes.has("lock") ? `stale digest in the manifests: the evaluation record describes the files, but the manifests pin other bytes; run ${lock} and commit` : `stale evaluation record: run ${evaluate}`;
  return `${what} (${fields.join("; ")})`;
}
var verb = (m) => /(^| )(spec\.|metadata\.|--)/.test(m.against) ? "is" : "has";

export { bindingFacts as b, checkRecordBinding as c, recordMismatches as r, staleRecordMessage as s };
