import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  MANIFEST_TYPES,
  RegistryClient,
  parseReference,
  pullScope,
  registryCredentials
} from "./chunk-AJ5XNGRM.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-7SHYJVU3.js";
import "./chunk-ZGDBGMMU.js";

// src/audit/registry.ts
import { existsSync } from "node:fs";
import { join } from "node:path";
async function checkImages(views, opts) {
  const images = /* @__PURE__ */ new Map();
  for (const v of views)
    for (const e of v.entries)
      if (!images.has(e.record.image.reference))
        images.set(e.record.image.reference, {
          model: v.model,
          sequence: e.record.sequence,
          digest: e.record.image.digest,
          recordDigest: e.digest
        });
  const findings = [];
  const clients = /* @__PURE__ */ new Map();
  const missing = (reference, i, why) => findings.push({
    check: "image-missing",
    model: i.model,
    commit: null,
    tag: null,
    record: { sequence: i.sequence, digest: i.recordDigest },
    path: null,
    message: `${reference} (first named by record #${i.sequence}): ${why}`,
    expected: "every image a record names still in its registry, by digest"
  });
  try {
    for (const [reference, i] of images) {
      let ref;
      try {
        ref = parseReference(reference, "image");
      } catch (err) {
        missing(reference, i, `not an image reference (${err.message})`);
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
          retryDelayMs: 200
        });
        clients.set(ref.registry, client);
      }
      try {
        const res = await client.request("HEAD", `/v2/${ref.repository}/manifests/${i.digest}`, {
          scopes: [pullScope(ref.repository)],
          headers: { accept: MANIFEST_TYPES.join(", ") },
          ok: [200, 404]
        });
        res.body.resume();
        if (res.status === 404) missing(reference, i, `the registry ${ref.registry} answers 404: the image is gone`);
      } catch (err) {
        missing(reference, i, `could not be checked: ${err.message}`);
      }
    }
  } finally {
    for (const c of clients.values()) c.close();
  }
  return { checked: images.size, findings };
}
export {
  checkImages
};
