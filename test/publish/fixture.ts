import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.ts";
import { logisticRegressionModel } from "../support/onnx-build.ts";
import { bufferIo } from "../../src/util/io.ts";
import { makeFixtureRepo } from "../support/fixture-repo.ts";

/**
 * A model repository's life up to a merge, with real git: main holds churn 1.0.0; a pull request branch proposes
 * 1.1.0 (a new artifact, locked, evaluated, the record committed as the demo's CI does); the branch is merged with
 * --no-ff and pushed to a bare remote. Returns the clone checked out at the merge commit.
 */
export interface Merged {
  root: string;
  remote: string;
  head: string;
  merge: string;
  base: string;
  env: NodeJS.ProcessEnv;
  git(...args: string[]): string;
  remoteGit(...args: string[]): string;
  /** A facts file (approve --facts format) with bob's approval of `commit` (default: the head). */
  facts(opts?: { commit?: string; reviewer?: string; state?: string; head?: string; number?: number }): string;
}

export const people = {
  alice: ["Alice Author", "alice@example.com"],
  bob: ["Bob Reviewer", "bob@example.com"],
} as const;

export const env: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
};

function gitIn(cwd: string, who: keyof typeof people = "alice") {
  return (...args: string[]) =>
    execFileSync("git", args, {
      cwd,
      encoding: "utf8",
      env: {
        ...env,
        GIT_AUTHOR_NAME: people[who][0],
        GIT_AUTHOR_EMAIL: people[who][1],
        GIT_COMMITTER_NAME: people[who][0],
        GIT_COMMITTER_EMAIL: people[who][1],
      },
    }).trim();
}

export const sha256 = (b: string | Uint8Array) => createHash("sha256").update(b).digest("hex");

/** Evaluates a model of the repository with the real command (baseline none), as CI would on the PR. */
export async function evaluate(root: string, model = "churn"): Promise<void> {
  const io = bufferIo(root, env);
  const code = await main(["evaluate", model, "--baseline", "none"], io);
  if (code !== 0) throw new Error(`evaluate exited ${code}: ${io.stderr}`);
}

/** What a test may change about the merge mergedRepo builds. */
export interface MergeOptions {
  gate?: string;
  /** The pull request's model.yaml from the one it would write (and main's, `before`). */
  extraModelYaml?: (y: string, before: string) => string;
  /** Changes main's model.yaml before the pull request (the rules the merge is judged by). */
  baseYaml?: (y: string) => string;
  /** Changes the pull request's modelgate.yaml. */
  prConfig?: (y: string) => string;
  /** Changes main's modelgate.yaml before the pull request. */
  config?: (y: string) => string;
}

let plain: Promise<Merged> | undefined;

/**
 * The merge of churn 1.1.0 (see Merged), with what `opts` changes. Without options, the merge is built once per test
 * file and each call gets a copy of it (the clone and the remote in a new folder, origin pointing at the copy): the
 * same commits, made once.
 */
export async function mergedRepo(opts: MergeOptions = {}): Promise<Merged> {
  if (Object.keys(opts).length > 0) return buildMerged(opts);
  return copyMerged(await (plain ??= buildMerged({})));
}

function copyMerged(m: Merged): Merged {
  const dir = mkdtempSync(join(tmpdir(), "mg-merged-"));
  const root = join(dir, "repo");
  const remote = join(dir, "remote.git");
  cpSync(m.root, root, { recursive: true });
  cpSync(m.remote, remote, { recursive: true });
  const git = gitIn(root);
  git("remote", "set-url", "origin", remote);
  return { ...m, root, remote, git, remoteGit: gitIn(remote), facts: factsWriter(m.head) };
}

async function buildMerged(opts: MergeOptions): Promise<Merged> {
  const fx = makeFixtureRepo();
  const root = fx.root;
  if (opts.config) {
    const file = join(root, "modelgate.yaml");
    writeFileSync(file, opts.config(readFileSync(file, "utf8")));
  }
  if (opts.baseYaml) {
    const file = join(root, "models/churn/model.yaml");
    writeFileSync(file, opts.baseYaml(readFileSync(file, "utf8")));
  }
  const remote = join(mkdtempSync(join(tmpdir(), "mg-remote-")), "remote.git");
  const git = gitIn(root);
  execFileSync("git", ["init", "-q", "--bare", "-b", "main", remote]);
  git("init", "-q", "-b", "main");
  git("remote", "add", "origin", remote);
  git("add", "-A");
  git("commit", "-q", "-m", "churn 1.0.0");
  git("push", "-q", "origin", "main");
  const base = git("rev-parse", "HEAD");

  // The pull request: a new model file, version 1.1.0, locked and evaluated.
  git("checkout", "-q", "-b", "churn-1.1.0");
  const onnx = logisticRegressionModel({ weights: [-1 / 12, 1 / 90], bias: 1.4 });
  fx.write("models/churn/model.onnx", onnx);
  const before = readFileSync(join(root, "models/churn/model.yaml"), "utf8");
  let yaml = before
    .replace("version: 1.0.0", "version: 1.1.0")
    .replace(/sha256: [0-9a-f]{64}/, `sha256: ${sha256(onnx)}`);
  if (opts.gate) yaml = yaml.replace("    - { metric: roc_auc, min: 0.6 }", `    - ${opts.gate}`);
  if (opts.extraModelYaml) yaml = opts.extraModelYaml(yaml, before);
  writeFileSync(join(root, "models/churn/model.yaml"), yaml);
  if (opts.prConfig) {
    const cfg = join(root, "modelgate.yaml");
    writeFileSync(cfg, opts.prConfig(readFileSync(cfg, "utf8")));
  }
  await evaluate(root);
  git("add", "-A");
  git("commit", "-q", "-m", "churn 1.1.0");
  git("push", "-q", "origin", "churn-1.1.0");
  const head = git("rev-parse", "HEAD");

  git("checkout", "-q", "main");
  gitIn(root, "bob")("merge", "-q", "--no-ff", "churn-1.1.0", "-m", "Merge pull request #7 from churn-1.1.0");
  git("push", "-q", "origin", "main");
  const merge = git("rev-parse", "HEAD");
  return { root, remote, head, merge, base, env, git, remoteGit: gitIn(remote), facts: factsWriter(head) };
}

/** Merged's `facts`: each call writes a new facts file in a folder of its own. */
function factsWriter(head: string): Merged["facts"] {
  const factsDir = mkdtempSync(join(tmpdir(), "mg-facts-"));
  return (o = {}) => {
    const file = join(factsDir, `facts-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        pr: { number: o.number ?? 7, author: "alice", headSha: o.head ?? head },
        mergedBy: "bob",
        reviews: [
          {
            id: 101,
            login: o.reviewer ?? "bob",
            userType: "User",
            state: o.state ?? "APPROVED",
            commitId: o.commit ?? o.head ?? head,
            submittedAt: "2026-11-28T10:00:00Z",
          },
        ],
        permissions: { alice: "write", bob: "write" },
        teams: {},
      }),
    );
    return file;
  };
}

/**
 * Another pull request merged after the first: churn at `version` with a new model file, locked and evaluated on its
 * branch, merged with --no-ff onto main and pushed. Leaves main checked out at the new merge.
 */
export async function mergeNext(m: Merged, version: string, number: number): Promise<{ head: string; merge: string }> {
  const branch = `churn-${version}`;
  m.git("checkout", "-q", "main");
  m.git("checkout", "-q", "-b", branch);
  const onnx = logisticRegressionModel({ weights: [-1 / 11, 1 / 85], bias: 1.3 });
  writeFileSync(join(m.root, "models/churn/model.onnx"), onnx);
  const yamlPath = join(m.root, "models/churn/model.yaml");
  writeFileSync(
    yamlPath,
    readFileSync(yamlPath, "utf8")
      .replace(/version: \S+/, `version: ${version}`)
      .replace(/sha256: [0-9a-f]{64}/, `sha256: ${sha256(onnx)}`),
  );
  await evaluate(m.root);
  m.git("add", "-A");
  m.git("commit", "-q", "-m", `churn ${version}`);
  const head = m.git("rev-parse", "HEAD");
  m.git("checkout", "-q", "main");
  gitIn(m.root, "bob")("merge", "-q", "--no-ff", branch, "-m", `Merge pull request #${number} from ${branch}`);
  m.git("push", "-q", "origin", "main");
  return { head, merge: m.git("rev-parse", "HEAD") };
}
