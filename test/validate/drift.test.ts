/**
 * Drift that is sample-size aware (issue #10, item 11): random splits of one data file never fail or warn, the
 * example's drifted month (May) is still flagged, the statistics agree with SciPy, and a report says when drift was
 * not checked and why instead of "no feature drifted".
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { main } from "../../src/cli/main.ts";
import { sha256Bytes } from "../../src/data/hash.ts";
import { chiSquareSurvival, featureDrift } from "../../src/data/drift.ts";
import { bufferIo } from "../../src/util/io.ts";
import { rng } from "../../src/util/random.ts";
import { makeFixtureRepo } from "../support/fixture-repo.ts";

const example = join(import.meta.dirname, "../../examples/fraud-detection");

function scipy(code: string): unknown {
  return JSON.parse(
    execFileSync("python3", ["-c", `import json\nfrom scipy import stats\n${code}`], { encoding: "utf8" }),
  );
}

test("the chi-square survival function and the homogeneity test agree with SciPy", () => {
  const cases: [number, number][] = [
    [0.5, 1],
    [3.84, 1],
    [10.8, 1],
    [7.7, 9],
    [21.7, 9],
    [49, 9],
    [120, 30],
    [400, 19],
  ];
  // counts with every expected count ≥ 5 (no merging): the same test as scipy's chi2_contingency
  const refCounts = [40, 55, 61, 48, 50, 46];
  const actual = [20, 31, 17, 35, 24, 30];
  // one Python for both references (importing SciPy costs more than either)
  const [ref, p] = scipy(
    `print(json.dumps([[stats.chi2.sf(x, df) for x, df in ${JSON.stringify(cases)}], stats.chi2_contingency([${JSON.stringify(refCounts)}, ${JSON.stringify(actual)}], correction=False)[1]]))`,
  ) as [number[], number];
  cases.forEach(([x, df], i) => {
    const got = chiSquareSurvival(x, df);
    assert.ok(Math.abs(got - ref[i]) <= 1e-12 + 1e-9 * ref[i], `chi2.sf(${x}, ${df}): ${got} vs SciPy ${ref[i]}`);
  });
  const n = refCounts.reduce((a, b) => a + b, 0);
  const d = featureDrift(
    refCounts.map((c) => c / n),
    n,
    actual,
    true,
  );
  assert.ok(d);
  assert.equal(d.bins, 6);
  assert.ok(Math.abs(d.p - p) < 1e-12, `p ${d.p} vs SciPy ${p}`);
});

/** The example's training CSV shuffled with a seed: header and rows. */
function shuffled(seed: number): { header: string; rows: string[] } {
  const lines = readFileSync(join(example, "data/transactions-train.csv"), "utf8").trim().split("\n");
  const header = lines[0];
  const rows = lines.slice(1);
  const r = rng(seed);
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return { header, rows };
}

/** A repository with the example's dataset manifests over two given CSVs: "train" profiled by lock, "later" compared with it. */
function splitRepo(header: string, train: string[], later: string[]): string {
  const root = mkdtempSync(join(tmpdir(), "mg-drift-"));
  cpSync(example, root, { recursive: true });
  const trainCsv = `${header}\n${train.join("\n")}\n`;
  const laterCsv = `${header}\n${later.join("\n")}\n`;
  writeFileSync(join(root, "data/transactions-train.csv"), trainCsv);
  writeFileSync(join(root, "data/transactions-drift.csv"), laterCsv);
  for (const [file, csv, n] of [
    ["data/transactions-train.yaml", trainCsv, train.length],
    ["data/transactions-drift.yaml", laterCsv, later.length],
  ] as const) {
    const p = join(root, file);
    writeFileSync(
      p,
      readFileSync(p, "utf8")
        .replace(/sha256: [0-9a-f]{64}/, `sha256: ${sha256Bytes(csv)}`)
        .replace(/sizeBytes: \d+/, `sizeBytes: ${Buffer.byteLength(csv)}`)
        .replace(/rows: \d+/, `rows: ${n}`)
        .replace(/minRows: \d+/, "minRows: 1")
        .replace(/psiFail: 1\.0/, "psiFail: 0.25"),
    );
  }
  return root;
}

async function driftFindings(root: string) {
  assert.equal(await main(["lock"], bufferIo(root)), 0);
  const io = bufferIo(root);
  await main(["validate", "--json", "data/transactions-drift.yaml"], io);
  const out = JSON.parse(io.stdout);
  return {
    out,
    drift: (out.findings as { check: string; severity: string; column?: string; message: string }[]).filter(
      (f) => f.check === "drift",
    ),
  };
}

test("random 150/78 splits of one CSV never fail or warn on drift", async () => {
  const flagged: string[] = [];
  for (let seed = 1; seed <= 25; seed++) {
    const { header, rows } = shuffled(seed);
    const { drift, out } = await driftFindings(splitRepo(header, rows.slice(0, 150), rows.slice(150, 228)));
    assert.ok(out.drift.length > 0, "drift was computed");
    for (const f of drift) flagged.push(`seed ${seed}: ${f.severity} ${f.message}`);
  }
  assert.deepEqual(flagged, []);
});

test("the example's May data still drifts against its training month, in full and in small samples", async () => {
  const { header, rows } = shuffled(1);
  const may = readFileSync(join(example, "data/transactions-drift.csv"), "utf8").trim().split("\n").slice(1);
  // in full: every training row against every May row
  const full = await driftFindings(splitRepo(header, rows, may));
  const level = (fs: { column?: string; severity: string }[], c: string) => fs.find((f) => f.column === c)?.severity;
  assert.equal(level(full.drift, "account_age_days"), "error", JSON.stringify(full.drift, null, 2)); // PSI 0.80
  assert.equal(level(full.drift, "amount"), "warning", JSON.stringify(full.drift, null, 2)); // PSI 0.13
  // 400 training rows against 200 May rows: still flagged
  const small = await driftFindings(splitRepo(header, rows.slice(0, 400), may.slice(0, 200)));
  assert.equal(level(small.drift, "account_age_days"), "error", JSON.stringify(small.drift, null, 2));
});

test("with no training dataset declared the report says drift was not checked, and why", async () => {
  const { root, write } = makeFixtureRepo();
  const yaml = readFileSync(join(root, "models/churn/model.yaml"), "utf8");
  write("models/churn/model.yaml", yaml.replace(/ {2}training:\n(?: {4}.*\n)+/, ""));
  assert.equal(await main(["evaluate", "churn", "--resamples", "0", "--no-latency"], bufferIo(root)), 0);
  const io = bufferIo(root);
  await main(["report", "--dry-run"], io);
  // the comment as a reader sees it (Markdown escapes removed)
  const text = io.stdout.replace(/\\(.)/g, "$1").replace(/&quot;/g, '"');
  assert.doesNotMatch(text, /no feature drifted/);
  assert.match(
    text,
    /Drift: not checked: the model declares no training dataset \(spec\.training\.datasets\), so "churn-eval" has nothing to be compared with/,
  );
});
