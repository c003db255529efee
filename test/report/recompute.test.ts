/** Comparing a record from an untrusted run with its recomputation, and finding candidate files in an artifact. */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { sha256Bytes } from "../../src/data/hash.ts";
import { artifactModels, compareRecords } from "../../src/report/recompute.ts";
import { makeRecord } from "./builder.ts";

test("a record equal to its recomputation (timings aside) has no differences", () => {
  const a = makeRecord();
  const b = structuredClone(a);
  b.timings = { createdAt: "2030-01-01T00:00:00Z", latency: undefined };
  b.runtime.node = "v24.0.0";
  b.candidate.metrics.roc_auc = (a.candidate.metrics.roc_auc as number) + 1e-9;
  assert.deepEqual(compareRecords(a, b), []);
});

test("every number that is judged or shown is compared", () => {
  const a = makeRecord();
  const b = structuredClone(a);
  b.candidate.metrics.roc_auc = 0.999;
  b.deltas.roc_auc.interval = [0.1, 0.2];
  b.slices[0].candidate.recall = 0.99;
  b.dataset.sha256 = "d".repeat(64);
  b.baseline = undefined;
  const diff = compareRecords(a, b);
  assert.ok(diff.includes("candidate roc_auc: 0.91 in the record, 0.999 recomputed"), diff.join("\n"));
  assert.ok(diff.some((d) => d.startsWith("delta interval roc_auc: ")));
  assert.ok(diff.some((d) => d.startsWith("slice region=north candidate recall: 0.78 in the record, 0.99")));
  assert.ok(diff.some((d) => d.startsWith("dataset sha256: aaaa")));
  assert.ok(diff.some((d) => d.startsWith("baseline sha256: cccc") && d.endsWith("none recomputed")));
});

test("artifactModels: ONNX files by sha256, symlinks skipped", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-art-"));
  mkdirSync(join(dir, "a/models/x"), { recursive: true });
  writeFileSync(join(dir, "a/models/x/model.onnx"), "one");
  writeFileSync(join(dir, "secret.txt"), "two");
  symlinkSync(join(dir, "secret.txt"), join(dir, "a/link.onnx"));
  const found = await artifactModels(dir);
  assert.deepEqual([...found], [[sha256Bytes("one"), "a/models/x/model.onnx"]]);
});
