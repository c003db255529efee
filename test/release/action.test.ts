import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import { parse } from "yaml";
import { readOverlayPin } from "../../src/deploy/render.ts";
import { GitHubSim } from "../support/github-sim/index.ts";
import { git, makeLedgerFixture } from "../support/ledger-fixture.ts";
import { bundleAction, parseOutputFile, runBundle } from "../support/run-action.ts";

let bundle: string;

before(async () => {
  bundle = await bundleAction("release");
});

test("the action.yml documents every input the entry reads and every output it sets", () => {
  const yml = parse(readFileSync("actions/release/action.yml", "utf8"));
  const src = readFileSync("src/actions/release.ts", "utf8");
  const read = [...src.matchAll(/(?:getInput|boolInput)\("([\w-]+)"/g)].map((m) => m[1]);
  const set = [...src.matchAll(/setOutput\("([\w-]+)"/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(read)].sort(), Object.keys(yml.inputs).sort());
  assert.deepEqual([...new Set(set)].sort(), Object.keys(yml.outputs).sort());
  assert.equal(yml.runs.using, "node24");
  assert.equal(yml.runs.main, "../../dist/actions/release.js");
});

async function runnerRun(
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; outputs: Record<string, string>; summary: string }> {
  const dir = mkdtempSync(join(tmpdir(), "mg-runner-"));
  const outFile = join(dir, "output");
  const summary = join(dir, "summary");
  writeFileSync(outFile, "");
  writeFileSync(summary, "");
  const r = await runBundle(bundle, {
    HOME: dir,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GITHUB_ACTIONS: "true",
    GITHUB_OUTPUT: outFile,
    GITHUB_STEP_SUMMARY: summary,
    ...env,
  });
  return {
    ...r,
    outputs: parseOutputFile(readFileSync(outFile, "utf8")),
    summary: readFileSync(summary, "utf8"),
  };
}

test("the bundled action, run as the runner runs it on a tag push in the production environment", async () => {
  const fx = makeLedgerFixture({ releasers: { users: ["dana"], teams: [] } });
  const sim = await GitHubSim.start();
  try {
    sim.addRepo("acme/models");
    sim.addCollaborator("acme/models", "dana", "write");
    sim.addCollaborator("acme/models", "mallory", "write");
    sim.reviewDeployment("acme/models", 77, {
      user: "erin",
      state: "approved",
      comment: "::error::not a command\nsecond line",
      environments: ["production"],
    });
    const v1 = await fx.publish("fraud-detector", "1.0.0");
    fx.tag("fraud-detector@v1.0.0", v1.commit);
    const env = {
      GITHUB_WORKSPACE: fx.repo,
      GITHUB_REPOSITORY: "acme/models",
      GITHUB_API_URL: sim.url,
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_REF: "refs/tags/fraud-detector@v1.0.0",
      GITHUB_EVENT_NAME: "push",
      GITHUB_RUN_ID: "77",
      INPUT_TOKEN: sim.token,
      "INPUT_WORKING-DIRECTORY": ".",
      "INPUT_DRY-RUN": "false",
    };
    // a pusher who may not release: the step fails, naming why, and nothing is pushed
    const denied = await runnerRun({ ...env, GITHUB_ACTOR: "mallory" });
    assert.equal(denied.code, 1, denied.stdout);
    assert.match(
      denied.stdout,
      /::error::modelgate release: fraud-detector: fraud-detector@v1\.0\.0 was pushed by mallory, who is not an allowed releaser/,
    );
    assert.deepEqual(fx.tags().sort(), ["fraud-detector#staging#1", "fraud-detector@v1.0.0"]);

    const r = await runnerRun({ ...env, GITHUB_ACTOR: "dana" });
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, new RegExp(`::add-mask::${sim.token}`));
    assert.doesNotMatch(r.stdout, /^::error::not a command/m, "an approval comment never reaches the log raw");
    assert.equal(r.outputs.outcome, "released");
    assert.equal(r.outputs["stage-tag"], "fraud-detector#production#1");
    assert.equal(r.outputs.image, v1.image.reference);
    assert.equal(r.outputs.changed, "true");
    assert.equal(r.outputs.commit, fx.head());
    assert.equal(
      readOverlayPin(fx.show("deploy/fraud-detector/overlays/production/kustomization.yaml"))?.image,
      v1.image.reference,
    );
    assert.match(r.summary, /### modelgate release: fraud-detector 1\.0\.0/);
    assert.match(r.summary, /\| approved by \| erin: ::error::not a command second line \|/);
    assert.equal(git(fx.remote, ["rev-parse", "fraud-detector#production#1^{commit}"]), v1.commit);

    // the re-run of the same release changes nothing
    const again = await runnerRun({ ...env, GITHUB_ACTOR: "dana" });
    assert.equal(again.code, 0, again.stdout);
    assert.equal(again.outputs.outcome, "unchanged");
    assert.equal(again.outputs.changed, "false");
    sim.assertClean();
  } finally {
    await sim.close();
  }
});
