import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parseManifest, positionOf } from "../../src/manifest/yaml.ts";

const file = "models/fraud-detector/model.yaml";
const text = readFileSync(join(import.meta.dirname, "../../examples/fraud-detection", file), "utf8");

test("a manifest parsed again in the same process gives a fresh copy, and its document only when asked for", () => {
  const first = parseManifest(file, text, "Model");
  const again = parseManifest(file, text, "Model");
  assert.ok(first.manifest?.value && again.manifest?.value);
  assert.deepEqual(again.manifest.value, first.manifest.value);
  assert.deepEqual(again.findings, first.findings);
  // the second parse kept what the first one found, and parses the YAML document only when it is asked for
  assert.equal(typeof Object.getOwnPropertyDescriptor(again.manifest.src, "doc")?.get, "function");
  assert.deepEqual(positionOf(again.manifest.src, ["spec"]), positionOf(first.manifest.src, ["spec"]));
  assert.deepEqual(again.manifest.src.doc.toJS(), first.manifest.src.doc.toJS());

  // nothing is shared: a caller that changes its value changes no one else's
  (first.manifest.value as { metadata: { name: string } }).metadata.name = "changed";
  first.findings.push({ severity: "warning", check: "x", file, message: "added by a caller" });
  const third = parseManifest(file, text, "Model");
  assert.equal((third.manifest!.value as { metadata: { name: string } }).metadata.name, "fraud-detector");
  assert.deepEqual(third.findings, again.findings);

  // another text is another manifest
  const other = parseManifest(file, text.replace("name: fraud-detector", "name: fraud-detector-2"), "Model");
  assert.equal((other.manifest!.value as { metadata: { name: string } }).metadata.name, "fraud-detector-2");
  // and a manifest that is not of the kind expected is refused each time
  assert.equal(parseManifest(file, text, "Dataset").manifest, undefined);
});
