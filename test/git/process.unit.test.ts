import assert from "node:assert/strict";
import { test } from "node:test";
import { Limiter } from "../../src/git/process.ts";

test("a handle's git processes: at most its limit at once, the others started in the order asked", async () => {
  const limiter = new Limiter(4);
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const gates: (() => void)[] = [];
  const jobs = Array.from({ length: 10 }, (_, i) =>
    limiter.run(async () => {
      started.push(i);
      most = Math.max(most, ++running);
      await new Promise<void>((go) => gates.push(go));
      running--;
      return i;
    }),
  );
  while (started.length < 10) {
    await new Promise((r) => setImmediate(r));
    gates.shift()?.();
  }
  for (const go of gates) go();
  assert.deepEqual(await Promise.all(jobs), [...Array(10).keys()]);
  assert.deepEqual(started, [...Array(10).keys()]);
  assert.equal(most, 4);
});

test("a job that fails frees its place", async () => {
  const limiter = new Limiter(1);
  await assert.rejects(
    limiter.run(() => Promise.reject(new Error("no"))),
    /no/,
  );
  assert.equal(await limiter.run(async () => "next"), "next");
});

test("never more than the limit at once, however the callers' awaits interleave", async () => {
  const limiter = new Limiter(2);
  let running = 0;
  let most = 0;
  const hops = async (n: number) => {
    for (let i = 0; i < n; i++) await null;
  };
  await Promise.all(
    Array.from({ length: 300 }, async (_, i) => {
      await hops(i % 7);
      await limiter.run(async () => {
        most = Math.max(most, ++running);
        await hops((i * 5) % 11);
        running--;
      });
    }),
  );
  assert.equal(most, 2);
});
