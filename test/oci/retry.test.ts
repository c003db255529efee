import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { startFlakyProxy, startRegistry, type TestRegistry } from "../support/registry.ts";
import { modelgate, pullAndUnpack, sha256Hex, skopeoInspect, tempDir, writeModel } from "./_helpers.ts";

let reg: TestRegistry;
const work = tempDir();
before(async () => {
  reg = await startRegistry();
});
after(async () => {
  await reg?.stop();
  work.cleanup();
});

test("a connection dropped in the middle of a blob upload: the push starts the upload again and succeeds", async () => {
  const model = writeModel(
    work.dir,
    Array.from({ length: 100_000 }, (_, i) => i / 1e5),
  );
  const proxy = await startFlakyProxy(reg.host, { dropAfterBytes: 64 * 1024, drops: 1 });
  try {
    const r = await modelgate(
      ["package", "--base", "scratch", "--model", model, "--name", "fraud", "--push", `${proxy.host}/models/fraud:1`],
      work.dir,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(proxy.dropped, 1, "the proxy did drop an upload");
    assert.match(r.stderr, /restarting/);
    // what the registry holds, read directly (not through the proxy) and unpacked by umoci
    assert.equal((await skopeoInspect(`${reg.host}/models/fraud:1`)).Digest, r.stdout.trim());
    const rootfs = await pullAndUnpack(`${reg.host}/models/fraud:1`, join(work.dir, "a"));
    assert.equal(sha256Hex(join(rootfs, "models/fraud/1/model.onnx")), sha256Hex(model));
  } finally {
    await proxy.stop();
  }
});

test("a chunked upload whose connection drops is resumed or restarted, and succeeds", async () => {
  const model = writeModel(
    work.dir,
    Array.from({ length: 100_000 }, (_, i) => (i % 13) / 13),
  );
  const proxy = await startFlakyProxy(reg.host, { dropAfterBytes: 100 * 1024, drops: 1 });
  try {
    const r = await modelgate(
      [
        "package",
        "--base",
        "scratch",
        "--model",
        model,
        "--name",
        "fraud",
        "--chunk-size",
        "0.125",
        "--push",
        `${proxy.host}/models/fraud:2`,
      ],
      work.dir,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(proxy.dropped, 1);
    const rootfs = await pullAndUnpack(`${reg.host}/models/fraud:2`, join(work.dir, "b"));
    assert.equal(sha256Hex(join(rootfs, "models/fraud/1/model.onnx")), sha256Hex(model));
  } finally {
    await proxy.stop();
  }
});

test("a 503 with Retry-After is retried after the wait the registry asked for, not the client's own backoff", async () => {
  const proxy = await startFlakyProxy(reg.host, { fail503: 1, retryAfter: "2" });
  try {
    const r = await modelgate(
      [
        "package",
        "--base",
        "scratch",
        "--model",
        writeModel(work.dir),
        "--name",
        "fraud",
        "--push",
        `${proxy.host}/models/fraud:4`,
      ],
      work.dir,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(proxy.failed, 1);
    assert.match(r.stderr, /answered 503 \(Retry-After: 2 s\).*; retrying in 2000 ms \(1\/5\)/);
  } finally {
    await proxy.stop();
  }
});

test("503 answers are retried with backoff", async () => {
  const proxy = await startFlakyProxy(reg.host, { fail503: 2 });
  try {
    const r = await modelgate(
      [
        "package",
        "--base",
        "scratch",
        "--model",
        writeModel(work.dir),
        "--name",
        "fraud",
        "--push",
        `${proxy.host}/models/fraud:3`,
      ],
      work.dir,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(proxy.failed, 2);
    assert.match(r.stderr, /503/);
  } finally {
    await proxy.stop();
  }
});
