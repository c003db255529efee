import {
  DOCKER_TO_OCI,
  type Descriptor,
  type ImageConfig,
  type ImageIndex,
  type ImageManifest,
  MediaType,
  type Platform,
  describe,
  jsonBytes,
} from "./types.ts";

/** One platform of a base image: its manifest (by digest) and its parsed config. */
export interface BasePlatform {
  platform: Platform;
  manifest: ImageManifest;
  manifestDigest: string;
  config: ImageConfig;
}

/** A base image, resolved to digests: "scratch" has one platform with no layers. */
export interface BaseImage {
  /** What the user named: "scratch", a registry reference, or a layout's ref name. */
  name: string;
  /** The digest of what `name` resolved to (index or manifest); absent for scratch. */
  digest?: string;
  platforms: BasePlatform[];
}

/**
 * The platforms an image lists unless told otherwise: the model layer is architecture-independent, and KServe's
 * nodes are amd64 or arm64 (a runtime that finds no manifest for its platform refuses the image).
 */
export const DEFAULT_PLATFORMS: readonly Platform[] = [
  { os: "linux", architecture: "amd64" },
  { os: "linux", architecture: "arm64" },
];

/** No base: one platform per entry of `platforms`, each with no layers (an image for image volumes). */
export function scratchBase(platforms: readonly Platform[] = DEFAULT_PLATFORMS): BaseImage {
  return {
    name: "scratch",
    platforms: platforms.map((platform) => ({
      platform,
      manifestDigest: "",
      manifest: {
        schemaVersion: 2,
        mediaType: MediaType.manifest,
        config: describe(MediaType.config, jsonBytes({})),
        layers: [],
      },
      config: {
        architecture: platform.architecture,
        os: platform.os,
        ...(platform.variant ? { variant: platform.variant } : {}),
        config: {},
        rootfs: { type: "layers", diff_ids: [] },
        history: [],
      },
    })),
  };
}

export interface AppendSpec {
  base: BaseImage;
  /** The layer to append (its descriptor) and its diff id (the digest of the uncompressed tar). */
  layer: Descriptor;
  diffId: string;
  /** RFC 3339, e.g. "2026-01-01T00:00:00Z": config.created and the history entry. */
  created: string;
  /** Labels in the config; also the annotations of each manifest and of the index. */
  labels: Record<string, string>;
  /** The history entry's created_by. */
  createdBy: string;
}

export interface AssembledImage {
  /** The index over every platform: the image's digest is its digest. */
  index: { descriptor: Descriptor; bytes: Uint8Array };
  manifests: { descriptor: Descriptor; bytes: Uint8Array; platform: Platform }[];
  configs: { descriptor: Descriptor; bytes: Uint8Array }[];
}

function ociType(mediaType: string): string {
  return DOCKER_TO_OCI[mediaType] ?? mediaType;
}

function sortedRecord(r: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Appends a layer to every platform of a base, as `crane append` does, and returns the new configs, manifests and
 * an index over them. Values in, values out: the same spec gives the same bytes and so the same digest.
 */
export function appendLayer(spec: AppendSpec): AssembledImage {
  const configs: AssembledImage["configs"] = [];
  const manifests: AssembledImage["manifests"] = [];
  const isScratch = spec.base.name === "scratch";
  for (const bp of spec.base.platforms) {
    const baseCfg = bp.config;
    const config: ImageConfig = {
      ...baseCfg,
      created: spec.created,
      architecture: baseCfg.architecture,
      os: baseCfg.os,
      config: {
        ...(baseCfg.config ?? {}),
        Labels: sortedRecord({ ...(baseCfg.config?.Labels ?? {}), ...spec.labels }),
      },
      rootfs: { type: "layers", diff_ids: [...baseCfg.rootfs.diff_ids, spec.diffId] },
      history: [...(baseCfg.history ?? []), { created: spec.created, created_by: spec.createdBy }],
    };
    const configBytes = jsonBytes(config);
    const configDesc = describe(MediaType.config, configBytes);
    configs.push({ descriptor: configDesc, bytes: configBytes });
    const baseAnnotations: Record<string, string> = isScratch
      ? {}
      : {
          "org.opencontainers.image.base.digest": bp.manifestDigest,
          "org.opencontainers.image.base.name": spec.base.name,
        };
    const manifest: ImageManifest = {
      schemaVersion: 2,
      mediaType: MediaType.manifest,
      config: configDesc,
      layers: [...bp.manifest.layers.map((l) => ({ ...l, mediaType: ociType(l.mediaType) })), spec.layer],
      annotations: sortedRecord({ ...spec.labels, ...baseAnnotations }),
    };
    const bytes = jsonBytes(manifest);
    manifests.push({
      descriptor: describe(MediaType.manifest, bytes, { platform: bp.platform }),
      bytes,
      platform: bp.platform,
    });
  }
  const indexAnnotations: Record<string, string> = isScratch
    ? { ...spec.labels }
    : {
        ...spec.labels,
        "org.opencontainers.image.base.digest": spec.base.digest ?? "",
        "org.opencontainers.image.base.name": spec.base.name,
      };
  const index: ImageIndex = {
    schemaVersion: 2,
    mediaType: MediaType.index,
    manifests: manifests.map((m) => m.descriptor),
    annotations: sortedRecord(indexAnnotations),
  };
  const indexBytes = jsonBytes(index);
  return { index: { descriptor: describe(MediaType.index, indexBytes), bytes: indexBytes }, manifests, configs };
}

/** Seconds since the epoch as RFC 3339 without fractions. */
export function rfc3339(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}
