import assert from "node:assert/strict";
import { test } from "node:test";
import {
  registryTagGrammar,
  stageNumberRises,
  stageTagOfRecord,
  stageTagsInOrder,
  stageTagWithRecord,
  tagAnnotated,
  versionTagOnPublish,
} from "../../../src/audit/rules/tags.ts";
import type { TagInfo } from "../../../src/audit/history.ts";
import { entryAt, oid, World } from "./world.ts";

const TAG_RULES = [registryTagGrammar, tagAnnotated, versionTagOnPublish, stageTagWithRecord];

function tagFindings(w: World, t: TagInfo) {
  const facts = w.facts();
  return TAG_RULES.flatMap((rule) => rule(facts, t)).map((f) => `${f.check}: ${f.message}`);
}

test("the tags publish and release make pass every tag rule; tags of models not audited are not judged", () => {
  const w = new World();
  w.release(w.publish("churn", "1.0.0"));
  const foreign = w.tag("fraud#staging#7", oid("x"), { annotated: false });
  const unrelated = w.tag("v1.0.0", oid("x"), { annotated: false });
  for (const t of w.tags) assert.deepEqual(tagFindings(w, t), [], t.name);
  assert.deepEqual([...tagFindings(w, foreign), ...tagFindings(w, unrelated)], []);
  assert.deepEqual(stageTagsInOrder(w.facts()), []);
  const facts = w.facts();
  for (const seq of [1, 2]) {
    assert.deepEqual(stageTagOfRecord(facts, entryAt(facts, "churn", seq)), []);
    assert.deepEqual(stageNumberRises(facts, entryAt(facts, "churn", seq)), []);
  }
});

test("tag-grammar, tag-missing, tag-moved: a record's stage tag in GTO's grammar, kept on the commit it was made on", () => {
  const bad = new World();
  bad.publish("churn", "1.0.0", (r) => ({ ...r, stageTag: "churn#production#1" }));
  let facts = bad.facts();
  const [g] = stageTagOfRecord(facts, entryAt(facts, "churn", 1));
  assert.deepEqual(
    [g.check, g.message],
    [
      "tag-grammar",
      'record #1 (publish 1.0.0 to staging) names the stage tag "churn#production#1", which is not churn#staging#N',
    ],
  );

  const w = new World();
  const p = w.publish("churn", "1.0.0");
  const r = w.release(p);
  const staged = w.tags.find((t) => t.name === "churn#staging#1") as TagInfo;
  staged.commit = oid("rewritten away");
  w.tags.splice(
    w.tags.findIndex((t) => t.name === r.record.stageTag),
    1,
  );
  facts = w.facts();
  const [moved] = stageTagOfRecord(facts, entryAt(facts, "churn", 1));
  assert.equal(moved.check, "tag-moved");
  assert.equal(moved.commit, oid("rewritten away"));
  assert.match(
    moved.message,
    /which is not in the history of HEAD, but record #1 .* made it on [0-9a-f]{12} \(the history was rewritten under the tag\)$/,
  );
  const [missing] = stageTagOfRecord(facts, entryAt(facts, "churn", 2));
  assert.equal(missing.check, "tag-missing");
  assert.equal(
    missing.message,
    "record #2 (release 1.0.0 to production) assigned churn#production#1, which is not in the repository",
  );
  assert.equal(missing.expected, `the annotated tag churn#production#1 on ${p.commit.oid.slice(0, 12)}`);
});

test("stage-counter: a record's stage number not above one the ledger assigned before", () => {
  const w = new World();
  w.publish("churn", "1.0.0", (r) => ({ ...r, stageTag: "churn#staging#5" }));
  w.publish("churn", "1.1.0", (r) => ({ ...r, stageTag: "churn#staging#3" }));
  const facts = w.facts();
  assert.deepEqual(stageNumberRises(facts, entryAt(facts, "churn", 1)), []);
  const [f] = stageNumberRises(facts, entryAt(facts, "churn", 2));
  assert.equal(f.check, "stage-counter");
  assert.match(f.message, /assigned churn#staging#3, but an earlier record already assigned number 5 for staging$/);
});

test("tag rules: a malformed registry tag, a lightweight tag, a version tag off its publish, stage tags with no record", () => {
  const w = new World();
  const p = w.publish("churn", "1.0.0");
  const cases: [TagInfo, string[]][] = [
    [
      w.tag("churn@1.0", p.commit.oid),
      ['tag-grammar: the tag "churn@1.0" looks like a registry tag but does not follow GTO\'s grammar'],
    ],
    [
      w.tag("churn@v1.0.0", oid("x"), { annotated: false }),
      [
        `tag-lightweight: churn@v1.0.0 is a lightweight tag (it names commit ${oid("x").slice(0, 12)} directly, with no tagger and no date)`,
        `version-tag: churn@v1.0.0 points at ${oid("x").slice(0, 12)}, but churn 1.0.0 was published by commit ${p.commit.oid.slice(0, 12)}`,
      ],
    ],
    [
      w.tag("churn@v3.0.0", p.commit.oid),
      ["version-tag: churn@v3.0.0 tags version 3.0.0, which no publish record of churn published"],
    ],
    [
      w.tag("churn#staging#9", p.commit.oid, { date: "2026-03-03T00:00:00Z" }),
      [
        `tag-without-record: churn#staging#9 (on ${p.commit.oid.slice(0, 12)}, by Dana Release <dana@example.com> at 2026-03-03T00:00:00Z) is cited by no promotion record: a stage assignment made by hand`,
      ],
    ],
    [
      w.tag("churn#staging!#1", oid("y")),
      [
        `tag-without-record: churn#staging!#1 unassigns staging on ${oid("y").slice(0, 12)}, a commit that published no version of churn`,
      ],
    ],
    [w.tag("churn#staging!#1", p.commit.oid), []],
  ];
  for (const [t, want] of cases) assert.deepEqual(tagFindings(w, t), want, t.name);
});

test("stage-counter: stage tags of a model and stage whose numbers go down as their tagger dates go up", () => {
  const w = new World();
  w.publish("churn", "1.0.0");
  w.tag("churn#staging#4", oid("a"), { date: "2026-03-02T10:00:00Z" });
  w.tag("churn#staging#2", oid("b"), { date: "2026-03-02T11:00:00Z" });
  w.tag("churn#production#1", oid("c"), { date: "2026-03-02T10:00:00Z" });
  w.tag("churn#production!#2", oid("c"), { date: "2026-03-02T10:00:00Z" });
  w.tag("churn#production#3", oid("c"), { annotated: false });
  const found = stageTagsInOrder(w.facts());
  assert.deepEqual(
    found.map((f) => [f.check, f.tag, f.message]),
    [
      [
        "stage-counter",
        "churn#staging#2",
        "churn#staging#2 (tagged 2026-03-02T11:00:00Z) comes after churn#staging#4 (tagged 2026-03-02T10:00:00Z) with a number not above it",
      ],
    ],
  );
});

test("tag-missing, tag-moved, tag-grammar: a deregistration's and an unassignment's tags, kept where their records made them", () => {
  const w = new World();
  const a = w.publish("churn", "1.0.0");
  const b = w.publish("churn", "1.1.0");
  const d = w.withdraw(a, "deregister");
  const u = w.withdraw(a, "unassign", (r) => ({ ...r, stageTag: "churn#production#9" }));
  // the deregistration tag deleted by hand
  w.tags.splice(
    w.tags.findIndex((t) => t.name === d.record.stageTag),
    1,
  );
  let facts = w.facts();
  const [gone] = stageTagOfRecord(facts, entryAt(facts, "churn", 3));
  assert.deepEqual([gone.check, gone.tag, gone.record?.sequence], ["tag-missing", "churn@v1.0.0!", 3]);
  assert.match(gone.message, /record #3 \(deregister 1\.0\.0\) made churn@v1\.0\.0!, which is not in the repository/);
  const [grammar] = stageTagOfRecord(facts, entryAt(facts, "churn", 4));
  assert.equal(grammar.check, "tag-grammar");
  assert.match(grammar.message, /names the tag "churn#production#9", which is not churn#production!#N/);
  assert.ok(u);
  // made again on another commit: moved
  w.tag("churn@v1.0.0!", b.commit.oid);
  facts = w.facts();
  const [moved] = stageTagOfRecord(facts, entryAt(facts, "churn", 3));
  assert.equal(moved.check, "tag-moved");
  assert.equal(moved.commit, b.commit.oid);
});
