import { short } from "../history.ts";
import type { LedgerView } from "../ledgers.ts";
import { commitText, type EntryRule, finding, type LedgerRule, recordText } from "./context.ts";

/** The ledger and its history: each line a valid canonical record, the hash chain whole, only ever appended to. */

/** ledger-unreadable: a line at the tip that does not parse, validate or keep canonical form. */
export const ledgerLinesReadable: LedgerRule = (_facts, v: LedgerView) =>
  v.problems.map((p) =>
    finding(
      "ledger-unreadable",
      { model: v.model, path: `${v.path}:${p.line}` },
      `${v.path} line ${p.line}: ${p.message}`,
      "one promotion record per line, valid against schemas/promotion-record.schema.json, in canonical JSON (RFC 8785)",
    ),
  );

/** ledger-chain: a record whose sequence or previous digest does not follow the record before it. */
export const ledgerChained: LedgerRule = (_facts, v) =>
  v.chain.map((p) =>
    finding(
      "ledger-chain",
      { model: v.model, path: `${v.path}:${p.line}`, entry: v.entries.find((x) => x.line === p.line) },
      `${v.path} line ${p.line}: the hash chain is broken: ${p.message}`,
      "each record's sequence one above the last, and its previous the digest of the record before it",
    ),
  );

/** ledger-rewritten: a change to the ledger that was not one record appended (a deletion, edit, insertion…). */
export const ledgerOnlyAppended: LedgerRule = (facts, v) =>
  v.rewrites.map((w) => {
    const c = facts.snap.byOid.get(w.commit);
    return finding(
      "ledger-rewritten",
      { model: v.model, commit: w.commit, path: v.path },
      `${c ? commitText(c) : `commit ${short(w.commit)}`}: ${w.message}`,
      w.expected,
    );
  });

/** record-model: a record of another model in this model's ledger. */
export const recordOfItsModel: EntryRule = (_facts, { view, entry }) =>
  entry.record.model.name === view.model
    ? []
    : [
        finding(
          "record-model",
          { model: view.model, entry, path: view.path },
          `${recordText(entry)} in ${view.path} is a record of model ${entry.record.model.name}`,
          `only records of ${view.model} in ${view.path}`,
        ),
      ];
