/**
 * Where the report goes on GitHub: one check run per model (`modelgate / <model>`, the verdict as conclusion, the
 * model's report as summary, annotations on the manifest lines of failing and warning gates), then the one sticky
 * PR comment linking to them, then the job summary with the full report. Every call goes through src/github.
 */
import {
  type Annotation,
  CHECK_TEXT_MAX,
  type CheckConclusion,
  type CheckRunResult,
  clip,
  createOrUpdateCheckRun,
  type GitHubContext,
  getPullRequest,
  PR_COMMENT_MARKER,
  type StickyResult,
  upsertStickyComment,
  writeJobSummary,
} from "../github/index.ts";
import { at } from "../manifest/repo.ts";
import type { BuiltReport } from "./build.ts";
import type { Status } from "./gates.ts";
import { type Detail, type ModelReport, renderModelSection, renderReport } from "./markdown.ts";

export const CHECK_NAME_PREFIX = "modelgate / ";
export const checkName = (model: string) => `${CHECK_NAME_PREFIX}${model}`;
const CONCLUSION: Record<Status, CheckConclusion> = { pass: "success", warn: "neutral", fail: "failure" };

/** Annotations on the model manifest's lines: each failing (failure) or warning (warning) gate, at its own line. */
export function gateAnnotations(built: BuiltReport, r: ModelReport): Annotation[] {
  const m = built.manifests.get(r.model.metadata.name);
  if (!m) return [];
  return r.verdict.results
    .filter((x) => x.status !== "pass")
    .map((x) => {
      const pos = at(m, x.path);
      return {
        path: pos.file,
        startLine: pos.line,
        startColumn: pos.col,
        level: x.status === "fail" ? "failure" : "warning",
        title: `${x.status === "fail" ? "Gate failed" : "Gate warning"}: ${x.label}`,
        message: x.reason,
      } satisfies Annotation;
    });
}

/** One model's section at the most detail that fits a check run's summary. */
export function checkRunSummary(r: ModelReport): string {
  for (let d = 0 as Detail; d <= 4; d = (d + 1) as Detail) {
    const s = renderModelSection(r, d);
    if (s.length <= CHECK_TEXT_MAX) return s;
  }
  return clip(renderModelSection(r, 4), CHECK_TEXT_MAX);
}

export interface PostOptions {
  /** The commit the check runs go on (default: the pull request's head, else the event's). */
  sha?: string;
  comment?: boolean;
  checkRuns?: boolean;
  jobSummary?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Shown at the top of the comment and the job summary (e.g. a pull request that changes its own rules). */
  notices?: string[];
}

export interface PostResult {
  headSha?: string;
  checkRuns: Map<string, CheckRunResult>;
  comment?: StickyResult;
  /** The comment body as posted (before the adapter adds the marker and kept sections). */
  commentBody?: string;
  jobSummary: boolean;
}

/** Posts the report: check runs first (so the comment can link to them), then the comment, then the job summary. */
export async function postReport(ctx: GitHubContext, built: BuiltReport, opts: PostOptions = {}): Promise<PostResult> {
  const env = opts.env ?? process.env;
  let headSha = opts.sha;
  if (!headSha && ctx.pr) headSha = (await getPullRequest(ctx)).headSha;
  headSha ??= ctx.eventHeadSha ?? env.GITHUB_SHA;
  if (headSha && /^[0-9a-f]{7,64}$/.test(headSha)) {
    for (const r of built.models) {
      if (r.cardFile) r.cardUrl = `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/blob/${headSha}/${r.cardFile}`;
    }
  }
  const checkRuns = new Map<string, CheckRunResult>();
  if (opts.checkRuns !== false && headSha) {
    for (const r of built.models) {
      const name = r.model.metadata.name;
      const status = r.verdict.status;
      const bad = r.verdict.results.find((x) => x.status === status && status !== "pass");
      const res = await createOrUpdateCheckRun(ctx, {
        name: checkName(name),
        headSha,
        conclusion: CONCLUSION[status],
        title: `${status === "pass" ? "Passed" : status === "warn" ? "Passed with warnings" : "Failed"}: ${bad ? bad.reason : `${r.verdict.results.length} gate(s) pass`}`,
        summary: checkRunSummary(r),
        annotations: gateAnnotations(built, r),
        ...(ctx.runUrl ? { detailsUrl: ctx.runUrl } : {}),
      });
      checkRuns.set(name, res);
      r.checkRunUrl = res.url;
    }
  }
  let comment: StickyResult | undefined;
  let commentBody: string | undefined;
  if (opts.comment !== false && ctx.pr) {
    commentBody = renderReport(built.models, {
      sha: headSha,
      runUrl: ctx.runUrl,
      refused: built.refused,
      notices: opts.notices,
    }).markdown;
    comment = await upsertStickyComment(ctx, ctx.pr, PR_COMMENT_MARKER, commentBody);
  }
  let jobSummary = false;
  if (opts.jobSummary !== false) {
    const full = renderReport(built.models, {
      sha: headSha,
      runUrl: ctx.runUrl,
      refused: built.refused,
      unlimited: true,
      notices: opts.notices,
    });
    jobSummary = writeJobSummary(full.markdown, env);
  }
  return { headSha, checkRuns, comment, commentBody, jobSummary };
}
