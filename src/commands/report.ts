import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { Command } from "./command.ts";
import { CheckFailed, EXIT_FAILED, EXIT_OK, UserError } from "../errors.ts";
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
import { type BuiltReport, buildReport, type Recomputation } from "../report/build.ts";
import type { LoadedRecord } from "../report/records.ts";
import { artifactModels } from "../report/trust.ts";
import { CARD_FILE, writeModelCard } from "../report/card.ts";
import { renderReport } from "../report/markdown.ts";
import { type PublishResult, publishReport } from "../report/publish.ts";
import { parseArgs, str } from "../util/args.ts";
import { toJson, writeFileAtomic } from "../util/fs.ts";
import { bufferIo, inGitHubActions, type Io } from "../util/io.ts";
import { openWorkspace } from "../workspace/workspace.ts";
import { evaluateCandidate } from "../evaluate/run.ts";

export interface ReportOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  models?: string[];
  records?: string;
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
  /** Also write the full report Markdown here. */
  out?: string;
  /** Skip validation (data checks, drift) entirely, or only the data files. */
  validate?: boolean;
  skipData?: boolean;
  http?: ClientTuning;
}

export interface ReportResult {
  built: BuiltReport;
  /** failed when any model fails or any input was refused. */
  status: "pass" | "warn" | "fail";
  /** The comment as it is (or would be) posted. */
  comment: string;
  published?: PublishResult;
  /** The model cards written, or on a dry run, the ones that would be. */
  cards: string[];
}

/** Whether to talk to GitHub: asked for with --repo/--pr, or inside Actions; never on a dry run. */
function wantsGitHub(opts: ReportOptions): boolean {
  if (opts.dryRun) return false;
  return Boolean(opts.repo || opts.pr) || inGitHubActions(opts.env);
}

/** Builds the report and sends it where it goes. The library call behind the CLI, the action and tests. */
export async function runReport(opts: ReportOptions): Promise<ReportResult> {
  let ctx: GitHubContext | undefined;
  let sha = opts.sha;
  let pr: PullRequestInfo | undefined;
  if (wantsGitHub(opts)) {
    ctx = resolveContext(opts.env, {
      repo: opts.repo,
      pr: opts.pr,
      token: opts.token,
      appSlug: opts.appSlug,
      http: opts.http,
    });
    const run = ctx.event?.workflow_run;
    if (ctx.eventName === "workflow_run" || run) {
      // After an unprivileged run: the pull request is the one whose head is the commit that run evaluated, found
      // on GitHub; a number from the run's artifact or an input is at most a candidate that must agree.
      if (!run?.head_sha) throw new UserError("a workflow_run event without workflow_run.head_sha (GITHUB_EVENT_PATH)");
      pr = await findPullRequestByHead(ctx, {
        sha: run.head_sha,
        repo: run.head_repository?.full_name,
        branch: run.head_branch,
        number: ctx.pr,
        candidates: (run.pull_requests ?? []).map((p: { number: number }) => p.number),
      });
      ctx.pr = pr.number;
      sha ??= run.head_sha;
    }
  }
  // Records from an artifact are kept as they are only for a pull request GitHub shows to come from this repository
  // (its authors can push here anyway); any other run's records are recomputed and must agree.
  let recompute: ((m: Loaded<Model>, claimed: LoadedRecord) => Promise<Recomputation>) | undefined;
  if (opts.fromArtifact) {
    if (ctx?.pr && !pr) pr = await getPullRequest(ctx);
    if (!(ctx && pr && !isFromFork(ctx, pr))) {
      const env = { ...opts.env, ...(pr ? { GITHUB_BASE_REF: pr.baseRef } : {}) };
      recompute = await recomputer(opts.cwd, resolve(opts.cwd, opts.fromArtifact), env);
    }
  }
  const built = await buildReport({
    cwd: opts.cwd,
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
  let published: PublishResult | undefined;
  let comment: string;
  if (ctx) {
    published = await publishReport(ctx, built, {
      sha,
      comment: opts.comment,
      checkRuns: opts.checkRuns,
      env: opts.env,
    });
    comment =
      published.commentBody ?? renderReport(built.models, { refused: built.refused, sha: published.headSha }).markdown;
  } else {
    comment = renderReport(built.models, { refused: built.refused, sha: opts.sha }).markdown;
    if (!opts.dryRun)
      writeJobSummary(renderReport(built.models, { refused: built.refused, unlimited: true }).markdown, opts.env);
  }
  if (opts.out) {
    const path = resolve(opts.cwd, opts.out);
    await writeFileAtomic(
      path,
      renderReport(built.models, { refused: built.refused, sha: opts.sha, unlimited: true }).markdown,
    );
  }
  const statuses = built.models.map((m) => m.verdict.status);
  const status =
    statuses.includes("fail") || built.refused.length > 0 ? "fail" : statuses.includes("warn") ? "warn" : "pass";
  return { built, status, comment, published, cards };
}

/**
 * Recomputes an untrusted record: the ONNX file in the artifact whose sha256 is the record's candidate digest,
 * evaluated by `evaluate`'s library under this checkout's manifests, gates, data and baseline (onnxruntime only;
 * nothing from the pull request runs).
 */
async function recomputer(
  cwd: string,
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
      // evaluateCandidate prints nothing: the workspace's io only gives it the folder and the environment
      const record = await evaluateCandidate(openWorkspace(bufferIo(cwd, env)), {
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

export function reportExitCode(r: ReportResult): number {
  return r.status === "fail" ? EXIT_FAILED : EXIT_OK;
}

/** The one-line-per-model text the CLI prints after posting. */
export function formatReportResult(r: ReportResult): string {
  const icon = { pass: "✓", warn: "!", fail: "✗" } as const;
  const lines = r.built.models.map((m) => {
    const bad = m.verdict.results.filter((x) => x.status !== "pass");
    return `${icon[m.verdict.status]} ${m.model.metadata.name}: ${m.verdict.status}${bad.length ? ` — ${bad.map((x) => x.reason).join("; ")}` : ""}`;
  });
  for (const x of r.built.refused) lines.push(`✗ refused ${x.file}: ${x.reason}`);
  if (r.published?.comment)
    lines.push(`comment: ${r.published.comment.url} (${r.published.comment.created ? "created" : "updated"})`);
  for (const [name, c] of r.published?.checkRuns ?? []) lines.push(`check run ${name}: ${c.url}`);
  for (const p of r.cards) lines.push(`model card: ${p}`);
  return `${lines.join("\n")}\n`;
}

function toJsonResult(r: ReportResult) {
  return {
    status: r.status,
    models: r.built.models.map((m) => ({
      name: m.model.metadata.name,
      status: m.verdict.status,
      gates: m.verdict.results.map((x) => ({
        gate: x.label,
        status: x.status,
        reason: x.reason,
        ...(x.value !== undefined ? { value: x.value } : {}),
      })),
      ...(m.checkRunUrl ? { checkRun: m.checkRunUrl } : {}),
    })),
    refused: r.built.refused,
    ...(r.published?.comment ? { comment: r.published.comment } : {}),
    cards: r.cards,
  };
}

const usage = `Usage: modelgate report [MODEL…] [options]

Judges each model's gates on its evaluation record and reports: one sticky PR comment (at most 65,536 characters),
a check run "modelgate / <model>" per model with annotations on the manifest lines of failing gates, the job summary,
and optionally the model card. Without MODEL, every model that has an evaluation record. A named model without a
record fails. Exit 1 when any model fails or any record was refused.

Input:
  --records DIR         evaluation records as \`modelgate evaluate\` writes them (default .modelgate/evaluations)
  --from-artifact DIR   untrusted records from an unprivileged job (fork-safe workflows): schema-checked, size-limited
  --skip-validate       do not run validation (data checks and drift are then left out of the report)
  --skip-data           validate manifests and digests only, without reading data files

GitHub (inside Actions from the environment; outside, with GITHUB_TOKEN and GITHUB_API_URL):
  --repo OWNER/NAME     the repository (default GITHUB_REPOSITORY)
  --pr N                the pull request to comment on
  --sha SHA             the commit for the check runs (default the pull request's head)
  --app-slug SLUG       the GitHub App that issued the token (an installation token other than GITHUB_TOKEN):
                        the sticky comment is the one <SLUG>[bot] wrote; modelgate edits no other comment
  --no-comment          no PR comment
  --no-checks           no check runs
  --dry-run             print the comment; post nothing, write no model card (--out still writes its file)

Output:
  --write-card          write models/<model>/MODEL_CARD.md (text outside the generated markers is kept)
  --out FILE            write the full report (no size limit) to FILE
  --json                machine-readable result

Without --repo/--pr and outside Actions, the comment is printed to stdout.

Exit codes: 0 every model passed (warnings allowed), 1 a model failed its gates, a record was refused, or GitHub
failed, 2 usage or configuration error (also a GitHub token that is refused or cannot see the repository),
70 internal error (a bug in modelgate; please report it).
`;

export const command: Command = {
  name: "report",
  summary: "gates → verdict; sticky PR comment, check runs, job summary, model card",
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseArgs("report", args, {
      records: { type: "string" },
      "from-artifact": { type: "string" },
      "skip-validate": { type: "boolean" },
      "skip-data": { type: "boolean" },
      repo: { type: "string" },
      pr: { type: "string" },
      sha: { type: "string" },
      "app-slug": { type: "string" },
      "no-comment": { type: "boolean" },
      "no-checks": { type: "boolean" },
      "dry-run": { type: "boolean" },
      "write-card": { type: "boolean" },
      out: { type: "string" },
    });
    const r = await runReport({
      cwd: io.cwd,
      env: io.env,
      models: positionals,
      records: str(values.records),
      fromArtifact: str(values["from-artifact"]),
      validate: !values["skip-validate"],
      skipData: Boolean(values["skip-data"]),
      repo: str(values.repo),
      pr: str(values.pr),
      sha: str(values.sha),
      appSlug: str(values["app-slug"]),
      comment: !values["no-comment"],
      checkRuns: !values["no-checks"],
      dryRun: Boolean(values["dry-run"]),
      writeCard: Boolean(values["write-card"]),
      out: str(values.out),
    });
    if (values["dry-run"]) for (const c of r.cards) io.err(`dry run: would write ${relative(io.cwd, c) || c}\n`);
    if (values.json) io.out(toJson(toJsonResult(r)));
    else if (!r.published) io.out(r.comment);
    else io.out(formatReportResult(r));
    if (r.published || values.json) {
      for (const m of r.built.models)
        if (m.verdict.status === "fail") io.err(`modelgate report: ${m.model.metadata.name} failed its gates\n`);
    }
    return reportExitCode(r);
  },
};
