import { sha256Bytes } from "../data/hash.ts";
import { CheckFailed } from "../errors.ts";
import type { OnnxSignature } from "../onnx/signature.ts";
import { type Blob, descriptorOf, memoryBlob } from "./blob.ts";
import type { ResolvedBase } from "./base.ts";
import { storedGzipLayer } from "./gzip.ts";
import { type AssembledImage, appendLayer, rfc3339 } from "./image.ts";
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

/**
 * Builds the image: the model layer (a tar in a deterministic gzip member, its diff id the tar's sha256), shared by one
 * config and manifest per base platform, and the index. Reads the model file once (for the layer's digest and diff id
 * and the model's own sha256).
 */
export async function buildImage(input: PackageInput): Promise<BuiltImage> {
  const triton = tritonConfig(input.name, input.signature, input.maxBatchSize);
  const served = input.served;
  const segments = tarSegments(
    modelcarEntries(input.name, served?.bytes ?? { file: input.modelFile, size: input.modelSize }, triton.text),
    input.created,
  );
  const gz = await storedGzipLayer(MediaType.layerGzip, segments);
  const modelSha256 = served ? served.modelSha256 : gz.files.get(input.modelFile)!;
  const servedSha256 = served ? sha256Bytes(served.bytes) : modelSha256;
  if (input.expectedSha256 && input.expectedSha256 !== modelSha256) {
    throw new CheckFailed(
      `${input.modelFile} has sha256 ${modelSha256}, but the manifest declares ${input.expectedSha256}; ` +
        "the model differs from the one that was evaluated and approved",
    );
  }
  const layerBlob = gz.blob;
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
    diffId: gz.diffId,
    created,
    labels,
    createdBy: `modelgate package ${input.name}${input.version ? `@${input.version}` : ""}`,
  });
  const blobs: Blob[] = [];
  const seen = new Set<string>();
  for (const bp of base.platforms) {
    for (const l of bp.manifest.layers) {
      if (seen.has(l.digest)) continue;
      seen.add(l.digest);
      blobs.push(input.base.layers.get(l.digest)!);
    }
  }
  blobs.push(layerBlob);
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
  for (const b of img.blobs) {
    const p = onBlob?.(b);
    await writeLayoutBlob(dir, b, p ? (n) => p.add(n) : undefined).catch((err) => {
      p?.abort?.();
      throw err;
    });
    p?.finish();
  }
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
  for (const b of img.blobs) {
    const mountFrom = b.origin?.registry === client.registry ? b.origin.repository : undefined;
    const p = onBlob?.(b);
    const outcome = await client
      .pushBlob(ref.repository, b, { mountFrom, onBytes: p ? (n) => p.add(n) : undefined })
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
  for (const m of img.assembled.manifests) {
    await client.putManifest(ref.repository, m.descriptor.digest, m.bytes, MediaType.manifest);
  }
  await client.putManifest(ref.repository, ref.tag ?? img.digest, img.assembled.index.bytes, MediaType.index);
  return result;
}
