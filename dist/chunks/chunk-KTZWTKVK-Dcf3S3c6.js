import { createRequire } from 'node:module';
import { k as keyHint } from './chunk-YOBALZSW-B141agpR.js';
import { r as require_dist, e as external_exports } from './hot-plan-YWGJn6IT.js';
import { c as __toESM, U as UserError } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';

const require$1 = createRequire(import.meta.url);

// src/attest/trust.ts
var import_yaml = __toESM(require_dist(), 1);
var trustPolicySchema = external_exports.strictObject({
  apiVersion: external_exports.literal("modelgate.dev/v1alpha1"),
  kind: external_exports.literal("TrustPolicy"),
  publicKeys: external_exports.array(external_exports.strictObject({ name: external_exports.string().min(1), pem: external_exports.string().min(1) })).default([]).describe("ECDSA P-256 public keys (PEM) whose signatures count, each with a name for messages."),
  trustedRoot: external_exports.string().optional().describe(
    "A Sigstore trusted root for keyless signatures (a file relative to this one): JSON, or the JSON lines `gh attestation trusted-root` prints (Sigstore's public instance and GitHub's)."
  ),
  transparencyLog: external_exports.enum(["required", "optional"]).default("required").describe(
    "required: a keyless signature must be logged in a transparency log of the trusted root (Rekor) and its certificate carry a CT timestamp, as Sigstore's public instance gives; optional: a signed timestamp (a timestamp authority's, as GitHub's instance for private repositories gives, or a log's) is enough."
  ),
  identities: external_exports.array(
    external_exports.strictObject({
      issuer: external_exports.string().default("https://token.actions.githubusercontent.com"),
      subject: external_exports.string().describe(
        "The certificate's subject alternative name, or /a regular expression/: the workflow file at its ref whose job signed (in a reusable-workflow run, the called workflow)."
      ),
      repository: external_exports.string().optional().describe(
        "OWNER/REPO (or its URL) whose workflow run signed: the certificate's Source Repository URI. Needed with a reusable workflow, whose subject names the called workflow's repository, which any repository can call."
      ),
      ref: external_exports.string().optional().describe("The ref that run was on (the certificate's Source Repository Ref), e.g. refs/heads/main.")
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
    if (r.data.identities.length === 0) {
      throw new UserError(
        `${file}: a trustedRoot without identities would accept any signer with a certificate; list the workflows allowed under identities`
      );
    }
    try {
      trustedRoot = parseTrustedRoot(readRelative(r.data.trustedRoot));
    } catch (err) {
      throw new UserError(
        `${file}: trustedRoot ${r.data.trustedRoot} cannot be read as a Sigstore trusted root (${err.message}); write it with \`gh attestation trusted-root > ${r.data.trustedRoot}\``
      );
    }
  }
  if (keys.size === 0 && !trustedRoot) {
    throw new UserError(`${file} trusts nobody: list publicKeys, or a trustedRoot with identities`);
  }
  return { file, policy: r.data, keys, ...trustedRoot ? { trustedRoot } : {} };
}
var ROOT_LISTS = ["tlogs", "certificateAuthorities", "ctlogs", "timestampAuthorities"];
function parseTrustedRoot(text) {
  let roots;
  try {
    roots = [JSON.parse(text)];
  } catch (whole) {
    const lines = text.split("\n").filter((l) => l.trim() !== "");
    if (lines.length < 2) throw whole;
    roots = lines.map((l, i) => {
      try {
        return JSON.parse(l);
      } catch (err) {
        throw new Error(`line ${i + 1}: ${err.message}`);
      }
    });
  }
  for (const [i, root] of roots.entries()) {
    if (typeof root !== "object" || root === null || !ROOT_LISTS.some((k) => Array.isArray(root[k])))
      throw new Error(
        `${roots.length > 1 ? `line ${i + 1}` : "it"} is not a Sigstore trusted root (no certificateAuthorities, tlogs\u2026)`
      );
  }
  const merged = { mediaType: roots[0].mediaType };
  for (const k of ROOT_LISTS) merged[k] = roots.flatMap((r) => Array.isArray(r[k]) ? r[k] : []);
  return merged;
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

export { parseTrustedRoot as a, parseTrustPolicy as p, readTrustPolicy as r, trustPolicySchema as t };
