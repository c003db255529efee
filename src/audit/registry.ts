import { existsSync } from "node:fs";
import { join } from "node:path";
import { registryCredentials } from "../oci/credentials.ts";
import { parseReference } from "../oci/reference.ts";
import { pullScope, RegistryClient } from "../oci/registry.ts";
import { MANIFEST_TYPES } from "../oci/types.ts";
import type { LedgerView } from "./ledgers.ts";
import type { Finding } from "./schema.ts";

/**
 * `audit verify --registry`: every image a record names still exists where it says, by digest — a HEAD of the
 * manifest through the OCI distribution API, or, for images published without a registry (repository
 * registry.invalid/<model>, the reserved .invalid domain), the blob in the local OCI layout.
 */

export async function checkImages(
  views: LedgerView[],
  opts: { env: NodeJS.ProcessEnv; layout: string; log?: (line: string) => void },
): Promise<{ checked: number; findings: Finding[] }> {
  const images = new Map<string, { model: string; sequence: number; digest: string; recordDigest: string }>();
  for (const v of views)
    for (const e of v.entries)
      if (!images.has(e.record.image.reference))
        images.set(e.record.image.reference, {
          model: v.model,
          sequence: e.record.sequence,
          digest: e.record.image.digest,
          recordDigest: e.digest,
        });
  const findings: Finding[] = [];
  const clients = new Map<string, RegistryClient>();
  const missing = (reference: string, i: { model: string; sequence: number; recordDigest: string }, why: string) =>
    findings.push({
      check: "image-missing",
      model: i.model,
      commit: null,
      tag: null,
      record: { sequence: i.sequence, digest: i.recordDigest },
      path: null,
      message: `${reference} (first named by record #${i.sequence}): ${why}`,
      expected: "every image a record names still in its registry, by digest",
    });
  try {
    for (const [reference, i] of images) {
      let ref: ReturnType<typeof parseReference>;
      try {
        ref = parseReference(reference, "image");
      } catch (err) {
        missing(reference, i, `not an image reference (${(err as Error).message})`);
        continue;
      }
      if (ref.digest !== i.digest) {
        missing(reference, i, `the reference's digest is not the record's image digest ${i.digest}`);
        continue;
      }
      if (ref.registry.endsWith(".invalid")) {
        const blob = join(opts.layout, "blobs", "sha256", i.digest.slice(7));
        if (!existsSync(blob)) missing(reference, i, `published to a local OCI layout, and ${blob} is not there`);
        continue;
      }
      let client = clients.get(ref.registry);
      if (!client) {
        client = new RegistryClient(ref.registry, {
          credentials: registryCredentials(ref.registry, opts.env),
          log: opts.log,
          retries: 2,
          retryDelayMs: 200,
        });
        clients.set(ref.registry, client);
      }
      try {
        const res = await client.request("HEAD", `/v2/${ref.repository}/manifests/${i.digest}`, {
          scopes: [pullScope(ref.repository)],
          headers: { accept: MANIFEST_TYPES.join(", ") },
          ok: [200, 404],
        });
        res.body.resume();
        if (res.status === 404) missing(reference, i, `the registry ${ref.registry} answers 404: the image is gone`);
      } catch (err) {
        missing(reference, i, `could not be checked: ${(err as Error).message}`);
      }
    }
  } finally {
    for (const c of clients.values()) c.close();
  }
  return { checked: images.size, findings };
}
