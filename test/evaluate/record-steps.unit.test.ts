/** Pure steps of the record (src/evaluate/finalize.ts): paired deltas and fairness gaps, from numbers given here. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { deltasOf, fairnessGaps } from "../../src/evaluate/finalize.ts";
import { checkShardSet, type ShardState } from "../../src/evaluate/state.ts";
import type { SliceResult } from "../../src/records/evaluation.ts";

test("deltas: candidate minus baseline with the bootstrap's interval; without one, the point and no claim", () => {
  const points = [
    { roc_auc: 0.8, recall: 0.5, f1: null },
    { roc_auc: 0.75, recall: 0.6, f1: 0.4 },
  ];
  const d = deltasOf(["roc_auc", "recall", "f1"], points, {
    roc_auc: { lo: 0.01, hi: 0.09 },
    recall: { lo: -0.2, hi: Number.NaN },
  });
  assert.deepEqual(Object.keys(d), ["roc_auc", "recall"], "a metric one side lacks has no delta");
  assert.ok(Math.abs(d.roc_auc.delta - 0.05) < 1e-12);
  assert.deepEqual([d.roc_auc.interval, d.roc_auc.excludesZero], [[0.01, 0.09], true]);
  assert.ok(Math.abs(d.recall.interval[0] + 0.1) < 1e-12, "an interval with a NaN bound falls back to the point");
  assert.equal(d.recall.excludesZero, true);
  const noBoot = deltasOf(["roc_auc"], points, undefined);
  assert.equal(noBoot.roc_auc.excludesZero, false);
  assert.deepEqual(deltasOf([], points, undefined), {});
});

const slice = (value: string, recall: number | null, supported = true, baseline?: number): SliceResult => ({
  column: "region",
  value,
  count: 100,
  supported,
  candidate: { recall, positive_rate: 0.5, roc_auc: 0.7 },
  ...(baseline !== undefined ? { baseline: { recall: baseline, positive_rate: 0.5 } } : {}),
});

test("fairness gaps: the largest minus the smallest over supported slices, per metric and role", () => {
  const slices = [slice("north", 0.9, true, 0.8), slice("south", 0.6, true, 0.7), slice("west", 0.1, false)];
  const gaps = fairnessGaps(
    "binary-classification",
    ["roc_auc"],
    ["recall", "positive_rate", "roc_auc"],
    [{ column: "region" }],
    slices,
  );
  const recall = gaps.find((g) => g.metric === "recall" && g.role === "candidate")!;
  assert.ok(Math.abs(recall.gap - 0.3) < 1e-12, "the unsupported west slice is left out");
  assert.deepEqual([recall.max.value, recall.min.value], ["north", "south"]);
  assert.ok(gaps.some((g) => g.metric === "recall" && g.role === "baseline"));
  assert.ok(
    gaps.some((g) => g.metric === "roc_auc" && g.role === "candidate"),
    "a metric a gate names",
  );
  assert.ok(!gaps.some((g) => g.metric === "roc_auc" && g.role === "baseline"), "the baseline's slices lack it");
  assert.deepEqual(
    fairnessGaps("regression", [], ["rmse"], [{ column: "region" }], slices),
    [],
    "regression has no default fairness metric",
  );
});

test("merge takes the shards of one run, each once and all of them, and names the file at fault", () => {
  const shard = (index: number, count = 3, seed = 42) =>
    ({
      kind: "EvaluationShard",
      shard: { index, count },
      settings: { bootstrap: { resamples: 10, seed } },
      dataset: { sha256: "d" },
      models: [{ sha256: "m", threads: { intraOp: 1, interOp: 1 } }],
    }) as unknown as ShardState;
  const names = ["a.json", "b.json", "c.json"];
  assert.doesNotThrow(() => checkShardSet([shard(2), shard(1), shard(3)], names));
  assert.throws(() => checkShardSet([], []), /at least one shard state/);
  assert.throws(
    () => checkShardSet([shard(1), { kind: "x" } as unknown as ShardState], names),
    /^UserError: b\.json is not a shard state/,
  );
  assert.throws(() => checkShardSet([shard(1), shard(2, 3, 7)], names), /b\.json was evaluated with other settings/);
  assert.throws(() => checkShardSet([shard(1), shard(1)], names), /b\.json and a\.json are both shard 1\/3/);
  assert.throws(() => checkShardSet([shard(1), shard(3)], names), /shards 2\/3 are missing; merge needs all 3/);
});
