/**
 * amd64 and arm64 (issue #21, item 2): the index lists linux/amd64 and linux/arm64 by default, each on its base's
 * image for that platform, the model layer shared; --platform is obeyed for every base, scratch included, and a
 * platform the base lacks is an error, never skipped.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { type BusyboxBase, buildBusyboxBase } from "../support/busybox-base.ts";
import { modelgate, skopeo, tempDir, writeModel } from "./_helpers.ts";

const work = tempDir();
let base: BusyboxBase;
let amd64Only: BusyboxBase;
before(() => {
  base = buildBusyboxBase();
  amd64Only = buildBusyboxBase("busybox-amd64", { arches: ["amd64"] });
});
after(() => {
  base?.cleanup();
  amd64Only?.cleanup();
  work.cleanup();
});

function readIndex(layout: string, digest: string) {
  const blob = (d: string) => JSON.parse(readFileSync(join(layout, "blobs", ...d.split(":")), "utf8"));
  const index = blob(digest);
  return index.manifests.map((m: any) => {
    const manifest = blob(m.digest);
    return {
      platform: `${m.platform.os}/${m.platform.architecture}`,
      manifest,
      config: blob(manifest.config.digest),
    };
  });
}

async function pkg(name: string, args: string[]) {
  const out = join(work.dir, name);
  const r = await modelgate(
    ["package", "--model", writeModel(work.dir), "--name", "fraud", "--layout", `${out}:img`, "--json", ...args],
    work.dir,
  );
  return { r, out };
}

for (const [label, args] of [
  ["busybox", () => ["--base", base.ref]],
  ["scratch", () => ["--base", "scratch"]],
] as const) {
  test(`by default the index lists linux/amd64 and linux/arm64, the model layer shared (${label})`, async () => {
    const { r, out } = await pkg(`default-${label}`, args());
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.json().platforms, ["linux/amd64", "linux/arm64"]);
    const entries = readIndex(out, r.json().digest);
    assert.deepEqual(
      entries.map((e: any) => e.platform),
      ["linux/amd64", "linux/arm64"],
    );
    for (const e of entries) {
      assert.equal(e.config.architecture, e.platform.split("/")[1], "each config names its own architecture");
      assert.equal(e.manifest.layers.at(-1).digest, r.json().layer, "one model layer for every platform");
    }
    // skopeo picks the arm64 image out of the index when asked for it
    const arm = JSON.parse(
      await skopeo(["--override-arch", "arm64", "--override-os", "linux", "inspect", "--config", `oci:${out}:img`]),
    );
    assert.equal(arm.architecture, "arm64");
  });

  test(`--platform is obeyed (${label}): linux/arm64 alone gives an index of linux/arm64 alone`, async () => {
    const { r, out } = await pkg(`arm64-${label}`, [...args(), "--platform", "linux/arm64"]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.json().platforms, ["linux/arm64"]);
    assert.deepEqual(
      readIndex(out, r.json().digest).map((e: any) => e.platform),
      ["linux/arm64"],
    );
  });
}

test("a platform the base lacks is an error naming what it has and the flag that builds for those", async () => {
  const missing = await pkg("s390x", ["--base", base.ref, "--platform", "linux/amd64,linux/s390x"]);
  assert.equal(missing.r.code, 2, missing.r.stderr);
  assert.match(
    missing.r.stderr,
    /--base oci:\S+:busybox has no linux\/s390x image \(it has linux\/amd64, linux\/arm64\); build for the platforms it has with --platform linux\/amd64,linux\/arm64/,
  );
  const single = await pkg("amd64-only", ["--base", amd64Only.ref]);
  assert.equal(single.r.code, 2, "the default linux/arm64 is not silently dropped");
  assert.match(single.r.stderr, /has no linux\/arm64 image \(it has linux\/amd64\); .*--platform linux\/amd64/);
  const ok = await pkg("amd64-only-ok", ["--base", amd64Only.ref, "--platform", "linux/amd64"]);
  assert.equal(ok.r.code, 0, ok.r.stderr);
  assert.deepEqual(ok.r.json().platforms, ["linux/amd64"]);
  const twice = await pkg("twice", ["--base", "scratch", "--platform", "linux/amd64,linux/amd64"]);
  assert.equal(twice.r.code, 2);
  assert.match(twice.r.stderr, /--platform lists linux\/amd64 twice/);
});
