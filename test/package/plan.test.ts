import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { main } from "../../src/cli/main.ts";
import { evaluationRecordSchema } from "../../src/records/evaluation.ts";
import { bufferIo } from "../../src/util/io.ts";
import { makeFixtureRepo } from "../support/fixture-repo.ts";

// `package --dry-run`: the plan (inputs, labels, referrers, destination) from what is on disk; nothing is built,
// written or pushed, and no registry is asked.

const sha = (b: string | Uint8Array) => createHash("sha256").update(b).digest("hex");

async function cli(root: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const io = bufferIo(root, { SOURCE_DATE_EPOCH: "1700000000", ...env });
  const code = await main(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

test("package MODEL --dry-run prints what would be built and where, and writes nothing", async () => {
  const fx = makeFixtureRepo();
  const onnx = readFileSync(join(fx.root, "models/churn/model.onnx"));
  const r = await cli(fx.root, ["package", "churn", "--dry-run", "--revision", "abc123"]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^would build churn@1\.0\.0 from .*models\/churn\/model\.onnx on oci:.*:busybox \(dry run\)$/m);
  assert.match(r.out, new RegExp(`the file must have sha256 ${sha(onnx)}`));
  assert.match(r.out, /created: 2023-11-14T22:13:20Z/);
  assert.match(r.out, /label org\.opencontainers\.image\.version=1\.0\.0/);
  assert.match(r.out, /label org\.opencontainers\.image\.revision=abc123/);
  assert.match(r.out, /write it to the layout .*\.modelgate\/images \(1\.0\.0\)/);
  assert.equal(existsSync(join(fx.root, ".modelgate/images")), false, "no layout was written");
});

test("package --dry-run --json: a push destination is planned without asking the registry; the record is bound before", async () => {
  const fx = makeFixtureRepo();
  const onnx = readFileSync(join(fx.root, "models/churn/model.onnx"));
  const record = (candidate: string) =>
    evaluationRecordSchema.parse({
      apiVersion: "modelgate.dev/v1alpha1",
      kind: "EvaluationRecord",
      model: { name: "churn", version: "1.0.0", task: "binary-classification" },
      dataset: {
        name: "churn-eval",
        path: "data/churn-eval.csv",
        sha256: sha(readFileSync(join(fx.root, "data/churn-eval.csv"))),
        format: "csv",
        rows: 300,
        label: "churned",
        features: ["tenure", "spend"],
      },
      bootstrap: { method: "paired-poisson", resamples: 0, seed: 1, confidence: 0.95 },
      candidate: {
        role: "candidate",
        source: "models/churn/model.onnx",
        sha256: candidate,
        metrics: {},
        intervals: {},
      },
      runtime: { onnxruntime: "1", node: "20", modelgate: "0" },
    });
  const fresh = join(fx.root, "fresh.json");
  writeFileSync(fresh, JSON.stringify(record(sha(onnx))));
  // Port 9 (discard) on loopback: nothing answers there; a plan must not need it.
  const push = "127.0.0.1:9/acme/churn";
  const r = await cli(fx.root, ["package", "churn", "--push", push, "--eval-record", fresh, "--dry-run", "--json"]);
  assert.equal(r.code, 0, r.err);
  const plan = JSON.parse(r.out);
  assert.equal(plan.push, `${push}:1.0.0`);
  assert.equal(plan.expectedSha256, sha(onnx));
  assert.equal(plan.labels["dev.modelgate.evaluation.digest"], `sha256:${sha(readFileSync(fresh))}`);
  assert.deepEqual(
    plan.referrers.map((x: { title: string }) => x.title),
    ["fresh.json"],
  );

  const stale = join(fx.root, "stale.json");
  writeFileSync(stale, JSON.stringify(record(sha("other bytes"))));
  const refused = await cli(fx.root, ["package", "churn", "--push", push, "--eval-record", stale, "--dry-run"]);
  assert.equal(refused.code, 1, refused.err);
  assert.match(refused.err, /--eval-record .*stale\.json: stale evaluation record: run `modelgate evaluate churn`/);
});
