import assert from "node:assert/strict";
import { test } from "node:test";
import { monitorSummary } from "../../src/cli/demo/demo.ts";

/**
 * Issue #23 item 8: the demo's monitor steps tell the recall story as monitor measured it. The outputs below are
 * monitor's on the demo's May week (cut to the lines the summary reads), from a real run.
 */
const drift = `drift:
  amount             DRIFT  wasserstein distance 0.186 ≥ 0.1 (5000 rows against 5000 in the reference)
  hour               ok     wasserstein distance 0.0312 < 0.1 (5000 rows against 5000 in the reference)
  account_age_days   DRIFT  wasserstein distance 0.541 ≥ 0.1 (5000 rows against 5000 in the reference)
  prediction         DRIFT  wasserstein distance 0.267 ≥ 0.1 (5000 rows against 5000 in the reference)
`;
const estimated = (recall: string) =>
  `estimated (CBPE, from the scores of 5000 rows): accuracy 0.828, precision 0.414, recall ${recall}, f1 0.496, specificity 0.86, roc_auc 0.837\n`;

const noLabels = `fraud-detector 1.0.0 in production, 2026-12-06T13:56:38Z to 2026-12-13T13:56:38Z: 5000 rows (0 labelled): ALERT
  alert (drift): amount drifted: wasserstein distance 0.186 ≥ 0.1 (5000 rows against 5000 in the reference)
  alert (performance): specificity drop ≤ 0.03: specificity estimated 0.86 (CBPE, an estimate from the scores: no labels yet): down 0.0616 from 0.922 in the evaluation record (allowed: 0.03)
${drift}${estimated("0.62")}gate recall drop ≤ 0.05: pass (recall estimated 0.62 (CBPE, an estimate from the scores: no labels yet))
gate specificity drop ≤ 0.03: fail (specificity estimated 0.86 (CBPE, an estimate from the scores: no labels yet): down 0.0616 from 0.922 in the evaluation record (allowed: 0.03))
`;

const labelled = (recallEstimate: string) => `fraud-detector 1.0.0 in production: 5000 rows (5000 labelled): ALERT
  alert (performance): recall drop ≤ 0.05: recall 0.401 [0.373, 0.428] on 5000 labelled rows: down 0.0848 from 0.485 in the evaluation record (allowed: 0.05)
  alert (performance): specificity drop ≤ 0.03: specificity 0.856 [0.845, 0.866] on 5000 labelled rows: down 0.0665 from 0.922 in the evaluation record (allowed: 0.03)
  alert (performance): roc_auc drop ≤ 0.02: roc_auc 0.64 [0.621, 0.66] on 5000 labelled rows: down 0.185 from 0.824 in the evaluation record (allowed: 0.02)
${drift}realized on 5000 labelled rows: roc_auc 0.64, recall 0.401, precision 0.464, f1 0.43, accuracy 0.747, specificity 0.856
${estimated(recallEstimate)}gate recall drop ≤ 0.05: fail (recall 0.401 [0.373, 0.428] on 5000 labelled rows: down 0.0848 from 0.485 in the evaluation record (allowed: 0.05))
retrain: branch modelgate/retrain/fraud-detector/2026-12-13 moves the training data to data/x.csv (3500 labelled rows)
`;

test("no labels yet: the drifted features, recall as estimated against its gate, the other alerts", () => {
  assert.equal(
    monitorSummary(noLabels, false),
    "drifted: amount, account_age_days, prediction; recall estimated 0.62 (CBPE, no labels yet): no drop seen; also alerting: specificity; record committed",
  );
});

test("labels in: the realized drop, and whether the estimate had seen it", () => {
  assert.equal(
    monitorSummary(labelled("0.62"), true),
    "chargebacks in: recall realized 0.401, down 0.0848 from 0.485: alert; the estimate (0.62) did not see it, the labels did (CBPE assumes fraud keeps its pattern); also alerting: specificity, roc_auc; retraining proposed on branch modelgate/retrain/fraud-detector/2026-12-13",
  );
  // an estimate past the gate too (0.485 − 0.05 = 0.435): said as seen
  assert.match(
    monitorSummary(labelled("0.41"), true),
    /recall realized 0\.401, down 0\.0848 from 0\.485, as estimated \(0\.41\): alert;/,
  );
});
