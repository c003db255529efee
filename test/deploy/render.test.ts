import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { parseAllDocuments } from "yaml";
import { readOverlayPin, renderBase, renderOverlay, storageUri } from "../../src/deploy/render.ts";
import { modelSchema } from "../../src/manifest/schema.ts";
import { KSERVE_SCHEMES, storageScheme } from "../../src/deploy/kserve.ts";
import { configSchema, KSERVE_RELEASES, KSERVE_STORAGE } from "../../src/manifest/schema.ts";
import { kserveErrors, kserveReleaseErrors } from "../support/kserve.ts";

const digestA = `sha256:${"a".repeat(64)}`;
const digestB = `sha256:${"b".repeat(64)}`;
const record = `sha256:${"c".repeat(64)}`;

function model(target: "kserve" | "triton") {
  return modelSchema.parse({
    apiVersion: "modelgate.dev/v1alpha1",
    kind: "Model",
    metadata: { name: "fraud-detector" },
    spec: {
      version: "1.1.0",
      owners: ["alice"],
      task: "binary-classification",
      artifact: { path: "model.onnx" },
      inputs: { features: ["a"] },
      label: { column: "y" },
      evaluation: { datasets: ["eval"] },
      deployment: { target, replicas: 2, resources: { cpu: "500m", memory: "1Gi" } },
    },
  });
}

function writeTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "mg-deploy-"));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

function kustomize(dir: string): Record<string, unknown>[] {
  const out = execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8" });
  return parseAllDocuments(out)
    .map((d) => d.toJS())
    .filter(Boolean);
}

test("every overlay renders with kubectl kustomize; staging's InferenceService is valid against KServe's CRD schema and pinned by digest", () => {
  const m = model("kserve");
  const image = { repository: "registry.example.com/acme/fraud-detector", digest: digestB, scheme: "oci" as const };
  const files: Record<string, string> = {};
  for (const [f, t] of Object.entries(renderBase(m, { image, version: "1.1.0", record }))) files[`base/${f}`] = t;
  files["overlays/staging/kustomization.yaml"] = renderOverlay(m, "staging", { image, version: "1.1.0", record });
  files["overlays/production/kustomization.yaml"] = renderOverlay(m, "production", {
    image: { ...image, digest: digestA },
    version: "1.0.0",
    record,
  });
  files["overlays/canary/kustomization.yaml"] = renderOverlay(m, "canary", undefined);
  const dir = writeTree(files);

  const staging = kustomize(join(dir, "overlays/staging"));
  assert.equal(staging.length, 1);
  const isvc = staging[0] as {
    spec: { predictor: { model: { storageUri: string; protocolVersion: string; runtime: string } } };
  };
  assert.deepEqual(kserveErrors(isvc), []);
  assert.deepEqual(kserveReleaseErrors(isvc), [], "KServe 0.20.0 accepts the storageUri and the runtime");
  assert.equal(isvc.spec.predictor.model.storageUri, `oci://registry.example.com/acme/fraud-detector@${digestB}`);
  assert.equal(isvc.spec.predictor.model.protocolVersion, "v2");
  assert.equal(isvc.spec.predictor.model.runtime, "kserve-tritonserver", "no other ONNX runtime can take it over");
  assert.equal(
    (staging[0] as { metadata: { labels: Record<string, string> } }).metadata.labels["modelgate.dev/environment"],
    "staging",
  );

  const prod = kustomize(join(dir, "overlays/production"));
  assert.deepEqual(kserveErrors(prod[0]), []);
  assert.match(JSON.stringify(prod[0]), new RegExp(digestA));
  assert.doesNotMatch(JSON.stringify(prod[0]), new RegExp(digestB), "production keeps its own digest");

  assert.deepEqual(kustomize(join(dir, "overlays/canary")), [], "an environment with nothing promoted deploys nothing");

  assert.deepEqual(readOverlayPin(files["overlays/production/kustomization.yaml"]), {
    image: `registry.example.com/acme/fraud-detector@${digestA}`,
    scheme: "oci",
    version: "1.0.0",
    record,
  });
  assert.equal(readOverlayPin(files["overlays/canary/kustomization.yaml"]), undefined);
});

test("the schema check can fail: an unknown field in the predictor is reported", () => {
  const errors = kserveErrors({
    apiVersion: "serving.kserve.io/v1beta1",
    kind: "InferenceService",
    metadata: { name: "x" },
    spec: {
      predictor: { model: { modelFormat: { name: "onnx" }, storageUri: "oci://x@sha256:1", sorageUri: "typo" } },
    },
  });
  assert.ok(
    errors.some((e) => e.includes("sorageUri")),
    errors.join("\n"),
  );
});

test("modelgate.yaml spec.kserve: KServe 0.20.0 and modelcar by default; an unknown release is refused, naming the known ones", () => {
  const config = (spec: object) =>
    configSchema.safeParse({ apiVersion: "modelgate.dev/v1alpha1", kind: "Config", metadata: { name: "x" }, spec });
  const defaults = config({});
  assert.ok(defaults.success);
  assert.deepEqual(defaults.data.spec.kserve, { version: "0.20.0", storage: "modelcar" });
  assert.equal(storageScheme(defaults.data.spec.kserve), "oci");
  const volume = config({ kserve: { storage: "image-volume" } });
  assert.ok(volume.success);
  assert.deepEqual(volume.data.spec.kserve, { version: "0.20.0", storage: "image-volume" });
  assert.equal(storageScheme(volume.data.spec.kserve), "oci+native");
  const unknown = config({ kserve: { version: "0.21.0" } });
  assert.equal(unknown.success, false);
  assert.match(JSON.stringify(unknown.error?.issues), /0\.20\.0/);
  assert.equal(config({ kserve: { storage: "fetch" } }).success, false, "oci+fetch:// is in no release");
});

test("every storage setting of every known release renders a storageUri that release's controller accepts", () => {
  const m = model("kserve");
  for (const version of KSERVE_RELEASES) {
    for (const storage of KSERVE_STORAGE) {
      const scheme = storageScheme({ version, storage });
      assert.ok(KSERVE_SCHEMES[version].includes(scheme));
      const image = { repository: "registry.example.com/acme/fraud-detector", digest: digestA, scheme };
      const files: Record<string, string> = {};
      for (const [f, t] of Object.entries(renderBase(m, { image, version: "1.0.0", record }))) files[`base/${f}`] = t;
      files["overlays/production/kustomization.yaml"] = renderOverlay(m, "production", {
        image,
        version: "1.0.0",
        record,
      });
      const [isvc] = kustomize(join(writeTree(files), "overlays/production"));
      assert.deepEqual(kserveErrors(isvc), [], `${version} ${storage}`);
      assert.deepEqual(kserveReleaseErrors(isvc), [], `${version} ${storage}`);
      assert.equal(
        (isvc as any).spec.predictor.model.storageUri,
        `${scheme}://registry.example.com/acme/fraud-detector@${digestA}`,
      );
      assert.equal(readOverlayPin(files["overlays/production/kustomization.yaml"])?.scheme, scheme);
    }
  }
});

test("the release check can fail: oci+fetch:// (main branch only) and another runtime are refused by KServe 0.20.0", () => {
  const uri = storageUri({ repository: "r/m", digest: digestA, scheme: "oci+fetch" });
  const errors = kserveReleaseErrors({
    spec: { predictor: { model: { modelFormat: { name: "onnx" }, runtime: "kserve-mlserver", storageUri: uri } } },
  });
  assert.equal(errors.length, 2, errors.join("\n"));
  assert.match(errors[0], /oci\+fetch:\/\/r\/m@sha256:a{64}: KServe 0\.20\.0 accepts only gs:\/\//);
  assert.match(errors[1], /runtime kserve-mlserver/);
});

test("target triton: a Deployment with the modelcar image as init container, and a Service; overlays pin the init image", () => {
  const m = model("triton");
  const image = { repository: "registry.example.com/acme/fraud-detector", digest: digestB, scheme: "oci" as const };
  const files: Record<string, string> = {};
  for (const [f, t] of Object.entries(renderBase(m, { image, version: "1.1.0", record }))) files[`base/${f}`] = t;
  files["overlays/production/kustomization.yaml"] = renderOverlay(m, "production", {
    image: { ...image, digest: digestA },
    version: "1.0.0",
    record,
  });
  const docs = kustomize(writeTree(files) + "/overlays/production") as {
    kind: string;
    spec: { replicas?: number; template?: { spec: { initContainers: { image: string }[] } } };
  }[];
  assert.deepEqual(docs.map((d) => d.kind).sort(), ["Deployment", "Service"]);
  const dep = docs.find((d) => d.kind === "Deployment")!;
  assert.equal(dep.spec.template!.spec.initContainers[0].image, `registry.example.com/acme/fraud-detector@${digestA}`);
  assert.equal(dep.spec.replicas, 2);
  assert.equal(
    readOverlayPin(files["overlays/production/kustomization.yaml"])?.image,
    `registry.example.com/acme/fraud-detector@${digestA}`,
  );
});
