import { type Blob, memoryBlob } from "./blob.ts";
import { addToLayoutIndex, readLayoutIndex, readLayoutJson, writeLayoutBlob } from "./layout.ts";
import type { RegistryClient } from "./registry.ts";
import {
  type Descriptor,
  EMPTY_DESCRIPTOR,
  EMPTY_JSON,
  hexOf,
  type ImageIndex,
  type ImageManifest,
  MediaType,
  describe,
  jsonBytes,
} from "./types.ts";

/** The artifact types of the records modelgate attaches to an image. */
export const ArtifactType = {
  evaluationRecord: "application/vnd.modelgate.evaluation-record.v1+json",
  modelCard: "application/vnd.modelgate.model-card.v1+markdown",
  promotionRecord: "application/vnd.modelgate.promotion-record.v1+json",
} as const;

/** A record to attach: its bytes, their media type, the artifact type, and a file name. */
export interface Attachment {
  artifactType: string;
  mediaType: string;
  title: string;
  bytes: Uint8Array;
  /** Annotations of the artifact manifest besides its creation time (e.g. a Sigstore bundle's predicate type). */
  annotations?: Record<string, string>;
}

export interface ArtifactManifest {
  bytes: Uint8Array;
  /** The descriptor as a referrers index lists it (with artifactType and annotations). */
  descriptor: Descriptor;
  blobs: Blob[];
}

/**
 * An artifact manifest (image-spec 1.1): the empty config, one layer with the record, `artifactType`, and
 * `subject` pointing at the image. Values in, values out.
 */
export function artifactManifest(subject: Descriptor, a: Attachment, created: string): ArtifactManifest {
  const layer = describe(a.mediaType, a.bytes, { annotations: { "org.opencontainers.image.title": a.title } });
  const annotations = { "org.opencontainers.image.created": created, ...a.annotations };
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: MediaType.manifest,
    artifactType: a.artifactType,
    config: EMPTY_DESCRIPTOR,
    layers: [layer],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    annotations,
  };
  const bytes = jsonBytes(manifest);
  return {
    bytes,
    descriptor: describe(MediaType.manifest, bytes, { artifactType: a.artifactType, annotations }),
    blobs: [memoryBlob(MediaType.empty, EMPTY_JSON), memoryBlob(a.mediaType, a.bytes)],
  };
}

/** The tag that holds the referrers of `digest` where a registry has no referrers API: `sha256-<hex>`. */
export function fallbackTag(digest: string): string {
  return `${digest.split(":")[0]}-${hexOf(digest)}`;
}

/**
 * Pushes an artifact manifest. When the registry does not answer with `OCI-Subject` (no referrers API), the
 * referrers index under the fallback tag is updated instead (distribution-spec 1.1, "Pushing Manifests with Subject").
 */
export async function attachToRegistry(
  client: RegistryClient,
  repo: string,
  artifact: ArtifactManifest,
  subject: Descriptor,
): Promise<{ digest: string; via: "referrers-api" | "fallback-tag" }> {
  for (const b of artifact.blobs) await client.pushBlob(repo, b);
  const put = await client.putManifest(repo, artifact.descriptor.digest, artifact.bytes, MediaType.manifest);
  if (put.subject) return { digest: put.digest, via: "referrers-api" };
  const tag = fallbackTag(subject.digest);
  const existing = await client.getManifest(repo, tag);
  const index: ImageIndex = existing
    ? (JSON.parse(existing.bytes.toString("utf8")) as ImageIndex)
    : { schemaVersion: 2, mediaType: MediaType.index, manifests: [] };
  if (!index.manifests.some((m) => m.digest === artifact.descriptor.digest)) {
    index.manifests.push(artifact.descriptor);
    await client.putManifest(repo, tag, jsonBytes(index), MediaType.index);
  }
  return { digest: put.digest, via: "fallback-tag" };
}

/** Lists the referrers of `digest`: the referrers API where the registry has it, else the fallback tag. */
export async function listRegistryReferrers(
  client: RegistryClient,
  repo: string,
  digest: string,
  artifactType?: string,
): Promise<Descriptor[]> {
  let index = await client.referrers(repo, digest);
  if (!index) {
    const fallback = await client.getManifest(repo, fallbackTag(digest));
    index = fallback ? (JSON.parse(fallback.bytes.toString("utf8")) as ImageIndex) : null;
  }
  const list = index?.manifests ?? [];
  return artifactType ? list.filter((d) => d.artifactType === artifactType) : list;
}

/** Writes an artifact manifest into an image layout (listed in index.json without a ref name). */
export async function attachToLayout(dir: string, artifact: ArtifactManifest): Promise<void> {
  for (const b of artifact.blobs) await writeLayoutBlob(dir, b);
  await writeLayoutBlob(dir, memoryBlob(MediaType.manifest, artifact.bytes));
  await addToLayoutIndex(dir, artifact.descriptor);
}

/** Lists the referrers of `digest` in an image layout, by reading the manifests its index.json lists. */
export async function listLayoutReferrers(dir: string, digest: string, artifactType?: string): Promise<Descriptor[]> {
  const index = await readLayoutIndex(dir);
  const out: Descriptor[] = [];
  for (const d of index.manifests) {
    if (d.mediaType !== MediaType.manifest || !d.artifactType) continue;
    const m = await readLayoutJson<ImageManifest>(dir, d.digest);
    if (m.subject?.digest !== digest) continue;
    if (artifactType && m.artifactType !== artifactType) continue;
    out.push({
      mediaType: d.mediaType,
      digest: d.digest,
      size: d.size,
      artifactType: m.artifactType,
      annotations: m.annotations,
    });
  }
  return out;
}
