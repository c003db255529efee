import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { startFaultProxy } from "../support/registry-faults.ts";
import { startRegistry, type TestRegistry } from "../support/registry.ts";
import { modelgate, skopeoInspect, tempDir, writeModel } from "./_helpers.ts";

// A registry that hangs, fails, throttles (issue #20 item 3): each fault injected by a proxy in front of the real
// registry. What the person sees is checked — each retry said, a stated budget that ends the retries, the knobs
// named, a line every few seconds of a slow upload — never how long anything took.

let reg: TestRegistry;
const work = tempDir();
before(async () => {
  reg = await startRegistry();
});
after(async () => {
  await reg?.stop();
  work.cleanup();
});

const pkg = (host: string, tag: string) => [
  "package",
  "--base",
  "scratch",
  "--model",
  writeModel(work.dir),
  "--name",
  "fraud",
  "--push",
  `${host}/models/fraud:${tag}`,
];

test("a registry that never answers: each attempt ends at the idle timeout, each retry is said, the budget ends it (exit 1)", async () => {
  const proxy = await startFaultProxy(reg.host);
  try {
    proxy.add({ hang: true });
    const r = await modelgate(pkg(proxy.host, "hang"), work.dir, {
      MODELGATE_REGISTRY_TIMEOUT: "1",
      MODELGATE_REGISTRY_BUDGET: "3",
    });
    assert.equal(r.code, 1, r.stderr);
    assert.match(
      r.stderr,
      /GET \/v2\/: GET \/v2\/: nothing sent or received for 1 s \(MODELGATE_REGISTRY_TIMEOUT\); retrying in \d+ ms \(1\/5\)/,
    );
    assert.match(
      r.stderr,
      /cannot talk to the registry: GET \/v2\/: nothing sent or received for 1 s .*\(the retry budget of 3 s is spent \(MODELGATE_REGISTRY_BUDGET\); after \d retr(y|ies) in [\d.]+ s\)/,
    );
    assert.doesNotMatch(r.stderr, /internal error/);
  } finally {
    await proxy.stop();
  }
});

test("a 503 whose Retry-After is beyond the budget is not waited for: it fails at once, saying so", async () => {
  const proxy = await startFaultProxy(reg.host);
  try {
    proxy.add({ status: 503, retryAfter: "300" });
    const r = await modelgate(pkg(proxy.host, "busy"), work.dir, { MODELGATE_REGISTRY_BUDGET: "5" });
    assert.equal(r.code, 1, r.stderr);
    assert.match(
      r.stderr,
      /the registry failed: GET \/v2\/ answered 503 \(Retry-After: 300 s\) \(the registry asked to wait 300 s, more than the [\d.]+ s left of the retry budget \(5 s; MODELGATE_REGISTRY_BUDGET\); not retried\)/,
    );
    assert.doesNotMatch(r.stderr, /retrying|after retries/);
  } finally {
    await proxy.stop();
  }
});

test("500s that outlast the budget: the retries are said, and the error says how many were made", async () => {
  const proxy = await startFaultProxy(reg.host);
  try {
    proxy.add({ method: "PUT", path: /\/manifests\//, status: 500 });
    const r = await modelgate(pkg(proxy.host, "down"), work.dir, { MODELGATE_REGISTRY_BUDGET: "2" });
    assert.equal(r.code, 1, r.stderr);
    assert.match(
      r.stderr,
      /PUT \/v2\/models\/fraud\/manifests\/sha256:[0-9a-f]{64} answered 500.*; retrying in \d+ ms \(1\/5\)/,
    );
    assert.match(
      r.stderr,
      /the registry failed: PUT .* answered 500: UNKNOWN: .*\(the retry budget of 2 s is spent \(MODELGATE_REGISTRY_BUDGET\); after \d retr(y|ies) in/,
    );
  } finally {
    await proxy.stop();
  }
});

test("a slow upload (a registry throttled to 1000 B/s) is not silent: a line every few seconds, and it lands", async () => {
  const proxy = await startFaultProxy(reg.host);
  try {
    proxy.add({ method: "PUT", path: /\/blobs\/uploads\//, bytesPerSecond: 1000 });
    const args = pkg(proxy.host, "slow");
    const dir = join(work.dir, "slow");
    mkdirSync(dir);
    args[4] = writeModel(
      dir,
      Array.from({ length: 1500 }, (_, i) => i / 1500),
    );
    const r = await modelgate(args, work.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(
      proxy.requests.some((x) => / -> 1000 B\/s$/.test(x)),
      proxy.requests.join("\n"),
    );
    assert.match(r.stderr, /^[0-9a-f]{12}: [\d,]+\/[\d,]+ bytes \(\d+%\)/m, "a progress line of the slow blob");
    assert.equal((await skopeoInspect(`${reg.host}/models/fraud:slow`)).Digest, r.stdout.trim());
  } finally {
    await proxy.stop();
  }
});

test("the registry's knobs are read from the environment; a bad value names the variable (exit 2)", async () => {
  const r = await modelgate(pkg(reg.host, "knob"), work.dir, { MODELGATE_REGISTRY_TIMEOUT: "soon" });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /MODELGATE_REGISTRY_TIMEOUT="soon" is not a number of seconds above 0/);
});
