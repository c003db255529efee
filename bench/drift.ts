/**
 * False alarms of the drift rule (src/data/drift.ts): random splits of one data file (the example's training CSV),
 * the first part profiled as `modelgate lock` profiles a dataset, the second judged against it as `modelgate validate`
 * judges drift. Both parts come from the same data, so every flagged split is a false alarm. Prints how many splits
 * the rule flags (PSI at a threshold and a significant chi-square test) and how many PSI alone (≥ psiWarn) would.
 *
 *   npx tsx bench/drift.ts [--reference 150] [--compared 78] [--splits 2000]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { driftLevel } from "../src/data/drift.ts";
import { ProfileCounter, profileDrift, quantileEdges } from "../src/data/profile.ts";
import { rng } from "../src/util/random.ts";

const { values } = parseArgs({
  options: {
    reference: { type: "string", default: "150" },
    compared: { type: "string", default: "78" },
    splits: { type: "string", default: "2000" },
  },
});
const [refRows, cmpRows, splits] = [values.reference, values.compared, values.splits].map(Number);
const file = join(import.meta.dirname, "../examples/fraud-detection/data/transactions-train.csv");
const lines = readFileSync(file, "utf8").trim().split("\n");
const header = lines[0].split(",");
const numeric = ["amount", "hour", "merchant_category", "country_mismatch", "velocity_24h", "account_age_days"];
const categorical = ["channel", "region"];
const rows = lines.slice(1).map((l) => l.split(","));
const col = (name: string) => header.indexOf(name);
const limits = { psiWarn: 0.1, psiFail: 0.25 };

function count(counter: ProfileCounter, part: string[][]): void {
  for (const x of part) {
    for (const n of numeric) counter.addNumber(n, Number(x[col(n)]));
    for (const c of categorical) counter.addValue(c, x[col(c)]);
  }
}

let byRule = 0;
let failByRule = 0;
let byPsi = 0;
const t0 = performance.now();
for (let s = 1; s <= splits; s++) {
  const r = rng(s);
  const idx = rows.map((_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  const reference = idx.slice(0, refRows).map((i) => rows[i]);
  const compared = idx.slice(refRows, refRows + cmpRows).map((i) => rows[i]);
  const ref = new ProfileCounter();
  for (const n of numeric) ref.addNumericColumn(n, quantileEdges(reference.map((x) => Number(x[col(n)]))));
  for (const c of categorical) ref.addCategoricalColumn(c);
  count(ref, reference);
  const profile = ref.result();
  const cmp = new ProfileCounter();
  for (const n of numeric) {
    const p = profile[n];
    if (p.kind === "numeric") cmp.addNumericColumn(n, p.edges);
  }
  for (const c of categorical) cmp.addCategoricalColumn(c);
  count(cmp, compared);
  const drift = Object.values(profileDrift(profile, reference.length, cmp));
  const judged = drift.filter((d) => d !== null).length;
  const levels = drift.map((d) => (d ? driftLevel(d, limits, judged) : "ok"));
  if (levels.some((l) => l !== "ok")) byRule++;
  if (levels.includes("fail")) failByRule++;
  if (drift.some((d) => d && d.psi >= limits.psiWarn)) byPsi++;
}
console.log(
  `${splits} random ${refRows}/${cmpRows}-row splits of ${lines.length - 1} rows (${((performance.now() - t0) / 1000).toFixed(1)} s): ` +
    `the rule flags ${byRule} (${failByRule} failing); PSI ≥ ${limits.psiWarn} alone would flag ${byPsi}`,
);
