/**
 * validate's findings when the manifests were read without yaml (src/manifest/plain.ts): a finding whose line only
 * yaml's document can give (an empty value) keeps its place in the list and is made once yaml is loaded.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { at, type Loaded } from "../../src/manifest/loaded.ts";
import { lazySource, YamlNotLoaded } from "../../src/manifest/source.ts";
import { collector } from "../../src/validate/validate.ts";

test("a finding whose line needs yaml is made in its place once yaml is loaded", async () => {
  const text = "kind: Model\nspec:\n  empty:\n  flow: [a, {b: 1}]\n";
  const m: Loaded<unknown> = { file: "m.yaml", abs: "/m.yaml", dir: "/", src: lazySource("m.yaml", text), value: {} };
  const { findings, report, placed } = collector();
  report.error(at(m, ["spec", "flow", 1, "b"]), "reference", "first");
  report.warn(at(m, ["spec", "empty"]), "schema", "second"); // an empty value: no position without yaml
  report.error(at(m, ["kind"]), "schema", "third");
  // the second waits (yaml is not loaded in this process yet), the others are made at once
  assert.throws(() => m.src.doc, YamlNotLoaded);
  assert.equal(findings[1], undefined);
  assert.deepEqual(findings[0], {
    severity: "error",
    check: "reference",
    file: "m.yaml",
    line: 4,
    col: 17,
    message: "first",
  });
  await placed();
  assert.deepEqual(
    findings.map((f) => [f.message, f.line, f.col]),
    [
      ["first", 4, 17],
      ["second", 3, 9],
      ["third", 1, 7],
    ],
  );
  assert.equal(Object.keys(findings[1]).join(), "severity,check,file,line,col,message");
});
