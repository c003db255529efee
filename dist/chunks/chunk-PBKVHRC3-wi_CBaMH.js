import { createRequire } from 'node:module';
import { R as RECORD_ANNOTATION, V as VERSION_ANNOTATION, p as pinOfDocument } from './hot-verify-CS61MYk-.js';
import { r as require_dist } from './hot-plan-YWGJn6IT.js';
import { c as __toESM, U as UserError } from './hot-help-validate-plan-audit-verify-CiDATK95.js';

const require$1 = createRequire(import.meta.url);

// src/deploy/render.ts
var import_yaml = __toESM(require_dist(), 1);

// src/deploy/kserve.ts
var KSERVE_SCHEMES = {
  // v0.20.0 (tag v0.20.0, commit 1fb781055dd1567164358233e1125142ca6ef1fe, 2026-08-06)
  "0.20.0": ["oci", "oci+native"]
};
var STORAGE_SCHEME = {
  modelcar: "oci",
  "image-volume": "oci+native"
};
var KSERVE_RUNTIME = "kserve-tritonserver";
function storageScheme(kserve) {
  const scheme = STORAGE_SCHEME[kserve.storage];
  const accepted = KSERVE_SCHEMES[kserve.version];
  if (!accepted?.includes(scheme)) {
    throw new UserError(
      `modelgate.yaml: spec.kserve.storage ${kserve.storage} needs storageUri ${scheme}://, which KServe ${kserve.version} does not accept (it reads ${(accepted ?? []).map((s) => `${s}://`).join(", ")}); choose another spec.kserve.storage`
    );
  }
  return scheme;
}

// src/deploy/render.ts
var MANAGED_BY = "modelgate";
var TRITON_IMAGE = "nvcr.io/nvidia/tritonserver:24.08-py3";
function storageUri(image) {
  return `${image.scheme}://${image.repository}@${image.digest}`;
}
var HEADER = "# Written by modelgate. Do not edit by hand: `modelgate audit verify` reports any change it did not make.\n";
function resources(model) {
  const r = model.spec.deployment.resources;
  if (!r) return void 0;
  const requests = {};
  const limits = {};
  if (r.cpu) requests.cpu = limits.cpu = r.cpu;
  if (r.memory) requests.memory = limits.memory = r.memory;
  if (r.gpu) limits["nvidia.com/gpu"] = r.gpu;
  return {
    ...Object.keys(requests).length ? { requests } : {},
    ...Object.keys(limits).length ? { limits } : {}
  };
}
function labels(name) {
  return { "app.kubernetes.io/name": name, "app.kubernetes.io/managed-by": MANAGED_BY };
}
function renderBase(model, pin) {
  const name = model.metadata.name;
  const annotations = { [VERSION_ANNOTATION]: pin.version, [RECORD_ANNOTATION]: pin.record };
  const docs = [];
  if (model.spec.deployment.target === "kserve") {
    docs.push({
      apiVersion: "serving.kserve.io/v1beta1",
      kind: "InferenceService",
      metadata: { name, labels: labels(name), annotations },
      spec: {
        predictor: {
          minReplicas: model.spec.deployment.replicas,
          model: {
            modelFormat: { name: "onnx" },
            runtime: KSERVE_RUNTIME,
            protocolVersion: "v2",
            storageUri: storageUri(pin.image),
            ...resources(model) ? { resources: resources(model) } : {}
          }
        }
      }
    });
  } else {
    const selector = { "app.kubernetes.io/name": name };
    docs.push(
      {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name, labels: labels(name), annotations },
        spec: {
          replicas: model.spec.deployment.replicas,
          selector: { matchLabels: selector },
          template: {
            metadata: { labels: labels(name) },
            spec: {
              initContainers: [
                {
                  name: "model",
                  image: `${pin.image.repository}@${pin.image.digest}`,
                  command: ["sh", "-c", "cp -R /models/. /mnt/models/"],
                  volumeMounts: [{ name: "models", mountPath: "/mnt/models" }]
                }
              ],
              containers: [
                {
                  name: "triton",
                  image: TRITON_IMAGE,
                  args: ["tritonserver", "--model-repository=/mnt/models"],
                  ports: [
                    { name: "http", containerPort: 8e3 },
                    { name: "grpc", containerPort: 8001 }
                  ],
                  readinessProbe: { httpGet: { path: "/v2/health/ready", port: "http" } },
                  volumeMounts: [{ name: "models", mountPath: "/mnt/models", readOnly: true }],
                  ...resources(model) ? { resources: resources(model) } : {}
                }
              ],
              volumes: [{ name: "models", emptyDir: {} }]
            }
          }
        }
      },
      {
        apiVersion: "v1",
        kind: "Service",
        metadata: { name, labels: labels(name) },
        spec: {
          selector,
          ports: [
            { name: "http", port: 8e3, targetPort: "http" },
            { name: "grpc", port: 8001, targetPort: "grpc" }
          ]
        }
      }
    );
  }
  const file = model.spec.deployment.target === "kserve" ? "inferenceservice.yaml" : "deployment.yaml";
  return {
    [file]: HEADER + docs.map((d) => (0, import_yaml.stringify)(d, { lineWidth: 0 })).join("---\n"),
    "kustomization.yaml": `${HEADER}${(0, import_yaml.stringify)({
      apiVersion: "kustomize.config.k8s.io/v1beta1",
      kind: "Kustomization",
      resources: [file]
    })}`
  };
}
function renderOverlay(model, env, pin) {
  const name = model.metadata.name;
  if (!pin) {
    return `${HEADER}# Nothing has been promoted to ${env} yet: this overlay deploys nothing.
${(0, import_yaml.stringify)({
      apiVersion: "kustomize.config.k8s.io/v1beta1",
      kind: "Kustomization",
      resources: []
    })}`;
  }
  const kserve = model.spec.deployment.target === "kserve";
  const ops = [
    kserve ? { op: "replace", path: "/spec/predictor/model/storageUri", value: storageUri(pin.image) } : {
      op: "replace",
      path: "/spec/template/spec/initContainers/0/image",
      value: `${pin.image.repository}@${pin.image.digest}`
    },
    { op: "replace", path: `/metadata/annotations/${VERSION_ANNOTATION.replace("/", "~1")}`, value: pin.version },
    { op: "replace", path: `/metadata/annotations/${RECORD_ANNOTATION.replace("/", "~1")}`, value: pin.record }
  ];
  return `${HEADER}${(0, import_yaml.stringify)(
    {
      apiVersion: "kustomize.config.k8s.io/v1beta1",
      kind: "Kustomization",
      resources: ["../../base"],
      labels: [{ pairs: { "modelgate.dev/environment": env }, includeSelectors: false }],
      patches: [
        {
          target: { kind: kserve ? "InferenceService" : "Deployment", name },
          patch: (0, import_yaml.stringify)(ops, { lineWidth: 0 })
        }
      ]
    },
    { lineWidth: 0 }
  )}`;
}
function readOverlayPin(text) {
  let doc;
  try {
    doc = (0, import_yaml.parse)(text);
  } catch {
    return void 0;
  }
  return pinOfDocument(doc, (patch) => (0, import_yaml.parse)(patch));
}
var deployPaths = (deployDir, model) => ({
  base: `${deployDir}/${model}/base`,
  overlay: (env) => `${deployDir}/${model}/overlays/${env}/kustomization.yaml`
});

export { MANAGED_BY as M, TRITON_IMAGE as T, renderOverlay as a, readOverlayPin as b, storageUri as c, deployPaths as d, renderBase as r, storageScheme as s };
