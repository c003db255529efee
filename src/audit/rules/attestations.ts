import { checkRecordAttestation } from "../../attest/check.ts";
import { type EntryRule, finding } from "./context.ts";

/**
 * attestation-missing, attestation-untrusted, attestation-mismatch (with --trust): every promotion record is attested
 * by Statements signed by a key or identity the trust policy allows, filed beside its ledger, whose subjects (the
 * image and model digests) and predicate are, byte for byte, those built again from the record. A record appended by
 * someone with push access but not signed, or signed with another key, or a payload about another image, is a gap.
 */
export const recordAttested: EntryRule = (facts, { view, entry }) => {
  const trust = facts.trust;
  if (!trust) return [];
  const read = (path: string) => facts.blobs.get(`${facts.snap.tip}:${path}`)?.toString("utf8");
  const { problems } = checkRecordAttestation(view.path, entry, read, trust);
  return problems.map((p) =>
    finding(
      p.kind === "mismatch"
        ? "attestation-mismatch"
        : p.kind === "untrusted"
          ? "attestation-untrusted"
          : "attestation-missing",
      { model: view.model, entry, path: p.path ?? view.path },
      p.message,
      p.expected,
    ),
  );
};
