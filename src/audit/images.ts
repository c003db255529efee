import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { recordDigest } from "../ledger/canonical.ts";
import { registryCredentials } from "../oci/credentials.ts";
import { parseReference } from "../oci/reference.ts";
import { pullScope, RegistryClient, registryTuning } from "../oci/registry.ts";
import { BUNDLE_MEDIA_TYPE } from "../attest/key.ts";
import { blobPath, readLayoutJson } from "../oci/layout.ts";
import { ArtifactType, listLayoutReferrers, listRegistryReferrers } from "../oci/referrers.ts";
import { type Descriptor, type ImageManifest, MANIFEST_TYPES } from "../oci/types.ts";
import type { LedgerView } from "./ledgers.ts";
import type { ImageProbe, ReferrerProbe } from "./rules/context.ts";

/**
 * `audit verify --registry` reads whether every image a record names still exists where it says, by digest: a HEAD
 * of the manifest through the OCI distribution API, or, for images published without a registry (repository
 * registry.invalid/<model>, the reserved .invalid domain), the blob in the local OCI layout; and whether each publish
 * record's image carries the referrers the record promises. The answers are facts for the rules in
 * ./rules/registry.ts.
 */

export interface ImageProbeOptions {
  env: NodeJS.ProcessEnv;
  /** The local OCI layout of images published without a registry. */
  layout: string;
  log?: (line: string) => void;
  /** Also read the Sigstore bundles attached to each image (audit verify --trust). */
  bundles?: boolean;
}

/** Each image the ledgers name (once, with the record that names it first), and why it is missing, if it is. */
export async function probeImages(views: LedgerView[], opts: ImageProbeOptions): Promise<ImageProbe[]> {
  const images = new Map<string, ImageProbe & { digest: string }>();
  for (const v of views)
    for (const e of v.entries)
      if (!images.has(e.record.image.reference))
        images.set(e.record.image.reference, {
          reference: e.record.image.reference,
          model: v.model,
          sequence: e.record.sequence,
          recordDigest: e.digest,
          digest: e.record.image.digest,
        });
  const { client, close } = clients(opts);
  const out: ImageProbe[] = [];
  try {
    for (const { digest, ...probe } of images.values()) {
      const missing = await whyMissing(probe.reference, digest, opts.layout, client);
      const bundles =
        opts.bundles && missing === undefined
          ? await attachedBundles(probe.reference, digest, opts.layout, client)
          : undefined;
      out.push({ ...probe, missing, ...(bundles ? { bundles } : {}) });
    }
  } finally {
    close();
  }
  return out;
}

/** One registry client per registry, made when first asked for. */
function clients(opts: ImageProbeOptions) {
  const made = new Map<string, RegistryClient>();
  const client = (registry: string) => {
    let c = made.get(registry);
    if (!c) {
      c = new RegistryClient(registry, {
        credentials: registryCredentials(registry, opts.env),
        ...registryTuning(opts.env),
        log: opts.log,
        retries: 2,
        retryDelayMs: 200,
      });
      made.set(registry, c);
    }
    return c;
  };
  return {
    client,
    close: () => {
      for (const c of made.values()) c.close();
    },
  };
}

/** How the referrers of one image are read: where it lives (its registry, or the local layout). */
interface ReferrerSource {
  list(digest: string): Promise<Descriptor[]>;
  /** An artifact manifest's first layer's digest (undefined: the manifest is gone). */
  layer(digest: string): Promise<string | undefined>;
  /** A blob's bytes (undefined: gone). */
  blob(digest: string): Promise<Buffer | undefined>;
}

function referrerSource(reference: string, layout: string, client: (r: string) => RegistryClient): ReferrerSource {
  const ref = parseReference(reference, "image");
  if (ref.registry.endsWith(".invalid")) {
    return {
      list: (digest) => listLayoutReferrers(layout, digest),
      layer: async (digest) =>
        (await readLayoutJson<ImageManifest>(layout, digest).catch(() => undefined))?.layers[0]?.digest,
      blob: (digest) => readFile(blobPath(layout, digest)).catch(() => undefined),
    };
  }
  const c = client(ref.registry);
  return {
    list: (digest) => listRegistryReferrers(c, ref.repository, digest),
    layer: async (digest) => {
      const m = await c.getManifest(ref.repository, digest);
      return m ? (JSON.parse(m.bytes.toString("utf8")) as ImageManifest).layers[0]?.digest : undefined;
    },
    blob: async (digest) => {
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of await c.openBlob(ref.repository, digest)) chunks.push(chunk as Buffer);
      } catch {
        return undefined;
      }
      return Buffer.concat(chunks);
    },
  };
}

/**
 * Each publish record's image (one that is there: a missing image is image-missing), checked for the referrers the
 * record promises: an evaluation record whose layer is the record it cites, a promotion record whose layer is this
 * record (its canonical line, whose digest is the record's; or, as publish attached it before, the record as JSON),
 * and a model card. (The signed bundles are `audit verify --trust`'s to check.)
 */
export async function probeReferrers(
  views: LedgerView[],
  images: ImageProbe[],
  opts: ImageProbeOptions,
): Promise<ReferrerProbe[]> {
  const gone = new Set(images.filter((i) => i.missing !== undefined).map((i) => i.reference));
  const { client, close } = clients(opts);
  const listed = new Map<string, Promise<{ type?: string; layer?: string; digest: string }[]>>();
  const out: ReferrerProbe[] = [];
  try {
    for (const v of views) {
      for (const e of v.entries) {
        const r = e.record;
        if (r.action !== "publish" || gone.has(r.image.reference)) continue;
        const probe = { model: v.model, sequence: r.sequence, version: r.model.version, recordDigest: e.digest };
        try {
          const source = referrerSource(r.image.reference, opts.layout, client);
          let refs = listed.get(r.image.reference);
          if (!refs) {
            refs = source.list(r.image.digest).then((ds) =>
              Promise.all(
                ds.map(async (d) => ({
                  type: d.artifactType,
                  digest: d.digest,
                  layer: await source.layer(d.digest),
                })),
              ),
            );
            listed.set(r.image.reference, refs);
          }
          const have = await refs;
          const of = (t: string) => have.filter((x) => x.type === t && x.layer);
          const missing: string[] = [];
          if (!of(ArtifactType.evaluationRecord).some((x) => x.layer === r.evaluation.record))
            missing.push(`the evaluation record ${r.evaluation.record}`);
          if (!(await promotionAttached(of(ArtifactType.promotionRecord), e.digest, source)))
            missing.push(`the promotion record ${e.digest}`);
          if (of(ArtifactType.modelCard).length === 0) missing.push("the model card");
          out.push({ ...probe, reference: r.image.reference, missing });
        } catch (err) {
          out.push({ ...probe, reference: r.image.reference, missing: [], error: (err as Error).message });
        }
      }
    }
  } finally {
    close();
  }
  return out;
}

/** Whether one of the promotion-record referrers holds the record of `digest` (by its layer, else by its content). */
async function promotionAttached(refs: { layer?: string }[], digest: string, source: ReferrerSource): Promise<boolean> {
  if (refs.some((x) => x.layer === digest)) return true;
  for (const x of refs) {
    const bytes = x.layer ? await source.blob(x.layer) : undefined;
    try {
      if (bytes && recordDigest(JSON.parse(bytes.toString("utf8"))) === digest) return true;
    } catch {}
  }
  return false;
}

/** Why one image is not where its reference says (undefined: it is there). */
async function whyMissing(
  reference: string,
  digest: string,
  layout: string,
  client: (registry: string) => RegistryClient,
): Promise<string | undefined> {
  let ref: ReturnType<typeof parseReference>;
  try {
    ref = parseReference(reference, "image");
  } catch (err) {
    return `not an image reference (${(err as Error).message})`;
  }
  if (ref.digest !== digest) return `the reference's digest is not the record's image digest ${digest}`;
  if (ref.registry.endsWith(".invalid")) {
    const blob = join(layout, "blobs", "sha256", digest.slice(7));
    return existsSync(blob) ? undefined : `published to a local OCI layout, and ${blob} is not there`;
  }
  try {
    const res = await client(ref.registry).request("HEAD", `/v2/${ref.repository}/manifests/${digest}`, {
      scopes: [pullScope(ref.repository)],
      headers: { accept: MANIFEST_TYPES.join(", ") },
      ok: [200, 404],
    });
    res.body.resume();
    return res.status === 404 ? `the registry ${ref.registry} answers 404: the image is gone` : undefined;
  } catch (err) {
    return `could not be checked: ${(err as Error).message}`;
  }
}

/** The Sigstore bundles attached to an image as OCI referrers (referrers API, fallback tag, or the local layout). */
async function attachedBundles(
  reference: string,
  digest: string,
  layout: string,
  client: (registry: string) => RegistryClient,
): Promise<string[]> {
  const ref = parseReference(reference, "image");
  const out: string[] = [];
  if (ref.registry.endsWith(".invalid")) {
    for (const d of await listLayoutReferrers(layout, digest, BUNDLE_MEDIA_TYPE)) {
      const m = await readLayoutJson<ImageManifest>(layout, d.digest);
      const blob = join(layout, "blobs", "sha256", m.layers[0].digest.slice(7));
      if (existsSync(blob)) out.push(readFileSync(blob, "utf8"));
    }
    return out;
  }
  const c = client(ref.registry);
  for (const d of await listRegistryReferrers(c, ref.repository, digest, BUNDLE_MEDIA_TYPE)) {
    const m = await c.getManifest(ref.repository, d.digest);
    if (!m) continue;
    const layer = (JSON.parse(m.bytes.toString("utf8")) as ImageManifest).layers[0];
    const chunks: Buffer[] = [];
    for await (const chunk of await c.openBlob(ref.repository, layer.digest)) chunks.push(chunk as Buffer);
    out.push(Buffer.concat(chunks).toString("utf8"));
  }
  return out;
}
