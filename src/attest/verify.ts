import { X509Certificate } from "node:crypto";
import { bundleFromJSON } from "@sigstore/bundle";
import { TrustedRoot } from "@sigstore/protobuf-specs";
import { type Signer, toSignedEntity, toTrustMaterial, Verifier } from "@sigstore/verify";
import type { LedgerEntry } from "../ledger/ledger.ts";
import { checkRecordAttestationWith } from "./check.ts";
import { PAYLOAD_TYPE, type Statement } from "./statement.ts";
import { statementSchema } from "./statement-schema.ts";
import type { LoadedTrust, TrustPolicy } from "./trust.ts";

/**
 * Verifying a Sigstore bundle against a trust policy with @sigstore/verify: the DSSE signature, the signer (a
 * trusted public key by its hint, or a certificate chaining to the trusted root, valid when the signature was made —
 * the transparency log's integrated time or a timestamp authority's time — whose workflow identity the policy
 * allows), then the payload read as an in-toto Statement. The caller then compares the statement's subjects and
 * predicate with the record and image in front of it, byte for byte.
 */

export type Verified = { ok: true; statement: Statement; signer: string } | { ok: false; reason: string };

const EMPTY_ROOT = {
  mediaType: "application/vnd.dev.sigstore.trustedroot+json;version=0.1",
  tlogs: [],
  certificateAuthorities: [],
  ctlogs: [],
  timestampAuthorities: [],
};

/** The workflow identity a Fulcio certificate carries (https://github.com/sigstore/fulcio/blob/main/docs/oid-info.md). */
export interface CertificateIdentity {
  /** The subject alternative name: the workflow whose job signed, at its ref (the called one, in a reusable run). */
  subject: string;
  issuer?: string;
  /** Source Repository URI (1.3.6.1.4.1.57264.1.12): the repository whose run signed. */
  repository?: string;
  /** Source Repository Ref (1.3.6.1.4.1.57264.1.14): the ref that run was on. */
  ref?: string;
}

const FULCIO = "1.3.6.1.4.1.57264.1.";

/** An extension's text: DER UTF8String for Fulcio's extensions from .8 on, raw bytes for the older ones. */
function extensionText(value: Buffer, oid: string): string {
  const n = Number(oid.slice(FULCIO.length));
  if (n < 8 || value[0] !== 0x0c) return value.toString("utf8");
  let len = value[1];
  let at = 2;
  if (len & 0x80) {
    const bytes = len & 0x7f;
    len = value.subarray(2, 2 + bytes).reduce((a, b) => a * 256 + b, 0);
    at = 2 + bytes;
  }
  return value.subarray(at, at + len).toString("utf8");
}

function certificateIdentity(signer: Signer): CertificateIdentity {
  const ext = new Map(
    (signer.identity?.oids ?? []).map((o) => {
      const oid = (o.oid?.id ?? []).join(".");
      return [oid, extensionText(Buffer.from(o.value), oid)] as const;
    }),
  );
  const legacyRepo = ext.get(`${FULCIO}5`);
  return {
    subject: signer.identity?.subjectAlternativeName ?? "",
    ...(signer.identity?.extensions?.issuer ? { issuer: signer.identity.extensions.issuer } : {}),
    ...(ext.get(`${FULCIO}12`) || legacyRepo
      ? { repository: ext.get(`${FULCIO}12`) ?? `https://github.com/${legacyRepo}` }
      : {}),
    ...(ext.get(`${FULCIO}14`) || ext.get(`${FULCIO}6`)
      ? { ref: ext.get(`${FULCIO}14`) ?? ext.get(`${FULCIO}6`) }
      : {}),
  };
}

type AllowedIdentity = TrustPolicy["identities"][number];

/** A repository as the certificate names it: `OWNER/REPO` is on github.com. */
const repositoryUrl = (r: string) => (/^https?:\/\//.test(r) ? r : `https://github.com/${r}`);

/** Why `id` is not `allowed` (undefined: it is). */
function identityMismatch(allowed: AllowedIdentity, id: CertificateIdentity): string | undefined {
  const m = /^\/(.*)\/$/.exec(allowed.subject);
  const subjectOk = m ? new RegExp(m[1]).test(id.subject) : id.subject === allowed.subject;
  if (!subjectOk) return `its subject is ${id.subject}, not ${allowed.subject}`;
  if (id.issuer !== allowed.issuer) return `its issuer is ${id.issuer ?? "not named"}, not ${allowed.issuer}`;
  if (allowed.repository && id.repository?.toLowerCase() !== repositoryUrl(allowed.repository).toLowerCase())
    return `it was signed by a run of ${id.repository ?? "an unnamed repository"}, not of ${repositoryUrl(allowed.repository)}`;
  if (allowed.ref && id.ref !== allowed.ref)
    return `it was signed by a run on ${id.ref ?? "no named ref"}, not on ${allowed.ref}`;
  return undefined;
}

const describe = (id: CertificateIdentity) =>
  `${id.subject}${id.repository ? ` (a run of ${id.repository}${id.ref ? ` on ${id.ref}` : ""})` : ""}`;

/** The messages of an error and its causes, as @sigstore/verify nests them. */
function causes(err: unknown): string {
  const out: string[] = [];
  for (let e = err as { message?: string; cause?: unknown } | undefined; e && out.length < 4; e = e.cause as never)
    if (e.message) out.push(e.message);
  return out.join(": ");
}

/** A certificate's validity against the times the bundle says it was signed at (the log's integrated times). */
function expiryNote(bundle: ReturnType<typeof bundleFromJSON>): string | undefined {
  const m = bundle.verificationMaterial.content;
  const raw =
    m?.$case === "certificate"
      ? m.certificate.rawBytes
      : m?.$case === "x509CertificateChain"
        ? m.x509CertificateChain.certificates[0]?.rawBytes
        : undefined;
  if (!raw) return undefined;
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(Buffer.from(raw));
  } catch {
    return undefined;
  }
  const from = new Date(cert.validFrom);
  const to = new Date(cert.validTo);
  const outside = bundle.verificationMaterial.tlogEntries
    .map((e) => new Date(Number(e.integratedTime) * 1000))
    .filter((t) => t < from || t > to);
  if (outside.length === 0) return undefined;
  const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");
  return `its certificate was valid from ${iso(from)} to ${iso(to)}, but the transparency log integrated the signature at ${iso(outside[0])}: signed outside the certificate's validity`;
}

function verifyKeyless(bundle: ReturnType<typeof bundleFromJSON>, trust: LoadedTrust): Verified | { signer: string } {
  if (!trust.trustedRoot) return { ok: false, reason: "signed keylessly, but the trust policy has no trustedRoot" };
  const requireLog = trust.policy.transparencyLog === "required";
  if (requireLog && bundle.verificationMaterial.tlogEntries.length === 0) {
    return {
      ok: false,
      reason: `a keyless signature with no transparency-log entry, which ${trust.file} requires (transparencyLog: required; GitHub's instance for private repositories logs nowhere public: set transparencyLog: optional to accept its signed timestamps instead)`,
    };
  }
  let signer: Signer;
  try {
    const tm = toTrustMaterial(TrustedRoot.fromJSON(trust.trustedRoot));
    // required: a Rekor entry and an embedded SCT, as Sigstore's public instance gives (gh attestation verify asks
    // the same of it); optional: a signed timestamp (the log's or a timestamp authority's) is enough, as GitHub's
    signer = new Verifier(tm, {
      tlogThreshold: requireLog ? 1 : 0,
      ctlogThreshold: requireLog ? 1 : 0,
      timestampThreshold: 1,
    }).verify(toSignedEntity(bundle));
  } catch (err) {
    const why = causes(err);
    const expired = expiryNote(bundle);
    if (expired) return { ok: false, reason: `${expired} (${why})` };
    if (/expired/.test(why))
      return { ok: false, reason: `its certificate was not valid when the signature was timestamped (${why})` };
    if (/certificate chain|certificate path/.test(why))
      return {
        ok: false,
        reason: `a certificate that does not chain to a certificate authority of ${trust.file}'s trusted root (${why})`,
      };
    return { ok: false, reason: `the signature does not verify (${why})` };
  }
  const id = certificateIdentity(signer);
  const mismatches = trust.policy.identities.map((a) => identityMismatch(a, id));
  if (mismatches.every((x) => x !== undefined)) {
    const closest = mismatches.find((x) => !x?.startsWith("its subject")) ?? mismatches[0];
    return {
      ok: false,
      reason: `signed by ${describe(id)}, an identity ${trust.file} does not allow (${closest})`,
    };
  }
  return { signer: `certificate of ${describe(id)}` };
}

export function verifyBundle(bundleJson: unknown, trust: LoadedTrust): Verified {
  let bundle: ReturnType<typeof bundleFromJSON>;
  try {
    bundle = bundleFromJSON(bundleJson);
  } catch (err) {
    return { ok: false, reason: `not a Sigstore bundle (${(err as Error).message})` };
  }
  if (bundle.content.$case !== "dsseEnvelope") return { ok: false, reason: "the bundle holds no DSSE envelope" };
  const envelope = bundle.content.dsseEnvelope;
  if (envelope.payloadType !== PAYLOAD_TYPE) {
    return { ok: false, reason: `payload type ${envelope.payloadType}, expected ${PAYLOAD_TYPE}` };
  }
  const material = bundle.verificationMaterial.content;
  let signer: string;
  if (material?.$case === "publicKey") {
    const hint = material.publicKey.hint;
    const known = trust.keys.get(hint);
    if (!known)
      return { ok: false, reason: `signed with a key the trust policy does not hold (hint ${hint.slice(0, 16)}…)` };
    try {
      const tm = toTrustMaterial(TrustedRoot.fromJSON(EMPTY_ROOT), (h: string) => {
        const k = trust.keys.get(h);
        if (!k) throw new Error(`no key with hint ${h}`);
        return { publicKey: k.key, validFor: () => true };
      });
      new Verifier(tm, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 }).verify(toSignedEntity(bundle));
    } catch (err) {
      return { ok: false, reason: `the signature does not verify (${causes(err)})` };
    }
    signer = `key "${known.name}"`;
  } else {
    const k = verifyKeyless(bundle, trust);
    if ("ok" in k) return k;
    signer = k.signer;
  }
  let statement: Statement;
  try {
    const parsed = statementSchema.safeParse(JSON.parse(envelope.payload.toString("utf8")));
    if (!parsed.success)
      return { ok: false, reason: `the payload is not an in-toto Statement v1 (${parsed.error.issues[0].message})` };
    statement = parsed.data;
  } catch (err) {
    return { ok: false, reason: `the payload is not JSON (${(err as Error).message})` };
  }
  return { ok: true, statement, signer };
}

/**
 * Whether a promotion record is attested as it must be, against a trust policy (./check.ts says how), with this
 * file's verifyBundle: a caller that imports it loads @sigstore/verify.
 */
export function checkRecordAttestation(
  ledgerPath: string,
  e: LedgerEntry,
  readBundle: (path: string) => string | undefined,
  trust: LoadedTrust,
): ReturnType<typeof checkRecordAttestationWith> {
  return checkRecordAttestationWith(verifyBundle, ledgerPath, e, readBundle, trust);
}
