import assert from "node:assert/strict";
import { test } from "node:test";
import {
  deregisterTag,
  deregistrationOf,
  nextStageNumber,
  parseTag,
  parseVersionArg,
  stageTag,
  unassignTag,
  versionTag,
} from "../../src/ledger/tags.ts";
import {
  asGto,
  GTO_CASES,
  GTO_TAG_RE_SOURCE,
  gtoFullnameInTagRe,
  gtoNameRe,
  gtoParse,
  gtoTagRe,
  tagCorpus,
} from "./gto.ts";
import { semver } from "../../src/manifest/schema.ts";

test("GTO's regex is read from the copy of its source, as Python compiles it", () => {
  // the start and end of tag_re.pattern as `python3 -c 'from gto.constants import tag_re; print(tag_re.pattern)'`
  // prints it at GTO 1.10.1
  assert.ok(GTO_TAG_RE_SOURCE.startsWith("^(?P<artifact>(?P<dirname>[a-zA-Z0-9-_./]+=)?(?P<name>[a-zA-Z0-9]("));
  assert.ok(
    GTO_TAG_RE_SOURCE.endsWith(
      "(?P<cancel>!?))|@((?P<deprecated>deprecated)|(?P<created>created)))(#(?P<counter>[0-9]+))?$",
    ),
  );
  // GTO's own name tests hold for the regex built here
  for (const n of GTO_CASES.test_check_name_is_valid) assert.ok(gtoNameRe.test(n), n);
  for (const n of GTO_CASES.test_check_name_is_invalid) assert.ok(!gtoNameRe.test(n), n);
  for (const n of GTO_CASES.test_check_fullname_in_tag_is_valid) assert.ok(gtoFullnameInTagRe.test(n), n);
});

test("GTO's own test cases: parse_name's results, the names it refuses and the names it reads", () => {
  assert.ok(GTO_CASES.test_parse_name.length >= 7 && GTO_CASES.test_parse_wrong_names.length >= 20);
  for (const c of GTO_CASES.test_parse_name) {
    assert.deepEqual(gtoParse(c.tag), c.parsed, `the oracle on ${c.tag}`);
    assert.deepEqual(asGto(parseTag(c.tag)), c.parsed, c.tag);
  }
  for (const t of GTO_CASES.test_parse_wrong_names) assert.equal(parseTag(t), undefined, t);
  for (const t of GTO_CASES.test_parse_correct_names) assert.notEqual(parseTag(t), undefined, t);
  // names GTO allows (test_constants.py) name an artifact and a stage; names it refuses do neither
  for (const n of GTO_CASES.test_check_name_is_valid) {
    assert.equal(parseTag(`${n}@v1.0.0`)?.name, n, n);
    assert.deepEqual(parseTag(`nn#${n}`), { kind: "stage", name: "nn", stage: n, unassigned: false }, n);
  }
  for (const n of GTO_CASES.test_check_name_is_invalid) {
    assert.notEqual(parseTag(`${n}@v1.0.0`)?.name, n, n);
    const p = parseTag(`nn#${n}#1`);
    assert.ok(p?.kind !== "stage" || p.stage !== n, n);
  }
  for (const n of GTO_CASES.test_check_fullname_in_tag_is_valid)
    assert.equal(parseTag(`${n}#prod#1`)?.name, n.replace("=", ":"), n);
});

test("modelgate's parser accepts exactly the tags GTO's regex accepts, and reads the same parts", () => {
  const corpus = tagCorpus();
  assert.ok(corpus.length > 5000, `${corpus.length} tags`);
  let accepted = 0;
  const differ: string[] = [];
  for (const t of corpus) {
    const gto = gtoParse(t);
    const ours = asGto(parseTag(t));
    if (gtoTagRe.test(t)) accepted++;
    if (JSON.stringify(ours) !== JSON.stringify(gto))
      differ.push(`${t}: GTO ${JSON.stringify(gto)}, modelgate ${JSON.stringify(ours)}`);
  }
  assert.deepEqual(differ.slice(0, 10), []);
  // both sides of the boundary are exercised
  assert.ok(accepted > 1000 && corpus.length - accepted > 1000, `${accepted} of ${corpus.length} accepted`);
});

test("what GTO writes and older GTO wrote: stages modelgate does not manage, no counter, deprecation, dirname", () => {
  assert.deepEqual(parseTag("churn#qa#7"), { kind: "stage", name: "churn", stage: "qa", number: 7, unassigned: false });
  assert.deepEqual(parseTag("churn#production"), {
    kind: "stage",
    name: "churn",
    stage: "production",
    unassigned: false,
  });
  assert.deepEqual(parseTag("churn#production!"), {
    kind: "stage",
    name: "churn",
    stage: "production",
    unassigned: true,
  });
  assert.deepEqual(parseTag("churn@deprecated#4"), { kind: "deprecated", name: "churn", number: 4 });
  assert.deepEqual(parseTag("churn@v1.0.0!#3"), {
    kind: "version",
    name: "churn",
    version: "1.0.0",
    deregistered: true,
    number: 3,
  });
  assert.deepEqual(parseTag("models/dir=Churn_Model@v2.0.0-rc.1"), {
    kind: "version",
    name: "models/dir:Churn_Model",
    version: "2.0.0-rc.1",
    deregistered: false,
  });
  assert.deepEqual(parseTag("x#prod#0"), { kind: "stage", name: "x", stage: "prod", number: 0, unassigned: false });
});

test("every tag modelgate writes is one GTO reads as the same event", () => {
  for (const [tag, want] of [
    [
      versionTag("fraud-detector", "1.4.0-rc.1+b.7"),
      { name: "fraud-detector", version: "v1.4.0-rc.1+b.7", action: "register" },
    ],
    [deregisterTag("fraud-detector", "1.4.0"), { name: "fraud-detector", version: "v1.4.0", action: "deregister" }],
    [
      stageTag("fraud-detector", "production", 12),
      { name: "fraud-detector", stage: "production", action: "assign", counter: 12 },
    ],
    [unassignTag("a", "staging", 3), { name: "a", stage: "staging", action: "unassign", counter: 3 }],
  ] as const)
    assert.deepEqual(gtoParse(tag), want, tag);
});

test("stage numbers, deregistrations in every form, version arguments", () => {
  const tags = ["a#production#1", "a#production", "a#qa#9", "d=a#production#8", "a#production!#2", "a@v1.0.0#5"];
  // per model and stage: a GTO tag without a counter counts as none; another artifact (d:a) does not count
  assert.equal(nextStageNumber(tags, "a", "production"), 3);
  assert.equal(nextStageNumber(tags, "a", "staging"), 1);
  assert.equal(deregistrationOf(["a@v1.0.0", "a@v1.0.0!#4"], "a", "1.0.0"), "a@v1.0.0!#4");
  assert.equal(deregistrationOf(["a@v1.0.0!", "b@v1.0.0!"], "a", "1.0.0"), "a@v1.0.0!");
  assert.equal(deregistrationOf(["a@v1.0.0", "a@v1.0.1!"], "a", "1.0.0"), undefined);
  assert.deepEqual(parseVersionArg("a@v1.2.3"), { name: "a", version: "1.2.3" });
  assert.deepEqual(parseVersionArg("v1.2.3"), { version: "1.2.3" });
  for (const bad of ["1.2", "a@v1.2.3#4", "a@v1.2.3!", "1.2.3-01", "01.2.3"])
    assert.equal(parseVersionArg(bad), undefined, bad);
});

test("every version a manifest accepts makes a version tag GTO reads, and no other", () => {
  const versions = [
    "1.0.0",
    "0.0.0",
    "1.4.0-rc.1",
    "1.0.0-alpha.beta+build.5",
    "1.0.0-0A.is.legal",
    "1.0.0-01",
    "1.0.0-alpha..1",
    "1.0.0+",
    "01.0.0",
    "1.0",
    "1.0.0-",
    "1.0.0+001",
  ];
  for (const v of versions) {
    const manifest = semver.safeParse(v).success;
    assert.equal(gtoTagRe.test(versionTag("fraud-detector", v)), manifest, v);
  }
});
