import { isAbsolute, resolve } from "node:path";
import { CheckFailed, UserError } from "../errors.ts";
import type { Blob } from "./blob.ts";
import type { BaseImage, BasePlatform } from "./image.ts";
import { DEFAULT_PLATFORMS, scratchBase } from "./image.ts";
import { layoutBlob, readLayoutJson, REF_NAME, resolveLayoutRef } from "./layout.ts";
import { formatReference, parseReference } from "./reference.ts";
import { type RegistryClient, registryBlob, registryFailure } from "./registry.ts";
import { missingCommands, readRootfs } from "./rootfs.ts";
import {
  type Descriptor,
  type ImageConfig,
  type ImageIndex,
  type ImageManifest,
  isIndexType,
  type Platform,
} from "./types.ts";

/**
 * What KServe's modelcar sidecar runs in the image (kserve/kserve pkg/utils/storage.go, modelcarCommand, at v0.20.0):
 * `sh -c "mkdir -p … && ln -sf /proc/$$/root/models … && sleep infinity"`.
 */
export const MODELCAR_COMMANDS = ["sh", "mkdir", "ln", "sleep"] as const;

/**
 * The base of a modelcar unless modelgate.yaml's spec.base says otherwise: Docker Hub's busybox 1.37.0, pinned by the
 * digest of its multi-platform index. Building on it checks, as for any base, that it has the platforms asked for and
 * sh, mkdir, ln and sleep in its layers. Mirror it and name the mirror in spec.base where Docker Hub is out of reach.
 */
export const DEFAULT_MODELCAR_BASE =
  "docker.io/library/busybox:1.37.0@sha256:bdf57e528e45e4433820e045b29b4597825a1c9e38353532d90a01445013f82e";

/** Which base to build on, where it was named (for messages), and whether the image must run as a modelcar. */
export interface BaseChoice {
  /** What --base takes: scratch, oci:DIR[:NAME] (an absolute DIR) or a registry reference. */
  spec: string;
  /** "--base", "modelgate.yaml spec.base" or "the default base". */
  from: string;
  /**
   * "require": the image is for KServe's modelcar (spec.kserve.storage: modelcar) and a base without sh, mkdir, ln
   * and sleep is refused; "warn": the user named the base, and is told when it cannot be a modelcar.
   */
  modelcar?: "require" | "warn";
}

/** `oci:DIR…` with DIR made absolute against `dir`; other specs as they are. */
function anchored(spec: string, dir: string): string {
  if (!spec.startsWith("oci:")) return spec;
  const rest = spec.slice(4);
  return isAbsolute(rest) ? spec : `oci:${resolve(dir, rest)}`;
}

/**
 * The base: `--base` when given (an oci: layout relative to `cwd`); else modelgate.yaml's spec.base (relative to the
 * repository root); else busybox for a modelcar, scratch for image volumes (spec.kserve.storage: image-volume).
 */
export function chooseBase(opts: {
  flag?: string;
  cwd: string;
  config?: { root: string; base?: { image: string; digest?: string }; storage: "modelcar" | "image-volume" };
}): BaseChoice {
  const volume = opts.config?.storage === "image-volume";
  if (opts.flag) return { spec: anchored(opts.flag, opts.cwd), from: "--base", modelcar: volume ? undefined : "warn" };
  const cfg = opts.config;
  if (cfg?.base) {
    const image =
      cfg.base.digest && !cfg.base.image.includes("@") ? `${cfg.base.image}@${cfg.base.digest}` : cfg.base.image;
    return {
      spec: anchored(image, cfg.root),
      from: "modelgate.yaml spec.base",
      modelcar: volume ? undefined : "require",
    };
  }
  if (volume) return { spec: "scratch", from: "the default base for image volumes" };
  return { spec: DEFAULT_MODELCAR_BASE, from: "the default base", modelcar: "require" };
}

/** A base image resolved to digests, and where to read its layers. */
export interface ResolvedBase {
  image: BaseImage;
  /** The base's layers by digest. */
  layers: Map<string, Blob>;
  /** Set when the base was named by tag only: the digest it resolved to (pin it for reproducible builds). */
  unpinned?: string;
  /** What the user should know about the base (e.g. a base named with --base that cannot run as a modelcar). */
  warnings: string[];
}

export function platformName(p: Platform): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join("/");
}

function matches(want: Platform, p: Platform): boolean {
  return want.os === p.os && want.architecture === p.architecture && (!want.variant || want.variant === p.variant);
}

/** An index entry that is an image for a platform (not an attestation manifest, whose platform is unknown/unknown). */
function isPlatformImage(d: Descriptor): boolean {
  return Boolean(d.platform && d.platform.os !== "unknown" && d.platform.architecture !== "unknown");
}

/**
 * The base's manifest for each wanted platform, in the order asked; a platform the base lacks (or names more than
 * once, e.g. linux/arm without a variant) is an error that says what the base has, never skipped.
 */
async function collect(
  top: Descriptor,
  getJson: <T>(d: Descriptor) => Promise<T>,
  blobOf: (d: Descriptor) => Blob,
  wanted: readonly Platform[],
  what: string,
): Promise<{ platforms: BasePlatform[]; layers: Map<string, Blob> }> {
  let candidates: { descriptor: Descriptor; platform: Platform }[];
  const read = new Map<string, { manifest: ImageManifest; config: ImageConfig }>();
  if (isIndexType(top.mediaType)) {
    const index = await getJson<ImageIndex>(top);
    candidates = index.manifests.filter(isPlatformImage).map((d) => ({ descriptor: d, platform: d.platform! }));
  } else {
    const manifest = await getJson<ImageManifest>(top);
    const config = await getJson<ImageConfig>(manifest.config);
    read.set(top.digest, { manifest, config });
    const platform: Platform = {
      architecture: config.architecture,
      os: config.os,
      ...(config.variant ? { variant: config.variant } : {}),
    };
    candidates = [{ descriptor: top, platform }];
  }
  const has = candidates.map((c) => platformName(c.platform));
  const layers = new Map<string, Blob>();
  const platforms: BasePlatform[] = [];
  for (const want of wanted) {
    const found = candidates.filter((c) => matches(want, c.platform));
    if (found.length === 0) {
      throw new UserError(
        `${what} has no ${platformName(want)} image (it has ${has.join(", ") || "none"}); build for the platforms it has with --platform ${has.join(",")}, or choose a base that has ${platformName(want)}`,
      );
    }
    if (found.length > 1) {
      throw new UserError(
        `${what} has several ${platformName(want)} images (${found.map((c) => platformName(c.platform)).join(", ")}); name the variant in --platform, e.g. ${platformName(found[0].platform)}`,
      );
    }
    const { descriptor, platform } = found[0];
    const got = read.get(descriptor.digest) ?? (await readPlatform(descriptor, getJson));
    for (const l of got.manifest.layers) layers.set(l.digest, blobOf(l));
    platforms.push({ platform, manifest: got.manifest, manifestDigest: descriptor.digest, config: got.config });
  }
  return { platforms, layers };
}

async function readPlatform(d: Descriptor, getJson: <T>(d: Descriptor) => Promise<T>) {
  const manifest = await getJson<ImageManifest>(d);
  return { manifest, config: await getJson<ImageConfig>(manifest.config) };
}

function checkPlatforms(platforms: readonly Platform[]): void {
  const names = platforms.map(platformName);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new UserError(`--platform lists ${twice} twice; name each platform once`);
  if (names.length === 0) throw new UserError("--platform names no platform; e.g. --platform linux/amd64,linux/arm64");
}

/**
 * Whether every platform of the base has what KServe's modelcar sidecar runs, read from the base's layers: refused
 * (`require`) or a warning (`warn`) when not. A base whose layers cannot be read here (zstd) gets a warning.
 */
async function checkModelcar(
  base: { image: BaseImage; layers: Map<string, Blob> },
  mode: "require" | "warn",
  what: string,
): Promise<string[]> {
  const cache = new Map();
  const lacking: string[] = [];
  const unread: string[] = [];
  for (const bp of base.image.platforms) {
    const fs = await readRootfs(
      bp.manifest.layers.map((l) => base.layers.get(l.digest)!),
      cache,
    );
    if (!fs) {
      unread.push(platformName(bp.platform));
      continue;
    }
    const missing = missingCommands(fs, bp.config, MODELCAR_COMMANDS);
    if (missing.length) lacking.push(`no ${missing.join(", ")} on ${platformName(bp.platform)}`);
  }
  const warnings: string[] = [];
  if (unread.length) {
    warnings.push(
      `${what}: cannot read the layers of ${unread.join(", ")} (not tar or gzip) to check for ${MODELCAR_COMMANDS.join(", ")}, which KServe's modelcar sidecar runs`,
    );
  }
  if (lacking.length === 0) return warnings;
  const sidecar = `KServe's modelcar sidecar (storageUri oci://) runs \`sh -c "mkdir -p … && ln -sf /proc/$$/root/models … && sleep infinity"\` in the image`;
  if (mode === "require") {
    throw new UserError(
      `${what} cannot run as a modelcar: ${lacking.join("; ")}. ${sidecar} (modelgate.yaml spec.kserve.storage: modelcar). Use a base that has them (the default is busybox), or set spec.kserve.storage: image-volume where the clusters mount images as volumes (oci+native://)`,
    );
  }
  warnings.push(
    `${what} cannot run as a modelcar (${lacking.join("; ")}): ${sidecar}. KServe can mount it as an image volume (oci+native://, spec.kserve.storage: image-volume)`,
  );
  return warnings;
}

/**
 * Resolves a base for the wanted platforms (default linux/amd64 and linux/arm64): `scratch`; `oci:DIR[:NAME]` or
 * `oci:DIR@sha256:…` (an image layout on disk; the base name recorded in the labels is NAME, never the directory, so
 * the digest does not depend on where the layout is); or a registry reference `host/repo[:tag][@sha256:…]`.
 * With `modelcar`, checks that the base has what KServe's modelcar sidecar runs (see BaseChoice).
 */
export async function resolveBase(
  spec: string,
  opts: {
    clientFor: (registry: string) => RegistryClient;
    platforms?: readonly Platform[];
    modelcar?: "require" | "warn";
    /** Where the base was named, for messages (default "--base"). */
    from?: string;
  },
): Promise<ResolvedBase> {
  const wanted = opts.platforms ?? DEFAULT_PLATFORMS;
  checkPlatforms(wanted);
  const what = `${opts.from ?? "--base"} ${spec}`;
  try {
    const resolved = await resolveFor(spec, wanted, opts.clientFor, what);
    if (opts.modelcar) resolved.warnings.push(...(await checkModelcar(resolved, opts.modelcar, what)));
    return resolved;
  } catch (err) {
    const failure = registryFailure(err);
    if (!(failure instanceof CheckFailed) || failure === err) throw failure;
    throw new CheckFailed(
      `${what}: ${failure.message}${spec === DEFAULT_MODELCAR_BASE ? "; where Docker Hub is out of reach, copy this image to a registry you reach (skopeo copy --all keeps its digest) and name it in modelgate.yaml spec.base or --base" : ""}`,
    );
  }
}

async function resolveFor(
  spec: string,
  wanted: readonly Platform[],
  clientFor: (registry: string) => RegistryClient,
  what: string,
): Promise<ResolvedBase> {
  if (spec === "scratch") return { image: scratchBase(wanted), layers: new Map(), warnings: [] };
  if (spec.startsWith("oci:")) {
    const rest = spec.slice(4);
    const m = /^(.*?)(?:@(sha256:[a-f0-9]{64})|:([^/:]+(?::[^/]+)?))?$/.exec(rest)!;
    const dir = m[1];
    const top = await resolveLayoutRef(dir, m[2] ?? m[3]);
    const { platforms, layers } = await collect(
      top,
      (d) => readLayoutJson(dir, d.digest),
      (d) => layoutBlob(dir, d),
      wanted,
      what,
    );
    const name = top.annotations?.[REF_NAME] ?? m[3] ?? "oci-layout";
    return { image: { name, digest: top.digest, platforms }, layers, warnings: [] };
  }
  const ref = parseReference(spec, "--base");
  const client = clientFor(ref.registry);
  const got = await client.getManifest(ref.repository, ref.digest ?? ref.tag ?? "latest");
  if (!got) throw new UserError(`${what}: no such image in ${ref.registry}`);
  const top: Descriptor = { mediaType: got.mediaType, digest: got.digest, size: got.bytes.byteLength };
  const cache = new Map<string, unknown>([[got.digest, JSON.parse(got.bytes.toString("utf8"))]]);
  const { platforms, layers } = await collect(
    top,
    async <T>(d: Descriptor) => {
      if (cache.has(d.digest)) return cache.get(d.digest) as T;
      if (d.mediaType.includes("manifest") || d.mediaType.includes("index")) {
        const m = await client.getManifest(ref.repository, d.digest);
        if (!m) throw new UserError(`${what}: manifest ${d.digest} is missing from ${ref.registry}`);
        return JSON.parse(m.bytes.toString("utf8")) as T;
      }
      const s = await client.openBlob(ref.repository, d.digest);
      const chunks: Buffer[] = [];
      for await (const c of s) chunks.push(c as Buffer);
      return JSON.parse(Buffer.concat(chunks).toString("utf8")) as T;
    },
    (d) => registryBlob(client, ref.repository, d),
    wanted,
    what,
  );
  const name = formatReference({ ...ref, digest: undefined, tag: ref.tag });
  return {
    image: { name, digest: got.digest, platforms },
    layers,
    unpinned: ref.digest ? undefined : got.digest,
    warnings: [],
  };
}
