import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  BUNDLE_MEDIA_TYPE
} from "./chunk-I2V4NKJJ.js";
import "./chunk-GMOKSZ4Z.js";
import {
  MANIFEST_TYPES,
  RegistryClient,
  listLayoutReferrers,
  listRegistryReferrers,
  parseReference,
  pullScope,
  readLayoutJson,
  registryCredentials
} from "./chunk-ZS5MTSOT.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-RQB7ZENY.js";
import "./chunk-M65JNBWF.js";
import "./chunk-QJVTDBHM.js";
import "./chunk-H5EPG2ZH.js";
import "./chunk-CCN2QAD7.js";

// src/audit/images.ts
import { existsSync, readFileSync } from "node:fs";
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
      const missing = await whyMissing(probe.reference, digest, opts.layout, client);
      const bundles = opts.bundles && missing === void 0 ? await attachedBundles(probe.reference, digest, opts.layout, client) : void 0;
      out.push({ ...probe, missing, ...bundles ? { bundles } : {} });
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
async function attachedBundles(reference, digest, layout, client) {
  const ref = parseReference(reference, "image");
  const out = [];
  if (ref.registry.endsWith(".invalid")) {
    for (const d of await listLayoutReferrers(layout, digest, BUNDLE_MEDIA_TYPE)) {
      const m = await readLayoutJson(layout, d.digest);
      const blob = join(layout, "blobs", "sha256", m.layers[0].digest.slice(7));
      if (existsSync(blob)) out.push(readFileSync(blob, "utf8"));
    }
    return out;
  }
  const c = client(ref.registry);
  for (const d of await listRegistryReferrers(c, ref.repository, digest, BUNDLE_MEDIA_TYPE)) {
    const m = await c.getManifest(ref.repository, d.digest);
    if (!m) continue;
    const layer = JSON.parse(m.bytes.toString("utf8")).layers[0];
    const chunks = [];
    for await (const chunk of await c.openBlob(ref.repository, layer.digest)) chunks.push(chunk);
    out.push(Buffer.concat(chunks).toString("utf8"));
  }
  return out;
}
export {
  probeImages
};
