/**
 * actions/rollback run as the runner runs it (the bundle, INPUT_* variables, GITHUB_OUTPUT), against the GitHub
 * simulator: the rollback job of the monitor workflow, after an alert on the version production runs. Without an
 * approval of the run the step fails and nothing is pushed or opened; with one, the promotion pull request.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import { parse } from "yaml";
import { runMonitor } from "../../src/monitor/run.ts";
import { bufferIo } from "../../src/util/io.ts";
import { openWorkspace } from "../../src/workspace/workspace.ts";
import { copyScenario, hour, releaseFixture, standardScenario } from "../support/audit-scenario.ts";
import { churnCsv } from "../support/fixture-repo.ts";
import { GitHubSim } from "../support/github-sim/index.ts";
import { bundleAction, parseOutputFile, runBundle } from "../support/run-action.ts";

let bundle: string;
before(async () => {
  bundle = await bundleAction("rollback");
});

test("the action.yml documents every input the entry reads and every output it sets", () => {
  const yml = parse(readFileSync("actions/rollback/action.yml", "utf8"));
  const src = readFileSync("src/actions/rollback.ts", "utf8");
  const read = [...src.matchAll(/(?:getInput|boolInput)\("([\w-]+)"/g)].map((m) => m[1]);
  const set = [...src.matchAll(/setOutput\("([\w-]+)"/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(read)].sort(), Object.keys(yml.inputs).sort());
  assert.deepEqual([...new Set(set)].sort(), Object.keys(yml.outputs).sort());
  assert.equal(yml.runs.main, "../../dist/actions/rollback.js");
});

test("the rollback job's step: refused without the environment's approval, the pull request with it", async () => {
  const s = copyScenario(await standardScenario());
  releaseFixture(s, "1.2.0", 16);
  const env = { PATH: process.env.PATH, HOME: process.env.HOME };
  const csv = churnCsv(4, 1200, 1).trim().split("\n");
  const logs = join(s.dir, "drifted.csv");
  const since = hour(16).getTime();
  writeFileSync(
    logs,
    `timestamp,${csv[0]}\n${csv
      .slice(1)
      .map((line, i) => `${new Date(since + i * 2500).toISOString()},${line}`)
      .join("\n")}\n`,
  );
  const m = await runMonitor(openWorkspace(bufferIo(s.repo, env)), {
    model: "churn",
    logs: [logs],
    since,
    until: hour(17).getTime(),
    backoffMs: 5,
  });
  assert.equal(m.plan.record.verdict, "alert");
  const sim = await GitHubSim.start();
  try {
    sim.addRepo("acme/churn");
    sim.addCollaborator("acme/churn", "dana", "write");
    sim.resolveBranch = (_repo, branch) => {
      try {
        return execFileSync("git", ["--git-dir", s.remote, "rev-parse", `refs/heads/${branch}`], {
          encoding: "utf8",
        }).trim();
      } catch {
        return undefined;
      }
    };
    const step = async (runId: number) => {
      const dir = mkdtempSync(join(tmpdir(), "mg-runner-"));
      const outFile = join(dir, "output");
      writeFileSync(outFile, "");
      writeFileSync(join(dir, "summary"), "");
      const r = await runBundle(bundle, {
        HOME: dir,
        GIT_CONFIG_NOSYSTEM: "1",
        GIT_CONFIG_GLOBAL: "/dev/null",
        GITHUB_ACTIONS: "true",
        GITHUB_OUTPUT: outFile,
        GITHUB_STEP_SUMMARY: join(dir, "summary"),
        GITHUB_WORKSPACE: s.repo,
        GITHUB_REPOSITORY: "acme/churn",
        GITHUB_API_URL: sim.url,
        GITHUB_SERVER_URL: "https://github.com",
        GITHUB_ACTOR: "dana",
        GITHUB_RUN_ID: String(runId),
        GITHUB_EVENT_NAME: "schedule",
        INPUT_MODEL: "churn",
        INPUT_RECORD: m.plan.digest,
        INPUT_TOKEN: sim.token,
        "INPUT_WORKING-DIRECTORY": ".",
        "INPUT_DRY-RUN": "false",
      });
      return { ...r, outputs: parseOutputFile(readFileSync(outFile, "utf8")) };
    };
    const heads = () =>
      execFileSync("git", ["--git-dir", s.remote, "for-each-ref", "--format=%(refname)", "refs/heads/modelgate"], {
        encoding: "utf8",
      }).trim();
    const refused = await step(61);
    assert.equal(refused.code, 1, refused.stdout);
    assert.match(refused.stdout, /::error::modelgate rollback: .*run 61 has no approval/);
    assert.equal(heads(), "", "nothing pushed");
    assert.throws(() => sim.pull("acme/churn", 1), /no pull request/);
    sim.reviewDeployment("acme/churn", 62, {
      user: "erin",
      state: "approved",
      comment: "",
      environments: ["production"],
    });
    const ok = await step(62);
    assert.equal(ok.code, 0, ok.stdout);
    assert.equal(ok.outputs.outcome, "proposed");
    assert.equal(ok.outputs.version, "1.1.0");
    assert.equal(ok.outputs["monitoring-record"], m.plan.digest);
    assert.equal(ok.outputs.branch, "modelgate/release/churn/production/v1.1.0");
    assert.equal(ok.outputs["pull-request"], "1");
    assert.equal(sim.pull("acme/churn", 1).headRef, ok.outputs.branch);
    assert.equal(heads(), `refs/heads/${ok.outputs.branch}`);
    sim.assertClean();
  } finally {
    await sim.close();
  }
});
