/** `modelgate lock` touches only the values that changed, and keeps each file's own style. */
import assert from "node:assert/strict";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { main } from "../../src/cli/main.ts";
import { sha256Bytes } from "../../src/data/hash.ts";
import { bufferIo } from "../../src/util/io.ts";
import { makeFixtureRepo } from "../support/fixture-repo.ts";

const BOM = "\uFEFF";
const crlf = (s: string) => s.replace(/\r?\n/g, "\r\n");

/** The fixture, its manifests written the way people write them: flow maps with spaces, aligned comments. */
function styledRepo() {
  const fx = makeFixtureRepo();
  const read = (rel: string) => readFileSync(join(fx.root, rel), "utf8");
  fx.write(
    "models/churn/model.yaml",
    read("models/churn/model.yaml")
      .replace("kind: Model", "kind: Model      # a comment, aligned")
      .replace("    datasets: [churn-train]\n", "    datasets: [churn-train]\n    params: { C: 1.0, kernel: rbf }\n\n")
      .replace(
        "      - { name: input, type: float32, shape: [N, 2] }",
        "      - { name: input,  type: float32, shape: [ N, 2 ] }",
      ),
  );
  fx.write(
    "data/churn-train.yaml",
    BOM +
      crlf(
        read("data/churn-train.yaml")
          .replace("kind: Dataset", "kind: Dataset    # kept as written")
          .replace("      min: 0\n      max: 200\n", "      min: 0     # no negative tenure\n      max: 200\n")
          .replace("  datasheet:\n", "  checks: { minRows: 10 }\n  datasheet:\n"),
      ),
  );
  return { ...fx, read };
}

test("lock leaves a manifest whose values did not change byte for byte as it was", async () => {
  const fx = styledRepo();
  const before = fx.read("models/churn/model.yaml");
  const mtime = statSync(join(fx.root, "models/churn/model.yaml")).mtimeMs;
  const io = bufferIo(fx.root);
  assert.equal(await main(["lock"], io), 0, io.stderr);
  assert.doesNotMatch(io.stdout, /models\/churn\/model\.yaml/, "the model's values did not change");
  assert.equal(fx.read("models/churn/model.yaml"), before);
  assert.equal(statSync(join(fx.root, "models/churn/model.yaml")).mtimeMs, mtime, "not even rewritten");

  // a second run: nothing to do, and nothing written
  const texts = ["models/churn/model.yaml", "data/churn-train.yaml", "data/churn-eval.yaml"].map(fx.read);
  const io2 = bufferIo(fx.root);
  assert.equal(await main(["lock"], io2), 0);
  assert.equal(io2.stdout, "lock: everything is up to date\n");
  assert.deepEqual(["models/churn/model.yaml", "data/churn-train.yaml", "data/churn-eval.yaml"].map(fx.read), texts);
});

test("when values change, lock adds or replaces only them, in the file's style: BOM, CRLF, flow spacing, comments", async () => {
  const fx = styledRepo();
  const before = fx.read("data/churn-train.yaml");
  const io = bufferIo(fx.root);
  assert.equal(await main(["lock"], io), 0, io.stderr);
  assert.match(io.stdout, /data\/churn-train\.yaml: updated sizeBytes, profile/);
  const after = fx.read("data/churn-train.yaml");
  // the file as it was, then the added keys: nothing respaced, no blank line, the BOM kept
  assert.ok(after.startsWith(before), after.slice(0, 400));
  const added = after.slice(before.length);
  assert.match(added, /^ {2}sizeBytes: \d+\r\n {2}profile:\r\n {4}tenure:\r\n {6}kind: numeric\r\n {6}edges: \[/);
  assert.doesNotMatch(added.replace(/\r\n/g, ""), /\n/, "every line ends with CRLF, as the file's do");
  const value = parse(after.slice(1));
  assert.equal(value.spec.sizeBytes, statSync(join(fx.root, "data/churn-train.csv")).size);
  assert.equal(value.spec.profile.region.kind, "categorical");

  // a changed digest is replaced where it stands; every other line stays as it was
  const csv = readFileSync(join(fx.root, "data/churn-train.csv"), "utf8").replace("\n100000,", "\n100009,");
  writeFileSync(join(fx.root, "data/churn-train.csv"), csv);
  const io2 = bufferIo(fx.root);
  assert.equal(await main(["lock"], io2), 0, io2.stderr);
  assert.equal(io2.stdout, "data/churn-train.yaml: updated sha256\n");
  const again = fx.read("data/churn-train.yaml");
  const a = after.split("\r\n");
  const b = again.split("\r\n");
  assert.equal(b.length, a.length);
  const changed = a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]]]));
  assert.deepEqual(changed, [
    [
      `  sha256: ${sha256Bytes(readFileSync(join(fx.root, "data/churn-train.csv"), "utf8").replace("\n100009,", "\n100000,"))}`,
      `  sha256: ${sha256Bytes(csv)}`,
    ],
  ]);
});

test("lock writes a missing signature in the model's style (its lists unpadded), and a digest into a flow map", async () => {
  const fx = styledRepo();
  const yaml = fx
    .read("models/churn/model.yaml")
    .replace(/ {2}artifact:\n {4}path: model\.onnx\n {4}sha256: [0-9a-f]{64}\n/, "  artifact: { path: model.onnx }\n")
    .replace(/ {2}signature:\n(?: {4}.*\n)+/, "");
  writeFileSync(join(fx.root, "models/churn/model.yaml"), yaml);
  const io = bufferIo(fx.root);
  assert.equal(await main(["lock", "churn"], io), 0, io.stderr);
  assert.match(io.stdout, /models\/churn\/model\.yaml: updated artifact\.sha256, signature/);
  const after = fx.read("models/churn/model.yaml");
  const digest = sha256Bytes(readFileSync(join(fx.root, "models/churn/model.onnx")));
  assert.match(after, new RegExp(`\\n  artifact: \\{ path: model\\.onnx, sha256: ${digest} \\}\\n`));
  assert.match(after, /params: \{ C: 1\.0, kernel: rbf \}\n\n/, "untouched");
  assert.match(after, /\n {2}signature:\n {4}inputs:\n {6}- name: input\n {8}type: float32\n {8}shape: \[N, 2\]\n/);
  assert.equal(after.replace(/\n {2}signature:\n(?: {4}.*\n)+/, "\n").replace(`, sha256: ${digest}`, ""), yaml);
});

test("lock --dry-run lists what would change and writes nothing; a missing data file stops lock before any write", async () => {
  const fx = styledRepo();
  const files = ["models/churn/model.yaml", "data/churn-train.yaml", "data/churn-eval.yaml"];
  const before = files.map(fx.read);
  const io = bufferIo(fx.root);
  assert.equal(await main(["lock", "--dry-run"], io), 0, io.stderr);
  assert.match(io.stdout, /^data\/churn-train\.yaml: would update sizeBytes, profile$/m);
  assert.deepEqual(files.map(fx.read), before, "nothing written");
  const json = bufferIo(fx.root);
  assert.equal(await main(["lock", "--dry-run", "--json"], json), 0);
  assert.equal(JSON.parse(json.stdout).dryRun, true);
  assert.deepEqual(files.map(fx.read), before);

  // a dataset after churn-train whose file is missing: lock stops before writing churn-train's new values
  fx.write(
    "data/zz-extra.yaml",
    fx
      .read("data/churn-eval.yaml")
      .replace("name: churn-eval", "name: zz-extra")
      .replace("churn-eval.csv", "missing.csv"),
  );
  const broken = bufferIo(fx.root);
  assert.equal(await main(["lock"], broken), 2);
  assert.match(broken.stderr, /data file missing\.csv does not exist/);
  assert.deepEqual(files.map(fx.read), before);
});
