import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';

const require$1 = createRequire(import.meta.url);
var BUNDLE_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";
function keyHint(key) {
  return createHash("sha256").update(key.export({ type: "spki", format: "der" })).digest("hex");
}

export { BUNDLE_MEDIA_TYPE as B, keyHint as k };
