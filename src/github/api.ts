import type { EnvironmentReview, Permission, ReviewFact, ReviewState, TagVerification } from "../vocabulary.ts";
/**
 * Every GitHub REST call modelgate makes. Each function takes the context, does one job, and throws a
 * GitHubApiError that names the request and GitHub's answer when GitHub says no.
 */
import { CheckFailed, EXIT_FAILED, EXIT_USAGE, ModelgateError, UserError } from "../errors.ts";
import { client, GitHubTransportError } from "./client.ts";
import type { GitHubContext } from "./context.ts";

/**
 * GitHub refused or failed a request (after retries). `status` is the HTTP status, 0 for a network error. Shown as
 * its message: exit 2 when the token or the repository is to fix (401, 403, 404), else 1 (GitHub failed).
 */
export class GitHubApiError extends ModelgateError {
  constructor(
    readonly request: string,
    readonly status: number,
    detail: string,
  ) {
    const rateLimited = /rate limit/i.test(detail);
    super(
      `GitHub API ${request} failed: ${status ? `${status} ` : ""}${detail}${hint(status, detail)}`,
      (status === 401 || status === 403 || status === 404) && !rateLimited ? EXIT_USAGE : EXIT_FAILED,
    );
    this.name = "GitHubApiError";
  }
}

function hint(status: number, detail: string): string {
  if (status === 401) return "; check the token (GITHUB_TOKEN, or the action's token input)";
  if (status === 403 && !/rate limit/i.test(detail))
    return "; the token lacks a permission this needs (the workflow's `permissions:`, e.g. checks: write, pull-requests: write, statuses: write)";
  if (status === 404 && !/not found or not visible/.test(detail))
    return "; check the repository (--repo, GITHUB_REPOSITORY) and the pull request number (--pr), and that the token can see them";
  return "";
}

async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw wrap(what, err);
  }
}

function wrap(what: string, err: unknown): Error {
  if (err instanceof GitHubApiError || err instanceof UserError || err instanceof CheckFailed) return err;
  const e = err as {
    status?: number;
    message?: string;
    response?: { headers?: Record<string, string> };
    retries?: number;
  };
  if (e.status === undefined && !(err instanceof GitHubTransportError)) {
    // Not an HTTP failure: GitHub answered, and the answer is not what its API description promises.
    return new GitHubApiError(
      what,
      0,
      `GitHub's answer could not be read (${(e.message ?? String(err)).split("\n")[0]}); GitHub or a proxy in between answered something other than the API's JSON; re-run, and check GITHUB_API_URL`,
    );
  }
  let detail = (e.message ?? String(err)).split("\n")[0].replace(/ - https:\/\/docs\.github\.com\S*/, "");
  if ((e.status === 403 || e.status === 429) && e.response?.headers?.["x-ratelimit-remaining"] === "0") {
    const reset = Number(e.response.headers["x-ratelimit-reset"]);
    const tail = /\((GitHub asked|after|not retried)[^)]*\)$/.exec(detail)?.[0];
    detail = `rate limit exhausted${reset ? ` until ${new Date(reset * 1000).toISOString()}` : ""}${tail ? ` ${tail}` : ""}`;
  }
  return new GitHubApiError(what, typeof e.status === "number" ? e.status : 0, detail);
}

function needPr(ctx: GitHubContext, pr?: number): number {
  const n = pr ?? ctx.pr;
  if (!n) throw new UserError("no pull request: pass --pr N (or run on a pull_request or pull_request_review event)");
  return n;
}

const repoOf = (ctx: GitHubContext) => ({ owner: ctx.owner, repo: ctx.repo });

// ---- pull requests ---------------------------------------------------------------------------------------------

export interface PullRequestInfo {
  number: number;
  author: string;
  authorType: string;
  headSha: string;
  /** OWNER/NAME of the repository the head branch is in; null when that fork was deleted. */
  headRepo: string | null;
  /** The head branch's name (in headRepo). */
  headRef: string;
  baseRef: string;
  /** The base branch's commit the pull request is compared with: where the rules that judge it are read. */
  baseSha: string;
  title: string;
  draft: boolean;
  state: string;
  htmlUrl: string;
}

export async function getPullRequest(ctx: GitHubContext, pr?: number): Promise<PullRequestInfo> {
  const number = needPr(ctx, pr);
  const { data } = await call(`GET pulls/${number}`, () =>
    client(ctx).rest.pulls.get({ ...repoOf(ctx), pull_number: number }),
  );
  return {
    number: data.number,
    author: data.user.login,
    authorType: data.user.type,
    headSha: data.head.sha,
    headRepo: data.head.repo?.full_name ?? null,
    headRef: data.head.ref,
    baseRef: data.base.ref,
    baseSha: data.base.sha,
    title: data.title,
    draft: Boolean(data.draft),
    state: data.state,
    htmlUrl: data.html_url,
  };
}

/** Whether the pull request's head branch is in another repository (a fork, or a fork since deleted). */
export function isFromFork(ctx: GitHubContext, pr: PullRequestInfo): boolean {
  return pr.headRepo?.toLowerCase() !== `${ctx.owner}/${ctx.repo}`.toLowerCase();
}

export interface PullRequestHead {
  /** The commit a workflow run was for (`workflow_run.head_sha`). */
  sha: string;
  /** OWNER/NAME and branch of the run's head (`workflow_run.head_repository.full_name`, `.head_branch`). */
  repo?: string;
  branch?: string;
  /** A pull request named explicitly (an input): it must have `sha` as its head, or nothing is reported. */
  number?: number;
  /** Pull requests the event lists (`workflow_run.pull_requests`): candidates, checked like the others. */
  candidates?: number[];
}

/**
 * The open pull request whose head is `head.sha`. A number given explicitly is the only candidate; else the
 * candidates are the event's pull requests and the open pull requests of the head branch
 * (`GET pulls?head=OWNER:BRANCH`). Each is read from GitHub and kept only when its head commit is `head.sha`, so a
 * number from an untrusted source can never point the report at another pull request. Throws CheckFailed when no
 * pull request, or more than one, has that head.
 */
export async function findPullRequestByHead(ctx: GitHubContext, head: PullRequestHead): Promise<PullRequestInfo> {
  const numbers = new Set(head.number ? [head.number] : (head.candidates ?? []));
  if (!head.number && head.repo && head.branch) {
    const owner = head.repo.split("/")[0];
    await call("GET pulls?head=", async () => {
      for await (const page of client(ctx).paginate.iterator(client(ctx).rest.pulls.list, {
        ...repoOf(ctx),
        state: "open",
        head: `${owner}:${head.branch}`,
        per_page: 100,
      })) {
        for (const p of page.data) numbers.add(p.number);
      }
    });
  }
  const matches: PullRequestInfo[] = [];
  const others: string[] = [];
  for (const n of [...numbers].sort((a, b) => a - b)) {
    const pr = await getPullRequest(ctx, n);
    if (pr.headSha === head.sha && pr.state === "open") matches.push(pr);
    else others.push(`#${n} (head ${pr.headSha.slice(0, 7)}, ${pr.state})`);
  }
  const short = head.sha.slice(0, 7);
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    throw new CheckFailed(
      `more than one open pull request has the head commit ${short} (${matches.map((m) => `#${m.number}`).join(", ")}); refusing to guess which one to report on`,
    );
  }
  throw new CheckFailed(
    `no open pull request has the head commit ${short} that was evaluated${others.length ? ` (looked at ${others.join(", ")})` : ""}: it was pushed again since (the newer run reports), or closed; nothing was posted`,
  );
}

/**
 * A file's text at a commit of the repository (GET contents/{path}?ref=), or undefined when the commit has no file
 * there. A pull request's head commit from a fork is readable here too: forks share the repository's objects.
 */
export async function fileAtCommit(ctx: GitHubContext, path: string, ref: string): Promise<string | undefined> {
  try {
    const { data } = await client(ctx).rest.repos.getContent({ ...repoOf(ctx), path, ref });
    if (Array.isArray(data) || data.type !== "file" || !("content" in data)) return undefined;
    return Buffer.from(data.content, (data.encoding as BufferEncoding) || "base64").toString("utf8");
  } catch (err) {
    if ((err as { status?: number }).status === 404) return undefined;
    throw wrap(`GET contents/${path}?ref=${ref.slice(0, 7)}`, err);
  }
}

/** Paths the pull request changes (every page; GitHub lists at most 3000). */
export async function listPullRequestFiles(ctx: GitHubContext, pr?: number): Promise<string[]> {
  const number = needPr(ctx, pr);
  const files: string[] = [];
  await call(`GET pulls/${number}/files`, async () => {
    for await (const page of client(ctx).paginate.iterator(client(ctx).rest.pulls.listFiles, {
      ...repoOf(ctx),
      pull_number: number,
      per_page: 100,
    })) {
      for (const f of page.data) files.push(f.filename);
    }
  });
  return files;
}

/**
 * Who pushed the pull request's head commit (GitHub's "most recent reviewable push"): the actors of the head
 * branch's pushes, force pushes or creation whose `after` is the head commit, from the head repository's activity
 * log (GET /repos/{owner}/{repo}/activity), where GitHub records who authenticated the push. Throws when none is
 * found: who pushed cannot then be known, and the caller fails closed.
 */
export async function headPushers(ctx: GitHubContext, pr: PullRequestInfo): Promise<string[]> {
  if (!pr.headRepo) {
    throw new GitHubApiError(
      `GET activity of pull request #${pr.number}'s head`,
      0,
      `the repository of the head branch ${pr.headRef} was deleted, so who pushed ${pr.headSha.slice(0, 7)} cannot be read`,
    );
  }
  const [owner, repo] = pr.headRepo.split("/");
  const what = `GET repos/${pr.headRepo}/activity?ref=refs/heads/${pr.headRef}`;
  const actors = new Set<string>();
  await call(what, async () => {
    for await (const page of client(ctx).paginate.iterator(client(ctx).rest.repos.listActivities, {
      owner,
      repo,
      ref: `refs/heads/${pr.headRef}`,
      per_page: 100,
    })) {
      for (const a of page.data) {
        const pushed =
          a.activity_type === "push" || a.activity_type === "force_push" || a.activity_type === "branch_creation";
        if (pushed && a.after === pr.headSha && a.actor) actors.add(a.actor.login);
      }
    }
  });
  if (actors.size === 0) {
    throw new GitHubApiError(
      what,
      0,
      `no push of the head commit ${pr.headSha.slice(0, 7)} to ${pr.headRef} is in the activity of ${pr.headRepo}, so who pushed it cannot be known`,
    );
  }
  return [...actors].sort();
}

/**
 * The GitHub accounts of the authors and committers of the pull request's commits (GET pulls/{n}/commits; GitHub
 * lists at most 250). Commits whose e-mail GitHub links to no account add nobody.
 */
export async function pullRequestCommitAuthors(ctx: GitHubContext, pr?: number): Promise<string[]> {
  const number = needPr(ctx, pr);
  const out = new Set<string>();
  await call(`GET pulls/${number}/commits`, async () => {
    for await (const page of client(ctx).paginate.iterator(client(ctx).rest.pulls.listCommits, {
      ...repoOf(ctx),
      pull_number: number,
      per_page: 100,
    })) {
      for (const c of page.data) {
        if (c.author?.login) out.add(c.author.login);
        if (c.committer?.login) out.add(c.committer.login);
      }
    }
  });
  return [...out].sort();
}

// ---- reviews, permissions, teams ---------------------------------------------------------------------------------

/** The fields of GitHub's pull request review (GET pulls/{n}/reviews) that modelgate reads. */
export interface GitHubReview {
  id: number;
  user: { login: string; type: string } | null;
  state: string;
  commit_id?: string | null;
  submitted_at?: string | null;
}

/** GitHub's review as modelgate's ReviewFact; none for a deleted account ("ghost"), which can approve nothing. */
export function reviewFact(r: GitHubReview): ReviewFact | undefined {
  if (!r.user) return undefined;
  return {
    id: r.id,
    login: r.user.login,
    userType: r.user.type,
    state: r.state.toUpperCase() as ReviewState,
    commitId: r.commit_id ?? null,
    submittedAt: r.submitted_at ?? null,
  };
}

/** Every review of the pull request, every page, in GitHub's (chronological) order. */
export async function listReviews(ctx: GitHubContext, pr?: number): Promise<ReviewFact[]> {
  const number = needPr(ctx, pr);
  const out: ReviewFact[] = [];
  await call(`GET pulls/${number}/reviews`, async () => {
    for await (const page of client(ctx).paginate.iterator(client(ctx).rest.pulls.listReviews, {
      ...repoOf(ctx),
      pull_number: number,
      per_page: 100,
    })) {
      for (const r of page.data) {
        const fact = reviewFact(r);
        if (fact) out.push(fact);
      }
    }
  });
  return out;
}

/** The user's permission on the repository; "none" for someone who is not a collaborator (404). */
export async function collaboratorPermission(ctx: GitHubContext, login: string): Promise<Permission> {
  try {
    const { data } = await client(ctx).rest.repos.getCollaboratorPermissionLevel({ ...repoOf(ctx), username: login });
    const role = (data.role_name ?? "").toLowerCase();
    if (["admin", "maintain", "write", "triage", "read"].includes(role)) return role as Permission;
    return (data.permission as Permission) ?? "none";
  } catch (err) {
    if ((err as { status?: number }).status === 404) return "none";
    throw wrap(`GET collaborators/${login}/permission`, err);
  }
}

/**
 * Logins of the members of `org/team` (every page, child teams included as GitHub lists them).
 * A 404 means the team does not exist or the token cannot see it: GITHUB_TOKEN cannot read organization teams.
 */
export async function teamMembers(ctx: GitHubContext, orgTeam: string): Promise<string[]> {
  const m = /^@?([^/\s]+)\/([^/\s]+)$/.exec(orgTeam);
  if (!m) throw new UserError(`a team is written org/team-slug, got "${orgTeam}"`);
  const logins: string[] = [];
  try {
    for await (const page of client(ctx).paginate.iterator(client(ctx).rest.teams.listMembersInOrg, {
      org: m[1],
      team_slug: m[2],
      per_page: 100,
    })) {
      for (const u of page.data) logins.push(u.login);
    }
  } catch (err) {
    if ((err as { status?: number }).status === 404) {
      throw new GitHubApiError(
        `GET orgs/${m[1]}/teams/${m[2]}/members`,
        404,
        `team ${m[1]}/${m[2]} not found or not visible to this token (GITHUB_TOKEN cannot read teams: pass a token with organization members read access)`,
      );
    }
    throw wrap(`GET orgs/${m[1]}/teams/${m[2]}/members`, err);
  }
  return logins;
}

// ---- commit statuses -------------------------------------------------------------------------------------------

export type StatusState = "success" | "pending" | "failure" | "error";

/** GitHub rejects status descriptions longer than 140 characters. */
export const STATUS_DESCRIPTION_MAX = 140;

export async function setCommitStatus(
  ctx: GitHubContext,
  s: { sha: string; state: StatusState; context: string; description: string; targetUrl?: string },
): Promise<void> {
  await call(`POST statuses/${s.sha.slice(0, 7)}`, () =>
    client(ctx).rest.repos.createCommitStatus({
      ...repoOf(ctx),
      sha: s.sha,
      state: s.state,
      context: s.context,
      description: clip(s.description, STATUS_DESCRIPTION_MAX),
      ...(s.targetUrl ? { target_url: s.targetUrl } : {}),
    }),
  );
}

/** A commit status as read back: its state, description and who created it. */
export interface StatusRead {
  state: string;
  description: string | null;
  creator?: string;
}

/**
 * The latest status of one context on a commit (GitHub lists a commit's statuses newest first), or undefined. With
 * `creator`, only statuses that login created count (any case); `others` then names who else set that context.
 */
export async function latestStatus(
  ctx: GitHubContext,
  sha: string,
  context: string,
  creator?: string,
): Promise<(StatusRead & { others: string[] }) | undefined> {
  const others = new Set<string>();
  return call(`GET commits/${sha.slice(0, 7)}/statuses`, async () => {
    for await (const page of client(ctx).paginate.iterator(client(ctx).rest.repos.listCommitStatusesForRef, {
      ...repoOf(ctx),
      ref: sha,
      per_page: 100,
    })) {
      for (const s of page.data) {
        if (s.context !== context) continue;
        const by = s.creator?.login;
        if (creator && by?.toLowerCase() !== creator.toLowerCase()) {
          others.add(by ?? "(unknown)");
          continue;
        }
        return { state: s.state, description: s.description, creator: by, others: [...others] };
      }
    }
    return others.size ? { state: "missing", description: null, others: [...others] } : undefined;
  });
}

/**
 * The newest check run of a name on a commit: its conclusion and the app that wrote it, or undefined. With `app`
 * (a slug), only check runs that app created count; `others` then names the apps of the ones set aside.
 */
export async function latestCheckRun(
  ctx: GitHubContext,
  sha: string,
  name: string,
  app?: string,
): Promise<{ status: string; conclusion: string | null; app?: string; others: string[] } | undefined> {
  const { data } = await call(`GET commits/${sha.slice(0, 7)}/check-runs`, () =>
    client(ctx).rest.checks.listForRef({ ...repoOf(ctx), ref: sha, check_name: name, filter: "all", per_page: 100 }),
  );
  const others: string[] = [];
  for (const run of data.check_runs) {
    const slug = run.app?.slug;
    if (app && slug !== app) {
      others.push(slug ?? "(no app)");
      continue;
    }
    return { status: run.status, conclusion: run.conclusion, app: slug, others };
  }
  return others.length ? { status: "missing", conclusion: null, others } : undefined;
}

export interface MergedPull {
  number: number;
  author: string;
  headSha: string;
  mergeCommitSha: string | null;
  mergedAt: string | null;
  htmlUrl: string;
}

/** The pull requests a commit belongs to (GET /repos/{owner}/{repo}/commits/{sha}/pulls). */
export async function pullsForCommit(ctx: GitHubContext, sha: string): Promise<MergedPull[]> {
  const out: MergedPull[] = [];
  await call(`GET commits/${sha.slice(0, 7)}/pulls`, async () => {
    for await (const page of client(ctx).paginate.iterator(
      client(ctx).rest.repos.listPullRequestsAssociatedWithCommit,
      { ...repoOf(ctx), commit_sha: sha, per_page: 100 },
    )) {
      for (const p of page.data) {
        out.push({
          number: p.number,
          author: p.user?.login ?? "",
          headSha: p.head.sha,
          mergeCommitSha: p.merge_commit_sha ?? null,
          mergedAt: p.merged_at ?? null,
          htmlUrl: p.html_url,
        });
      }
    }
  });
  return out;
}

// ---- the sticky comment -----------------------------------------------------------------------------------------

/** The marker of modelgate's one sticky PR comment; `report` writes the body, `approve` its "approval" section. */
export const PR_COMMENT_MARKER = "modelgate";

/** GitHub's limit on an issue comment body. */
export const COMMENT_MAX = 65_536;

export interface StickyResult {
  id: number;
  url: string;
  created: boolean;
}

/** `<!-- name -->` for a bare name; a marker given as an HTML comment is used as it is. */
export function markerComment(marker: string): string {
  return marker.startsWith("<!--") ? marker : `<!-- ${marker} -->`;
}

const sectionStart = (name: string) => `<!-- modelgate:section:${name} -->`;
const sectionEnd = (name: string) => `<!-- /modelgate:section:${name} -->`;

/** Wraps text as a named section of a sticky comment, which `upsertStickySection` can later replace alone. */
export function section(name: string, text: string): string {
  return `${sectionStart(name)}\n${text.trim()}\n${sectionEnd(name)}`;
}

function sectionsOf(body: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /<!-- modelgate:section:([\w.-]+) -->[\s\S]*?<!-- \/modelgate:section:\1 -->/g;
  for (const m of body.matchAll(re)) out.set(m[1], m[0]);
  return out;
}

/** Puts `marker` first and keeps the body within `max` characters, cutting with a visible note. */
export function fitComment(marker: string, body: string, max = COMMENT_MAX): string {
  const mark = markerComment(marker);
  const text = body.startsWith(mark) ? body : `${mark}\n${body}`;
  if (text.length <= max) return text;
  const note =
    "\n\n…cut to fit GitHub's 65,536-character limit; the job summary and the check runs hold the full report.\n";
  return text.slice(0, max - note.length) + note;
}

interface FoundComment {
  id: number;
  body: string;
  url: string;
}

/** Who modelgate acts as on GitHub: the login its token writes comments as. */
export interface TokenIdentity {
  login: string;
  /** A GitHub App's bot user (`<slug>[bot]`, type Bot), which only that app's installation tokens act as. */
  bot: boolean;
  /** How it was found, for messages. */
  via: "app-slug" | "GET /user" | "GITHUB_TOKEN";
}

/** The login of the app behind the workflow's GITHUB_TOKEN. */
export const GITHUB_ACTIONS_BOT = "github-actions[bot]";

const identities = new Map<string, Promise<TokenIdentity>>();

/**
 * Who the token acts as. A given app slug means `<slug>[bot]`; else GET /user names the user of a personal or
 * user-to-server token; GitHub refuses GET /user to an installation token (403 "Resource not accessible by
 * integration"), and without a slug that token is taken to be the workflow's GITHUB_TOKEN, i.e. github-actions[bot].
 * GitHub logins cannot hold `[bot]`: only the app's own installation tokens write as `<slug>[bot]`.
 */
export function tokenIdentity(ctx: GitHubContext): Promise<TokenIdentity> {
  if (ctx.appSlug) return Promise.resolve({ login: `${ctx.appSlug}[bot]`, bot: true, via: "app-slug" });
  const key = `${ctx.apiUrl}\0${ctx.token}`;
  let hit = identities.get(key);
  if (!hit) {
    hit = (async (): Promise<TokenIdentity> => {
      try {
        const { data } = await client(ctx).rest.users.getAuthenticated();
        return { login: data.login, bot: data.type === "Bot", via: "GET /user" };
      } catch (err) {
        if ((err as { status?: number }).status === 403)
          return { login: GITHUB_ACTIONS_BOT, bot: true, via: "GITHUB_TOKEN" };
        throw wrap("GET user", err);
      }
    })();
    identities.set(key, hit);
    hit.catch(() => identities.delete(key));
  }
  return hit;
}

/** Whether a comment's author is `me` (same login, and a bot exactly when `me` is one). */
function writtenBy(user: { login: string; type?: string } | null | undefined, me: TokenIdentity): boolean {
  return Boolean(user) && user!.login === me.login && (user!.type === "Bot") === me.bot;
}

/**
 * modelgate's own marked comments on the pull request, oldest first: a comment counts only when it starts with the
 * marker and the token's own identity wrote it, so a comment anyone else posts with the marker is never edited, and
 * nothing of it is carried over.
 */
async function findMarked(ctx: GitHubContext, pr: number, mark: string): Promise<FoundComment[]> {
  const me = await tokenIdentity(ctx);
  const found: FoundComment[] = [];
  await call(`GET issues/${pr}/comments`, async () => {
    for await (const page of client(ctx).paginate.iterator(client(ctx).rest.issues.listComments, {
      ...repoOf(ctx),
      issue_number: pr,
      per_page: 100,
    })) {
      for (const c of page.data) {
        if (c.body?.startsWith(mark) && writtenBy(c.user, me)) found.push({ id: c.id, body: c.body, url: c.html_url });
      }
    }
  });
  return found.sort((a, b) => a.id - b.id);
}

async function updateComment(ctx: GitHubContext, id: number, body: string): Promise<string> {
  const { data } = await call(`PATCH issues/comments/${id}`, () =>
    client(ctx).rest.issues.updateComment({ ...repoOf(ctx), comment_id: id, body }),
  );
  return data.html_url;
}

/**
 * One comment per pull request, found by a hidden marker at its start across every page of comments among those the
 * token's own identity wrote (`tokenIdentity`), and updated in place; other comments are never touched. Before creating, it looks again; after creating, it looks once more, and
 * if a concurrent run created one too, the oldest wins and the newer one is deleted, so two runs at once leave one.
 * The body is cut to 65,536 characters. Named sections (`section()`) of the old comment that the new body lacks are
 * kept, so `approve`'s section survives `report`'s rewrite and the other way round.
 */
export async function upsertStickyComment(
  ctx: GitHubContext,
  pr: number | undefined,
  marker: string,
  body: string,
  opts: { keepSections?: boolean } = {},
): Promise<StickyResult> {
  const number = needPr(ctx, pr);
  const mark = markerComment(marker);
  const compose = (old?: string) => {
    let text = body;
    if (old && opts.keepSections !== false) {
      const have = sectionsOf(body);
      for (const [name, block] of sectionsOf(old)) if (!have.has(name)) text += `\n\n${block}`;
    }
    return fitComment(mark, text);
  };
  let existing = await findMarked(ctx, number, mark);
  if (existing.length === 0) existing = await findMarked(ctx, number, mark); // look again right before creating
  if (existing.length > 0) {
    const keep = existing[0];
    const url = await updateComment(ctx, keep.id, compose(keep.body));
    return { id: keep.id, url, created: false };
  }
  const { data } = await call(`POST issues/${number}/comments`, () =>
    client(ctx).rest.issues.createComment({ ...repoOf(ctx), issue_number: number, body: compose() }),
  );
  const after = await findMarked(ctx, number, mark);
  if (after.length > 1 && after[0].id !== data.id) {
    // A concurrent run got there first: the oldest comment is the sticky one.
    await call(`DELETE issues/comments/${data.id}`, () =>
      client(ctx).rest.issues.deleteComment({ ...repoOf(ctx), comment_id: data.id }),
    );
    const url = await updateComment(ctx, after[0].id, compose(after[0].body));
    return { id: after[0].id, url, created: false };
  }
  return { id: data.id, url: data.html_url, created: true };
}

/**
 * Replaces one named section of the sticky comment (appending it when absent; creating the comment when there is
 * none), leaving the rest of the comment as it is.
 */
export async function upsertStickySection(
  ctx: GitHubContext,
  pr: number | undefined,
  marker: string,
  name: string,
  text: string,
): Promise<StickyResult> {
  const number = needPr(ctx, pr);
  const mark = markerComment(marker);
  const block = section(name, text);
  const existing = await findMarked(ctx, number, mark);
  if (existing.length === 0) return upsertStickyComment(ctx, number, mark, `${mark}\n${block}`);
  const old = existing[0].body;
  const current = sectionsOf(old).get(name);
  const next = current ? old.replace(current, () => block) : `${old}\n\n${block}`;
  const url = await updateComment(ctx, existing[0].id, fitComment(mark, next));
  return { id: existing[0].id, url, created: false };
}

// ---- check runs ---------------------------------------------------------------------------------------------------

/** GitHub's limit on a check run's output.summary and output.text. */
export const CHECK_TEXT_MAX = 65_535;
/** GitHub accepts at most this many annotations per create/update request. */
export const ANNOTATIONS_PER_REQUEST = 50;

export interface Annotation {
  path: string;
  startLine: number;
  endLine?: number;
  /** Columns are sent only for single-line annotations, as GitHub requires. */
  startColumn?: number;
  endColumn?: number;
  level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
  rawDetails?: string;
}

export type CheckConclusion =
  | "success"
  | "failure"
  | "neutral"
  | "cancelled"
  | "skipped"
  | "timed_out"
  | "action_required";

export interface CheckRunInput {
  name: string;
  headSha: string;
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  text?: string;
  annotations?: Annotation[];
  detailsUrl?: string;
}

export interface CheckRunResult {
  id: number;
  url: string;
  created: boolean;
}

function apiAnnotation(a: Annotation) {
  const end = a.endLine ?? a.startLine;
  const sameLine = end === a.startLine;
  return {
    path: a.path,
    start_line: a.startLine,
    end_line: end,
    ...(sameLine && a.startColumn !== undefined ? { start_column: a.startColumn } : {}),
    ...(sameLine && a.endColumn !== undefined ? { end_column: a.endColumn } : {}),
    annotation_level: a.level,
    message: clip(a.message, 64 * 1024),
    ...(a.title ? { title: clip(a.title, 255) } : {}),
    ...(a.rawDetails ? { raw_details: clip(a.rawDetails, 64 * 1024) } : {}),
  };
}

/**
 * The check run `name` on `headSha`, completed with `conclusion`: updated in place when one of that name already
 * exists on the commit, else created. Summary and text are cut to 65,535 characters; annotations go 50 per request
 * (the first batch with the create/update, the rest in further updates, which GitHub appends).
 */
export async function createOrUpdateCheckRun(ctx: GitHubContext, input: CheckRunInput): Promise<CheckRunResult> {
  const octokit = client(ctx);
  const { data: list } = await call(`GET commits/${input.headSha.slice(0, 7)}/check-runs`, () =>
    octokit.rest.checks.listForRef({ ...repoOf(ctx), ref: input.headSha, check_name: input.name, per_page: 100 }),
  );
  // Only this token's own app's check run is updated: another app's run of the same name is left as it is (only the
  // app that created a check run may change it).
  const mine = ctx.appSlug ?? "github-actions";
  const existing = list.check_runs.find((r) => r.app?.slug === mine);
  let annotations = (input.annotations ?? []).map(apiAnnotation);
  if (existing && annotations.length > 0) {
    // GitHub appends the annotations of every update and cannot delete them: send only those not already there,
    // so that a re-run on the same commit does not show each one twice.
    const key = (a: {
      path: string;
      start_line: number;
      end_line: number;
      annotation_level?: string | null;
      message?: string | null;
    }) => JSON.stringify([a.path, a.start_line, a.end_line, a.annotation_level, a.message]);
    const present = new Set<string>();
    const pages = octokit.paginate.iterator(octokit.rest.checks.listAnnotations, {
      ...repoOf(ctx),
      check_run_id: existing.id,
      per_page: 100,
    });
    await call(`GET check-runs/${existing.id}/annotations`, async () => {
      for await (const page of pages) for (const a of page.data) present.add(key(a));
    });
    annotations = annotations.filter((a) => !present.has(key(a)));
  }
  const batches: (typeof annotations)[] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  const output = (batch?: typeof annotations) => ({
    title: clip(input.title, 255),
    summary: clip(input.summary, CHECK_TEXT_MAX),
    ...(input.text ? { text: clip(input.text, CHECK_TEXT_MAX) } : {}),
    ...(batch && batch.length > 0 ? { annotations: batch } : {}),
  });
  const completedAt = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  const completed = {
    ...repoOf(ctx),
    status: "completed" as const,
    conclusion: input.conclusion,
    completed_at: completedAt,
    ...(input.detailsUrl ? { details_url: input.detailsUrl } : {}),
    output: output(batches[0]),
  };
  const { data } = existing
    ? await call(`PATCH check-runs/${existing.id}`, () =>
        octokit.rest.checks.update({ ...completed, check_run_id: existing.id }),
      )
    : await call("POST check-runs", () =>
        octokit.rest.checks.create({ ...completed, name: input.name, head_sha: input.headSha }),
      );
  const id = data.id;
  const url = data.html_url ?? "";
  for (const batch of batches.slice(1)) {
    await call(`PATCH check-runs/${id}`, () =>
      octokit.rest.checks.update({ ...repoOf(ctx), check_run_id: id, output: output(batch) }),
    );
  }
  return { id, url, created: !existing };
}

export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1)}…`;
}

// ---- releases: environment approvals, tag verification, promotion pull requests --------------------------------

/**
 * Who approved or rejected the deployments of a workflow run, as the reviews log of its environments shows
 * (GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals). GitHub gives no time for a review.
 */
export async function environmentReviews(ctx: GitHubContext, runId: number): Promise<EnvironmentReview[]> {
  const { data } = await call(`GET actions/runs/${runId}/approvals`, () =>
    client(ctx).rest.actions.getReviewsForRun({ ...repoOf(ctx), run_id: runId }),
  );
  return data.map((r) => ({
    user: r.user.login,
    state: r.state,
    comment: r.comment,
    environments: r.environments.map((e) => e.name ?? "").filter(Boolean),
  }));
}

/** GitHub's verification of an annotated tag's signature (GET /repos/{owner}/{repo}/git/tags/{tag_sha}). */
export async function tagVerification(ctx: GitHubContext, tagSha: string): Promise<TagVerification | undefined> {
  const { data } = await call(`GET git/tags/${tagSha.slice(0, 7)}`, () =>
    client(ctx).rest.git.getTag({ ...repoOf(ctx), tag_sha: tagSha }),
  );
  return data.verification ? { verified: data.verification.verified, reason: data.verification.reason } : undefined;
}

export interface OpenedPull {
  number: number;
  url: string;
  created: boolean;
}

/** The open pull request from `head` (a branch of this repository) into `base`, opened when there is none. */
export async function ensurePullRequest(
  ctx: GitHubContext,
  pr: { head: string; base: string; title: string; body: string },
): Promise<OpenedPull> {
  const { data: open } = await call(`GET pulls?head=${pr.head}`, () =>
    client(ctx).rest.pulls.list({ ...repoOf(ctx), head: `${ctx.owner}:${pr.head}`, base: pr.base, state: "open" }),
  );
  if (open.length > 0) return { number: open[0].number, url: open[0].html_url, created: false };
  const { data } = await call("POST pulls", () =>
    client(ctx).rest.pulls.create({
      ...repoOf(ctx),
      head: pr.head,
      base: pr.base,
      title: clip(pr.title, 256),
      body: clip(pr.body, COMMENT_MAX),
    }),
  );
  return { number: data.number, url: data.html_url, created: true };
}

// ---- monitoring: the sticky issue of a model and environment, and the release workflow's dispatch -------------------

/** The label modelgate's monitoring issues carry (GitHub creates it with the first issue). */
export const MONITOR_LABEL = "modelgate-monitor";

export interface StickyIssue {
  number: number;
  url: string;
  /** What this call did to it. */
  action: "opened" | "updated" | "reopened" | "closed" | "none";
}

/**
 * One issue per marker (a model and an environment), found among the issues labelled MONITOR_LABEL whose body starts
 * with the marker and which the token's own identity opened (an issue anyone else writes with the marker is never
 * touched): opened when `open` and there is none, updated (and reopened) while `open`, closed when no longer `open`.
 * Never a new issue per run.
 */
export async function upsertStickyIssue(
  ctx: GitHubContext,
  issue: { marker: string; title: string; body: string; open: boolean },
): Promise<StickyIssue> {
  const mark = markerComment(issue.marker);
  const me = await tokenIdentity(ctx);
  const body = fitComment(mark, issue.body);
  let found: { number: number; url: string; state: string } | undefined;
  await call(`GET issues?labels=${MONITOR_LABEL}`, async () => {
    for await (const page of client(ctx).paginate.iterator(client(ctx).rest.issues.listForRepo, {
      ...repoOf(ctx),
      labels: MONITOR_LABEL,
      state: "all",
      sort: "created",
      direction: "asc",
      per_page: 100,
    })) {
      for (const i of page.data) {
        if (found || i.pull_request) continue;
        if (i.body?.startsWith(mark) && writtenBy(i.user, me))
          found = { number: i.number, url: i.html_url, state: i.state };
      }
    }
  });
  if (!found) {
    if (!issue.open) return { number: 0, url: "", action: "none" };
    const { data } = await call("POST issues", () =>
      client(ctx).rest.issues.create({ ...repoOf(ctx), title: clip(issue.title, 256), body, labels: [MONITOR_LABEL] }),
    );
    return { number: data.number, url: data.html_url, action: "opened" };
  }
  const old = found;
  if (!issue.open && old.state === "closed") return { number: old.number, url: old.url, action: "none" };
  const state = issue.open ? "open" : "closed";
  const { data } = await call(`PATCH issues/${old.number}`, () =>
    client(ctx).rest.issues.update({
      ...repoOf(ctx),
      issue_number: old.number,
      title: clip(issue.title, 256),
      body,
      state,
      ...(state === "closed" ? { state_reason: "completed" as const } : {}),
    }),
  );
  const action = !issue.open ? "closed" : old.state === "closed" ? "reopened" : "updated";
  return { number: data.number, url: data.html_url, action };
}

/** Starts a workflow by `workflow_dispatch` (POST actions/workflows/{workflow}/dispatches) on `ref`. */
export async function dispatchWorkflow(
  ctx: GitHubContext,
  d: { workflow: string; ref: string; inputs: Record<string, string> },
): Promise<void> {
  await call(`POST actions/workflows/${d.workflow}/dispatches`, () =>
    client(ctx).rest.actions.createWorkflowDispatch({
      ...repoOf(ctx),
      workflow_id: d.workflow,
      ref: d.ref,
      inputs: d.inputs,
    }),
  );
}
