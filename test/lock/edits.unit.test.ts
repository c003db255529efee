/** lock's plan (src/lock/edits.ts): measured values → edits and new texts, pure; nothing is read or written. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parse } from "yaml";
import { lockEdits, planLock } from "../../src/lock/edits.ts";
import type { Loaded } from "../../src/manifest/repo.ts";
import { parseYaml } from "../../src/manifest/yaml.ts";

function manifest(file: string, text: string): Loaded<unknown> {
  const { src } = parseYaml(file, text);
  return { file, abs: `/repo/${file}`, dir: "/repo/data", src, value: src.doc.toJS() };
}

const dataset = manifest(
  "data/train.yaml",
  "kind: Dataset   # kept\nspec:\n  path: train.csv\n  sha256: aaaa\n  rows: 10\n",
);

test("a measured value equal to the manifest's is no edit; a different or missing one is", () => {
  assert.deepEqual(
    lockEdits(dataset, [
      [["spec", "sha256"], "aaaa"],
      [["spec", "rows"], 12],
      [["spec", "sizeBytes"], 300],
    ]),
    [
      { path: ["spec", "rows"], value: 12 },
      { path: ["spec", "sizeBytes"], value: 300 },
    ],
  );
  // a mapping compares by value, not by node
  const withProfile = manifest("data/p.yaml", "spec:\n  profile:\n    x: { kind: categorical, values: { a: 1 } }\n");
  assert.deepEqual(
    lockEdits(withProfile, [[["spec", "profile"], { x: { kind: "categorical", values: { a: 1 } } }]]),
    [],
  );
});

test("planLock leaves unchanged manifests out and gives each changed one its new text, comments kept", () => {
  const model = manifest("models/m/model.yaml", "kind: Model\nspec:\n  artifact: { path: m.onnx, sha256: bbbb }\n");
  const plan = planLock([
    { manifest: dataset, values: [[["spec", "rows"], 12]] },
    { manifest: model, values: [[["spec", "artifact", "sha256"], "bbbb"]] },
  ]);
  assert.equal(plan.writes.length, 1);
  const [w] = plan.writes;
  assert.deepEqual([w.file, w.abs, w.fields], ["data/train.yaml", "/repo/data/train.yaml", ["rows"]]);
  assert.equal(w.text, "kind: Dataset   # kept\nspec:\n  path: train.csv\n  sha256: aaaa\n  rows: 12\n");
  assert.equal(parse(w.text).spec.rows, 12);
  assert.deepEqual(planLock([]), { writes: [] });
});
