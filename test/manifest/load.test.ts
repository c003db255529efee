import assert from "node:assert/strict";
import { test } from "node:test";
import { findRoot, loadRepository } from "../../src/manifest/repo.ts";
import { parseManifest } from "../../src/manifest/yaml.ts";
import { makeFixtureRepo } from "../support/fixture-repo.ts";
import { join } from "node:path";
import { mkdirSync, rmSync } from "node:fs";
import { main } from "../../src/cli/main.ts";
import { bufferIo } from "../../src/util/io.ts";

test("the fixture repository loads clean, with defaults applied", () => {
  const { root } = makeFixtureRepo();
  const repo = loadRepository(join(root, "models", "churn"));
  assert.equal(repo.root, root);
  assert.deepEqual(repo.findings, []);
  assert.equal(repo.models.length, 1);
  assert.equal(repo.models[0].value.spec.threshold, 0.5);
  assert.equal(repo.datasets.length, 2);
  assert.equal(repo.config.spec.approval.approvals, 1);
});

test("no modelgate.yaml up the tree is a usage error naming the folder", () => {
  assert.throws(() => findRoot("/"), /no model repository found/);
});

const model = (spec: string) => `apiVersion: modelgate.dev/v1alpha1
kind: Model
metadata:
  name: m
spec:
${spec}`;

const base = `  version: 1.0.0
  owners: [a]
  task: regression
  artifact: { path: m.onnx }
  inputs: { features: [x] }
  label: { column: y }
  evaluation: { datasets: [d] }
`;

test("a wrong type names the line and column and says what was expected", () => {
  const { findings } = parseManifest("m.yaml", model(base.replace("version: 1.0.0", "version: 1.0")));
  assert.equal(findings.length, 1);
  assert.equal(findings[0].line, 6);
  assert.equal(findings[0].col, 12);
  assert.match(
    findings[0].message,
    /expected string, got number 1; YAML reads 1.0 as a number: write it in quotes, "1.0"/,
  );
});

test("an unknown key suggests the near miss, and every problem is reported", () => {
  const text = model(`${base}  treshold: 0.4\n  gates:\n    - { metric: roc_auc, mni: 0.9 }\n`).replace(
    "task: regression",
    "task: regresion",
  );
  const { findings } = parseManifest("m.yaml", text);
  const msgs = findings.map((f) => `${f.line}:${f.col} ${f.message}`);
  assert.ok(
    msgs.some((m) => /^13:3 unknown key "treshold".*did you mean "threshold"/.test(m)),
    msgs.join("\n"),
  );
  assert.ok(
    msgs.some((m) => /^15:26 unknown key "mni".*did you mean "min"/.test(m)),
    msgs.join("\n"),
  );
  assert.ok(
    msgs.some((m) => /^8:9 .*"regresion" is not allowed.*did you mean "regression"/.test(m)),
    msgs.join("\n"),
  );
});

test("a missing required key is reported at its parent", () => {
  const { findings } = parseManifest("m.yaml", model(base.replace("  owners: [a]\n", "")));
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /missing required key "owners" in spec/);
  assert.equal(findings[0].line, 5);
});

test("broken YAML is a finding with its position, not a crash", () => {
  const { findings } = parseManifest("m.yaml", "apiVersion: x\nkind: Model\nmetadata:\n  name: [unclosed\n");
  assert.equal(findings[0].check, "yaml");
  assert.equal(findings[0].file, "m.yaml");
  assert.ok(findings[0].line && findings[0].line >= 4);
});

test("a manifest of the wrong kind in a model folder is an error", () => {
  const { findings } = parseManifest(
    "models/x/model.yaml",
    "apiVersion: modelgate.dev/v1alpha1\nkind: Dataset\nmetadata: {name: x}\nspec: {}\n",
    "Model",
  );
  assert.match(findings[0].message, /must hold a Model manifest, not a Dataset/);
  assert.equal(findings[0].line, 2);
});

test("a model's approval override leaves the keys it does not write to the repository's policy", async () => {
  const { effectivePolicy } = await import("../../src/approve/policy.ts");
  const { manifest } = parseManifest("m.yaml", model(`${base}  approval:\n    approvals: 2\n`));
  assert.ok(manifest?.value);
  const override = (manifest.value as any).spec.approval;
  assert.deepEqual(override, { approvals: 2 });
  const repoPolicy = {
    approvals: 1,
    reviewers: { users: ["alice", "bob"], teams: [], codeowners: false },
    riskClass: {},
  };
  assert.deepEqual(effectivePolicy(repoPolicy, override), { ...repoPolicy, approvals: 2 });
});

test("a modelgate.yaml without spec gets every default (paths, environments, approval)", () => {
  const { root, write } = makeFixtureRepo();
  write("modelgate.yaml", "apiVersion: modelgate.dev/v1alpha1\nkind: Config\nmetadata:\n  name: bare\n");
  const repo = loadRepository(root);
  assert.deepEqual(repo.findings, []);
  assert.equal(repo.config.spec.paths.models, "models");
  assert.equal(repo.config.spec.approval.approvals, 1);
  assert.deepEqual(
    repo.config.spec.environments.map((e) => e.name),
    ["staging", "production"],
  );
});

test("a YAML alias bomb is a finding at its first alias, not a stack trace (validate exits 1, evaluate 2)", async () => {
  const lines = [
    "apiVersion: modelgate.dev/v1alpha1",
    "kind: Config",
    "metadata:",
    "  name: x",
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ];
  let prev = "a";
  for (const n of "bcdefghi") {
    lines.push(`${n}: &${n} [${Array(9).fill(`*${prev}`).join(",")}]`);
    prev = n;
  }
  const bomb = `${lines.join("\n")}\n`;
  const { findings } = parseManifest("modelgate.yaml", bomb);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].line, 6);
  assert.match(findings[0].message, /aliases here expand to more than 100 copies.*write the values out/);

  const fx = makeFixtureRepo();
  fx.write("models/churn/model.yaml", bomb.replace("kind: Config", "kind: Model"));
  const io = bufferIo(fx.root);
  assert.equal(await main(["validate", "--skip-data"], io), 1, io.stderr);
  assert.match(io.stdout, /models\/churn\/model\.yaml\n\s+6:\d+\s+error\s+yaml\s+YAML aliases here expand/);
  const io2 = bufferIo(fx.root);
  assert.equal(await main(["evaluate", "churn"], io2), 2);
  assert.match(io2.stderr, /model "churn" has an invalid manifest: models\/churn\/model\.yaml:6:\d+: YAML aliases/);
  assert.doesNotMatch(
    io.stderr + io2.stderr,
    /internal error|Excessive alias count indicates a resource exhaustion attack\n\s+at /,
  );
});

test("model.yaml or modelgate.yaml being a folder is an error naming it, not EISDIR", async () => {
  const fx = makeFixtureRepo();
  rmSync(join(fx.root, "models/churn/model.yaml"));
  mkdirSync(join(fx.root, "models/churn/model.yaml"));
  const io = bufferIo(fx.root);
  assert.equal(await main(["validate", "--skip-data"], io), 1, io.stderr);
  assert.match(
    io.stdout,
    /models\/churn\/model\.yaml\n.*error\s+yaml\s+this is a folder, not a file: the Model manifest must be a YAML file here/,
  );
  const io2 = bufferIo(fx.root);
  assert.equal(await main(["evaluate", "churn"], io2), 2);
  assert.match(io2.stderr, /model "churn" has an invalid manifest: models\/churn\/model\.yaml: this is a folder/);

  const fx2 = makeFixtureRepo();
  rmSync(join(fx2.root, "modelgate.yaml"));
  mkdirSync(join(fx2.root, "modelgate.yaml"));
  const io3 = bufferIo(fx2.root);
  assert.equal(await main(["validate", "--skip-data"], io3), 1, io3.stderr);
  assert.match(io3.stdout, /modelgate\.yaml\n.*error\s+yaml\s+this is a folder, not a file: the Config manifest/);
  assert.doesNotMatch(io.stderr + io2.stderr + io3.stderr, /EISDIR|internal error/);
});

test("a modelgate.yaml without spec gets every default (it used to crash every command)", () => {
  const fx = makeFixtureRepo();
  fx.write("modelgate.yaml", "apiVersion: modelgate.dev/v1alpha1\nkind: Config\nmetadata:\n  name: x\n");
  const repo = loadRepository(fx.root);
  assert.deepEqual(repo.findings, []);
  assert.equal(repo.config.spec.paths.models, "models");
  assert.equal(repo.models.length, 1);
});

// Manifests outside the repository (issue #10, item 5): refused as data paths are, with the file named, exit 2.
test("a model.yaml that is a symlink out of the repository is refused (exit 2, the file named)", async () => {
  const { mkdirSync, mkdtempSync, symlinkSync, readFileSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { main } = await import("../../src/cli/main.ts");
  const { bufferIo } = await import("../../src/util/io.ts");
  const { root } = makeFixtureRepo();
  const outside = mkdtempSync(join(tmpdir(), "mg-outside-"));
  writeFileSync(
    join(outside, "model.yaml"),
    readFileSync(join(root, "models/churn/model.yaml"), "utf8").replace("name: churn", "name: x"),
  );
  mkdirSync(join(root, "models/x"));
  symlinkSync(join(outside, "model.yaml"), join(root, "models/x/model.yaml"));
  for (const args of [["validate", "--skip-data"], ["evaluate", "x"], ["report", "x", "--dry-run"]]) {
    const io = bufferIo(root);
    assert.equal(await main(args, io), 2, `${args.join(" ")}: ${io.stderr}`);
    assert.match(io.stderr, /models\/x\/model\.yaml/, args.join(" "));
    assert.match(io.stderr, /outside the repository/, args.join(" "));
  }
  assert.throws(() => loadRepository(root), /models\/x\/model\.yaml is a symlink to .*outside the repository/);
});

test("a model folder that is a symlink out of the repository is refused", async () => {
  const { mkdtempSync, symlinkSync, cpSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { root } = makeFixtureRepo();
  const outside = mkdtempSync(join(tmpdir(), "mg-outside-"));
  cpSync(join(root, "models/churn"), join(outside, "churn2"), { recursive: true });
  symlinkSync(join(outside, "churn2"), join(root, "models/churn2"));
  assert.throws(() => loadRepository(root), /models\/churn2 is a symlink to .*outside the repository/);
});

test("spec.paths.data or spec.paths.models pointing out of the repository is refused at its line", async () => {
  const { main } = await import("../../src/cli/main.ts");
  const { bufferIo } = await import("../../src/util/io.ts");
  for (const key of ["data", "models"]) {
    const { root, write } = makeFixtureRepo();
    write(
      "modelgate.yaml",
      `apiVersion: modelgate.dev/v1alpha1\nkind: Config\nmetadata:\n  name: fixture\nspec:\n  paths:\n    ${key}: ../../elsewhere\n`,
    );
    const io = bufferIo(root);
    assert.equal(await main(["validate", "--skip-data"], io), 2, io.stderr);
    assert.match(
      io.stderr,
      new RegExp(`modelgate\\.yaml:7:\\d+: spec\\.paths\\.${key} "\\.\\./\\.\\./elsewhere" points outside the repository`),
    );
  }
});

test("a dataset manifest that is a symlink out of the repository is refused, not silently skipped", async () => {
  const { mkdtempSync, symlinkSync, renameSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { root } = makeFixtureRepo();
  const outside = mkdtempSync(join(tmpdir(), "mg-outside-"));
  renameSync(join(root, "data/churn-eval.yaml"), join(outside, "churn-eval.yaml"));
  symlinkSync(join(outside, "churn-eval.yaml"), join(root, "data/churn-eval.yaml"));
  assert.throws(() => loadRepository(root), /data\/churn-eval\.yaml is a symlink to .*outside the repository/);
});

test("a symlink to a manifest inside the repository still loads", async () => {
  const { symlinkSync, renameSync, mkdirSync } = await import("node:fs");
  const { root } = makeFixtureRepo();
  mkdirSync(join(root, "shared"));
  renameSync(join(root, "data/churn-eval.yaml"), join(root, "shared/churn-eval.yaml"));
  symlinkSync(join(root, "shared/churn-eval.yaml"), join(root, "data/churn-eval.yaml"));
  const repo = loadRepository(root);
  assert.deepEqual(
    repo.datasets.map((d) => d.value.metadata.name),
    ["churn-eval", "churn-train"],
  );
});
