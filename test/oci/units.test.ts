import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { buildModel, logisticRegressionModel } from "../support/onnx-build.ts";
import { readOnnxSignature } from "../../src/onnx/signature.ts";
import { hashSegments, segmentBlob } from "../../src/oci/blob.ts";
import { appendLayer, type BaseImage, scratchBase } from "../../src/oci/image.ts";
import { readOnnxHead } from "../../src/onnx/head.ts";
import { isLoopback, parseReference } from "../../src/oci/reference.ts";
import { parseChallenge } from "../../src/oci/registry.ts";
import { tarSegments } from "../../src/oci/tar.ts";
import { tritonConfig } from "../../src/oci/triton.ts";
import { MediaType } from "../../src/oci/types.ts";
import { tempDir } from "./_helpers.ts";

const work = tempDir();
after(() => work.cleanup());

async function tarFile(segments: ReturnType<typeof tarSegments>, name: string): Promise<string> {
  const h = await hashSegments(segments);
  const chunks: Buffer[] = [];
  for await (const c of segmentBlob(MediaType.layer, segments, h.digest, h.size).open()) chunks.push(c as Buffer);
  const path = join(work.dir, name);
  writeFileSync(path, Buffer.concat(chunks));
  return path;
}

test("the tar layer reads back with GNU tar: sorted, parents first, root-owned with no names, one mtime, 0644/0755", async () => {
  const file = join(work.dir, "weights.bin");
  writeFileSync(file, Buffer.alloc(1000, 7));
  const segments = tarSegments(
    [
      { type: "file", path: "models/b/1/model.onnx", file, size: 1000 },
      { type: "file", path: "models/b/config.pbtxt", content: Buffer.from("x") },
      { type: "file", path: "models/a.txt", content: Buffer.from("a") },
    ],
    1_700_000_000,
  );
  const path = await tarFile(segments, "a.tar");
  const listing = execFileSync("tar", ["--numeric-owner", "--full-time", "-tvf", path], {
    encoding: "utf8",
    env: { TZ: "UTC" },
  })
    .trim()
    .split("\n")
    .map((l) => l.split(/\s+/));
  assert.deepEqual(
    listing.map((f) => f[5]),
    ["models/", "models/a.txt", "models/b/", "models/b/1/", "models/b/1/model.onnx", "models/b/config.pbtxt"],
  );
  for (const f of listing) {
    assert.equal(f[1], "0/0");
    assert.equal(`${f[3]} ${f[4]}`, "2023-11-14 22:13:20");
    assert.equal(f[0], f[5].endsWith("/") ? "drwxr-xr-x" : "-rw-r--r--");
  }
  assert.equal(listing[4][2], "1000");
});

test("long and non-ASCII names go in pax headers, which GNU tar reads", async () => {
  const long = `models/${"m".repeat(120)}/1/model.onnx`;
  const path = await tarFile(
    tarSegments(
      [
        { type: "file", path: long, content: Buffer.from("x") },
        { type: "file", path: "models/größe.txt", content: Buffer.from("y") },
      ],
      0,
    ),
    "b.tar",
  );
  const names = execFileSync("tar", ["-tf", path], { encoding: "utf8" }).trim().split("\n");
  assert.ok(names.includes(long));
  assert.ok(names.includes("models/größe.txt"));
});

test("the same entries give the same bytes; a different mtime gives different bytes", async () => {
  const entries = [{ type: "file" as const, path: "a/b", content: Buffer.from("z") }];
  const a = await hashSegments(tarSegments(entries, 5));
  const b = await hashSegments(tarSegments([...entries].reverse(), 5));
  const c = await hashSegments(tarSegments(entries, 6));
  assert.equal(a.digest, b.digest);
  assert.notEqual(a.digest, c.digest);
  assert.equal(a.size % 512, 0);
});

test("config.pbtxt: Triton types, the batch dimension left out of dims, max_batch_size", () => {
  const sig = readOnnxSignature(logisticRegressionModel({ weights: [1, 2, 3, 4, 5], bias: 0 }));
  const c = tritonConfig("fraud", sig, 16);
  assert.equal(c.maxBatchSize, 16);
  assert.equal(
    c.text,
    [
      'name: "fraud"',
      'platform: "onnxruntime_onnx"',
      "max_batch_size: 16",
      "input [",
      "  {",
      '    name: "input"',
      "    data_type: TYPE_FP32",
      "    dims: [ 5 ]",
      "  }",
      "]",
      "output [",
      "  {",
      '    name: "label"',
      "    data_type: TYPE_INT64",
      "    dims: [ 1 ]",
      "    reshape: { shape: [ ] }",
      "  },",
      "  {",
      '    name: "probabilities"',
      "    data_type: TYPE_FP32",
      "    dims: [ 2 ]",
      "  }",
      "]",
      "",
    ].join("\n"),
  );
});

test("config.pbtxt: a fixed first dimension means no batching; a ZipMap output is left out with a note", () => {
  const fixed = tritonConfig("m", {
    irVersion: 8,
    opsetVersion: 17,
    opsets: [],
    producer: "",
    inputs: [{ name: "x", kind: "tensor", type: "float64", shape: [1, 3] }],
    outputs: [
      { name: "y", kind: "tensor", type: "float32", shape: [1, "k"] },
      { name: "zip", kind: "sequence", type: "seq(map(int64,float32))", shape: [] },
    ],
  });
  assert.equal(fixed.maxBatchSize, 0);
  assert.match(fixed.text, /data_type: TYPE_FP64\n {4}dims: \[ 1, 3 \]/);
  assert.match(fixed.text, /dims: \[ 1, -1 \]/);
  assert.deepEqual(fixed.skipped, ["zip"]);
  assert.doesNotMatch(fixed.text, /zip/);
});

test("readOnnxHead skips the weights and gives the signature the whole file gives", async () => {
  const weights = Array.from({ length: 50_000 }, (_, i) => i / 50_000);
  const bytes = buildModel({
    inputs: [{ name: "x", type: "float32", shape: ["batch", 50_000] }],
    outputs: [{ name: "y", type: "float32", shape: ["batch", 1] }],
    initializers: [{ name: "W", type: "float32", dims: [50_000, 1], values: weights }],
    nodes: [{ op: "MatMul", inputs: ["x", "W"], outputs: ["y"] }],
  });
  const path = join(work.dir, "big.onnx");
  writeFileSync(path, bytes);
  const head = await readOnnxHead(path);
  assert.ok(head.byteLength < 1000, `head is ${head.byteLength} bytes`);
  assert.deepEqual(readOnnxSignature(head), readOnnxSignature(bytes));
});

test("appending to a multi-platform base: one manifest per platform, the layer last, Docker types as OCI types", () => {
  const basePlatform = (arch: string) => ({
    platform: { os: "linux", architecture: arch },
    manifestDigest: `sha256:${arch === "amd64" ? "a" : "b"}`.padEnd(71, "0"),
    manifest: {
      schemaVersion: 2 as const,
      mediaType: MediaType.dockerManifest,
      config: { mediaType: MediaType.dockerConfig, digest: `sha256:${"c".repeat(64)}`, size: 1 },
      layers: [{ mediaType: MediaType.dockerLayerGzip, digest: `sha256:${"d".repeat(64)}`, size: 10 }],
    },
    config: {
      architecture: arch,
      os: "linux",
      config: { Env: ["PATH=/bin"], Labels: { keep: "me" } },
      rootfs: { type: "layers" as const, diff_ids: [`sha256:${"e".repeat(64)}`] },
      history: [{ created_by: "base" }],
    },
  });
  const base: BaseImage = {
    name: "busybox",
    digest: `sha256:${"f".repeat(64)}`,
    platforms: [basePlatform("amd64"), basePlatform("arm64")],
  };
  const layer = { mediaType: MediaType.layer, digest: `sha256:${"1".repeat(64)}`, size: 2048 };
  const spec = {
    base,
    layer,
    diffId: layer.digest,
    created: "2024-01-01T00:00:00Z",
    labels: { "org.opencontainers.image.title": "m" },
    createdBy: "test",
  };
  const img = appendLayer(spec);
  assert.equal(img.manifests.length, 2);
  const m = JSON.parse(Buffer.from(img.manifests[1].bytes).toString("utf8"));
  assert.equal(m.mediaType, MediaType.manifest);
  assert.deepEqual(
    m.layers.map((l: any) => l.mediaType),
    [MediaType.layerGzip, MediaType.layer],
  );
  assert.equal(m.annotations["org.opencontainers.image.base.digest"], base.platforms[1].manifestDigest);
  const cfg = JSON.parse(Buffer.from(img.configs[0].bytes).toString("utf8"));
  assert.deepEqual(cfg.rootfs.diff_ids, [`sha256:${"e".repeat(64)}`, layer.digest]);
  assert.deepEqual(cfg.config.Env, ["PATH=/bin"]);
  assert.equal(cfg.config.Labels.keep, "me");
  assert.equal(cfg.history.length, 2);
  assert.equal(appendLayer(spec).index.descriptor.digest, img.index.descriptor.digest, "values in, same values out");
  assert.equal(
    appendLayer({ ...spec, base: scratchBase() }).manifests.length,
    2,
    "scratch: linux/amd64 and linux/arm64",
  );
  assert.equal(
    appendLayer({ ...spec, base: scratchBase([{ os: "linux", architecture: "arm64" }]) }).manifests.length,
    1,
  );
});

test("references, loopback detection and WWW-Authenticate challenges", () => {
  assert.deepEqual(parseReference("ghcr.io/acme/models/fraud:1.2.0"), {
    registry: "ghcr.io",
    repository: "acme/models/fraud",
    tag: "1.2.0",
    digest: undefined,
  });
  assert.deepEqual(parseReference("127.0.0.1:5000/m@sha256:" + "a".repeat(64)), {
    registry: "127.0.0.1:5000",
    repository: "m",
    tag: undefined,
    digest: `sha256:${"a".repeat(64)}`,
  });
  assert.equal(parseReference("busybox:1.36").repository, "library/busybox");
  assert.throws(() => parseReference("ghcr.io/Acme/x"), /not a valid repository/);
  assert.ok(
    isLoopback("127.0.0.1:5000") &&
      isLoopback("localhost:5000") &&
      !isLoopback("ghcr.io") &&
      !isLoopback("127.example.com"),
  );
  assert.deepEqual(
    parseChallenge('Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:a/b:pull"'),
    {
      scheme: "bearer",
      params: { realm: "https://ghcr.io/token", service: "ghcr.io", scope: "repository:a/b:pull" },
    },
  );
});

test("a tar header field never wraps silently: an mtime past 11 octal digits is refused", () => {
  const entries = [{ type: "file" as const, path: "a", content: Buffer.from("a") }];
  assert.doesNotThrow(() => tarSegments(entries, 0o77777777777));
  assert.throws(
    () => tarSegments(entries, 0o77777777777 + 1),
    /tar: 8589934592 does not fit a 11-digit octal header field/,
  );
});
