import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ProfileCounter } from "../../src/data/profile.ts";
import { keepScans, keptScanHits, scanDataset } from "../../src/data/scan.ts";
import { datasetSchema } from "../../src/manifest/schema.ts";

const dataset = datasetSchema.parse({
  apiVersion: "modelgate.dev/v1alpha1",
  kind: "Dataset",
  metadata: { name: "d" },
  spec: {
    path: "d.csv",
    columns: [
      { name: "id", type: "integer", unique: true },
      { name: "x", type: "float", min: 0 },
      { name: "region", type: "string" },
    ],
  },
});

const counter = () => {
  const k = new ProfileCounter();
  k.addNumericColumn("x", [0.5]);
  k.addCategoricalColumn("region");
  return k;
};

test("a file scanned again in the same process, unchanged, is not read again; a changed one is", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-scan-kept-"));
  try {
    const file = join(dir, "d.csv");
    const text = "id,x,region\n1,0.25,eu\n2,0.75,us\n2,-1,eu\n";
    writeFileSync(file, text);
    const sha = createHash("sha256").update(text).digest("hex");
    const digests: string[] = [];
    // by default (a command) nothing is kept: the same file is read again
    const before = keptScanHits();
    await scanDataset(file, dataset, { hashColumns: ["x"], counters: [counter()] });
    await scanDataset(file, dataset, { hashColumns: ["x"], counters: [counter()] });
    assert.equal(keptScanHits(), before);
    assert.equal(keepScans(), false);
    const first = counter();
    const a = await scanDataset(file, dataset, {
      hashColumns: ["x"],
      counters: [first],
      verify: { onDigest: (d) => digests.push(d) },
    });
    const hits = keptScanHits();
    const second = counter();
    const b = await scanDataset(file, dataset, {
      hashColumns: ["x"],
      counters: [second],
      verify: { onDigest: (d) => digests.push(d) },
    });
    assert.equal(keptScanHits(), hits + 1, "the second scan was answered from the first");
    assert.deepEqual(b, a);
    assert.deepEqual(second.result(), first.result());
    assert.deepEqual(digests, [sha, sha]);
    assert.equal(b.stats.get("id")?.duplicates?.count, 1);
    // a copy: what one caller changes, the next does not see
    b.stats.get("x")!.nulls = 99;
    const c = await scanDataset(file, dataset, { hashColumns: ["x"], counters: [counter()] });
    assert.equal(c.stats.get("x")?.nulls, 0);
    assert.equal(keptScanHits(), hits + 2);
    // other options are another scan
    await scanDataset(file, dataset, {});
    assert.equal(keptScanHits(), hits + 2);

    // the same size, other bytes: read again
    writeFileSync(file, text.replace("0.25", "0.35"));
    const d = await scanDataset(file, dataset, { hashColumns: ["x"], counters: [counter()] });
    assert.equal(keptScanHits(), hits + 2);
    assert.notDeepEqual(d.rowHashes, a.rowHashes);
    // no longer kept, and what was kept is forgotten
    assert.equal(keepScans(false), true);
    await scanDataset(file, dataset, { hashColumns: ["x"], counters: [counter()] });
    assert.equal(keptScanHits(), hits + 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
