/**
 * actions/audit run as the runner runs it (the bundle, INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY): the
 * timeline to the job summary, the evidence folder, the outputs; a tampered history fails the step, and text from
 * the repository never becomes a workflow command.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import { copyScenario, git, hour, type Scenario, standardScenario } from "../support/audit-scenario.ts";
import { bundleAction, parseOutputFile, runBundle } from "../support/run-action.ts";
import { runnerCommands } from "../support/runner-commands.ts";

let base: Scenario;
let bundle: string;
before(async () => {
  [base, bundle] = await Promise.all([standardScenario(), bundleAction("audit")]);
});

async function run(workspace: string, inputs: Record<string, string> = {}) {
  const tmp = mkdtempSync(join(tmpdir(), "mg-audit-action-"));
  const files = { GITHUB_OUTPUT: join(tmp, "output"), GITHUB_STEP_SUMMARY: join(tmp, "summary") };
  for (const f of Object.values(files)) writeFileSync(f, "");
  const env: NodeJS.ProcessEnv = {
    HOME: tmp,
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: tmp,
    ...files,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = await runBundle(bundle, env);
  return {
    ...r,
    tmp,
    outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, "utf8")),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, "utf8"),
  };
}

test("actions/audit: a clean history passes; the timeline goes to the job summary, the evidence folder is written", async () => {
  const r = await run(base.repo);
  assert.equal(r.code, 0, r.stdout);
  assert.equal(r.outputs.ok, "true");
  assert.equal(r.outputs.findings, "0");
  assert.equal(r.outputs.evidence, join(r.tmp, "modelgate-audit-evidence"));
  assert.ok(existsSync(join(r.outputs.evidence, "SHA256SUMS")));
  assert.equal(r.outputs.report, join(r.outputs.evidence, "timeline.json"));
  assert.equal(JSON.parse(readFileSync(r.outputs.report, "utf8")).verification.ok, true);
  assert.match(r.summary, /^# modelgate audit: HEAD at [0-9a-f]{12}/);
  assert.match(r.summary, /\| rolled-back \| 1\.1\.0 \| production \| dana \|/);
  assert.match(r.summary, /No findings: the history is complete/);
});

test("actions/audit: a tampered history fails the step, lists each finding, and repository text runs no command", async () => {
  const s = copyScenario(base);
  const file = join(s.repo, "deploy/churn/overlays/production/kustomization.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace(/sha256:[0-9a-f]{64}/, `sha256:${"e".repeat(64)}`));
  git(
    s.repo,
    ["commit", "-q", "-am", "::error file=x::pwned", "-m", "::set-output name=ok::true"],
    "mallory",
    hour(20),
  );
  const r = await run(s.repo, { evidence: join(s.dir, "evidence") });
  assert.equal(r.code, 1, r.stdout);
  assert.equal(r.outputs.ok, "false");
  assert.equal(r.outputs.findings, "1");
  assert.equal(r.outputs.evidence, join(s.dir, "evidence"));
  assert.match(readFileSync(join(s.dir, "evidence", "verification.md"), "utf8"), /deploy-edit/);
  assert.match(r.stdout, /commit [0-9a-f]{12} \("::error file=x::pwned", Mallory/);
  // what the runner would run from this log: modelgate's own group and errors, nothing from the commit's text
  const commands = runnerCommands(r.stdout).filter((c) => c.name !== "stop-commands");
  assert.deepEqual(
    commands.map((c) => c.name),
    ["group", "endgroup", "error", "error"],
    commands.map((c) => c.line).join("\n"),
  );
  assert.match(commands[2].data, /^audit verify: 1 finding — the history has gaps/);
  assert.ok(
    !commands.some((c) => /pwned|ok::true/.test(c.line)),
    "repository text never reaches the runner as a command",
  );
  assert.match(r.summary, /1 finding\./);
  assert.doesNotMatch(r.summary, /^::/m);
});
