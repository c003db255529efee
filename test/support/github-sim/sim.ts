/**
 * A stateful GitHub REST API simulator: a real HTTP server on 127.0.0.1 (free port) that Octokit talks to through
 * `baseUrl`. Every request it receives and every response it sends is checked against GitHub's official OpenAPI
 * description (./openapi.ts); violations are collected in `violations` and `assertClean()` fails the test on any.
 *
 * It holds repositories, users, collaborators, teams, pull requests (head sha, author, files), issue comments,
 * reviews, check runs (+ annotations) and commit statuses, paginates with Link headers as GitHub does, and can
 * inject faults (5xx, 403 rate limit) for fail-closed tests. Seed it from real webhook payloads (./webhooks.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type Operation, validateRequest, validateResponse } from "./openapi.ts";

type Json = any;

export type Permission = "admin" | "maintain" | "write" | "triage" | "read" | "none";
export type ReviewState = "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";

export interface SimReview {
  id: number;
  login: string;
  state: ReviewState;
  commitId: string;
  body: string;
  submittedAt?: string;
}
export interface SimComment {
  id: number;
  login: string;
  /** The GitHub App (slug) whose installation token wrote it; GitHub shows it as performed_via_github_app. */
  app?: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}
/** An issue (not a pull request): modelgate monitor's sticky issue of a model and environment. */
export interface SimIssue {
  number: number;
  login: string;
  app?: string;
  title: string;
  body: string;
  state: "open" | "closed";
  stateReason: string | null;
  labels: string[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}
/** A workflow_dispatch a token made (POST actions/workflows/{workflow}/dispatches). */
export interface SimDispatch {
  workflow: string;
  ref: string;
  inputs: Record<string, string>;
  by: string;
}
export interface SimCheckRun {
  id: number;
  name: string;
  /** The GitHub App (slug) whose installation token created it; GitHub shows it as the check run's `app`. */
  app: string | null;
  headSha: string;
  status: string;
  conclusion: string | null;
  title: string | null;
  summary: string | null;
  text: string | null;
  annotations: Json[];
  detailsUrl: string | null;
  startedAt: string;
  completedAt: string | null;
}
export interface SimStatus {
  id: number;
  creator: string;
  sha: string;
  state: string;
  description: string | null;
  context: string;
  targetUrl: string | null;
  createdAt: string;
}
/** A review of a workflow run's deployment to environments (the environment's required reviewers). */
export interface SimEnvironmentReview {
  user: string;
  state: "approved" | "rejected" | "pending";
  comment: string;
  environments: string[];
}
/** An annotated tag object as GitHub holds it, with its signature's verification. */
export interface SimTag {
  sha: string;
  tag: string;
  message: string;
  tagger: { name: string; email: string; date: string };
  object: { sha: string; type: string };
  verification: { verified: boolean; reason: string; signature: string | null; payload: string | null };
}

/**
 * A push to a branch, as the repository's activity log holds it (GET /repos/{owner}/{repo}/activity): who pushed
 * (`actor`, authenticated by GitHub), and the branch's commit before and after.
 */
export interface SimActivity {
  id: number;
  ref: string;
  before: string;
  after: string;
  actor: string;
  activityType: "push" | "force_push" | "branch_creation" | "branch_deletion" | "pr_merge" | "merge_queue_merge";
  timestamp: string;
}

export interface SimPull {
  number: number;
  author: string;
  headSha: string;
  headRef: string;
  /** The repository the head branch is in: the base repository, or a fork of it. */
  headRepo: string;
  baseRef: string;
  baseSha: string;
  title: string;
  files: string[];
  state: "open" | "closed";
  /** Set by merge(): the commit the merge made on the base branch, and who merged. */
  mergeCommitSha?: string;
  mergedBy?: string;
  mergedAt?: string;
  template?: Json;
}
interface Repo {
  owner: string;
  name: string;
  /** The repository this one is a fork of. */
  forkOf?: string;
  id: number;
  template?: Json;
  collaborators: Map<string, Permission>;
  pulls: Map<number, SimPull>;
  reviews: Map<number, SimReview[]>;
  comments: Map<number, SimComment[]>;
  issues: Map<number, SimIssue>;
  dispatches: SimDispatch[];
  checkRuns: SimCheckRun[];
  statuses: SimStatus[];
  commits: Map<string, SimCommit>;
  activities: SimActivity[];
}

export interface SimCommit {
  sha: string;
  message: string;
  author: string;
  /** The committer's login (default: the author). */
  committer: string;
  parents: string[];
  date: string;
}

export interface Fault {
  method?: string;
  /** Matched against the path (without the API prefix). */
  path?: RegExp;
  status: number;
  /** How many requests fail; default: every matching one. */
  times?: number;
  /** A primary rate limit: 403 with x-ratelimit-remaining: 0. */
  rateLimit?: boolean;
  /** Seconds in a Retry-After header of the answer (429 or 403 secondary rate limit, 503). */
  retryAfter?: number;
  /** The message of the answer (default "Server Error"). */
  message?: string;
  /** Answer only after this many ms (a hung GitHub: longer than the client's timeout). */
  delayMs?: number;
  /** Answer 200 with this raw body and content type instead (garbage from a proxy). */
  raw?: { body: string; contentType: string };
}

/**
 * Who a token acts as. An installation token of a GitHub App (GITHUB_TOKEN is one, of the app "github-actions") acts
 * as the app's bot user `<slug>[bot]` and cannot call GET /user; a personal access token acts as its user.
 */
export interface TokenIdentity {
  login: string;
  /** The app's slug, for an installation token. */
  app?: string;
}

export interface SimOptions {
  /** Serve under a path prefix, as GitHub Enterprise Server does with /api/v3. */
  prefix?: string;
  /** The token requests must carry. */
  token?: string;
}

const DOCS = "https://docs.github.com/rest";

export class GitHubSim {
  readonly violations: string[] = [];
  readonly log: { method: string; path: string; status: number }[] = [];
  readonly token: string;
  url = "";
  /** Called after each request is answered: tests use it to change state mid-run (a review lands, a push). */
  onRequest?: (req: { method: string; path: string; status: number }) => void;
  /** Delay before answering each request, to widen race windows in concurrency tests. */
  latencyMs = 0;
  private server?: Server;
  private readonly prefix: string;
  private readonly repos = new Map<string, Repo>();
  private readonly users = new Map<string, { id: number; type: "User" | "Bot" }>();
  private readonly teams = new Map<string, Set<string>>();
  private readonly faults: Fault[] = [];
  private readonly tokens = new Map<string, TokenIdentity>();
  /** Environment reviews per `owner/repo#runId`. */
  private readonly runReviews = new Map<string, SimEnvironmentReview[]>();
  /** Annotated tag objects per `owner/repo@sha`. */
  private readonly tagObjects = new Map<string, SimTag>();
  /** Resolves a branch of a repository to its head commit (pulls/create); tests point it at a real git remote. */
  resolveBranch?: (fullName: string, branch: string) => string | undefined;
  /** A file's bytes at a commit of a repository (contents API); tests point it at a real git repository. */
  readFile?: (fullName: string, ref: string, path: string) => Buffer | undefined;
  private nextId = 1000;
  private clock = Date.parse("2026-01-05T10:00:00Z");

  constructor(opts: SimOptions = {}) {
    this.prefix = opts.prefix ?? "";
    this.token = opts.token ?? "ghs_simulatortoken000000000000000000";
    this.addToken(this.token, { login: "github-actions[bot]", app: "github-actions" });
  }

  /** Another token the simulator accepts, acting as `identity`. */
  addToken(token: string, identity: TokenIdentity): void {
    if (identity.login === "github-actions[bot]") this.addUser(identity.login, "Bot", 41898282);
    else this.addUser(identity.login, identity.app ? "Bot" : "User");
    this.tokens.set(token, identity);
  }

  static async start(opts: SimOptions = {}): Promise<GitHubSim> {
    const sim = new GitHubSim(opts);
    await sim.listen();
    return sim;
  }

  private listen(): Promise<void> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err) => {
        this.violations.push(`simulator crashed on ${req.method} ${req.url}: ${(err as Error).stack}`);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    return new Promise((resolve) => {
      this.server!.listen(0, "127.0.0.1", () => {
        const { port } = this.server!.address() as AddressInfo;
        this.url = `http://127.0.0.1:${port}${this.prefix}`;
        resolve();
      });
    });
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** Throws when any request or response broke GitHub's API contract. */
  assertClean(): void {
    if (this.violations.length > 0) {
      const list = this.violations.splice(0);
      throw new Error(`GitHub API contract violations:\n${list.join("\n")}`);
    }
  }

  // ---- seeding ---------------------------------------------------------------------------------------------

  /** A timestamp that moves forward one minute per call, so review order is unambiguous. */
  tick(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  addUser(login: string, type: "User" | "Bot" = login.endsWith("[bot]") ? "Bot" : "User", id?: number): void {
    if (!this.users.has(login)) this.users.set(login, { id: id ?? this.nextId++, type });
  }

  addRepo(fullName: string, template?: Json): void {
    const [owner, name] = fullName.split("/");
    if (this.repos.has(fullName)) return;
    this.addUser(owner);
    this.repos.set(fullName, {
      owner,
      name,
      id: template?.id ?? this.nextId++,
      template,
      collaborators: new Map([[owner, "admin"]]),
      pulls: new Map(),
      reviews: new Map(),
      comments: new Map(),
      issues: new Map(),
      dispatches: [],
      checkRuns: [],
      statuses: [],
      commits: new Map(),
      activities: [],
    });
  }

  addCollaborator(fullName: string, login: string, permission: Permission): void {
    this.addUser(login);
    this.repo(fullName).collaborators.set(login, permission);
  }

  addTeam(orgTeam: string, members: string[]): void {
    for (const m of members) this.addUser(m);
    this.teams.set(orgTeam.toLowerCase(), new Set(members));
  }

  openPull(
    fullName: string,
    pr: {
      number: number;
      author: string;
      headSha: string;
      files?: string[];
      title?: string;
      template?: Json;
      /** OWNER/NAME of a fork the head branch is in (default: the base repository itself). */
      fork?: string;
      /** The base branch's commit (default: the template's base.sha, else f…f). */
      baseSha?: string;
    },
  ): SimPull {
    this.addRepo(fullName);
    this.addUser(pr.author);
    if (pr.fork) {
      this.addRepo(pr.fork);
      this.repo(pr.fork).forkOf = fullName;
    }
    const pull: SimPull = {
      number: pr.number,
      author: pr.author,
      headSha: pr.headSha,
      headRef: pr.template?.head?.ref ?? "change",
      headRepo: pr.fork ?? fullName,
      baseRef: pr.template?.base?.ref ?? "main",
      baseSha: pr.baseSha ?? pr.template?.base?.sha ?? "f".repeat(40),
      title: pr.title ?? pr.template?.title ?? "A model change",
      files: pr.files ?? [],
      state: "open",
      template: pr.template,
    };
    this.repo(fullName).pulls.set(pr.number, pull);
    this.addCommit(fullName, { sha: pr.headSha, author: pr.author, message: pull.title, parents: [pull.baseSha] });
    this.addActivity(pull.headRepo, {
      ref: `refs/heads/${pull.headRef}`,
      before: "0".repeat(40),
      after: pr.headSha,
      actor: pr.author,
      activityType: "branch_creation",
    });
    return pull;
  }

  /** Merges the pull request: its merge commit on the base branch, by `by`. */
  merge(fullName: string, number: number, mergeSha: string, by: string): void {
    const pull = this.pull(fullName, number);
    this.addUser(by);
    this.addCommit(fullName, {
      sha: mergeSha,
      author: by,
      message: `Merge pull request #${number}`,
      parents: [pull.baseSha, pull.headSha],
    });
    pull.state = "closed";
    pull.mergeCommitSha = mergeSha;
    pull.mergedBy = by;
    pull.mergedAt = this.tick();
  }

  /**
   * A new commit on the pull request's branch, pushed by `by` (default: the PR's author) and authored by `author`
   * (default: the pusher); the push goes into the head repository's activity log.
   */
  push(
    fullName: string,
    number: number,
    sha: string,
    opts: { by?: string; author?: string; committer?: string } = {},
  ): void {
    const pull = this.pull(fullName, number);
    const by = opts.by ?? pull.author;
    const author = opts.author ?? by;
    this.addCommit(fullName, {
      sha,
      author,
      committer: opts.committer ?? author,
      message: "more changes",
      parents: [pull.headSha],
    });
    this.addActivity(pull.headRepo, {
      ref: `refs/heads/${pull.headRef}`,
      before: pull.headSha,
      after: sha,
      actor: by,
      activityType: "push",
    });
    pull.headSha = sha;
  }

  /** An entry of a repository's activity log (pushes and other changes of its branches). */
  addActivity(fullName: string, a: Omit<SimActivity, "id" | "timestamp">): SimActivity {
    this.addUser(a.actor);
    const activity: SimActivity = { id: this.nextId++, timestamp: this.tick(), ...a };
    this.repo(fullName).activities.push(activity);
    return activity;
  }

  addCommit(
    fullName: string,
    c: { sha: string; author: string; committer?: string; message?: string; parents?: string[] },
  ): SimCommit {
    this.addUser(c.author);
    if (c.committer) this.addUser(c.committer);
    const commit: SimCommit = {
      sha: c.sha,
      author: c.author,
      committer: c.committer ?? c.author,
      message: c.message ?? "a commit",
      parents: c.parents ?? [],
      date: this.tick(),
    };
    this.repo(fullName).commits.set(c.sha, commit);
    return commit;
  }

  submitReview(
    fullName: string,
    number: number,
    r: { login: string; state: ReviewState; commitId?: string; body?: string; id?: number },
  ): SimReview {
    this.addUser(r.login);
    const pull = this.pull(fullName, number);
    const review: SimReview = {
      id: r.id ?? this.nextId++,
      login: r.login,
      state: r.state,
      commitId: r.commitId ?? pull.headSha,
      body: r.body ?? "",
      submittedAt: r.state === "PENDING" ? undefined : this.tick(),
    };
    const list = this.repo(fullName).reviews.get(number) ?? [];
    list.push(review);
    this.repo(fullName).reviews.set(number, list);
    return review;
  }

  dismissReview(fullName: string, number: number, reviewId: number): void {
    const r = this.reviews(fullName, number).find((x) => x.id === reviewId);
    if (!r) throw new Error(`no review ${reviewId}`);
    r.state = "DISMISSED";
  }

  addComment(fullName: string, number: number, login: string, body: string, app?: string): SimComment {
    this.addUser(login);
    const now = this.tick();
    const c: SimComment = { id: this.nextId++, login, ...(app ? { app } : {}), body, createdAt: now, updatedAt: now };
    const list = this.repo(fullName).comments.get(number) ?? [];
    list.push(c);
    this.repo(fullName).comments.set(number, list);
    return c;
  }

  fail(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  /** A reviewer of the run's environment approves or rejects its deployment (GitHub's "Review deployments"). */
  reviewDeployment(fullName: string, runId: number, review: SimEnvironmentReview): void {
    this.repo(fullName);
    this.addUser(review.user);
    const key = `${fullName}#${runId}`;
    this.runReviews.set(key, [...(this.runReviews.get(key) ?? []), review]);
  }

  /** An annotated tag object pushed to the repository; `verified` is what GitHub concluded of its signature. */
  addTag(
    fullName: string,
    tag: Omit<SimTag, "verification"> & { verification?: Partial<SimTag["verification"]> },
  ): void {
    this.repo(fullName);
    const v = tag.verification ?? {};
    this.tagObjects.set(`${fullName}@${tag.sha}`, {
      ...tag,
      verification: {
        verified: v.verified ?? false,
        reason: v.reason ?? "unsigned",
        signature: v.signature ?? null,
        payload: v.payload ?? null,
      },
    });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  // ---- inspection ------------------------------------------------------------------------------------------

  pull(fullName: string, number: number): SimPull {
    const p = this.repo(fullName).pulls.get(number);
    if (!p) throw new Error(`no pull request ${fullName}#${number}`);
    return p;
  }
  reviews(fullName: string, number: number): SimReview[] {
    return this.repo(fullName).reviews.get(number) ?? [];
  }
  comments(fullName: string, number: number): SimComment[] {
    return this.repo(fullName).comments.get(number) ?? [];
  }
  /** The repository's issues (not pull requests), by number. */
  issues(fullName: string): SimIssue[] {
    return [...this.repo(fullName).issues.values()].sort((a, b) => a.number - b.number);
  }
  /** The workflow dispatches made on the repository, oldest first. */
  dispatches(fullName: string): SimDispatch[] {
    return this.repo(fullName).dispatches;
  }
  checkRuns(fullName: string): SimCheckRun[] {
    return this.repo(fullName).checkRuns;
  }
  statuses(fullName: string, sha?: string): SimStatus[] {
    return this.repo(fullName).statuses.filter((s) => !sha || s.sha === sha);
  }
  /** The latest status per context on a commit, as branch protection sees it. */
  status(fullName: string, sha: string, context: string): SimStatus | undefined {
    return this.statuses(fullName, sha)
      .filter((s) => s.context === context)
      .at(-1);
  }

  private repo(fullName: string): Repo {
    const r = this.repos.get(fullName);
    if (!r) throw new Error(`no repository ${fullName} in the simulator`);
    return r;
  }

  // ---- HTTP ------------------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://sim");
    const method = req.method ?? "GET";
    let pathname = url.pathname;
    if (this.prefix) {
      if (!pathname.startsWith(`${this.prefix}/`)) {
        this.violations.push(`${method} ${pathname}: request outside the API prefix ${this.prefix}`);
        return this.send(res, 404, { message: "Not Found" });
      }
      pathname = pathname.slice(this.prefix.length);
    }
    if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
    let body: unknown;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        this.violations.push(`${method} ${pathname}: request body is not JSON`);
      }
    }
    const where = `${method} ${pathname}`;
    const auth = req.headers.authorization ?? "";
    const who = this.tokens.get(auth.replace(/^(?:token|Bearer) /, ""));
    if (!who || !/^(?:token|Bearer) /.test(auth)) {
      this.violations.push(`${where}: missing or wrong Authorization header`);
      this.log.push({ method, path: pathname, status: 401 });
      return this.send(res, 401, { message: "Bad credentials", documentation_url: DOCS });
    }

    const checked = validateRequest({ method, pathname, query: url.searchParams, body, hasBody: raw !== "" });
    this.violations.push(...checked.violations);

    const fault = this.faults.find(
      (f) => (!f.method || f.method === method) && (!f.path || f.path.test(pathname)) && (f.times ?? 1) > 0,
    );
    if (fault) {
      if (fault.times !== undefined) fault.times--;
      this.log.push({ method, path: pathname, status: fault.status });
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (res.destroyed) return;
      if (fault.raw) {
        res.writeHead(200, { "content-type": fault.raw.contentType });
        res.end(fault.raw.body);
        return;
      }
      if (fault.rateLimit) {
        const reset = Math.floor(Date.now() / 1000) + 3600;
        return this.send(
          res,
          403,
          { message: "API rate limit exceeded for installation ID 1.", documentation_url: DOCS },
          { "x-ratelimit-limit": "5000", "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) },
        );
      }
      return this.send(
        res,
        fault.status,
        { message: fault.message ?? "Server Error", documentation_url: DOCS },
        fault.retryAfter !== undefined ? { "retry-after": String(fault.retryAfter) } : {},
      );
    }
    if (!checked.op) {
      this.log.push({ method, path: pathname, status: 404 });
      return this.send(res, 404, { message: "Not Found", documentation_url: DOCS });
    }
    const out = this.route(checked.op, checked.params, url, body, who);
    const violations = validateResponse(checked.op, out.status, out.body, where);
    this.violations.push(...violations);
    this.log.push({ method, path: pathname, status: out.status });
    this.send(res, out.status, out.body, out.headers);
    this.onRequest?.({ method, path: pathname, status: out.status });
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = body === undefined ? "" : JSON.stringify(body);
    res.writeHead(status, {
      ...(text ? { "content-type": "application/json; charset=utf-8" } : {}),
      "x-github-api-version-selected": "2022-11-28",
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": "4999",
      ...headers,
    });
    res.end(text);
  }

  private route(op: Operation, p: Record<string, string>, url: URL, body: Json, who: TokenIdentity): Reply {
    const full = `${p.owner}/${p.repo}`;
    const repo = this.repos.get(full);
    const needRepo = "owner" in p && "repo" in p;
    if (needRepo && !repo) return notFound();
    const r = repo as Repo;
    switch (op.operationId) {
      case "users/get-authenticated":
        // GitHub Apps' installation tokens have no user: GitHub answers 403 (GET /user is a user-to-server endpoint).
        if (who.app) {
          return {
            status: 403,
            body: {
              message: "Resource not accessible by integration",
              documentation_url: "https://docs.github.com/rest/users/users#get-the-authenticated-user",
              status: "403",
            },
          };
        }
        return ok(this.publicUserObj(who.login));
      case "repos/get":
        return ok(this.repoObj(r));
      case "pulls/get": {
        const pull = r.pulls.get(Number(p.pull_number));
        return pull ? ok(this.pullObj(r, pull)) : notFound();
      }
      case "pulls/list": {
        // state (default open) and head ("owner:branch") filters, newest first as GitHub sorts by default
        const state = url.searchParams.get("state") ?? "open";
        const head = url.searchParams.get("head");
        const list = [...r.pulls.values()]
          .filter((x) => state === "all" || x.state === state)
          .filter((x) => !head || head === `${x.headRepo.split("/")[0]}:${x.headRef}`)
          .filter((x) => !url.searchParams.get("base") || x.baseRef === url.searchParams.get("base"))
          .sort((a, b) => b.number - a.number)
          .map((x) => this.pullObj(r, x));
        return this.page(url, list, 30, 100);
      }
      case "pulls/list-files": {
        const pull = r.pulls.get(Number(p.pull_number));
        if (!pull) return notFound();
        return this.page(
          url,
          pull.files.map((f, i) => this.fileObj(r, pull, f, i)),
          30,
          100,
        );
      }
      case "pulls/list-reviews": {
        const pull = r.pulls.get(Number(p.pull_number));
        if (!pull) return notFound();
        const list = (r.reviews.get(pull.number) ?? []).map((x) => this.reviewObj(r, pull, x));
        return this.page(url, list, 30, 100);
      }
      case "issues/list-comments": {
        const list = (r.comments.get(Number(p.issue_number)) ?? []).map((c) =>
          this.commentObj(r, Number(p.issue_number), c),
        );
        return this.page(url, list, 30, 100);
      }
      case "issues/create-comment": {
        const n = Number(p.issue_number);
        if (!r.pulls.has(n)) return notFound();
        if (typeof body?.body !== "string" || body.body.length > 65536) {
          return unprocessable("body is too long (maximum is 65536 characters)");
        }
        const c = this.addComment(full, n, this.tokenUser(who), body.body, who.app);
        return { status: 201, body: this.commentObj(r, n, c) };
      }
      case "issues/update-comment":
      case "issues/get-comment":
      case "issues/delete-comment": {
        const id = Number(p.comment_id);
        for (const [n, list] of r.comments) {
          const i = list.findIndex((c) => c.id === id);
          if (i < 0) continue;
          if (op.operationId === "issues/get-comment") return ok(this.commentObj(r, n, list[i]));
          if (op.operationId === "issues/delete-comment") {
            list.splice(i, 1);
            return { status: 204, body: undefined };
          }
          if (typeof body?.body !== "string" || body.body.length > 65536) {
            return unprocessable("body is too long (maximum is 65536 characters)");
          }
          list[i].body = body.body;
          list[i].updatedAt = this.tick();
          return ok(this.commentObj(r, n, list[i]));
        }
        return notFound();
      }
      case "checks/create": {
        if (!who.app) {
          return {
            status: 403,
            body: {
              message: "You must authenticate via a GitHub App.",
              documentation_url: "https://docs.github.com/rest/checks/runs#create-a-check-run",
              status: "403",
            },
          };
        }
        const now = this.tick();
        const run: SimCheckRun = {
          id: this.nextId++,
          name: body.name,
          // GitHub refuses check runs from anything but an app's installation token (a personal token gets 403).
          app: who.app ?? null,
          headSha: body.head_sha,
          status: body.conclusion ? "completed" : (body.status ?? "queued"),
          conclusion: body.conclusion ?? null,
          title: null,
          summary: null,
          text: null,
          annotations: [],
          detailsUrl: body.details_url ?? null,
          startedAt: body.started_at ?? now,
          completedAt: body.conclusion ? (body.completed_at ?? now) : null,
        };
        const bad = applyOutput(run, body.output);
        if (bad) return unprocessable(bad);
        r.checkRuns.push(run);
        return { status: 201, body: this.checkRunObj(r, run) };
      }
      case "checks/update":
      case "checks/get": {
        const run = r.checkRuns.find((c) => c.id === Number(p.check_run_id));
        if (!run) return notFound();
        if (op.operationId === "checks/update") {
          if (body.name) run.name = body.name;
          if (body.status) run.status = body.status;
          if (body.conclusion) {
            run.conclusion = body.conclusion;
            run.status = "completed";
            run.completedAt = body.completed_at ?? this.tick();
          }
          if (body.details_url) run.detailsUrl = body.details_url;
          const bad = applyOutput(run, body.output);
          if (bad) return unprocessable(bad);
        }
        return ok(this.checkRunObj(r, run));
      }
      case "checks/list-for-ref": {
        const name = url.searchParams.get("check_name");
        const list = r.checkRuns
          .filter((c) => c.headSha === p.ref && (!name || c.name === name))
          .reverse()
          .map((c) => this.checkRunObj(r, c));
        const paged = this.page(url, list, 30, 100);
        return { ...paged, body: { total_count: list.length, check_runs: paged.body } };
      }
      case "checks/list-annotations": {
        const run = r.checkRuns.find((c) => c.id === Number(p.check_run_id));
        if (!run) return notFound();
        return this.page(
          url,
          run.annotations.map((a) => this.annotationObj(r, run, a)),
          30,
          100,
        );
      }
      case "repos/create-commit-status": {
        if (!r.commits.has(p.sha)) return unprocessable(`No commit found for SHA: ${p.sha}`);
        if (body.description && body.description.length > 140) {
          return unprocessable("description is too long (maximum is 140 characters)");
        }
        const s: SimStatus = {
          id: this.nextId++,
          creator: this.tokenUser(who),
          sha: p.sha,
          state: body.state,
          description: body.description ?? null,
          context: body.context ?? "default",
          targetUrl: body.target_url ?? null,
          createdAt: this.tick(),
        };
        r.statuses.push(s);
        return { status: 201, body: this.statusObj(r, s) };
      }
      case "repos/list-commit-statuses-for-ref": {
        const list = r.statuses
          .filter((s) => s.sha === p.ref)
          .reverse()
          .map((s) => this.statusObj(r, s));
        return this.page(url, list, 30, 100);
      }
      case "repos/list-pull-requests-associated-with-commit": {
        const list = [...r.pulls.values()]
          .filter((x) => x.headSha === p.commit_sha || x.mergeCommitSha === p.commit_sha)
          .map((x) => this.pullObj(r, x));
        return this.page(url, list, 30, 100);
      }
      case "repos/get-commit": {
        const c = this.findCommit(r, p.ref);
        return c ? ok(this.commitObj(r, c)) : unprocessable(`No commit found for SHA: ${p.ref}`);
      }
      case "repos/get-combined-status-for-ref": {
        const c = this.findCommit(r, p.ref);
        if (!c) return notFound();
        const latest = new Map<string, SimStatus>();
        for (const st of r.statuses) if (st.sha === c.sha) latest.set(st.context, st);
        const list = [...latest.values()];
        const state = list.some((x) => x.state === "failure" || x.state === "error")
          ? "failure"
          : list.length === 0 || list.some((x) => x.state === "pending")
            ? "pending"
            : "success";
        const paged = this.page(
          url,
          list.map((st) => this.simpleStatusObj(r, st)),
          100,
          100,
        );
        const api = this.api(`/repos/${full}/commits/${c.sha}`);
        return {
          ...paged,
          body: {
            state,
            statuses: paged.body,
            sha: c.sha,
            total_count: list.length,
            repository: this.repoObj(r),
            commit_url: api,
            url: `${api}/status`,
          },
        };
      }
      case "repos/get-collaborator-permission-level": {
        const login = p.username;
        if (!this.users.has(login)) return notFound();
        const perm = r.collaborators.get(login) ?? "none";
        const permission = perm === "maintain" ? "write" : perm === "triage" ? "read" : perm;
        return ok({
          permission,
          role_name: perm,
          user: { ...this.userObj(login), role_name: perm },
        });
      }
      case "teams/list-members-in-org": {
        const members = this.teams.get(`${p.org}/${p.team_slug}`.toLowerCase());
        if (!members) return notFound();
        return this.page(
          url,
          [...members].map((m) => this.userObj(m)),
          30,
          100,
        );
      }
      case "actions/get-reviews-for-run": {
        const list = this.runReviews.get(`${full}#${Number(p.run_id)}`) ?? [];
        return ok(
          list.map((x) => ({
            environments: x.environments.map((name, j) => ({
              id: 56780000 + j,
              node_id: `EN_sim${j}`,
              name,
              url: this.api(`/repos/${full}/environments/${encodeURIComponent(name)}`),
              html_url: `https://github.com/${full}/deployments/activity_log?environments_filter=${encodeURIComponent(name)}`,
              created_at: "2025-01-01T00:00:00Z",
              updated_at: "2025-01-01T00:00:00Z",
            })),
            state: x.state,
            user: this.userObj(x.user),
            comment: x.comment,
          })),
        );
      }
      case "git/get-tag": {
        const t = this.tagObjects.get(`${full}@${p.tag_sha}`);
        if (!t) return notFound();
        const api = this.api(`/repos/${full}/git`);
        return ok({
          node_id: `TAG_sim${t.sha.slice(0, 8)}`,
          tag: t.tag,
          sha: t.sha,
          url: `${api}/tags/${t.sha}`,
          message: t.message,
          tagger: t.tagger,
          object: { ...t.object, url: `${api}/${t.object.type}s/${t.object.sha}` },
          verification: { ...t.verification, verified_at: t.verification.verified ? t.tagger.date : null },
        });
      }
      case "repos/list-activities": {
        // Newest first (direction=desc, GitHub's default), filtered by ref, actor and activity type; cursor
        // pagination (`after` / `before`) as GitHub's Link headers give it.
        const q = url.searchParams;
        const ref = q.get("ref");
        const fullRef = ref && !ref.startsWith("refs/") ? `refs/heads/${ref}` : ref;
        let list = [...r.activities]
          .filter((a) => !fullRef || a.ref === fullRef)
          .filter((a) => !q.get("actor") || a.actor === q.get("actor"))
          .filter((a) => !q.get("activity_type") || a.activityType === q.get("activity_type"));
        if (q.get("direction") !== "asc") list = list.reverse();
        const perPage = Math.min(Number(q.get("per_page") ?? 30) || 30, 100);
        const start = q.get("after") ? Number(q.get("after")) : 0;
        const pageItems = list.slice(start, start + perPage);
        const headers: Record<string, string> = {};
        if (start + perPage < list.length) {
          const next = new URL(this.url + url.pathname.slice(this.prefix.length));
          q.forEach((v, k) => {
            next.searchParams.set(k, v);
          });
          next.searchParams.set("after", String(start + perPage));
          headers.link = `<${next}>; rel="next"`;
        }
        return {
          status: 200,
          headers,
          body: pageItems.map((a) => ({
            id: a.id,
            node_id: `RA_sim${a.id}`,
            before: a.before,
            after: a.after,
            ref: a.ref,
            timestamp: a.timestamp,
            activity_type: a.activityType,
            actor: this.userObj(a.actor),
          })),
        };
      }
      case "pulls/list-commits": {
        // The commits from the base to the head, oldest first (at most 250, as GitHub lists them).
        const pull = r.pulls.get(Number(p.pull_number));
        if (!pull) return notFound();
        const chain: SimCommit[] = [];
        const seen = new Set<string>();
        const walk = [pull.headSha];
        while (walk.length) {
          const sha = walk.pop()!;
          if (sha === pull.baseSha || seen.has(sha)) continue;
          seen.add(sha);
          const c = r.commits.get(sha) ?? this.repos.get(pull.headRepo)?.commits.get(sha);
          if (!c) continue;
          chain.push(c);
          walk.push(...c.parents);
        }
        const list = chain
          .reverse()
          .slice(0, 250)
          .map((c) => this.commitObj(r, c));
        return this.page(url, list, 30, 100);
      }
      case "repos/get-content": {
        const ref = url.searchParams.get("ref") ?? "main";
        const bytes = this.readFile?.(full, ref, p.path);
        if (!bytes) return notFound();
        const api = this.api(`/repos/${full}`);
        const sha = `${bytes.length.toString(16).padStart(8, "0")}${"0".repeat(32)}`;
        const self = `${api}/contents/${p.path}?ref=${ref}`;
        const html = `https://github.com/${full}/blob/${ref}/${p.path}`;
        const git = `${api}/git/blobs/${sha}`;
        return ok({
          type: "file",
          encoding: "base64",
          size: bytes.length,
          name: p.path.split("/").pop(),
          path: p.path,
          content: bytes.toString("base64"),
          sha,
          url: self,
          git_url: git,
          html_url: html,
          download_url: `https://raw.githubusercontent.com/${full}/${ref}/${p.path}`,
          _links: { self, git, html },
        });
      }
      case "issues/list-for-repo": {
        const state = url.searchParams.get("state") ?? "open";
        const labels = (url.searchParams.get("labels") ?? "").split(",").filter(Boolean);
        const creator = url.searchParams.get("creator");
        const desc = (url.searchParams.get("direction") ?? "desc") === "desc";
        const list = [...r.issues.values()]
          .filter((i) => state === "all" || i.state === state)
          .filter((i) => labels.every((l) => i.labels.includes(l)))
          .filter((i) => !creator || i.login === creator)
          .sort((a, b) => (desc ? b.number - a.number : a.number - b.number))
          .map((i) => this.issueObj(r, i));
        return this.page(url, list, 30, 100);
      }
      case "issues/create": {
        if (typeof body?.title !== "string" || body.title === "") return unprocessable("title is missing");
        if (typeof body.body === "string" && body.body.length > 65536) {
          return unprocessable("body is too long (maximum is 65536 characters)");
        }
        const now = this.tick();
        const number = Math.max(0, ...r.pulls.keys(), ...r.issues.keys()) + 1;
        const issue: SimIssue = {
          number,
          login: this.tokenUser(who),
          ...(who.app ? { app: who.app } : {}),
          title: body.title,
          body: body.body ?? "",
          state: "open",
          stateReason: null,
          labels: (body.labels ?? []).map((l: Json) => (typeof l === "string" ? l : l.name)),
          createdAt: now,
          updatedAt: now,
          closedAt: null,
        };
        r.issues.set(number, issue);
        return { status: 201, body: this.issueObj(r, issue) };
      }
      case "issues/get":
      case "issues/update": {
        const issue = r.issues.get(Number(p.issue_number));
        if (!issue) return notFound();
        if (op.operationId === "issues/update") {
          if (typeof body?.body === "string" && body.body.length > 65536) {
            return unprocessable("body is too long (maximum is 65536 characters)");
          }
          if (typeof body?.title === "string") issue.title = body.title;
          if (typeof body?.body === "string") issue.body = body.body;
          if (Array.isArray(body?.labels))
            issue.labels = body.labels.map((l: Json) => (typeof l === "string" ? l : l.name));
          if (body?.state === "open" || body?.state === "closed") {
            if (body.state !== issue.state) issue.closedAt = body.state === "closed" ? this.tick() : null;
            issue.state = body.state;
            issue.stateReason =
              body.state === "closed" ? (body.state_reason ?? "completed") : (body.state_reason ?? "reopened");
          }
          issue.updatedAt = this.tick();
        }
        return ok(this.issueObj(r, issue));
      }
      case "actions/create-workflow-dispatch": {
        if (typeof body?.ref !== "string") return unprocessable("ref is missing");
        r.dispatches.push({
          workflow: p.workflow_id,
          ref: body.ref,
          inputs: body.inputs ?? {},
          by: this.tokenUser(who),
        });
        return { status: 204, body: undefined };
      }
      case "pulls/create": {
        const headSha = this.resolveBranch?.(full, body.head);
        const baseSha = this.resolveBranch?.(full, body.base);
        if (!headSha || !baseSha) return unprocessable(`head or base branch not found: ${body.head} into ${body.base}`);
        const open = [...r.pulls.values()].find((x) => x.state === "open" && x.headRef === body.head);
        if (open) return unprocessable(`A pull request already exists for ${r.owner}:${body.head}.`);
        const number = Math.max(0, ...r.pulls.keys()) + 1;
        const pull = this.openPull(full, {
          number,
          author: this.tokenUser(who),
          headSha,
          title: body.title,
          template: { head: { ref: body.head }, base: { ref: body.base, sha: baseSha }, body: body.body ?? null },
        });
        return { status: 201, body: this.pullObj(r, pull) };
      }
      default:
        this.violations.push(`simulator does not implement ${op.operationId} (${op.method} ${op.template})`);
        return notFound();
    }
  }

  /** The user a request's token acts as (GITHUB_TOKEN: github-actions[bot]). */
  private tokenUser(who: TokenIdentity): string {
    this.addUser(who.login, who.app ? "Bot" : "User");
    return who.login;
  }

  private page(url: URL, items: Json[], def: number, max: number): Reply {
    const perPage = Math.min(Number(url.searchParams.get("per_page") ?? def) || def, max);
    const page = Math.max(Number(url.searchParams.get("page") ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const link = (n: number) => {
      const u = new URL(this.url + url.pathname.slice(this.prefix.length));
      url.searchParams.forEach((v, k) => {
        u.searchParams.set(k, v);
      });
      u.searchParams.set("per_page", String(perPage));
      u.searchParams.set("page", String(n));
      return u.toString();
    };
    const rels: string[] = [];
    if (page > 1) rels.push(`<${link(page - 1)}>; rel="prev"`);
    if (page < last) rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`);
    if (page > 1) rels.push(`<${link(1)}>; rel="first"`);
    return {
      status: 200,
      body: items.slice((page - 1) * perPage, page * perPage),
      headers: rels.length ? { link: rels.join(", ") } : {},
    };
  }

  // ---- REST shapes -----------------------------------------------------------------------------------------

  private api(path: string): string {
    return `https://api.github.com${path}`;
  }

  userObj(login: string): Json {
    const u = this.users.get(login) ?? { id: 0, type: "User" as const };
    const api = this.api(`/users/${encodeURIComponent(login)}`);
    return {
      login,
      id: u.id,
      node_id: Buffer.from(`04:User${u.id}`).toString("base64"),
      avatar_url: `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
      gravatar_id: "",
      url: api,
      html_url: `https://github.com/${encodeURIComponent(login)}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type: u.type,
      site_admin: false,
    };
  }

  private publicUserObj(login: string): Json {
    return {
      ...this.userObj(login),
      name: null,
      company: null,
      blog: "",
      location: null,
      email: null,
      hireable: null,
      bio: null,
      public_repos: 0,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: "2020-01-01T00:00:00Z",
      updated_at: "2020-01-01T00:00:00Z",
    };
  }

  /** A GitHub App as GitHub shows it on what its installation token wrote (performed_via_github_app). */
  private integrationObj(slug: string): Json {
    const id = slug === "github-actions" ? 15368 : 500_000 + slug.length;
    return {
      id,
      slug,
      node_id: `A_sim${id}`,
      owner: this.userObj(slug === "github-actions" ? "github" : slug),
      name: slug === "github-actions" ? "GitHub Actions" : slug,
      description: null,
      external_url: `https://github.com/apps/${slug}`,
      html_url: `https://github.com/apps/${slug}`,
      created_at: "2018-07-30T09:30:17Z",
      updated_at: "2019-12-10T19:04:12Z",
      permissions: { issues: "write", pull_requests: "write", checks: "write", statuses: "write" },
      events: [],
    };
  }

  private repoObj(r: Repo): Json {
    const full = `${r.owner}/${r.name}`;
    const base = this.api(`/repos/${full}`);
    const t = r.template ?? {};
    const obj: Json = {
      id: r.id,
      node_id: t.node_id ?? "R_sim",
      name: r.name,
      full_name: full,
      private: false,
      owner: this.userObj(r.owner),
      html_url: `https://github.com/${full}`,
      description: t.description ?? null,
      fork: Boolean(r.forkOf),
      url: base,
      created_at: "2025-01-01T00:00:00Z",
      updated_at: "2025-01-01T00:00:00Z",
      pushed_at: "2025-01-01T00:00:00Z",
      homepage: null,
      size: 0,
      stargazers_count: 0,
      watchers_count: 0,
      language: null,
      has_issues: true,
      has_projects: true,
      has_downloads: true,
      has_wiki: true,
      has_pages: false,
      has_discussions: false,
      forks_count: 0,
      mirror_url: null,
      archived: false,
      disabled: false,
      open_issues_count: 0,
      license: null,
      forks: 0,
      open_issues: 0,
      watchers: 0,
      default_branch: "main",
      network_count: 0,
      subscribers_count: 0,
      visibility: "public",
      topics: [],
      allow_forking: true,
      is_template: false,
      web_commit_signoff_required: false,
      clone_url: `https://github.com/${full}.git`,
      git_url: `git://github.com/${full}.git`,
      ssh_url: `git@github.com:${full}.git`,
      svn_url: `https://github.com/${full}`,
    };
    for (const k of URL_KEYS) obj[`${k}_url`] = `${base}/${k.replace(/_/g, "-")}`;
    return obj;
  }

  private pullObj(r: Repo, pull: SimPull): Json {
    const full = `${r.owner}/${r.name}`;
    const base = this.api(`/repos/${full}`);
    const t = pull.template ?? {};
    const repo = this.repoObj(r);
    const branch = (ref: string, sha: string, of: Repo = r) => ({
      label: `${of.owner}:${ref}`,
      ref,
      sha,
      user: this.userObj(of.owner),
      repo: of === r ? repo : this.repoObj(of),
    });
    const html = `https://github.com/${full}/pull/${pull.number}`;
    const link = (href: string) => ({ href });
    return {
      url: `${base}/pulls/${pull.number}`,
      id: t.id ?? 1_000_000 + pull.number,
      node_id: t.node_id ?? `PR_sim${pull.number}`,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: `${base}/issues/${pull.number}`,
      commits_url: `${base}/pulls/${pull.number}/commits`,
      review_comments_url: `${base}/pulls/${pull.number}/comments`,
      review_comment_url: `${base}/pulls/comments{/number}`,
      comments_url: `${base}/issues/${pull.number}/comments`,
      statuses_url: `${base}/statuses/${pull.headSha}`,
      number: pull.number,
      state: pull.state,
      locked: false,
      title: pull.title,
      user: this.userObj(pull.author),
      body: t.body ?? null,
      labels: [],
      milestone: null,
      active_lock_reason: null,
      created_at: t.created_at ?? "2026-01-05T09:00:00Z",
      updated_at: t.updated_at ?? "2026-01-05T09:00:00Z",
      closed_at: pull.mergedAt ?? null,
      merged_at: pull.mergedAt ?? null,
      merge_commit_sha: pull.mergeCommitSha ?? null,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: branch(pull.headRef, pull.headSha, this.repo(pull.headRepo)),
      base: branch(pull.baseRef, pull.baseSha),
      _links: {
        self: link(`${base}/pulls/${pull.number}`),
        html: link(html),
        issue: link(`${base}/issues/${pull.number}`),
        comments: link(`${base}/issues/${pull.number}/comments`),
        review_comments: link(`${base}/pulls/${pull.number}/comments`),
        review_comment: link(`${base}/pulls/comments{/number}`),
        commits: link(`${base}/pulls/${pull.number}/commits`),
        statuses: link(`${base}/statuses/${pull.headSha}`),
      },
      author_association: "CONTRIBUTOR",
      auto_merge: null,
      draft: false,
      merged: false,
      mergeable: null,
      rebaseable: null,
      mergeable_state: "unknown",
      merged_by: null,
      comments: (r.comments.get(pull.number) ?? []).length,
      review_comments: 0,
      maintainer_can_modify: false,
      commits: 1,
      additions: pull.files.length,
      deletions: 0,
      changed_files: pull.files.length,
    };
  }

  private fileObj(r: Repo, pull: SimPull, filename: string, i: number): Json {
    const full = `${r.owner}/${r.name}`;
    return {
      sha: i.toString(16).padStart(40, "0"),
      filename,
      status: "modified",
      additions: 1,
      deletions: 0,
      changes: 1,
      blob_url: `https://github.com/${full}/blob/${pull.headSha}/${filename}`,
      raw_url: `https://github.com/${full}/raw/${pull.headSha}/${filename}`,
      contents_url: this.api(`/repos/${full}/contents/${filename}?ref=${pull.headSha}`),
    };
  }

  private reviewObj(r: Repo, pull: SimPull, x: SimReview): Json {
    const full = `${r.owner}/${r.name}`;
    const html = `https://github.com/${full}/pull/${pull.number}#pullrequestreview-${x.id}`;
    const prUrl = this.api(`/repos/${full}/pulls/${pull.number}`);
    return {
      id: x.id,
      node_id: `PRR_sim${x.id}`,
      user: this.userObj(x.login),
      body: x.body,
      state: x.state,
      html_url: html,
      pull_request_url: prUrl,
      _links: { html: { href: html }, pull_request: { href: prUrl } },
      ...(x.submittedAt ? { submitted_at: x.submittedAt } : {}),
      commit_id: x.commitId,
      author_association: r.collaborators.has(x.login) ? "COLLABORATOR" : "NONE",
    };
  }

  private commentObj(r: Repo, n: number, c: SimComment): Json {
    const full = `${r.owner}/${r.name}`;
    return {
      id: c.id,
      node_id: `IC_sim${c.id}`,
      url: this.api(`/repos/${full}/issues/comments/${c.id}`),
      html_url: `https://github.com/${full}/pull/${n}#issuecomment-${c.id}`,
      body: c.body,
      user: this.userObj(c.login),
      performed_via_github_app: c.app ? this.integrationObj(c.app) : null,
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      issue_url: this.api(`/repos/${full}/issues/${n}`),
      author_association: c.login.endsWith("[bot]") ? "NONE" : "COLLABORATOR",
    };
  }

  private issueObj(r: Repo, i: SimIssue): Json {
    const full = `${r.owner}/${r.name}`;
    const api = this.api(`/repos/${full}/issues/${i.number}`);
    return {
      id: 2_000_000 + i.number,
      node_id: `I_sim${i.number}`,
      url: api,
      repository_url: this.api(`/repos/${full}`),
      labels_url: `${api}/labels{/name}`,
      comments_url: `${api}/comments`,
      events_url: `${api}/events`,
      html_url: `https://github.com/${full}/issues/${i.number}`,
      number: i.number,
      state: i.state,
      state_reason: i.stateReason,
      title: i.title,
      body: i.body,
      user: this.userObj(i.login),
      labels: i.labels.map((name, j) => ({
        id: 3_000_000 + j,
        node_id: `LA_sim${j}`,
        url: this.api(`/repos/${full}/labels/${encodeURIComponent(name)}`),
        name,
        description: null,
        color: "ededed",
        default: false,
      })),
      assignee: null,
      assignees: [],
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments: (r.comments.get(i.number) ?? []).length,
      closed_at: i.closedAt,
      created_at: i.createdAt,
      updated_at: i.updatedAt,
      author_association: i.login.endsWith("[bot]") ? "NONE" : "COLLABORATOR",
      performed_via_github_app: i.app ? this.integrationObj(i.app) : null,
    };
  }

  private checkRunObj(r: Repo, run: SimCheckRun): Json {
    const full = `${r.owner}/${r.name}`;
    const url = this.api(`/repos/${full}/check-runs/${run.id}`);
    return {
      id: run.id,
      head_sha: run.headSha,
      node_id: `CR_sim${run.id}`,
      external_id: "",
      url,
      html_url: `https://github.com/${full}/runs/${run.id}`,
      details_url: run.detailsUrl ?? `https://github.com/${full}/runs/${run.id}`,
      status: run.status,
      conclusion: run.conclusion,
      started_at: run.startedAt,
      completed_at: run.completedAt,
      output: {
        title: run.title,
        summary: run.summary,
        text: run.text,
        annotations_count: run.annotations.length,
        annotations_url: `${url}/annotations`,
      },
      name: run.name,
      check_suite: { id: 5000 },
      app: run.app ? this.integrationObj(run.app) : null,
      pull_requests: [],
    };
  }

  private annotationObj(r: Repo, run: SimCheckRun, a: Json): Json {
    return {
      path: a.path,
      blob_href: `https://github.com/${r.owner}/${r.name}/blob/${run.headSha}/${a.path}`,
      start_line: a.start_line,
      end_line: a.end_line,
      start_column: a.start_column ?? null,
      end_column: a.end_column ?? null,
      annotation_level: a.annotation_level,
      title: a.title ?? null,
      message: a.message,
      raw_details: a.raw_details ?? null,
    };
  }

  private findCommit(r: Repo, ref: string): SimCommit | undefined {
    const direct = r.commits.get(ref);
    if (direct) return direct;
    if (/^[0-9a-f]{7,39}$/.test(ref)) return [...r.commits.values()].find((c) => c.sha.startsWith(ref));
    const pull = [...r.pulls.values()].find((x) => x.headRef === ref);
    return pull ? r.commits.get(pull.headSha) : undefined;
  }

  private commitObj(r: Repo, c: SimCommit): Json {
    const full = `${r.owner}/${r.name}`;
    const api = this.api(`/repos/${full}`);
    const who = { name: c.author, email: `${c.author}@users.noreply.github.com`, date: c.date };
    const committer = { name: c.committer, email: `${c.committer}@users.noreply.github.com`, date: c.date };
    return {
      url: `${api}/commits/${c.sha}`,
      sha: c.sha,
      node_id: `C_sim${c.sha.slice(0, 8)}`,
      html_url: `https://github.com/${full}/commit/${c.sha}`,
      comments_url: `${api}/commits/${c.sha}/comments`,
      commit: {
        url: `${api}/git/commits/${c.sha}`,
        author: who,
        committer,
        message: c.message,
        comment_count: 0,
        tree: {
          sha: "4b825dc642cb6eb9a060e54bf8d69288fbee4904",
          url: `${api}/git/trees/4b825dc642cb6eb9a060e54bf8d69288fbee4904`,
        },
        verification: { verified: false, reason: "unsigned", payload: null, signature: null, verified_at: null },
      },
      author: this.userObj(c.author),
      committer: this.userObj(c.committer),
      parents: c.parents.map((sha) => ({
        sha,
        url: `${api}/commits/${sha}`,
        html_url: `https://github.com/${full}/commit/${sha}`,
      })),
      stats: { additions: 0, deletions: 0, total: 0 },
      files: [],
    };
  }

  private simpleStatusObj(r: Repo, s: SimStatus): Json {
    const { creator: _c, ...rest } = this.statusObj(r, s);
    return { ...rest, avatar_url: null, required: null };
  }

  private statusObj(r: Repo, s: SimStatus): Json {
    const creator = s.creator;
    return {
      url: this.api(`/repos/${r.owner}/${r.name}/statuses/${s.sha}`),
      avatar_url: null,
      id: s.id,
      node_id: `SC_sim${s.id}`,
      state: s.state,
      description: s.description,
      target_url: s.targetUrl,
      context: s.context,
      created_at: s.createdAt,
      updated_at: s.createdAt,
      creator: this.userObj(creator),
    };
  }
}

interface Reply {
  status: number;
  body: Json;
  headers?: Record<string, string>;
}
const ok = (body: Json): Reply => ({ status: 200, body });
const notFound = (): Reply => ({ status: 404, body: { message: "Not Found", documentation_url: DOCS } });
const unprocessable = (message: string): Reply => ({
  status: 422,
  body: {
    message: "Validation Failed",
    errors: [{ resource: "Resource", code: "custom", message }],
    documentation_url: DOCS,
  },
});

function applyOutput(run: SimCheckRun, output: Json): string | undefined {
  if (!output) return undefined;
  if (output.annotations && output.annotations.length > 50) return "Only 50 annotations are allowed per request";
  run.title = output.title ?? run.title;
  run.summary = output.summary ?? run.summary;
  run.text = output.text ?? run.text;
  // GitHub appends annotations on every update.
  for (const a of output.annotations ?? []) run.annotations.push(a);
  return undefined;
}

const URL_KEYS = [
  "archive",
  "assignees",
  "blobs",
  "branches",
  "collaborators",
  "comments",
  "commits",
  "compare",
  "contents",
  "contributors",
  "deployments",
  "downloads",
  "events",
  "forks",
  "git_commits",
  "git_refs",
  "git_tags",
  "issue_comment",
  "issue_events",
  "issues",
  "keys",
  "labels",
  "languages",
  "merges",
  "milestones",
  "notifications",
  "pulls",
  "releases",
  "stargazers",
  "statuses",
  "subscribers",
  "subscription",
  "tags",
  "teams",
  "trees",
  "hooks",
];
