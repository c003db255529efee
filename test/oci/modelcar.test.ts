/**
 * The default image is one released KServe serves (issue #21, item 1): a modelcar, whose base has what KServe's
 * modelcar sidecar runs (`sh -c "mkdir -p … && ln -sf … && sleep infinity"`), checked in the base's own layers; or,
 * where modelgate.yaml says the clusters mount images as volumes, any base (scratch by default).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { gzipSync } from "node:zlib";
import { chooseBase, DEFAULT_MODELCAR_BASE } from "../../src/oci/base.ts";
import { parseReference } from "../../src/oci/reference.ts";
import { type BusyboxBase, buildBusyboxBase } from "../support/busybox-base.ts";
import { makeFixtureRepo } from "../support/fixture-repo.ts";
import { modelgate, skopeo, tempDir } from "./_helpers.ts";

const work = tempDir();
const sha = (b: Uint8Array) => `sha256:${createHash("sha256").update(b).digest("hex")}`;
let noMkdir: BusyboxBase;
let whitedOut: BusyboxBase;
before(() => {
  noMkdir = buildBusyboxBase("busybox-no-mkdir", { links: ["sh", "ln", "sleep"] });
  whitedOut = buildBusyboxBase("busybox-no-sh");
  appendLayer(whitedOut, { "bin/.wh.sh": "" });
});
after(() => {
  noMkdir?.cleanup();
  whitedOut?.cleanup();
  work.cleanup();
});

/** Adds a layer (files written with GNU tar, gzip'd) on top of every platform of a layout's image, as a build step would. */
function appendLayer(base: BusyboxBase, files: Record<string, string>): void {
  const root = join(base.dir, "..", "upper");
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(root, p, ".."), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  const tar = execFileSync("tar", ["--create", "--sort=name", "--owner=0", "--group=0", "--mtime=@0", "-C", root, "."]);
  const gz = gzipSync(tar);
  const put = (bytes: Uint8Array) => {
    const d = sha(bytes);
    writeFileSync(join(base.dir, "blobs", "sha256", d.slice(7)), bytes);
    return { digest: d, size: bytes.byteLength };
  };
  const read = (d: string) => JSON.parse(readFileSync(join(base.dir, "blobs", "sha256", d.slice(7)), "utf8"));
  const layer = { mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", ...put(gz) };
  const outer = JSON.parse(readFileSync(join(base.dir, "index.json"), "utf8"));
  const index = read(outer.manifests[0].digest);
  index.manifests = index.manifests.map((m: any) => {
    const manifest = read(m.digest);
    const config = read(manifest.config.digest);
    config.rootfs.diff_ids.push(sha(tar));
    manifest.config = { ...manifest.config, ...put(Buffer.from(JSON.stringify(config))) };
    manifest.layers.push(layer);
    return { ...m, ...put(Buffer.from(JSON.stringify(manifest))) };
  });
  outer.manifests[0] = { ...outer.manifests[0], ...put(Buffer.from(JSON.stringify(index))) };
  writeFileSync(join(base.dir, "index.json"), JSON.stringify(outer));
}

function repoWith(spec: string): string {
  const repo = makeFixtureRepo();
  const yaml = readFileSync(join(repo.root, "modelgate.yaml"), "utf8");
  repo.write("modelgate.yaml", yaml.replace(/ {2}base:\n {4}image: \S+\n/, spec));
  return repo.root;
}

test("the default base is busybox from Docker Hub, pinned by the digest of its index; a modelcar needs sh, mkdir, ln, sleep", () => {
  const choice = chooseBase({ cwd: work.dir });
  assert.deepEqual(choice, { spec: DEFAULT_MODELCAR_BASE, from: "the default base", modelcar: "require" });
  const ref = parseReference(DEFAULT_MODELCAR_BASE);
  assert.equal(ref.registry, "docker.io");
  assert.equal(ref.repository, "library/busybox");
  assert.match(ref.digest ?? "", /^sha256:[0-9a-f]{64}$/);
  // image volumes need no base; a layout named in modelgate.yaml is found from the repository root
  assert.deepEqual(chooseBase({ cwd: work.dir, config: { root: "/r", storage: "image-volume" } }), {
    spec: "scratch",
    from: "the default base for image volumes",
  });
  assert.deepEqual(
    chooseBase({
      cwd: "/elsewhere",
      config: { root: "/r", base: { image: "oci:bases/bb:busybox" }, storage: "modelcar" },
    }),
    { spec: "oci:/r/bases/bb:busybox", from: "modelgate.yaml spec.base", modelcar: "require" },
  );
  assert.equal(chooseBase({ flag: "oci:here", cwd: "/w" }).spec, "oci:/w/here");
});

test("modelgate.yaml's base without what the modelcar sidecar runs is refused (exit 2) before anything is written", async () => {
  for (const [spec, missing] of [
    [
      "  base:\n    image: scratch\n",
      /no sh, mkdir, ln, sleep on linux\/amd64; no sh, mkdir, ln, sleep on linux\/arm64/,
    ],
    [`  base:\n    image: ${noMkdir.ref}\n`, /no mkdir on linux\/amd64; no mkdir on linux\/arm64/],
    [`  base:\n    image: ${whitedOut.ref}\n`, /no sh on linux\/amd64; no sh on linux\/arm64/],
  ] as const) {
    const root = repoWith(spec);
    const r = await modelgate(["package", "churn"], root);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /modelgate\.yaml spec\.base \S+ cannot run as a modelcar: /);
    assert.match(r.stderr, missing);
    assert.match(r.stderr, /sleep infinity/);
    assert.match(r.stderr, /or set spec\.kserve\.storage: image-volume/);
    assert.equal(existsSync(join(root, ".modelgate", "images")), false, "nothing written");
  }
});

test("spec.kserve.storage image-volume: scratch by default, any base, no modelcar check", async () => {
  const root = repoWith("  kserve:\n    storage: image-volume\n");
  const r = await modelgate(["package", "churn", "--json"], root);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.json().base.name, "scratch");
  assert.deepEqual(r.json().platforms, ["linux/amd64", "linux/arm64"]);
  assert.deepEqual(r.json().warnings, []);
  const info = JSON.parse(await skopeo(["inspect", `oci:${r.json().layout.dir}:1.0.0`]));
  assert.equal(info.Layers.length, 1, "the model layer only");
});

test("a base named with --base that cannot be a modelcar is built, with a warning that says so", async () => {
  const root = repoWith("");
  const r = await modelgate(["package", "churn", "--base", noMkdir.ref, "--json"], root);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.json().warnings.length, 1, r.stderr);
  assert.match(
    r.json().warnings[0],
    /^--base oci:\S+:busybox-no-mkdir cannot run as a modelcar \(no mkdir on linux\/amd64; no mkdir on linux\/arm64\): .* KServe can mount it as an image volume \(oci\+native:\/\/, spec\.kserve\.storage: image-volume\)/,
  );
  const good = await modelgate(["package", "churn", "--json"], makeFixtureRepo().root);
  assert.equal(good.code, 0, good.stderr);
  assert.deepEqual(good.json().warnings, [], "the busybox base passes the check");
});
