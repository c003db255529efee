import { bundleFromJSON } from "@sigstore/bundle";
import { TrustedRoot } from "@sigstore/protobuf-specs";
import { toSignedEntity, toTrustMaterial, Verifier, type VerificationPolicy } from "@sigstore/verify";
import { PAYLOAD_TYPE, type Statement, statementSchema } from "./statement.ts";
import type { LoadedTrust } from "./trust.ts";

/**
 * Verifying a Sigstore bundle against a trust policy with @sigstore/verify: the DSSE signature, the signer (a
 * trusted public key by its hint, or a certificate chaining to the trusted root whose identity the policy allows,
 * logged in the transparency log), then the payload read as an in-toto Statement. The caller then compares the
 * statement's subjects and predicate with the record and image in front of it, byte for byte.
 */

export type Verified = { ok: true; statement: Statement; signer: string } | { ok: false; reason: string };

const EMPTY_ROOT = {
  mediaType: "application/vnd.dev.sigstore.trustedroot+json;version=0.1",
  tlogs: [],
  certificateAuthorities: [],
  ctlogs: [],
  timestampAuthorities: [],
};

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
  try {
    if (material?.$case === "publicKey") {
      const hint = material.publicKey.hint;
      const known = trust.keys.get(hint);
      if (!known)
        return { ok: false, reason: `signed with a key the trust policy does not hold (hint ${hint.slice(0, 16)}…)` };
      const tm = toTrustMaterial(TrustedRoot.fromJSON(EMPTY_ROOT), (h: string) => {
        const k = trust.keys.get(h);
        if (!k) throw new Error(`no key with hint ${h}`);
        return { publicKey: k.key, validFor: () => true };
      });
      new Verifier(tm, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 }).verify(toSignedEntity(bundle));
      signer = `key "${known.name}"`;
    } else {
      if (!trust.trustedRoot) return { ok: false, reason: "signed keylessly, but the trust policy has no trustedRoot" };
      const tm = toTrustMaterial(TrustedRoot.fromJSON(trust.trustedRoot));
      const verifier = new Verifier(tm);
      const failures: string[] = [];
      let matched: string | undefined;
      for (const id of trust.policy.identities) {
        const m = /^\/(.*)\/$/.exec(id.subject);
        const policy: VerificationPolicy = {
          subjectAlternativeName: m ? new RegExp(m[1]) : id.subject,
          extensions: { issuer: id.issuer },
        };
        try {
          const s = verifier.verify(toSignedEntity(bundle), policy);
          matched = s.identity?.subjectAlternativeName ?? id.subject;
          break;
        } catch (err) {
          failures.push((err as Error).message);
        }
      }
      if (!matched)
        return { ok: false, reason: `no allowed identity signed it (${failures.at(-1) ?? "no identities"})` };
      signer = `certificate of ${matched}`;
    }
  } catch (err) {
    return { ok: false, reason: `the signature does not verify (${(err as Error).message})` };
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
