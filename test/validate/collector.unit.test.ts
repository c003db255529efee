/**
 * validate's findings when the manifests were read without yaml (src/manifest/plain.ts): a finding whose line only
 * yaml's document can give (the position throws YamlNotLoaded) keeps its place in the list and is made once yaml is
 * loaded.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { YamlNotLoaded } from "../../src/manifest/source.ts";
import { collector } from "../../src/validate/validate.ts";

test("a finding whose line needs yaml is made in its place once yaml is loaded", async () => {
  // a position as `at()` gives it, whose line needs yaml's document until yaml is loaded (the fast lane runs many
  // files in one process: yaml may be loaded already, so the test stands for it)
  let loaded = false;
  const needsYaml = {
    file: "m.yaml",
    get line() {
      if (!loaded) throw new YamlNotLoaded();
      return 3;
    },
    col: 9,
  };
  const { findings, report, placed } = collector();
  report.error({ file: "m.yaml", line: 4, col: 17 }, "reference", "first");
  report.warn(needsYaml, "schema", "second");
  report.error({ file: "m.yaml", line: 1, col: 7 }, "schema", "third", "c");
  assert.equal(findings.length, 3);
  assert.equal(findings[1], undefined);
  loaded = true;
  await placed();
  assert.deepEqual(findings, [
    { severity: "error", check: "reference", file: "m.yaml", line: 4, col: 17, message: "first" },
    { severity: "warning", check: "schema", file: "m.yaml", line: 3, col: 9, message: "second" },
    { severity: "error", check: "schema", file: "m.yaml", line: 1, col: 7, message: "third", column: "c" },
  ]);
  assert.equal(Object.keys(findings[1]).join(), "severity,check,file,line,col,message");
  // any other error is the check's own
  assert.throws(() =>
    report.error(
      {
        file: "m.yaml",
        get line(): number {
          throw new Error("boom");
        },
        col: 1,
      },
      "x",
      "y",
    ),
  );
});
