import { createRequire } from 'node:module';
import { b as bundleAttachment } from './chunk-YPELLATJ-DmrUE5hP.js';
import { i as imageName } from './hot-verify-CS61MYk-.js';
import { a as artifactManifest, r as readLayoutIndex, b as attachToLayout, p as parseReference, R as RegistryClient, c as registryCredentials, d as attachToRegistry } from './chunk-ULLVEJ36-CqSbsUH_.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const require$1 = createRequire(import.meta.url);
async function attachBundles(reference, digest, bundles, o) {
  if (bundles.length === 0) return "none";
  const artifacts = (subject) => bundles.map((b) => artifactManifest(subject, bundleAttachment(b.predicateType, b.digest.slice(7), b.text), o.at));
  const name = imageName(reference);
  if (name.startsWith(`${o.localRepository}/`)) {
    const subject = existsSync(join(o.layoutDir, "index.json")) ? (await readLayoutIndex(o.layoutDir)).manifests.find((m) => m.digest === digest) : void 0;
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
    log: o.log
  });
  try {
    const m = await client.getManifest(ref.repository, digest);
    if (!m) throw new Error(`${name}@${digest} is not in its registry`);
    const subject = { mediaType: m.mediaType, digest, size: m.bytes.byteLength };
    for (const a of artifacts(subject)) await attachToRegistry(client, ref.repository, a, subject);
  } finally {
    client.close();
  }
  return "registry";
}

export { attachBundles as a };
