import { existsSync, readFileSync, statSync } from "node:fs";
import { sha256File } from "../data/hash.ts";
import { CheckFailed, ModelgateError } from "../errors.ts";
import { type IoPlan, planModelIo } from "../evaluate/model-io.ts";
import { at, type Loaded, type Repository, repoRelative } from "../manifest/loaded.ts";
import type { Dataset, Model } from "../manifest/schema.ts";
import { type DecodedModel, graphFacts, type OnnxSignature, signatureOf } from "../onnx/graph.ts";
import { readOnnxGraph } from "../onnx/wire.ts";
import { readLfsPointer } from "../storage/lfs.ts";
import { type Pin, resolveSource, type Source } from "../storage/resolve.ts";
import type { LocalFile, StorageContext } from "../storage/source.ts";
import type { Report } from "./reporter.ts";

/**
 * The checks of files against the manifests that name them: a model's artifact (path, digest, and whether it runs
 * as the manifest maps it) and a dataset's file (path, size, digest). A remote file (a store URL or a DVC output) is
 * checked through the storage layer: by the store's own SHA-256 checksum when it gives one, else from the cache or
 * by downloading it — each said in `RemoteCheck`.
 */

/** How a remote file was checked: by the store's checksum (not downloaded), from the cache, or downloaded. */
export interface RemoteCheck {
  /** The manifest that names it. */
  file: string;
  /** The path or URL the manifest writes. */
  path: string;
  how: "checksum" | "cache" | "download" | "dvc work tree" | "dvc cache" | "work tree" | "git lfs";
  bytes?: number;
}

/** A data file as the data checks read it: the local file and the name they give it. */
export interface DataFile {
  file: string;
  display: string;
  /**
   * A work-tree file whose digest is still to be checked: the data checks hash it as they read it and hand the digest
   * here (or, when they could not read it through, the file is hashed on its own).
   */
  checkDigest?: (sha256: string) => void;
}

/**
 * The bytes of a remote source (or a work-tree file, for a git-lfs pointer) for a check, or a finding: a digest or
 * size that is not the pinned one at `digestPos`, anything else (not found, no access, not pinned) at `pathPos`.
 */
async function fetchFor(
  storage: StorageContext,
  src: Source,
  pin: Pin,
  pathPos: Parameters<Report>[0],
  digestPos: Parameters<Report>[0],
  error: Report,
): Promise<LocalFile | undefined> {
  // a work-tree file that is not a git-lfs pointer is itself (as localFile says): the stores' clients are loaded only
  // for a remote file or a pointer
  if (src.kind === "file" && !src.error && !readLfsPointer(src.abs)) return { file: src.abs, via: "work tree" };
  try {
    const { localFile } = await import("../storage/source.ts");
    return await localFile(storage, src, pin);
  } catch (err) {
    if (err instanceof CheckFailed) error(digestPos, "digest", err.message);
    else if (err instanceof ModelgateError) error(pathPos, "path", err.message);
    else throw err;
    return undefined;
  }
}

/** What checkArtifact read of a model's file, for the checks that follow: its digest, and how it runs. */
export interface ArtifactFacts {
  /** The file's path from the root (or the URL of a remote one), and its sha256 (when it exists). */
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
  storage: StorageContext = { env: process.env },
  remote: RemoteCheck[] = [],
): Promise<ArtifactFacts> {
  const spec = m.value.spec;
  const src = resolveSource(repo.root, m.dir, spec.artifact.path);
  const pos = at(m, ["spec", "artifact", "path"]);
  if (src.kind === "file" && src.error) {
    error(pos, "path", src.error);
    return {};
  }
  if (src.kind === "remote") {
    const path = spec.artifact.path;
    if (!spec.artifact.sha256) {
      error(
        at(m, ["spec", "artifact"]),
        "digest",
        `the artifact ${path} is remote and not pinned: its sha256 must be in the manifest; run \`modelgate lock ${m.value.metadata.name}\``,
      );
      return { path };
    }
    const pin = { sha256: spec.artifact.sha256, size: spec.artifact.sizeBytes };
    const got = await fetchFor(storage, src, pin, pos, at(m, ["spec", "artifact", "sha256"]), error);
    if (!got) return { path };
    remote.push({ file: m.file, path, how: got.via, bytes: statSync(got.file).size });
    return { path, sha256: got.sha256, io: await checkOnnx(m, got.file, error) };
  }
  const r = { abs: src.abs };
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
  const pulled = await fetchFor(storage, src, {}, pos, pos, error);
  if (!pulled) return { path };
  if (pulled.via === "git lfs") remote.push({ file: m.file, path: spec.artifact.path, how: "git lfs" });
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
  return { path, sha256: digest, io: await checkOnnx(m, r.abs, error) };
}

/** The artifact loads as ONNX and runs as the manifest maps it: how evaluate would feed and read it, if it does. */
async function checkOnnx(m: Loaded<Model>, file: string, error: Report): Promise<IoPlan | undefined> {
  const spec = m.value.spec;
  const pos = at(m, ["spec", "artifact", "path"]);
  let onnxModel: { model: DecodedModel; signature: OnnxSignature };
  const bytes = readFileSync(file);
  // the fields read without onnx-proto (onnx/wire.ts), or (anything else, a file that is not ONNX) by onnx-proto
  const light = readOnnxGraph(bytes);
  if (light) onnxModel = { model: light, signature: signatureOf(light) };
  else {
    try {
      onnxModel = (await import("../onnx/signature.ts")).readOnnxModel(bytes, spec.artifact.path);
    } catch (err) {
      error(pos, "artifact", (err as Error).message);
      return undefined;
    }
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
  return plan;
}

/**
 * Path, existence, digest and size of a dataset's file; returns the file to read and its name when it can be read.
 * With `skipData`, a remote file is checked by the store's checksum or the cache when they can tell, else downloaded.
 */
export async function checkDataFile(
  repo: Repository,
  d: Loaded<Dataset>,
  error: Report,
  warn: Report,
  storage: StorageContext = { env: process.env },
  remote: RemoteCheck[] = [],
  skipData = false,
): Promise<DataFile | undefined> {
  const spec = d.value.spec;
  const src = resolveSource(repo.root, d.dir, spec.path);
  const pos = at(d, ["spec", "path"]);
  if (src.kind === "file" && src.error) {
    error(pos, "path", src.error);
    return undefined;
  }
  if (src.kind === "remote") return checkRemoteData(d, src, error, storage, remote, skipData);
  const r = { abs: src.abs };
  if (!existsSync(r.abs)) {
    error(pos, "path", `data file ${spec.path} does not exist (looked for ${repoRelative(repo.root, r.abs)})`);
    return undefined;
  }
  const pulled = await fetchFor(storage, src, {}, pos, pos, error);
  if (!pulled) return undefined;
  if (pulled.via === "git lfs") remote.push({ file: d.file, path: spec.path, how: "git lfs" });
  const size = statSync(r.abs).size;
  if (spec.sizeBytes !== undefined && spec.sizeBytes !== size) {
    error(
      at(d, ["spec", "sizeBytes"]),
      "digest",
      `${spec.path} is ${size} bytes, not the ${spec.sizeBytes} the manifest records; run \`modelgate lock\` if the change is intended`,
    );
  }
  const checkDigest = (digest: string) => {
    if (!spec.sha256) warn(at(d, ["spec"]), "digest", `dataset has no sha256; run \`modelgate lock\``);
    else if (spec.sha256 !== digest) {
      error(
        at(d, ["spec", "sha256"]),
        "digest",
        `sha256 of ${spec.path} is ${digest}, not the ${spec.sha256} the manifest records; if the new data is intended, run \`modelgate lock\``,
      );
    }
  };
  const found = { file: r.abs, display: repoRelative(repo.root, r.abs) };
  // the data checks read the file anyway: its digest is taken by that read (one pass), and checked here
  if (!skipData) return { ...found, checkDigest };
  checkDigest(await sha256File(r.abs));
  return found;
}

/** A remote dataset: pinned, and its bytes the pinned ones — by the store's checksum or the cache, else downloaded. */
async function checkRemoteData(
  d: Loaded<Dataset>,
  src: Extract<Source, { kind: "remote" }>,
  error: Report,
  storage: StorageContext,
  remote: RemoteCheck[],
  skipData: boolean,
): Promise<DataFile | undefined> {
  const spec = d.value.spec;
  const pos = at(d, ["spec", "path"]);
  if (!spec.sha256) {
    error(
      at(d, ["spec"]),
      "digest",
      `${spec.path} is remote and not pinned: its sha256 must be in the manifest; run \`modelgate lock\``,
    );
    return undefined;
  }
  const pin = { sha256: spec.sha256, size: spec.sizeBytes };
  if (skipData) {
    let told: Awaited<ReturnType<typeof import("../storage/source.ts").remoteDigest>>;
    try {
      const { remoteDigest } = await import("../storage/source.ts");
      told = await remoteDigest(storage, src, pin);
    } catch (err) {
      if (!(err instanceof ModelgateError)) throw err;
      error(pos, "path", err.message);
      return undefined;
    }
    if (told) {
      if (told.size !== undefined && spec.sizeBytes !== undefined && told.size !== spec.sizeBytes)
        error(
          at(d, ["spec", "sizeBytes"]),
          "digest",
          `${spec.path} is ${told.size} bytes in the store, not the ${spec.sizeBytes} the manifest records; run \`modelgate lock\` if the change is intended`,
        );
      else if (told.sha256 && told.sha256 !== spec.sha256)
        error(
          at(d, ["spec", "sha256"]),
          "digest",
          `${spec.path} has sha256 ${told.sha256} (the store's checksum), not the ${spec.sha256} the manifest records; if the new data is intended, run \`modelgate lock\``,
        );
      remote.push({ file: d.file, path: spec.path, how: told.how, bytes: told.size });
      return undefined;
    }
  }
  const got = await fetchFor(storage, src, pin, pos, at(d, ["spec", "sha256"]), error);
  if (!got) return undefined;
  const bytes = statSync(got.file).size;
  remote.push({ file: d.file, path: spec.path, how: got.via, bytes });
  // the blocks a shard job checks must be those of the pinned file
  if (spec.blocks?.sha256) {
    const { blocksProblem } = await import("../storage/blocks.ts");
    const problem = await blocksProblem(got.file, bytes, { size: spec.blocks.size, sha256: spec.blocks.sha256 });
    if (problem) error(at(d, ["spec", "blocks"]), "digest", `${spec.path}: ${problem}`);
  }
  return { file: got.file, display: spec.path };
}
