import { promotionTrailers } from "../../ledger/trailers.ts";
import type { PromotionRecord } from "../../records/promotion.ts";
import { deployPathOf, short } from "../history.ts";
import { type CommitRule, commitText, type EntryRule, finding, recordText, type VerifyFacts } from "./context.ts";

/**
 * The commits behind the records: each record appended by a commit of modelgate's identity whose trailers name exactly
 * it (the one list ../../ledger/trailers.ts builds for the writers), on the audited branch's history; and no commit
 * carrying those trailers without appending the record they name.
 */

/** record-commit: a record no commit appended, or one appended by someone other than modelgate's identity. */
export const recordAppendedByModelgate: EntryRule = (facts, { view, entry, added, commit }) => {
  const { snap } = facts;
  if (!added) {
    return [
      finding(
        "record-commit",
        { model: view.model, entry, path: view.path },
        `${recordText(entry)} is in ${view.path} at ${snap.ref}, but no commit of its history appended it`,
        "each record appended by the modelgate commit that made the promotion",
      ),
    ];
  }
  const identity = snap.config.identity;
  if (!commit || added.tampered || commit.author.email === identity.email) return [];
  return [
    finding(
      "record-commit",
      { model: view.model, entry, commit: commit.oid },
      `${recordText(entry)} was appended by ${commitText(commit)}, not by modelgate's identity ${identity.name} <${identity.email}>`,
      `records appended by ${identity.name} <${identity.email}> (modelgate.yaml spec.identity)`,
    ),
  ];
};

/** Who a record says approved it: reviewers of the pull request (publish), the environment's reviewers (release). */
function approversOf(r: PromotionRecord): string[] {
  if (r.action === "publish") return r.approvals.map((a) => a.reviewer);
  return (r.release?.environmentApprovals ?? []).filter((a) => a.state === "approved").map((a) => a.user);
}

/** record-trailers: the appending commit's trailers differ from the ones modelgate writes for that record. */
export const recordTrailersMatch: EntryRule = (_facts, { view, entry, added, commit }) => {
  if (!added || !commit || added.tampered) return [];
  const wrong: string[] = [];
  for (const [k, v] of promotionTrailers(entry.record, entry.digest)) {
    const got = commit.trailers.get(k) ?? [];
    if (!got.includes(v)) wrong.push(`${k}: ${got.length ? got.join(", ") : "(missing)"}, expected ${v}`);
  }
  const named = (commit.trailers.get("Approved-by") ?? []).map((v) => v.replace(/\s*\(.*$/, "").trim()).sort();
  const recorded = approversOf(entry.record).sort();
  if (named.join(",") !== recorded.join(",")) {
    wrong.push(
      `Approved-by names ${named.length ? named.join(", ") : "nobody"}, but the record holds approvals by ${recorded.length ? recorded.join(", ") : "nobody"}`,
    );
  }
  if (!wrong.length) return [];
  return [
    finding(
      "record-trailers",
      { model: view.model, commit: commit.oid, entry },
      `${commitText(commit)} appended ${recordText(entry)}, but its trailers do not describe it: ${wrong.join("; ")}`,
      "the commit that appends a record carries trailers naming exactly that record, its image, stage tag and approvals",
    ),
  ];
};

/** source-missing: the commit a record published or released is not in the audited branch's history. */
export const sourceInHistory: EntryRule = (facts, { view, entry }) => {
  const { snap } = facts;
  const r = entry.record;
  if (!snap.reachable || snap.reachable.has(r.source)) return [];
  return [
    finding(
      "source-missing",
      { model: view.model, entry, commit: r.source },
      `${recordText(entry)} ${r.action === "publish" ? "published the merged commit" : "released the version's commit"} ${short(r.source)}, which is not in the history of ${snap.ref}: the history was rewritten under the record`,
      `commit ${r.source} in the history of ${snap.ref}`,
    ),
  ];
};

/** The digests of the records each commit appends to the audited ledgers, per audit. */
const appendedIndex = new WeakMap<VerifyFacts, Map<string, Set<string>>>();

function appendedBy(facts: VerifyFacts): Map<string, Set<string>> {
  let index = appendedIndex.get(facts);
  if (!index) {
    index = new Map();
    for (const v of facts.views.values()) {
      for (const [oid, adds] of v.byCommit) {
        const set = index.get(oid) ?? new Set<string>();
        for (const a of adds) if (a.digest !== undefined) set.add(a.digest);
        index.set(oid, set);
      }
    }
    appendedIndex.set(facts, index);
  }
  return index;
}

/** trailers-without-record: a commit that names a promotion record in its trailers but appends no such record. */
export const noTrailersWithoutRecord: CommitRule = (facts, c) => {
  const named = c.trailers.get("Promotion-Record") ?? [];
  if (!named.length) return []; // nothing claimed
  const { snap, views } = facts;
  const appended = appendedBy(facts).get(c.oid);
  const out = [];
  for (const d of named) {
    if (appended?.has(d)) continue; // the usual case: the commit appends the record it names
    const touched = new Set(c.changes.map((ch) => deployPathOf(snap, ch.path)?.model).filter(Boolean));
    if ([...touched, ...(c.trailers.get("Model") ?? [])].some((m) => views.has(m as string))) {
      out.push(
        finding(
          "trailers-without-record",
          { model: (c.trailers.get("Model") ?? [])[0], commit: c.oid },
          `${commitText(c)} carries modelgate's trailers (Promotion-Record ${d}${
            c.trailers.get("Approved-by")?.length ? `, Approved-by ${c.trailers.get("Approved-by")?.join("; ")}` : ""
          }), but appends no such record to a ledger: the trailers claim a promotion, review and approval that nothing records`,
          "modelgate's trailers only on the commit that appends the record they name",
        ),
      );
    }
  }
  return out;
};
