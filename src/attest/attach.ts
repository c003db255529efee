import { existsSync } from "node:fs";
import { join } from "node:path";
import { registryCredentials } from "../oci/credentials.ts";
import { readLayoutIndex } from "../oci/layout.ts";
import { parseReference } from "../oci/reference.ts";
import { artifactManifest, attachToLayout, attachToRegistry } from "../oci/referrers.ts";
import { RegistryClient } from "../oci/registry.ts";
import type { Descriptor } from "../oci/types.ts";
import { imageName } from "./promotion.ts";
import { bundleAttachment } from "./setup.ts";

/**
 * Attaches signed bundles to an image the records name (`repository@sha256:…`) as OCI referrers: in its registry
 * (the referrers API, or the `sha256-<hex>` fallback tag), or, for an image publish wrote to the local layout
 * (`registry.invalid/<model>`), in that layout. The subject's descriptor is read from where the image is.
 */

export interface BundleToAttach {
  predicateType: string;
  /** sha256:<hex> of the Statement. */
  digest: string;
  text: string;
}

export async function attachBundles(
  reference: string,
  digest: string,
  bundles: BundleToAttach[],
  o: { env: NodeJS.ProcessEnv; layoutDir: string; localRepository: string; log: (line: string) => void; at: string },
): Promise<"registry" | "layout" | "none"> {
  if (bundles.length === 0) return "none";
  const artifacts = (subject: Descriptor) =>
    bundles.map((b) => artifactManifest(subject, bundleAttachment(b.predicateType, b.digest.slice(7), b.text), o.at));
  const name = imageName(reference);
  if (name.startsWith(`${o.localRepository}/`)) {
    // an image publish wrote to a local layout: attached there when this clone has it (the bundles are in git anyway)
    const subject = existsSync(join(o.layoutDir, "index.json"))
      ? (await readLayoutIndex(o.layoutDir)).manifests.find((m) => m.digest === digest)
      : undefined;
    if (!subject) {
      o.log(`${name}@${digest} is not in the layout ${o.layoutDir}: its bundles are kept in git only`);
      return "none";
    }
    for (const a of artifacts(subject)) await attachToLayout(o.layoutDir, a);
    return "layout";
  }
  const ref = parseReference(name, "image");
  const client = new RegistryClient(ref.registry, {
    credentials: registryCredentials(ref.registry, o.env),
    log: o.log,
  });
  try {
    const m = await client.getManifest(ref.repository, digest);
    if (!m) throw new Error(`${name}@${digest} is not in its registry`);
    const subject: Descriptor = { mediaType: m.mediaType, digest, size: m.bytes.byteLength };
    for (const a of artifacts(subject)) await attachToRegistry(client, ref.repository, a, subject);
  } finally {
    client.close();
  }
  return "registry";
}
