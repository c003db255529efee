import { sha256Of } from "../../ledger/canonical.ts";
import type { LedgerEntry } from "../../ledger/ledger.ts";
import { short } from "../history.ts";
import type { LedgerView } from "../ledgers.ts";
import { commitText, type EntryRule, finding, type LedgerRule, recordText, type VerifyFacts } from "./context.ts";

/**
 * The model card (MODEL_CARD.md) is bound to its promotion record by its digest: the card the publish commit wrote is
 * the one its record names, and the card at the audited commit is the one the model's last publish bound. A card
 * edited by hand since is a finding naming the commits that changed it. (Records written before publish bound the
 * card have no `card` and are not judged.)
 */

const digestOf = (bytes: Buffer | undefined) => (bytes === undefined ? undefined : sha256Of(bytes).slice(7));

/** The objects the rules read: each card at the commit that published it (late) and at the audited commit (early). */
export function cardReads(
  tip: string,
  view: Pick<LedgerView, "entries">,
  publishedBy?: (e: LedgerEntry) => string | undefined,
) {
  const names: string[] = [];
  const last = lastCard(view.entries);
  if (last?.record.card) names.push(`${tip}:${last.record.card.path}`);
  if (publishedBy)
    for (const e of view.entries) {
      const commit = e.record.card && publishedBy(e);
      if (commit && e.record.card) names.push(`${commit}:${e.record.card.path}`);
    }
  return names;
}

/** The model's last publish record, when it binds a card. */
function lastCard(entries: readonly LedgerEntry[]): LedgerEntry | undefined {
  const last = entries.filter((e) => e.record.action === "publish").at(-1);
  return last?.record.card ? last : undefined;
}

/** card-binding: the card the publish commit wrote is not the one its record names. */
export const cardAtPublish: EntryRule = (facts, { view, entry, added }) => {
  const card = entry.record.card;
  if (entry.record.action !== "publish" || !card || !added || added.tampered) return [];
  const got = digestOf(facts.blobs.get(`${added.commit}:${card.path}`));
  if (got === card.sha256) return [];
  return [
    finding(
      "card-binding",
      { model: view.model, entry, commit: added.commit, path: card.path },
      `${recordText(entry)} binds ${card.path} with sha256 ${card.sha256}, but the commit that published it, ${short(added.commit)}, holds ${got ? `a card with sha256 ${got}` : "no such file"}`,
      "the card publish wrote, with the digest its record names",
    ),
  ];
};

/** card-edit: the card at the audited commit is not the one the model's last publish bound. */
export const cardKept: LedgerRule = (facts: VerifyFacts, view) => {
  const last = lastCard(view.entries);
  const card = last?.record.card;
  if (!last || !card) return [];
  const { snap } = facts;
  const got = digestOf(facts.blobs.get(`${snap.tip}:${card.path}`));
  if (got === card.sha256) return [];
  // who changed it since: the commits after the publish commit that touched the card
  const published = view.added.get(view.lines[last.line - 1] ?? "")?.commit;
  const from = snap.commits.findIndex((c) => c.oid === published);
  const since = snap.commits
    .slice(from + 1)
    .filter((c) => c.oid !== published && c.changes.some((ch) => ch.path === card.path));
  return [
    finding(
      "card-edit",
      { model: view.model, entry: last, path: card.path, commit: since.at(-1)?.oid },
      `${card.path} at ${snap.ref} ${got ? `has sha256 ${got}` : "is gone"}, but ${recordText(last)}, the last publish, bound the card with sha256 ${card.sha256}${
        since.length ? `; changed since by ${since.map(commitText).join(", ")}` : ""
      }`,
      "the model card as the last publish wrote it: edit it through a pull request that publishes the model",
    ),
  ];
};
