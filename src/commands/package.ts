import { readFile, stat } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import type { Command } from "./command.ts";
import { sha256Bytes, sha256File } from "../data/hash.ts";
import { CheckFailed, UserError } from "../errors.ts";
import { openGit } from "../git/index.ts";
import { findModel, loadRepository } from "../manifest/repo.ts";
import { readOnnxSignature } from "../onnx/signature.ts";
import { servedGraph, servedGraphNote } from "../onnx/zipmap.ts";
import { chooseBase, resolveBase } from "../oci/base.ts";
import { registryCredentials } from "../oci/credentials.ts";
import { rfc3339 } from "../oci/image.ts";
import { readOnnxHead } from "../onnx/head.ts";
import { buildImage, type OnBlob, pushImage, writeImageToLayout } from "../oci/package.ts";
import { formatReference, parseReference } from "../oci/reference.ts";
import { ArtifactType, type Attachment, artifactManifest, attachToLayout, attachToRegistry } from "../oci/referrers.ts";
import { RegistryClient, registryFailure } from "../oci/registry.ts";
import { TAR_MAX_MTIME } from "../oci/tar.ts";
import { type Descriptor, type Platform, sha256Digest } from "../oci/types.ts";
import { type BindingMismatch, bindingFacts, recordMismatches, staleRecordMessage } from "../records/bind.ts";
import { parseRecord } from "../report/records.ts";
import { num, parseArgs, str } from "../util/args.ts";
import { toJson } from "../util/fs.ts";
import type { Io } from "../util/io.ts";
import { Progress } from "../util/progress.ts";

const usage = `Usage: modelgate package MODEL [--layout DIR[:NAME]] [--push REGISTRY/REPO[:TAG]] [--base REF|scratch] [--json]
       modelgate package --model FILE --name NAME [--version X.Y.Z] (--layout DIR[:NAME] | --push REF) [options]

Builds the model's OCI image without a Docker daemon: a KServe modelcar whose /models/NAME holds a Triton model
repository (config.pbtxt from the ONNX signature, and 1/model.onnx), appended to every platform of the base image.
The same inputs give the same digest. Prints the image digest (the digest of its index).

The served graph is the one \`evaluate\` scores: a ZipMap output (which Triton cannot serve) is removed and the
probability tensor behind it served instead, as skl2onnx writes with zipmap=False. The labels
dev.modelgate.model.sha256 (the artifact the manifest and the evaluation record name) and
dev.modelgate.served.sha256 (the file in the image) then differ, and dev.modelgate.served.graph says why.

MODEL is a model of the repository (models/MODEL/model.yaml): its name, version, artifact and sha256 and license
come from the manifests; the image is pushed to modelgate.yaml's spec.registry as REGISTRY/MODEL:VERSION, or, with
no registry configured, written to the image layout .modelgate/images at the repository root.

Options:
  --model FILE            the ONNX file (without manifests; needs --name)
  --artifact-file FILE    with MODEL: ship this file instead of the manifest's artifact path (a file trained by the
                          pull request's CI run); it must have the manifest's sha256
  --name NAME             the model name (the folder under /models)
  --version X.Y.Z         the version label and default tag
  --layout DIR[:NAME]     write an OCI image layout to DIR, naming the image NAME (default: the version, or latest)
  --push REF              push to a registry: REGISTRY/REPO[:TAG] (default tag: the version); plain HTTP only
                          for loopback registries. Credentials: MODELGATE_REGISTRY_USERNAME/PASSWORD, GITHUB_TOKEN
                          for ghcr.io, or the auth file of docker/skopeo login
  --base REF|scratch      the base image: a registry reference (pin it with @sha256:…), oci:DIR[:NAME] for a
                          local layout, or scratch (no base: for clusters that mount images as volumes).
                          Default: modelgate.yaml's spec.base, else busybox (pinned by digest; it has the sh,
                          mkdir, ln and sleep that KServe's modelcar sidecar runs), or scratch when
                          spec.kserve.storage is image-volume. A base without them is refused when it comes from
                          modelgate.yaml for a modelcar, and warned about when named with --base
  --platform OS/ARCH,…    the platforms of the image, each with its base's image for it (default:
                          linux/amd64,linux/arm64); a platform the base lacks is an error
  --eval-record FILE      attach the evaluation record as a referrer; its digest goes in a label. The record must
                          describe this model: its name, version, candidate sha256 and (with MODEL) evaluation
                          data digest; a stale record is refused (exit 1)
  --model-card FILE       attach the model card as a referrer
  --promotion-record FILE attach a promotion record as a referrer
  --max-batch-size N      Triton max_batch_size when the model has a dynamic batch dimension (default 4)
  --chunk-size MIB        upload blobs in chunks of this size (default: one streamed PUT per blob)
  --source URL            org.opencontainers.image.source (default: from GITHUB_SERVER_URL/GITHUB_REPOSITORY)
  --revision SHA          org.opencontainers.image.revision (default: GITHUB_SHA, else git HEAD)
  --licenses SPDX         org.opencontainers.image.licenses (default: the model card's license)
  --json                  print the result as JSON

Times: every timestamp is SOURCE_DATE_EPOCH, else the commit time of HEAD, else 1970-01-01.
Exit codes: 0 built, 1 the model differs from its manifest's sha256, the evaluation record is stale, or the registry
failed; 2 usage error; 70 internal error (a bug in modelgate; please report it).
`;

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

async function createdTime(env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
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
  const t = await openGit(cwd).tryRun(["log", "-1", "--format=%ct"]);
  return t ? Number(t) : 0;
}

function parsePlatforms(v: string | undefined): Platform[] | undefined {
  if (!v) return undefined;
  return v.split(",").map((p) => {
    const [os, architecture, variant] = p.trim().split("/");
    if (!os || !architecture) throw new UserError(`--platform "${p}" is not OS/ARCH (e.g. linux/amd64)`);
    return { os, architecture, ...(variant ? { variant } : {}) };
  });
}

function splitLayout(spec: string, fallbackName: string): { dir: string; name: string } {
  const m = /^(.*[^:]):([A-Za-z0-9._-]+)$/.exec(spec);
  if (m && !m[2].includes("/") && !/^[A-Za-z]$/.test(m[1])) return { dir: m[1], name: m[2] };
  return { dir: spec, name: fallbackName };
}

async function attachmentFrom(file: string, artifactType: string): Promise<Attachment> {
  const bytes = await readFile(file).catch(() => {
    throw new UserError(`cannot read ${file}; check the path`);
  });
  const md = extname(file) === ".md";
  return { artifactType, mediaType: md ? "text/markdown" : "application/json", title: basename(file), bytes };
}

function progressFor(io: Io): OnBlob {
  return (blob) => {
    if (blob.size < 32 << 20) return undefined;
    const mib = 1 << 20;
    const p = new Progress(io, `${blob.digest.slice(7, 19)}`, Math.round(blob.size / mib), "MiB");
    return { add: (n) => p.add(n / mib), finish: () => p.finish() };
  };
}

export async function runPackage(args: string[], io: Io): Promise<PackageResult> {
  const { values, positionals } = parseArgs("package", args, {
    model: { type: "string" },
    "artifact-file": { type: "string" },
    name: { type: "string" },
    version: { type: "string" },
    layout: { type: "string" },
    push: { type: "string" },
    base: { type: "string" },
    platform: { type: "string" },
    "eval-record": { type: "string" },
    "model-card": { type: "string" },
    "promotion-record": { type: "string" },
    "max-batch-size": { type: "string" },
    "chunk-size": { type: "string" },
    source: { type: "string" },
    revision: { type: "string" },
    licenses: { type: "string" },
  });
  const cwd = io.cwd;
  const env = io.env;
  const abs = (p: string) => resolve(cwd, p);
  const warnings: string[] = [];
  let name = str(values.name);
  let version = str(values.version);
  let modelFile = str(values.model) ? abs(str(values.model)!) : undefined;
  let expectedSha256: string | undefined;
  let licenses = str(values.licenses);
  let layoutSpec = str(values.layout);
  let pushSpec = str(values.push);
  let root = cwd;
  let config: Parameters<typeof chooseBase>[0]["config"];
  /** Checks the evaluation record against the model being packaged (bound to its bytes, or refused as stale). */
  let bindRecord:
    | ((record: NonNullable<ReturnType<typeof parseRecord>["record"]>) => Promise<BindingMismatch[]>)
    | undefined;

  if (positionals.length > 1) throw new UserError(`package takes one MODEL, got ${positionals.join(" ")}`);
  if (positionals.length === 1) {
    if (modelFile) throw new UserError("give either MODEL or --model FILE, not both");
    const repo = loadRepository(cwd);
    root = repo.root;
    const m = findModel(repo, positionals[0]);
    bindRecord = async (record) => {
      const facts = await bindingFacts(m, repo);
      // a CI-trained artifact carried in from elsewhere (--artifact-file) is the file the record must describe
      if (str(values["artifact-file"]))
        facts.artifact = {
          ...facts.artifact,
          file: str(values["artifact-file"])!,
          sha256: await sha256File(modelFile!),
        };
      return recordMismatches(record, facts);
    };
    name ??= m.value.metadata.name;
    version ??= m.value.spec.version;
    modelFile = str(values["artifact-file"])
      ? abs(str(values["artifact-file"])!)
      : resolve(m.dir, m.value.spec.artifact.path);
    expectedSha256 = m.value.spec.artifact.sha256;
    licenses ??= m.value.spec.card.license;
    config = { root: repo.root, base: repo.config.spec.base, storage: repo.config.spec.kserve.storage };
    if (!layoutSpec && !pushSpec) {
      if (repo.config.spec.registry) pushSpec = `${repo.config.spec.registry.replace(/\/$/, "")}/${name}:${version}`;
      else layoutSpec = join(repo.root, ".modelgate", "images");
    }
  } else {
    if (!modelFile)
      throw new UserError("name a model: `modelgate package MODEL` in a model repository, or --model FILE --name NAME");
    if (!name) throw new UserError("--model needs --name NAME (the folder under /models in the image)");
  }
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name!)) {
    throw new UserError(
      `model name "${name}" cannot be a folder name in the image; use letters, digits, ".", "_" and "-"`,
    );
  }
  if (!layoutSpec && !pushSpec)
    throw new UserError("say where the image goes: --layout DIR or --push REGISTRY/REPO[:TAG]");
  const base = chooseBase({ flag: str(values.base), cwd, config });
  // before any work: a reference that cannot be pushed to is a usage error now, not after the build
  const pushRef = pushSpec ? parseReference(pushSpec, values.push ? "--push" : "modelgate.yaml spec.registry") : undefined;
  if (pushRef?.digest)
    throw new UserError(`--push ${pushSpec}: name a tag or nothing, not a digest (the digest is the result)`);
  const created = await createdTime(env, root);

  const st = await stat(modelFile!).catch(() => {
    throw new UserError(`model file ${modelFile} does not exist; check the path (or train the model first)`);
  });
  const head = st.size <= 64 << 20 ? await readFile(modelFile!) : await readOnnxHead(modelFile!);
  let signature = readOnnxSignature(head, modelFile);
  // A ZipMap output cannot be served (Triton serves tensors): the image serves the graph that evaluate scored, the
  // ZipMap removed and the probability tensor behind it an output, as skl2onnx writes with zipmap=False.
  let served: { bytes: Uint8Array; modelSha256: string; note: string } | undefined;
  if (signature.outputs.some((o) => o.kind !== "tensor")) {
    const whole = st.size <= 64 << 20 ? head : await readFile(modelFile!);
    const g = servedGraph(whole, modelFile);
    const note = servedGraphNote(signature, g.removed);
    if (note) {
      served = { bytes: g.bytes, modelSha256: sha256Bytes(whole), note };
      signature = readOnnxSignature(g.bytes, modelFile);
    }
  }

  const maxBatchSize = num("max-batch-size", values["max-batch-size"]);
  const chunkMiB = num("chunk-size", values["chunk-size"]);
  const clients = new Map<string, RegistryClient>();
  const clientFor = (registry: string) => {
    let c = clients.get(registry);
    if (!c) {
      c = new RegistryClient(registry, {
        credentials: registryCredentials(registry, env),
        chunkSize: chunkMiB ? Math.round(chunkMiB * (1 << 20)) : 0,
        log: (line) => io.err(`${line}\n`),
      });
      clients.set(registry, c);
    }
    return c;
  };
  try {
    const resolved = await resolveBase(base.spec, {
      clientFor,
      platforms: parsePlatforms(str(values.platform)),
      modelcar: base.modelcar,
      from: base.from,
    });
    warnings.push(...resolved.warnings);
    if (resolved.unpinned) {
      warnings.push(
        `${base.from} ${base.spec} is not pinned by digest; it resolved to ${resolved.unpinned} (add @${resolved.unpinned})`,
      );
    }
    const evalFile = str(values["eval-record"]);
    const evalAttachment = evalFile ? await attachmentFrom(abs(evalFile), ArtifactType.evaluationRecord) : undefined;
    if (evalFile && evalAttachment) {
      const parsed = parseRecord(Buffer.from(evalAttachment.bytes).toString("utf8"));
      if (!parsed.record) throw new UserError(`--eval-record ${evalFile}: ${parsed.reason}`);
      const record = parsed.record;
      const mismatches = bindRecord
        ? await bindRecord(record)
        : recordMismatches(record, {
            name: name!,
            version,
            artifact: { file: str(values.model)!, sha256: await sha256File(modelFile!) },
          });
      if (mismatches.length > 0) {
        throw new CheckFailed(`--eval-record ${evalFile}: ${staleRecordMessage(name!, mismatches)}`);
      }
    }
    const source =
      str(values.source) ??
      (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY
        ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`
        : undefined);
    const revision = str(values.revision) ?? env.GITHUB_SHA ?? (await openGit(root).revParse("HEAD"));
    const img = await buildImage({
      name: name!,
      modelFile: modelFile!,
      modelSize: st.size,
      signature,
      served,
      base: resolved,
      created,
      version,
      source,
      revision,
      licenses,
      evaluationDigest: evalAttachment ? sha256Digest(evalAttachment.bytes) : undefined,
      expectedSha256,
      maxBatchSize,
    });
    for (const s of img.triton.skipped) {
      warnings.push(
        `output ${s} is not a tensor; config.pbtxt leaves it out (Triton's onnxruntime backend serves tensors only)`,
      );
    }
    const result: PackageResult = {
      digest: img.digest,
      name: name!,
      version,
      modelSha256: img.modelSha256,
      servedSha256: img.servedSha256,
      ...(served ? { servedGraph: served.note } : {}),
      layer: img.layer.digest,
      platforms: img.assembled.manifests.map((m) =>
        [m.platform.os, m.platform.architecture, m.platform.variant].filter(Boolean).join("/"),
      ),
      base: { name: resolved.image.name, digest: resolved.image.digest },
      created: rfc3339(created),
      referrers: [],
      warnings,
      descriptor: img.descriptor,
    };
    const attachments: Attachment[] = [];
    if (evalAttachment) attachments.push(evalAttachment);
    const card = str(values["model-card"]);
    if (card) attachments.push(await attachmentFrom(abs(card), ArtifactType.modelCard));
    const promo = str(values["promotion-record"]);
    if (promo) attachments.push(await attachmentFrom(abs(promo), ArtifactType.promotionRecord));
    const artifacts = attachments.map((a) => artifactManifest(img.descriptor, a, rfc3339(created)));
    const onBlob = progressFor(io);

    if (layoutSpec) {
      const { dir, name: refName } = splitLayout(layoutSpec, version ?? "latest");
      const layoutDir = abs(dir);
      await writeImageToLayout(layoutDir, img, refName, onBlob);
      for (const a of artifacts) {
        await attachToLayout(layoutDir, a);
        result.referrers.push({ artifactType: a.descriptor.artifactType!, digest: a.descriptor.digest, via: "layout" });
      }
      result.layout = { dir: layoutDir, name: refName };
    }
    if (pushSpec) {
      const ref = pushRef!;
      ref.tag ??= version;
      const client = clientFor(ref.registry);
      const pushed = await pushImage(client, ref, img, onBlob);
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

export const command: Command = {
  name: "package",
  summary: "build the model's OCI image (KServe modelcar) and write it to a layout or push it",
  usage,
  async run(args, io) {
    const json = args.includes("--json");
    const r = await runPackage(args, io);
    for (const w of r.warnings) io.err(`warning: ${w}\n`);
    if (json) {
      io.out(toJson(r));
      return 0;
    }
    io.err(`built ${r.name}${r.version ? `@${r.version}` : ""} for ${r.platforms.join(", ")} on ${r.base.name}\n`);
    if (r.layout) io.err(`wrote ${r.layout.dir} (${r.layout.name})\n`);
    if (r.pushed)
      io.err(
        `pushed ${r.pushed.reference} (${r.pushed.uploaded} uploaded, ${r.pushed.mounted} mounted, ${r.pushed.existing} already there)\n`,
      );
    for (const a of r.referrers) io.err(`attached ${a.artifactType} ${a.digest} (${a.via})\n`);
    io.out(`${r.digest}\n`);
    return 0;
  },
};
