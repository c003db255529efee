import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { canonicalJson, canonicalOf, recordDigest } from "../../src/ledger/canonical.ts";
import { appendToLedger, chainProblems, currentIn, type NewRecord, parseLedger } from "../../src/ledger/ledger.ts";
import { nextStageNumber, parseTag, parseVersionArg, stageTag, versionTag } from "../../src/ledger/tags.ts";
import { commitMessage, parseTrailers } from "../../src/ledger/trailers.ts";

test("canonical JSON follows RFC 8785: sorted keys, no whitespace, ECMAScript numbers and string escapes", () => {
  // RFC 8785 section 3.2.2 / appendix examples, restricted to the values records hold.
  assert.equal(
    canonicalJson({ b: 1, a: [1e21, 0.000001, -0, "€\u000f"], "\u20ac": true, "1": null }),
    '{"1":null,"a":[1e+21,0.000001,0,"€\\u000f"],"b":1,"€":true}',
  );
  assert.equal(
    canonicalJson({ "\ufb33": 2, "\ud83d\ude00": 1 }),
    '{"\ud83d\ude00":1,"\ufb33":2}',
    "sorted by UTF-16 code units",
  );
  assert.throws(() => canonicalJson({ x: Number.NaN }));
  assert.equal(recordDigest({ b: 1, a: 2 }), recordDigest({ a: 2, b: 1 }));
});

test("canonicalOf: a text that is canonical already is its own canonical form; any other text is rebuilt", () => {
  const cases = [
    '{"1":null,"a":[1e+21,0.000001,0,"€\\u000f"],"b":1,"€":true}',
    '{"b":1,"a":2}',
    '{"10":1,"9":2}',
    '{"9":2,"10":1}',
    '{"a":{"d":1,"c":2}}',
    '{"a": 1}',
    '{"a":1.0}',
    '{"\ud83d\ude00":1,"\ufb33":2}',
    '{"\ufb33":2,"\ud83d\ude00":1}',
    '{"a":"\u00e9"}',
  ];
  for (const text of cases) {
    const parsed = JSON.parse(text);
    assert.equal(canonicalOf(text, parsed), canonicalJson(parsed), text);
  }
});

test("tags follow GTO's grammar; stage numbers increase per model and stage", () => {
  assert.deepEqual(parseTag("fraud-detector@v1.4.0"), {
    kind: "version",
    name: "fraud-detector",
    version: "1.4.0",
    deregistered: false,
  });
  assert.deepEqual(parseTag("fraud-detector@v1.4.0!"), {
    kind: "version",
    name: "fraud-detector",
    version: "1.4.0",
    deregistered: true,
  });
  assert.deepEqual(parseTag("fraud-detector#production#12"), {
    kind: "stage",
    name: "fraud-detector",
    stage: "production",
    number: 12,
    unassigned: false,
  });
  assert.deepEqual(parseTag("fraud-detector#production!#3"), {
    kind: "stage",
    name: "fraud-detector",
    stage: "production",
    number: 3,
    unassigned: true,
  });
  // what GTO's grammar refuses (test/ledger/tags*.test.ts check the parser against GTO's own regex)
  for (const bad of ["fraud-detector@1.4.0", "x#prod#a", "v1.0.0", "x#prod#-1", "_x@v1.0.0", "x@v1.0"])
    assert.equal(parseTag(bad), undefined, bad);
  // and what it reads besides modelgate's own tags
  for (const gto of ["Fraud@v1.0.0", "x#prod#0", "x#prod", "x#prod!", "x@deprecated#2", "d/e=x_y#qa#3"])
    assert.notEqual(parseTag(gto), undefined, gto);
  const tags = ["a#production#1", "a#staging#1", "a#production#2", "b#production#7", "a#production!#2", "a@v1.0.0"];
  assert.equal(nextStageNumber(tags, "a", "production"), 3);
  assert.equal(nextStageNumber(tags, "a", "staging"), 2);
  assert.equal(nextStageNumber(tags, "c", "staging"), 1);
  assert.equal(stageTag("a", "staging", 2), "a#staging#2");
  assert.equal(versionTag("a", "1.0.0"), "a@v1.0.0");
  assert.deepEqual(parseVersionArg("a@v1.2.3"), { name: "a", version: "1.2.3" });
  assert.deepEqual(parseVersionArg("v1.2.3"), { version: "1.2.3" });
  assert.equal(parseVersionArg("1.2"), undefined);
});

test("trailers are read back by git interpret-trailers, repeated keys included", () => {
  const msg = commitMessage("Publish fraud-detector 1.1.0 to staging", "Body line\nwith: a colon inside", [
    ["Model", "fraud-detector"],
    ["Model-Version", "1.1.0"],
    ["Data-Digest", "eval sha256:aa"],
    ["Data-Digest", "train sha256:bb"],
    ["Approved-by", "bob (review 1 on 0123abc)\nnot a new line"],
  ]);
  const parsed = execFileSync("git", ["interpret-trailers", "--parse"], { input: msg, encoding: "utf8" });
  const t = parseTrailers(parsed);
  assert.deepEqual(t.get("Data-Digest"), ["eval sha256:aa", "train sha256:bb"]);
  assert.deepEqual(t.get("Approved-by"), ["bob (review 1 on 0123abc) not a new line"]);
  assert.deepEqual(t.get("Model-Version"), ["1.1.0"]);
  assert.equal(t.has("with"), false, "a colon in the body is not a trailer");
});

function entry(version: string, environment: string): NewRecord {
  return {
    apiVersion: "modelgate.dev/v1alpha1",
    kind: "PromotionRecord",
    action: "publish",
    at: "2026-11-29T00:00:00Z",
    model: { name: "m", version, sha256: "a".repeat(64), path: "models/m/model.onnx" },
    data: [{ name: "eval", sha256: "b".repeat(64) }],
    evaluation: {
      record: `sha256:${"c".repeat(64)}`,
      path: "records/m/evaluations/c.json",
      verdict: "pass",
      gates: [],
      metrics: { roc_auc: 0.9 },
    },
    pullRequest: { number: 1, author: "alice", head: "d".repeat(40) },
    approvals: [{ reviewer: "bob", reviewId: 1, commit: "d".repeat(40), submittedAt: "2026-11-28T00:00:00Z" }],
    image: { reference: `r/m@sha256:${"e".repeat(64)}`, digest: `sha256:${"e".repeat(64)}` },
    environment,
    stageTag: `m#${environment}#1`,
    source: "f".repeat(40),
    triggeredBy: "bob",
  };
}

test("the ledger chains each entry to the one before; edits, deletions and insertions break the chain", () => {
  let text = "";
  for (const [v, env] of [
    ["1.0.0", "staging"],
    ["1.0.0", "production"],
    ["1.1.0", "staging"],
  ] as const) {
    text = appendToLedger(text, entry(v, env)).text;
  }
  const { entries, problems } = parseLedger(text);
  assert.deepEqual(problems, []);
  assert.deepEqual(chainProblems(entries), []);
  assert.deepEqual(
    entries.map((e) => e.record.sequence),
    [1, 2, 3],
  );
  assert.equal(entries[1].record.previous, entries[0].digest);
  assert.equal(currentIn(entries, "production")?.record.model.version, "1.0.0");
  assert.equal(currentIn(entries, "staging")?.record.model.version, "1.1.0");

  const lines = text.trimEnd().split("\n");
  // an edited field, re-canonicalised so only the chain can tell
  const edited = JSON.parse(lines[0]);
  edited.model.version = "9.9.9";
  const t1 = [canonicalJson(edited), ...lines.slice(1)].join("\n");
  assert.match(
    chainProblems(parseLedger(t1).entries)
      .map((p) => `${p.line}: ${p.message}`)
      .join("\n"),
    /^2: previous is sha256:/,
  );
  // a deleted entry
  const t2 = [lines[0], lines[2]].join("\n");
  assert.ok(
    chainProblems(parseLedger(t2).entries).some((p) => p.line === 2 && /sequence 3, expected 2/.test(p.message)),
  );
  // entries out of order
  const t3 = [lines[1], lines[0], lines[2]].join("\n");
  assert.ok(chainProblems(parseLedger(t3).entries).length >= 2);
  // an edit by hand that is not canonical
  const t4 = [lines[0].replace('"action":"publish"', '"action": "publish"'), ...lines.slice(1)].join("\n");
  assert.match(parseLedger(t4).problems[0].message, /canonical/);
});
