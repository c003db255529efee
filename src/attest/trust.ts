import { createPublicKey, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { UserError } from "../errors.ts";
import { keyHint } from "./key.ts";

/**
 * A trust policy: whose signatures `audit verify --trust FILE` accepts. Offline: public keys (PEM). Keyless (GitHub
 * Actions): a Sigstore trusted root (`gh attestation trusted-root` prints one) and the signer identities allowed —
 * the certificate's issuer and its subject (the workflow file at a ref, e.g.
 * `https://github.com/OWNER/REPO/.github/workflows/modelgate-publish.yml@refs/heads/main`).
 */
export const trustPolicySchema = z.strictObject({
  apiVersion: z.literal("modelgate.dev/v1alpha1"),
  kind: z.literal("TrustPolicy"),
  publicKeys: z
    .array(z.strictObject({ name: z.string().min(1), pem: z.string().min(1) }))
    .default([])
    .describe("ECDSA P-256 public keys (PEM) whose signatures count, each with a name for messages."),
  trustedRoot: z
    .string()
    .optional()
    .describe("A Sigstore trusted root (JSON file, relative to this file) for keyless signatures."),
  identities: z
    .array(
      z.strictObject({
        issuer: z.string().default("https://token.actions.githubusercontent.com"),
        subject: z.string().describe("The certificate's subject alternative name, or /a regular expression/."),
      }),
    )
    .default([])
    .describe("The keyless signer identities allowed (any one of them)."),
});
export type TrustPolicy = z.infer<typeof trustPolicySchema>;

export interface LoadedTrust {
  file: string;
  policy: TrustPolicy;
  /** The allowed public keys by hint (hex SHA-256 of the SPKI DER). */
  keys: Map<string, { name: string; key: KeyObject }>;
  /** The trusted root's JSON, when keyless signatures are allowed. */
  trustedRoot?: unknown;
}

export function parseTrustPolicy(text: string, file: string, readRelative: (p: string) => string): LoadedTrust {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new UserError(
      `${file} is not YAML or JSON (${(err as Error).message.split("\n")[0]}); see the README's "Signed provenance"`,
    );
  }
  const r = trustPolicySchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new UserError(
      `${file}: ${i.path.join(".") || "(top)"}: ${i.message}; a trust policy has apiVersion: modelgate.dev/v1alpha1, kind: TrustPolicy, publicKeys and/or trustedRoot + identities`,
    );
  }
  const keys = new Map<string, { name: string; key: KeyObject }>();
  for (const k of r.data.publicKeys) {
    let key: KeyObject;
    try {
      key = createPublicKey(k.pem);
    } catch (err) {
      throw new UserError(`${file}: publicKeys "${k.name}" is not a PEM public key (${(err as Error).message})`);
    }
    keys.set(keyHint(key), { name: k.name, key });
  }
  let trustedRoot: unknown;
  if (r.data.trustedRoot) {
    try {
      trustedRoot = JSON.parse(readRelative(r.data.trustedRoot));
    } catch (err) {
      throw new UserError(
        `${file}: trustedRoot ${r.data.trustedRoot} cannot be read as JSON (${(err as Error).message}); write it with \`gh attestation trusted-root > ${r.data.trustedRoot}\``,
      );
    }
    if (r.data.identities.length === 0) {
      throw new UserError(
        `${file}: a trustedRoot without identities would accept any signer with a certificate; list the workflows allowed under identities`,
      );
    }
  }
  if (keys.size === 0 && !trustedRoot) {
    throw new UserError(`${file} trusts nobody: list publicKeys, or a trustedRoot with identities`);
  }
  return { file, policy: r.data, keys, ...(trustedRoot ? { trustedRoot } : {}) };
}

export function readTrustPolicy(file: string): LoadedTrust {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new UserError(
      `cannot read the trust policy ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    );
  }
  const dir = file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : ".";
  return parseTrustPolicy(text, file, (p) => readFileSync(p.startsWith("/") ? p : `${dir}/${p}`, "utf8"));
}
