import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";

/**
 * Validates objects against KServe's own InferenceService schema (test/fixtures/kserve, copied from the CRD with its
 * attribution), with the semantics the API server applies: where the schema lists `properties` and has no
 * `x-kubernetes-preserve-unknown-fields`, unknown fields are errors; `x-kubernetes-int-or-string` takes either.
 */
type Node = Record<string, unknown>;

function structural(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(structural);
  if (!node || typeof node !== "object") return node;
  const n: Node = {};
  for (const [k, v] of Object.entries(node as Node)) n[k] = k === "properties" ? mapValues(v as Node) : structural(v);
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

function mapValues(o: Node): Node {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, structural(v)]));
}

let validator: ValidateFunction | undefined;

/** The schema's errors for an InferenceService object, as "path: message" lines; empty when it is valid. */
export function kserveErrors(obj: unknown): string[] {
  if (!validator) {
    const raw = JSON.parse(
      readFileSync(
        join(import.meta.dirname, "..", "fixtures", "kserve", "kserve-inferenceservice-v1beta1.schema.json"),
        "utf8",
      ),
    );
    const ajv = new Ajv({ strict: false, allErrors: true });
    validator = ajv.compile(structural(raw) as object);
  }
  if (validator(obj)) return [];
  return (validator.errors ?? []).map(
    (e) =>
      `${e.instancePath || "/"}: ${e.message}${e.params && "additionalProperty" in e.params ? ` (${e.params.additionalProperty})` : ""}`,
  );
}

const fixture = (file: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "kserve", file), "utf8"));

/**
 * What KServe v0.20.0's controller refuses in an InferenceService that its CRD schema lets through: a storageUri
 * whose prefix is not in its SupportedStorageURIPrefixList, or a pinned runtime other than kserve-tritonserver or
 * one that does not serve the model's format and protocol (test/fixtures/kserve, copied from that release).
 */
export function kserveReleaseErrors(obj: unknown): string[] {
  const prefixes: string[] = fixture("storage-uri-prefixes-v0.20.0.json").prefixes;
  const runtime = fixture("runtime-kserve-tritonserver-v0.20.0.json");
  const model = (obj as { spec?: { predictor?: { model?: Record<string, any> } } })?.spec?.predictor?.model ?? {};
  const errors: string[] = [];
  const uri = model.storageUri;
  if (typeof uri === "string" && /\w+?:\/\//.test(uri) && !prefixes.some((p) => uri.startsWith(p))) {
    errors.push(`storageUri ${uri}: KServe 0.20.0 accepts only ${prefixes.join(", ")} (StorageURI not supported)`);
  }
  if (model.runtime !== undefined) {
    if (model.runtime !== runtime.name) errors.push(`runtime ${model.runtime}: not KServe's ${runtime.name}`);
    else {
      if (!runtime.supportedModelFormats.some((f: { name: string }) => f.name === model.modelFormat?.name)) {
        errors.push(`runtime ${runtime.name} does not serve model format ${model.modelFormat?.name}`);
      }
      if (model.protocolVersion && !runtime.protocolVersions.includes(model.protocolVersion)) {
        errors.push(`runtime ${runtime.name} does not speak protocol ${model.protocolVersion}`);
      }
    }
  }
  return errors;
}
