import assert from "node:assert/strict";
import { test } from "node:test";
import {
  noTrailersWithoutRecord,
  recordAppendedByModelgate,
  recordTrailersMatch,
  sourceInHistory,
} from "../../../src/audit/rules/commits.ts";
import { promotionTrailers } from "../../../src/ledger/trailers.ts";
import { entryAt, MALLORY, World } from "./world.ts";

test("record-commit: a record no commit appended, and one appended by someone other than modelgate", () => {
  const w = new World();
  const p = w.publish("churn", "1.0.0");
  const facts = w.facts();
  assert.deepEqual(recordAppendedByModelgate(facts, entryAt(facts, "churn", 1)), []);

  const orphan = { ...entryAt(facts, "churn", 1), added: undefined, commit: undefined };
  const [none] = recordAppendedByModelgate(facts, orphan);
  assert.equal(none.check, "record-commit");
  assert.equal(none.path, "records/churn/promotions.jsonl");
  assert.match(
    none.message,
    /record #1 \(publish 1\.0\.0 to staging\) is in records\/churn\/promotions\.jsonl at HEAD, but no commit/,
  );

  const byMallory = { ...p.commit, author: { ...MALLORY, date: p.commit.author.date } };
  const [other] = recordAppendedByModelgate(facts, { ...entryAt(facts, "churn", 1), commit: byMallory });
  assert.equal(other.commit, p.commit.oid);
  assert.match(
    other.message,
    /was appended by commit .* Mallory <mallory@example\.com>.*, not by modelgate's identity modelgate\[bot\] <modelgate-bot@example\.com>/,
  );
  // a record added by a rewrite is the ledger-rewritten finding's, not this one's
  const at = entryAt(facts, "churn", 1);
  const tampered = {
    ...at,
    added: { ...(at.added as NonNullable<typeof at.added>), tampered: true },
    commit: byMallory,
  };
  assert.deepEqual(recordAppendedByModelgate(facts, tampered), []);
});

test("record-trailers: the appending commit's trailers are promotionTrailers of the record, and name its approvers", () => {
  const w = new World();
  const p = w.publish("churn", "1.0.0");
  const facts = w.facts();
  const at = entryAt(facts, "churn", 1);
  assert.deepEqual(recordTrailersMatch(facts, at), []);

  const trailers = new Map(p.commit.trailers);
  trailers.delete("Stage-Tag");
  trailers.set("Approved-by", ["mallory (review 1 on x)"]);
  const [f] = recordTrailersMatch(facts, { ...at, commit: { ...p.commit, trailers } });
  assert.equal(f.check, "record-trailers");
  assert.match(f.message, /Stage-Tag: \(missing\), expected churn#staging#1/);
  assert.match(f.message, /Approved-by: mallory \(review 1 on x\), expected bob \(review 11 on [0-9a-f]{40}/);
  assert.match(f.message, /Approved-by names mallory, but the record holds approvals by bob/);
  assert.deepEqual(
    [...p.commit.trailers.keys()],
    [...new Set(promotionTrailers(p.record, p.digest).map(([k]) => k))],
    "the world writes the trailers modelgate writes",
  );
});

test("source-missing: a record's source commit outside the audited history", () => {
  const w = new World();
  const p = w.publish("churn", "1.0.0");
  w.reachable.delete(p.record.source);
  const facts = w.facts();
  const [f] = sourceInHistory(facts, entryAt(facts, "churn", 1));
  assert.equal(f.check, "source-missing");
  assert.equal(f.commit, p.record.source);
  assert.match(f.message, /published the merged commit [0-9a-f]{12}, which is not in the history of HEAD/);
  const unread = { ...facts, snap: { ...facts.snap, reachable: undefined } };
  assert.deepEqual(sourceInHistory(unread, entryAt(facts, "churn", 1)), [], "without rev-list, nothing is claimed");
});

test("trailers-without-record: modelgate's trailers on a commit that appends no record", () => {
  const w = new World();
  const p = w.publish("churn", "1.0.0");
  const forged = w.commit({
    subject: "promote",
    author: MALLORY,
    trailers: [
      ["Model", "churn"],
      ["Promotion-Record", `sha256:${"e".repeat(64)}`],
      ["Approved-by", "bob"],
    ],
  });
  const other = w.commit({
    subject: "x",
    trailers: [
      ["Model", "unaudited"],
      ["Promotion-Record", "sha256:1"],
    ],
  });
  const facts = w.facts();
  assert.deepEqual(noTrailersWithoutRecord(facts, p.commit), []);
  assert.deepEqual(noTrailersWithoutRecord(facts, other), [], "a model not audited is not judged");
  const [f] = noTrailersWithoutRecord(facts, forged);
  assert.equal(f.check, "trailers-without-record");
  assert.equal(f.model, "churn");
  assert.match(
    f.message,
    /carries modelgate's trailers \(Promotion-Record sha256:e+, Approved-by bob\), but appends no such record/,
  );
});
