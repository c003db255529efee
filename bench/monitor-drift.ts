/**
 * False alarms of monitor's drift check (src/monitor/drift.ts): windows resampled (with replacement) from the
 * reference the running version was evaluated on, judged against that reference's profile as `modelgate monitor`
 * judges a window: every watched feature of the example's fraud-detector and its prediction (scored by the example's
 * model through onnxruntime), Evidently's test choice, Holm's correction, the default thresholds. Every window drawn
 * from the reference is a window without drift, so every window with a drifted column is a false alarm.
 *
 * Two references: the example's evaluation data (5,000 rows: distance tests, Wasserstein and Jensen-Shannon) and an
 * 800-row sample of it (p-value tests: KS, chi-square, z). Windows of several sizes, the smallest the default
 * minimum (spec.monitoring.minRows).
 *
 *   npx tsx bench/monitor-drift.ts [--windows 2000] [--sizes 500,1000,5000] [--small 800]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { ProfileCounter, quantileEdges } from "../src/data/profile.ts";
import { ModelRunner } from "../src/evaluate/runner.ts";
import { modelIoOf } from "../src/evaluate/spec.ts";
import { DEFAULT_MONITORING_MIN_ROWS, modelSchema } from "../src/manifest/schema.ts";
import { type ColumnCounts, DEFAULT_DRIFT, driftTable, referenceOf } from "../src/monitor/drift.ts";
import { numericReference } from "../src/monitor/run.ts";
import { WindowAccumulator } from "../src/monitor/window.ts";
import { rng } from "../src/util/random.ts";

const { values } = parseArgs({
  options: {
    windows: { type: "string", default: "2000" },
    sizes: { type: "string", default: `${DEFAULT_MONITORING_MIN_ROWS},1000,5000` },
    small: { type: "string", default: "800" },
  },
});
const windows = Number(values.windows);
const sizes = values.sizes.split(",").map(Number);
const example = join(import.meta.dirname, "../examples/fraud-detection");
const lines = readFileSync(join(example, "data/transactions-eval.csv"), "utf8").trim().split("\n");
const header = lines[0].split(",");
const rows = lines.slice(1).map((l) => l.split(","));
const manifest = modelSchema.parse(parse(readFileSync(join(example, "models/fraud-detector/model.yaml"), "utf8")));
const features = manifest.spec.inputs.features;
const col = (n: string) => header.indexOf(n);

// the model's score of every row (the prediction's reference and the windows' predictions)
const runner = await ModelRunner.open(
  readFileSync(join(example, "models/fraud-detector/model.onnx")),
  "fraud-detector",
  "binary-classification",
  modelIoOf(manifest),
);
const numeric = new Map(features.map((f) => [f, Float64Array.from(rows, (r) => Number(r[col(f)]))]));
const out = await runner.run({ length: rows.length, numeric, strings: new Map() });
const w = runner.output.width;
const scores = Float64Array.from(rows, (_, i) => out[i * w + w - 1]);
await runner.close();

/** A profile of some rows, as `modelgate lock` writes it (counts and distinct values included). */
function profileOf(idx: number[]) {
  const counter = new ProfileCounter();
  for (const f of features) counter.addNumericColumn(f, quantileEdges(idx.map((i) => Number(rows[i][col(f)]))));
  for (const i of idx) for (const f of features) counter.addNumber(f, Number(rows[i][col(f)]));
  return counter.result();
}

function falseAlarms(reference: number[], size: number, seed: number) {
  const profile = profileOf(reference);
  const prediction = numericReference(Float64Array.from(reference, (i) => scores[i]));
  const columns = features.map((f) => ({ name: f, ref: referenceOf(profile[f], reference.length)! }));
  const random = rng(seed);
  let alarms = 0;
  const byColumn = new Map<string, number>();
  let tests = "";
  for (let k = 0; k < windows; k++) {
    const acc = new WindowAccumulator({ columns, prediction, width: 1, slices: [], versions: 1 });
    const pick = Array.from({ length: size }, () => reference[Math.floor(random() * reference.length)]);
    acc.add({
      length: size,
      version: new Int32Array(size),
      numeric: new Map(features.map((f) => [f, Float64Array.from(pick, (i) => numeric.get(f)![i])])),
      text: new Map(),
      preds: Float64Array.from(pick, (i) => scores[i]),
      scored: new Uint8Array(size),
      label: new Array(size).fill(null),
    });
    const s = acc.summary();
    const judged: { feature: string; ref: (typeof columns)[number]["ref"]; cur: ColumnCounts }[] = s.columns.map(
      (c) => ({ feature: c.name, ref: c.ref, cur: c.cur }),
    );
    judged.push({ feature: "prediction", ref: s.prediction!.ref, cur: s.prediction!.cur });
    const t = driftTable(judged, DEFAULT_DRIFT);
    tests ||= t.columns.map((c) => `${c.feature}: ${c.test}`).join(", ");
    const drifted = t.columns.filter((c) => c.drifted);
    if (drifted.length) alarms++;
    for (const c of drifted) byColumn.set(c.feature, (byColumn.get(c.feature) ?? 0) + 1);
  }
  return { alarms, byColumn, tests };
}

const all = rows.map((_, i) => i);
const random = rng(23);
const small = [...all].sort(() => random() - 0.5).slice(0, Number(values.small));
console.log(
  `${windows} windows per line, resampled with replacement from the reference; a window with any drifted column is a false alarm`,
);
for (const [name, reference] of [
  [`the evaluation data (${all.length} rows)`, all],
  [`a ${small.length}-row sample of it`, small],
] as const) {
  for (const size of sizes) {
    const t0 = performance.now();
    const r = falseAlarms(reference, size, size * 7 + reference.length);
    const rate = (100 * r.alarms) / windows;
    const cols = [...r.byColumn].map(([c, n]) => `${c} ${n}`).join(", ");
    console.log(
      `reference ${name}, windows of ${size} rows: ${r.alarms} false alarms (${rate.toFixed(2)}%)${cols ? ` [${cols}]` : ""} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    if (size === sizes[0]) console.log(`  tests: ${r.tests}`);
  }
}
