import assert from "node:assert/strict";
import { test } from "node:test";
import { approvedHead } from "../../../src/audit/rules/approvals.ts";
import { entryAt, oid, World } from "./world.ts";

const messages = (w: World) => {
  const facts = w.facts();
  return approvedHead(facts, entryAt(facts, "churn", 1)).map((f) => {
    assert.equal(f.check, "approval");
    return f.message;
  });
};

test("approval: an approval of the evaluated head by someone other than the author passes; a release is not judged", () => {
  const w = new World();
  w.release(w.publish("churn", "1.0.0"));
  assert.deepEqual(messages(w), []);
  const facts = w.facts();
  assert.deepEqual(approvedHead(facts, entryAt(facts, "churn", 2)), []);
});

test("approval: no pull request, no approval, an approval of another commit, a self-approval", () => {
  const none = new World();
  none.publish("churn", "1.0.0", (r) => ({ ...r, pullRequest: null }));
  assert.deepEqual(messages(none), [
    "record #1 (publish 1.0.0 to staging) names no pull request, so nothing records a review of what was published",
  ]);

  const empty = new World();
  empty.publish("churn", "1.0.0", (r) => ({ ...r, approvals: [] }));
  assert.match(
    messages(empty)[0],
    /no approval of the evaluated head [0-9a-f]{12} of pull request #7 is recorded \(the record holds no approval at all\)$/,
  );

  const stale = oid("an older head");
  const other = new World();
  other.publish("churn", "1.0.0", (r) => ({ ...r, approvals: [{ ...r.approvals[0], commit: stale }] }));
  const [a, b] = messages(other);
  assert.match(a, new RegExp(`\\(recorded: bob on ${stale.slice(0, 12)}\\)$`));
  assert.match(
    b,
    new RegExp(`the approval by bob \\(review 11\\) is of commit ${stale.slice(0, 12)}, not of the evaluated head`),
  );

  const self = new World();
  self.publish("churn", "1.0.0", (r) => ({ ...r, approvals: [{ ...r.approvals[0], reviewer: "alice" }] }));
  const found = messages(self);
  assert.equal(found.length, 2);
  assert.match(found[1], /alice approved their own pull request #7$/);
});
