import * as core from "@actions/core";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import { parseRetryAfter, withRetry } from "../util/retry.ts";
import { VERSION } from "../version.ts";
import type { ClientTuning, GitHubContext } from "./context.ts";

// Typed as the plain Octokit: the plugin adds options (typed by its module augmentation), no methods we call.
const ModelgateOctokit: typeof Octokit = Octokit.plugin(throttling);
export type GitHubClient = Octokit;

const clients = new Map<string, GitHubClient>();

/** A limiter group that lets every request through at once (tests; never the default). */
const unpaced = {
  key: () => ({ schedule: (_opts: unknown, fn: (...a: unknown[]) => unknown, ...args: unknown[]) => fn(...args) }),
};

/** The defaults of ClientTuning, also read from MODELGATE_GITHUB_TIMEOUT / MODELGATE_GITHUB_BUDGET (seconds). */
export const GITHUB_TIMEOUT_MS = 30_000;
export const GITHUB_BUDGET_MS = 300_000;

/**
 * A request that did not get an answer in time, or whose retries GitHub's answers could not fit in the budget. Its
 * `status` is what GitHub last answered (0: no answer); `retries` how many were made.
 */
export class GitHubTransportError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly retries: number,
    readonly response?: { headers?: Record<string, string> },
  ) {
    super(message);
    this.name = "GitHubTransportError";
  }
}

interface Failure {
  status?: number;
  name?: string;
  message?: string;
  response?: { headers?: Record<string, string | undefined> };
}

/** A primary rate limit: 403 or 429 with x-ratelimit-remaining: 0. */
const primaryLimit = (e: Failure) =>
  (e.status === 403 || e.status === 429) && e.response?.headers?.["x-ratelimit-remaining"] === "0";
/** GitHub's secondary rate limit (403 or 429 saying so, usually with Retry-After). */
const secondaryLimit = (e: Failure) =>
  (e.status === 403 || e.status === 429) && /secondary rate/i.test(e.message ?? "");

/** What GitHub asked to wait, in ms: Retry-After, else the primary limit's reset time; undefined when it did not say. */
export function askedWaitMs(e: Failure, now = Date.now()): number | undefined {
  const after = parseRetryAfter(e.response?.headers?.["retry-after"], now);
  if (after !== undefined) return after;
  if (primaryLimit(e)) {
    const reset = Number(e.response?.headers?.["x-ratelimit-reset"]);
    if (reset > 0) return Math.max(0, reset * 1000 - now) + 1000; // one second past the reset, as GitHub's docs say
  }
  return undefined;
}

/** Worth another attempt: no answer (network, timeout), 5xx, 429, or a rate limit. Other 4xx are answers. */
function retryable(e: Failure): boolean {
  const s = e.status;
  if (s === undefined || s === 0) return true;
  if (e.name === "AbortError" || e.name === "TimeoutError") return true;
  if (s === 500 && !e.response) return true; // octokit's "no response" (connection refused or reset)
  return s >= 500 || s === 429 || primaryLimit(e) || secondaryLimit(e);
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/**
 * Every request under modelgate's one retry policy (src/util/retry.ts): a timeout per attempt, retries on no answer,
 * 5xx and rate limits, GitHub's Retry-After and rate-limit reset honoured, all within one time budget per request,
 * each retry said on stderr. A wait GitHub asks for beyond the budget is not attempted: the error says so at once.
 */
function retryHook(tuning: ClientTuning, log: (line: string) => void) {
  const timeoutMs = tuning.timeoutMs ?? GITHUB_TIMEOUT_MS;
  const budgetMs = tuning.budgetMs ?? GITHUB_BUDGET_MS;
  const retries = tuning.retries ?? 5;
  const baseMs = tuning.retryBaseMs ?? 1000;
  return async (request: (o: any) => any, options: any) => {
    const what = `${options.method} ${String(options.url).replace(/\{[^}]+\}/g, (m: string) => String(options[m.slice(1, -1)] ?? m))}`;
    const deadline = Date.now() + budgetMs;
    let made = 0;
    let waitRefused: string | undefined;
    const attempt = async () => {
      try {
        // The hooks inside this one were bound to this very options object (before-after-hook): set the attempt's
        // own timeout on it rather than passing a copy, which they would not see.
        options.request = {
          ...options.request,
          signal: AbortSignal.timeout(Math.max(1, Math.min(timeoutMs, deadline - Date.now()))),
        };
        return await request(options);
      } catch (err) {
        const e = err as Failure;
        if (
          e.name === "AbortError" ||
          e.name === "TimeoutError" ||
          /operation was aborted|timeout/i.test(e.message ?? "")
        ) {
          throw new GitHubTransportError(`no answer within ${seconds(timeoutMs)}`, 0, made);
        }
        throw err;
      }
    };
    try {
      return await withRetry(attempt, {
        retries,
        baseMs,
        maxMs: budgetMs,
        retryable: (err) => {
          if (!retryable(err as Failure)) return false;
          const asked = askedWaitMs(err as Failure);
          const left = deadline - Date.now();
          if (asked !== undefined && asked > left) {
            waitRefused = `GitHub asked to wait ${seconds(asked)}, more than the ${seconds(Math.max(0, left))} left of the retry budget (${seconds(budgetMs)}; MODELGATE_GITHUB_BUDGET)`;
            return false;
          }
          if (left <= 0) return false;
          return true;
        },
        retryAfterMs: (err) => askedWaitMs(err as Failure),
        onRetry: (err, n, delay) => {
          made = n;
          const e = err as Failure;
          const why = e.status
            ? `${e.status}${e.status === 429 || primaryLimit(e) || secondaryLimit(e) ? " (rate limited)" : ""}`
            : e.message;
          const asked = askedWaitMs(e) !== undefined ? " as GitHub asked" : "";
          log(`modelgate: GitHub ${what}: ${why}; retry ${n} of ${retries} in ${seconds(delay)}${asked}`);
        },
      });
    } catch (err) {
      const e = err as Failure & { retries?: number };
      const tried = made ? `after ${made} ${made === 1 ? "retry" : "retries"}` : "not retried";
      const status = err instanceof GitHubTransportError ? err.status : (e.status ?? 0);
      if (err instanceof GitHubTransportError || waitRefused || made) {
        const base = err instanceof GitHubTransportError ? err.message : (e.message ?? String(err)).split("\n")[0];
        throw Object.assign(
          new GitHubTransportError(
            `${base} (${waitRefused ? `${waitRefused}; ` : ""}${tried})`,
            status,
            made,
            e.response as never,
          ),
          { cause: err },
        );
      }
      throw err;
    }
  };
}

/**
 * The one Octokit of a run: modelgate's retry policy (above), throttling (paces writes one second apart as GitHub
 * asks of integrations; its own waiting is off: the retry policy decides), pagination (from @octokit/rest). Built
 * once per API URL and token. In Actions the token is masked in the log.
 */
export function client(ctx: GitHubContext): GitHubClient {
  const tuning = ctx.http ?? {};
  const key = `${ctx.apiUrl}\0${ctx.token}\0${JSON.stringify(tuning)}`;
  const hit = clients.get(key);
  if (hit) return hit;
  if (ctx.inActions) core.setSecret(ctx.token);
  const octokit = new ModelgateOctokit({
    auth: ctx.token,
    baseUrl: ctx.apiUrl,
    userAgent: `modelgate/${VERSION}`,
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    throttle: {
      ...(tuning.paceWrites === false ? { write: unpaced, notifications: unpaced } : {}),
      onRateLimit: () => false,
      onSecondaryRateLimit: () => false,
    } as any,
  });
  octokit.hook.wrap("request", retryHook(tuning, tuning.log ?? ((line) => process.stderr.write(`${line}\n`))));
  clients.set(key, octokit);
  return octokit;
}
