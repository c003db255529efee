import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { GitHubSim, seedPullRequest, webhookExample } from "../support/github-sim/index.ts";

export interface ModelSpec {
  name: string;
  riskClass?: "minimal" | "limited" | "high";
  /** YAML lines of the model's spec.approval, indented by the caller at 4 spaces. */
  approval?: string;
}

/** git in a fixture folder, isolated from the user's configuration. */
export function gitIn(root: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd: root,
    encoding: "utf8",
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_AUTHOR_NAME: "Alice",
      GIT_AUTHOR_EMAIL: "alice@example.com",
      GIT_COMMITTER_NAME: "Alice",
      GIT_COMMITTER_EMAIL: "alice@example.com",
    },
  }).trim();
}

/** A file's bytes at a commit of a fixture repository, or undefined when it has none there. */
export function fileAt(root: string, commit: string, path: string): Buffer | undefined {
  try {
    return execFileSync("git", ["show", `${commit}:${path}`], { cwd: root, stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return undefined;
  }
}

/**
 * A model repository with only the manifests approve reads (no data, no artifacts needed), committed: its commit is
 * the pull request's base, where approve reads the rules.
 */
export function approvalRepo(approvalYaml: string, models: ModelSpec[], codeowners?: string): string {
  const root = mkdtempSync(join(tmpdir(), "mg-approve-"));
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  write(
    "modelgate.yaml",
    `apiVersion: modelgate.dev/v1alpha1
kind: Config
metadata:
  name: acme
spec:
  approval:
${approvalYaml
  .trim()
  .split("\n")
  .map((l) => `    ${l}`)
  .join("\n")}
`,
  );
  for (const m of models) {
    write(
      `models/${m.name}/model.yaml`,
      `apiVersion: modelgate.dev/v1alpha1
kind: Model
metadata:
  name: ${m.name}
spec:
  version: 1.0.0
  owners: [alice]
  task: binary-classification
  riskClass: ${m.riskClass ?? "minimal"}
  artifact:
    path: model.onnx
  inputs:
    features: [a, b]
  label:
    column: y
  evaluation:
    datasets: [eval]
${m.approval ? `  approval:\n${m.approval}\n` : ""}`,
    );
  }
  if (codeowners) write(".github/CODEOWNERS", codeowners);
  gitIn(root, "init", "-q", "-b", "main");
  gitIn(root, "add", "-A");
  gitIn(root, "commit", "-q", "-m", "the base branch");
  return root;
}

export interface Scenario {
  sim: GitHubSim;
  repo: string;
  number: number;
  head: string;
  author: string;
  root: string;
  env: NodeJS.ProcessEnv;
  eventPath: string;
}

/**
 * A simulator seeded from the real pull_request_review.submitted payload (Codertocat/Hello-World#2), the event file
 * a workflow would see, and a model repository checkout.
 */
export async function scenario(root: string): Promise<Scenario> {
  const sim = await GitHubSim.start();
  const event = webhookExample("pull_request_review", "submitted");
  const { repo, number } = seedPullRequest(sim, event, ["models/fraud/model.yaml"]);
  // The pull request's base is the checkout's commit, where approve reads the rules.
  if (existsSync(join(root, ".git"))) sim.pull(repo, number).baseSha = gitIn(root, "rev-parse", "HEAD");
  const dir = mkdtempSync(join(tmpdir(), "mg-event-"));
  const eventPath = join(dir, "event.json");
  writeFileSync(eventPath, JSON.stringify(event));
  return {
    sim,
    repo,
    number,
    head: event.pull_request.head.sha,
    author: event.pull_request.user.login,
    root,
    eventPath,
    env: {
      GITHUB_TOKEN: sim.token,
      GITHUB_API_URL: sim.url,
      GITHUB_REPOSITORY: repo,
      GITHUB_EVENT_NAME: "pull_request_review",
      GITHUB_EVENT_PATH: eventPath,
    },
  };
}
