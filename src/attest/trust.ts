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
    .describe(
      "A Sigstore trusted root for keyless signatures (a file relative to this one): JSON, or the JSON lines `gh attestation trusted-root` prints (Sigstore's public instance and GitHub's).",
    ),
  transparencyLog: z
    .enum(["required", "optional"])
    .default("required")
    .describe(
      "required: a keyless signature must be logged in a transparency log of the trusted root (Rekor) and its certificate carry a CT timestamp, as Sigstore's public instance gives; optional: a signed timestamp (a timestamp authority's, as GitHub's instance for private repositories gives, or a log's) is enough.",
    ),
  identities: z
    .array(
      z.strictObject({
        issuer: z.string().default("https://token.actions.githubusercontent.com"),
        subject: z
          .string()
          .describe(
            "The certificate's subject alternative name, or /a regular expression/: the workflow file at its ref whose job signed (in a reusable-workflow run, the called workflow).",
          ),
        repository: z
          .string()
          .optional()
          .describe(
            "OWNER/REPO (or its URL) whose workflow run signed: the certificate's Source Repository URI. Needed with a reusable workflow, whose subject names the called workflow's repository, which any repository can call.",
          ),
        ref: z
          .string()
          .optional()
          .describe("The ref that run was on (the certificate's Source Repository Ref), e.g. refs/heads/main."),
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
    if (r.data.identities.length === 0) {
      throw new UserError(
        `${file}: a trustedRoot without identities would accept any signer with a certificate; list the workflows allowed under identities`,
      );
    }
    try {
      trustedRoot = parseTrustedRoot(readRelative(r.data.trustedRoot));
    } catch (err) {
      throw new UserError(
        `${file}: trustedRoot ${r.data.trustedRoot} cannot be read as a Sigstore trusted root (${(err as Error).message}); write it with \`gh attestation trusted-root > ${r.data.trustedRoot}\``,
      );
    }
  }
  if (keys.size === 0 && !trustedRoot) {
    throw new UserError(`${file} trusts nobody: list publicKeys, or a trustedRoot with identities`);
  }
  return { file, policy: r.data, keys, ...(trustedRoot ? { trustedRoot } : {}) };
}

const ROOT_LISTS = ["tlogs", "certificateAuthorities", "ctlogs", "timestampAuthorities"] as const;

/**
 * A Sigstore trusted root from its file: one JSON document, or JSON lines — `gh attestation trusted-root` prints one
 * root per line (Sigstore's public instance, GitHub's) — merged into one root that trusts the authorities of each.
 */
export function parseTrustedRoot(text: string): Record<string, unknown> {
  let roots: Record<string, unknown>[];
  try {
    roots = [JSON.parse(text)];
  } catch (whole) {
    const lines = text.split("\n").filter((l) => l.trim() !== "");
    if (lines.length < 2) throw whole;
    roots = lines.map((l, i) => {
      try {
        return JSON.parse(l);
      } catch (err) {
        throw new Error(`line ${i + 1}: ${(err as Error).message}`);
      }
    });
  }
  for (const [i, root] of roots.entries()) {
    if (typeof root !== "object" || root === null || !ROOT_LISTS.some((k) => Array.isArray(root[k])))
      throw new Error(
        `${roots.length > 1 ? `line ${i + 1}` : "it"} is not a Sigstore trusted root (no certificateAuthorities, tlogs…)`,
      );
  }
  const merged: Record<string, unknown> = { mediaType: roots[0].mediaType };
  for (const k of ROOT_LISTS) merged[k] = roots.flatMap((r) => (Array.isArray(r[k]) ? r[k] : []));
  return merged;
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
