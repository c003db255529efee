import { checkRecordAttestationWith } from "../../attest/check.ts";
import { normalStatement, recordBody, recordStatements } from "../../attest/promotion.ts";
import { type EntryRule, finding, type HistoryRule } from "./context.ts";

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
  const { problems } = checkRecordAttestationWith(facts.verifyBundle, view.path, entry, read, trust);
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

/**
 * attestation-missing (with --registry and --trust): every image a record names carries, as an OCI referrer, a
 * bundle signed by an allowed signer over a Statement of a record that names that image — so a consumer reading the
 * registry alone (cosign, gh attestation verify --bundle-from-oci, an admission policy) finds the same proof.
 */
export const imagesAttested: HistoryRule = (facts) => {
  const trust = facts.trust;
  if (!trust || !facts.images) return [];
  const out = [];
  for (const probe of facts.images) {
    if (probe.missing !== undefined || probe.bundles === undefined) continue;
    const expected = new Set<string>();
    for (const view of facts.views.values())
      for (const e of view.entries)
        if (e.record.image.reference === probe.reference && e.record.attestation)
          for (const st of recordStatements(recordBody(e.record), e.record.attestation))
            expected.add(normalStatement(st));
    const reasons: string[] = [];
    const ok = probe.bundles.some((text) => {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        reasons.push("a referrer that is not JSON");
        return false;
      }
      const v = facts.verifyBundle(json, trust);
      if (!v.ok) reasons.push(v.reason);
      else if (!expected.has(normalStatement(v.statement)))
        reasons.push("a valid signature over a Statement no record of this image makes");
      return v.ok && expected.has(normalStatement(v.statement));
    });
    if (ok) continue;
    out.push(
      finding(
        "attestation-missing",
        { model: probe.model, record: { sequence: probe.sequence, digest: probe.recordDigest } },
        `${probe.reference} carries no attestation from a signer ${trust.file} allows among its ${probe.bundles.length} Sigstore bundle referrer${probe.bundles.length === 1 ? "" : "s"}${reasons.length ? ` (${[...new Set(reasons)].join("; ")})` : ""}`,
        "a bundle attached to the image, signed by an allowed signer, over a Statement of a record that names it",
      ),
    );
  }
  return out;
};
