import assert from "node:assert/strict";
import { test } from "node:test";
import { parseRetryAfter, retryDelay, withRetry } from "../../src/util/retry.ts";

test("backoff doubles per retry up to the cap and is jittered between half and one and a half times", () => {
  const at = (r: number) => ({ retries: 5, baseMs: 100, random: () => r });
  assert.deepEqual(
    [0, 1, 2, 3].map((n) => retryDelay(n, at(0))),
    [50, 100, 200, 400],
  );
  assert.deepEqual(
    [0, 1, 2, 3].map((n) => retryDelay(n, at(0.999999))),
    [150, 300, 600, 1200],
  );
  assert.equal(
    retryDelay(20, { retries: 30, baseMs: 100, maxMs: 5000, random: () => 0 }),
    2500,
    "capped, then jittered",
  );
  assert.equal(retryDelay(20, { retries: 30, baseMs: 100, maxMs: 5000, random: () => 0.5 }), 5000);
  // many clients that failed together spread out
  const spread = new Set(Array.from({ length: 50 }, () => retryDelay(3, { retries: 5, baseMs: 100 })));
  assert.ok(spread.size > 10, `${spread.size} distinct waits of 50`);
});

test("a server's Retry-After is the wait, in seconds or as an HTTP date", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  assert.equal(parseRetryAfter("3", now), 3000);
  assert.equal(parseRetryAfter(["0"], now), 0);
  assert.equal(parseRetryAfter("Thu, 01 Jan 2026 00:00:07 GMT", now), 7000);
  assert.equal(parseRetryAfter("Wed, 31 Dec 2025 23:00:00 GMT", now), 0, "a date in the past: now");
  assert.equal(parseRetryAfter("soon", now), undefined);
  assert.equal(parseRetryAfter(undefined, now), undefined);
  assert.equal(retryDelay(4, { retries: 5, baseMs: 100 }, 2000), 2000);
});

class Busy extends Error {
  constructor(readonly after?: number) {
    super("busy");
  }
}

test("withRetry: retries what is retryable up to the limit, stops at once otherwise or when asked to wait too long", async () => {
  const policy = {
    retries: 3,
    baseMs: 1,
    retryable: (e: unknown) => e instanceof Busy,
    retryAfterMs: (e: unknown) => (e as Busy).after,
  };
  const seen: string[] = [];
  const ok = await withRetry(
    async (n) => {
      if (n < 3) throw new Busy(n === 2 ? 5 : undefined);
      return n;
    },
    { ...policy, onRetry: (_e, n, delay) => seen.push(`${n}:${n === 2 ? delay : "jittered"}`) },
  );
  assert.equal(ok, 3);
  assert.deepEqual(seen, ["1:jittered", "2:5"], "the second wait is the server's 5 ms");

  let calls = 0;
  await assert.rejects(
    withRetry(async () => {
      calls++;
      throw new Busy();
    }, policy),
    Busy,
  );
  assert.equal(calls, 4, "the first attempt and 3 retries");

  calls = 0;
  await assert.rejects(
    withRetry(async () => {
      calls++;
      throw new Error("denied");
    }, policy),
    /denied/,
  );
  assert.equal(calls, 1);

  calls = 0;
  await assert.rejects(
    withRetry(async () => {
      calls++;
      throw new Busy(3_600_000);
    }, policy),
    Busy,
  );
  assert.equal(calls, 1, "an hour's Retry-After is beyond the policy: no early retry");
});
