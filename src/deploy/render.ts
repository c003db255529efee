import { parse, stringify } from "yaml";
import type { Model } from "../manifest/schema.ts";
import { KSERVE_RUNTIME, type StorageScheme } from "./kserve.ts";
import { type OverlayPin, pinOfDocument, RECORD_ANNOTATION, VERSION_ANNOTATION } from "./overlay-pin.ts";

/**
 * The GitOps files of a model, as text: `deploy/<model>/base/` (a KServe InferenceService, or a Deployment + Service
 * running Triton for clusters without KServe) and one `overlays/<env>/kustomization.yaml` per environment that pins
 * the image by digest. Pure: values in, file texts out. modelgate only writes git; Argo CD or Flux syncs it.
 */

export const MANAGED_BY = "modelgate";
export { RECORD_ANNOTATION, VERSION_ANNOTATION } from "./overlay-pin.ts";
export const TRITON_IMAGE = "nvcr.io/nvidia/tritonserver:24.08-py3";

export interface ImageRef {
  /** registry/repository, without tag or digest. */
  repository: string;
  /** sha256:… of the image index. */
  digest: string;
  /**
   * How KServe reads it (modelgate.yaml spec.kserve): `oci`, run as a modelcar sidecar (the image has sh, mkdir, ln,
   * sleep), or `oci+native`, mounted as an image volume.
   */
  scheme: StorageScheme;
}

/** What an environment runs: the image, the version and the promotion record that put it there. */
export interface Pin {
  image: ImageRef;
  version: string;
  record: string;
}

/** The storageUri KServe reads: the image's scheme, its repository and its digest. */
export function storageUri(image: ImageRef): string {
  return `${image.scheme}://${image.repository}@${image.digest}`;
}

const HEADER =
  "# Written by modelgate. Do not edit by hand: `modelgate audit verify` reports any change it did not make.\n";

function resources(model: Model) {
  const r = model.spec.deployment.resources;
  if (!r) return undefined;
  const requests: Record<string, string> = {};
  const limits: Record<string, string | number> = {};
  if (r.cpu) requests.cpu = limits.cpu = r.cpu;
  if (r.memory) requests.memory = limits.memory = r.memory;
  if (r.gpu) limits["nvidia.com/gpu"] = r.gpu;
  return {
    ...(Object.keys(requests).length ? { requests } : {}),
    ...(Object.keys(limits).length ? { limits } : {}),
  };
}

function labels(name: string) {
  return { "app.kubernetes.io/name": name, "app.kubernetes.io/managed-by": MANAGED_BY };
}

/** The base: the newest published image; every overlay pins its own digest over it. */
export function renderBase(model: Model, pin: Pin): Record<string, string> {
  const name = model.metadata.name;
  const annotations = { [VERSION_ANNOTATION]: pin.version, [RECORD_ANNOTATION]: pin.record };
  const docs: unknown[] = [];
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
            ...(resources(model) ? { resources: resources(model) } : {}),
          },
        },
      },
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
                  volumeMounts: [{ name: "models", mountPath: "/mnt/models" }],
                },
              ],
              containers: [
                {
                  name: "triton",
                  image: TRITON_IMAGE,
                  args: ["tritonserver", "--model-repository=/mnt/models"],
                  ports: [
                    { name: "http", containerPort: 8000 },
                    { name: "grpc", containerPort: 8001 },
                  ],
                  readinessProbe: { httpGet: { path: "/v2/health/ready", port: "http" } },
                  volumeMounts: [{ name: "models", mountPath: "/mnt/models", readOnly: true }],
                  ...(resources(model) ? { resources: resources(model) } : {}),
                },
              ],
              volumes: [{ name: "models", emptyDir: {} }],
            },
          },
        },
      },
      {
        apiVersion: "v1",
        kind: "Service",
        metadata: { name, labels: labels(name) },
        spec: {
          selector,
          ports: [
            { name: "http", port: 8000, targetPort: "http" },
            { name: "grpc", port: 8001, targetPort: "grpc" },
          ],
        },
      },
    );
  }
  const file = model.spec.deployment.target === "kserve" ? "inferenceservice.yaml" : "deployment.yaml";
  return {
    [file]: HEADER + docs.map((d) => stringify(d, { lineWidth: 0 })).join("---\n"),
    "kustomization.yaml": `${HEADER}${stringify({
      apiVersion: "kustomize.config.k8s.io/v1beta1",
      kind: "Kustomization",
      resources: [file],
    })}`,
  };
}

/** An overlay: the base with this environment's digest, version and record; with no pin, it deploys nothing. */
export function renderOverlay(model: Model, env: string, pin: Pin | undefined): string {
  const name = model.metadata.name;
  if (!pin) {
    return `${HEADER}# Nothing has been promoted to ${env} yet: this overlay deploys nothing.\n${stringify({
      apiVersion: "kustomize.config.k8s.io/v1beta1",
      kind: "Kustomization",
      resources: [],
    })}`;
  }
  const kserve = model.spec.deployment.target === "kserve";
  const ops = [
    kserve
      ? { op: "replace", path: "/spec/predictor/model/storageUri", value: storageUri(pin.image) }
      : {
          op: "replace",
          path: "/spec/template/spec/initContainers/0/image",
          value: `${pin.image.repository}@${pin.image.digest}`,
        },
    { op: "replace", path: `/metadata/annotations/${VERSION_ANNOTATION.replace("/", "~1")}`, value: pin.version },
    { op: "replace", path: `/metadata/annotations/${RECORD_ANNOTATION.replace("/", "~1")}`, value: pin.record },
  ];
  return `${HEADER}${stringify(
    {
      apiVersion: "kustomize.config.k8s.io/v1beta1",
      kind: "Kustomization",
      resources: ["../../base"],
      labels: [{ pairs: { "modelgate.dev/environment": env }, includeSelectors: false }],
      patches: [
        {
          target: { kind: kserve ? "InferenceService" : "Deployment", name },
          patch: stringify(ops, { lineWidth: 0 }),
        },
      ],
    },
    { lineWidth: 0 },
  )}`;
}

/**
 * Reads back what an overlay pins (image reference with digest, the storage-URI scheme for an InferenceService,
 * version, record), or undefined for an empty one.
 */
export function readOverlayPin(text: string): OverlayPin {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return undefined;
  }
  return pinOfDocument(doc, (patch) => parse(patch));
}

export const deployPaths = (deployDir: string, model: string) => ({
  base: `${deployDir}/${model}/base`,
  overlay: (env: string) => `${deployDir}/${model}/overlays/${env}/kustomization.yaml`,
});
