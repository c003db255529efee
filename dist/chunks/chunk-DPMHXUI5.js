import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ProfileCounter,
  quantileEdges,
  scanDataset
} from "./chunk-7BTQOYDW.js";
import {
  sha256File
} from "./chunk-EW3JDDCC.js";
import {
  readOnnxSignature
} from "./chunk-C5XYVW47.js";
import {
  writeFileAtomic
} from "./chunk-RQB7ZENY.js";
import {
  findModel,
  loadRepository,
  require_dist,
  resolveInside
} from "./chunk-NBDRFBNU.js";
import {
  UserError
} from "./chunk-QVLUCJ3W.js";
import {
  __toESM
} from "./chunk-ZGDBGMMU.js";

// src/lock/lock.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync, readFileSync, statSync } from "node:fs";
async function lockRepository(cwd, modelNames = [], onProgress) {
  const repo = loadRepository(cwd);
  const broken = repo.findings.filter((f) => f.severity === "error");
  if (broken.length) {
    const first = broken[0];
    throw new UserError(
      `${broken.length} manifest problem(s) must be fixed before lock can write (first: ${first.file}:${first.line}:${first.col}: ${first.message}); run \`modelgate validate\``
    );
  }
  const models = modelNames.length ? modelNames.map((n) => findModel(repo, n)) : repo.models;
  const used = new Set(
    models.flatMap((m) => [...m.value.spec.training?.datasets ?? [], ...m.value.spec.evaluation.datasets])
  );
  const datasets = modelNames.length ? repo.datasets.filter((d) => used.has(d.value.metadata.name)) : repo.datasets;
  const changes = [];
  for (const d of datasets) {
    onProgress?.(`locking ${d.file}`);
    const fields = await lockDataset(repo.root, d);
    if (fields.length) changes.push({ file: d.file, fields });
  }
  for (const m of models) {
    const fields = await lockModel(repo.root, m);
    if (fields.length) changes.push({ file: m.file, fields });
  }
  return changes;
}
async function save(m, fields) {
  const text = m.src.doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  if (text === readFileSync(m.abs, "utf8")) return [];
  await writeFileAtomic(m.abs, text);
  return fields;
}
function setIfChanged(m, path, value, fields) {
  const old = m.src.doc.getIn(path);
  const oldJs = old && typeof old === "object" && "toJSON" in old ? old.toJSON() : old;
  if (JSON.stringify(oldJs) === JSON.stringify(value)) return;
  const node = m.src.doc.createNode(value);
  (0, import_yaml.visit)(node, {
    Seq(_, seq) {
      if (seq.items.every((i) => !(0, import_yaml.isMap)(i) && !(0, import_yaml.isSeq)(i))) seq.flow = true;
    }
  });
  m.src.doc.setIn(path, node);
  fields.push(path.slice(1).join("."));
}
async function lockDataset(root, d) {
  const spec = d.value.spec;
  const r = resolveInside(root, d.dir, spec.path);
  if (r.error) throw new UserError(r.error, { file: d.file });
  if (!existsSync(r.abs)) throw new UserError(`data file ${spec.path} does not exist`, { file: d.file });
  const fields = [];
  setIfChanged(d, ["spec", "sha256"], await sha256File(r.abs), fields);
  setIfChanged(d, ["spec", "sizeBytes"], statSync(r.abs).size, fields);
  const profiled = spec.columns.filter((c) => c.role === "feature" || c.role === "slice");
  const numeric = profiled.filter((c) => c.type === "float" || c.type === "integer").map((c) => c.name);
  const first = await scanDataset(r.abs, d.value, { sampleColumns: numeric });
  setIfChanged(d, ["spec", "rows"], first.rows, fields);
  const counter = new ProfileCounter();
  for (const c of profiled) {
    if (numeric.includes(c.name))
      counter.addNumericColumn(c.name, quantileEdges(first.samples?.get(c.name)?.values ?? []));
    else counter.addCategoricalColumn(c.name);
  }
  if (profiled.length) {
    await scanDataset(r.abs, d.value, { counter });
    setIfChanged(d, ["spec", "profile"], counter.result(), fields);
  }
  return save(d, fields);
}
async function lockModel(root, m) {
  const spec = m.value.spec;
  const r = resolveInside(root, m.dir, spec.artifact.path);
  if (r.error) throw new UserError(r.error, { file: m.file });
  if (!existsSync(r.abs)) return [];
  const fields = [];
  setIfChanged(m, ["spec", "artifact", "sha256"], await sha256File(r.abs), fields);
  if (!spec.signature) {
    const sig = readOnnxSignature(readFileSync(r.abs), spec.artifact.path);
    const strip = (t) => t.kind === "tensor" ? { name: t.name, type: t.type, shape: t.shape } : { name: t.name, type: t.type };
    setIfChanged(m, ["spec", "signature"], { inputs: sig.inputs.map(strip), outputs: sig.outputs.map(strip) }, fields);
  }
  return save(m, fields);
}

export {
  lockRepository
};
