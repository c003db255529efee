import { readFile, stat } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { sha256Bytes, sha256File } from "../data/hash.ts";
import { CheckFailed, UserError } from "../errors.ts";
import { headCommitTime } from "../git/commit-time.ts";
import { type Git, openGit } from "../git/index.ts";
import { findModel } from "../manifest/repo.ts";
import { cacheDir } from "../storage/cache.ts";
import { isRemote, localFile, resolveSource, storageContext } from "../storage/source.ts";
import { readOnnxHead } from "../onnx/head.ts";
import { type OnnxSignature, readOnnxSignature } from "../onnx/signature.ts";
import { servedGraph, servedGraphNote } from "../onnx/zipmap.ts";
import { type BaseChoice, chooseBase, resolveBase } from "../oci/base.ts";
import { registryCredentials } from "../oci/credentials.ts";
import { rfc3339 } from "../oci/image.ts";
import { type OnBlob, shipImage } from "../oci/build.ts";
import { formatReference, parseReference, type Reference } from "../oci/reference.ts";
import { ArtifactType, type Attachment, artifactManifest, attachToLayout, attachToRegistry } from "../oci/referrers.ts";
import { RegistryClient, registryFailure, registryTuning } from "../oci/registry.ts";
import { TAR_MAX_MTIME } from "../oci/tar.ts";
import { type Descriptor, type Platform, sha256Digest } from "../oci/types.ts";
import { type BindingMismatch, bindingFacts, recordMismatches, staleRecordMessage } from "../records/bind.ts";
import type { EvaluationRecord } from "../records/evaluation.ts";
import { parseRecord } from "../report/read-records.ts";
import type { Io } from "../util/io.ts";
import { Progress } from "../util/progress.ts";
import { openWorkspace, type Workspace } from "../workspace/workspace.ts";

/**
 * The package service: a model's KServe modelcar image, built without a daemon and written to a layout or pushed.
 * `planPackage` reads and checks everything local (manifests, the ONNX file and the graph served, the evaluation
 * record against the bytes, the attachments, where the image goes) and returns what will be built; `applyPackage`
 * resolves the base, builds the image and writes or pushes it with its referrers. `packageModel` does both.
 */

/** What to build and where. Paths are relative to the io's folder. */
export interface PackageOptions {
  /** Ship this file instead of the manifest's artifact path (a file trained by the pull request's CI run). */
  artifactFile?: string;
  /** The model name, the folder under /models (default: the manifest's). */
  name?: string;
  /** The version label and default tag (default: the manifest's). */
  version?: string;
  /** An OCI image layout to write: DIR[:NAME] (NAME defaults to the version, else latest). */
  layout?: string;
  /** A registry to push to: REGISTRY/REPO[:TAG] (default tag: the version). */
  push?: string;
  /** A registry reference, oci:DIR[:NAME], or scratch (default: modelgate.yaml's spec.base, else busybox for a modelcar, scratch for image volumes). */
  base?: string;
  /** Only these platforms of the base (default: all of them). */
  platforms?: Platform[];
  /** The evaluation record to bind to the bytes, label by digest and attach as a referrer. */
  evalRecord?: string;
  modelCard?: string;
  promotionRecord?: string;
  maxBatchSize?: number;
  /** Upload blobs in chunks of this many MiB (default: one streamed PUT per blob). */
  chunkMiB?: number;
  source?: string;
  revision?: string;
  licenses?: string;
  /** No progress bars and no registry log lines. */
  quiet?: boolean;
}

/** A bare ONNX file, without manifests. */
export interface PackageFileOptions extends PackageOptions {
  modelFile: string;
  name: string;
}

/** What will be built, from what, and where it goes: everything known before the base is resolved. */
export interface PackagePlan {
  name: string;
  version?: string;
  /** The ONNX file whose bytes go into the layer (absolute). */
  modelFile: string;
  modelSize: number;
  /** The signature of the graph served. */
  signature: OnnxSignature;
  /** The graph served instead of the file when a ZipMap is removed, with why. */
  served?: { bytes: Uint8Array; modelSha256: string; note: string };
  /** The manifest's artifact sha256: the build fails when the file differs. */
  expectedSha256?: string;
  /** The base chosen (flag, modelgate.yaml, or the default for the KServe storage), not yet resolved. */
  base: BaseChoice;
  platforms?: Platform[];
  /** Seconds since 1970: every timestamp of the image. */
  created: number;
  source?: string;
  revision?: string;
  licenses?: string;
  maxBatchSize?: number;
  /** The referrers to attach, the evaluation record (whose digest also goes in a label) first. */
  attachments: Attachment[];
  evaluationDigest?: string;
  layout?: { dir: string; name: string };
  push?: Reference;
  chunkSize: number;
  quiet: boolean;
}

export interface PackageResult {
  digest: string;
  name: string;
  version?: string;
  /** The artifact's sha256 (what the manifest and the evaluation record name). */
  modelSha256: string;
  /** The sha256 of the model file in the image: the artifact's, unless a ZipMap was removed (servedGraph says so). */
  servedSha256: string;
  servedGraph?: string;
  layer: string;
  platforms: string[];
  base: { name: string; digest?: string };
  created: string;
  layout?: { dir: string; name: string };
  pushed?: { reference: string; uploaded: number; mounted: number; existing: number };
  referrers: { artifactType: string; digest: string; via: string }[];
  warnings: string[];
  /** The image index's descriptor (the subject of referrers attached later). */
  descriptor: Descriptor;
}

/** Builds a model of the workspace: plan, then apply. */
export async function packageModel(ws: Workspace, model: string, opts: PackageOptions = {}): Promise<PackageResult> {
  return applyPackage(await planPackage(ws, model, opts), ws.io, ws.env);
}

/** Builds a bare ONNX file (no manifests): plan, then apply. */
export async function packageFile(io: Io, opts: PackageFileOptions): Promise<PackageResult> {
  return applyPackage(await planPackageFile(io, opts), io, io.env);
}

/** The plan for a model of the workspace: name, version, artifact, sha256, license, base and registry from manifests. */
export async function planPackage(ws: Workspace, model: string, opts: PackageOptions): Promise<PackagePlan> {
  const repo = ws.repo;
  const m = findModel(repo, model);
  const abs = (p: string) => resolve(ws.io.cwd, p);
  const name = opts.name ?? m.value.metadata.name;
  const version = opts.version ?? m.value.spec.version;
  const art = m.value.spec.artifact;
  // a remote artifact is read through the cache, held to its pin
  const modelFile = opts.artifactFile
    ? abs(opts.artifactFile)
    : isRemote(art.path)
      ? (
          await localFile(storageContext(ws), resolveSource(repo.root, m.dir, art.path), {
            sha256: art.sha256,
            size: art.sizeBytes,
          })
        ).file
      : resolve(m.dir, art.path);
  const cfg = repo.config.spec;
  let { layout, push } = opts;
  if (!layout && !push) {
    if (cfg.registry) push = `${cfg.registry.replace(/\/$/, "")}/${name}:${version}`;
    else layout = join(repo.root, ".modelgate", "images");
  }
  return planFrom(opts, {
    cwd: ws.io.cwd,
    env: ws.env,
    git: ws.git,
    name,
    version,
    modelFile,
    expectedSha256: m.value.spec.artifact.sha256,
    licenses: opts.licenses ?? m.value.spec.card.license,
    base: chooseBase({
      flag: opts.base,
      cwd: ws.io.cwd,
      config: { root: repo.root, base: cfg.base, storage: cfg.kserve.storage },
    }),
    layout,
    push,
    bind: async (record) => {
      const facts = await bindingFacts(m, repo);
      // a CI-trained artifact carried in from elsewhere (--artifact-file) is the file the record must describe
      if (opts.artifactFile)
        facts.artifact = { ...facts.artifact, file: opts.artifactFile, sha256: await sha256File(modelFile) };
      return recordMismatches(record, facts);
    },
  });
}

/** The plan for a bare ONNX file: the name and version come from the options. */
export async function planPackageFile(io: Io, opts: PackageFileOptions): Promise<PackagePlan> {
  const modelFile = resolve(io.cwd, opts.modelFile);
  return planFrom(opts, {
    cwd: io.cwd,
    env: io.env,
    git: openGit(io.cwd, { env: io.env }),
    name: opts.name,
    version: opts.version,
    modelFile,
    licenses: opts.licenses,
    base: chooseBase({ flag: opts.base, cwd: io.cwd }),
    layout: opts.layout,
    push: opts.push,
    bind: async (record) =>
      recordMismatches(record, {
        name: opts.name,
        version: opts.version,
        artifact: { file: opts.modelFile, sha256: await sha256File(modelFile) },
      }),
  });
}

interface Resolved {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** git where the image's times and revision come from. */
  git: Git;
  name: string;
  version?: string;
  modelFile: string;
  expectedSha256?: string;
  licenses?: string;
  base: BaseChoice;
  layout?: string;
  push?: string;
  /** Checks the evaluation record against the model being packaged (bound to its bytes, or refused as stale). */
  bind: (record: EvaluationRecord) => Promise<BindingMismatch[]>;
}

async function planFrom(opts: PackageOptions, r: Resolved): Promise<PackagePlan> {
  const abs = (p: string) => resolve(r.cwd, p);
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(r.name)) {
    throw new UserError(
      `model name "${r.name}" cannot be a folder name in the image; use letters, digits, ".", "_" and "-"`,
    );
  }
  if (!r.layout && !r.push) throw new UserError("say where the image goes: --layout DIR or --push REGISTRY/REPO[:TAG]");
  // before any work: a reference that cannot be pushed to is a usage error now, not after the build
  const push = r.push ? parseReference(r.push, opts.push ? "--push" : "modelgate.yaml spec.registry") : undefined;
  if (push?.digest)
    throw new UserError(`--push ${r.push}: name a tag or nothing, not a digest (the digest is the result)`);
  if (push) push.tag ??= r.version;
  const created = await createdTime(r.env, r.git);
  const model = await readServedModel(r.modelFile);

  const attachments: Attachment[] = [];
  if (opts.evalRecord) {
    const a = await attachmentFrom(abs(opts.evalRecord), ArtifactType.evaluationRecord);
    const parsed = parseRecord(Buffer.from(a.bytes).toString("utf8"));
    if (!parsed.record) throw new UserError(`--eval-record ${opts.evalRecord}: ${parsed.reason}`);
    const mismatches = await r.bind(parsed.record);
    if (mismatches.length > 0) {
      throw new CheckFailed(`--eval-record ${opts.evalRecord}: ${staleRecordMessage(r.name, mismatches)}`);
    }
    attachments.push(a);
  }
  if (opts.modelCard) attachments.push(await attachmentFrom(abs(opts.modelCard), ArtifactType.modelCard));
  if (opts.promotionRecord) {
    attachments.push(await attachmentFrom(abs(opts.promotionRecord), ArtifactType.promotionRecord));
  }
  const env = r.env;
  return {
    name: r.name,
    version: r.version,
    modelFile: r.modelFile,
    ...model,
    expectedSha256: r.expectedSha256,
    base: r.base,
    platforms: opts.platforms,
    created,
    source:
      opts.source ??
      (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY
        ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`
        : undefined),
    revision: opts.revision ?? env.GITHUB_SHA ?? (await r.git.revParse("HEAD")),
    licenses: r.licenses,
    maxBatchSize: opts.maxBatchSize,
    attachments,
    evaluationDigest: opts.evalRecord ? sha256Digest(attachments[0].bytes) : undefined,
    layout: r.layout ? splitLayout(abs, r.layout, r.version ?? "latest") : undefined,
    push,
    chunkSize: opts.chunkMiB ? Math.round(opts.chunkMiB * (1 << 20)) : 0,
    quiet: Boolean(opts.quiet),
  };
}

/**
 * The ONNX file's size and the signature served. A ZipMap output cannot be served (Triton serves tensors): the image
 * serves the graph that evaluate scored, the ZipMap removed and the probability tensor behind it an output, as
 * skl2onnx writes with zipmap=False.
 */
async function readServedModel(modelFile: string): Promise<Pick<PackagePlan, "modelSize" | "signature" | "served">> {
  const st = await stat(modelFile).catch(() => {
    throw new UserError(`model file ${modelFile} does not exist; check the path (or train the model first)`);
  });
  const small = st.size <= 64 << 20;
  const head = small ? await readFile(modelFile) : await readOnnxHead(modelFile);
  const signature = readOnnxSignature(head, modelFile);
  if (signature.outputs.some((o) => o.kind !== "tensor")) {
    const whole = small ? head : await readFile(modelFile);
    const g = servedGraph(whole, modelFile);
    const note = servedGraphNote(signature, g.removed);
    if (note) {
      return {
        modelSize: st.size,
        signature: readOnnxSignature(g.bytes, modelFile),
        served: { bytes: g.bytes, modelSha256: sha256Bytes(whole), note },
      };
    }
  }
  return { modelSize: st.size, signature };
}

/** Resolves the base, builds the image, writes the layout and/or pushes, and attaches the referrers. */
export async function applyPackage(plan: PackagePlan, io: Io, env: NodeJS.ProcessEnv): Promise<PackageResult> {
  const warnings: string[] = [];
  const clients = new Map<string, RegistryClient>();
  const clientFor = (registry: string) => {
    let c = clients.get(registry);
    if (!c) {
      c = new RegistryClient(registry, {
        credentials: registryCredentials(registry, env),
        ...registryTuning(env),
        chunkSize: plan.chunkSize,
        log: plan.quiet ? () => {} : (line) => io.err(`${line}\n`),
      });
      clients.set(registry, c);
    }
    return c;
  };
  try {
    const resolved = await resolveBase(plan.base.spec, {
      clientFor,
      platforms: plan.platforms,
      modelcar: plan.base.modelcar,
      from: plan.base.from,
    });
    warnings.push(...resolved.warnings);
    if (resolved.unpinned) {
      warnings.push(
        `${plan.base.from} ${plan.base.spec} is not pinned by digest; it resolved to ${resolved.unpinned} (add @${resolved.unpinned})`,
      );
    }
    const input = {
      name: plan.name,
      modelFile: plan.modelFile,
      modelSize: plan.modelSize,
      signature: plan.signature,
      served: plan.served,
      base: resolved,
      created: plan.created,
      version: plan.version,
      source: plan.source,
      revision: plan.revision,
      licenses: plan.licenses,
      evaluationDigest: plan.evaluationDigest,
      expectedSha256: plan.expectedSha256,
      maxBatchSize: plan.maxBatchSize,
    };
    const onBlob = plan.quiet ? undefined : progressFor(io);
    const push = plan.push ? { client: clientFor(plan.push.registry), ref: plan.push } : undefined;
    const { img, pushed } = await shipImage(input, {
      layout: plan.layout ? { dir: plan.layout.dir, refName: plan.layout.name } : undefined,
      push,
      cacheDir: join(cacheDir(env), "layers"),
      onBlob,
    });
    for (const s of img.triton.skipped) {
      warnings.push(
        `output ${s} is not a tensor; config.pbtxt leaves it out (Triton's onnxruntime backend serves tensors only)`,
      );
    }
    const result: PackageResult = {
      digest: img.digest,
      name: plan.name,
      version: plan.version,
      modelSha256: img.modelSha256,
      servedSha256: img.servedSha256,
      ...(plan.served ? { servedGraph: plan.served.note } : {}),
      layer: img.layer.digest,
      platforms: img.assembled.manifests.map((m) => platformName(m.platform)),
      base: { name: resolved.image.name, digest: resolved.image.digest },
      created: rfc3339(plan.created),
      referrers: [],
      warnings,
      descriptor: img.descriptor,
    };
    const artifacts = plan.attachments.map((a) => artifactManifest(img.descriptor, a, rfc3339(plan.created)));
    if (plan.layout) {
      const { dir, name } = plan.layout;
      for (const a of artifacts) {
        await attachToLayout(dir, a);
        result.referrers.push({ artifactType: a.descriptor.artifactType!, digest: a.descriptor.digest, via: "layout" });
      }
      result.layout = { dir, name };
    }
    if (push && pushed) {
      const { client, ref } = push;
      for (const a of artifacts) {
        const r = await attachToRegistry(client, ref.repository, a, img.descriptor);
        result.referrers.push({ artifactType: a.descriptor.artifactType!, digest: r.digest, via: r.via });
      }
      const count = (o: string) => pushed.blobs.filter((b) => b.outcome === o).length;
      result.pushed = {
        reference: formatReference({ ...ref, digest: img.digest }),
        uploaded: count("uploaded") + count("copied"),
        mounted: count("mounted"),
        existing: count("exists"),
      };
    }
    return result;
  } catch (err) {
    throw registryFailure(err);
  } finally {
    for (const c of clients.values()) c.close();
  }
}

/** Every timestamp of the image: SOURCE_DATE_EPOCH, else the commit time of HEAD, else 1970-01-01. */
async function createdTime(env: NodeJS.ProcessEnv, git: Git): Promise<number> {
  const sde = env.SOURCE_DATE_EPOCH;
  if (sde !== undefined && sde !== "") {
    if (!/^\d+$/.test(sde)) throw new UserError(`SOURCE_DATE_EPOCH="${sde}" is not a number of seconds`);
    if (Number(sde) > TAR_MAX_MTIME) {
      throw new UserError(
        `SOURCE_DATE_EPOCH=${sde} is past what a tar header holds (${TAR_MAX_MTIME}, ${new Date(TAR_MAX_MTIME * 1000).toISOString()}); give a time in seconds since 1970, e.g. $(git log -1 --format=%ct)`,
      );
    }
    return Number(sde);
  }
  return (await headCommitTime(git)) ?? 0;
}

/** DIR[:NAME]: a trailing `:NAME` names the image, unless it is a Windows drive letter. */
function splitLayout(abs: (p: string) => string, spec: string, fallbackName: string): { dir: string; name: string } {
  const m = /^(.*[^:]):([A-Za-z0-9._-]+)$/.exec(spec);
  if (m && !m[2].includes("/") && !/^[A-Za-z]$/.test(m[1])) return { dir: abs(m[1]), name: m[2] };
  return { dir: abs(spec), name: fallbackName };
}

async function attachmentFrom(file: string, artifactType: string): Promise<Attachment> {
  const bytes = await readFile(file).catch(() => {
    throw new UserError(`cannot read ${file}; check the path`);
  });
  const md = extname(file) === ".md";
  return { artifactType, mediaType: md ? "text/markdown" : "application/json", title: basename(file), bytes };
}

/**
 * Progress of each blob written or pushed: a bar (on a terminal) or a line every few seconds (in CI) for large blobs
 * from the start; for any blob whose write or upload takes longer than that, a line on time alone, so that a slow or
 * stalled registry is never silent.
 */
function progressFor(io: Io): OnBlob {
  return (blob) => {
    const large = blob.size >= 32 << 20;
    const scale = large ? 1 << 20 : 1;
    const p = new Progress(
      io,
      blob.digest ? blob.digest.slice(7, 19) : "model layer",
      Math.round(blob.size / scale),
      large ? "MiB" : "bytes",
      undefined,
      !large,
    );
    const timer = setInterval(() => p.tick(), io.isTTY ? 100 : 5000);
    timer.unref();
    return {
      add: (n) => p.add(n / scale),
      finish: () => {
        clearInterval(timer);
        p.finish();
      },
      abort: () => clearInterval(timer),
    };
  };
}

/** The CLI's and the action's entry: a model of the repository around io.cwd, or a bare ONNX file with its name. */
export async function packageImage(io: Io, opts: PackageRequest): Promise<PackageResult> {
  return applyPackage(await planPackageImage(io, opts), io, io.env);
}

export type PackageRequest = PackageOptions & { model?: string; modelFile?: string };

/** The plan of packageImage: what `package --dry-run` prints. */
export async function planPackageImage(io: Io, opts: PackageRequest): Promise<PackagePlan> {
  const { model, modelFile, ...rest } = opts;
  if (model) {
    if (modelFile) throw new UserError("give either MODEL or --model FILE, not both");
    return planPackage(openWorkspace(io), model, rest);
  }
  if (!modelFile)
    throw new UserError("name a model: `modelgate package MODEL` in a model repository, or --model FILE --name NAME");
  if (!rest.name) throw new UserError("--model needs --name NAME (the folder under /models in the image)");
  return planPackageFile(io, { ...rest, modelFile, name: rest.name });
}

/** The plan as data to print: the inputs, labels, referrers and destinations (no bytes). */
export function packagePlanView(plan: PackagePlan) {
  return {
    name: plan.name,
    ...(plan.version ? { version: plan.version } : {}),
    modelFile: plan.modelFile,
    ...(plan.expectedSha256 ? { expectedSha256: plan.expectedSha256 } : {}),
    ...(plan.served ? { servedGraph: plan.served.note } : {}),
    base: plan.base.spec,
    ...(plan.platforms ? { platforms: plan.platforms.map(platformName) } : {}),
    created: rfc3339(plan.created),
    labels: {
      ...(plan.version ? { "org.opencontainers.image.version": plan.version } : {}),
      ...(plan.source ? { "org.opencontainers.image.source": plan.source } : {}),
      ...(plan.revision ? { "org.opencontainers.image.revision": plan.revision } : {}),
      ...(plan.licenses ? { "org.opencontainers.image.licenses": plan.licenses } : {}),
      ...(plan.evaluationDigest ? { "dev.modelgate.evaluation.digest": plan.evaluationDigest } : {}),
    },
    referrers: plan.attachments.map((a) => ({
      artifactType: a.artifactType,
      title: a.title,
      size: a.bytes.byteLength,
    })),
    ...(plan.layout ? { layout: plan.layout } : {}),
    ...(plan.push ? { push: formatReference(plan.push) } : {}),
  };
}

const platformName = (p: Platform) => [p.os, p.architecture, p.variant].filter(Boolean).join("/");

/** `--platform OS/ARCH[/VARIANT],…` as platforms. */
export function parsePlatforms(v: string | undefined): Platform[] | undefined {
  if (!v) return undefined;
  return v.split(",").map((p) => {
    const [os, architecture, variant] = p.trim().split("/");
    if (!os || !architecture) throw new UserError(`--platform "${p}" is not OS/ARCH (e.g. linux/amd64)`);
    return { os, architecture, ...(variant ? { variant } : {}) };
  });
}
