import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  keyHint
} from "./chunk-MJDZF2F3.js";
import {
  require_dist
} from "./chunk-AWCHZ6SK.js";
import {
  external_exports
} from "./chunk-M65JNBWF.js";
import {
  UserError
} from "./chunk-VPZGVLTG.js";
import {
  __toESM
} from "./chunk-CCN2QAD7.js";

// src/attest/trust.ts
var import_yaml = __toESM(require_dist(), 1);
import { createPublicKey } from "node:crypto";
import { readFileSync } from "node:fs";
var trustPolicySchema = external_exports.strictObject({
  apiVersion: external_exports.literal("modelgate.dev/v1alpha1"),
  kind: external_exports.literal("TrustPolicy"),
  publicKeys: external_exports.array(external_exports.strictObject({ name: external_exports.string().min(1), pem: external_exports.string().min(1) })).default([]).describe("ECDSA P-256 public keys (PEM) whose signatures count, each with a name for messages."),
  trustedRoot: external_exports.string().optional().describe("A Sigstore trusted root (JSON file, relative to this file) for keyless signatures."),
  identities: external_exports.array(
    external_exports.strictObject({
      issuer: external_exports.string().default("https://token.actions.githubusercontent.com"),
      subject: external_exports.string().describe("The certificate's subject alternative name, or /a regular expression/.")
    })
  ).default([]).describe("The keyless signer identities allowed (any one of them).")
});
function parseTrustPolicy(text, file, readRelative) {
  let raw;
  try {
    raw = (0, import_yaml.parse)(text);
  } catch (err) {
    throw new UserError(
      `${file} is not YAML or JSON (${err.message.split("\n")[0]}); see the README's "Signed provenance"`
    );
  }
  const r = trustPolicySchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new UserError(
      `${file}: ${i.path.join(".") || "(top)"}: ${i.message}; a trust policy has apiVersion: modelgate.dev/v1alpha1, kind: TrustPolicy, publicKeys and/or trustedRoot + identities`
    );
  }
  const keys = /* @__PURE__ */ new Map();
  for (const k of r.data.publicKeys) {
    let key;
    try {
      key = createPublicKey(k.pem);
    } catch (err) {
      throw new UserError(`${file}: publicKeys "${k.name}" is not a PEM public key (${err.message})`);
    }
    keys.set(keyHint(key), { name: k.name, key });
  }
  let trustedRoot;
  if (r.data.trustedRoot) {
    try {
      trustedRoot = JSON.parse(readRelative(r.data.trustedRoot));
    } catch (err) {
      throw new UserError(
        `${file}: trustedRoot ${r.data.trustedRoot} cannot be read as JSON (${err.message}); write it with \`gh attestation trusted-root > ${r.data.trustedRoot}\``
      );
    }
    if (r.data.identities.length === 0) {
      throw new UserError(
        `${file}: a trustedRoot without identities would accept any signer with a certificate; list the workflows allowed under identities`
      );
    }
  }
  if (keys.size === 0 && !trustedRoot) {
    throw new UserError(`${file} trusts nobody: list publicKeys, or a trustedRoot with identities`);
  }
  return { file, policy: r.data, keys, ...trustedRoot ? { trustedRoot } : {} };
}
function readTrustPolicy(file) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new UserError(
      `cannot read the trust policy ${file} (${err.code ?? err.message})`
    );
  }
  const dir = file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : ".";
  return parseTrustPolicy(text, file, (p) => readFileSync(p.startsWith("/") ? p : `${dir}/${p}`, "utf8"));
}

export {
  readTrustPolicy
};
