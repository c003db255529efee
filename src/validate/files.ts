import { existsSync, readFileSync, statSync } from "node:fs";
import { sha256File } from "../data/hash.ts";
import { type IoPlan, planModelIo } from "../evaluate/model-io.ts";
import { at, type Loaded, type Repository, repoRelative, resolveInside } from "../manifest/repo.ts";
import type { Dataset, Model } from "../manifest/schema.ts";
import { graphFacts, readOnnxModel } from "../onnx/signature.ts";
import type { Report } from "./reporter.ts";

/**
 * The checks of files against the manifests that name them: a model's artifact (path, digest, and whether it runs
 * as the manifest maps it) and a dataset's file (path, size, digest).
 */

/** What checkArtifact read of a model's file, for the checks that follow: its digest, and how it runs. */
export interface ArtifactFacts {
  /** The file's path from the root, and its sha256 (when it exists). */
  path?: string;
  sha256?: string;
  /** How evaluate would feed and read it (when it runs as the manifest maps it). */
  io?: IoPlan;
}

/** Path, digest and signature of a model's artifact. */
export async function checkArtifact(
  repo: Repository,
  m: Loaded<Model>,
  error: Report,
  warn: Report,
): Promise<ArtifactFacts> {
  const spec = m.value.spec;
  const r = resolveInside(repo.root, m.dir, spec.artifact.path);
  const pos = at(m, ["spec", "artifact", "path"]);
  if (r.error) {
    error(pos, "path", r.error);
    return {};
  }
  const path = repoRelative(repo.root, r.abs);
  if (!existsSync(r.abs)) {
    if (spec.training)
      warn(
        pos,
        "path",
        `artifact ${spec.artifact.path} does not exist yet; run \`modelgate train ${m.value.metadata.name}\``,
      );
    else error(pos, "path", `artifact ${spec.artifact.path} does not exist (looked for ${path})`);
    return { path };
  }
  const digest = await sha256File(r.abs);
  if (!spec.artifact.sha256) {
    warn(
      at(m, ["spec", "artifact"]),
      "digest",
      `artifact has no sha256; run \`modelgate lock ${m.value.metadata.name}\``,
    );
  } else if (spec.artifact.sha256 !== digest) {
    error(
      at(m, ["spec", "artifact", "sha256"]),
      "digest",
      `sha256 of ${spec.artifact.path} is ${digest}, not the ${spec.artifact.sha256} the manifest records; if the new file is intended, run \`modelgate lock ${m.value.metadata.name}\``,
    );
  }
  let onnxModel: ReturnType<typeof readOnnxModel>;
  try {
    onnxModel = readOnnxModel(readFileSync(r.abs), spec.artifact.path);
  } catch (err) {
    error(pos, "artifact", (err as Error).message);
    return { path, sha256: digest };
  }
  // what evaluate refuses before reading data, reported here at the manifest lines (one shared check)
  const { plan, problems } = planModelIo(onnxModel.signature, graphFacts(onnxModel.model), spec.task, {
    mode: spec.inputs.mode,
    tensor: spec.inputs.tensor,
    features: spec.inputs.features,
    outputs: spec.outputs,
    signature: spec.signature,
  });
  for (const p of problems) error(at(m, p.path), "signature", p.message);
  return { path, sha256: digest, io: plan };
}

/** Path, existence, digest and size of a dataset's file; returns its absolute path when it can be read. */
export async function checkDataFile(
  repo: Repository,
  d: Loaded<Dataset>,
  error: Report,
  warn: Report,
): Promise<string | undefined> {
  const spec = d.value.spec;
  const r = resolveInside(repo.root, d.dir, spec.path);
  const pos = at(d, ["spec", "path"]);
  if (r.error) {
    error(pos, "path", r.error);
    return undefined;
  }
  if (!existsSync(r.abs)) {
    error(pos, "path", `data file ${spec.path} does not exist (looked for ${repoRelative(repo.root, r.abs)})`);
    return undefined;
  }
  const size = statSync(r.abs).size;
  if (spec.sizeBytes !== undefined && spec.sizeBytes !== size) {
    error(
      at(d, ["spec", "sizeBytes"]),
      "digest",
      `${spec.path} is ${size} bytes, not the ${spec.sizeBytes} the manifest records; run \`modelgate lock\` if the change is intended`,
    );
  }
  const digest = await sha256File(r.abs);
  if (!spec.sha256) warn(at(d, ["spec"]), "digest", `dataset has no sha256; run \`modelgate lock\``);
  else if (spec.sha256 !== digest) {
    error(
      at(d, ["spec", "sha256"]),
      "digest",
      `sha256 of ${spec.path} is ${digest}, not the ${spec.sha256} the manifest records; if the new data is intended, run \`modelgate lock\``,
    );
  }
  return r.abs;
}
