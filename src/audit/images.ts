import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { registryCredentials } from "../oci/credentials.ts";
import { parseReference } from "../oci/reference.ts";
import { pullScope, RegistryClient } from "../oci/registry.ts";
import { BUNDLE_MEDIA_TYPE } from "../attest/sign.ts";
import { readLayoutJson } from "../oci/layout.ts";
import { listLayoutReferrers, listRegistryReferrers } from "../oci/referrers.ts";
import { type ImageManifest, MANIFEST_TYPES } from "../oci/types.ts";
import type { LedgerView } from "./ledgers.ts";
import type { ImageProbe } from "./rules/context.ts";

/**
 * `audit verify --registry` reads whether every image a record names still exists where it says, by digest: a HEAD
 * of the manifest through the OCI distribution API, or, for images published without a registry (repository
 * registry.invalid/<model>, the reserved .invalid domain), the blob in the local OCI layout. The answers are facts for
 * the rule in ./rules/registry.ts.
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
  const clients = new Map<string, RegistryClient>();
  const client = (registry: string) => {
    let c = clients.get(registry);
    if (!c) {
      c = new RegistryClient(registry, {
        credentials: registryCredentials(registry, opts.env),
        log: opts.log,
        retries: 2,
        retryDelayMs: 200,
      });
      clients.set(registry, c);
    }
    return c;
  };
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
    for (const c of clients.values()) c.close();
  }
  return out;
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
