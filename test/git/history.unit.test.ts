import assert from "node:assert/strict";
import { test } from "node:test";
import { changesOf } from "../../src/audit/history.ts";
import { GitOutputError, parseLog, parseTagRefs, topPathspecs } from "../../src/git/history.ts";

/** git's answers as `git log -z --raw --format=<fields joined by %x00>` and `for-each-ref` print them. */
const A = "a".repeat(40);
const B = "b".repeat(40);
const C = "c".repeat(40);
const M = "d".repeat(40);
const Z = "0".repeat(40);
const blob = (c: string) => c.repeat(40);
const head = (oid: string, parents: string, subject: string, trailers = "") =>
  [
    oid,
    parents,
    "Mal\x1flory",
    "m\x1e@example.com",
    "1772442000",
    "Mal\tlory",
    "m@example.com",
    "1772442000",
    subject,
    trailers,
  ].join("\0");
const raw = (path: string, from: string, to: string, status = "M") =>
  `:100644 100644 ${from} ${to} ${status}\0${path}\0`;

test("parseLog: fields and changes split on NUL only; a merge's sections, one per parent it differs from", () => {
  const out = [
    `${head(A, "", "first\x1e\x1fsubject", "Signed-off-by: x\x1e\n")}\0\n${raw("deploy/a\nb.yaml", Z, blob("1"), "A")}`,
    `${head(B, A, "no change")}\0\0`,
    `${head(M, `${B} ${C}`, "merge")}\0\n${raw("deploy/a", blob("1"), blob("2"))}`,
    `${head(M, `${B} ${C}`, "merge")}\0\n${raw("deploy/a", blob("3"), blob("2"))}${raw("records/x", blob("4"), blob("5"))}`,
  ].join("");
  const rows = parseLog(out);
  assert.deepEqual(
    rows.map((r) => [r.oid, r.subject, r.sections.length]),
    [
      [A, "first\x1e\x1fsubject", 1],
      [B, "no change", 0],
      [M, "merge", 2],
    ],
  );
  assert.equal(rows[0].an, "Mal\x1flory");
  assert.equal(rows[0].ae, "m\x1e@example.com");
  assert.equal(rows[0].cn, "Mal\tlory");
  assert.equal(rows[0].trailers, "Signed-off-by: x\x1e\n");
  assert.deepEqual(rows[0].sections[0], [{ path: "deploy/a\nb.yaml", status: "A", oldOid: Z, newOid: blob("1") }]);
  // what the merge made (unlike both parents) and what it touched (unlike either)
  const m = changesOf(rows[2].parents.split(" "), rows[2].sections);
  assert.deepEqual(m.changes, [{ path: "deploy/a", status: "M", oldOid: blob("1"), newOid: blob("2") }]);
  assert.deepEqual(
    m.touched.map((c) => c.path),
    ["deploy/a", "records/x"],
  );
  // a merge like one of its parents made nothing of its own
  assert.deepEqual(changesOf([B, C], [rows[2].sections[1]]).changes, []);
});

test("parseLog and parseTagRefs refuse output that does not have their shape, rather than misread it", () => {
  assert.throws(() => parseLog(`not-a-commit\0${head(A, "", "x").slice(41)}\0\0`), GitOutputError);
  assert.throws(() => parseLog(`${head(A, "", "x")}\0\n:100644 100644 nonsense\0path\0`), GitOutputError);
  const ref = (name: string, tagger: string, subject: string) =>
    [`refs/tags/${name}`, "tag", A, "commit", B, tagger, "<t@example.com>", "1772442000", subject].join("\0");
  const tags = parseTagRefs(
    `${ref("churn#production#1", "T\x1fagger", "moved\x1echurn#production#1\x1ftag")}\0\n${ref("churn@v1.0.0", "T", "x")}\0\n`,
  );
  assert.deepEqual(
    tags.map((t) => [t.name, t.tagger, t.subject, t.peeled]),
    [
      ["churn#production#1", "T\x1fagger", "moved\x1echurn#production#1\x1ftag", B],
      ["churn@v1.0.0", "T", "x", B],
    ],
  );
  assert.deepEqual(parseTagRefs(""), []);
  assert.throws(() => parseTagRefs(`${ref("x", "T", "s")}\0\nrefs/tags/y\0tag\0`), GitOutputError);
});

test("pathspecs from the top of the tree, taken literally (a glob only where asked)", () => {
  assert.deepEqual(topPathspecs(["deploy/", "modelgate.yaml", "a*[b]"], ["**/MODEL_CARD.md"]), [
    ":(top,literal)deploy/",
    ":(top,literal)modelgate.yaml",
    ":(top,literal)a*[b]",
    ":(top,glob)**/MODEL_CARD.md",
  ]);
});
