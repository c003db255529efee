/**
 * Records bound to the bytes they describe (issue #10, item 7): `report` and `package --eval-record` refuse a record
 * whose candidate digest, version or data digest differs from the manifests and files in front of them, and name
 * each field with both values.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { main } from "../../src/cli/main.ts";
import { logisticRegressionModel } from "../support/onnx-build.ts";
import { bufferIo } from "../../src/util/io.ts";
import { churnCsv, makeFixtureRepo } from "../support/fixture-repo.ts";

const sha = (b: string | Uint8Array) => createHash("sha256").update(b).digest("hex");

async function cli(root: string, ...args: string[]) {
  const io = bufferIo(root);
  const code = await main(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

/** A fixture repository with a fresh evaluation record of churn 1.0.0. */
async function evaluated() {
  const fx = makeFixtureRepo();
  const r = await cli(fx.root, "evaluate", "churn", "--resamples", "0", "--no-latency");
  assert.equal(r.code, 0, r.err);
  return fx;
}

async function reportJson(root: string) {
  const r = await cli(root, "report", "--dry-run", "--skip-data", "--json");
  return { ...r, json: JSON.parse(r.out) };
}

const STALE = "stale evaluation record: run `modelgate evaluate churn`";

test("a fresh record reports; after a version bump the record is refused as stale, naming both versions", async () => {
  const fx = await evaluated();
  const fresh = await reportJson(fx.root);
  assert.ok(
    !fresh.json.models[0].gates.some((g: { reason: string }) => g.reason.includes("stale")),
    JSON.stringify(fresh.json),
  );
  const yaml = readFileSync(join(fx.root, "models/churn/model.yaml"), "utf8");
  fx.write("models/churn/model.yaml", yaml.replace("version: 1.0.0", "version: 1.1.0"));
  const stale = await reportJson(fx.root);
  assert.equal(stale.code, 1);
  const m = stale.json.models[0];
  assert.equal(m.status, "fail");
  assert.equal(m.gates.length, 1, "no gate is judged on a stale record");
  const reason: string = m.gates[0].reason;
  assert.ok(reason.startsWith(STALE), reason);
  assert.match(reason, /model\.version: the record has 1\.0\.0, models\/churn\/model\.yaml spec\.version is 1\.1\.0/);
});

test("another artifact: the candidate's sha256 is named with both digests, in report and in package --eval-record", async () => {
  const fx = await evaluated();
  const before = sha(readFileSync(join(fx.root, "models/churn/model.onnx")));
  const other = logisticRegressionModel({ weights: [-0.05, 0.02], bias: 1 });
  fx.write("models/churn/model.onnx", other);
  const yaml = readFileSync(join(fx.root, "models/churn/model.yaml"), "utf8");
  fx.write("models/churn/model.yaml", yaml.replace(before, sha(other)));
  const r = await reportJson(fx.root);
  assert.equal(r.code, 1);
  const reason: string = r.json.models[0].gates[0].reason;
  assert.ok(reason.startsWith(STALE), reason);
  assert.ok(
    reason.includes(`candidate.sha256: the record has ${before}, models/churn/model.onnx has ${sha(other)}`),
    reason,
  );

  const layout = mkdtempSync(join(tmpdir(), "mg-stale-layout-"));
  const p = await cli(
    fx.root,
    "package",
    "churn",
    "--layout",
    layout,
    "--base",
    "scratch",
    "--eval-record",
    join(fx.root, ".modelgate/evaluations/churn.json"),
  );
  assert.equal(p.code, 1, p.err);
  assert.ok(p.err.includes(STALE), p.err);
  assert.ok(p.err.includes(`candidate.sha256: the record has ${before}`), p.err);
});

test("changed evaluation data: the dataset's sha256 is named; a re-evaluation makes the record fresh again", async () => {
  const fx = await evaluated();
  const before = sha(readFileSync(join(fx.root, "data/churn-eval.csv")));
  const data = churnCsv(3, 300);
  fx.write("data/churn-eval.csv", data);
  const yaml = readFileSync(join(fx.root, "data/churn-eval.yaml"), "utf8");
  fx.write("data/churn-eval.yaml", yaml.replace(before, sha(data)));
  const r = await reportJson(fx.root);
  assert.equal(r.code, 1);
  const reason: string = r.json.models[0].gates[0].reason;
  assert.ok(reason.startsWith(STALE), reason);
  assert.ok(reason.includes(`dataset.sha256: the record has ${before}, data/churn-eval.csv has ${sha(data)}`), reason);
  const again = await cli(fx.root, "evaluate", "churn", "--resamples", "0", "--no-latency");
  assert.equal(again.code, 0, again.err);
  const fresh = await reportJson(fx.root);
  assert.ok(!fresh.json.models[0].gates.some((g: { reason: string }) => g.reason.includes("stale")));
});

test("package --eval-record with a fresh record attaches it", async () => {
  const fx = await evaluated();
  const layout = mkdtempSync(join(tmpdir(), "mg-fresh-layout-"));
  const p = await cli(
    fx.root,
    "package",
    "churn",
    "--layout",
    layout,
    "--base",
    "scratch",
    "--eval-record",
    join(fx.root, ".modelgate/evaluations/churn.json"),
  );
  assert.equal(p.code, 0, p.err);
  assert.match(p.err, /attached application\/vnd\.modelgate\.evaluation/);
});

test("package --model FILE --eval-record: a record of other bytes or another name is refused", async () => {
  const fx = await evaluated();
  const layout = mkdtempSync(join(tmpdir(), "mg-bare-layout-"));
  const other = join(layout, "..", `${layout.split("/").pop()}-other.onnx`);
  const { writeFileSync } = await import("node:fs");
  writeFileSync(other, logisticRegressionModel({ weights: [0.3, 0.1], bias: 0 }));
  const record = join(fx.root, ".modelgate/evaluations/churn.json");
  const p = await cli(
    fx.root,
    "package",
    "--model",
    other,
    "--name",
    "churn2",
    "--base",
    "scratch",
    "--layout",
    layout,
    "--eval-record",
    record,
  );
  assert.equal(p.code, 1, p.err);
  assert.ok(p.err.includes("stale evaluation record: run `modelgate evaluate churn2`"), p.err);
  assert.match(p.err, /model\.name: the record has churn, --name is churn2/);
  assert.match(p.err, /candidate\.sha256: the record has [0-9a-f]{64}, .*-other\.onnx has [0-9a-f]{64}/);
});

test("a new model file evaluated but not locked: report says `modelgate lock`, and after it the record is fresh", async () => {
  const fx = makeFixtureRepo();
  fx.write("models/churn/model.onnx", logisticRegressionModel({ weights: [-0.05, 0.02], bias: 1 }));
  fx.write("data/churn-eval.csv", churnCsv(3, 300));
  const e = await cli(fx.root, "evaluate", "churn", "--resamples", "0", "--no-latency");
  assert.equal(e.code, 0, e.err);
  const r = await reportJson(fx.root);
  assert.equal(r.code, 1);
  const reason: string = r.json.models[0].gates[0].reason;
  assert.match(
    reason,
    /^stale digest in the manifests: .* run `modelgate lock churn` and commit \(candidate\.sha256: /,
  );
  assert.match(reason, /dataset\.sha256: the record has [0-9a-f]{64}, data\/churn-eval\.yaml spec\.sha256 is/);
  assert.doesNotMatch(reason, /modelgate evaluate/);
  const lock = await cli(fx.root, "lock", "churn");
  assert.equal(lock.code, 0, lock.err);
  const fresh = await reportJson(fx.root);
  assert.ok(!fresh.json.models[0].gates.some((g: { reason: string }) => g.reason.includes("stale")), fresh.out);
});
