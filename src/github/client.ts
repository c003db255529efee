import * as core from "@actions/core";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import type { GitHubContext } from "./context.ts";
import { VERSION } from "../version.ts";

// Typed as the plain Octokit: the plugins add options (typed by their module augmentation), no methods we call.
const ModelgateOctokit: typeof Octokit = Octokit.plugin(retry, throttling);
export type GitHubClient = Octokit;

const clients = new Map<string, GitHubClient>();

/** A limiter group that lets every request through at once (tests; never the default). */
const unpaced = {
  key: () => ({ schedule: (_opts: unknown, fn: (...a: unknown[]) => unknown, ...args: unknown[]) => fn(...args) }),
};

/**
 * The one Octokit of a run: retry (5xx, network), throttling (waits out a secondary rate limit; gives up on a
 * primary rate limit whose reset is more than a minute away), pagination (from @octokit/rest). Built once per
 * API URL and token. In Actions the token is masked in the log.
 */
export function client(ctx: GitHubContext): GitHubClient {
  const key = `${ctx.apiUrl}\0${ctx.token}\0${JSON.stringify(ctx.http ?? {})}`;
  const hit = clients.get(key);
  if (hit) return hit;
  if (ctx.inActions) core.setSecret(ctx.token);
  const base = ctx.http?.retryBaseMs ?? 1000;
  const octokit = new ModelgateOctokit({
    auth: ctx.token,
    baseUrl: ctx.apiUrl,
    userAgent: `modelgate/${VERSION}`,
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    retry: { retryAfterBaseValue: base, retries: ctx.http?.retries ?? 3 },
    throttle: {
      retryAfterBaseValue: base,
      ...(ctx.http?.paceWrites === false ? { write: unpaced, notifications: unpaced } : {}),
      onRateLimit: (retryAfter: number, _options: unknown, _o: unknown, retryCount: number) =>
        retryCount < 1 && retryAfter <= 60,
      onSecondaryRateLimit: (retryAfter: number, _options: unknown, _o: unknown, retryCount: number) =>
        retryCount < 2 && retryAfter <= 120,
    } as any,
  });
  clients.set(key, octokit);
  return octokit;
}
