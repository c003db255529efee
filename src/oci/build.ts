import { sha256Bytes } from "../data/hash.ts";
import { CheckFailed } from "../errors.ts";
import type { OnnxSignature } from "../onnx/signature.ts";
import { type Blob, descriptorOf, memoryBlob, type Segment } from "./blob.ts";
import type { ResolvedBase } from "./base.ts";
import { GzipLayer, type LayerDigests } from "./gzip.ts";
import { type AssembledImage, appendLayer, rfc3339 } from "./image.ts";
import { cachedLayer, enterLayer, layerKey } from "./layer-cache.ts";
import { addToLayoutIndex, writeLayoutBlob } from "./layout.ts";
import type { Reference } from "./reference.ts";
import type { RegistryClient } from "./registry.ts";
import { tarSegments } from "./tar.ts";
import { type TritonConfig, tritonConfig } from "./triton.ts";
import { type Descriptor, MediaType } from "./types.ts";

/** modelgate's own labels and annotations. */
export const Label = {
  modelName: "dev.modelgate.model.name",
  /** The artifact's sha256: the file the manifest, the evaluation record and the approval name. */
  modelSha256: "dev.modelgate.model.sha256",
  /** The sha256 of /models/<name>/1/model.onnx, the file served (differs from the artifact when a ZipMap is removed). */
  servedSha256: "dev.modelgate.served.sha256",
  /** How the served graph differs from the artifact (absent when it is the artifact itself). */
  servedGraph: "dev.modelgate.served.graph",
  evaluationDigest: "dev.modelgate.evaluation.digest",
} as const;

export interface PackageInput {
  /** The model's name: the Triton model folder, /models/<name>. */
  name: string;
  /** The ONNX file, streamed into the layer. */
  modelFile: string;
  modelSize: number;
  /** The signature of the graph served (the served graph's, when `served` is given). */
  signature: OnnxSignature;
  /**
   * The graph served instead of the file, when it differs: the artifact with its ZipMap removed (the graph that
   * evaluate scored). `modelSha256` is the artifact's digest, `note` says what changed.
   */
  served?: { bytes: Uint8Array; modelSha256: string; note: string };
  base: ResolvedBase;
  /** Seconds since the epoch: every mtime in the layer, config.created and the created label. */
  created: number;
  version?: string;
  source?: string;
  revision?: string;
  licenses?: string;
  /** sha256 of the evaluation record (hex or sha256:…), recorded in a label. */
  evaluationDigest?: string;
  /** The model's sha256 (hex) the manifests declare: the build fails when the file differs. */
  expectedSha256?: string;
  maxBatchSize?: number;
}

export interface BuiltImage {
  /** The image digest: the digest of the index over every platform. */
  digest: string;
  descriptor: Descriptor;
  assembled: AssembledImage;
  /** Every blob the image needs (base layers, model layer, configs), without manifests. */
  blobs: Blob[];
  layer: Descriptor;
  /** The artifact's sha256. */
  modelSha256: string;
  /** The sha256 of the model file in the image (equal to modelSha256 unless a ZipMap was removed). */
  servedSha256: string;
  triton: TritonConfig;
  labels: Record<string, string>;
}

/** The layer of a KServe modelcar: /models/<name>/config.pbtxt and /models/<name>/1/model.onnx (a file or bytes). */
export function modelcarEntries(name: string, model: { file: string; size: number } | Uint8Array, configText: string) {
  const path = `models/${name}/1/model.onnx`;
  return [
    { type: "file" as const, path: `models/${name}/config.pbtxt`, content: Buffer.from(configText, "utf8") },
    model instanceof Uint8Array
      ? { type: "file" as const, path, content: Buffer.from(model.buffer, model.byteOffset, model.byteLength) }
      : { type: "file" as const, path, file: model.file, size: model.size },
  ];
}

/** The model layer of an image, not yet hashed: its tar segments as a stored-gzip layer, and the Triton config in it. */
interface PreparedLayer {
  triton: TritonConfig;
  segments: Segment[];
  layer: GzipLayer;
}

function prepareLayer(input: PackageInput): PreparedLayer {
  const triton = tritonConfig(input.name, input.signature, input.maxBatchSize);
  const segments = tarSegments(
    modelcarEntries(input.name, input.served?.bytes ?? { file: input.modelFile, size: input.modelSize }, triton.text),
    input.created,
  );
  return { triton, segments, layer: new GzipLayer(MediaType.layerGzip, segments) };
}

/** The artifact's sha256 and the served file's, from the layer's digests; a model other than the declared one fails. */
function modelDigests(input: PackageInput, d: LayerDigests): { modelSha256: string; servedSha256: string } {
  const served = input.served;
  const modelSha256 = served ? served.modelSha256 : d.files.get(input.modelFile)!;
  const servedSha256 = served ? sha256Bytes(served.bytes) : modelSha256;
  if (input.expectedSha256 && input.expectedSha256 !== modelSha256) {
    throw new CheckFailed(
      `${input.modelFile} has sha256 ${modelSha256}, but the manifest declares ${input.expectedSha256}; ` +
        "the model differs from the one that was evaluated and approved",
    );
  }
  return { modelSha256, servedSha256 };
}

/**
 * Builds the image: the model layer (a tar in a deterministic gzip member, its diff id the tar's sha256), shared by one
 * config and manifest per base platform, and the index. Reads the model file once (for the layer's digest and diff id
 * and the model's own sha256).
 */
export async function buildImage(input: PackageInput): Promise<BuiltImage> {
  const prepared = prepareLayer(input);
  await prepared.layer.hash();
  return assembleImage(input, prepared);
}

/** The base's layers, each once, in the order of its platforms' manifests. */
function baseLayerBlobs(input: PackageInput): Blob[] {
  const blobs: Blob[] = [];
  const seen = new Set<string>();
  for (const bp of input.base.image.platforms) {
    for (const l of bp.manifest.layers) {
      if (seen.has(l.digest)) continue;
      seen.add(l.digest);
      blobs.push(input.base.layers.get(l.digest)!);
    }
  }
  return blobs;
}

/** The image around a layer whose digests are known: labels, configs, manifests and the index. */
function assembleImage(input: PackageInput, { triton, layer: layerBlob }: PreparedLayer): BuiltImage {
  const digests = layerBlob.digests;
  if (!digests) throw new Error("the model layer's digest is not known yet");
  const { modelSha256, servedSha256 } = modelDigests(input, digests);
  const served = input.served;
  const layer = descriptorOf(layerBlob);
  const created = rfc3339(input.created);
  const base = input.base.image;
  const labels: Record<string, string> = {
    "org.opencontainers.image.created": created,
    "org.opencontainers.image.title": input.name,
    [Label.modelName]: input.name,
    [Label.modelSha256]: modelSha256,
    [Label.servedSha256]: servedSha256,
  };
  if (served) labels[Label.servedGraph] = served.note;
  if (input.version) labels["org.opencontainers.image.version"] = input.version;
  if (input.source) labels["org.opencontainers.image.source"] = input.source;
  if (input.revision) labels["org.opencontainers.image.revision"] = input.revision;
  if (input.licenses) labels["org.opencontainers.image.licenses"] = input.licenses;
  if (input.evaluationDigest) {
    labels[Label.evaluationDigest] = input.evaluationDigest.includes(":")
      ? input.evaluationDigest
      : `sha256:${input.evaluationDigest}`;
  }
  if (base.name !== "scratch") {
    labels["org.opencontainers.image.base.name"] = base.name;
    labels["org.opencontainers.image.base.digest"] = base.digest ?? "";
  }
  const assembled = appendLayer({
    base,
    layer,
    diffId: digests.diffId,
    created,
    labels,
    createdBy: `modelgate package ${input.name}${input.version ? `@${input.version}` : ""}`,
  });
  const blobs: Blob[] = [...baseLayerBlobs(input), layerBlob];
  const seen = new Set(blobs.map((b) => b.digest));
  for (const c of assembled.configs) {
    if (seen.has(c.descriptor.digest)) continue;
    seen.add(c.descriptor.digest);
    blobs.push(memoryBlob(MediaType.config, c.bytes));
  }
  return {
    digest: assembled.index.descriptor.digest,
    descriptor: assembled.index.descriptor,
    assembled,
    blobs,
    layer,
    modelSha256,
    servedSha256,
    triton,
    labels,
  };
}

/** Called for each blob that is written or pushed; returns a byte counter for it (a progress bar), or nothing. */
export type OnBlob = (blob: Blob) => { add(n: number): void; finish(): void; abort?(): void } | undefined;

/** Writes the image into an OCI image layout, named `refName` in its index.json. */
export async function writeImageToLayout(
  dir: string,
  img: BuiltImage,
  refName?: string,
  onBlob?: OnBlob,
): Promise<void> {
  for (const b of img.blobs) await writeBlobTo(dir, b, onBlob);
  await writeManifestsToLayout(dir, img, refName);
}

/** The manifests and the index of an image whose blobs are in the layout, then its entry in index.json. */
async function writeManifestsToLayout(dir: string, img: BuiltImage, refName?: string): Promise<void> {
  for (const m of img.assembled.manifests) await writeLayoutBlob(dir, memoryBlob(MediaType.manifest, m.bytes));
  await writeLayoutBlob(dir, memoryBlob(MediaType.index, img.assembled.index.bytes));
  await addToLayoutIndex(dir, img.descriptor, refName);
}

export interface PushResult {
  digest: string;
  /** What happened to each blob: already there, mounted from the base's repository, or uploaded. */
  blobs: { digest: string; size: number; outcome: "exists" | "mounted" | "uploaded" | "copied" }[];
}

/**
 * Pushes the image: blobs (a base layer from the same registry is mounted from its repository), the platform
 * manifests by digest, then the index under the tag (or by digest).
 */
export async function pushImage(
  client: RegistryClient,
  ref: Reference,
  img: BuiltImage,
  onBlob?: OnBlob,
): Promise<PushResult> {
  await client.ping();
  const result: PushResult = { digest: img.digest, blobs: [] };
  for (const b of img.blobs) await pushOne(client, ref, b, result, { onBlob });
  await pushManifests(client, ref, img);
  return result;
}

/** Pushes one blob with its progress, and says in `result` what happened to it. */
async function pushOne(
  client: RegistryClient,
  ref: Reference,
  b: Blob,
  result: PushResult,
  opts: { onBlob?: OnBlob; beforeCommit?: () => void },
): Promise<void> {
  const mountFrom = b.origin?.registry === client.registry ? b.origin.repository : undefined;
  const p = opts.onBlob?.(b);
  const outcome = await client
    .pushBlob(ref.repository, b, {
      mountFrom,
      onBytes: p ? (n) => p.add(n) : undefined,
      beforeCommit: opts.beforeCommit,
    })
    .catch((err) => {
      p?.abort?.();
      throw err;
    });
  p?.finish();
  result.blobs.push({
    digest: b.digest,
    size: b.size,
    outcome: outcome === "uploaded" && b.origin ? "copied" : outcome,
  });
}

/** The platform manifests by digest, then the index under the tag (or by digest): the tag comes last. */
async function pushManifests(client: RegistryClient, ref: Reference, img: BuiltImage): Promise<void> {
  for (const m of img.assembled.manifests) {
    await client.putManifest(ref.repository, m.descriptor.digest, m.bytes, MediaType.manifest);
  }
  await client.putManifest(ref.repository, ref.tag ?? img.digest, img.assembled.index.bytes, MediaType.index);
}

/** Layers this large or larger are hashed as they are written or sent, not read first (see shipImage). */
const STREAM_LAYERS_FROM = 64 << 20;

export interface ShipTargets {
  /** An OCI image layout to write, and the image's name in its index.json. */
  layout?: { dir: string; refName?: string };
  /** A registry to push to. */
  push?: { client: RegistryClient; ref: Reference };
  /** Where the digests of large layers already read are kept (src/oci/layer-cache.ts); none: no cache. */
  cacheDir?: string;
  onBlob?: OnBlob;
  /** Layers at least this large are hashed on the way (default STREAM_LAYERS_FROM). */
  streamFrom?: number;
}

export interface Shipped {
  img: BuiltImage;
  pushed?: PushResult;
  /** How the model layer's digest was learnt: read before (small layers), from the cache, or on the way out. */
  layerDigest: "read" | "cached" | "streamed";
}

/**
 * Builds the image and writes it to a layout and/or pushes it, reading a large model once: the layer's bytes never
 * depend on its digest, so they are sent (or written) as they are read, and hashed on the way (the layer digest, the
 * diff id and the model's sha256); the configs, manifests and index, which name those digests, follow. A registry
 * needs a blob's digest only at the upload's final `PUT ?digest=`, so the upload is a POST, the bytes in PATCH
 * requests, then that PUT. The model's sha256 is checked against the manifest's before the PUT (or before the layout's
 * file is named), so a wrong model leaves no blob.
 *
 * A registry that already has the layer is asked with HEAD, which needs the digest first: the digests of a large layer
 * are entered in a cache keyed by the identity of its files (`cacheDir`), so pushing the same file again asks HEAD and
 * reads nothing when the registry has it. Without an entry (a first push, a fresh machine), the layer is sent: one
 * upload instead of one read before asking. A small layer is read first, then pushed as before.
 */
export async function shipImage(input: PackageInput, targets: ShipTargets): Promise<Shipped> {
  const prepared = prepareLayer(input);
  const { layout, push, onBlob } = targets;
  if (prepared.layer.size < (targets.streamFrom ?? STREAM_LAYERS_FROM)) {
    await prepared.layer.hash();
    const img = assembleImage(input, prepared);
    if (layout) await writeImageToLayout(layout.dir, img, layout.refName, onBlob);
    const pushed = push ? await pushImage(push.client, push.ref, img, onBlob) : undefined;
    return { img, pushed, layerDigest: "read" };
  }
  const { mediaType } = prepared.layer;
  const key = targets.cacheDir ? await layerKey(mediaType, prepared.segments) : undefined;
  const cached = key && targets.cacheDir ? await cachedLayer(targets.cacheDir, key) : undefined;
  let how: Shipped["layerDigest"] = "streamed";
  if (cached) {
    // the declared model is checked before anything is sent or written
    modelDigests(input, cached);
    prepared.layer = new GzipLayer(mediaType, prepared.segments, cached);
    how = "cached";
  }
  const check = () => modelDigests(input, prepared.layer.digests!);
  const baseBlobs = baseLayerBlobs(input);
  if (layout) {
    for (const b of baseBlobs) await writeBlobTo(layout.dir, b, onBlob);
    await writeBlobTo(layout.dir, prepared.layer, onBlob, check);
  }
  let result: PushResult | undefined;
  if (push) {
    const { client, ref } = push;
    await client.ping();
    result = { digest: "", blobs: [] };
    for (const b of baseBlobs) await pushOne(client, ref, b, result, { onBlob });
    if (how === "cached" && !layout && !(await client.hasBlob(ref.repository, prepared.layer.digest))) {
      // the registry lacks it: send it as read, hashed again on the way (the entry only named what to ask for)
      prepared.layer = new GzipLayer(mediaType, prepared.segments);
      how = "streamed";
    }
    await pushOne(client, ref, prepared.layer, result, { onBlob, beforeCommit: check });
  }
  if (how === "streamed" && key && targets.cacheDir && prepared.layer.digests) {
    await enterLayer(targets.cacheDir, key, prepared.layer.digests);
  }
  const img = assembleImage(input, prepared);
  const configs = img.blobs.filter((b) => b.bytes !== undefined);
  if (layout) {
    for (const c of configs) await writeLayoutBlob(layout.dir, c);
    await writeManifestsToLayout(layout.dir, img, layout.refName);
  }
  if (push && result) {
    for (const c of configs) await pushOne(push.client, push.ref, c, result, { onBlob });
    await pushManifests(push.client, push.ref, img);
    result.digest = img.digest;
  }
  return { img, pushed: result, layerDigest: how };
}

async function writeBlobTo(dir: string, b: Blob, onBlob?: OnBlob, beforeCommit?: () => void): Promise<void> {
  const p = onBlob?.(b);
  await writeLayoutBlob(dir, b, p ? (n) => p.add(n) : undefined, beforeCommit).catch((err) => {
    p?.abort?.();
    throw err;
  });
  p?.finish();
}
