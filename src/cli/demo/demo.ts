import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import type { Command } from "../../commands/command.ts";
import { command as approve } from "../../commands/approve.ts";
import { command as evaluate } from "../../commands/evaluate.ts";
import { command as lock } from "../../commands/lock.ts";
import { command as monitor } from "../../commands/monitor.ts";
import { command as audit } from "../../commands/audit.ts";
import { command as publish } from "../../commands/publish.ts";
import { command as release } from "../../commands/release.ts";
import { command as report } from "../../commands/report.ts";
import { command as train } from "../../commands/train.ts";
import { command as validate } from "../../commands/validate.ts";
import { ModelgateError, UserError } from "../../errors.ts";
import { keepScans } from "../../data/scan.ts";
import { closeObjectReaders } from "../../git/object-reader.ts";
import { gitSpawnerPid, startGitSpawner } from "../../git/spawner.ts";
import { parse as parseYaml } from "yaml";
import { datasetSchema, modelSchema } from "../../manifest/schema.ts";
import { bufferIo, type Io } from "../../util/io.ts";
import { applyVersion, copyExample, exampleDir, exampleVersions, type VersionOverlay } from "./example.ts";
import { git, QUIET_GIT_ENV, quietRemote } from "./git.ts";
import { kserveTraffic } from "./traffic.ts";

/**
 * The demo: the bundled example's lifecycle, offline, in a fresh git repository. It is a list of steps; each step
 * either prepares the repository as a person would (git: branch, commit, merge) or runs one modelgate command through
 * the same module the CLI runs, with arguments, in the repository, and records what it printed.
 *
 * To add a step: import the command's module above and add a `run(...)` step where it belongs in the lifecycle.
 */

export interface Context {
  out: string;
  repo: string;
  remote: string;
  logs: string;
  reports: string;
  /** The pull requests' reviews, as GitHub's API would return them to approve. */
  reviews: string;
  /** The environment the commands see: no GitHub, no tokens. */
  env: NodeJS.ProcessEnv;
}

export interface StepResult {
  /** One line: what happened. */
  account: string;
  /** Files it produced, relative to the demo folder. */
  files?: string[];
  /** The warnings the commands printed, each with why it is expected when the example is built to show it. */
  warnings?: string[];
  /** The exit code of the command, when the step runs one. */
  code?: number;
  /** The full output, saved under logs/. */
  output?: string;
}

export interface Step {
  title: string;
  /** The exit code the step must end with: 0, or 1 when the lifecycle is meant to stop there (a failing gate). */
  expect?: number;
  /**
   * The step needs nothing the step before it does, and changes nothing it reads: it starts with that step (a chain
   * of such steps starts together). Its account is still printed in its place, after the steps before it.
   */
  alongside?: boolean;
  run(ctx: Context): Promise<StepResult>;
}

/** Runs a command module as `modelgate <name> <args>` would, in the demo repository. */
export async function runCommand(
  ctx: Context,
  cmd: Command,
  args: string[],
): Promise<{ code: number; io: Io & { stdout: string; stderr: string } }> {
  const io = bufferIo(ctx.repo, ctx.env);
  let code: number;
  try {
    code = await cmd.run(args, io);
  } catch (err) {
    if (!(err instanceof ModelgateError)) throw err;
    io.err(`modelgate ${cmd.name}: ${err.message}\n`);
    code = err.exitCode;
  }
  return { code, io };
}

/**
 * Warnings the example is built to give, and why: a reader of the demo sees every warning, and knows which are meant.
 */
const EXPECTED_WARNINGS: [RegExp, string][] = [
  [
    /drift in "[^"]+" of "transactions-drift"/,
    "expected: transactions-drift is the example's drifted month, there to show the drift check",
  ],
  [/^no registry configured/, "expected: the demo is offline, so images go to a local OCI layout"],
  [
    /^This merge changes the rules that judge it/,
    "expected: 1.1.0 adds a gate to its own manifest, and publish judges it by main's rules, as it must",
  ],
];

/** At most this many characters of a warning on the demo's line (the log holds all of it). */
const WARNING_WIDTH = 120;

/** A long warning cut at its last clause (", " or "; ") within the width, with "…" for the rest. */
function shorten(text: string): string {
  const cut = Math.max(text.lastIndexOf(", ", WARNING_WIDTH), text.lastIndexOf("; ", WARNING_WIDTH));
  return cut > WARNING_WIDTH / 3 ? `${text.slice(0, cut)}, …` : `${text.slice(0, WARNING_WIDTH - 1)}…`;
}

/** The warnings in a command's output (validate's warning findings, `warning:` lines), each said once. */
export function warningsIn(text: string): string[] {
  const out = new Set<string>();
  for (const line of text.split("\n")) {
    const w = /^\s+\d+:\d+\s+warning\s+\S+\s+(.*)$/.exec(line)?.[1] ?? /^warning: (.*)$/.exec(line.trim())?.[1];
    if (!w) continue;
    const text = w.replace(/^column "[^"]*": /, "");
    const why = EXPECTED_WARNINGS.find(([re]) => re.test(text))?.[1];
    const shown = text.length > WARNING_WIDTH ? shorten(text) : text;
    out.add(`warning: ${shown}${why ? ` (${why})` : ""}`);
  }
  return [...out];
}

/** A step that runs one command; `summary` picks the line of its output that tells what happened. */
function run(
  title: string,
  cmd: Command,
  args: string[],
  opts: {
    expect?: number;
    alongside?: boolean;
    summary?: (out: string, err: string) => string;
    files?: (ctx: Context) => string[];
  } = {},
): Step {
  return {
    title,
    expect: opts.expect,
    alongside: opts.alongside,
    async run(ctx) {
      const { code, io } = await runCommand(ctx, cmd, args);
      const lastLine = (t: string) =>
        t
          .split("\n")
          .map((l) => l.trim())
          .filter(Boolean)
          .pop() ?? "";
      const account = opts.summary?.(io.stdout, io.stderr) ?? (lastLine(io.stdout) || lastLine(io.stderr));
      const files = (opts.files?.(ctx) ?? []).filter((f) => existsSync(join(ctx.out, f)));
      return {
        account,
        code,
        files,
        warnings: warningsIn(`${io.stdout}\n${io.stderr}`),
        output: `$ modelgate ${[cmd.name, ...args].join(" ")}\n${io.stdout}${io.stderr ? `\n--- stderr ---\n${io.stderr}` : ""}`,
      };
    },
  };
}

const repoFiles =
  (...paths: string[]) =>
  (ctx: Context) =>
    paths.map((p) => relative(ctx.out, join(ctx.repo, p)));

function grep(text: string, re: RegExp): string | undefined {
  return text
    .split("\n")
    .find((l) => re.test(l))
    ?.trim();
}

/** The steps of one pull request proposing a version: branch, change, train, lock, validate, evaluate, report. */
function proposal(v: VersionOverlay, expect: number): Step[] {
  const branch = `fraud-detector-${v.version}`;
  const reportFile = (ctx: Context) => join(ctx.reports, `fraud-detector-${v.version}.md`);
  return [
    {
      title: `propose ${v.version}`,
      async run(ctx) {
        await git(ctx.repo, ["checkout", "-q", "-b", branch, "main"]);
        applyVersion(ctx.repo, v);
        await git(ctx.repo, ["add", "-A"]);
        await git(ctx.repo, ["commit", "-q", "-m", v.title, "-m", v.body], "alice");
        await git(ctx.repo, ["push", "-q", "origin", branch]);
        return { account: `alice opens a pull request from branch ${branch}: "${v.title}"` };
      },
    },
    run(`train ${v.version}`, train, ["fraud-detector"], {
      summary: (out) => grep(out, /^trained /) ?? out,
      files: repoFiles(
        "models/fraud-detector/model.onnx",
        ".modelgate/training/fraud-detector.json",
        ".modelgate/training/fraud-detector.log",
      ),
    }),
    run("lock", lock, ["fraud-detector"]),
    {
      title: "commit",
      async run(ctx) {
        await git(ctx.repo, ["add", "-A"]);
        await git(ctx.repo, [
          "commit",
          "-q",
          "--allow-empty",
          "-m",
          `Train fraud-detector ${v.version}`,
          "-m",
          `Model: fraud-detector\nModel-Version: ${v.version}`,
        ]);
        await git(ctx.repo, ["push", "-q", "origin", branch]);
        const head = await git(ctx.repo, ["rev-parse", "--short", "HEAD"]);
        return {
          account: `CI commits the trained model and its training record to ${branch} (${head})`,
        };
      },
    },
    run(`validate ${v.version}`, validate, []),
    run(`evaluate ${v.version}`, evaluate, ["fraud-detector"], {
      // validate writes nothing, and reads nothing evaluate writes (its record, under .modelgate/)
      alongside: true,
      summary: (out, err) => {
        const m = /^roc_auc\s+(\S+)\s+\[[^\]]+\]\s+(\S+)\s+(\S+)\s+\[([^\]]+)\]/m.exec(out);
        const baseline = /^baseline: (.*)$/m.exec(err)?.[1];
        return m
          ? `ROC AUC ${m[1]} against ${m[2]} for the baseline${baseline ? ` (${baseline})` : ""}: ${m[3]}, 95% interval [${m[4]}]`
          : (grep(out, /^record:/) ?? out.split("\n")[0]);
      },
      files: repoFiles(".modelgate/evaluations/fraud-detector.json"),
    }),
    {
      title: `report ${v.version}`,
      expect,
      async run(ctx) {
        mkdirSync(ctx.reports, { recursive: true });
        const r = await run("report", report, ["fraud-detector", "--out", reportFile(ctx), "--write-card"]).run(ctx);
        await git(ctx.repo, ["add", "-A"]);
        await git(ctx.repo, ["commit", "-q", "-m", `CI results for fraud-detector ${v.version}`]);
        await git(ctx.repo, ["push", "-q", "origin", branch]);
        // The verdict heading and, when it fails, the first reason under it.
        const lines = (r.output ?? "").split("\n").map((l) => l.replace(/\\([()[\]_*])/g, "$1").trim());
        const h = lines.findIndex((l) => /^#{2,4} .*fraud-detector/.test(l));
        const reason = h >= 0 ? lines.slice(h + 1).find(Boolean) : undefined;
        const verdict =
          h < 0
            ? r.account
            : `${lines[h].replace(/^#+\s*/, "")}${r.code === 0 || !reason || reason.startsWith("|") ? "" : `: ${reason}`}`;
        return {
          ...r,
          account: verdict,
          files: [
            relative(ctx.out, reportFile(ctx)),
            relative(ctx.out, join(ctx.repo, "models/fraud-detector/MODEL_CARD.md")),
          ],
        };
      },
    },
  ];
}

/** Bob's review of a pull request's head, as GitHub's API would return it to approve and publish. */
async function reviewFacts(ctx: Context, branch: string, number: number, reviewers = ["bob"]): Promise<string> {
  const head = await git(ctx.repo, ["rev-parse", branch]);
  const file = join(ctx.reviews, `${branch}.json`);
  mkdirSync(ctx.reviews, { recursive: true });
  const reviews = reviewers.map((login, i) => ({
    id: number * 100 + i,
    login,
    userType: "User",
    state: "APPROVED",
    commitId: head,
    submittedAt: new Date().toISOString(),
  }));
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        pr: { number, author: "alice", headSha: head },
        mergedBy: "bob",
        reviews,
        permissions: { alice: "write", bob: "write", carol: "write" },
        teams: {},
      },
      null,
      2,
    )}\n`,
  );
  return file;
}

/**
 * What GitHub would tell release about a run of the release workflow: dana pushed the tag (an allowed releaser with
 * write permission), and erin, a required reviewer of the `production` environment, approved the deployment.
 */
function releaseFacts(ctx: Context, version: string, runId = 1000 + Number(version.replace(/\D/g, ""))): string {
  const file = join(ctx.reviews, `release-${version}-${runId}.json`);
  mkdirSync(ctx.reviews, { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        actor: "dana",
        // Each release is its own approved run: an approval is bound to the one release that used it.
        runId,
        permissions: { dana: "write" },
        teams: {},
        approvals: [
          {
            user: "erin",
            state: "approved",
            comment: `staging looks right for ${version}`,
            environments: ["production"],
            at: new Date().toISOString(),
          },
        ],
      },
      null,
      2,
    )}\n`,
  );
  return file;
}

/** The commit that published a version (where its stage tags and its version tag belong). */
async function publishCommit(ctx: Context, version: string): Promise<string> {
  return git(ctx.repo, ["log", "-1", "--format=%H", `--grep=^Publish fraud-detector ${version} to `, "origin/main"]);
}

/** dana, the release manager, tags the version's commit and pushes the tag. */
function tagVersion(version: string): Step {
  return {
    title: `tag ${version}`,
    async run(ctx) {
      await git(ctx.repo, ["fetch", "-q", "origin"]);
      const commit = await publishCommit(ctx, version);
      const tag = `fraud-detector@v${version}`;
      await git(ctx.repo, ["tag", "-a", tag, "-m", `fraud-detector ${version}`, commit], "dana");
      await git(ctx.repo, ["push", "-q", "origin", tag], "dana");
      return { account: `dana tags ${tag} on the commit that published it (${commit.slice(0, 7)}) and pushes the tag` };
    },
  };
}

/** release TAG, offline, from the facts the release workflow's run would read from GitHub. */
function releaseStep(title: string, version: string, runId?: number): Step {
  return {
    title,
    async run(ctx) {
      const facts = releaseFacts(ctx, version, runId);
      const r = await run("release", release, [`fraud-detector@v${version}`, "--facts", facts], {
        summary: (out, err) =>
          grep(out, /^(released|rolled back|fraud-detector)/) ?? (out.trim().split("\n")[0] || err),
      }).run(ctx);
      await git(ctx.repo, ["pull", "-q", "--ff-only", "origin", "main"]);
      const files = repoFiles("deploy/fraud-detector/overlays/production/kustomization.yaml")(ctx);
      return { ...r, files };
    },
  };
}

/** The trust policy the demo's repository names (modelgate.yaml spec.trustPolicy), beside modelgate.yaml. */
const TRUST_POLICY = "trust.yaml";

/** A new ECDSA P-256 key pair in DIR: signing-key.pem (private, PKCS#8) and signing-key.pub.pem (public, SPKI). */
function newKeyPair(dir: string, name: string): { privateKey: string; publicKey: string; publicPem: string } {
  mkdirSync(dir, { recursive: true });
  const k = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const privateKey = join(dir, `${name}.pem`);
  const publicKey = join(dir, `${name}.pub.pem`);
  const publicPem = k.publicKey.export({ type: "spki", format: "pem" }).toString();
  writeFileSync(privateKey, k.privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
  writeFileSync(publicKey, publicPem);
  return { privateKey, publicKey, publicPem };
}

/**
 * Signed provenance in the demo's repository: a key the demo generates signs every publish and release
 * (MODELGATE_SIGNING_KEY), its trust policy trusts that key alone, and modelgate.yaml requires attestations.
 */
function requireAttestations(ctx: Context): string {
  const key = newKeyPair(join(ctx.out, "keys"), "signing-key");
  ctx.env.MODELGATE_SIGNING_KEY = key.privateKey;
  const pem = key.publicPem
    .trim()
    .split("\n")
    .map((l) => `      ${l}`)
    .join("\n");
  writeFileSync(
    join(ctx.repo, TRUST_POLICY),
    `# Whose signatures \`modelgate audit verify --trust\` accepts: the demo's release key (keys/signing-key.pub.pem).\napiVersion: modelgate.dev/v1alpha1\nkind: TrustPolicy\npublicKeys:\n  - name: demo release key\n    pem: |\n${pem}\n`,
  );
  const config = join(ctx.repo, "modelgate.yaml");
  writeFileSync(
    config,
    readFileSync(config, "utf8").replace(
      /^spec:\n/m,
      `spec:\n  # Every publish and release is signed (in-toto Statements in Sigstore bundles); audit verify checks them.\n  attest: required\n  trustPolicy: ${TRUST_POLICY}\n`,
    ),
  );
  return relative(ctx.out, key.publicKey);
}

/** The repository and its remote, and 1.0.0 taken the whole way to production by the same commands. */
function setUpStep(): Step {
  return {
    title: "set up",
    async run(ctx) {
      // main starts with the data and the configuration; 1.0.0 arrives as a pull request, as every version after
      // it, and goes the whole way: evaluated, approved, merged, published, tagged and released to production.
      const log: string[] = [];
      const cmd = async (c: Command, args: string[]) => {
        const { code, io } = await runCommand(ctx, c, args);
        log.push(`$ modelgate ${[c.name, ...args].join(" ")}\n${io.stdout}${io.stderr}`);
        if (code !== 0) throw new Error(`modelgate ${c.name} ${args.join(" ")} ended with exit code ${code}`);
        return io.stdout;
      };
      await git(ctx.out, ["init", "-q", "--bare", "-b", "main", ctx.remote]);
      quietRemote(ctx.remote);
      copyExample(ctx.repo);
      allowOfflineReleases(ctx.repo);
      const publicKey = requireAttestations(ctx);
      await git(ctx.repo, ["init", "-q", "-b", "main"]);
      await git(ctx.repo, ["remote", "add", "origin", ctx.remote]);
      await git(ctx.repo, ["add", "-A", "--", ".", ":(exclude)models"]);
      await git(ctx.repo, ["commit", "-q", "-m", "Fraud detection: data and configuration"], "alice");
      await git(ctx.repo, ["push", "-q", "origin", "main"]);
      const branch = "fraud-detector-1.0.0";
      await git(ctx.repo, ["checkout", "-q", "-b", branch]);
      await git(ctx.repo, ["add", "-A", "models"]);
      await git(ctx.repo, ["commit", "-q", "-m", "fraud-detector 1.0.0"], "alice");
      await cmd(evaluate, ["fraud-detector", "--baseline", "none"]);
      await git(ctx.repo, ["add", "-A"]);
      await git(ctx.repo, ["commit", "-q", "-m", "CI results for fraud-detector 1.0.0"]);
      await git(ctx.repo, ["push", "-q", "origin", branch]);
      // A model new on main has no rules there yet: publish judges it by main's policy at its strictest risk class
      // (two approvals), so carol approves too.
      const facts = await reviewFacts(ctx, branch, 1, ["bob", "carol"]);
      await cmd(approve, ["--facts", facts, "--models", "fraud-detector"]);
      await git(ctx.repo, ["checkout", "-q", "main"]);
      await git(ctx.repo, ["merge", "-q", "--no-ff", branch, "-m", "Merge: fraud-detector 1.0.0"], "bob");
      await git(ctx.repo, ["push", "-q", "origin", "main"]);
      await cmd(publish, ["--facts", facts, "--actor", "bob"]);
      await tagVersion("1.0.0").run(ctx);
      await cmd(release, ["fraud-detector@v1.0.0", "--facts", releaseFacts(ctx, "1.0.0")]);
      await git(ctx.repo, ["pull", "-q", "--ff-only", "origin", "main"]);
      return {
        account: `fraud-detector 1.0.0 proposed, evaluated, approved, merged, published and released to production by the same commands (fraud-detector#staging#1, fraud-detector#production#1), each signed with the key the demo generated; its public key (PEM): ${publicKey}`,
        files: ["repo", "remote.git", publicKey, relative(ctx.out, join(ctx.repo, TRUST_POLICY))],
        warnings: warningsIn(log.join("\n")),
        output: log.join("\n"),
      };
    },
  };
}

/** bob's review approves the candidate (the modelgate/approval decision). */
function approveStep(candidate: VersionOverlay): Step {
  return {
    title: "approve 1.1.0",
    async run(ctx) {
      // On GitHub, approve reads the pull request's reviews from the API and sets the modelgate/approval status.
      // Offline, the same decision is made from the facts GitHub would return, written as bob's review would be.
      const file = await reviewFacts(ctx, `fraud-detector-${candidate.version}`, 2);
      const r = await run("approve", approve, ["--facts", file, "--models", "fraud-detector"], {
        summary: (out) => grep(out, /^modelgate\/approval:/) ?? out,
      }).run(ctx);
      return { ...r, files: [relative(ctx.out, file)] };
    },
  };
}

/** bob merges the candidate's pull request. */
function mergeStep(candidate: VersionOverlay): Step {
  return {
    title: "merge 1.1.0",
    async run(ctx) {
      await git(ctx.repo, ["checkout", "-q", "main"]);
      await git(
        ctx.repo,
        ["merge", "-q", "--no-ff", `fraud-detector-${candidate.version}`, "-m", `Merge: ${candidate.title}`],
        "bob",
      );
      await git(ctx.repo, ["push", "-q", "origin", "main"]);
      return { account: `bob merges fraud-detector ${candidate.version} into main` };
    },
  };
}

/** publish on the push to main: the image, the promotion record, the staging overlay. */
function publishStep(candidate: VersionOverlay): Step {
  return {
    title: "publish 1.1.0",
    async run(ctx) {
      // On GitHub, publish runs on the push to main and reads the PR, its status and reviews from the API;
      // offline it decides from the same facts approve used.
      const facts = join(ctx.reviews, `fraud-detector-${candidate.version}.json`);
      const r = await run("publish", publish, ["--facts", facts, "--actor", "bob"], {
        summary: (out) => grep(out, /^published /) ?? out,
      }).run(ctx);
      // publish committed to the remote's main; the local checkout follows it.
      await git(ctx.repo, ["pull", "-q", "--ff-only", "origin", "main"]);
      const files = repoFiles(
        "deploy/fraud-detector/overlays/staging/kustomization.yaml",
        "records/fraud-detector/promotions.jsonl",
        "models/fraud-detector/MODEL_CARD.md",
        ".modelgate/images",
      )(ctx).filter((f) => existsSync(join(ctx.out, f)));
      return { ...r, files };
    },
  };
}

/** What the monitoring steps share: the logged week and where its labels arrive. */
interface Production {
  since: string;
  until: string;
  events: string;
  labels: string;
}

/**
 * A week of production traffic after the rollback: the example's drifted month (May) served by 1.0.0, as KServe's
 * logger would have sent it (CloudEvents, JSON lines); the chargebacks, which arrive later, beside it.
 */
function trafficStep(p: Production): Step {
  return {
    title: "production traffic",
    async run(ctx) {
      const dir = join(ctx.out, "production");
      mkdirSync(dir, { recursive: true });
      const example = exampleDir();
      const parse = async (f: string) => parseYaml(readFileSync(join(example, f), "utf8"));
      const start = Date.now() + 1000;
      p.events = join(dir, "kserve-events.jsonl");
      p.labels = join(dir, "chargebacks.csv");
      const t = await kserveTraffic({
        data: join(example, "data/transactions-drift.csv"),
        dataset: datasetSchema.parse(await parse("data/transactions-drift.yaml")),
        model: readFileSync(join(example, "models/fraud-detector/model.onnx")),
        manifest: modelSchema.parse(await parse("models/fraud-detector/model.yaml")),
        start,
        days: 7,
        events: p.events,
        labels: p.labels,
      });
      p.since = new Date(start).toISOString();
      p.until = new Date(start + 7 * 86_400_000).toISOString();
      return {
        account: `a week of production: ${t.requests.toLocaleString("en-US")} transactions of the drifted month (May) served by 1.0.0, logged by KServe as ${(2 * t.requests).toLocaleString("en-US")} CloudEvents; the chargebacks come later`,
        files: [relative(ctx.out, p.events)],
      };
    },
  };
}

/** monitor on the week: first without labels (drift, the CBPE estimate), then with them (realized; retraining). */
function monitorStep(p: Production, labelled: boolean): Step {
  return {
    title: labelled ? "monitor (labels in)" : "monitor (no labels)",
    expect: 1,
    async run(ctx) {
      mkdirSync(ctx.reports, { recursive: true });
      const report = join(ctx.reports, labelled ? "monitoring-labelled.md" : "monitoring.md");
      const args = ["fraud-detector", "--logs", p.events, "--since", p.since, "--until", p.until, "--report", report];
      const r = await run("monitor", monitor, labelled ? [...args, "--labels", p.labels, "--retrain"] : args, {
        summary: (out) => monitorSummary(out, labelled),
      }).run(ctx);
      await git(ctx.repo, ["pull", "-q", "--ff-only", "origin", "main"]);
      return { ...r, files: [relative(ctx.out, report)] };
    },
  };
}

/**
 * monitor's output in one line: the drifted features; recall estimated (no labels yet) or realized (labels in),
 * against its gate; the other metrics that alerted; and, once labels are in, whether the estimate had seen the drop.
 */
export function monitorSummary(out: string, labelled: boolean): string {
  const drifted = [...out.matchAll(/^\s+(\S+)\s+DRIFT\s/gm)].map((m) => m[1]);
  const estimated = /^estimated \(CBPE[^:]*: .*recall ([\d.]+)/m.exec(out)?.[1];
  const realized = /^realized on \d+ labelled rows: .*recall ([\d.]+)/m.exec(out)?.[1];
  const gate = /^gate recall drop ≤ ([\d.]+): (\w+) \((.*)\)$/m.exec(out);
  const drop = / (down [\d.]+ from ([\d.]+)) in the evaluation record/.exec(gate?.[3] ?? "");
  const others = [...out.matchAll(/^ {2}alert \(performance\): (\S+)/gm)]
    .map((m) => m[1])
    .filter((m) => m !== "recall");
  const also = others.length ? `; also alerting: ${others.join(", ")}` : "";
  if (!labelled) {
    const verdict = drop ? `, ${drop[1]}: alert` : ": no drop seen";
    return `drifted: ${drifted.join(", ")}; recall estimated ${estimated} (CBPE, no labels yet)${verdict}${also}; record committed`;
  }
  let verdict = ": no recall drop";
  if (drop) {
    // CBPE reads the scores alone, assuming fraud keeps the pattern it had: a new one (concept drift) escapes it
    const seen = Number(estimated) < Number(drop[2]) - Number(gate?.[1]);
    verdict = seen
      ? `, ${drop[1]}, as estimated (${estimated}): alert`
      : `, ${drop[1]}: alert; the estimate (${estimated}) did not see it, the labels did (CBPE assumes fraud keeps its pattern)`;
  }
  const branch = /^retrain: branch (\S+)/m.exec(out)?.[1];
  return `chargebacks in: recall realized ${realized}${verdict}${also}; retraining proposed on branch ${branch}`;
}

/** The model's timeline from git alone, written to reports/audit.md. */
function auditStep(): Step {
  return {
    title: "audit",
    async run(ctx) {
      await git(ctx.repo, ["checkout", "-q", "main"]);
      await git(ctx.repo, ["pull", "-q", "--ff-only", "origin", "main"]);
      await git(ctx.repo, ["fetch", "-q", "--tags", "origin"]);
      const file = join(ctx.reports, "audit.md");
      mkdirSync(ctx.reports, { recursive: true });
      const r = await run("audit", audit, ["fraud-detector"]).run(ctx);
      writeFileSync(file, (r.output ?? "").replace(/^\$ [^\n]*\n/, "").replace(/\n--- stderr ---[\s\S]*$/, ""));
      const events = (r.output ?? "").split("\n").filter((l) => /^\|\s*\d{4}-\d\d-\d\d/.test(l)).length;
      return {
        ...r,
        account: `the timeline of fraud-detector from git alone${events ? ` (${events} events)` : ""}`,
        files: [relative(ctx.out, file)],
      };
    },
  };
}

/** A hand edit of the production overlay, on a clone, which `audit verify` must name. */
function tamperStep(): Step {
  return {
    title: "tamper (on a copy)",
    expect: 1,
    // on a clone of the remote, which no step after the last report changes
    alongside: true,
    async run(ctx) {
      // A hand edit of the production overlay, on a clone: audit verify must name it.
      const copy = join(ctx.out, "tampered");
      await git(ctx.out, ["clone", "-q", ctx.remote, copy]);
      const overlay = join(copy, "deploy/fraud-detector/overlays/production/kustomization.yaml");
      const text = readFileSync(overlay, "utf8");
      writeFileSync(overlay, text.replace(/@sha256:[0-9a-f]{64}/, `@sha256:${"0".repeat(64)}`));
      await git(copy, ["commit", "-q", "-am", "hotfix: pin production by hand"], "alice");
      const r = await run("audit verify", audit, ["verify", "fraud-detector"], {
        summary: (out) => {
          const m = /\*\*(deploy-edit|overlay-pin)\*\* \(model [^,]+, commit (\w+), ([^)]+)\)/.exec(out);
          return m
            ? `audit verify names the hand edit: ${m[1]}, commit ${m[2].slice(0, 7)} changed ${m[3]} without a promotion record`
            : out.trim().split("\n")[0] || "";
        },
      }).run({ ...ctx, repo: copy });
      return { ...r, files: ["tampered"] };
    },
  };
}

/**
 * The demo has no GitHub: dana's releases carry erin's environment approval from a facts file. A repository says
 * when it accepts that (`offlineReleases`), or `audit verify` reports such approvals (only the file vouches for them);
 * the demo says so in its copy of the example, which stays as a real repository would have it.
 */
function allowOfflineReleases(repo: string): void {
  const file = join(repo, "modelgate.yaml");
  const text = readFileSync(file, "utf8");
  const line = /^( +)requiresApproval: true.*$/m.exec(text);
  if (!line) throw new Error("the example's production environment no longer requires approval");
  writeFileSync(
    file,
    text.replace(
      line[0],
      `${line[0]}\n${line[1]}offlineReleases: true # the demo only: approvals come from facts files`,
    ),
  );
}

/**
 * Someone with push access but without the release key forges a release offline, on a copy of the remote: release
 * itself writes a consistent record, chain, trailers and tags, signed with a key of their own; `audit verify --trust`
 * must name it.
 */
function forgeStep(): Step {
  return {
    title: "forge (on a copy)",
    expect: 1,
    // on a copy of the remote and its own keys
    alongside: true,
    async run(ctx) {
      const remote = join(ctx.out, "forged.git");
      const copy = join(ctx.out, "forged");
      await git(ctx.out, ["clone", "-q", "--bare", ctx.remote, remote]);
      quietRemote(remote);
      await git(ctx.out, ["clone", "-q", remote, copy]);
      const mallory = newKeyPair(join(ctx.out, "forged-keys"), "mallory");
      const forger = { ...ctx, repo: copy, env: { ...ctx.env, MODELGATE_SIGNING_KEY: mallory.privateKey } };
      // the facts of a run that never was (offline, nothing checks them), with a run id no release has used
      const facts = join(ctx.out, "forged-keys", "release-facts.json");
      const claimed = JSON.parse(readFileSync(releaseFacts(ctx, "1.1.0"), "utf8"));
      writeFileSync(facts, `${JSON.stringify({ ...claimed, runId: 4242 }, null, 2)}\n`);
      const forged = await runCommand(forger, release, ["fraud-detector@v1.1.0", "--facts", facts]);
      if (forged.code !== 0) throw new Error(`the forged release did not go through: ${forged.io.stderr}`);
      await git(copy, ["pull", "-q", "--ff-only", "origin", "main"]);
      await git(copy, ["fetch", "-q", "--tags", "origin"]);
      const r = await run("audit verify", audit, ["verify", "fraud-detector", "--trust", TRUST_POLICY], {
        summary: (out) => {
          const m = /\*\*(attestation-\w+)\*\* \(model [^,]+, [^)]*record #(\d+)[^)]*\)[^\n]*?: ([^\n]*)/.exec(out);
          return m
            ? `audit verify --trust names the forged release: ${m[1]}, record #${m[2]}: ${m[3].replace(/^.*?: records\/\S+ is /, "")}`
            : out.trim().split("\n")[0] || "";
        },
      }).run(forger);
      return {
        ...r,
        output: `$ MODELGATE_SIGNING_KEY=${relative(ctx.out, mallory.privateKey)} modelgate release fraud-detector@v1.1.0\n${forged.io.stdout}\n${r.output ?? ""}`,
        files: ["forged"],
      };
    },
  };
}

/** The whole demo, in order. */
export function steps(): Step[] {
  const versions = exampleVersions();
  const candidate = versions.find((v) => v.version === "1.1.0")!;
  const failing = versions.find((v) => v.version === "1.2.0")!;
  const production: Production = { since: "", until: "", events: "", labels: "" };
  return [
    setUpStep(),
    run("validate 1.0.0", validate, []),
    ...proposal(candidate, 0),
    approveStep(candidate),
    mergeStep(candidate),
    publishStep(candidate),
    tagVersion(candidate.version),
    releaseStep(`release ${candidate.version}`, candidate.version),
    releaseStep("roll back to 1.0.0", "1.0.0", 1200),
    trafficStep(production),
    monitorStep(production, false),
    monitorStep(production, true),
    ...proposal(failing, 1),
    auditStep(),
    run("audit verify", audit, ["verify", "fraud-detector", "--trust", TRUST_POLICY], {
      summary: (out) => out.trim().split("\n").pop() ?? out,
    }),
    tamperStep(),
    forgeStep(),
  ];
}

export interface DemoResult {
  ok: boolean;
  out: string;
  results: (StepResult & { title: string; expect: number; ok: boolean })[];
  seconds: number;
}

/**
 * CPU seconds of the child processes (Linux, else 0): those that ended (cutime + cstime of /proc/self/stat), and the
 * helper that starts git (src/git/spawner.ts) with the git processes it started, while it runs.
 */
function childCpu(): number {
  // after "pid (comm) ", field 3 is the state: utime, stime, cutime and cstime are fields 14 to 17, at 11 to 14 here
  const ticks = (pid: string, from: number) => {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, "utf8")
        .replace(/^.*\) /s, "")
        .split(" ");
      return f.slice(from, 15).reduce((sum, x) => sum + Number(x), 0);
    } catch {
      return 0;
    }
  };
  const helper = gitSpawnerPid();
  return (ticks("self", 13) + (helper === undefined ? 0 : ticks(String(helper), 11))) / 100;
}

/** Seconds the main thread waited for a CPU while runnable (Linux schedstat), else 0. */
function queuedSeconds(): number {
  try {
    return Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[1]) / 1e9;
  } catch {
    return 0;
  }
}

/** A step's result; an error it throws is its account. */
async function runStep(step: Step, ctx: Context): Promise<StepResult> {
  try {
    return await step.run(ctx);
  } catch (err) {
    return { account: `error: ${(err as Error).message}`, code: -1 };
  }
}

/** Runs every step in a fresh folder (`out`, which must be empty or absent), printing a line per step. */
export async function runDemo(io: Io, outArg?: string, list: Step[] = steps()): Promise<DemoResult> {
  const t0 = performance.now();
  let out: string;
  if (outArg) {
    out = resolve(io.cwd, outArg);
    if (existsSync(out) && readdirSync(out).length > 0) {
      throw new UserError(`--out ${outArg}: ${out} is not empty; give a new or empty folder`);
    }
    mkdirSync(out, { recursive: true });
  } else {
    out = mkdtempSync(join(tmpdir(), "modelgate-demo-"));
  }
  const ctx: Context = {
    out,
    repo: join(out, "repo"),
    remote: join(out, "remote.git"),
    logs: join(out, "logs"),
    reports: join(out, "reports"),
    reviews: join(out, "reviews"),
    env: { PATH: io.env.PATH, HOME: io.env.HOME, LANG: io.env.LANG, TMPDIR: io.env.TMPDIR, ...QUIET_GIT_ENV },
  };
  mkdirSync(ctx.logs, { recursive: true });
  // some 270 git processes, started by a small helper process rather than by this large one (src/git/spawner.ts)
  const endGitSpawner = startGitSpawner();
  // validate and evaluate read the example's three data files again for each version: what they read once is kept
  const wasKeeping = keepScans(true);
  io.out(`modelgate demo: the lifecycle of ${relative(io.cwd, exampleDir()) || "."}, offline, in ${out}\n\n`);
  const results: DemoResult["results"] = [];
  const width = Math.max(...list.map((s) => s.title.length));
  // MODELGATE_DEMO_TIMINGS=1: each step's wall and CPU time on stderr (the account on stdout stays the same)
  const timings = Boolean(io.env.MODELGATE_DEMO_TIMINGS);
  const running = new Map<number, Promise<StepResult>>();
  const start = (i: number) => {
    if (!running.has(i)) running.set(i, runStep(list[i], ctx));
    return running.get(i)!;
  };
  for (const [i, step] of list.entries()) {
    const expect = step.expect ?? 0;
    const started = { wall: performance.now(), cpu: process.cpuUsage(), children: childCpu(), queued: queuedSeconds() };
    const result = start(i);
    for (let j = i + 1; j < list.length && list[j].alongside; j++) start(j);
    const r = await result;
    if (timings) {
      const cpu = process.cpuUsage(started.cpu);
      // a step that ran alongside others: its wall time is from where the one before it ended, CPU is all of theirs
      io.err(
        `timing: ${String(i + 1).padStart(2)}. ${step.title.padEnd(width)}  ${((performance.now() - started.wall) / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU here, ${(childCpu() - started.children).toFixed(2)} s in child processes, ${(queuedSeconds() - started.queued).toFixed(2)} s main thread queued\n`,
      );
    }
    const ok = (r.code ?? 0) === expect;
    const n = String(i + 1).padStart(2);
    if (r.output)
      writeFileSync(
        join(ctx.logs, `${n.trim().padStart(2, "0")}-${step.title.replace(/[^a-z0-9.]+/gi, "-")}.txt`),
        r.output,
      );
    const mark = ok ? "ok" : "FAILED";
    const note = ok && expect !== 0 ? `(exit ${expect}, as intended) ` : "";
    io.out(`${n}. ${step.title.padEnd(width)}  ${mark.padEnd(6)}  ${note}${r.account}\n`);
    for (const w of r.warnings ?? []) io.out(`    ${"".padEnd(width)}          ${w}\n`);
    for (const f of r.files ?? []) io.out(`    ${"".padEnd(width)}          ${f}\n`);
    results.push({ ...r, title: step.title, expect, ok });
    if (!ok) {
      io.out(
        `\nthe demo stopped: "${step.title}" ended with exit code ${r.code}, expected ${expect}; see ${relative(io.cwd, ctx.logs)}\n`,
      );
      break;
    }
  }
  // steps started alongside one that stopped the demo end before it says so
  await Promise.all(running.values());
  closeObjectReaders();
  await endGitSpawner();
  keepScans(wasKeeping);
  const seconds = (performance.now() - t0) / 1000;
  const okAll = results.length === list.length && results.every((r) => r.ok);
  io.out(
    `\n${okAll ? "done" : "stopped"} in ${seconds.toFixed(1)} s. Open ${out}:\n` +
      "  repo/       the model repository: `git log --graph --all --decorate`, models/, data/, .modelgate/ (records, images)\n" +
      "  remote.git  its remote, with the pull-request branches and tags\n" +
      "  reports/    each pull request's report, as its PR comment would show it, and the audit timeline\n" +
      "  reviews/    the reviews approve and publish decided on, and the facts of each release run, as GitHub's API\n" +
      "              would return them\n" +
      "  production/ a week of KServe's payload logs (CloudEvents) and the chargebacks that came later\n" +
      "  tampered/   a clone with a hand edit of the production overlay, which audit verify names\n" +
      "  keys/       the key every publish and release was signed with (signing-key.pem), and its public key\n" +
      "              (signing-key.pub.pem), which repo/trust.yaml trusts\n" +
      "  forged/     a copy where someone with push access released without that key, which audit verify --trust names\n" +
      "  logs/       every command's full output\n",
  );
  return { ok: okAll, out, results, seconds };
}
