import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";

/**
 * Validates objects against a CRD's own schema (test/fixtures/gitops, copied from Argo CD's and Flux's CRDs with their
 * attribution), with the semantics the API server applies: where the schema lists `properties` and has no
 * `x-kubernetes-preserve-unknown-fields`, unknown fields are errors; `x-kubernetes-int-or-string` takes either; and
 * `metadata`, which a CRD leaves to the API server, is checked as the API server checks ObjectMeta (the name a
 * DNS-1123 subdomain, the namespace a DNS-1123 label, label keys and values as Kubernetes allows them).
 */
type Node = Record<string, unknown>;

function structural(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(structural);
  if (!node || typeof node !== "object") return node;
  const n: Node = {};
  for (const [k, v] of Object.entries(node as Node))
    n[k] =
      k === "properties"
        ? Object.fromEntries(Object.entries(v as Node).map(([p, x]) => [p, structural(x)]))
        : structural(v);
  if (n["x-kubernetes-int-or-string"]) {
    delete n.type;
    n.anyOf = [{ type: "integer" }, { type: "string" }];
  }
  if (n.properties && !n["x-kubernetes-preserve-unknown-fields"] && n.additionalProperties === undefined) {
    n.additionalProperties = false;
  }
  for (const k of Object.keys(n)) if (k.startsWith("x-kubernetes-") || k === "format") delete n[k];
  return n;
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** What the API server refuses in an object's metadata (name, namespace, labels). */
export function objectMetaErrors(meta: unknown): string[] {
  const m = (meta ?? {}) as { name?: unknown; namespace?: unknown; labels?: Record<string, unknown> };
  const out: string[] = [];
  if (typeof m.name !== "string" || m.name.length > 253 || !DNS_SUBDOMAIN.test(m.name))
    out.push(`/metadata/name: ${JSON.stringify(m.name)} is not a DNS-1123 subdomain`);
  if (
    m.namespace !== undefined &&
    (typeof m.namespace !== "string" || m.namespace.length > 63 || !DNS_LABEL.test(m.namespace))
  )
    out.push(`/metadata/namespace: ${JSON.stringify(m.namespace)} is not a DNS-1123 label`);
  for (const [k, v] of Object.entries(m.labels ?? {})) {
    const [prefix, name] = k.includes("/") ? k.split("/", 2) : [undefined, k];
    if (
      (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) ||
      name.length > 63 ||
      !LABEL_NAME.test(name)
    )
      out.push(`/metadata/labels: ${JSON.stringify(k)} is not a label key`);
    if (typeof v !== "string" || v.length > 63 || !LABEL_VALUE.test(v))
      out.push(`/metadata/labels/${k}: ${JSON.stringify(v)} is not a label value`);
  }
  return out;
}

const validators = new Map<string, ValidateFunction>();

/** The schema's errors for an object, as "path: message" lines; empty when it is valid. */
export function crdErrors(fixture: string, obj: unknown): string[] {
  let validate = validators.get(fixture);
  if (!validate) {
    const raw = JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "gitops", fixture), "utf8"));
    validate = new Ajv({ strict: false, allErrors: true }).compile(structural(raw) as object);
    validators.set(fixture, validate);
  }
  const meta = objectMetaErrors((obj as { metadata?: unknown })?.metadata);
  if (validate(obj)) return meta;
  return [
    ...(validate.errors ?? []).map(
      (e) =>
        `${e.instancePath || "/"}: ${e.message}${e.params && "additionalProperty" in e.params ? ` (${e.params.additionalProperty})` : ""}`,
    ),
    ...meta,
  ];
}

export const ARGOCD_APPLICATION = "argocd-application-v1alpha1.schema.json";
export const FLUX_KUSTOMIZATION = "flux-kustomization-v1.schema.json";
