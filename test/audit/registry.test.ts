/**
 * audit verify --registry: every image a record names still exists, by digest — against the real docker-registry
 * (checked independently with skopeo), and in the local OCI layout for images published without a registry.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import http from "node:http";
import { after, before, test } from "node:test";
import { newScenario, proposeAndPublish, type Scenario, standardScenario } from "../support/audit-scenario.ts";
import { startRegistry, type TestRegistry } from "../support/registry.ts";
import { show, verifyJson } from "./helpers.ts";

let registry: TestRegistry;
let pushed: Scenario;
let local: Scenario;
before(async () => {
  registry = await startRegistry();
  pushed = newScenario({ registry: `${registry.host}/models` });
  await proposeAndPublish(pushed, "1.1.0", 1.45, 1);
  local = await standardScenario();
});
after(async () => {
  await registry?.stop();
});

function skopeoExists(ref: string): boolean {
  try {
    execFileSync("skopeo", ["inspect", "--raw", "--tls-verify=false", `docker://${ref}`], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}

function deleteManifest(host: string, repo: string, digest: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: host.split(":")[0],
        port: Number(host.split(":")[1]),
        method: "DELETE",
        path: `/v2/${repo}/manifests/${digest}`,
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

test("--registry: the published image answers by digest; once deleted from the registry, it is a finding", async () => {
  const ok = await verifyJson(pushed.repo, ["--registry"]);
  assert.equal(ok.code, 0, show(ok.findings));
  assert.equal(ok.report.verification?.checked.images, 1);
  const entry = ok.report.models[0].environments[0];
  const image = entry.image as string;
  assert.match(image, new RegExp(`^${registry.host}/models/churn@sha256:[0-9a-f]{64}$`));
  assert.ok(skopeoExists(image), "skopeo finds the image the record names");
  const digest = image.slice(image.indexOf("@") + 1);
  assert.equal(await deleteManifest(registry.host, "models/churn", digest), 202);
  assert.ok(!skopeoExists(image), "skopeo no longer finds it");
  const gone = await verifyJson(pushed.repo, ["--registry"]);
  assert.equal(gone.code, 1);
  assert.equal(gone.findings.length, 1, show(gone.findings));
  assert.equal(gone.findings[0].check, "image-missing");
  assert.equal(gone.findings[0].record?.sequence, 1);
  assert.match(gone.findings[0].message, /answers 404: the image is gone/);
  // without --registry nothing is asked of the registry
  const offline = await verifyJson(pushed.repo);
  assert.equal(offline.code, 0);
  assert.equal(offline.report.verification?.checked.images, null);
});

test("--registry for images published without a registry: the local OCI layout holds them, or it is a finding", async () => {
  const ok = await verifyJson(local.repo, ["--registry"]);
  assert.equal(ok.code, 0, show(ok.findings));
  assert.equal(ok.report.verification?.checked.images, 2);
  const elsewhere = await verifyJson(local.repo, ["--registry", "--layout", "/nonexistent/layout"]);
  assert.equal(elsewhere.code, 1);
  assert.deepEqual(
    elsewhere.findings.map((f) => f.check),
    ["image-missing", "image-missing"],
  );
  assert.match(
    elsewhere.findings[0].message,
    /published to a local OCI layout, and \/nonexistent\/layout\/blobs\/sha256\/[0-9a-f]{64} is not there/,
  );
});
