import { existsSync, readFileSync, statSync } from "node:fs";
import { UserError } from "../errors.ts";
import { sha256File } from "../data/hash.ts";
import { ProfileCounter, quantileEdges } from "../data/profile.ts";
import { scanDataset } from "../data/scan.ts";
import { editYaml, type YamlEdit } from "../manifest/edit.ts";
import { findModel, type Loaded, loadRepository, repoRelative, resolveInside } from "../manifest/repo.ts";
import type { Dataset, Model } from "../manifest/schema.ts";
import { readOnnxSignature } from "../onnx/signature.ts";
import { writeFileAtomic } from "../util/fs.ts";

export interface LockChange {
  file: string;
  fields: string[];
}

/**
 * Recomputes what nobody should type by hand — digests, sizes, row counts, profiles, a missing ONNX signature — into
 * the manifests, changing only the bytes of those values (src/manifest/edit.ts): a manifest whose values did not
 * change is not written; one that did keeps its comments, layout, line endings and spacing. Idempotent.
 */
export async function lockRepository(
  cwd: string,
  modelNames: string[] = [],
  onProgress?: (m: string) => void,
): Promise<LockChange[]> {
  const repo = loadRepository(cwd);
  const broken = repo.findings.filter((f) => f.severity === "error");
  if (broken.length) {
    const first = broken[0];
    throw new UserError(
      `${broken.length} manifest problem(s) must be fixed before lock can write (first: ${first.file}:${first.line}:${first.col}: ${first.message}); run \`modelgate validate\``,
    );
  }
  const models = modelNames.length ? modelNames.map((n) => findModel(repo, n)) : repo.models;
  const used = new Set(
    models.flatMap((m) => [...(m.value.spec.training?.datasets ?? []), ...m.value.spec.evaluation.datasets]),
  );
  const datasets = modelNames.length ? repo.datasets.filter((d) => used.has(d.value.metadata.name)) : repo.datasets;

  const changes: LockChange[] = [];
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

/**
 * Writes the values that changed into the manifest, and only those bytes: a manifest whose values did not change is
 * not touched at all, and one that changed keeps its own style (src/manifest/edit.ts).
 */
async function save(m: Loaded<unknown>, edits: YamlEdit[]): Promise<string[]> {
  if (edits.length === 0) return [];
  await writeFileAtomic(m.abs, editYaml(m.src, edits));
  return edits.map((e) => e.path.slice(1).join("."));
}

function setIfChanged(m: Loaded<unknown>, path: string[], value: unknown, edits: YamlEdit[]): void {
  const old = m.src.doc.getIn(path);
  const oldJs =
    old && typeof old === "object" && "toJSON" in (old as object) ? (old as { toJSON(): unknown }).toJSON() : old;
  if (JSON.stringify(oldJs) === JSON.stringify(value)) return;
  edits.push({ path, value });
}

async function lockDataset(root: string, d: Loaded<Dataset>): Promise<string[]> {
  const spec = d.value.spec;
  const r = resolveInside(root, d.dir, spec.path);
  if (r.error) throw new UserError(r.error, { file: d.file });
  if (!existsSync(r.abs)) throw new UserError(`data file ${spec.path} does not exist`, { file: d.file });
  const fields: YamlEdit[] = [];
  setIfChanged(d, ["spec", "sha256"], await sha256File(r.abs), fields);
  setIfChanged(d, ["spec", "sizeBytes"], statSync(r.abs).size, fields);

  const profiled = spec.columns.filter((c) => c.role === "feature" || c.role === "slice");
  const numeric = profiled.filter((c) => c.type === "float" || c.type === "integer").map((c) => c.name);
  const displayName = repoRelative(root, r.abs);
  const first = await scanDataset(r.abs, d.value, { sampleColumns: numeric, displayName });
  setIfChanged(d, ["spec", "rows"], first.rows, fields);
  const counter = new ProfileCounter();
  for (const c of profiled) {
    if (numeric.includes(c.name))
      counter.addNumericColumn(c.name, quantileEdges(first.samples?.get(c.name)?.values ?? []));
    else counter.addCategoricalColumn(c.name);
  }
  if (profiled.length) {
    await scanDataset(r.abs, d.value, { counter, displayName });
    setIfChanged(d, ["spec", "profile"], counter.result(), fields);
  }
  return save(d, fields);
}

async function lockModel(root: string, m: Loaded<Model>): Promise<string[]> {
  const spec = m.value.spec;
  const r = resolveInside(root, m.dir, spec.artifact.path);
  if (r.error) throw new UserError(r.error, { file: m.file });
  if (!existsSync(r.abs)) return [];
  const fields: YamlEdit[] = [];
  setIfChanged(m, ["spec", "artifact", "sha256"], await sha256File(r.abs), fields);
  if (!spec.signature) {
    const sig = readOnnxSignature(readFileSync(r.abs), spec.artifact.path);
    const strip = (t: { name: string; type: string; shape: (number | string)[]; kind: string }) =>
      t.kind === "tensor" ? { name: t.name, type: t.type, shape: t.shape } : { name: t.name, type: t.type };
    setIfChanged(m, ["spec", "signature"], { inputs: sig.inputs.map(strip), outputs: sig.outputs.map(strip) }, fields);
  }
  return save(m, fields);
}
