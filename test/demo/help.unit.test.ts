import assert from "node:assert/strict";
import { test } from "node:test";
import { command } from "../../src/cli/demo/command.ts";
import { steps, warningsIn } from "../../src/cli/demo/demo.ts";

/** Issue #22 item 11: `demo --help` described an older demo (no release, roll back, audit), and hid its warnings. */
test("demo --help names every step the demo runs", () => {
  const usage = command.usage.toLowerCase();
  const words = new Set(steps().map((s) => s.title.split(" ")[0].replace("roll", "roll back")));
  for (const w of words) assert.ok(usage.includes(w), `--help does not mention "${w}"`);
});

test("warningsIn: every warning a command printed, the example's intended ones said so", () => {
  const validate = `data/transactions-drift.yaml
  22:7     warning drift     column "amount": drift in "amount" of "transactions-drift" against "transactions-train": PSI 0.134 ≥ 0.1 (warn threshold)
models/x/model.yaml
  3:1      warning digest    artifact has no sha256; run \`modelgate lock x\`
ok: no errors, 2 warnings (1 model, 3 datasets checked)
`;
  assert.deepEqual(warningsIn(validate), [
    'warning: drift in "amount" of "transactions-drift" against "transactions-train": PSI 0.134 ≥ 0.1 (warn threshold) (expected: transactions-drift is the example\'s drifted month, there to show the drift check)',
    "warning: artifact has no sha256; run `modelgate lock x`",
  ]);
  assert.deepEqual(warningsIn("warning: no registry configured (modelgate.yaml spec.registry): images are written\n"), [
    "warning: no registry configured (modelgate.yaml spec.registry): images are written (expected: the demo is offline, so images go to a local OCI layout)",
  ]);
  assert.deepEqual(warningsIn("ok: no errors\n"), []);
});
