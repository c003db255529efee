import assert from "node:assert/strict";
import { lstatSync, readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { type BusyboxBase, buildBusyboxBase, pushBase } from "../support/busybox-base.ts";
import { startFlakyProxy, startRegistry, type TestRegistry } from "../support/registry.ts";
import { modelgate, pullAndUnpack, sha256Hex, skopeo, skopeoInspect, tempDir, unpack, writeModel } from "./_helpers.ts";

let reg: TestRegistry;
let base: BusyboxBase;
const work = tempDir();

before(async () => {
  reg = await startRegistry();
  base = buildBusyboxBase();
});
after(async () => {
  await reg?.stop();
  base?.cleanup();
  work.cleanup();
});

test("push to a real registry: skopeo sees every platform, umoci unpacks the model with the manifest's sha256", async () => {
  const model = writeModel(work.dir);
  const r = await modelgate(
    [
      "package",
      "--model",
      model,
      "--name",
      "fraud",
      "--version",
      "1.2.0",
      "--base",
      base.ref,
      "--push",
      `${reg.host}/models/fraud`,
      "--json",
    ],
    work.dir,
  );
  assert.equal(r.code, 0, r.stderr);
  const out = r.json();
  assert.deepEqual(out.platforms, ["linux/amd64", "linux/arm64"]);

  const index = await skopeoInspect(`${reg.host}/models/fraud:1.2.0`, { raw: true });
  assert.equal(index.mediaType, "application/vnd.oci.image.index.v1+json");
  assert.deepEqual(
    index.manifests.map((m: any) => `${m.platform.os}/${m.platform.architecture}`),
    ["linux/amd64", "linux/arm64"],
  );
  const info = await skopeoInspect(`${reg.host}/models/fraud:1.2.0`);
  assert.equal(info.Labels["dev.modelgate.model.sha256"], sha256Hex(model));
  assert.equal(info.Labels["org.opencontainers.image.version"], "1.2.0");
  assert.equal(info.Labels["org.opencontainers.image.base.name"], "busybox");
  assert.equal(info.Labels["org.opencontainers.image.base.digest"], base.digest);
  assert.equal(info.Layers.length, 2, "the base layer and the model layer");
  assert.equal(info.Layers[0], base.layerDigest);

  const rootfs = await pullAndUnpack(`${reg.host}/models/fraud@${out.digest}`, work.dir);
  assert.equal(sha256Hex(join(rootfs, "models/fraud/1/model.onnx")), out.modelSha256);
  assert.equal(out.modelSha256, sha256Hex(model));
  assert.match(readFileSync(join(rootfs, "models/fraud/config.pbtxt"), "utf8"), /platform: "onnxruntime_onnx"/);
  assert.equal(readlinkSync(join(rootfs, "bin/sh")), "busybox");
  assert.ok(lstatSync(join(rootfs, "bin/busybox")).isFile());
});

test("a base in the same registry is mounted, not uploaded again; a second push uploads nothing", async () => {
  const baseRef = await pushBase(base, reg.host, "base/busybox");
  const model = writeModel(work.dir, [1, 2, 3, 4]);
  const args = [
    "package",
    "--model",
    model,
    "--name",
    "churn",
    "--base",
    baseRef,
    "--push",
    `${reg.host}/models/churn:7`,
    "--json",
  ];
  const first = await modelgate(args, work.dir);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(first.json().pushed.mounted, 1, "the busybox layer comes from base/busybox by mount");
  assert.equal(first.json().base.digest, baseRef.split("@")[1]);
  const second = await modelgate(args, work.dir);
  assert.equal(second.code, 0, second.stderr);
  assert.equal(second.json().digest, first.json().digest);
  assert.equal(second.json().pushed.uploaded, 0);
  assert.equal((await skopeoInspect(`${reg.host}/models/churn:7`)).Digest, first.json().digest);
});

test("chunked upload streams the model in PATCH chunks and the registry agrees on every digest", async () => {
  const model = writeModel(
    work.dir,
    Array.from({ length: 200_000 }, (_, i) => (i % 7) / 7),
  );
  const proxy = await startFlakyProxy(reg.host, {});
  try {
    const r = await modelgate(
      [
        "package",
        "--model",
        model,
        "--name",
        "big",
        "--base",
        "scratch",
        "--chunk-size",
        "0.25",
        "--push",
        `${proxy.host}/models/big:1`,
        "--json",
      ],
      work.dir,
    );
    assert.equal(r.code, 0, r.stderr);
    const patches = proxy.requests.filter((q) => q.startsWith("PATCH /v2/models/big/blobs/uploads/"));
    assert.ok(patches.length >= 3, `expected the 800 kB model in 256 KiB chunks, saw ${patches.length} PATCH requests`);
  } finally {
    await proxy.stop();
  }
  const rootfs = await pullAndUnpack(`${reg.host}/models/big:1`, join(work.dir, "big"));
  assert.equal(sha256Hex(join(rootfs, "models/big/1/model.onnx")), sha256Hex(model));
});

test("a registry base written to a layout: its layers are fetched into the layout, which umoci unpacks", async () => {
  const baseRef = await pushBase(base, reg.host, "base/busybox2");
  const model = writeModel(work.dir);
  const out = join(work.dir, "from-registry");
  const r = await modelgate(
    [
      "package",
      "--model",
      model,
      "--name",
      "fraud",
      "--base",
      baseRef,
      "--platform",
      "linux/amd64",
      "--layout",
      `${out}:img`,
      "--json",
    ],
    work.dir,
  );
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.json().platforms, ["linux/amd64"]);
  assert.equal(r.json().base.name, `${reg.host}/base/busybox2`);
  const single = join(work.dir, "from-registry-single");
  await skopeo(["copy", "--quiet", `oci:${out}:img`, `oci:${single}:img`]);
  const rootfs = unpack(single, "img", join(work.dir, "from-registry-bundle"));
  assert.equal(sha256Hex(join(rootfs, "models/fraud/1/model.onnx")), sha256Hex(model));
  assert.equal(readlinkSync(join(rootfs, "bin/ln")), "busybox");
});
