import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  MANIFEST_TYPES,
  RegistryClient,
  parseReference,
  pullScope,
  registryCredentials
} from "./chunk-YCDLQBSB.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-ZGDBGMMU.js";

// src/audit/images.ts
import { existsSync } from "node:fs";
import { join } from "node:path";
async function probeImages(views, opts) {
  const images = /* @__PURE__ */ new Map();
  for (const v of views)
    for (const e of v.entries)
      if (!images.has(e.record.image.reference))
        images.set(e.record.image.reference, {
          reference: e.record.image.reference,
          model: v.model,
          sequence: e.record.sequence,
          recordDigest: e.digest,
          digest: e.record.image.digest
        });
  const clients = /* @__PURE__ */ new Map();
  const client = (registry) => {
    let c = clients.get(registry);
    if (!c) {
      c = new RegistryClient(registry, {
        credentials: registryCredentials(registry, opts.env),
        log: opts.log,
        retries: 2,
        retryDelayMs: 200
      });
      clients.set(registry, c);
    }
    return c;
  };
  const out = [];
  try {
    for (const { digest, ...probe } of images.values()) {
      out.push({ ...probe, missing: await whyMissing(probe.reference, digest, opts.layout, client) });
    }
  } finally {
    for (const c of clients.values()) c.close();
  }
  return out;
}
async function whyMissing(reference, digest, layout, client) {
  let ref;
  try {
    ref = parseReference(reference, "image");
  } catch (err) {
    return `not an image reference (${err.message})`;
  }
  if (ref.digest !== digest) return `the reference's digest is not the record's image digest ${digest}`;
  if (ref.registry.endsWith(".invalid")) {
    const blob = join(layout, "blobs", "sha256", digest.slice(7));
    return existsSync(blob) ? void 0 : `published to a local OCI layout, and ${blob} is not there`;
  }
  try {
    const res = await client(ref.registry).request("HEAD", `/v2/${ref.repository}/manifests/${digest}`, {
      scopes: [pullScope(ref.repository)],
      headers: { accept: MANIFEST_TYPES.join(", ") },
      ok: [200, 404]
    });
    res.body.resume();
    return res.status === 404 ? `the registry ${ref.registry} answers 404: the image is gone` : void 0;
  } catch (err) {
    return `could not be checked: ${err.message}`;
  }
}
export {
  probeImages
};
