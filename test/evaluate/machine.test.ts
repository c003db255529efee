/**
 * The same inputs give the same record on any machine (issue #10, item 8): a TreeEnsemble scored with onnxruntime's
 * default threading sums its trees in an order that depends on the thread count, so a runner with one CPU and a
 * runner with several gave different probabilities. Evaluate scores with a fixed, recorded thread setting: the record
 * of a run pinned to one CPU (`taskset -c 0`) and of a run on every CPU are byte-identical apart from `timings`.
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import { stablePart } from "../../src/evaluate/engine.ts";
import { type TreeNode, treeEnsembleClassifierModel } from "../support/onnx-build.ts";
import { evaluationRecordSchema } from "../../src/records/evaluation.ts";
import { rng } from "../../src/util/random.ts";
import { bundleCli } from "../support/run-action.ts";

const dir = mkdtempSync(join(tmpdir(), "mg-machine-"));
/** The CLI as users run it: bundled as dist/cli.js is (built once per content of src/, shared with other test files). */
let cli: string;
before(async () => {
  cli = await bundleCli();
});

/** 150 depth-2 trees over 4 features with leaf probabilities that do not add up exactly in float32. */
function forest(seed: number): Uint8Array {
  const r = rng(seed);
  const trees: TreeNode[][] = [];
  for (let t = 0; t < 150; t++) {
    const leaf = (id: number): TreeNode => {
      const p = Math.round(r() * 1e7) / 1e7;
      return { id, leaf: [1 - p, p] };
    };
    trees.push([
      { id: 0, feature: t % 4, value: r() * 2 - 1, yes: 1, no: 2 },
      { id: 1, feature: (t + 1) % 4, value: r() * 2 - 1, yes: 3, no: 4 },
      { id: 2, feature: (t + 2) % 4, value: r() * 2 - 1, yes: 5, no: 6 },
      leaf(3),
      leaf(4),
      leaf(5),
      leaf(6),
    ]);
  }
  return treeEnsembleClassifierModel({ trees, features: 4, classes: [0, 1] });
}

function data(rows: number): string {
  const r = rng(77);
  let csv = "a,b,c,d,y\n";
  for (let i = 0; i < rows; i++) {
    const x = [0, 1, 2, 3].map(() => Math.round((r() * 2 - 1) * 1e4) / 1e4);
    const y = x[0] + 0.5 * x[1] - 0.3 * x[2] + (r() - 0.5) > 0 ? 1 : 0;
    csv += `${x.join(",")},${y}\n`;
  }
  return csv;
}

function evaluate(out: string, pin: boolean, data = "data.csv"): string {
  const args = [
    cli,
    "evaluate",
    "--model",
    "forest.onnx",
    "--data",
    data,
    "--task",
    "binary-classification",
    "--label",
    "y",
    "--resamples",
    "50",
    "--out",
    out,
  ];
  const r = pin
    ? spawnSync("taskset", ["-c", "0", process.execPath, ...args], { cwd: dir, encoding: "utf8" })
    : spawnSync(process.execPath, args, { cwd: dir, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return readFileSync(join(dir, out), "utf8");
}

test("a TreeEnsemble evaluated on one CPU and on every CPU gives the same record apart from timings", {
  skip: availableParallelism() < 2 && "needs two CPUs",
}, () => {
  assert.equal(execFileSync("taskset", ["-c", "0", "nproc"], { encoding: "utf8" }).trim(), "1");
  writeFileSync(join(dir, "forest.onnx"), forest(3));
  // 8,192 + 100 rows: the last batch is small, where onnxruntime spreads one batch's trees over its threads
  writeFileSync(join(dir, "data.csv"), data(8292));
  const one = evaluationRecordSchema.parse(JSON.parse(evaluate("one.json", true)));
  const all = evaluationRecordSchema.parse(JSON.parse(evaluate("all.json", false)));
  assert.equal(JSON.stringify(stablePart(one), null, 2), JSON.stringify(stablePart(all), null, 2));
  // the thread setting that makes it so is part of the record, not of its timings
  assert.deepEqual(one.runtime.threads, { intraOp: 1, interOp: 1 });
});

test("batches scored in worker threads (every CPU) give the same record as one thread (one CPU)", {
  skip: availableParallelism() < 2 && "needs two CPUs",
}, () => {
  writeFileSync(join(dir, "forest.onnx"), forest(4));
  // 45,000 rows: six batches, enough for evaluate to score them in worker threads when it has more than one CPU
  writeFileSync(join(dir, "big.csv"), data(45000));
  const one = evaluationRecordSchema.parse(JSON.parse(evaluate("big-one.json", true, "big.csv")));
  const all = evaluationRecordSchema.parse(JSON.parse(evaluate("big-all.json", false, "big.csv")));
  assert.equal(one.timings.scoringWorkers, 0, "one CPU: scored in the main thread");
  assert.equal(all.timings.scoringWorkers, availableParallelism(), "every CPU: one scoring worker per CPU");
  assert.equal(JSON.stringify(stablePart(one), null, 2), JSON.stringify(stablePart(all), null, 2));
});
