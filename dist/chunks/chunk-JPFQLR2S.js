import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ProfileCounter,
  quantileEdges,
  scanDataset
} from "./chunk-7BTQOYDW.js";
import {
  parseArgs
} from "./chunk-WEB6YSE2.js";
import {
  sha256File
} from "./chunk-EW3JDDCC.js";
import {
  readOnnxSignature
} from "./chunk-C5XYVW47.js";
import {
  toJson,
  writeFileAtomic
} from "./chunk-D2E5CVHB.js";
import {
  findModel,
  loadRepository,
  require_dist,
  resolveInside
} from "./chunk-YBB4ID5S.js";
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

// src/commands/lock.ts
var command = {
  name: "lock",
  summary: "recompute digests, sizes, row counts and profiles into the manifests",
  usage: `Usage: modelgate lock [MODEL\u2026] [--json]

Recomputes the fields nobody should edit by hand and writes them into the manifests, keeping comments and layout:
  Dataset: spec.sha256, spec.sizeBytes, spec.rows, spec.profile (bins and value fractions of feature and slice
           columns, the reference for drift checks)
  Model:   spec.artifact.sha256, and spec.signature when it is missing (read from the ONNX file)

With MODEL names, only those models and the datasets they use; without, every manifest in the repository.
Running it twice changes nothing the second time. Files are replaced atomically.

Options:
  --json        list the changed files and fields as JSON
  -h, --help    this text

Exit codes: 0 done, 2 usage error, invalid manifests (run \`modelgate validate\`), or missing files.
`,
  async run(args, io) {
    const { values, positionals } = parseArgs("lock", args, {});
    const changes = await lockRepository(io.cwd, positionals, values.json ? void 0 : (m) => io.err(`${m}
`));
    if (values.json) io.out(toJson({ changes }));
    else if (changes.length === 0) io.out("lock: everything is up to date\n");
    else for (const c of changes) io.out(`${c.file}: updated ${c.fields.join(", ")}
`);
    return 0;
  }
};

export {
  command
};
