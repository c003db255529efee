import assert from "node:assert/strict";
import { test } from "node:test";
import type { LedgerView } from "../../../src/audit/ledgers.ts";
import {
  ledgerChained,
  ledgerLinesReadable,
  ledgerOnlyAppended,
  recordOfItsModel,
} from "../../../src/audit/rules/ledger.ts";
import { canonicalJson } from "../../../src/ledger/canonical.ts";
import { chainProblems, parseLedger } from "../../../src/ledger/ledger.ts";
import { entryAt, World } from "./world.ts";

/** A world whose churn ledger at the tip holds `text` instead (parsed as verify parses it). */
function withLedgerText(w: World, text: string): LedgerView {
  const [view] = w.views();
  const { entries, problems } = parseLedger(text);
  return { ...view, text, lines: text.split("\n"), entries, problems, chain: chainProblems(entries) };
}

test("ledger-unreadable: a line that is not a record is named with its line", () => {
  const w = new World();
  w.publish("churn", "1.0.0");
  const view = withLedgerText(w, `${w.ledgers.get("churn")?.text}{"kind":"PromotionRecord"}\n`);
  const [f, ...rest] = ledgerLinesReadable(w.facts([view]), view);
  assert.equal(rest.length, 0);
  assert.equal(f.check, "ledger-unreadable");
  assert.equal(f.path, "records/churn/promotions.jsonl:2");
  assert.match(f.message, /^records\/churn\/promotions\.jsonl line 2: /);
  assert.deepEqual(ledgerLinesReadable(w.facts(), w.views()[0]), []);
});

test("ledger-chain: a record whose previous digest is not the record before it names that record", () => {
  const w = new World();
  w.publish("churn", "1.0.0");
  w.publish("churn", "1.1.0");
  const lines = (w.ledgers.get("churn")?.text ?? "").split("\n").filter(Boolean);
  const second = JSON.parse(lines[1]);
  second.previous = `sha256:${"0".repeat(64)}`;
  const view = withLedgerText(w, `${lines[0]}\n${canonicalJson(second)}\n`);
  const found = ledgerChained(w.facts([view]), view);
  assert.equal(found.length, 1);
  assert.equal(found[0].check, "ledger-chain");
  assert.equal(found[0].record?.sequence, 2);
  assert.match(found[0].message, /line 2: the hash chain is broken: /);
  assert.deepEqual(ledgerChained(w.facts(), w.views()[0]), []);
});

test("ledger-rewritten: each change that was not one append, with the commit that made it", () => {
  const w = new World();
  w.publish("churn", "1.0.0");
  const c = w.commit({ subject: "tidy the ledger", author: { name: "Mallory", email: "mallory@example.com" } });
  const [view] = w.views();
  const rewritten = {
    ...view,
    rewrites: [
      { commit: c.oid, message: "records/churn/promotions.jsonl: deleted record #1", expected: "kept" },
      { commit: "f".repeat(40), message: "changed it", expected: "readable" },
    ],
  };
  const found = ledgerOnlyAppended(w.facts([rewritten]), rewritten);
  assert.deepEqual(
    found.map((f) => [f.check, f.commit, f.message, f.expected]),
    [
      [
        "ledger-rewritten",
        c.oid,
        `commit ${c.oid.slice(0, 12)} ("tidy the ledger", Mallory <mallory@example.com>, ${c.committer.date}): records/churn/promotions.jsonl: deleted record #1`,
        "kept",
      ],
      ["ledger-rewritten", "f".repeat(40), `commit ${"f".repeat(12)}: changed it`, "readable"],
    ],
  );
});

test("record-model: a record of another model in a model's ledger", () => {
  const w = new World();
  w.publish("churn", "1.0.0", (r) => ({ ...r, model: { ...r.model, name: "fraud" } }));
  const facts = w.facts();
  const [f] = recordOfItsModel(facts, entryAt(facts, "churn", 1));
  assert.equal(f.check, "record-model");
  assert.equal(
    f.message,
    "record #1 (publish 1.0.0 to staging) in records/churn/promotions.jsonl is a record of model fraud",
  );
  const ok = new World();
  ok.publish("churn", "1.0.0");
  assert.deepEqual(recordOfItsModel(ok.facts(), entryAt(ok.facts(), "churn", 1)), []);
});
