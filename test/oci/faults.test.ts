import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { startFaultProxy } from "../support/registry-faults.ts";
import { startRegistry, type TestRegistry } from "../support/registry.ts";
import { modelgate, sha256Hex, skopeoInspect, tempDir, unpack, writeModel } from "./_helpers.ts";

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

// ---- an image layout that was damaged (issue #20 item 7)

const layoutArgs = (dir: string, name: string, model = writeModel(work.dir)) => [
  "package",
  "--base",
  "scratch",
  "--model",
  model,
  "--name",
  "fraud",
  "--layout",
  `${dir}:${name}`,
  "--json",
];

test("an index.json that cannot be read is refused by name, never replaced: the layout's other images stay listed", async () => {
  const dir = join(work.dir, "layout-index");
  const a = await modelgate(layoutArgs(dir, "a"), work.dir);
  assert.equal(a.code, 0, a.stderr);
  const index = join(dir, "index.json");
  const whole = readFileSync(index);
  writeFileSync(index, whole.subarray(0, whole.length - 10)); // cut short: a crash, a full disk
  const damaged = readFileSync(index);
  const b = await modelgate(layoutArgs(dir, "b"), work.dir);
  assert.equal(b.code, 1, b.stderr);
  assert.match(b.stderr, /index\.json cannot be read: not JSON .*modelgate does not write a new one over it/);
  assert.deepEqual(readFileSync(index), damaged, "index.json untouched");
  // restored, the layout takes the next image and keeps the first
  writeFileSync(index, whole);
  const c = await modelgate(layoutArgs(dir, "c"), work.dir);
  assert.equal(c.code, 0, c.stderr);
  const names = JSON.parse(readFileSync(index, "utf8")).manifests.map(
    (m: { annotations?: Record<string, string> }) => m.annotations?.["org.opencontainers.image.ref.name"],
  );
  assert.deepEqual(names.filter(Boolean), ["a", "c"]);
});

test("a blob 'already there' with the right size and other bytes is not relied on: it is written again", async () => {
  const dir = join(work.dir, "layout-blob");
  const one = (name: string) => [...layoutArgs(dir, name), "--platform", "linux/amd64"];
  const first = await modelgate(one("one"), work.dir);
  assert.equal(first.code, 0, first.stderr);
  const layer = first.json().layer as string;
  const file = join(dir, "blobs", "sha256", layer.slice(7));
  const bytes = readFileSync(file);
  bytes[bytes.length - 1] ^= 0xff; // one bit of rot, same size
  writeFileSync(file, bytes);
  assert.notEqual(`sha256:${sha256Hex(file)}`, layer);
  const again = await modelgate(one("two"), work.dir);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(`sha256:${sha256Hex(file)}`, layer, "the damaged blob was written again from the source");
  // umoci unpacks the image and finds the model's bytes
  const rootfs = unpack(dir, "two", join(work.dir, "unpacked-two"));
  assert.equal(sha256Hex(join(rootfs, "models/fraud/1/model.onnx")), sha256Hex(join(work.dir, "model.onnx")));
});

test("a damaged manifest in a base layout is named, not trusted", async () => {
  const dir = join(work.dir, "layout-base");
  const base = await modelgate(layoutArgs(dir, "base"), work.dir);
  assert.equal(base.code, 0, base.stderr);
  const digest = base.json().digest as string;
  const file = join(dir, "blobs", "sha256", digest.slice(7));
  const bytes = readFileSync(file);
  assert.equal(sha256Hex(file), digest.slice(7));
  writeFileSync(file, Buffer.concat([bytes, Buffer.from(" ")])); // still JSON, other bytes
  const r = await modelgate(
    [
      "package",
      "--base",
      `oci:${dir}:base`,
      "--model",
      writeModel(work.dir),
      "--name",
      "x",
      "--layout",
      join(work.dir, "out"),
    ],
    work.dir,
  );
  assert.ok(r.code === 1 || r.code === 2, r.stderr);
  assert.match(r.stderr, /is damaged: its bytes hash to sha256:[0-9a-f]{64}, not to the digest it is named by/);
});
