import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { sha256Bytes } from "../data/hash.ts";
import { formatOf } from "../data/read.ts";
import { UserError } from "../errors.ts";
import { findDataset, findModel, type Loaded, missingDataset, repoRelative } from "../manifest/repo.ts";
import type { Model } from "../manifest/schema.ts";
import { contentName } from "../storage/location.ts";
import { localFile, resolveSource, storageContext } from "../storage/source.ts";
import type { Workspace } from "../workspace/workspace.ts";
import { findDefaultBaseline, type GitBaseline, modelAtRef } from "./baseline.ts";
import type { EvaluationSpec, ModelSource } from "./collect.ts";
import type { ModelIo } from "./runner.ts";

/** `modelgate evaluate MODEL`'s options: what the manifest does not say, or says otherwise for this run. */
export interface EvaluateOptions {
  /** A model name (manifest mode). */
  model: string;
  /** REF, FILE or "none"; default: production tag, else the base branch. A FILE is relative to ws.io.cwd. */
  baseline?: string;
  /** Where to write the record (or the shard state), relative to ws.io.cwd; default under the repository root. */
  out?: string;
  resamples?: number;
  seed?: number;
  shard?: { index: number; count: number };
  latency?: boolean;
  /**
   * Evaluate these bytes as the candidate instead of the file the manifest names (the report job recomputing a
   * fork's numbers from the ONNX file in its artifact, under this checkout's manifests and data).
   */
  candidate?: { bytes: Uint8Array; source: string; version?: string };
}

/** A model file named on the command line: its bytes, or a usage error naming it. */
export function readModelFile(path: string, what: string): Uint8Array {
  if (!existsSync(path) || !statSync(path).isFile())
    throw new UserError(`${what} ${path} does not exist; check the path`);
  return new Uint8Array(readFileSync(path));
}

/**
 * The evaluation spec from a Model manifest and its Dataset manifest, read from the workspace: the candidate (the
 * artifact, or `opts.candidate`), the baseline (`chooseBaseline`), the data and the evaluation section. `note` says
 * which baseline was chosen, or why there is none.
 */
export async function specFromManifests(
  ws: Workspace,
  opts: EvaluateOptions,
): Promise<{ spec: EvaluationSpec; root: string; note: string }> {
  const repo = ws.repo;
  const storage = storageContext(ws);
  const loaded = findModel(repo, opts.model);
  const m = loaded.value;
  const art = resolveSource(repo.root, loaded.dir, m.spec.artifact.path);
  if (art.kind === "file" && art.error) throw new UserError(`${loaded.file}: spec.artifact.path ${art.error}`);
  if (!opts.candidate && art.kind === "file" && !existsSync(art.abs)) {
    throw new UserError(
      `${loaded.file}: the artifact ${repoRelative(repo.root, art.abs)} does not exist; train the model first (\`modelgate train ${m.metadata.name}\`)`,
    );
  }
  const artifactPin = { sha256: m.spec.artifact.sha256, size: m.spec.artifact.sizeBytes };
  const bytes =
    opts.candidate?.bytes ?? new Uint8Array(readFileSync((await localFile(storage, art, artifactPin)).file));
  const dsName = m.spec.evaluation.datasets[0];
  const ds = findDataset(repo, dsName);
  if (!ds)
    throw new UserError(
      `${loaded.file}: spec.evaluation.datasets names "${dsName}", but ${missingDataset(repo, dsName)}`,
    );
  const dsSpec = ds.value.spec;
  const source = resolveSource(repo.root, ds.dir, dsSpec.path);
  if (source.kind === "file" && source.error) throw new UserError(`${ds.file}: spec.path ${source.error}`);
  const format = dsSpec.format ?? (source.kind === "remote" ? formatOf(contentName(dsSpec.path)) : undefined);
  // a remote file is parsed as it arrives (Parquet's footer, at the end, is fetched first: storage/fetch.ts)
  const stream = source.kind === "remote" && (format === "parquet" ? "footer-first" : true);
  // a shard of a CSV or Parquet file reads its part only: of a remote one, only the blocks of it (spec.blocks)
  const part = opts.shard && format !== "jsonl" ? { blocks: dsSpec.blocks } : undefined;
  const data = await localFile(storage, source, { sha256: dsSpec.sha256, size: dsSpec.sizeBytes }, { stream, part });
  const dataDisplay = source.kind === "file" ? repoRelative(repo.root, source.abs) : dsSpec.path;
  const candidate: ModelSource = {
    bytes,
    // Bytes handed in (a fork's artifact) have no folder of their own, nor has a remote artifact: external data is
    // not read for them.
    ...(opts.candidate || art.kind !== "file" ? {} : { dir: dirname(art.abs) }),
    source: opts.candidate?.source ?? (art.kind === "file" ? repoRelative(repo.root, art.abs) : art.path),
    version: opts.candidate ? (opts.candidate.version ?? m.spec.version) : m.spec.version,
    io: modelIoOf(m),
  };
  const chosen = await chooseBaseline(ws, loaded, bytes, opts.baseline);
  let note = chosen.note;
  if (!opts.candidate && sha256Bytes(bytes) !== m.spec.artifact.sha256 && m.spec.artifact.sha256) {
    note += `; note: ${candidate.source} differs from spec.artifact.sha256 (run \`modelgate lock\`)`;
  }
  const ev = m.spec.evaluation;
  const spec: EvaluationSpec = {
    name: m.metadata.name,
    version: candidate.version,
    task: m.spec.task,
    data: {
      path: data.file,
      display: dataDisplay,
      format,
      name: dsName,
    },
    arriving: data.arriving,
    label: { ...m.spec.label },
    threshold: m.spec.threshold,
    slices: ev.slices,
    minSliceSupport: ev.minSliceSupport,
    nanPolicy: ev.nanPolicy,
    bootstrap: { resamples: opts.resamples ?? ev.bootstrap.resamples, seed: opts.seed ?? ev.bootstrap.seed },
    fairnessMetrics: m.spec.gates.flatMap((g) => ("sliceGap" in g ? [g.sliceGap] : [])),
    candidate,
    baseline: chosen.baseline,
    shard: opts.shard,
    latency: opts.latency,
  };
  if (ds.value.spec.csv) spec.data.delimiter = ds.value.spec.csv.delimiter;
  return { spec, root: repo.root, note };
}

/**
 * The baseline `--baseline` asks for: "none"; an ONNX file (relative to ws.io.cwd); a git ref, whose manifest and
 * artifact are read from git; or, when not given, the default (the version in production, else the base branch).
 */
export async function chooseBaseline(
  ws: Workspace,
  loaded: Loaded<Model>,
  candidate: Uint8Array,
  b: string | undefined,
): Promise<{ baseline?: ModelSource; note: string }> {
  const m = loaded.value;
  const cwd = ws.io.cwd;
  if (b === "none") return { note: "no baseline (--baseline none)" };
  if (b && (b.endsWith(".onnx") || existsSync(resolve(cwd, b)))) {
    const path = resolve(cwd, b);
    const source = relative(cwd, path) || path;
    return {
      baseline: { bytes: readModelFile(path, "baseline"), source, io: modelIoOf(m), dir: dirname(path) },
      note: `baseline: ${source}`,
    };
  }
  if (b) {
    const g = await modelAtRef(ws.git, loaded.file, b);
    if (!g)
      throw new UserError(
        `--baseline ${b}: no such git ref, or no ${loaded.file} at it; give a ref (branch, tag, commit) or an ONNX file`,
      );
    return { baseline: gitSource(g), note: `baseline: ${m.metadata.name} at ${b}` };
  }
  const found = await findDefaultBaseline(ws.git, loaded.file, m.metadata.name, candidate, ws.env);
  if (!found.baseline) return { note: `no baseline: ${found.why}` };
  return { baseline: gitSource(found.baseline), note: found.why };
}

function gitSource(g: GitBaseline): ModelSource {
  return { bytes: g.bytes, source: g.source, version: g.manifest.spec.version, io: modelIoOf(g.manifest) };
}

/** How a Model manifest feeds its model and reads its predictions (spec.inputs, spec.outputs, spec.signature). */
export function modelIoOf(m: Model): ModelIo {
  return {
    mode: m.spec.inputs.mode,
    tensor: m.spec.inputs.tensor,
    features: m.spec.inputs.features,
    outputs: m.spec.outputs,
    signature: m.spec.signature,
  };
}
