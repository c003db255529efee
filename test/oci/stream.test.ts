import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { CheckFailed } from "../../src/errors.ts";
import { scratchBase } from "../../src/oci/image.ts";
import { buildImage, type PackageInput, pushImage, shipImage, writeImageToLayout } from "../../src/oci/build.ts";
import { parseReference } from "../../src/oci/reference.ts";
import { RegistryClient } from "../../src/oci/registry.ts";
import { readOnnxSignature } from "../../src/onnx/signature.ts";
import { startFlakyProxy, startRegistry, type TestRegistry } from "../support/registry.ts";
import { pullAndUnpack, sha256Hex, skopeoInspect, tempDir, writeModel } from "./_helpers.ts";

/**
 * The large-model path of package (shipImage), with the size from which a layer is streamed set to 0 so that a small
 * model takes it: the layer sent or written as it is read, its digests learnt on the way, and a cache of them.
 */

let reg: TestRegistry;
const work = tempDir();
let model: string;
let modelSha: string;

before(async () => {
  reg = await startRegistry();
  model = writeModel(
    work.dir,
    Array.from({ length: 60_000 }, (_, i) => ((i * 7919) % 1000) / 1000),
  );
  modelSha = sha256Hex(model);
});
after(async () => {
  await reg?.stop();
  work.cleanup();
});

function input(extra: Partial<PackageInput> = {}): PackageInput {
  const bytes = readFileSync(model);
  return {
    name: "big",
    modelFile: model,
    modelSize: bytes.byteLength,
    signature: readOnnxSignature(bytes, model),
    base: { image: scratchBase(), layers: new Map(), warnings: [] },
    created: 1_700_000_000,
    version: "1.0.0",
    expectedSha256: modelSha,
    ...extra,
  };
}

const client = (host = reg.host) => new RegistryClient(host, { retryDelayMs: 10 });

test("a streamed push gives the image a read-then-push gives, byte for byte; the model in it is the file", async () => {
  const c = client();
  try {
    const reference = buildImage(input());
    const shipped = await shipImage(input(), {
      push: { client: c, ref: parseReference(`${reg.host}/s/one:1`) },
      streamFrom: 0,
    });
    assert.equal(shipped.layerDigest, "streamed");
    assert.equal(shipped.img.digest, (await reference).digest, "the same image digest as buildImage's");
    assert.equal(shipped.pushed?.digest, shipped.img.digest);
    const layer = shipped.pushed?.blobs.find((b) => b.digest === shipped.img.layer.digest);
    assert.equal(layer?.outcome, "uploaded");
    const info = await skopeoInspect(`${reg.host}/s/one:1`);
    assert.equal(info.Labels["dev.modelgate.model.sha256"], modelSha);
    const rootfs = await pullAndUnpack(`${reg.host}/s/one:1`, join(work.dir, "one"));
    assert.equal(sha256Hex(join(rootfs, "models/big/1/model.onnx")), modelSha);
  } finally {
    c.close();
  }
});

test("a model other than the declared one is refused after it was sent, before the PUT: no blob, no tag", async () => {
  const c = client();
  try {
    const wrong = input({ expectedSha256: "0".repeat(64) });
    await assert.rejects(
      shipImage(wrong, { push: { client: c, ref: parseReference(`${reg.host}/s/wrong:1`) }, streamFrom: 0 }),
      (err: unknown) => err instanceof CheckFailed && /the manifest declares 0{64}/.test(err.message),
    );
    const layerDigest = (await buildImage(input())).layer.digest;
    assert.equal(await c.hasBlob("s/wrong", layerDigest), false, "the upload was cancelled, not committed");
    assert.equal(await c.getManifest("s/wrong", "1"), null, "no tag");
  } finally {
    c.close();
  }
});

test("a connection dropped mid-upload: the upload is resumed or restarted, and every digest still agrees", async () => {
  const proxy = await startFlakyProxy(reg.host, { dropAfterBytes: 100_000, drops: 2 });
  const c = client(proxy.host);
  try {
    const shipped = await shipImage(input(), {
      push: { client: c, ref: parseReference(`${proxy.host}/s/flaky:1`) },
      streamFrom: 0,
    });
    assert.ok(proxy.dropped >= 1, "the proxy cut an upload");
    assert.equal(shipped.img.digest, (await buildImage(input())).digest);
  } finally {
    c.close();
    await proxy.stop();
  }
  const rootfs = await pullAndUnpack(`${reg.host}/s/flaky:1`, join(work.dir, "flaky"));
  assert.equal(sha256Hex(join(rootfs, "models/big/1/model.onnx")), modelSha);
});

test("the digest cache: a second push of the same file asks HEAD and sends nothing; another repository gets it sent", async () => {
  const cacheDir = join(work.dir, "cache");
  // a file changed within the last second is not entered (a second write in the same clock tick would go unseen)
  const fresh = join(work.dir, "fresh.onnx");
  writeFileSync(fresh, readFileSync(model));
  const c = client();
  try {
    const freshShip = await shipImage(input({ modelFile: fresh }), {
      push: { client: c, ref: parseReference(`${reg.host}/s/fresh:1`) },
      cacheDir,
      streamFrom: 0,
    });
    assert.equal(freshShip.layerDigest, "streamed");
    assert.equal(existsSync(cacheDir) ? readdirSync(cacheDir).length : 0, 0, "a file just written is not entered");

    await sleep(1100);
    const ref = parseReference(`${reg.host}/s/cached:1`);
    const first = await shipImage(input(), { push: { client: c, ref }, cacheDir, streamFrom: 0 });
    assert.equal(first.layerDigest, "streamed");
    assert.equal(readdirSync(cacheDir).length, 1, "entered");
    let sent = 0;
    const again = await shipImage(input(), {
      push: { client: c, ref },
      cacheDir,
      streamFrom: 0,
      onBlob: () => ({ add: (n) => void (sent += n), finish() {} }),
    });
    assert.equal(again.layerDigest, "cached");
    assert.equal(again.img.digest, first.img.digest);
    assert.equal(sent, 0, "nothing read or sent");
    assert.ok(again.pushed?.blobs.every((b) => b.outcome === "exists"));

    const other = await shipImage(input(), {
      push: { client: c, ref: parseReference(`${reg.host}/s/other:1`) },
      cacheDir,
      streamFrom: 0,
    });
    assert.equal(other.layerDigest, "streamed", "the registry lacked it: sent and hashed again");
    assert.equal(other.img.digest, first.img.digest);
    assert.equal((await skopeoInspect(`${reg.host}/s/other:1`)).Digest, first.img.digest);

    // the file rewritten with other bytes of the same size: another key, so its digests are learnt again
    const bytes = readFileSync(model);
    bytes[bytes.length - 1] ^= 1;
    writeFileSync(fresh, bytes);
    await assert.rejects(
      shipImage(input({ modelFile: fresh }), {
        push: { client: c, ref: parseReference(`${reg.host}/s/changed:1`) },
        cacheDir,
        streamFrom: 0,
      }),
      /the manifest declares/,
    );
  } finally {
    c.close();
  }
});

test("a streamed layout: the same layout as a read-then-write, and a wrong model leaves no blob", async () => {
  const a = join(work.dir, "layout-a");
  const b = join(work.dir, "layout-b");
  await writeImageToLayout(a, await buildImage(input()), "x");
  const shipped = await shipImage(input(), { layout: { dir: b, refName: "x" }, streamFrom: 0 });
  assert.equal(shipped.layerDigest, "streamed");
  const list = (d: string) => readdirSync(join(d, "blobs", "sha256")).sort();
  assert.deepEqual(list(b), list(a), "the same blobs, and no temporary file");
  assert.equal(readFileSync(join(b, "index.json"), "utf8"), readFileSync(join(a, "index.json"), "utf8"));

  const c = join(work.dir, "layout-c");
  await assert.rejects(
    shipImage(input({ expectedSha256: "1".repeat(64) }), { layout: { dir: c }, streamFrom: 0 }),
    /the manifest declares/,
  );
  assert.deepEqual(existsSync(join(c, "blobs", "sha256")) ? readdirSync(join(c, "blobs", "sha256")) : [], []);
});

test("pushImage of a built image still works beside it (the library's read-then-push)", async () => {
  const c = client();
  try {
    const img = await buildImage(input());
    const r = await pushImage(c, parseReference(`${reg.host}/s/lib:1`), img);
    assert.equal(r.digest, img.digest);
  } finally {
    c.close();
  }
});
