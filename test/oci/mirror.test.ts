/**
 * Mirroring keeps the digest (issue #21, item 3): the model layer is a gzip member that copy tools keep byte for byte,
 * so `skopeo copy --all` with its default flags (only plain HTTP allowed, for the loopback registry) gives the same
 * index, manifests and layers in the mirror, and every pinned overlay and referrer still finds the image there.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { type BusyboxBase, buildBusyboxBase } from "../support/busybox-base.ts";
import { startRegistry, type TestRegistry } from "../support/registry.ts";
import { modelgate, skopeo, skopeoInspect, tempDir, writeModel } from "./_helpers.ts";

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

const sha = (b: Uint8Array) => `sha256:${createHash("sha256").update(b).digest("hex")}`;

for (const [label, baseArgs] of [
  ["on busybox", () => ["--base", base.ref]],
  ["on scratch", () => ["--base", "scratch"]],
] as const) {
  test(`skopeo copy --all with default flags keeps the index digest (${label})`, async () => {
    const model = writeModel(work.dir, [0.25, 0.5, 0.75]);
    const repo = label.replace(/\W/g, "");
    const r = await modelgate(
      [
        "package",
        "--model",
        model,
        "--name",
        "fraud",
        ...baseArgs(),
        "--push",
        `${reg.host}/models/${repo}:1`,
        "--json",
      ],
      work.dir,
    );
    assert.equal(r.code, 0, r.stderr);
    const digest: string = r.json().digest;
    await skopeo([
      "copy",
      "--all",
      "--src-tls-verify=false",
      "--dest-tls-verify=false",
      `docker://${reg.host}/models/${repo}:1`,
      `docker://${reg.host}/mirror/${repo}:1`,
    ]);
    const mirrored = await skopeoInspect(`${reg.host}/mirror/${repo}:1`);
    assert.equal(mirrored.Digest, digest, "the mirror serves the same index digest");
    const original = await skopeoInspect(`${reg.host}/models/${repo}:1`, { raw: true });
    const copy = await skopeoInspect(`${reg.host}/mirror/${repo}:1`, { raw: true });
    assert.deepEqual(copy, original, "and the same platform manifests");
    assert.deepEqual(
      original.manifests.map((m: any) => `${m.platform.os}/${m.platform.architecture}`),
      ["linux/amd64", "linux/arm64"],
    );
  });
}

test("the model layer is a deterministic gzip member: no name, no mtime; diff_id is the sha256 of the tar inside", async () => {
  const model = writeModel(work.dir, [1, 2, 3]);
  const out = join(work.dir, "gz");
  const r = await modelgate(
    ["package", "--model", model, "--name", "fraud", "--base", base.ref, "--layout", `${out}:img`, "--json"],
    work.dir,
  );
  assert.equal(r.code, 0, r.stderr);
  const blob = (d: string) => readFileSync(join(out, "blobs", ...d.split(":")));
  const index = JSON.parse(blob(r.json().digest).toString("utf8"));
  for (const m of index.manifests) {
    const manifest = JSON.parse(blob(m.digest).toString("utf8"));
    const layer = manifest.layers.at(-1);
    assert.equal(layer.mediaType, "application/vnd.oci.image.layer.v1.tar+gzip");
    assert.equal(layer.digest, r.json().layer);
    const gz = blob(layer.digest);
    assert.deepEqual([...gz.subarray(0, 4)], [0x1f, 0x8b, 8, 0], "gzip, deflate, no FNAME/FCOMMENT/FEXTRA flags");
    assert.equal(gz.readUInt32LE(4), 0, "no mtime");
    // Python's zlib and GNU gzip read it; GNU tar lists the model inside
    const tar = execFileSync(
      "python3",
      ["-c", "import gzip,sys; sys.stdout.buffer.write(gzip.decompress(sys.stdin.buffer.read()))"],
      {
        input: gz,
        maxBuffer: 64 << 20,
      },
    );
    execFileSync("gzip", ["-t"], { input: gz });
    assert.match(execFileSync("tar", ["-tzf", "-"], { input: gz, encoding: "utf8" }), /models\/fraud\/1\/model\.onnx/);
    const config = JSON.parse(blob(manifest.config.digest).toString("utf8"));
    assert.equal(config.rootfs.diff_ids.at(-1), sha(tar), "diff_id = sha256 of the uncompressed tar");
  }
});
