/**
 * `modelgate monitor` end to end (issue #23), on real git repositories with real promotion histories and real
 * onnxruntime sessions: the bundled example's May data logged as KServe CloudEvents by the version in production
 * (drifted features flagged and the specificity drop estimated; the recall drop, which the scores cannot show,
 * realized once the labels arrive; the record committed, content-addressed, with trailers; a re-run commits nothing; audit verify stays clean and the timeline
 * shows the run; a retraining branch; in Actions a sticky issue, a retraining pull request and the rollback asked of the workflow's rollback job,
 * against the GitHub simulator); a table without predictions across a rollback mid-window, scored by the version
 * that served each row; and bad input, which is exit 2.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parse as parseYaml } from "yaml";
import { runDemo } from "../../src/cli/demo/demo.ts";
import { kserveTraffic } from "../../src/cli/demo/traffic.ts";
import { main } from "../../src/cli/main.ts";
import { sha256Bytes } from "../../src/data/hash.ts";
import { resolveContext } from "../../src/github/index.ts";
import { parseTrailers } from "../../src/ledger/trailers.ts";
import { datasetSchema, modelSchema } from "../../src/manifest/schema.ts";
import { prestartMonitor } from "../../src/monitor/prestart.ts";
import { prestartedCount } from "../../src/util/prestarted.ts";
import { runMonitor, runMonitorWithRollback } from "../../src/monitor/run.ts";
import { parseLedger } from "../../src/ledger/ledger.ts";
import { readOverlayPin } from "../../src/deploy/render.ts";
import { monitoringRecordSchema } from "../../src/records/monitoring.ts";
import { bufferIo } from "../../src/util/io.ts";
import { openWorkspace } from "../../src/workspace/workspace.ts";
import { copyScenario, hour, iso, releaseFixture, type Scenario, standardScenario } from "../support/audit-scenario.ts";
import { churnCsv } from "../support/fixture-repo.ts";
import { GitHubSim } from "../support/github-sim/index.ts";

const env = { PATH: process.env.PATH, HOME: process.env.HOME };
const DAY = 86_400_000;

/** churn 1.1.0 released at hour 7, 1.2.0 at hour 14, rolled back to 1.1.0 at hour 15; built once, copied to write. */
let churn: Promise<Scenario> | undefined;
const churnScenario = async () => copyScenario(await (churn ??= standardScenario()));

const git = (cwd: string, args: string[]) =>
  execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...env,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_AUTHOR_NAME: "Alice",
      GIT_AUTHOR_EMAIL: "alice@example.com",
      GIT_COMMITTER_NAME: "Alice",
      GIT_COMMITTER_EMAIL: "alice@example.com",
    },
  }).trim();

async function monitor(cwd: string, args: string[], extra: NodeJS.ProcessEnv = {}) {
  const io = bufferIo(cwd, { ...env, ...extra });
  const code = await main(["monitor", ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

type Fraud = Awaited<ReturnType<typeof buildFraudScenario>>;
let fraud: Promise<Fraud> | undefined;

/** The fraud scenario below, built once per file; each test gets a copy (origin pointing at the copy's remote). */
async function fraudScenario(): Promise<Fraud> {
  const built = await (fraud ??= buildFraudScenario());
  const out = join(mkdtempSync(join(tmpdir(), "mg-monitor-")), "demo");
  cpSync(built.out, out, { recursive: true });
  const at = (path: string) => join(out, path.slice(built.out.length + 1));
  const copy = {
    ...built,
    out,
    repo: at(built.repo),
    remote: at(built.remote),
    logs: at(built.logs),
    labels: at(built.labels),
  };
  git(copy.repo, ["remote", "set-url", "origin", copy.remote]);
  return copy;
}

/** The example with fraud-detector 1.0.0 released to production (the demo's first step), May's traffic logged. */
async function buildFraudScenario() {
  const out = join(mkdtempSync(join(tmpdir(), "mg-monitor-")), "demo");
  const io = bufferIo(process.cwd(), env);
  const { steps } = await import("../../src/cli/demo/demo.ts");
  const r = await runDemo(io, out, steps().slice(0, 1));
  assert.ok(r.ok, io.stdout);
  const repo = join(out, "repo");
  // the example's monitoring plan (spec.monitoring): recall may drop 0.05, specificity 0.03, ROC AUC 0.02; onAlert
  // issue, retrain
  const manifestPath = join(repo, "models/fraud-detector/model.yaml");
  const start = Date.now() + 60_000;
  const logs = join(out, "logs-may.jsonl");
  const labels = join(out, "labels-may.csv");
  const manifest = modelSchema.parse(parseYaml(readFileSync(manifestPath, "utf8")));
  const dataset = datasetSchema.parse(parseYaml(readFileSync(join(repo, "data/transactions-drift.yaml"), "utf8")));
  const traffic = await kserveTraffic({
    data: join(repo, "data/transactions-drift.csv"),
    dataset,
    model: readFileSync(join(repo, "models/fraud-detector/model.onnx")),
    manifest,
    start,
    days: 7,
    events: logs,
    labels,
  });
  assert.equal(traffic.requests, 5000);
  const window = ["--since", new Date(start).toISOString(), "--until", new Date(start + 7 * DAY).toISOString()];
  return { out, repo, remote: join(out, "remote.git"), logs, labels, window };
}

test("May's traffic as KServe CloudEvents: drift flagged, the drop estimated then realized, the record in git", async () => {
  const s = await fraudScenario();
  // 1. logs without labels, --dry-run, --json
  const dry = await monitor(s.repo, ["fraud-detector", "--logs", s.logs, ...s.window, "--dry-run", "--json"]);
  assert.equal(dry.code, 1, dry.err);
  const j = JSON.parse(dry.out);
  assert.equal(j.model, "fraud-detector");
  assert.equal(j.version, "1.0.0");
  assert.equal(j.environment, "production");
  assert.equal(j.window.rows, 5000);
  const drifted = j.drift.filter((d: { drifted: boolean }) => d.drifted).map((d: { feature: string }) => d.feature);
  assert.deepEqual(drifted.sort(), ["account_age_days", "amount", "prediction"]);
  for (const d of j.drift) assert.ok(["wasserstein", "jensenshannon"].includes(d.test), d.test);
  assert.equal(j.performance.realized, undefined, "no labels yet");
  assert.ok(j.performance.estimated.specificity < 0.922 - 0.03, `estimated ${j.performance.estimated.specificity}`);
  assert.ok(j.alerts.some((a: { metric?: string }) => a.metric === "specificity"));
  // May's new fraud pattern (concept drift) leaves 1.0.0's scores looking as before: CBPE sees no recall drop
  assert.ok(j.performance.estimated.recall > 0.485 - 0.05, `estimated recall ${j.performance.estimated.recall}`);
  assert.ok(!j.alerts.some((a: { metric?: string }) => a.metric === "recall"));
  assert.equal(
    git(s.repo, ["ls-remote", s.remote, "refs/heads/main"]).split("\t")[0],
    git(s.repo, ["rev-parse", "HEAD"]),
    "a dry run commits nothing",
  );

  // 2. the labels arrive: realized metrics by the evaluation's code, compared with the estimate; committed
  const run = await monitor(s.repo, ["fraud-detector", "--logs", s.logs, "--labels", s.labels, ...s.window, "--json"]);
  assert.equal(run.code, 1, run.err);
  const r = JSON.parse(run.out);
  assert.ok(r.performance.realized.specificity < 0.922 - 0.03, `realized ${r.performance.realized.specificity}`);
  // the chargebacks show what the scores did not: recall down from the evaluation record's 0.485, past maxDrop 0.05
  assert.ok(r.performance.realized.recall < 0.485 - 0.05, `realized recall ${r.performance.realized.recall}`);
  assert.ok(r.alerts.some((a: { metric?: string }) => a.metric === "recall"));
  assert.ok(r.commit, "the record was committed");
  const tip = git(s.repo, ["ls-remote", s.remote, "refs/heads/main"]).split("\t")[0];
  assert.equal(tip, r.commit);
  const text = git(s.repo, ["--git-dir", s.remote, "show", `${tip}:${r.record.path}`]).concat("\n");
  assert.equal(`sha256:${sha256Bytes(text)}`, r.record.digest);
  assert.equal(r.record.path, `records/fraud-detector/monitoring/${r.record.digest.slice(7)}.json`);
  const record = monitoringRecordSchema.parse(JSON.parse(text));
  assert.equal(record.window.labeled, 5000);
  assert.ok(record.performance.comparison?.recall, "the estimate compared with the realized value");
  assert.equal(record.versions.length, 1);
  assert.equal(record.versions[0].scored, 0, "the logs carried every prediction");
  assert.deepEqual(
    record.sources.map((x) => x.kind),
    ["cloudevents", "labels"],
  );
  const message = git(s.repo, ["--git-dir", s.remote, "log", "-1", "--format=%B", tip]);
  const t = parseTrailers(message.trim().split("\n\n").at(-1) ?? "");
  assert.deepEqual(t.get("Monitoring-Record"), [r.record.digest]);
  assert.deepEqual(t.get("Monitoring-Verdict"), ["alert"]);
  assert.deepEqual(t.get("Monitored-Promotion"), [record.promotion.record]);

  // 3. the same window again: the branch already holds the record
  const again = await monitor(s.repo, ["fraud-detector", "--logs", s.logs, "--labels", s.labels, ...s.window]);
  assert.equal(again.code, 1);
  assert.match(again.out, /the GitOps branch already holds this record: nothing to commit/);
  assert.equal(git(s.repo, ["ls-remote", s.remote, "refs/heads/main"]).split("\t")[0], tip);

  // 4. audit: the history still verifies, and the timeline shows the run
  git(s.repo, ["pull", "-q", "--ff-only", "origin", "main"]);
  const verify = bufferIo(s.repo, env);
  assert.equal(await main(["audit", "verify", "fraud-detector"], verify), 0, verify.stdout + verify.stderr);
  const timeline = bufferIo(s.repo, env);
  assert.equal(await main(["audit", "fraud-detector", "--json"], timeline), 0, timeline.stderr);
  const events = JSON.parse(timeline.stdout).models[0].events;
  const m = events.find((e: { kind: string }) => e.kind === "monitored");
  assert.equal(m?.monitoring.record, r.record.digest);
  assert.equal(m?.environment, "production");
  // the evidence folder: the record copied out of git, mapped to EU AI Act Art. 72
  const evidence = join(s.out, "evidence");
  const ev = bufferIo(s.repo, env);
  assert.equal(await main(["audit", "fraud-detector", "--evidence", evidence], ev), 0, ev.stderr);
  assert.equal(readFileSync(join(evidence, r.record.path), "utf8"), text);
  assert.match(
    readFileSync(join(evidence, "requirements.md"), "utf8"),
    /\| EU AI Act Art\. 72 \(post-market monitoring\) \|.*`records\/\*\/monitoring\/\*\.json`/,
  );

  // 5. --retrain: a branch that moves the training Dataset to the window's older labelled rows, the evaluation
  // Dataset to its newest ones
  const retrain = await monitor(s.repo, [
    "fraud-detector",
    "--logs",
    s.logs,
    "--labels",
    s.labels,
    ...s.window,
    "--retrain",
  ]);
  assert.equal(retrain.code, 1, retrain.err);
  const branch =
    /retrain: branch (\S+) moves the training data to (\S+) \(3500 labelled rows\) and the evaluation data to (\S+) \(the newest 1500\)/.exec(
      retrain.out,
    );
  assert.ok(branch, retrain.out);
  const show = (path: string) => execFileSync("git", ["--git-dir", s.remote, "show", `${branch[1]}:${path}`]);
  for (const [manifest, data, rows] of [
    ["data/transactions-train.yaml", branch[2], 3500],
    ["data/transactions-eval.yaml", branch[3], 1500],
  ] as const) {
    const yaml = datasetSchema.parse(parseYaml(show(manifest).toString("utf8")));
    assert.equal(yaml.spec.sha256, sha256Bytes(show(data)), manifest);
    assert.equal(yaml.spec.rows, rows);
    assert.equal(yaml.spec.path, data.split("/").at(-1));
    assert.ok(yaml.spec.profile?.amount?.count, "the new data's profile, as lock writes it");
  }
  // the newest rows evaluate: every evaluation row is later than every training row
  const ids = (data: string) =>
    show(data)
      .toString("utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => Number(l.split(",")[0]));
  assert.ok(Math.max(...ids(branch[2])) < Math.min(...ids(branch[3])), "May's rows are logged in id order");
  assert.equal(git(s.repo, ["--git-dir", s.remote, "rev-parse", `${branch[1]}~1`]), tip, "off the default branch");
  // the pull request's pipeline starts from a repository that validates
  const clone = join(s.out, "retrain-clone");
  git(s.out, ["clone", "-q", "-b", branch[1], s.remote, clone]);
  const v = bufferIo(clone, env);
  assert.equal(await main(["validate"], v), 0, v.stdout + v.stderr);
});

test("in Actions: one sticky issue per model and environment, a retraining pull request, a rollback asked of the rollback job", async () => {
  const s = await fraudScenario();
  const sim = await GitHubSim.start();
  try {
    sim.addRepo("acme/fraud");
    sim.resolveBranch = (_repo, branch) =>
      execFileSync("git", ["--git-dir", s.remote, "rev-parse", `refs/heads/${branch}`], { encoding: "utf8" }).trim();
    const ghEnv = { ...env, GITHUB_TOKEN: sim.token, GITHUB_API_URL: sim.url, GITHUB_REPOSITORY: "acme/fraud" };
    const run = (window: string[], extra: { rollback?: boolean } = {}) =>
      runMonitor(openWorkspace(bufferIo(s.repo, ghEnv)), {
        model: "fraud-detector",
        logs: [s.logs],
        labels: [s.labels],
        since: Date.parse(window[1]),
        until: Date.parse(window[3]),
        github: { ...resolveContext(ghEnv), http: { retryBaseMs: 1, retries: 0, paceWrites: false } },
        backoffMs: 5,
        ...extra,
      });
    const first = await run(s.window, { rollback: true });
    assert.equal(first.plan.record.verdict, "alert");
    assert.equal(first.issue?.action, "opened");
    const issues = sim.issues("acme/fraud");
    assert.equal(issues.length, 1);
    assert.ok(issues[0].body.startsWith("<!-- modelgate-monitor:fraud-detector:production -->"));
    assert.deepEqual(issues[0].labels, ["modelgate-monitor"]);
    assert.match(issues[0].body, /\| amount \| wasserstein \|/);
    assert.ok(first.retrain?.pullRequest, "the retraining pull request");
    assert.match(first.retrain?.body ?? "", /GITHUB_TOKEN starts no workflow/);
    assert.equal(first.rollbackRequested, true, "the workflow's rollback job is asked (it runs in the environment)");
    // a later window that alerts too: the same issue, updated; then a quiet window (too few rows): closed
    const later = [s.window[0], new Date(Date.parse(s.window[1]) + DAY).toISOString(), s.window[2], s.window[3]];
    const second = await run(later);
    assert.equal(second.issue?.action, "updated");
    assert.equal(second.issue?.number, first.issue?.number);
    const quiet = [s.window[0], new Date(Date.parse(s.window[3]) - 3_600_000).toISOString(), s.window[2], s.window[3]];
    const third = await run(quiet);
    assert.equal(third.plan.record.verdict, "not-enough-rows");
    assert.equal(third.issue?.action, "closed");
    assert.equal(sim.issues("acme/fraud").length, 1, "never a new issue per run");
    assert.equal(sim.issues("acme/fraud")[0].state, "closed");
    sim.assertClean();
  } finally {
    await sim.close();
  }
});

test("rows without predictions are scored by the version that served them, across a rollback mid-window", async () => {
  const s = await churnScenario();
  const csv = churnCsv(3, 1200).trim().split("\n");
  const since = hour(12).getTime();
  const until = hour(17).getTime();
  const rows = csv.slice(1).map((line, i) => {
    const t = since + Math.floor((i * (until - since)) / 1200);
    return {
      t,
      line,
      tenure: Number(line.split(",")[1]),
      spend: Number(line.split(",")[2]),
      churned: line.split(",")[4],
    };
  });
  const logs = join(s.dir, "logs.csv");
  writeFileSync(
    logs,
    `timestamp,${csv[0]}\n${rows.map((r) => `${new Date(r.t).toISOString()},${r.line}`).join("\n")}\n`,
  );
  const res = await monitor(s.repo, [
    "churn",
    "--logs",
    logs,
    "--since",
    iso(hour(12)),
    "--until",
    iso(hour(17)),
    "--json",
  ]);
  assert.equal(res.code, 0, res.err);
  const record = monitoringRecordSchema.parse(
    JSON.parse(git(s.repo, ["--git-dir", s.remote, "show", `main:${JSON.parse(res.out).record.path}`])),
  );
  assert.deepEqual(
    record.versions.map((v) => [v.version, v.from, v.until]),
    [
      ["1.1.0", iso(hour(12)), iso(hour(14))],
      ["1.2.0", iso(hour(14)), iso(hour(15))],
      ["1.1.0", iso(hour(15)), iso(hour(17))],
    ],
  );
  const served = (a: number, b: number) =>
    rows.filter((r) => r.t >= hour(a).getTime() && r.t < hour(b).getTime()).length;
  assert.deepEqual(
    record.versions.map((v) => [v.rows, v.scored]),
    [
      [served(12, 14), served(12, 14)],
      [served(14, 15), served(14, 15)],
      [served(15, 17), served(15, 17)],
    ],
  );
  // the positive rate the versions' own logistic regressions give (bias 1.45, then 1.55, then 1.45 again)
  const bias = (t: number) => (t >= hour(14).getTime() && t < hour(15).getTime() ? 1.55 : 1.45);
  const positive = rows.filter((r) => 1 / (1 + Math.exp(-(bias(r.t) - r.tenure / 15 + r.spend / 100))) >= 0.5).length;
  const realized = record.performance.realized?.metrics.positive_rate as number;
  assert.ok(
    Math.abs(realized * 1200 - positive) <= 1,
    `${realized * 1200} rows predicted positive, ${positive} expected`,
  );
  assert.equal(record.verdict, "ok", "one month of the same data: no drift");
  assert.deepEqual(
    record.drift.columns.map((c) => [c.feature, c.test]),
    [
      ["tenure", "ks"],
      ["spend", "ks"],
      ["prediction", "ks"],
    ],
  );
});

test("CSV logs fed by worker threads give the very record of feeding them in this thread, and the same errors", async () => {
  const s = await churnScenario();
  const csv = churnCsv(4, 1300).trim().split("\n");
  const since = hour(12).getTime();
  const until = hour(17).getTime();
  // rows across a rollback (three segments), some outside the window, some with their prediction logged, some
  // without a label (half of them labelled later by id), one without a feature the model needs and no prediction
  const lines = csv.slice(1).map((line, i) => {
    const t = since - 600_000 + Math.floor((i * (until - since + 900_000)) / 1300);
    const cells = line.split(",");
    if (i === 77) cells[1] = "";
    if (i % 5 === 0) cells[4] = "";
    const prediction = i % 3 === 0 && i !== 77 ? String(Math.round((0.2 + (i % 7) / 10) * 1e6) / 1e6) : "";
    return `${new Date(t).toISOString()},${cells.join(",")},${prediction},${i % 11}`;
  });
  const header = `timestamp,${csv[0]},prediction,latency_ms`;
  const a = join(s.dir, "a.csv");
  const b = join(s.dir, "b.csv");
  writeFileSync(a, `${header}\n${lines.slice(0, 700).join("\n")}\n`);
  writeFileSync(b, `${header}\n${lines.slice(700).join("\n")}\n`);
  const labels = join(s.dir, "labels.csv");
  const late = csv.slice(1).filter((_, i) => i % 10 === 0);
  writeFileSync(
    labels,
    `customer_id,churned\n${late.map((l) => `${l.split(",")[0]},${l.split(",")[4]}`).join("\n")}\n`,
  );
  const run = async (workers: number, logs = [a, b]) => {
    const io = bufferIo(s.repo, env);
    const r = await runMonitor(openWorkspace(io), {
      model: "churn",
      logs,
      labels: [labels],
      since,
      until,
      dryRun: true,
      workers,
      batchSize: 64,
    });
    assert.equal(io.stderr, "", "the workers started (no fallback to this thread)");
    return r.plan;
  };
  const here = await run(0);
  const skipped = here.record.window.skipped;
  assert.deepEqual(Object.keys(skipped), ["outside the window", "without a prediction and a feature the model needs"]);
  assert.equal(skipped["without a prediction and a feature the model needs"], 1);
  assert.equal(here.record.window.rows, 1300 - 1 - skipped["outside the window"]);
  assert.ok(here.record.window.labeled > 1100 && here.record.window.labeled < here.record.window.rows);
  assert.deepEqual(
    here.record.sources.slice(0, 2).map((x) => x.sha256),
    [a, b].map((f) => sha256Bytes(readFileSync(f))),
  );
  for (const workers of [1, 2]) {
    const there = await run(workers);
    assert.equal(JSON.stringify(there.record), JSON.stringify(here.record), `${workers} worker(s)`);
    assert.equal(there.digest, here.digest);
  }
  // threads the CLI starts before the command loads (the feed workers, the reference's): taken by the run
  const end = prestartMonitor(["churn", "--logs", a, b, "--labels", labels], 0);
  assert.equal(prestartedCount("monitor-reference"), 1);
  const feed = prestartedCount("monitor-feed");
  const prestartedRun = await run(feed || 2);
  await end();
  assert.deepEqual([prestartedCount("monitor-feed"), prestartedCount("monitor-reference")], [0, 0], "taken");
  assert.equal(prestartedRun.digest, here.digest, "prestarted workers");
  const bad = join(s.dir, "bad.csv");
  writeFileSync(bad, `${header}\n${lines.slice(0, 400).join("\n")}\nlater${lines[400].slice(24)}\n`);
  for (const workers of [0, 2])
    await assert.rejects(run(workers, [bad]), /bad\.csv:402: timestamp "later" is not a time/, `${workers} workers`);
});

test("bad input is exit 2, naming the file and line", async () => {
  const s = await churnScenario();
  const w = ["--since", iso(hour(12)), "--until", iso(hour(17))];
  const csv = join(s.dir, "bad.csv");
  writeFileSync(
    csv,
    "timestamp,customer_id,tenure,spend,region,churned\n2026-03-02T13:00:00Z,1,3,40,north,0\nlater,2,3,40,north,0\n",
  );
  const bad = await monitor(s.repo, ["churn", "--logs", csv, ...w]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /bad\.csv:3: timestamp "later" is not a time/);
  const notime = join(s.dir, "notime.csv");
  writeFileSync(notime, "customer_id,tenure,spend\n1,2,3\n");
  assert.match((await monitor(s.repo, ["churn", "--logs", notime, ...w])).err, /needs a "timestamp" column/);
  const events = join(s.dir, "events.jsonl");
  writeFileSync(
    events,
    `{"specversion":"1.0","id":"a","type":"org.kubeflow.serving.inference.request","data":{"inputs":[]}}\n{not json\n`,
  );
  const ev = await monitor(s.repo, ["churn", "--logs", events, ...w]);
  assert.equal(ev.code, 2);
  assert.match(ev.err, /events\.jsonl:2: row 2: not valid JSON/);
  writeFileSync(
    events,
    `{"specversion":"1.0","id":"a","type":"org.kubeflow.serving.inference.request","data":{"inputs":[]}}\n`,
  );
  const payload = await monitor(s.repo, ["churn", "--logs", events, ...w]);
  assert.equal(payload.code, 2);
  assert.match(payload.err, /events\.jsonl:1: no input of the request feeds the model/);
  assert.equal((await monitor(s.repo, ["churn", "--logs", csv, "--env", "qa", ...w])).code, 2);
  assert.equal((await monitor(s.repo, ["churn", ...w])).code, 2, "no --logs");
  const before = await monitor(s.repo, ["churn", "--logs", csv, "--since", iso(hour(0)), "--until", iso(hour(1))]);
  assert.equal(before.code, 2);
  assert.match(before.err, /no version of churn ran in production between/);
});

test("--rollback: a promotion pull request back to the previous version, only with the environment's approval; merged, audit verify accepts it", async () => {
  const s = await churnScenario();
  // 1.2.0 released again at hour 16, after the rollback of hour 15: production runs 1.2.0, which replaced 1.1.0
  releaseFixture(s, "1.2.0", 16);
  const sim = await GitHubSim.start();
  try {
    sim.addRepo("acme/churn");
    sim.addCollaborator("acme/churn", "dana", "write");
    sim.resolveBranch = (_repo, branch) => {
      try {
        return git(s.repo, ["--git-dir", s.remote, "rev-parse", `refs/heads/${branch}`]);
      } catch {
        return undefined;
      }
    };
    // an hour of drifted traffic while 1.2.0 runs (hours 16 to 17)
    const csv = churnCsv(4, 1200, 1).trim().split("\n");
    const since = hour(16).getTime();
    const logs = join(s.dir, "drifted.csv");
    writeFileSync(
      logs,
      `timestamp,${csv[0]}\n${csv
        .slice(1)
        .map((line, i) => `${new Date(since + i * 2500).toISOString()},${line}`)
        .join("\n")}\n`,
    );
    const before = git(s.repo, ["ls-remote", s.remote, "refs/heads/main"]).split("\t")[0];
    const ghEnv = { ...env, GITHUB_TOKEN: sim.token, GITHUB_API_URL: sim.url, GITHUB_REPOSITORY: "acme/churn" };
    const http = { retryBaseMs: 1, retries: 0, paceWrites: false };
    const run = (runId: number) =>
      runMonitorWithRollback(openWorkspace(bufferIo(s.repo, ghEnv)), {
        model: "churn",
        logs: [logs],
        since,
        until: hour(17).getTime(),
        rollback: true,
        release: { actor: "dana", runId, http },
        backoffMs: 5,
      });
    const branches = () =>
      git(s.repo, ["--git-dir", s.remote, "for-each-ref", "--format=%(refname)", "refs/heads/modelgate"]);

    // 1. no approval of the run: nothing proposed (fail closed); the record alone is committed
    const refused = await run(41);
    assert.equal(refused.plan.record.verdict, "alert");
    assert.equal(refused.plan.record.model.version, "1.2.0");
    assert.match(
      refused.rollback?.refused ?? "",
      /rollback of churn in production to 1\.1\.0 not proposed.*run 41 has no approval/s,
    );
    assert.equal(branches(), "", "no proposal branch");
    assert.throws(() => sim.pull("acme/churn", 1), /no pull request/);
    const recorded = git(s.repo, ["ls-remote", s.remote, "refs/heads/main"]).split("\t")[0];
    assert.deepEqual(git(s.repo, ["--git-dir", s.remote, "diff", "--name-only", before, recorded]).split("\n"), [
      refused.plan.path,
    ]);

    // 2. erin approves run 42 for the production environment: the pull request
    sim.reviewDeployment("acme/churn", 42, {
      user: "erin",
      state: "approved",
      comment: "go back",
      environments: ["production"],
    });
    const r = await run(42);
    assert.equal(r.commit, undefined, "the record was there already");
    const p = r.rollback?.release;
    assert.equal(p?.outcome, "proposed", r.rollback?.refused);
    assert.equal(r.rollback?.version, "1.1.0");
    assert.equal(r.rollback?.from, "1.2.0");
    assert.equal(r.rollback?.monitoringRecord, r.plan.digest);
    assert.equal(p?.branch, "modelgate/release/churn/production/v1.1.0");
    assert.equal(git(s.repo, ["ls-remote", s.remote, "refs/heads/main"]).split("\t")[0], recorded, "main is untouched");
    const pull = sim.pull("acme/churn", p?.pullRequest?.number ?? 0);
    assert.equal(pull.headRef, p?.branch);
    assert.equal(pull.baseRef, "main");
    assert.match(pull.title, /Roll back churn to 1\.1\.0 in production \(monitoring alert\)/);
    // its diff: the overlay back to 1.1.0's published image, and the promotion record (action rollback)
    const diff = git(s.repo, ["--git-dir", s.remote, "diff", "--name-only", "main", p?.branch ?? ""]).split("\n");
    assert.deepEqual(diff.sort(), [
      "deploy/churn/overlays/production/kustomization.yaml",
      "records/churn/promotions.jsonl",
    ]);
    const show = (ref: string, path: string) => git(s.repo, ["--git-dir", s.remote, "show", `${ref}:${path}`]);
    const { entries } = parseLedger(`${show(p?.branch ?? "", "records/churn/promotions.jsonl")}\n`);
    const last = entries.at(-1)?.record;
    assert.equal(last?.action, "rollback");
    assert.equal(last?.model.version, "1.1.0");
    assert.deepEqual(last?.release?.supersedes?.version, "1.2.0");
    assert.deepEqual(
      last?.release?.environmentApprovals?.map((a) => [a.user, a.state]),
      [["erin", "approved"]],
    );
    const published = entries.find((e) => e.record.action === "publish" && e.record.model.version === "1.1.0");
    assert.equal(
      readOverlayPin(show(p?.branch ?? "", "deploy/churn/overlays/production/kustomization.yaml"))?.image,
      published?.record.image.reference,
    );
    // a re-run without an approval is refused; an approved one finds the proposal
    const again = await run(43);
    assert.match(again.rollback?.refused ?? "", /run 43 has no approval/, "each run needs its own approval");
    sim.reviewDeployment("acme/churn", 44, {
      user: "erin",
      state: "approved",
      comment: "",
      environments: ["production"],
    });
    const third = await run(44);
    assert.equal(third.rollback?.release?.outcome, "unchanged");
    assert.throws(() => sim.pull("acme/churn", 2), /no pull request/, "one pull request");

    // 3. a person merges it (a merge commit, as GitHub's button makes): audit verify accepts the history
    git(s.repo, ["fetch", "-q", "origin"]);
    git(s.repo, ["checkout", "-q", "main"]);
    git(s.repo, ["reset", "-q", "--hard", "origin/main"]);
    git(s.repo, [
      "merge",
      "-q",
      "--no-ff",
      "-m",
      `Merge pull request #${pull.number} from acme/${p?.branch}`,
      `origin/${p?.branch}`,
    ]);
    git(s.repo, ["push", "-q", "origin", "main"]);
    const verify = bufferIo(s.repo, env);
    assert.equal(await main(["audit", "verify", "churn"], verify), 0, verify.stdout + verify.stderr);
    const at = bufferIo(s.repo, env);
    assert.equal(await main(["audit", "churn", "--json"], at), 0, at.stderr);
    const events = JSON.parse(at.stdout).models[0].events as { kind: string }[];
    assert.ok(
      events.some((e) => e.kind === "monitored"),
      "the alert on the timeline",
    );
    sim.assertClean();
  } finally {
    await sim.close();
  }
});
