import { UserError } from "../errors.ts";
import type { Blob } from "./blob.ts";
import type { BaseImage, BasePlatform } from "./image.ts";
import { scratchBase } from "./image.ts";
import { layoutBlob, readLayoutJson, REF_NAME, resolveLayoutRef } from "./layout.ts";
import { formatReference, parseReference } from "./reference.ts";
import { type RegistryClient, registryBlob } from "./registry.ts";
import {
  type Descriptor,
  type ImageConfig,
  type ImageIndex,
  type ImageManifest,
  isIndexType,
  type Platform,
} from "./types.ts";

/** A base image resolved to digests, and where to read its layers. */
export interface ResolvedBase {
  image: BaseImage;
  /** The base's layers by digest. */
  layers: Map<string, Blob>;
  /** Set when the base was named by tag only: the digest it resolved to (pin it for reproducible builds). */
  unpinned?: string;
}

function wanted(p: Platform | undefined, only?: Platform[]): boolean {
  if (!p || p.os === "unknown" || p.architecture === "unknown") return false; // attestation manifests
  return (
    !only ||
    only.some((o) => o.os === p.os && o.architecture === p.architecture && (!o.variant || o.variant === p.variant))
  );
}

async function collect(
  top: Descriptor,
  getJson: <T>(d: Descriptor) => Promise<T>,
  blobOf: (d: Descriptor) => Blob,
  only?: Platform[],
): Promise<{ platforms: BasePlatform[]; layers: Map<string, Blob> }> {
  const layers = new Map<string, Blob>();
  const platforms: BasePlatform[] = [];
  const addManifest = async (d: Descriptor) => {
    const manifest = await getJson<ImageManifest>(d);
    const config = await getJson<ImageConfig>(manifest.config);
    const platform: Platform = d.platform ?? {
      architecture: config.architecture,
      os: config.os,
      ...(config.variant ? { variant: config.variant } : {}),
    };
    if (!d.platform && !wanted(platform, only)) return;
    for (const l of manifest.layers) layers.set(l.digest, blobOf(l));
    platforms.push({ platform, manifest, manifestDigest: d.digest, config });
  };
  if (isIndexType(top.mediaType)) {
    const index = await getJson<ImageIndex>(top);
    for (const m of index.manifests) if (wanted(m.platform, only)) await addManifest(m);
  } else {
    await addManifest(top);
  }
  if (platforms.length === 0) throw new UserError("the base image has no platform to build on");
  return { platforms, layers };
}

/**
 * Resolves `--base`: `scratch`; `oci:DIR[:NAME]` or `oci:DIR@sha256:…` (an image layout on disk; the base name
 * recorded in the labels is NAME, never the directory, so the digest does not depend on where the layout is);
 * or a registry reference `host/repo[:tag][@sha256:…]`.
 */
export async function resolveBase(
  spec: string,
  opts: { clientFor: (registry: string) => RegistryClient; platforms?: Platform[]; scratchPlatform?: Platform },
): Promise<ResolvedBase> {
  if (spec === "scratch") return { image: scratchBase(opts.scratchPlatform), layers: new Map() };
  if (spec.startsWith("oci:")) {
    const rest = spec.slice(4);
    const m = /^(.*?)(?:@(sha256:[a-f0-9]{64})|:([^/:]+(?::[^/]+)?))?$/.exec(rest)!;
    const dir = m[1];
    const top = await resolveLayoutRef(dir, m[2] ?? m[3]);
    const { platforms, layers } = await collect(
      top,
      (d) => readLayoutJson(dir, d.digest),
      (d) => layoutBlob(dir, d),
      opts.platforms,
    );
    const name = top.annotations?.[REF_NAME] ?? m[3] ?? "oci-layout";
    return { image: { name, digest: top.digest, platforms }, layers };
  }
  const ref = parseReference(spec, "--base");
  const client = opts.clientFor(ref.registry);
  const got = await client.getManifest(ref.repository, ref.digest ?? ref.tag ?? "latest");
  if (!got) throw new UserError(`--base ${spec}: no such image in ${ref.registry}`);
  const top: Descriptor = { mediaType: got.mediaType, digest: got.digest, size: got.bytes.byteLength };
  const cache = new Map<string, unknown>([[got.digest, JSON.parse(got.bytes.toString("utf8"))]]);
  const { platforms, layers } = await collect(
    top,
    async <T>(d: Descriptor) => {
      if (cache.has(d.digest)) return cache.get(d.digest) as T;
      if (d.mediaType.includes("manifest") || d.mediaType.includes("index")) {
        const m = await client.getManifest(ref.repository, d.digest);
        if (!m) throw new UserError(`--base ${spec}: manifest ${d.digest} is missing from ${ref.registry}`);
        return JSON.parse(m.bytes.toString("utf8")) as T;
      }
      const s = await client.openBlob(ref.repository, d.digest);
      const chunks: Buffer[] = [];
      for await (const c of s) chunks.push(c as Buffer);
      return JSON.parse(Buffer.concat(chunks).toString("utf8")) as T;
    },
    (d) => registryBlob(client, ref.repository, d),
    opts.platforms,
  );
  const name = formatReference({ ...ref, digest: undefined, tag: ref.tag });
  return {
    image: { name, digest: got.digest, platforms },
    layers,
    unpinned: ref.digest ? undefined : got.digest,
  };
}
