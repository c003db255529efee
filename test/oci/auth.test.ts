import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type BusyboxBase, buildBusyboxBase, pushBase } from "../support/busybox-base.ts";
import { startRegistry, type TestRegistry } from "../support/registry.ts";
import { modelgate, skopeoInspect, tempDir, writeModel } from "./_helpers.ts";

const work = tempDir();
let base: BusyboxBase;
before(() => {
  base = buildBusyboxBase();
});
after(() => {
  base?.cleanup();
  work.cleanup();
});

describe("a registry with htpasswd (Basic auth)", () => {
  let reg: TestRegistry;
  before(async () => {
    reg = await startRegistry({ auth: "htpasswd" });
  });
  after(async () => {
    await reg?.stop();
  });

  test("without credentials the push stops with exit 2 and says which variables to set", async () => {
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
        `${reg.host}/models/fraud:1`,
      ],
      work.dir,
    );
    assert.equal(r.code, 2);
    assert.match(r.stderr, /needs credentials/);
    assert.match(r.stderr, /MODELGATE_REGISTRY_USERNAME/);
  });

  test("a wrong password is denied with exit 2", async () => {
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
        `${reg.host}/models/fraud:1`,
      ],
      work.dir,
      { MODELGATE_REGISTRY_USERNAME: reg.username, MODELGATE_REGISTRY_PASSWORD: "not-the-password" },
    );
    assert.equal(r.code, 2);
    assert.match(r.stderr, /denied/);
  });

  test("with credentials from the environment the image is pushed; skopeo reads it with the same credentials", async () => {
    const r = await modelgate(
      [
        "package",
        "--model",
        writeModel(work.dir),
        "--name",
        "fraud",
        "--base",
        base.ref,
        "--push",
        `${reg.host}/models/fraud:1`,
      ],
      work.dir,
      { MODELGATE_REGISTRY_USERNAME: reg.username, MODELGATE_REGISTRY_PASSWORD: reg.password },
    );
    assert.equal(r.code, 0, r.stderr);
    const digest = r.stdout.trim();
    assert.equal(
      (await skopeoInspect(`${reg.host}/models/fraud:1`, { creds: `${reg.username}:${reg.password}` })).Digest,
      digest,
    );
  });
});

describe("a registry with token auth (the Bearer flow ghcr.io uses)", () => {
  let reg: TestRegistry;
  before(async () => {
    reg = await startRegistry({ auth: "token" });
  });
  after(async () => {
    await reg?.stop();
  });

  test("anonymous tokens carry no push right: exit 2", async () => {
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
        `${reg.host}/models/fraud:1`,
      ],
      work.dir,
    );
    assert.equal(r.code, 2);
    assert.match(r.stderr, /denied/);
  });

  test("with credentials the client gets a token for the push scope (and the base's pull scope to mount)", async () => {
    const creds = { username: reg.username!, password: reg.password! };
    const baseRef = await pushBase(base, reg.host, "base/busybox", creds);
    const r = await modelgate(
      [
        "package",
        "--model",
        writeModel(work.dir),
        "--name",
        "fraud",
        "--base",
        baseRef,
        "--push",
        `${reg.host}/models/fraud:1`,
        "--json",
      ],
      work.dir,
      { MODELGATE_REGISTRY_USERNAME: reg.username, MODELGATE_REGISTRY_PASSWORD: reg.password },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.json().pushed.mounted, 1);
    const ours = reg.tokenRequests.filter((t) => t.user === reg.username);
    assert.ok(ours.some((t) => t.scopes.includes("repository:models/fraud:pull,push")));
    assert.ok(
      ours.some(
        (t) =>
          t.scopes.includes("repository:models/fraud:pull,push") && t.scopes.includes("repository:base/busybox:pull"),
      ),
      "the mount asks for both repositories in one token",
    );
    assert.equal(
      (await skopeoInspect(`${reg.host}/models/fraud:1`, { creds: `${reg.username}:${reg.password}` })).Digest,
      r.json().digest,
    );
  });
});
