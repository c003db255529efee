import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  normalStatement,
  recordBody,
  recordStatements,
  statementDigest
} from "./chunk-A7JWPJBF.js";
import {
  attestationPathBeside
} from "./chunk-ES2OW2N4.js";
import {
  canonicalJson
} from "./chunk-XKBXOX3L.js";

// src/attest/check.ts
function bundlePaths(ledgerPath, e) {
  return (e.record.attestation?.statements ?? []).map((s) => attestationPathBeside(ledgerPath, s.digest.slice(7)));
}
function statementDifference(signed, expected) {
  const sub = (s) => s.subject.map((x) => `${x.name}@sha256:${x.digest.sha256}`).sort().join(", ");
  if (sub(signed) !== sub(expected)) return `it signs the subjects ${sub(signed)}, the record names ${sub(expected)}`;
  if (signed.predicateType !== expected.predicateType)
    return `its predicate type is ${signed.predicateType}, expected ${expected.predicateType}`;
  const a = signed.predicate;
  const b = expected.predicate;
  const keys = [.../* @__PURE__ */ new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const differ = keys.filter((k) => canonicalJson(a[k] ?? null) !== canonicalJson(b[k] ?? null));
  return `its predicate differs from the record in ${differ.join(", ") || "its canonical form"}`;
}
function checkRecordAttestationWith(verifyBundle, ledgerPath, e, readBundle, trust) {
  const r = e.record;
  const what = `record #${r.sequence} (${r.action} ${r.model.version} to ${r.environment})`;
  if (!r.attestation) {
    return {
      problems: [
        {
          kind: "unsigned",
          message: `${what} is not attested: no signed Statement covers it, so anyone with push access could have written it`,
          expected: `a Statement signed by a key or identity of ${trust.file} (publish and release with --signing-key, or in Actions with actions/attest)`
        }
      ],
      attested: []
    };
  }
  const expected = recordStatements(recordBody(r), r.attestation);
  const problems = [];
  const attested = [];
  const named = r.attestation.statements;
  const want = new Map(expected.map((s) => [s.predicateType, s]));
  for (const s of expected) {
    if (!named.some((n) => n.predicateType === s.predicateType)) {
      problems.push({
        kind: "unsigned",
        message: `${what} names no ${s.predicateType} Statement`,
        expected: `its attestation block names a ${s.predicateType} Statement`
      });
    }
  }
  for (const n of named) {
    const path = attestationPathBeside(ledgerPath, n.digest.slice(7));
    const exp = want.get(n.predicateType);
    const text = readBundle(path);
    if (text === void 0) {
      problems.push({
        kind: "missing",
        path,
        message: `${what} names the ${n.predicateType} Statement ${n.digest}, but ${path} is not there`,
        expected: `its signed bundle at ${path}`
      });
      continue;
    }
    let json;
    try {
      json = JSON.parse(text);
    } catch (err) {
      problems.push({
        kind: "untrusted",
        path,
        message: `${path} is not JSON (${err.message})`,
        expected: "a Sigstore bundle"
      });
      continue;
    }
    const v = verifyBundle(json, trust);
    if (!v.ok) {
      problems.push({
        kind: "untrusted",
        path,
        message: `${what}: ${path} is ${v.reason}`,
        expected: `a signature by a key or identity that ${trust.file} allows`
      });
      continue;
    }
    if (exp && n.digest !== statementDigest(exp)) {
      problems.push({
        kind: "mismatch",
        path,
        message: `${what} names the ${n.predicateType} Statement ${n.digest}, but the Statement built from the record is ${statementDigest(exp)}`,
        expected: "the digests of the Statements built from the record"
      });
      continue;
    }
    if (!exp || normalStatement(v.statement) !== normalStatement(exp)) {
      problems.push({
        kind: "mismatch",
        path,
        message: `${what}: the Statement ${path} signs is not this record's: ${exp ? statementDifference(v.statement, exp) : `no ${n.predicateType} Statement belongs to a ${r.action} record`}`,
        expected: "the Statement built from the record (its image and model digests, its predicate), byte for byte"
      });
      continue;
    }
    attested.push({ predicateType: n.predicateType, path, signer: v.signer });
  }
  return { problems, attested };
}

export {
  bundlePaths,
  checkRecordAttestationWith
};
