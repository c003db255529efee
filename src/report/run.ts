/**
 * The report service: judges each model's gates on its evaluation record (build.ts, over the workspace's repository,
 * loaded once) and sends the report where it goes: one sticky PR comment and a check run per model (post.ts), the job
 * summary, the model cards, and a file with the full report.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pullRequestRuleChanges } from "../approve/read.ts";
import { reportRuleNotice, rulesOfCheckout } from "../approve/rules.ts";
import { evaluateCandidate } from "../evaluate/run.ts";
import { CheckFailed, UserError } from "../errors.ts";
import {
  type ClientTuning,
  findPullRequestByHead,
  type GitHubContext,
  getPullRequest,
  isFromFork,
  type PullRequestInfo,
  resolveContext,
  writeJobSummary,
} from "../github/index.ts";
import type { Loaded } from "../manifest/repo.ts";
import type { Model } from "../manifest/schema.ts";
import { writeFileAtomic } from "../util/fs.ts";
import { bufferIo, inGitHubActions } from "../util/io.ts";
import { uncommittedModelNote } from "../workspace/uncommitted.ts";
import { openWorkspace, type Workspace } from "../workspace/workspace.ts";
import { type BuiltReport, buildReport, type Recomputation } from "./build.ts";
import { CARD_FILE, writeModelCard } from "./card.ts";
import type { Status } from "./gates.ts";
import { renderReport } from "./markdown.ts";
import { type PostResult, postReport } from "./post.ts";
import type { LoadedRecord } from "./read-records.ts";
import { artifactModels } from "./recompute.ts";

export interface ReportOptions {
  /** Models to report on; default: every model with a record. */
  models?: string[];
  /** Folder of records (relative to the workspace's io.cwd); default .modelgate/evaluations under the root. */
  records?: string;
  /** An artifact folder of untrusted records from an unprivileged job (relative to io.cwd). */
  fromArtifact?: string;
  repo?: string;
  pr?: string | number;
  sha?: string;
  token?: string;
  /** The slug of the GitHub App that issued `token`, when it is not the workflow's GITHUB_TOKEN. */
  appSlug?: string;
  /** Print the comment; post nothing. */
  dryRun?: boolean;
  comment?: boolean;
  checkRuns?: boolean;
  /** Write models/<model>/MODEL_CARD.md. */
  writeCard?: boolean;
  /** Also write the full report Markdown here (relative to io.cwd). */
  out?: string;
  /** Skip validation (data checks, drift) entirely, or only the data files. */
  validate?: boolean;
  skipData?: boolean;
  http?: ClientTuning;
}

export interface ReportResult {
  built: BuiltReport;
  /** failed when any model fails or any input was refused. */
  status: Status;
  /** The comment as it is (or would be) posted. */
  comment: string;
  published?: PostResult;
  /** The model cards written, or on a dry run, the ones that would be. */
  cards: string[];
  /** What the person running it should know: models whose files are not committed, and what to run next. */
  notes: string[];
}

/** Where the report goes on GitHub, when it goes there: the context, the pull request and the commit. */
interface ReportTarget {
  ctx?: GitHubContext;
  pr?: PullRequestInfo;
  sha?: string;
}

/** Builds the report and sends it where it goes. The library call behind the CLI, the action and tests. */
export async function runReport(ws: Workspace, opts: ReportOptions = {}): Promise<ReportResult> {
  const { ctx, pr, sha } = await reportTarget(ws.env, opts);
  const recompute = await recomputeUnless(ws, opts, ctx, pr);
  const built = await buildReport({
    cwd: ws.io.cwd,
    repo: ws.repo,
    models: opts.models,
    recordsDir: opts.records,
    fromArtifact: opts.fromArtifact,
    validation: opts.validate === false ? false : undefined,
    skipData: opts.skipData,
    recompute,
    ...(ctx?.pr ? { pr: { number: ctx.pr, url: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/pull/${ctx.pr}` } } : {}),
  });
  const cards: string[] = [];
  if (opts.writeCard) {
    for (const [name, input] of built.cards) {
      const dir = built.manifests.get(name)!.dir;
      // a dry run writes nothing: it names the card it would write
      cards.push(opts.dryRun ? join(dir, CARD_FILE) : (await writeModelCard(dir, input)).path);
    }
  }
  let published: PostResult | undefined;
  let comment: string;
  if (ctx) {
    const notices = ctx.pr ? await ruleNotices(ws, ctx, pr) : [];
    published = await postReport(ctx, built, {
      sha,
      comment: opts.comment,
      checkRuns: opts.checkRuns,
      env: ws.env,
      notices,
    });
    comment =
      published.commentBody ??
      renderReport(built.models, { refused: built.refused, sha: published.headSha, notices }).markdown;
  } else {
    comment = renderReport(built.models, { refused: built.refused, sha: opts.sha }).markdown;
    if (!opts.dryRun)
      writeJobSummary(renderReport(built.models, { refused: built.refused, unlimited: true }).markdown, ws.env);
  }
  if (opts.out) {
    const path = resolve(ws.io.cwd, opts.out);
    await writeFileAtomic(
      path,
      renderReport(built.models, { refused: built.refused, sha: opts.sha, unlimited: true }).markdown,
    );
  }
  return {
    built,
    status: reportStatus(built),
    comment,
    published,
    cards,
    notes: await uncommittedNotes(ws, built, opts),
  };
}

/**
 * A note per model whose files are not committed, for a person at a terminal: none inside Actions (a CI checkout
 * holds what was pushed, and what its jobs wrote) or for records from an artifact (another checkout's).
 */
async function uncommittedNotes(ws: Workspace, built: BuiltReport, opts: ReportOptions): Promise<string[]> {
  if (opts.fromArtifact || inGitHubActions(ws.env)) return [];
  const notes: string[] = [];
  for (const m of built.manifests.values()) {
    const note = await uncommittedModelNote(ws, m, "this report");
    if (note) notes.push(note);
  }
  return notes;
}

/** The verdict of the whole report: fail when any model fails or any record was refused, else warn or pass. */
export function reportStatus(built: Pick<BuiltReport, "models" | "refused">): Status {
  const statuses = built.models.map((m) => m.verdict.status);
  if (statuses.includes("fail") || built.refused.length > 0) return "fail";
  return statuses.includes("warn") ? "warn" : "pass";
}

/**
 * The notice of a pull request that changes the rules that judge it (modelgate.yaml, CODEOWNERS, a model's
 * manifest), from the files GitHub lists for it: in plain words, what approve and publish do about it.
 */
async function ruleNotices(ws: Workspace, ctx: GitHubContext, known: PullRequestInfo | undefined): Promise<string[]> {
  const pr = known ?? (await getPullRequest(ctx));
  const changes = await pullRequestRuleChanges(ctx, pr, rulesOfCheckout(ws.repo));
  if (changes.length === 0) return [];
  const head = await ws.git.revParse("HEAD");
  const notice = reportRuleNotice(changes, head ? `this checkout (${head.slice(0, 7)})` : "this checkout");
  return notice ? [notice] : [];
}

/** Whether to talk to GitHub: asked for with --repo/--pr, or inside Actions; never on a dry run. */
export function wantsGitHub(opts: Pick<ReportOptions, "dryRun" | "repo" | "pr">, env: NodeJS.ProcessEnv): boolean {
  if (opts.dryRun) return false;
  return Boolean(opts.repo || opts.pr) || inGitHubActions(env);
}

/** The GitHub context, and after an unprivileged run (workflow_run), its pull request and commit, found on GitHub. */
async function reportTarget(env: NodeJS.ProcessEnv, opts: ReportOptions): Promise<ReportTarget> {
  if (!wantsGitHub(opts, env)) return { sha: opts.sha };
  const ctx = resolveContext(env, {
    repo: opts.repo,
    pr: opts.pr,
    token: opts.token,
    appSlug: opts.appSlug,
    http: opts.http,
  });
  const run = ctx.event?.workflow_run;
  if (ctx.eventName !== "workflow_run" && !run) return { ctx, sha: opts.sha };
  // After an unprivileged run: the pull request is the one whose head is the commit that run evaluated, found
  // on GitHub; a number from the run's artifact or an input is at most a candidate that must agree.
  if (!run?.head_sha) throw new UserError("a workflow_run event without workflow_run.head_sha (GITHUB_EVENT_PATH)");
  const pr = await findPullRequestByHead(ctx, {
    sha: run.head_sha,
    repo: run.head_repository?.full_name,
    branch: run.head_branch,
    number: ctx.pr,
    candidates: (run.pull_requests ?? []).map((p: { number: number }) => p.number),
  });
  ctx.pr = pr.number;
  return { ctx, pr, sha: opts.sha ?? run.head_sha };
}

/**
 * How records from an artifact are judged: kept as they are only for a pull request GitHub shows to come from this
 * repository (its authors can push here anyway); any other run's records are recomputed and must agree.
 */
async function recomputeUnless(
  ws: Workspace,
  opts: ReportOptions,
  ctx: GitHubContext | undefined,
  known: PullRequestInfo | undefined,
): Promise<((m: Loaded<Model>, claimed: LoadedRecord) => Promise<Recomputation>) | undefined> {
  if (!opts.fromArtifact) return undefined;
  const pr = known ?? (ctx?.pr ? await getPullRequest(ctx) : undefined);
  if (ctx && pr && !isFromFork(ctx, pr)) return undefined;
  const env = { ...ws.env, ...(pr ? { GITHUB_BASE_REF: pr.baseRef } : {}) };
  return recomputer(ws, resolve(ws.io.cwd, opts.fromArtifact), env);
}

/**
 * Recomputes an untrusted record: the ONNX file in the artifact whose sha256 is the record's candidate digest,
 * evaluated by `evaluate`'s library under this checkout's manifests, gates, data and baseline (onnxruntime only;
 * nothing from the pull request runs).
 */
async function recomputer(
  ws: Workspace,
  artifact: string,
  env: NodeJS.ProcessEnv,
): Promise<(m: Loaded<Model>, claimed: LoadedRecord) => Promise<Recomputation>> {
  const files = existsSync(artifact) ? await artifactModels(artifact) : new Map<string, string>();
  return async (m, claimed) => {
    const digest = claimed.record.candidate.sha256;
    const file = files.get(digest);
    if (!file) {
      return {
        error: `the artifact holds no ONNX file with the record's candidate sha256 ${digest.slice(0, 12)}… (upload the candidate model with the records)`,
      };
    }
    try {
      // evaluateCandidate prints nothing of its own here: its workspace shares the repository, not the output
      const quiet = openWorkspace(bufferIo(ws.root, env), { repo: ws.repo });
      const record = await evaluateCandidate(quiet, {
        model: m.value.metadata.name,
        candidate: {
          bytes: new Uint8Array(readFileSync(join(artifact, file))),
          source: `artifact:${file}`,
          version: claimed.record.model.version,
        },
      });
      return { record, source: `${file} in the artifact` };
    } catch (err) {
      if (err instanceof UserError || err instanceof CheckFailed) return { error: err.message };
      throw err;
    }
  };
}
