import { canonicalJson } from "../ledger/canonical.ts";
import { attestationPathBeside, type LedgerEntry } from "../ledger/read.ts";
import { normalStatement, recordBody, recordStatements, statementDigest } from "./promotion.ts";
import type { Statement } from "./statement.ts";
import type { LoadedTrust } from "./trust.ts";

/** ./verify.ts's verifyBundle, passed in: @sigstore/verify is loaded only by a caller that verifies signatures. */
export type BundleVerifier = (
  bundleJson: unknown,
  trust: LoadedTrust,
) => { ok: true; statement: Statement; signer: string } | { ok: false; reason: string };

/**
 * Whether a promotion record is attested as it must be, against a trust policy: it names its Statements, each has a
 * bundle beside the ledger, each bundle's signature verifies with a key or identity the policy allows, and each
 * signed payload is, byte for byte (in canonical form), the Statement built again from the record in git (same
 * subjects: the image and model digests the record names; same predicate). Pure: the bundles are read by the caller.
 */

export interface AttestationProblem {
  /** unsigned: no attestation at all; untrusted: no valid signature from an allowed signer; mismatch: the signed
   * payload is not this record's (another subject, another predicate); missing: a named bundle is not there. */
  kind: "unsigned" | "untrusted" | "mismatch" | "missing";
  /** The bundle's path, when the problem is about one. */
  path?: string;
  message: string;
  expected: string;
}

export interface Attested {
  predicateType: string;
  path: string;
  signer: string;
}

/** The bundle paths a record names (beside its ledger), in its attestation block's order. */
export function bundlePaths(ledgerPath: string, e: LedgerEntry): string[] {
  return (e.record.attestation?.statements ?? []).map((s) => attestationPathBeside(ledgerPath, s.digest.slice(7)));
}

/** A short account of where two Statements differ: the subjects first, then the predicate's fields. */
export function statementDifference(signed: Statement, expected: Statement): string {
  const sub = (s: Statement) =>
    s.subject
      .map((x) => `${x.name}@sha256:${x.digest.sha256}`)
      .sort()
      .join(", ");
  if (sub(signed) !== sub(expected)) return `it signs the subjects ${sub(signed)}, the record names ${sub(expected)}`;
  if (signed.predicateType !== expected.predicateType)
    return `its predicate type is ${signed.predicateType}, expected ${expected.predicateType}`;
  const a = signed.predicate;
  const b = expected.predicate;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const differ = keys.filter((k) => canonicalJson(a[k] ?? null) !== canonicalJson(b[k] ?? null));
  return `its predicate differs from the record in ${differ.join(", ") || "its canonical form"}`;
}

/** checkRecordAttestation (./verify.ts) with the bundle verifier given. */
export function checkRecordAttestationWith(
  verifyBundle: BundleVerifier,
  ledgerPath: string,
  e: LedgerEntry,
  readBundle: (path: string) => string | undefined,
  trust: LoadedTrust,
): { problems: AttestationProblem[]; attested: Attested[] } {
  const r = e.record;
  const what = `record #${r.sequence} (${r.action} ${r.model.version} to ${r.environment})`;
  if (!r.attestation) {
    return {
      problems: [
        {
          kind: "unsigned",
          message: `${what} is not attested: no signed Statement covers it, so anyone with push access could have written it`,
          expected: `a Statement signed by a key or identity of ${trust.file} (publish and release with --signing-key, or in Actions with actions/attest)`,
        },
      ],
      attested: [],
    };
  }
  const expected = recordStatements(recordBody(r), r.attestation);
  const problems: AttestationProblem[] = [];
  const attested: Attested[] = [];
  const named = r.attestation.statements;
  const want = new Map(expected.map((s) => [s.predicateType, s]));
  for (const s of expected) {
    if (!named.some((n) => n.predicateType === s.predicateType)) {
      problems.push({
        kind: "unsigned",
        message: `${what} names no ${s.predicateType} Statement`,
        expected: `its attestation block names a ${s.predicateType} Statement`,
      });
    }
  }
  for (const n of named) {
    const path = attestationPathBeside(ledgerPath, n.digest.slice(7));
    const exp = want.get(n.predicateType);
    const text = readBundle(path);
    if (text === undefined) {
      problems.push({
        kind: "missing",
        path,
        message: `${what} names the ${n.predicateType} Statement ${n.digest}, but ${path} is not there`,
        expected: `its signed bundle at ${path}`,
      });
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      problems.push({
        kind: "untrusted",
        path,
        message: `${path} is not JSON (${(err as Error).message})`,
        expected: "a Sigstore bundle",
      });
      continue;
    }
    const v = verifyBundle(json, trust);
    if (!v.ok) {
      problems.push({
        kind: "untrusted",
        path,
        message: `${what}: ${path} is ${v.reason}`,
        expected: `a signature by a key or identity that ${trust.file} allows`,
      });
      continue;
    }
    if (exp && n.digest !== statementDigest(exp)) {
      problems.push({
        kind: "mismatch",
        path,
        message: `${what} names the ${n.predicateType} Statement ${n.digest}, but the Statement built from the record is ${statementDigest(exp)}`,
        expected: "the digests of the Statements built from the record",
      });
      continue;
    }
    if (!exp || normalStatement(v.statement) !== normalStatement(exp)) {
      problems.push({
        kind: "mismatch",
        path,
        message: `${what}: the Statement ${path} signs is not this record's: ${exp ? statementDifference(v.statement, exp) : `no ${n.predicateType} Statement belongs to a ${r.action} record`}`,
        expected: "the Statement built from the record (its image and model digests, its predicate), byte for byte",
      });
      continue;
    }
    attested.push({ predicateType: n.predicateType, path, signer: v.signer });
  }
  return { problems, attested };
}
