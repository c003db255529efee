import { createRequire } from 'node:module';
import { setTimeout } from 'node:timers/promises';

const require$1 = createRequire(import.meta.url);
function retryDelay(retry, policy, retryAfterMs) {
  if (retryAfterMs !== void 0) return Math.max(0, retryAfterMs);
  const random = policy.random ?? Math.random;
  return Math.round(Math.min(policy.baseMs * 2 ** retry, policy.maxMs ?? 6e4) * (0.5 + random()));
}
function parseRetryAfter(value, now = Date.now()) {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!v) return void 0;
  if (/^\d+$/.test(v)) return Number(v) * 1e3;
  const at = Date.parse(v);
  return Number.isNaN(at) ? void 0 : Math.max(0, at - now);
}
async function withRetry(attempt, opts) {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (!opts.retryable(err) || n > opts.retries) throw err;
      const asked = opts.retryAfterMs?.(err);
      if (asked !== void 0 && asked > (opts.maxMs ?? 6e4)) throw err;
      const delay = retryDelay(n - 1, opts, asked);
      opts.onRetry?.(err, n, delay);
      await setTimeout(delay);
    }
  }
}

export { parseRetryAfter as p, retryDelay as r, withRetry as w };
