import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import { deployPaths, renderBase, renderOverlay } from "../../src/deploy/render.ts";
import { openGit } from "../../src/git/index.ts";
import { appendToLedger, evaluationCopyPath, promotionsPath } from "../../src/ledger/ledger.ts";
import { nextStageNumber, stageTag, versionTag } from "../../src/ledger/tags.ts";
import { commitMessage, promotionTrailers } from "../../src/ledger/trailers.ts";
import { writeAndPush } from "../../src/ledger/writer.ts";
import { API_VERSION, type Model, modelSchema } from "../../src/manifest/schema.ts";
import type { PromotionRecord } from "../../src/records/promotion.ts";

/**
 * A model repository with a bare remote, and a stand-in for `publish` that leaves exactly what publish leaves on a
 * merge: ONE commit on the GitOps branch with the base, every environment's overlay (the first pinned to the new
 * image, the others as they were or empty), the ledger with an appended `publish` record, the evaluation record
 * (content-addressed) and the model card, and the annotated stage tag `<model>#staging#N` on that commit. Built with
 * the real writer, renderers and ledger functions. Release managers then tag that commit with git itself.
 */

const BASE_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
};
delete BASE_ENV.GITHUB_ACTIONS;

export const PEOPLE = {
  dana: { name: "Dana Release", email: "dana@example.com" },
  mallory: { name: "Mallory", email: "mallory@example.com" },
} as const;

export function git(cwd: string, args: string[], who: { name: string; email: string } = PEOPLE.dana): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...BASE_ENV,
      GIT_AUTHOR_NAME: who.name,
      GIT_AUTHOR_EMAIL: who.email,
      GIT_COMMITTER_NAME: who.name,
      GIT_COMMITTER_EMAIL: who.email,
    },
  }).trim();
}

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

export interface EnvSpec {
  name: string;
  promotion?: "direct" | "pull-request";
  requiresApproval?: boolean;
  githubEnvironment?: string;
}

export interface FixtureOptions {
  models?: string[];
  environments?: EnvSpec[];
  releasers?: { users?: string[]; teams?: string[] };
  /** Serve images as image volumes (oci+native://) instead of the modelcar (oci://). */
  imageVolume?: boolean;
}

export interface Published {
  model: string;
  version: string;
  commit: string;
  stageTag: string;
  record: PromotionRecord;
  digest: string;
  image: { reference: string; digest: string };
}

export interface LedgerFixture {
  dir: string;
  remote: string;
  /** The release manager's clone, where `modelgate release` runs. */
  repo: string;
  /** A fresh clone of the remote. */
  clone(name: string): string;
  publish(model: string, version: string): Promise<Published>;
  /** Tags `commit` with git in the release manager's clone and pushes the tag. */
  tag(name: string, commit: string, kind?: "annotated" | "lightweight" | "signed"): string;
  /** The remote's file at the tip of main. */
  show(path: string): string;
  /** Every tag on the remote. */
  tags(): string[];
  head(): string;
  manifest(model: string): Model;
}

function modelYaml(name: string, version: string): string {
  return `apiVersion: modelgate.dev/v1alpha1
kind: Model
metadata:
  name: ${name}
spec:
  version: ${version}
  owners: [alice]
  task: binary-classification
  artifact:
    path: model.onnx
  inputs:
    features: [amount]
  label:
    column: fraud
  evaluation:
    datasets: [eval]
  deployment:
    target: kserve
    replicas: 1
`;
}

export function configYaml(opts: FixtureOptions): string {
  const envs = opts.environments ?? [
    { name: "staging" },
    { name: "production", requiresApproval: true, githubEnvironment: "production" },
  ];
  const lines = envs.map((e, i) =>
    [
      `    - name: ${e.name}`,
      `      promotion: ${e.promotion ?? "direct"}`,
      ...(i > 0 ? ["      requiresTag: true"] : []),
      ...(e.githubEnvironment ? [`      githubEnvironment: ${e.githubEnvironment}`] : []),
      ...(e.requiresApproval ? ["      requiresApproval: true"] : []),
    ].join("\n"),
  );
  const r = opts.releasers ?? { users: ["dana"], teams: ["acme/release-managers"] };
  return `apiVersion: modelgate.dev/v1alpha1
kind: Config
metadata:
  name: fixture
spec:
  environments:
${lines.join("\n")}
  releasers:
    users: [${(r.users ?? []).join(", ")}]
    teams: [${(r.teams ?? []).join(", ")}]
  identity:
    name: modelgate[bot]
    email: modelgate-bot@example.com
`;
}

export function makeLedgerFixture(opts: FixtureOptions = {}): LedgerFixture {
  const dir = mkdtempSync(join(tmpdir(), "mg-release-"));
  const remote = join(dir, "remote.git");
  git(dir, ["init", "-q", "--bare", "-b", "main", remote]);
  const repo = join(dir, "repo");
  git(dir, ["init", "-q", "-b", "main", repo]);
  git(repo, ["remote", "add", "origin", remote]);
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(repo, rel)), { recursive: true });
    writeFileSync(join(repo, rel), text);
  };
  const models = opts.models ?? ["fraud-detector"];
  write("modelgate.yaml", configYaml(opts));
  for (const m of models) write(`models/${m}/model.yaml`, modelYaml(m, "1.0.0"));
  git(repo, ["add", "-A"]);
  git(repo, ["commit", "-q", "-m", "a model repository"]);
  git(repo, ["push", "-q", "origin", "main"]);

  const envs = (opts.environments ?? [{ name: "staging" }, { name: "production" }]).map((e) => e.name);
  const manifest = (m: string, version = "1.0.0") => modelSchema.parse(parse(modelYaml(m, version)));
  const ci = join(dir, "ci");
  git(dir, ["clone", "-q", remote, ci]);

  return {
    dir,
    remote,
    repo,
    clone(name) {
      const c = join(dir, name);
      git(dir, ["clone", "-q", remote, c]);
      return c;
    },
    manifest,
    async publish(model, version) {
      let made: Omit<Published, "commit"> | undefined;
      const result = await writeAndPush(
        openGit(ci),
        { remote: "origin", branch: "main" },
        async (tip) => {
          const m = manifest(model, version);
          const evaluation = JSON.stringify({ model, version, metrics: { roc_auc: 0.93 } });
          const evalHex = sha(evaluation);
          const modelHex = sha(`${model} ${version} onnx bytes`);
          const imageDigest = `sha256:${sha(`${model} ${version} image`)}`;
          const repository = `registry.example.com/acme/${model}`;
          const reference = `${repository}@${imageDigest}`;
          const first = envs[0];
          const n = nextStageNumber(tip.tags, model, first);
          const st = stageTag(model, first, n);
          const ledgerFile = promotionsPath("records", model);
          const ledger = (await tip.read(ledgerFile)) ?? "";
          const appended = appendToLedger(ledger, {
            apiVersion: API_VERSION,
            kind: "PromotionRecord",
            action: "publish",
            at: "2026-01-05T10:00:00Z",
            model: { name: model, version, sha256: modelHex, path: `models/${model}/model.onnx` },
            data: [{ name: "eval", sha256: sha("eval data") }],
            evaluation: {
              record: `sha256:${evalHex}`,
              path: evaluationCopyPath("records", model, evalHex),
              verdict: "pass",
              gates: [{ gate: "roc_auc >= 0.9", status: "pass" }],
              metrics: { roc_auc: 0.93 },
            },
            pullRequest: { number: 7, author: "alice", head: "a".repeat(40) },
            approvals: [{ reviewer: "bob", reviewId: 11, commit: "a".repeat(40), submittedAt: "2026-01-05T09:00:00Z" }],
            image: { reference, digest: imageDigest },
            environment: first,
            stageTag: st,
            source: tip.commit ?? "b".repeat(40),
            triggeredBy: "carol",
          });
          const image = {
            repository,
            digest: imageDigest,
            scheme: opts.imageVolume ? ("oci+native" as const) : ("oci" as const),
          };
          const pin = { image, version, record: appended.digest };
          const paths = deployPaths("deploy", model);
          const files: Record<string, string> = {
            [ledgerFile]: appended.text,
            [evaluationCopyPath("records", model, evalHex)]: evaluation,
            [`models/${model}/MODEL_CARD.md`]: `# ${model} ${version}\n\nImage ${reference}\n`,
          };
          for (const [f, text] of Object.entries(renderBase(m, pin))) files[`${paths.base}/${f}`] = text;
          for (const env of envs) {
            const existing = await tip.read(paths.overlay(env));
            files[paths.overlay(env)] =
              env === first ? renderOverlay(m, env, pin) : (existing ?? renderOverlay(m, env, undefined));
          }
          made = {
            model,
            version,
            stageTag: st,
            record: appended.record,
            digest: appended.digest,
            image: { reference, digest: imageDigest },
          };
          return {
            files,
            message: commitMessage(
              `Publish ${model} ${version} to ${first}`,
              "",
              promotionTrailers(appended.record, appended.digest),
            ),
            tags: [{ name: st, target: "HEAD", message: `${model} ${version} to ${first}` }],
          };
        },
        { identity: { name: "modelgate[bot]", email: "modelgate-bot@example.com" }, backoffMs: 10, maxAttempts: 20 },
      );
      if (!result || !made) throw new Error("publish fixture wrote nothing");
      return { ...made, commit: result.commit };
    },
    tag(name, commit, kind = "annotated") {
      git(repo, ["fetch", "-q", "origin"]);
      if (kind === "lightweight") git(repo, ["tag", name, commit]);
      else if (kind === "annotated") git(repo, ["tag", "-a", name, commit, "-m", `${name}`]);
      else {
        const key = join(dir, "dana_ed25519");
        if (!existsSync(key))
          execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "dana@example.com", "-f", key], {
            stdio: "ignore",
          });
        git(repo, ["-c", "gpg.format=ssh", "-c", `user.signingkey=${key}`, "tag", "-s", name, commit, "-m", name]);
      }
      git(repo, ["push", "-q", "origin", `refs/tags/${name}`]);
      return git(repo, ["rev-parse", name]);
    },
    show: (path) => git(remote, ["show", `main:${path}`]),
    tags: () => git(remote, ["tag", "-l"]).split("\n").filter(Boolean),
    head: () => git(remote, ["rev-parse", "main"]),
  };
}

export { versionTag };
