import assert from "node:assert/strict";
import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  statSync,
  chmodSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { REF_NAME } from "../../src/oci/layout.ts";
import { type BusyboxBase, buildBusyboxBase } from "../support/busybox-base.ts";
import { makeFixtureRepo } from "../support/fixture-repo.ts";
import { modelgate, sha256Hex, skopeo, tempDir, unpack, writeModel } from "./_helpers.ts";

const work = tempDir();
let base: BusyboxBase;
before(() => {
  base = buildBusyboxBase();
});
after(() => {
  base?.cleanup();
  work.cleanup();
});

test("building twice, in different directories, at different times, with different file times and modes, gives the same digest", async () => {
  const model = writeModel(work.dir);
  const digests: string[] = [];
  for (const [i, mode, mtime] of [[1, 0o600, 1_000_000] as const, [2, 0o755, 2_000_000_000] as const]) {
    const dir = join(work.dir, `build-${i}`, "some", "deeper".repeat(i));
    mkdirSync(dir, { recursive: true });
    const copy = join(dir, i === 1 ? "model.onnx" : "renamed.onnx");
    copyFileSync(model, copy);
    chmodSync(copy, mode);
    utimesSync(copy, mtime, mtime);
    // a base built afresh each time, in its own temp folder
    const b = buildBusyboxBase();
    try {
      const r = await modelgate(
        [
          "package",
          "--model",
          copy,
          "--name",
          "fraud",
          "--version",
          "1.0.0",
          "--base",
          b.ref,
          "--layout",
          join(dir, "out"),
          "--json",
        ],
        dir,
        { SOURCE_DATE_EPOCH: "1700000000", USER: `user${i}`, TZ: i === 1 ? "UTC" : "Asia/Tokyo" },
      );
      assert.equal(r.code, 0, r.stderr);
      digests.push(r.json().digest);
    } finally {
      b.cleanup();
    }
    if (i === 1) await new Promise((res) => setTimeout(res, 1100)); // a different second on the clock
  }
  assert.equal(digests[0], digests[1]);

  const other = await modelgate(
    [
      "package",
      "--model",
      model,
      "--name",
      "fraud",
      "--version",
      "1.0.0",
      "--base",
      base.ref,
      "--layout",
      join(work.dir, "other"),
      "--json",
    ],
    work.dir,
    { SOURCE_DATE_EPOCH: "1700000001" },
  );
  assert.notEqual(other.json().digest, digests[0], "SOURCE_DATE_EPOCH is part of the image");
});

test("the layout is an OCI image layout that skopeo copies and umoci unpacks: the model, its config.pbtxt, modes", async () => {
  const model = writeModel(work.dir);
  const out = join(work.dir, "layout");
  const r = await modelgate(
    [
      "package",
      "--model",
      model,
      "--name",
      "fraud",
      "--version",
      "2.0.0",
      "--base",
      base.ref,
      "--layout",
      `${out}:fraud-2`,
      "--json",
    ],
    work.dir,
  );
  assert.equal(r.code, 0, r.stderr);
  const res = r.json();
  assert.deepEqual(JSON.parse(readFileSync(join(out, "oci-layout"), "utf8")), { imageLayoutVersion: "1.0.0" });
  const index = JSON.parse(readFileSync(join(out, "index.json"), "utf8"));
  assert.equal(index.manifests[0].digest, res.digest);
  assert.equal(index.manifests[0].annotations[REF_NAME], "fraud-2");

  const raw = JSON.parse(await skopeo(["inspect", "--raw", `oci:${out}:fraud-2`]));
  assert.equal(raw.manifests.length, 2);
  assert.equal(raw.annotations["org.opencontainers.image.base.digest"], base.digest);
  assert.equal(raw.annotations["org.opencontainers.image.created"], "2023-11-14T22:13:20Z");

  // one platform out of the index (umoci unpacks single images), the way a runtime would pick it
  const single = join(work.dir, "single");
  await skopeo(["copy", "--quiet", `oci:${out}:fraud-2`, `oci:${single}:img`]);
  const rootfs = unpack(single, "img", work.dir);
  const onnx = join(rootfs, "models/fraud/1/model.onnx");
  assert.equal(sha256Hex(onnx), sha256Hex(model));
  assert.equal(statSync(onnx).mode & 0o777, 0o644);
  assert.equal(statSync(join(rootfs, "models/fraud/1")).mode & 0o777, 0o755);
  const pbtxt = readFileSync(join(rootfs, "models/fraud/config.pbtxt"), "utf8");
  assert.match(pbtxt, /name: "fraud"/);
  assert.match(pbtxt, /max_batch_size: 4/);
  assert.match(pbtxt, /name: "input"\n\s+data_type: TYPE_FP32\n\s+dims: \[ 3 \]/);
  assert.match(pbtxt, /name: "label"\n\s+data_type: TYPE_INT64\n\s+dims: \[ 1 \]\n\s+reshape: \{ shape: \[ \] \}/);
  assert.ok(statSync(join(rootfs, "bin/busybox")).isFile(), "the base's busybox is there");

  // a second image in the same layout keeps the first
  const again = await modelgate(
    ["package", "--base", "scratch", "--model", model, "--name", "fraud", "--layout", `${out}:scratch`, "--json"],
    work.dir,
  );
  assert.equal(again.code, 0, again.stderr);
  const names = JSON.parse(readFileSync(join(out, "index.json"), "utf8")).manifests.map(
    (m: any) => m.annotations[REF_NAME],
  );
  assert.deepEqual(names.sort(), ["fraud-2", "scratch"]);
  const scratch = JSON.parse(await skopeo(["inspect", `oci:${out}:scratch`]));
  assert.equal(scratch.Layers.length, 1, "--base scratch: the model layer only");
});

test("MODEL mode reads the manifests: name, version, license; the layout goes under .modelgate/images by default", async () => {
  const repo = makeFixtureRepo();
  repo.write(
    "models/churn/model.yaml",
    readFileSync(join(repo.root, "models/churn/model.yaml"), "utf8").replace(
      "    intendedUse:",
      "    license: Apache-2.0\n    intendedUse:",
    ),
  );
  const r = await modelgate(["package", "churn", "--json"], join(repo.root, "models"));
  assert.equal(r.code, 0, r.stderr);
  const res = r.json();
  assert.equal(res.name, "churn");
  assert.equal(res.version, "1.0.0");
  assert.equal(res.layout.dir, join(repo.root, ".modelgate", "images"));
  const info = JSON.parse(await skopeo(["inspect", `oci:${res.layout.dir}:1.0.0`]));
  assert.equal(info.Labels["org.opencontainers.image.licenses"], "Apache-2.0");
  assert.equal(info.Labels["dev.modelgate.model.sha256"], sha256Hex(join(repo.root, "models/churn/model.onnx")));
});

test("a model file that differs from its manifest's sha256 is refused (exit 1)", async () => {
  const repo = makeFixtureRepo();
  writeFileSync(join(repo.root, "models/churn/model.onnx"), readFileSync(writeModel(work.dir, [9, 9])));
  const r = await modelgate(["package", "churn", "--layout", join(work.dir, "refused")], repo.root);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /differs from the one that was evaluated/);
});

test("usage errors exit 2 and say what to do", async () => {
  const model = writeModel(work.dir);
  const noWhere = await modelgate(["package", "--base", "scratch", "--model", model, "--name", "fraud"], work.dir);
  assert.equal(noWhere.code, 2);
  assert.match(noWhere.stderr, /--layout DIR or --push/);
  const noName = await modelgate(["package", "--base", "scratch", "--model", model, "--layout", "x"], work.dir);
  assert.equal(noName.code, 2);
  assert.match(noName.stderr, /--name/);
  const remote = await modelgate(
    [
      "package",
      "--base",
      "scratch",
      "--model",
      model,
      "--name",
      "f",
      "--push",
      "example.com/a/b:1@sha256:" + "0".repeat(64),
    ],
    work.dir,
  );
  assert.equal(remote.code, 2);
  const help = await modelgate(["package", "--help"], work.dir);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /modelgate package MODEL/);
});

test("bad input to package is a message and exit 2 before any build: a port out of range, SOURCE_DATE_EPOCH past tar's range, a large file that is not ONNX", async () => {
  const model = writeModel(work.dir);
  const port = await modelgate(
    ["package", "--base", "scratch", "--model", model, "--name", "f", "--push", "reg.example:99999/r"],
    work.dir,
  );
  assert.equal(port.code, 2, port.stderr);
  assert.match(
    port.stderr,
    /^modelgate package: --push "reg\.example:99999\/r": "reg\.example:99999" is not a registry host \(port 99999 is not from 1 to 65535\); write HOST\[:PORT\]\/REPOSITORY/,
  );

  // 8589934591 (0o77777777777) is the last second an 11-digit octal tar header holds; one more used to wrap silently
  const out = join(work.dir, "sde");
  const last = await modelgate(
    ["package", "--base", "scratch", "--model", model, "--name", "f", "--layout", out],
    work.dir,
    {
      SOURCE_DATE_EPOCH: "8589934591",
    },
  );
  assert.equal(last.code, 0, last.stderr);
  const past = await modelgate(
    ["package", "--base", "scratch", "--model", model, "--name", "f", "--layout", out],
    work.dir,
    {
      SOURCE_DATE_EPOCH: "8589934592",
    },
  );
  assert.equal(past.code, 2);
  assert.match(
    past.stderr,
    /SOURCE_DATE_EPOCH=8589934592 is past what a tar header holds \(8589934591, 2242-03-16T12:56:31\.000Z\)/,
  );

  // above 64 MiB the ONNX file is skimmed, not read whole: its errors name the file too
  const big = join(work.dir, "big.onnx");
  writeFileSync(big, "not an onnx file\n");
  truncateSync(big, 65 << 20);
  const notOnnx = await modelgate(
    ["package", "--base", "scratch", "--model", big, "--name", "f", "--layout", out],
    work.dir,
  );
  assert.equal(notOnnx.code, 2);
  assert.match(
    notOnnx.stderr,
    /big\.onnx is not an ONNX model \(an unknown wire type 6 at byte 0\); export the model to ONNX first/,
  );
  for (const r of [port, past, notOnnx]) assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
});

test("a registry that does not speak HTTP is a failed step (exit 1) saying so, not an internal error", async () => {
  const model = writeModel(work.dir);
  const server = createServer((s) => s.end("this is not HTTP\r\n\r\n"));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  try {
    const { port } = server.address() as AddressInfo;
    const r = await modelgate(
      ["package", "--base", "scratch", "--model", model, "--name", "f", "--push", `127.0.0.1:${port}/r:1`],
      work.dir,
    );
    assert.equal(r.code, 1, r.stderr);
    assert.match(
      r.stderr,
      /^modelgate package: cannot talk to the registry: Parse Error: .*; check that an OCI registry runs there/m,
    );
    assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
  } finally {
    server.close();
  }
});
