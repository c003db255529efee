import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/attest/key.ts
import { createHash } from "node:crypto";
var BUNDLE_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";
function keyHint(key) {
  return createHash("sha256").update(key.export({ type: "spki", format: "der" })).digest("hex");
}

export {
  BUNDLE_MEDIA_TYPE,
  keyHint
};
