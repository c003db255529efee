/** The manifests' fast YAML reader (src/manifest/yaml-fast.ts): yaml's value exactly, or undefined (then yaml parses). */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parseDocument } from "yaml";
import { fastYamlPositions, fastYamlValue } from "../../src/manifest/yaml-fast.ts";
import { at } from "../../src/manifest/repo.ts";
import { type Path, parseManifest, parseYaml, positionOf } from "../../src/manifest/yaml.ts";

const example = join(import.meta.dirname, "../../examples/fraud-detection");
const manifests = [
  "modelgate.yaml",
  "models/fraud-detector/model.yaml",
  ...readdirSync(join(example, "data"))
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => `data/${f}`),
].map((f) => readFileSync(join(example, f), "utf8"));

const yamlValue = (text: string) => {
  const doc = parseDocument(text, { uniqueKeys: true });
  return doc.errors.length || doc.warnings.length ? "yaml refuses it" : doc.toJS();
};

test("the example's manifests read as yaml reads them", () => {
  for (const text of manifests) assert.deepEqual(fastYamlValue(text), yamlValue(text));
});

test("scalars resolve by YAML 1.2's core schema, as yaml resolves them", () => {
  const scalars = [
    "~",
    "null",
    "Null",
    "NULL",
    "true",
    "True",
    "FALSE",
    "yes",
    "on",
    "0o17",
    "0x1F",
    "+5",
    "-0",
    "007",
    "12345678901234567890",
    "5.",
    ".5",
    "1e3",
    "-1.5E-3",
    ".inf",
    "-.Inf",
    ".NaN",
    "1_000",
    "1.0.0",
    "2024-01",
    "https://x.org/a#b",
    "a b",
    "--params",
    "-5",
    '"q\\"uoted"',
    "'it''s'",
    '[a, 1, "b"]',
    "{k: [N, 6]}",
    "[]",
    "{}",
  ];
  for (const s of scalars) {
    const text = `key: ${s}\n`;
    const got = fastYamlValue(text);
    if (got !== undefined) assert.deepEqual(got, yamlValue(text), s);
  }
  assert.deepEqual(fastYamlValue("a: 0x1F\nb: 1.0.0\nc: .NaN\n"), { a: 31, b: "1.0.0", c: Number.NaN });
});

test("anything outside the plain block style is left to yaml", () => {
  for (const text of [
    "a: &x 1\nb: *x\n",
    "a: !!str 1\n",
    "a: |\n  text\n",
    "a: long\n  continued\n",
    "a: 1\na: 2\n",
    "a: [1,\n  2]\n",
    "---\na: 1\n",
    "a:\n\t- 1\n",
    "a: b: c\n",
    "? a\n: b\n",
    "1: a\n",
    "__proto__: a\n",
  ])
    assert.equal(fastYamlValue(text), undefined, text);
});

test("a manifest read fast still names the line of a finding (its document is parsed when a position is asked)", () => {
  const text = manifests[1];
  const parsed = parseManifest("models/fraud-detector/model.yaml", text, "Model");
  assert.ok(parsed.manifest?.value);
  const m = { file: "m.yaml", abs: "/m.yaml", dir: "/", src: parsed.manifest.src, value: parsed.manifest.value };
  const line = text.split("\n").findIndex((l) => l.startsWith("  version:")) + 1;
  assert.deepEqual({ ...at(m, ["spec", "version"]) }, { file: "m.yaml", line, col: 12 });
});

test("a node's position from the fast reader is yaml's, or none (then yaml's tree answers)", () => {
  const texts = [
    ...manifests,
    // keys with nothing after them, a sequence at its key's indentation, flow collections, quotes, comments
    "a:\n  # note\n  b: 1\n  c:\n  d: [1, {e: 2}]\nlist:\n- x\n-   'y' # why\n- k: v\n  w:\n    - 1\n-\n  - nested\n",
    // one-line flows: nested, quoted, spaced, empty, in a sequence and under a key
    "f: [ a,  'b c' , \"d\", [1, [2]], {x: 1,  y: [3, {z: q}]}, {}, []]\ng: {k:  v, l: [ ], m: {n: 'o'}}\ns:\n  - [1, 2]\n  - {p: 1}\n  -   {q: [r]}\n",
  ];
  let compared = 0;
  for (const text of texts) {
    const full = parseYaml("m.yaml", text).src;
    const fast = fastYamlPositions(text);
    assert.ok(fast);
    const paths: Path[] = [];
    const walk = (v: unknown, path: Path) => {
      paths.push(path, [...path, "missing"], [...path, 99]);
      if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, [...path, i]);
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(fastYamlValue(text), []);
    for (const path of paths)
      for (const key of [false, true]) {
        const pos = fast(path, key);
        if (!pos) continue;
        assert.deepEqual(pos, positionOf(full, path, key), `${JSON.stringify(path)} key=${key} in\n${text}`);
        compared++;
      }
  }
  assert.ok(compared > 500, `${compared} positions compared`);
});

test("keys with a slash (Kubernetes labels) read as yaml reads them", () => {
  const text =
    "labels:\n  - pairs:\n      modelgate.dev/environment: staging\n      a/b-c.d: 1\n    includeSelectors: false\n";
  assert.deepEqual(fastYamlValue(text), parseDocument(text).toJS());
  assert.deepEqual(fastYamlValue(text), {
    labels: [{ pairs: { "modelgate.dev/environment": "staging", "a/b-c.d": 1 }, includeSelectors: false }],
  });
});
