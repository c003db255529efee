import { stringify } from "yaml";
import { UserError } from "../errors.ts";
import type { Config, GitopsTool } from "../manifest/schema.ts";
import { MANAGED_BY } from "./render.ts";

/**
 * The object that makes a cluster follow one environment's overlay, per model (modelgate.yaml `spec.deploy.gitops`):
 * an Argo CD `Application` (argoproj.io/v1alpha1) or a Flux `Kustomization` (kustomize.toolkit.fluxcd.io/v1), with
 * the environment's own namespace (`environments[].namespace`, default the environment's name): Argo CD creates it
 * (`CreateNamespace=true`); for Flux, a `Namespace` object comes first in the file. Written by publish beside the
 * overlays as `deploy/<model>/gitops/<env>.yaml`; a team applies these once (or points an app of apps at them), and
 * from then on every promotion commit is what the cluster runs. Pure: values in, text out.
 */

export type DeploySettings = Config["spec"]["deploy"];

/** What the objects of one model need besides the settings: where the overlays are, and where each env runs. */
export interface GitopsFacts {
  tool: GitopsTool;
  settings: DeploySettings;
  /** modelgate.yaml spec.paths.deploy, relative to the GitOps repository's root. */
  deployDir: string;
  /** The revision Argo CD follows: spec.deploy.argocd.targetRevision, else the branch publish commits to. */
  revision: string;
  /** Each environment's namespace. */
  namespaces: Record<string, string>;
}

/**
 * The facts from modelgate.yaml and the GitOps branch publish commits to (else spec.gitops.branch, else HEAD), or
 * undefined when it asks for no GitOps objects.
 */
export function gitopsFacts(spec: Config["spec"], branch?: string): GitopsFacts | undefined {
  const tool = spec.deploy.gitops;
  if (!tool) return undefined;
  return {
    tool,
    settings: spec.deploy,
    deployDir: spec.paths.deploy.replace(/\/+$/, ""),
    revision: spec.deploy.argocd.targetRevision ?? branch ?? spec.gitops.branch ?? "HEAD",
    namespaces: Object.fromEntries(spec.environments.map((e) => [e.name, e.namespace ?? e.name])),
  };
}

/** Where the object of a model and environment is written. */
export const gitopsPath = (deployDir: string, model: string, env: string) => `${deployDir}/${model}/gitops/${env}.yaml`;

const HEADER =
  "# Written by modelgate publish (modelgate.yaml spec.deploy.gitops). Apply it once (kubectl apply -f THIS_FILE);\n" +
  "# from then on each promotion commit to the overlay is what the cluster runs.\n";

const labels = (model: string, env: string) => ({
  "app.kubernetes.io/name": model,
  "app.kubernetes.io/managed-by": MANAGED_BY,
  "modelgate.dev/environment": env,
});

/**
 * The object's name, `<model>-<env>`. Flux labels everything it applies with it (Argo CD does too, with label
 * tracking), and a label value holds at most 63 characters: a longer one is a configuration error, named here.
 */
export function gitopsName(model: string, env: string): string {
  const name = `${model}-${env}`;
  if (name.length > 63) {
    throw new UserError(
      `spec.deploy.gitops: the object of ${model} in ${env} would be named ${name} (${name.length} characters); Argo CD and Flux label what they apply with it, and a label value holds at most 63: shorten the model's or the environment's name`,
      { file: "modelgate.yaml" },
    );
  }
  return name;
}

/** The objects, as YAML documents, that sync `model`'s overlay for `env` into the environment's namespace. */
export function gitopsObjects(f: GitopsFacts, model: string, env: string): Record<string, unknown>[] {
  const namespace = f.namespaces[env] ?? env;
  const path = `${f.deployDir}/${model}/overlays/${env}`;
  const name = gitopsName(model, env);
  if (f.tool === "argocd") {
    const a = f.settings.argocd;
    return [
      {
        apiVersion: "argoproj.io/v1alpha1",
        kind: "Application",
        metadata: { name, namespace: a.namespace, labels: labels(model, env) },
        spec: {
          project: a.project,
          source: { repoURL: a.repoURL, targetRevision: f.revision, path },
          destination: { server: a.server, namespace },
          syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ["CreateNamespace=true"] },
        },
      },
    ];
  }
  const x = f.settings.flux;
  return [
    // the environment's, shared by its models: no model's name on it
    {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: {
        name: namespace,
        labels: { "app.kubernetes.io/managed-by": MANAGED_BY, "modelgate.dev/environment": env },
      },
    },
    {
      apiVersion: "kustomize.toolkit.fluxcd.io/v1",
      kind: "Kustomization",
      metadata: { name, namespace: x.namespace, labels: labels(model, env) },
      spec: {
        interval: x.interval,
        sourceRef: { kind: x.sourceRef.kind, name: x.sourceRef.name },
        path: `./${path}`,
        prune: true,
        targetNamespace: namespace,
      },
    },
  ];
}

/** The file `deploy/<model>/gitops/<env>.yaml`. */
export function renderGitops(f: GitopsFacts, model: string, env: string): string {
  return (
    HEADER +
    gitopsObjects(f, model, env)
      .map((d) => stringify(d, { lineWidth: 0 }))
      .join("---\n")
  );
}
