import { readFileSync } from "node:fs";
import { UserError } from "../errors.ts";

/** Where modelgate talks to GitHub, and about what: built from the Actions environment or from flags. */
export interface GitHubContext {
  owner: string;
  repo: string;
  /** The pull request, from `--pr` or the event payload (pull_request, pull_request_review, issue_comment). */
  pr?: number;
  /** The head commit named by the event, if any (the API's current head is authoritative). */
  eventHeadSha?: string;
  /** REST API root, e.g. https://api.github.com or https://ghe.example.com/api/v3 (GITHUB_API_URL). */
  apiUrl: string;
  /** Web root, e.g. https://github.com (GITHUB_SERVER_URL), for links. */
  serverUrl: string;
  token: string;
  /**
   * The GitHub App whose installation token `token` is (its slug), when not the workflow's GITHUB_TOKEN: modelgate
   * then acts as `<slug>[bot]`. Installation tokens cannot ask GET /user who they are.
   */
  appSlug?: string;
  eventName?: string;
  event?: any;
  /** Link to the workflow run, when in Actions. */
  runUrl?: string;
  inActions: boolean;
  /** Test and tuning knobs for the HTTP client. */
  http?: ClientTuning;
}

export interface ClientTuning {
  /**
   * Base of the retry back-off in ms, doubled per retry and jittered (default 1000; MODELGATE_GITHUB_BACKOFF in
   * seconds); GitHub's Retry-After wins.
   */
  retryBaseMs?: number;
  /** Retries on no answer, 5xx and rate limits (default 5), all within `budgetMs`. */
  retries?: number;
  /** How long one request may wait for an answer (default 30 s; MODELGATE_GITHUB_TIMEOUT in seconds). */
  timeoutMs?: number;
  /** How long one request may take with all its retries and waits (default 300 s; MODELGATE_GITHUB_BUDGET). */
  budgetMs?: number;
  /** Space write requests one second apart, as GitHub asks of integrations (default true). */
  paceWrites?: boolean;
  /** Where each retry is said (default: stderr). */
  log?: (line: string) => void;
}

/**
 * ClientTuning from MODELGATE_GITHUB_TIMEOUT, MODELGATE_GITHUB_BUDGET and MODELGATE_GITHUB_BACKOFF (the first retry's
 * back-off) in seconds; a bad value is a UserError.
 */
export function tuningFromEnv(env: NodeJS.ProcessEnv): ClientTuning {
  const out: ClientTuning = {};
  for (const [name, key] of [
    ["MODELGATE_GITHUB_TIMEOUT", "timeoutMs"],
    ["MODELGATE_GITHUB_BUDGET", "budgetMs"],
    ["MODELGATE_GITHUB_BACKOFF", "retryBaseMs"],
  ] as const) {
    const v = env[name];
    if (v === undefined || v === "") continue;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0)
      throw new UserError(`${name}="${v}" is not a number of seconds above 0; set e.g. ${name}=60`);
    out[key] = Math.round(n * 1000);
  }
  return out;
}

export interface ContextFlags {
  /** OWNER/NAME */
  repo?: string;
  pr?: string | number;
  token?: string;
  /** The slug of the GitHub App that issued `token` (an installation token other than GITHUB_TOKEN). */
  appSlug?: string;
  http?: ClientTuning;
  /** How the command works without GitHub (e.g. "pass --facts FILE …"), said when the repository or token is missing. */
  offline?: string;
}

/**
 * Resolves the context: flags first, then GITHUB_REPOSITORY / GITHUB_EVENT_PATH / GITHUB_TOKEN / GITHUB_API_URL.
 * A missing repository or token is a UserError that says which flag or variable to set.
 */
export function resolveContext(env: NodeJS.ProcessEnv, flags: ContextFlags = {}): GitHubContext {
  const inActions = env.GITHUB_ACTIONS === "true";
  let event: any;
  if (env.GITHUB_EVENT_PATH) {
    try {
      event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
    } catch (err) {
      throw new UserError(
        `cannot read the event payload at GITHUB_EVENT_PATH=${env.GITHUB_EVENT_PATH}: ${(err as Error).message}`,
      );
    }
  }
  const full = flags.repo || env.GITHUB_REPOSITORY || event?.repository?.full_name;
  const offline = flags.offline ? `; offline, ${flags.offline}` : "";
  if (!full) {
    throw new UserError(`no repository given: pass --repo OWNER/NAME (or set GITHUB_REPOSITORY)${offline}`);
  }
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(full);
  if (!m) throw new UserError(`--repo expects OWNER/NAME, got "${full}"`);
  let pr: number | undefined;
  if (flags.pr !== undefined && flags.pr !== "") {
    pr = Number(flags.pr);
    if (!Number.isInteger(pr) || pr <= 0) throw new UserError(`--pr expects a pull request number, got "${flags.pr}"`);
  } else if (event?.pull_request?.number) {
    pr = Number(event.pull_request.number);
  } else if (event?.issue?.pull_request && event.issue.number) {
    pr = Number(event.issue.number);
  }
  const token = flags.token || env.GITHUB_TOKEN || env.GH_TOKEN;
  if (!token) {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, shown to the user as written
    const expr = "${{ github.token }}";
    throw new UserError(
      `no GitHub token: set GITHUB_TOKEN (in a workflow: \`env: GITHUB_TOKEN: ${expr}\`, or the action's \`token\` input)${offline}`,
    );
  }
  const appSlug = flags.appSlug?.trim() || undefined;
  if (appSlug && !/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(appSlug)) {
    throw new UserError(
      `app-slug expects a GitHub App's slug (letters, digits and hyphens, e.g. my-models-bot), got "${appSlug}"`,
    );
  }
  const apiUrl = (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "");
  const serverUrl = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  const runUrl =
    env.GITHUB_RUN_ID && inActions ? `${serverUrl}/${m[1]}/${m[2]}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  return {
    owner: m[1],
    repo: m[2],
    pr,
    eventHeadSha: event?.pull_request?.head?.sha,
    apiUrl,
    serverUrl,
    token,
    appSlug,
    eventName: env.GITHUB_EVENT_NAME,
    event,
    runUrl,
    inActions,
    http: { ...tuningFromEnv(env), ...flags.http },
  };
}
