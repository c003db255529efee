import { createHash, type KeyObject } from "node:crypto";

// The names signing and verifying share, apart from @sigstore/sign: a trust policy and the audit read them without
// loading the signer (and its HTTP stack).

/** The media type of a Sigstore bundle (v0.3), as an OCI referrer's artifact type. */
export const BUNDLE_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";

/** The hint a bundle names a public key by: hex SHA-256 of the key's DER (SPKI). */
export function keyHint(key: KeyObject): string {
  return createHash("sha256")
    .update(key.export({ type: "spki", format: "der" }))
    .digest("hex");
}
