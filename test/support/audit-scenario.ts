/**
 * Repositories with a real promotion history, for the audit tests: a model repository (test/support/fixture-repo.ts's
 * churn model) with a bare remote, pull requests that train, evaluate and are approved, merged and published by the
 * real `publish`; and release-shaped promotions (release and rollback records, the production overlay, the stage tag
 * on the version's commit) written by `releaseFixture` until `modelgate release` lands. Every step runs at a clock the
 * scenario sets, so that commit, tag and record times are hours apart and `audit --at` has unambiguous answers.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { command as evaluate } from "../../src/commands/evaluate.ts";
import { command as lock } from "../../src/commands/lock.ts";
import { command as train } from "../../src/commands/train.ts";
import { deployPaths, readOverlayPin, renderOverlay } from "../../src/deploy/render.ts";
import { CheckFailed, UserError } from "../../src/errors.ts";
import { appendToLedger, currentIn, parseLedger, promotionsPath } from "../../src/ledger/ledger.ts";
import { nextStageNumber, stageTag, versionTag } from "../../src/ledger/tags.ts";
import { commitMessage, promotionTrailers } from "../../src/ledger/trailers.ts";
import { API_VERSION, modelSchema } from "../../src/manifest/schema.ts";
import { sharedBusyboxBase } from "./busybox-base.ts";
import { logisticRegressionModel } from "./onnx-build.ts";
import { publish } from "../../src/publish/run.ts";
import type { EnvironmentApproval } from "../../src/records/promotion.ts";
import { bufferIo } from "../../src/util/io.ts";
import { makeFixtureRepo } from "./fixture-repo.ts";

export const BOT = { name: "modelgate[bot]", email: "modelgate-bot@users.noreply.github.com" };
export const PEOPLE = {
  alice: { name: "Alice Author", email: "alice@example.com" },
  bob: { name: "Bob Reviewer", email: "bob@example.com" },
  dana: { name: "Dana Releaser", email: "dana@example.com" },
  mallory: { name: "Mallory", email: "mallory@example.com" },
  bot: BOT,
} as const;
export type Who = keyof typeof PEOPLE;

/** The scenario's clock: hour N after a fixed start. */
export const T0 = Date.parse("2026-03-02T09:00:00Z");
export const hour = (n: number) => new Date(T0 + n * 3_600_000);
export const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/** git in `cwd` as `who` at time `at` (author, committer and tagger dates), with no user configuration. */
export function git(cwd: string, args: string[], who: Who = "alice", at?: Date): string {
  const p = PEOPLE[who];
  const date = at ? `${Math.floor(at.getTime() / 1000)} +0000` : undefined;
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH,
      HOME: cwd,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_AUTHOR_NAME: p.name,
      GIT_AUTHOR_EMAIL: p.email,
      GIT_COMMITTER_NAME: p.name,
      GIT_COMMITTER_EMAIL: p.email,
      ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
    },
  }).trim();
}

/** Runs `fn` with git's clock set for every git process modelgate starts (publish's commit and tag). */
async function atClock<T>(at: Date, fn: () => Promise<T>): Promise<T> {
  const date = `${Math.floor(at.getTime() / 1000)} +0000`;
  const saved = { a: process.env.GIT_AUTHOR_DATE, c: process.env.GIT_COMMITTER_DATE };
  process.env.GIT_AUTHOR_DATE = date;
  process.env.GIT_COMMITTER_DATE = date;
  try {
    return await fn();
  } finally {
    for (const [k, v] of [
      ["GIT_AUTHOR_DATE", saved.a],
      ["GIT_COMMITTER_DATE", saved.c],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

async function runCommand(
  cmd: { name: string; run(args: string[], io: ReturnType<typeof bufferIo>): Promise<number> },
  root: string,
  args: string[],
) {
  const io = bufferIo(root, { PATH: process.env.PATH, HOME: root });
  let code: number;
  try {
    code = await cmd.run(args, io);
  } catch (err) {
    if (!(err instanceof UserError || err instanceof CheckFailed)) throw err;
    io.err(`${err.message}\n`);
    code = err.exitCode;
  }
  if (code !== 0)
    throw new Error(`modelgate ${cmd.name} ${args.join(" ")} exited ${code}:\n${io.stdout}\n${io.stderr}`);
  return io;
}

export interface Scenario {
  /** The folder holding repo/ (the working clone), remote.git and facts/. */
  dir: string;
  repo: string;
  remote: string;
  model: string;
  /** Per version: the PR head that was evaluated and approved, the merge commit, the publish commit. */
  versions: Record<string, { pr: number; head: string; merge: string; publish: string }>;
}

/** The training script the fixture's manifest declares: writes the candidate ONNX file the scenario put next to it. */
const TRAIN_MJS = `import { copyFileSync } from "node:fs";
const out = process.argv[process.argv.indexOf("--out") + 1];
copyFileSync(new URL("./candidate.onnx", import.meta.url), out);
`;

/** A fresh model repository (churn 1.0.0, committed by alice at hour 0) with a bare remote. */
export function newScenario(opts: { registry?: string } = {}): Scenario {
  const fx = makeFixtureRepo();
  const dir = mkdtempSync(join(tmpdir(), "mg-audit-"));
  const repo = join(dir, "repo");
  const remote = join(dir, "remote.git");
  cpSync(fx.root, repo, { recursive: true });
  const write = (rel: string, text: string) => {
    mkdirSync(join(repo, rel, ".."), { recursive: true });
    writeFileSync(join(repo, rel), text);
  };
  // the training command the manifest declares, with its params and output
  const manifest = join(repo, "models/churn/model.yaml");
  const yaml = (execFileSync("cat", [manifest], { encoding: "utf8" }) as string).replace(
    "    command: [node, train.mjs]",
    '    command: [node, train.mjs, --out, "{output}"]',
  );
  writeFileSync(manifest, yaml);
  write("models/churn/train.mjs", TRAIN_MJS);
  write(
    "modelgate.yaml",
    `apiVersion: modelgate.dev/v1alpha1
kind: Config
metadata:
  name: audit-fixture
spec:
${opts.registry ? `  registry: ${opts.registry}\n` : ""}  base:
    image: ${sharedBusyboxBase().ref}
  environments:
    - name: staging
    - name: production
      requiresTag: true
      githubEnvironment: production
      requiresApproval: true
  approval:
    approvals: 1
    reviewers:
      users: [bob]
  releasers:
    users: [dana]
`,
  );
  write(".gitignore", ".modelgate/images/\n.modelgate/tmp/\n.modelgate/training/*.log\n");
  execFileSync("git", ["init", "-q", "--bare", "-b", "main", remote]);
  git(dir, ["init", "-q", "-b", "main", repo]);
  git(repo, ["remote", "add", "origin", remote]);
  git(repo, ["add", "-A"]);
  git(repo, ["commit", "-q", "-m", "churn 1.0.0"], "alice", hour(0));
  git(repo, ["push", "-q", "origin", "main"]);
  return { dir, repo, remote, model: "churn", versions: {} };
}

/**
 * One pull request proposing `version` (alice, at hour h), trained and evaluated by CI (h+1), approved by bob (h+2),
 * merged by bob (h+3) and published by the real `publish` (h+4). The candidate's logistic regression has bias `bias`.
 */
export async function proposeAndPublish(s: Scenario, version: string, bias: number, h: number): Promise<void> {
  const branch = `churn-${version}`;
  const pr = Object.keys(s.versions).length + 1;
  git(s.repo, ["checkout", "-q", "-b", branch, "main"]);
  const manifest = join(s.repo, "models/churn/model.yaml");
  const text = execFileSync("cat", [manifest], { encoding: "utf8" }) as string;
  writeFileSync(manifest, text.replace(/^ {2}version: .*$/m, `  version: ${version}`));
  writeFileSync(
    join(s.repo, "models/churn/candidate.onnx"),
    logisticRegressionModel({ weights: [-1 / 15, 1 / 100], bias }),
  );
  git(s.repo, ["add", "-A"]);
  git(s.repo, ["commit", "-q", "-m", `churn ${version}: bias ${bias}`], "alice", hour(h));
  await atClock(hour(h + 1), async () => {
    await runCommand(train, s.repo, ["churn"]);
    await runCommand(lock, s.repo, ["churn"]);
    await runCommand(evaluate, s.repo, ["churn", "--resamples", "50"]);
  });
  git(s.repo, ["add", "-A"]);
  git(s.repo, ["add", "-f", ".modelgate/evaluations/churn.json"]);
  git(
    s.repo,
    ["commit", "-q", "-m", `CI results for churn ${version}`, "-m", `Model: churn\nModel-Version: ${version}`],
    "bot",
    hour(h + 1),
  );
  const head = git(s.repo, ["rev-parse", "HEAD"]);
  git(s.repo, ["push", "-q", "origin", branch]);
  const facts = join(s.dir, "facts", `${branch}.json`);
  mkdirSync(join(s.dir, "facts"), { recursive: true });
  writeFileSync(
    facts,
    `${JSON.stringify({
      pr: { number: pr, author: "alice", headSha: head },
      reviews: [
        {
          id: 100 + pr,
          login: "bob",
          userType: "User",
          state: "APPROVED",
          commitId: head,
          submittedAt: iso(hour(h + 2)),
        },
      ],
      permissions: { alice: "write", bob: "write" },
      teams: {},
    })}\n`,
  );
  git(s.repo, ["checkout", "-q", "main"]);
  git(
    s.repo,
    ["merge", "-q", "--no-ff", branch, "-m", `Merge pull request #${pr}: churn ${version}`],
    "bob",
    hour(h + 3),
  );
  git(s.repo, ["push", "-q", "origin", "main"]);
  const merge = git(s.repo, ["rev-parse", "HEAD"]);
  const io = bufferIo(s.repo, { PATH: process.env.PATH, HOME: s.repo });
  const r = await atClock(hour(h + 4), () =>
    publish({ cwd: s.repo, env: io.env, io, facts, actor: "bob", now: () => hour(h + 4), backoffMs: 10 }),
  );
  if (r.refusals.length || r.models.length !== 1)
    throw new Error(`publish refused: ${r.refusals.map((x) => x.message).join("; ")}\n${io.stderr}`);
  git(s.repo, ["pull", "-q", "--ff-only", "origin", "main"]);
  s.versions[version] = { pr, head, merge, publish: r.models[0].commit as string };
}

/** dana tags `churn@vVERSION` (annotated) on the version's publish commit at hour h and pushes it. */
export function tagVersion(s: Scenario, version: string, h: number): void {
  const tag = versionTag(s.model, version);
  git(s.repo, ["tag", "-a", tag, s.versions[version].publish, "-m", `${s.model} ${version}`], "dana", hour(h));
  git(s.repo, ["push", "-q", "origin", `refs/tags/${tag}`]);
}

/**
 * A release-shaped promotion, as `modelgate release` makes one (until it lands on main): a record (action release,
 * or rollback when the version is older than what the environment runs) chained to the model's ledger, citing the
 * version tag's object and the publish record; the environment's overlay pinned to the published image; one commit
 * by the bot with trailers at hour h; and the stage tag MODEL#ENV#N on the version's commit.
 */
export function releaseFixture(
  s: Scenario,
  version: string,
  h: number,
  opts: { env?: string; approvers?: string[]; action?: "release" | "rollback" } = {},
): { commit: string; stageTag: string; digest: string } {
  const env = opts.env ?? "production";
  const model = s.model;
  git(s.repo, ["pull", "-q", "--ff-only", "origin", "main"]);
  const ledgerPath = promotionsPath("records", model);
  const ledgerText = git(s.repo, ["show", `HEAD:${ledgerPath}`]).concat("\n");
  const { entries } = parseLedger(ledgerText);
  const publishEntry = entries
    .filter((e) => e.record.action === "publish" && e.record.model.version === version)
    .at(-1);
  if (!publishEntry) throw new Error(`no publish record of ${version}`);
  const p = publishEntry.record;
  const vtag = versionTag(model, version);
  const tagObject = git(s.repo, ["rev-parse", `refs/tags/${vtag}`]);
  const tagCommit = git(s.repo, ["rev-parse", `refs/tags/${vtag}^{commit}`]);
  const tags = git(s.repo, ["tag", "-l"]).split("\n");
  const n = nextStageNumber(tags, model, env);
  const stage = stageTag(model, env, n);
  const sup = currentIn(entries, env)?.record;
  const approvals: EnvironmentApproval[] = (opts.approvers ?? ["carol"]).map((user) => ({
    user,
    state: "approved",
    comment: "",
    at: iso(hour(h - 0.5)),
    environments: [env],
  }));
  const action = opts.action ?? "release";
  const appended = appendToLedger(ledgerText, {
    apiVersion: API_VERSION,
    kind: "PromotionRecord",
    action,
    at: iso(hour(h)),
    model: p.model,
    data: p.data,
    evaluation: p.evaluation,
    pullRequest: p.pullRequest,
    approvals: p.approvals,
    image: p.image,
    environment: env,
    stageTag: stage,
    source: tagCommit,
    triggeredBy: "dana",
    release: {
      tag: vtag,
      tagObject,
      tagger: `${PEOPLE.dana.name} <${PEOPLE.dana.email}>`,
      pushedBy: "dana",
      environmentApprovals: approvals,
      publishRecord: publishEntry.digest,
      supersedes: sup ? { version: sup.model.version, image: sup.image.digest } : null,
      runId: 5000 + h,
    },
  });
  const modelDoc = modelSchema.parse(parseYaml(git(s.repo, ["show", "HEAD:models/churn/model.yaml"])));
  const at = p.image.reference.lastIndexOf("@");
  const overlayPath = deployPaths("deploy", model).overlay(env);
  const published = readOverlayPin(
    git(s.repo, ["show", `${tagCommit}:${deployPaths("deploy", model).overlay("staging")}`]),
  );
  if (published?.image !== p.image.reference) throw new Error("the version's staging overlay does not pin its image");
  const overlay = renderOverlay(modelDoc, env, {
    image: { repository: p.image.reference.slice(0, at), digest: p.image.digest, scheme: "oci" },
    version,
    record: appended.digest,
  });
  writeFileSync(join(s.repo, ledgerPath), appended.text);
  mkdirSync(join(s.repo, overlayPath, ".."), { recursive: true });
  writeFileSync(join(s.repo, overlayPath), overlay);
  const verb =
    action === "rollback" ? `Roll back ${model} to ${version} in ${env}` : `Release ${model} ${version} to ${env}`;
  const trailers = promotionTrailers(appended.record, appended.digest);
  git(s.repo, ["add", ledgerPath, overlayPath]);
  git(s.repo, ["commit", "-q", "-m", commitMessage(verb, `${vtag} pushed by dana.`, trailers)], "bot", hour(h));
  const commit = git(s.repo, ["rev-parse", "HEAD"]);
  git(s.repo, ["tag", "-a", stage, tagCommit, "-m", verb], "bot", hour(h));
  git(s.repo, ["push", "-q", "origin", "main", `refs/tags/${stage}`]);
  return { commit, stageTag: stage, digest: appended.digest };
}

/**
 * The standard history: 1.1.0 published (hours 1–5), tagged and released to production (6–7); 1.2.0 published
 * (8–12), tagged and released (13–14); then production rolled back to 1.1.0 (15).
 */
export async function standardScenario(opts: { registry?: string } = {}): Promise<Scenario> {
  const s = newScenario(opts);
  await proposeAndPublish(s, "1.1.0", 1.45, 1);
  tagVersion(s, "1.1.0", 6);
  releaseFixture(s, "1.1.0", 7);
  await proposeAndPublish(s, "1.2.0", 1.55, 8);
  tagVersion(s, "1.2.0", 13);
  releaseFixture(s, "1.2.0", 14);
  releaseFixture(s, "1.1.0", 15, { action: "rollback" });
  return s;
}

/** A copy of a scenario (working clone, remote and facts) in a new folder, for a test to tamper with. */
export function copyScenario(s: Scenario): Scenario {
  const dir = mkdtempSync(join(tmpdir(), "mg-audit-copy-"));
  cpSync(s.dir, dir, { recursive: true });
  const repo = join(dir, "repo");
  const remote = join(dir, "remote.git");
  git(repo, ["remote", "set-url", "origin", remote]);
  return { ...s, dir, repo, remote, versions: structuredClone(s.versions) };
}
