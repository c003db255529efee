import { createHash } from "node:crypto";

/** Media types of the OCI image-spec (v1.1) and the Docker equivalents that registries still serve. */
export const MediaType = {
  index: "application/vnd.oci.image.index.v1+json",
  manifest: "application/vnd.oci.image.manifest.v1+json",
  config: "application/vnd.oci.image.config.v1+json",
  layer: "application/vnd.oci.image.layer.v1.tar",
  layerGzip: "application/vnd.oci.image.layer.v1.tar+gzip",
  layerZstd: "application/vnd.oci.image.layer.v1.tar+zstd",
  empty: "application/vnd.oci.empty.v1+json",
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerManifestList: "application/vnd.docker.distribution.manifest.list.v2+json",
  dockerConfig: "application/vnd.docker.container.image.v1+json",
  dockerLayerGzip: "application/vnd.docker.image.rootfs.diff.tar.gzip",
  dockerLayer: "application/vnd.docker.image.rootfs.diff.tar",
} as const;

/** The Docker media types and the OCI types with the same bytes (a base image from Docker Hub uses the former). */
export const DOCKER_TO_OCI: Record<string, string> = {
  [MediaType.dockerManifest]: MediaType.manifest,
  [MediaType.dockerManifestList]: MediaType.index,
  [MediaType.dockerConfig]: MediaType.config,
  [MediaType.dockerLayerGzip]: MediaType.layerGzip,
  [MediaType.dockerLayer]: MediaType.layer,
};

export const MANIFEST_TYPES: readonly string[] = [
  MediaType.index,
  MediaType.manifest,
  MediaType.dockerManifestList,
  MediaType.dockerManifest,
];

export function isIndexType(mediaType: string | undefined): boolean {
  return mediaType === MediaType.index || mediaType === MediaType.dockerManifestList;
}

export interface Platform {
  architecture: string;
  os: string;
  variant?: string;
  "os.version"?: string;
  "os.features"?: string[];
}

/** An OCI content descriptor. */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  urls?: string[];
  annotations?: Record<string, string>;
  platform?: Platform;
  artifactType?: string;
}

export interface ImageManifest {
  schemaVersion: 2;
  mediaType: string;
  artifactType?: string;
  config: Descriptor;
  layers: Descriptor[];
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

export interface ImageIndex {
  schemaVersion: 2;
  mediaType: string;
  artifactType?: string;
  manifests: Descriptor[];
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

/** The image configuration; unknown fields of a base's config are kept as they are. */
export interface ImageConfig {
  created?: string;
  author?: string;
  architecture: string;
  os: string;
  variant?: string;
  config?: { Labels?: Record<string, string>; [key: string]: unknown };
  rootfs: { type: "layers"; diff_ids: string[] };
  history?: { created?: string; created_by?: string; comment?: string; empty_layer?: boolean; author?: string }[];
  [key: string]: unknown;
}

const DIGEST_RE = /^sha256:[a-f0-9]{64}$/;

export function isDigest(s: string): boolean {
  return DIGEST_RE.test(s);
}

export function sha256Digest(bytes: Uint8Array | string): string {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}

export function hexOf(digest: string): string {
  return digest.slice(digest.indexOf(":") + 1);
}

/** Canonical-enough JSON bytes for a manifest or config: compact, in the key order given (stable for same input). */
export function jsonBytes(value: unknown): Uint8Array {
  return Buffer.from(JSON.stringify(value), "utf8");
}

/** A descriptor for bytes in memory. */
export function describe(mediaType: string, bytes: Uint8Array, extra: Partial<Descriptor> = {}): Descriptor {
  return { mediaType, digest: sha256Digest(bytes), size: bytes.byteLength, ...extra };
}

/** The empty JSON object `{}` that artifact manifests use as their config (image-spec 1.1, "Guidance for an Empty Descriptor"). */
export const EMPTY_JSON = Buffer.from("{}", "utf8");
export const EMPTY_DESCRIPTOR: Descriptor = {
  mediaType: MediaType.empty,
  digest: "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
  size: 2,
};
