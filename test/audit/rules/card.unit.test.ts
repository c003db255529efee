import assert from "node:assert/strict";
import { test } from "node:test";
import { cardAtPublish, cardKept } from "../../../src/audit/rules/card.ts";
import { runRules } from "../../../src/audit/verify.ts";
import { entryAt, MALLORY, World } from "./world.ts";

const CARD = "models/churn/MODEL_CARD.md";

test("card: the card each publish wrote, bound by its record's digest, kept since: no finding", () => {
  const w = new World();
  const a = w.publish("churn", "1.0.0");
  w.release(a);
  w.publish("churn", "1.1.0");
  assert.deepEqual(runRules(w.facts()), []);
});

test("card-binding: the publish commit's card is not the one its record names", () => {
  const w = new World();
  const a = w.publish("churn", "1.0.0");
  w.release(a);
  w.blobs.set(`${a.commit.oid}:${CARD}`, Buffer.from("# churn\n\nAnother card.\n"));
  const facts = w.facts();
  const [f] = cardAtPublish(facts, entryAt(facts, "churn", 1));
  assert.deepEqual([f.check, f.commit, f.path, f.record?.sequence], ["card-binding", a.commit.oid, CARD, 1]);
  assert.match(
    f.message,
    /record #1 \(publish 1\.0\.0 to staging\) binds models\/churn\/MODEL_CARD\.md with sha256 [0-9a-f]{64}, but the commit that published it, [0-9a-f]{12}, holds a card with sha256 [0-9a-f]{64}/,
  );
  w.blobs.delete(`${a.commit.oid}:${CARD}`);
  const facts2 = w.facts();
  assert.match(cardAtPublish(facts2, entryAt(facts2, "churn", 1))[0].message, /holds no such file$/);
});

test("card-edit: the card edited by hand after the last publish names the commit; records without a card are not judged", () => {
  const w = new World();
  w.publish("churn", "1.0.0");
  const edited = "# churn 1.0.0\n\nEvaluated on everyone. (It was not.)\n";
  const hand = w.commit({ subject: "wording", author: MALLORY, changes: [w.change(CARD, edited)] });
  w.blobs.set(`tip:${CARD}`, Buffer.from(edited));
  const facts = w.facts();
  const [f] = cardKept(facts, facts.views.get("churn") as never);
  assert.deepEqual([f.check, f.commit, f.path, f.record?.sequence], ["card-edit", hand.oid, CARD, 1]);
  assert.match(
    f.message,
    /^models\/churn\/MODEL_CARD\.md at HEAD has sha256 [0-9a-f]{64}, but record #1 \(publish 1\.0\.0 to staging\), the last publish, bound the card with sha256 [0-9a-f]{64}; changed since by commit [0-9a-f]{12} \("wording", Mallory/,
  );
  // deleted
  w.blobs.set(`tip:${CARD}`, undefined);
  const gone = w.facts();
  assert.match(cardKept(gone, gone.views.get("churn") as never)[0].message, /MODEL_CARD\.md at HEAD is gone/);
  // a record from before cards were bound
  const old = new World();
  old.publish("churn", "1.0.0", ({ card: _c, ...r }) => r);
  old.blobs.set(`tip:${CARD}`, Buffer.from("anything"));
  assert.deepEqual(runRules(old.facts()), []);
});
