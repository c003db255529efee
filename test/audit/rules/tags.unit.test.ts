import assert from "node:assert/strict";
import { test } from "node:test";
import {
  noDeregistrationWhileRunning,
  stageNumberRises,
  stageTagOfRecord,
  stageTagsInOrder,
  stageTagWithRecord,
  tagAnnotated,
  versionTagOnPublish,
} from "../../../src/audit/rules/tags.ts";
import type { TagInfo } from "../../../src/audit/history.ts";
import { runRules } from "../../../src/audit/verify.ts";
import { entryAt, oid, World } from "./world.ts";

const TAG_RULES = [tagAnnotated, versionTagOnPublish, stageTagWithRecord, noDeregistrationWhileRunning];

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
  // GTO reads a stage tag without a counter, but modelgate's records name MODEL#ENV#N
  const plain = new World();
  plain.publish("churn", "1.0.0", (r) => ({ ...r, stageTag: "churn#staging" }));
  const pf = plain.facts();
  assert.deepEqual(
    stageTagOfRecord(pf, entryAt(pf, "churn", 1)).map((f) => f.message),
    ['record #1 (publish 1.0.0 to staging) names the stage tag "churn#staging", which is not churn#staging#N'],
  );
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

test("tag rules: a version tag off its publish, stage tags with no record, a record's tag made lightweight", () => {
  const w = new World();
  const p = w.publish("churn", "1.0.0");
  const x = oid("x").slice(0, 12);
  const cases: [TagInfo, string[]][] = [
    // GTO does not read what its grammar refuses, nor lightweight tags (and release refuses those): nothing changed
    [w.tag("churn@1.0", p.commit.oid), []],
    [w.tag("churn#production#x", p.commit.oid), []],
    [w.tag("churn@v1.0.0", oid("x"), { annotated: false }), []],
    [w.tag("churn#production#9", p.commit.oid, { annotated: false }), []],
    [
      w.tag("churn@v1.0.0", oid("x")),
      [
        `version-tag: churn@v1.0.0 points at ${x}, but churn 1.0.0 was published by commit ${p.commit.oid.slice(0, 12)}`,
      ],
    ],
    [
      w.tag("churn@v3.0.0", p.commit.oid),
      ["version-tag: churn@v3.0.0 tags version 3.0.0, which no publish record of churn published"],
    ],
    [
      w.tag("churn#staging#9", p.commit.oid, { date: "2026-03-03T00:00:00Z" }),
      [
        `tag-without-record: churn#staging#9 (on ${p.commit.oid.slice(0, 12)}, by Dana Release <dana@example.com> at 2026-03-03T00:00:00Z) is cited by no promotion record: a stage assignment made by hand or with GTO`,
      ],
    ],
    [
      w.tag("churn#staging!#1", oid("y")),
      [
        `tag-without-record: churn#staging!#1 unassigns staging on ${oid("y").slice(0, 12)}, a commit that published no version of churn`,
      ],
    ],
  ];
  for (const [t, want] of cases) assert.deepEqual(tagFindings(w, t), want, t.name);
  // the record's own stage tag, replaced by a lightweight tag: GTO no longer sees the assignment
  const own = w.tags.find((t) => t.name === p.record.stageTag) as TagInfo;
  own.annotated = false;
  own.object = p.commit.oid;
  own.tagger = undefined;
  assert.deepEqual(tagFindings(w, own), [
    `tag-lightweight: churn#staging#1 is a lightweight tag (it names commit ${p.commit.oid.slice(0, 12)} directly, with no tagger and no date): GTO does not read lightweight tags, so it does not see the assignment the record made`,
  ]);
});

test("GTO's own tags: read, and a finding only where they change a stage modelgate manages without a record", () => {
  const w = new World();
  const v1 = w.publish("churn", "1.0.0");
  const r1 = w.release(v1);
  const v2 = w.publish("churn", "1.1.0");
  const c1 = v1.commit.oid;
  const c2 = v2.commit.oid;
  // now staging runs 1.1.0 and production 1.0.0; tags GTO writes or older GTO wrote, none of them a change to what
  // a managed stage runs:
  const fine = [
    w.tag("churn#qa#7", c2), // gto assign churn --stage qa (a stage modelgate does not manage)
    w.tag("churn#qa", c1), // older GTO: no counter
    w.tag("churn#qa!", c1),
    w.tag("churn#qa!#8", c2),
    w.tag("churn#staging!#9", c1), // 1.0.0 no longer runs in staging
    w.tag("churn#staging!", c1), // the same, as older GTO wrote it
    w.tag("Churn_Model#production#1", c1), // other GTO artifacts: not modelgate's models
    w.tag("some/dir=churn#production#2", c1),
    w.tag("models/churn@v9.0.0", c1),
    w.tag("churn@v1.1.0#10", c2), // a registration with a counter, on the commit that published 1.1.0
    w.tag("churn@created", c1),
  ];
  for (const t of fine) assert.deepEqual(tagFindings(w, t), [], t.name);
  assert.deepEqual(stageTagsInOrder(w.facts()), []);

  // changes to managed stages without a record
  const hand = w.tag("churn#production", c2);
  assert.deepEqual(tagFindings(w, hand), [
    `tag-without-record: churn#production (on ${c2.slice(0, 12)}, by Dana Release <dana@example.com> at ${hand.tagger?.date}) is cited by no promotion record: a stage assignment made by hand or with GTO`,
  ]);
  const unassign = w.tag("churn#production!#11", c1);
  assert.deepEqual(tagFindings(w, unassign), [
    `tag-without-record: churn#production!#11 (on ${c1.slice(0, 12)}, by Dana Release <dana@example.com> at ${unassign.tagger?.date}) unassigns production from 1.0.0, which production ran then (record #2 (release 1.0.0 to production)): GTO stops showing it there while its overlay still deploys it`,
  ]);
  const dereg = w.tag("churn@v1.1.0!#12", c2);
  assert.deepEqual(tagFindings(w, dereg), [
    `tag-without-record: churn@v1.1.0!#12 (on ${c2.slice(0, 12)}, by Dana Release <dana@example.com> at ${dereg.tagger?.date}) deregisters 1.1.0 while staging ran 1.1.0 (record #3 (publish 1.1.0 to staging)): GTO stops showing what the overlays still deploy`,
  ]);
  const deprecated = w.tag("churn@deprecated#13", c1);
  assert.deepEqual(
    tagFindings(w, deprecated).map((f) => f.replace(/ \(on .*?\) /, " ")),
    [
      "tag-without-record: churn@deprecated#13 deprecates churn while staging ran 1.1.0 (record #3 (publish 1.1.0 to staging)), production ran 1.0.0 (record #2 (release 1.0.0 to production)): GTO stops showing what the overlays still deploy",
    ],
  );
  // a deregistration of a version no environment runs, made before it ran or after it stopped, is no finding
  assert.deepEqual(tagFindings(w, w.tag("churn@v1.0.0!", c1, { date: "2026-03-02T09:00:30Z" })), []);
  assert.equal(r1.record.environment, "production");

  // everything at once, as audit verify runs it: only those four
  const all = runRules(w.facts()).filter((f) => f.tag !== null && !f.record);
  assert.deepEqual(
    all.map((f) => f.tag),
    ["churn#production", "churn#production!#11", "churn@v1.1.0!#12", "churn@deprecated#13"],
  );
});

test("stage-counter: stage tags of a model and stage whose numbers go down as their tagger dates go up", () => {
  const w = new World();
  w.publish("churn", "1.0.0");
  w.tag("churn#staging#4", oid("a"), { date: "2026-03-02T10:00:00Z" });
  w.tag("churn#staging#2", oid("b"), { date: "2026-03-02T11:00:00Z" });
  w.tag("churn#production#1", oid("c"), { date: "2026-03-02T10:00:00Z" });
  w.tag("churn#production!#2", oid("c"), { date: "2026-03-02T10:00:00Z" });
  w.tag("churn#production#3", oid("c"), { annotated: false });
  // a stage modelgate does not manage, and tags without a counter, are GTO's to order
  w.tag("churn#qa#5", oid("a"), { date: "2026-03-02T10:00:00Z" });
  w.tag("churn#qa#2", oid("b"), { date: "2026-03-02T11:00:00Z" });
  w.tag("churn#staging", oid("b"), { date: "2026-03-02T12:00:00Z" });
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
