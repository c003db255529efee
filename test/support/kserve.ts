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
