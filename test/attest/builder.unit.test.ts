import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { parse } from "yaml";
import { attestRecord, provenancePredicate, recordBody } from "../../src/attest/promotion.ts";
import { attestSetup, buildFacts, builderFromEnv, jobWorkflowRefOf } from "../../src/attest/setup.ts";
import { appendToLedger, type NewRecord } from "../../src/ledger/ledger.ts";

// The SLSA builder id names the workflow whose job ran modelgate. Run directly, that is GITHUB_WORKFLOW_REF; in a
// reusable-workflow run GITHUB_WORKFLOW_REF names the caller, and the called workflow (the one that built and signed,
// the signing certificate's subject) is the OIDC token's job_workflow_ref, which the shipped reusable workflows
// hand to the action (job-workflow-ref: oidc) as MODELGATE_JOB_WORKFLOW_REF.

const CALLER = "acme/models/.github/workflows/modelgate-publish.yml@refs/heads/main";
const CALLEE = "modelgate-dev/modelgate/.github/workflows/publish.yml@refs/tags/v1";
const actions = {
  GITHUB_ACTIONS: "true",
  GITHUB_REPOSITORY: "acme/models",
  GITHUB_WORKFLOW_REF: CALLER,
  GITHUB_RUN_ID: "42",
  ACTIONS_ID_TOKEN_REQUEST_URL: "https://token.invalid",
  RUNNER_TEMP: "/tmp/runner",
};
const hex = (c: string) => c.repeat(64);
const record: NewRecord = {
  apiVersion: "modelgate.dev/v1alpha1",
  kind: "PromotionRecord",
  action: "publish",
  at: "2026-11-28T10:00:00Z",
  model: { name: "churn", version: "1.1.0", sha256: hex("b"), path: "models/churn/model.onnx" },
  data: [],
  evaluation: {
    record: `sha256:${hex("d")}`,
    path: `records/churn/evaluations/${hex("d")}.json`,
    verdict: "pass",
    gates: [],
    metrics: {},
  },
  pullRequest: null,
  approvals: [],
  image: { reference: `ghcr.io/acme/churn@sha256:${hex("a")}`, digest: `sha256:${hex("a")}` },
  environment: "staging",
  stageTag: "churn#staging#1",
  source: hex("f").slice(0, 40),
  triggeredBy: "bob",
};

/** The builder id in the SLSA provenance and in the promotion predicate of a publish made with `env`. */
function builderIds(env: NodeJS.ProcessEnv) {
  const build = buildFacts(attestSetup({ configured: "required", env, warn: () => {} }))!;
  let statements: ReturnType<typeof attestRecord>["statements"] = [];
  appendToLedger("", record, (chained) => {
    const a = attestRecord(chained, build);
    statements = a.statements;
    return { ...chained, attestation: a.block };
  });
  const [provenance, promotion] = statements as any[];
  assert.deepEqual(
    provenance.predicate,
    provenancePredicate(recordBody({ ...record, sequence: 1, previous: null }), build),
  );
  return [provenance.predicate.runDetails.builder.id, promotion.predicate.builder.id];
}

test("run directly, the builder is the run's workflow (GITHUB_WORKFLOW_REF)", () => {
  assert.deepEqual(builderIds(actions), Array(2).fill(`https://github.com/${CALLER}`));
});

test("in a reusable-workflow run, the builder is the called workflow (job_workflow_ref), not the caller", () => {
  assert.deepEqual(
    builderIds({ ...actions, MODELGATE_JOB_WORKFLOW_REF: CALLEE }),
    Array(2).fill(`https://github.com/${CALLEE}`),
  );
  assert.equal(
    builderFromEnv({ ...actions, MODELGATE_JOB_WORKFLOW_REF: CALLEE }).runUrl,
    "https://github.com/acme/models/actions/runs/42/attempts/1",
    "the run is still the caller's",
  );
  assert.throws(
    () => builderFromEnv({ ...actions, MODELGATE_JOB_WORKFLOW_REF: "publish.yml" }),
    /MODELGATE_JOB_WORKFLOW_REF \(the job-workflow-ref input\) is "publish\.yml", not OWNER\/REPO\/PATH@REF/,
  );
});

test("job_workflow_ref is read from the OIDC token's claims", () => {
  const jwt = (claims: object) => ["e30", Buffer.from(JSON.stringify(claims)).toString("base64url"), "c2ln"].join(".");
  assert.equal(jobWorkflowRefOf(jwt({ job_workflow_ref: CALLEE, workflow_ref: CALLER })), CALLEE);
  assert.throws(() => jobWorkflowRefOf(jwt({ workflow_ref: CALLER })), /has no job_workflow_ref claim/);
  assert.throws(() => jobWorkflowRefOf("not a token"), /is not a JWT/);
});

test("the shipped reusable workflows pass job-workflow-ref: oidc to publish and release, in jobs with id-token: write", () => {
  for (const [file, action] of [
    [".github/workflows/publish.yml", "actions/publish@"],
    [".github/workflows/release.yml", "actions/release@"],
  ]) {
    const wf = parse(readFileSync(file, "utf8"));
    const jobs = Object.values(wf.jobs as Record<string, any>).filter((j) =>
      (j.steps ?? []).some((s: any) => String(s.uses ?? "").includes(action)),
    );
    assert.equal(jobs.length, 1, file);
    const step = jobs[0].steps.find((s: any) => String(s.uses).includes(action));
    assert.equal(step.with["job-workflow-ref"], "oidc", file);
    assert.equal(jobs[0].permissions["id-token"], "write", file);
  }
  for (const a of ["publish", "release"]) {
    const yml = parse(readFileSync(`actions/${a}/action.yml`, "utf8"));
    assert.ok(yml.inputs["job-workflow-ref"], a);
  }
});
