import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { makeFixtureRepo } from "../support/fixture-repo.ts";
import { startRegistry, type TestRegistry } from "../support/registry.ts";
import { runAction } from "../support/run-action.ts";
import { skopeoInspect } from "./_helpers.ts";

let reg: TestRegistry;
before(async () => {
  reg = await startRegistry({ auth: "htpasswd" });
});
after(async () => {
  await reg?.stop();
});

test("the package action pushes with the registry-password input (masked) and sets digest and reference", async () => {
  const { root } = makeFixtureRepo();
  const r = runAction("package", {
    workspace: root,
    inputs: {
      model: "churn",
      push: `${reg.host}/models/churn`,
      "registry-username": reg.username!,
      "registry-password": reg.password!,
    },
    env: { SOURCE_DATE_EPOCH: "1700000000" },
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, new RegExp(`::add-mask::${reg.password}`));
  assert.match(r.outputs.digest, /^sha256:[a-f0-9]{64}$/);
  assert.equal(r.outputs.reference, `${reg.host}/models/churn:1.0.0@${r.outputs.digest}`);
  const info = await skopeoInspect(`${reg.host}/models/churn:1.0.0`, { creds: `${reg.username}:${reg.password}` });
  assert.equal(info.Digest, r.outputs.digest);
  assert.equal(info.Labels["dev.modelgate.model.sha256"], r.outputs["model-sha256"]);
});

test("without a registry the action writes the layout and reports it; a wrong name fails the step", () => {
  const { root } = makeFixtureRepo();
  const ok = runAction("package", { workspace: root, inputs: { model: "churn" } });
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  assert.equal(ok.outputs.layout, `${join(root, ".modelgate", "images")}:1.0.0`);
  const bad = runAction("package", { workspace: root, inputs: { model: "nope" } });
  assert.equal(bad.status, 2);
  assert.match(bad.stdout, /::error::modelgate package: no model named "nope"/);
});
