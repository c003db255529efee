import type { LedgerEntry } from "../../ledger/ledger.ts";
import type { Finding } from "../schema.ts";

/**
 * version-immutable (issue #19, item 15): a published version never changes. Two publish records of one model and
 * version that name different model bytes (or, for the same bytes, different images) mean the version was published
 * twice with different contents: a release of "1.4.0" no longer says what runs. Publish refuses this since issue
 * #19; a ledger that holds it was written before, or by hand.
 *
 * A ledger rule (house-audit's `LedgerRule` shape: a model's ledger in, findings out), pure.
 */
export function versionsImmutable(view: { model: string; path: string; entries: LedgerEntry[] }): Finding[] {
  const first = new Map<string, LedgerEntry>();
  const out: Finding[] = [];
  for (const e of view.entries) {
    const r = e.record;
    if (r.action !== "publish" || r.model.name !== view.model) continue;
    const seen = first.get(r.model.version);
    if (!seen) {
      first.set(r.model.version, e);
      continue;
    }
    const s = seen.record;
    const what =
      s.model.sha256 !== r.model.sha256
        ? `model sha256 ${r.model.sha256.slice(0, 12)}…, not ${s.model.sha256.slice(0, 12)}…`
        : s.image.digest !== r.image.digest
          ? `image ${r.image.digest.slice(0, 19)}…, not ${s.image.digest.slice(0, 19)}…`
          : undefined;
    if (!what) continue;
    out.push({
      check: "version-immutable",
      model: view.model,
      commit: r.source,
      tag: r.stageTag,
      record: { sequence: r.sequence, digest: e.digest },
      path: view.path,
      message: `${view.path}: record #${r.sequence} publishes ${view.model} ${r.model.version} again with other contents (${what} of record #${s.sequence}, from ${s.source.slice(0, 12)})`,
      expected: `one content per version: a change of the model's bytes is published under a new spec.version`,
    });
  }
  return out;
}
