import assert from "node:assert/strict";
import { test } from "node:test";
import { parseAllDocuments } from "yaml";
import { gitopsFacts, gitopsObjects, renderGitops } from "../../src/deploy/gitops.ts";
import { configSchema } from "../../src/manifest/schema.ts";
import { ARGOCD_APPLICATION, crdErrors, FLUX_KUSTOMIZATION, objectMetaErrors } from "../support/crd.ts";

const config = (deploy: unknown, environments?: unknown[]) =>
  configSchema.parse({
    apiVersion: "modelgate.dev/v1alpha1",
    kind: "Config",
    metadata: { name: "acme" },
    spec: { deploy, ...(environments ? { environments } : {}) },
  }).spec;

const ENVS = [{ name: "staging" }, { name: "production", namespace: "models-prod" }];

test("the CRD schemas catch what the API server refuses (so that a pass means something)", () => {
  assert.deepEqual(
    crdErrors(ARGOCD_APPLICATION, {
      apiVersion: "argoproj.io/v1alpha1",
      kind: "Application",
      metadata: { name: "Churn_Staging" },
      spec: { source: { repoURL: "x", pathh: "y" }, destination: {}, syncPolicy: { automated: { prune: "yes" } } },
    }),
    [
      "/spec: must have required property 'project'",
      "/spec/source: must NOT have additional properties (pathh)",
      "/spec/syncPolicy/automated/prune: must be boolean",
      '/metadata/name: "Churn_Staging" is not a DNS-1123 subdomain',
    ],
  );
  assert.deepEqual(
    crdErrors(FLUX_KUSTOMIZATION, {
      apiVersion: "kustomize.toolkit.fluxcd.io/v1",
      kind: "Kustomization",
      metadata: { name: "a", namespace: "flux-system" },
      spec: { interval: "ten minutes", sourceRef: { kind: "HelmRepository", name: "x" }, path: "./a", prune: true },
    }),
    [
      '/spec/interval: must match pattern "^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$"',
      "/spec/sourceRef/kind: must be equal to one of the allowed values",
    ],
  );
  assert.deepEqual(objectMetaErrors({ name: "a", labels: { "modelgate.dev/environment": "x y" } }), [
    '/metadata/labels/modelgate.dev/environment: "x y" is not a label value',
  ]);
});

test("Argo CD: one Application per environment, valid against Argo CD's CRD (v3.5.1), syncing the overlay into the environment's namespace", () => {
  const f = gitopsFacts(
    config({ gitops: "argocd", argocd: { repoURL: "https://github.com/acme/models.git" } }, ENVS),
    "gitops",
  );
  assert.ok(f);
  for (const [env, ns] of [
    ["staging", "staging"],
    ["production", "models-prod"],
  ]) {
    const [app] = gitopsObjects(f, "fraud-detector", env);
    assert.deepEqual(crdErrors(ARGOCD_APPLICATION, app), [], env);
    assert.deepEqual(app, {
      apiVersion: "argoproj.io/v1alpha1",
      kind: "Application",
      metadata: {
        name: `fraud-detector-${env}`,
        namespace: "argocd",
        labels: {
          "app.kubernetes.io/name": "fraud-detector",
          "app.kubernetes.io/managed-by": "modelgate",
          "modelgate.dev/environment": env,
        },
      },
      spec: {
        project: "default",
        source: {
          repoURL: "https://github.com/acme/models.git",
          targetRevision: "gitops",
          path: `deploy/fraud-detector/overlays/${env}`,
        },
        destination: { server: "https://kubernetes.default.svc", namespace: ns },
        syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ["CreateNamespace=true"] },
      },
    });
  }
  // the file is those objects as YAML, after a comment saying what it is
  const text = renderGitops(f, "fraud-detector", "staging");
  assert.match(text, /^# Written by modelgate publish/);
  assert.deepEqual(
    parseAllDocuments(text).map((d) => d.toJS()),
    gitopsObjects(f, "fraud-detector", "staging"),
  );
  // settings: another project, cluster, namespace and revision, a deploy folder elsewhere
  const g = gitopsFacts(
    {
      ...config(
        {
          gitops: "argocd",
          argocd: {
            repoURL: "git@github.com:acme/gitops.git",
            targetRevision: "release",
            namespace: "gitops",
            project: "ml",
            server: "https://10.0.0.1:6443",
          },
        },
        ENVS,
      ),
      paths: { models: "models", data: "data", deploy: "clusters/deploy/", records: "records" },
    },
    "main",
  );
  assert.ok(g);
  const [other] = gitopsObjects(g, "churn", "production");
  assert.deepEqual(crdErrors(ARGOCD_APPLICATION, other), []);
  assert.deepEqual((other as { spec: unknown }).spec, {
    project: "ml",
    source: {
      repoURL: "git@github.com:acme/gitops.git",
      targetRevision: "release",
      path: "clusters/deploy/churn/overlays/production",
    },
    destination: { server: "https://10.0.0.1:6443", namespace: "models-prod" },
    syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ["CreateNamespace=true"] },
  });
});

test("Flux: the environment's Namespace and a Kustomization, valid against Flux's CRD (kustomize-controller v1.9.4)", () => {
  const f = gitopsFacts(config({ gitops: "flux", flux: { interval: "1h30m" } }, ENVS), "main");
  assert.ok(f);
  for (const [env, ns] of [
    ["staging", "staging"],
    ["production", "models-prod"],
  ]) {
    const [namespace, kustomization] = gitopsObjects(f, "fraud-detector", env);
    assert.deepEqual(objectMetaErrors((namespace as { metadata: unknown }).metadata), []);
    assert.deepEqual(namespace, {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: {
        name: ns,
        labels: { "app.kubernetes.io/managed-by": "modelgate", "modelgate.dev/environment": env },
      },
    });
    assert.deepEqual(crdErrors(FLUX_KUSTOMIZATION, kustomization), [], env);
    assert.deepEqual((kustomization as { metadata: unknown; spec: unknown }).spec, {
      interval: "1h30m",
      sourceRef: { kind: "GitRepository", name: "flux-system" },
      path: `./deploy/fraud-detector/overlays/${env}`,
      prune: true,
      targetNamespace: ns,
    });
    assert.deepEqual((kustomization as { metadata: unknown }).metadata, {
      name: `fraud-detector-${env}`,
      namespace: "flux-system",
      labels: {
        "app.kubernetes.io/name": "fraud-detector",
        "app.kubernetes.io/managed-by": "modelgate",
        "modelgate.dev/environment": env,
      },
    });
  }
});

test("modelgate.yaml: spec.deploy.gitops is argocd or flux; Argo CD needs the repository; namespaces are DNS labels", () => {
  const issues = (deploy: unknown, environments?: unknown[]) =>
    configSchema
      .safeParse({
        apiVersion: "modelgate.dev/v1alpha1",
        kind: "Config",
        metadata: { name: "acme" },
        spec: { deploy, ...(environments ? { environments } : {}) },
      })
      .error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
  assert.deepEqual(issues({ gitops: "argocd" }), [
    "spec.deploy.argocd.repoURL: is required with gitops: argocd: the repository Argo CD reads, e.g. https://github.com/acme/models.git",
  ]);
  assert.equal(issues({ gitops: "helm" }).length, 1);
  assert.equal(issues({ gitops: "flux", flux: { interval: "ten" } }).length, 1);
  assert.equal(issues({ gitops: "flux" }, [{ name: "staging", namespace: "Models_Staging" }]).length, 1);
  assert.deepEqual(issues({ gitops: "flux" }), []);
  assert.deepEqual(issues({}), []);
});
