import { setTimeout as sleep } from "node:timers/promises";

/**
 * modelgate's one retry policy (the registry client, the GitOps writer): exponential backoff with jitter, so that
 * many clients that failed together do not come back together; a server's Retry-After is honoured as asked, and a
 * wait longer than the policy allows ends the retries instead of hammering early.
 */
export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  /** The first backoff (ms), doubled per retry, then jittered to between half and one and a half times that. */
  baseMs: number;
  /** The longest backoff before jitter (ms; default 60 s); a Retry-After asking for more ends the retries. */
  maxMs?: number;
  /** A number in [0, 1) (default Math.random). */
  random?: () => number;
}

/** The wait before retry number `retry` (0 for the first): the server's Retry-After if it gave one, else backoff. */
export function retryDelay(retry: number, policy: RetryPolicy, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return Math.max(0, retryAfterMs);
  const random = policy.random ?? Math.random;
  // capped before the jitter, so that clients at the cap still spread out
  return Math.round(Math.min(policy.baseMs * 2 ** retry, policy.maxMs ?? 60_000) * (0.5 + random()));
}

/** A Retry-After header (delay-seconds or an HTTP-date, RFC 9110 §10.2.3) in ms from `now`, or undefined. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface RetryOptions extends RetryPolicy {
  /** Whether this failure is worth another attempt. */
  retryable(err: unknown): boolean;
  /** How long the server asked to wait before the next attempt (its Retry-After), if it did. */
  retryAfterMs?(err: unknown): number | undefined;
  /** Told before each wait: the failure, the retry about to happen (1-based) and the wait. */
  onRetry?(err: unknown, retry: number, delayMs: number): void;
}

/** Runs `attempt` (given its number, from 1) until it succeeds, fails for good, or the retries are spent. */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (!opts.retryable(err) || n > opts.retries) throw err;
      const asked = opts.retryAfterMs?.(err);
      if (asked !== undefined && asked > (opts.maxMs ?? 60_000)) throw err;
      const delay = retryDelay(n - 1, opts, asked);
      opts.onRetry?.(err, n, delay);
      await sleep(delay);
    }
  }
}
