import { createRequire } from 'node:module';
import { B as BUNDLE_MEDIA_TYPE } from './chunk-YOBALZSW-B141agpR.js';
import { r as recordDigest } from './hot-audit-verify-DZYJh8zf.js';
import { R as RegistryClient, v as registryTuning, c as registryCredentials, p as parseReference, z as blobPath, h as readLayoutJson, x as listLayoutReferrers, y as listRegistryReferrers, A as ArtifactType, C as MANIFEST_TYPES, E as pullScope } from './chunk-ULLVEJ36-CqSbsUH_.js';
import './hot-validate-plan-audit-verify-DglurztO.js';
import './chunk-DFUR2YEO-CrRpRbga.js';
import './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import 'node:crypto';
import 'node:child_process';
import 'node:os';
import 'node:http';
import 'node:https';
import 'node:stream';
import 'node:stream/promises';
import 'node:util';
import 'node:timers/promises';
import 'node:worker_threads';

const require$1 = createRequire(import.meta.url);
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
  const { client, close } = clients(opts);
  const out = [];
  try {
    for (const { digest, ...probe } of images.values()) {
      const missing = await whyMissing(probe.reference, digest, opts.layout, client);
      const bundles = opts.bundles && missing === void 0 ? await attachedBundles(probe.reference, digest, opts.layout, client) : void 0;
      out.push({ ...probe, missing, ...bundles ? { bundles } : {} });
    }
  } finally {
    close();
  }
  return out;
}
function clients(opts) {
  const made = /* @__PURE__ */ new Map();
  const client = (registry) => {
    let c = made.get(registry);
    if (!c) {
      c = new RegistryClient(registry, {
        credentials: registryCredentials(registry, opts.env),
        ...registryTuning(opts.env),
        log: opts.log,
        retries: 2,
        retryDelayMs: 200
      });
      made.set(registry, c);
    }
    return c;
  };
  return {
    client,
    close: () => {
      for (const c of made.values()) c.close();
    }
  };
}
function referrerSource(reference, layout, client) {
  const ref = parseReference(reference, "image");
  if (ref.registry.endsWith(".invalid")) {
    return {
      list: (digest) => listLayoutReferrers(layout, digest),
      layer: async (digest) => (await readLayoutJson(layout, digest).catch(() => void 0))?.layers[0]?.digest,
      blob: (digest) => readFile(blobPath(layout, digest)).catch(() => void 0)
    };
  }
  const c = client(ref.registry);
  return {
    list: (digest) => listRegistryReferrers(c, ref.repository, digest),
    layer: async (digest) => {
      const m = await c.getManifest(ref.repository, digest);
      return m ? JSON.parse(m.bytes.toString("utf8")).layers[0]?.digest : void 0;
    },
    blob: async (digest) => {
      const chunks = [];
      try {
        for await (const chunk of await c.openBlob(ref.repository, digest)) chunks.push(chunk);
      } catch {
        return void 0;
      }
      return Buffer.concat(chunks);
    }
  };
}
async function probeReferrers(views, images, opts) {
  const gone = new Set(images.filter((i) => i.missing !== void 0).map((i) => i.reference));
  const { client, close } = clients(opts);
  const listed = /* @__PURE__ */ new Map();
  const out = [];
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
            refs = source.list(r.image.digest).then(
              (ds) => Promise.all(
                ds.map(async (d) => ({
                  type: d.artifactType,
                  digest: d.digest,
                  layer: await source.layer(d.digest)
                }))
              )
            );
            listed.set(r.image.reference, refs);
          }
          const have = await refs;
          const of = (t) => have.filter((x) => x.type === t && x.layer);
          const missing = [];
          if (!of(ArtifactType.evaluationRecord).some((x) => x.layer === r.evaluation.record))
            missing.push(`the evaluation record ${r.evaluation.record}`);
          if (!await promotionAttached(of(ArtifactType.promotionRecord), e.digest, source))
            missing.push(`the promotion record ${e.digest}`);
          if (of(ArtifactType.modelCard).length === 0) missing.push("the model card");
          out.push({ ...probe, reference: r.image.reference, missing });
        } catch (err) {
          out.push({ ...probe, reference: r.image.reference, missing: [], error: err.message });
        }
      }
    }
  } finally {
    close();
  }
  return out;
}
async function promotionAttached(refs, digest, source) {
  if (refs.some((x) => x.layer === digest)) return true;
  for (const x of refs) {
    const bytes = x.layer ? await source.blob(x.layer) : void 0;
    try {
      if (bytes && recordDigest(JSON.parse(bytes.toString("utf8"))) === digest) return true;
    } catch {
    }
  }
  return false;
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

export { probeImages, probeReferrers };
