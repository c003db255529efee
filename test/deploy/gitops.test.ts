import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { parseAllDocuments } from "yaml";
import { gitopsFacts, gitopsPath, renderGitops } from "../../src/deploy/gitops.ts";
import { renderBase, renderOverlay } from "../../src/deploy/render.ts";
import { configSchema, modelSchema } from "../../src/manifest/schema.ts";
import { ARGOCD_APPLICATION, crdErrors, FLUX_KUSTOMIZATION } from "../support/crd.ts";
import { kserveErrors } from "../support/kserve.ts";

/**
 * The GitOps objects as the clusters use them: the overlay each one names renders with `kubectl kustomize` (what Argo
 * CD and Flux's kustomize-controller run on it), and a folder of them renders as an app of apps would apply it.
 */

const digest = `sha256:${"b".repeat(64)}`;
const record = `sha256:${"c".repeat(64)}`;
const model = modelSchema.parse({
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
  },
});

function kustomize(dir: string): Record<string, unknown>[] {
  const out = execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8" });
  return parseAllDocuments(out)
    .map((d) => d.toJS())
    .filter(Boolean);
}

/** What publish leaves in the GitOps repository for one model: base, overlays (staging pinned) and GitOps objects. */
function publishedTree(tool: "argocd" | "flux"): { dir: string; objects: Record<string, unknown>[] } {
  const spec = configSchema.parse({
    apiVersion: "modelgate.dev/v1alpha1",
    kind: "Config",
    metadata: { name: "acme" },
    spec: {
      deploy: { gitops: tool, argocd: { repoURL: "https://github.com/acme/models.git" } },
      environments: [{ name: "staging" }, { name: "production", namespace: "models-prod" }],
    },
  }).spec;
  const f = gitopsFacts(spec, "main");
  assert.ok(f);
  const pin = {
    image: { repository: "registry.example.com/acme/fraud-detector", digest, scheme: "oci" as const },
    version: "1.1.0",
    record,
  };
  const files: Record<string, string> = {};
  for (const [file, text] of Object.entries(renderBase(model, pin))) files[`deploy/fraud-detector/base/${file}`] = text;
  files["deploy/fraud-detector/overlays/staging/kustomization.yaml"] = renderOverlay(model, "staging", pin);
  files["deploy/fraud-detector/overlays/production/kustomization.yaml"] = renderOverlay(model, "production", undefined);
  for (const env of ["staging", "production"])
    files[gitopsPath("deploy", "fraud-detector", env)] = renderGitops(f, "fraud-detector", env);
  const dir = mkdtempSync(join(tmpdir(), "mg-gitops-"));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  // an app of apps (or a parent Flux Kustomization) applies the model's gitops folder: kustomize renders it
  writeFileSync(
    join(dir, "kustomization.yaml"),
    "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - deploy/fraud-detector/gitops/staging.yaml\n  - deploy/fraud-detector/gitops/production.yaml\n",
  );
  return { dir, objects: kustomize(dir) };
}

const pathOf = (o: Record<string, unknown>) => {
  const spec = o.spec as { source?: { path: string }; path?: string };
  return (spec.source?.path ?? spec.path ?? "").replace(/^\.\//, "");
};

for (const tool of ["argocd", "flux"] as const) {
  test(`${tool}: kubectl kustomize renders the objects, and the overlay each names, into the environment's namespace`, () => {
    const { dir, objects } = publishedTree(tool);
    const kind = tool === "argocd" ? "Application" : "Kustomization";
    const schema = tool === "argocd" ? ARGOCD_APPLICATION : FLUX_KUSTOMIZATION;
    const apps = objects.filter((o) => o.kind === kind);
    const named = (name: string) => apps.find((a) => (a.metadata as { name: string }).name === name) ?? {};
    assert.deepEqual(apps.map((a) => (a.metadata as { name: string }).name).sort(), [
      "fraud-detector-production",
      "fraud-detector-staging",
    ]);
    for (const a of apps) assert.deepEqual(crdErrors(schema, a), [], "as kustomize rendered it, still valid");
    if (tool === "flux") {
      assert.deepEqual(
        objects.filter((o) => o.kind === "Namespace").map((n) => (n.metadata as { name: string }).name),
        ["models-prod", "staging"],
      );
    }
    // staging's names the pinned overlay: an InferenceService KServe's CRD accepts; production's deploys nothing yet
    const staging = kustomize(join(dir, pathOf(named("fraud-detector-staging"))));
    assert.deepEqual(
      staging.map((o) => o.kind),
      ["InferenceService"],
    );
    assert.deepEqual(kserveErrors(staging[0]), []);
    assert.match(JSON.stringify(staging[0]), new RegExp(digest));
    assert.deepEqual(kustomize(join(dir, pathOf(named("fraud-detector-production")))), []);
  });
}
