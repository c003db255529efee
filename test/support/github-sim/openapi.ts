/**
 * Validates HTTP exchanges against GitHub's official OpenAPI description (@octokit/openapi, api.github.com).
 * Operations are found by method + path template; each operation's schemas are compiled lazily, once, into
 * self-contained JSON Schemas (the `#/components/schemas/…` closure copied into `definitions`), so a test pays
 * only for the operations it uses.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

const require = createRequire(import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

type Json = any;

interface Param {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: Json;
}

export interface Operation {
  method: string;
  template: string;
  operationId: string;
  op: Json;
  regex: RegExp;
  pathParams: string[];
  literalSegments: number;
}

let spec: Json | undefined;
let operations: Operation[] | undefined;

function loadSpec(): Json {
  if (!spec) {
    const path = require.resolve("@octokit/openapi/generated/api.github.com.json");
    spec = JSON.parse(readFileSync(path, "utf8"));
  }
  return spec;
}

function allOperations(): Operation[] {
  if (operations) return operations;
  const s = loadSpec();
  const list: Operation[] = [];
  for (const [template, item] of Object.entries<Json>(s.paths)) {
    const pathParams: string[] = [];
    const segs = template.split("/").slice(1);
    const re = segs
      .map((seg) => {
        const m = /^\{(.+)\}$/.exec(seg);
        if (m) {
          pathParams.push(m[1]);
          return "([^/]+)";
        }
        // a template segment that mixes literal text and a parameter, e.g. "{owner}.{repo}"
        return seg.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{([^}]+)\\?\}/g, (_m, name) => {
          pathParams.push(name);
          return "([^/]+)";
        });
      })
      .join("/");
    const literalSegments = segs.filter((seg) => !seg.includes("{")).length;
    for (const method of ["get", "post", "put", "patch", "delete", "head"]) {
      const op = item[method];
      if (!op) continue;
      list.push({
        method: method.toUpperCase(),
        template,
        operationId: op.operationId,
        op: { ...op, parameters: [...(item.parameters ?? []), ...(op.parameters ?? [])] },
        regex: new RegExp(`^/${re}$`),
        pathParams,
        literalSegments,
      });
    }
  }
  // Literal segments win over parameters (e.g. /repos/{o}/{r}/pulls/comments over /pulls/{pull_number}).
  list.sort((a, b) => b.literalSegments - a.literalSegments);
  operations = list;
  return list;
}

export function findOperation(
  method: string,
  pathname: string,
): { op: Operation; params: Record<string, string> } | undefined {
  for (const op of allOperations()) {
    if (op.method !== method) continue;
    const m = op.regex.exec(pathname);
    if (!m) continue;
    const params: Record<string, string> = {};
    op.pathParams.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1]);
    });
    return { op, params };
  }
  return undefined;
}

function deref(obj: Json): Json {
  // Resolves a top-level `$ref` to components/{parameters,responses,requestBodies,...}.
  let cur = obj;
  while (cur && typeof cur.$ref === "string") {
    const parts = cur.$ref.replace(/^#\//, "").split("/");
    cur = parts.reduce((o: Json, k: string) => o?.[k], loadSpec());
  }
  return cur;
}

let ajv: Ajv | undefined;
function getAjv(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, logger: false });
    addFormats(ajv);
    for (const f of ["int32", "int64", "double", "binary", "repo.nwo", "timestamp"]) ajv.addFormat(f, true);
  }
  return ajv;
}

const compiled = new Map<Json, ValidateFunction>();

/** Compiles a schema that may hold `#/components/schemas/…` refs into one self-contained validator (cached). */
function compile(schema: Json): ValidateFunction {
  const hit = compiled.get(schema);
  if (hit) return hit;
  const definitions: Record<string, Json> = {};
  const rewrite = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== "object") return node;
    if (node.nullable === true) {
      // OpenAPI 3.0 `nullable` as JSON Schema: null is one more allowed value.
      const { nullable: _n, ...rest } = node;
      if (typeof rest.type === "string" && !rest.$ref) {
        const inner = rewrite(rest);
        return {
          ...inner,
          type: [inner.type, "null"],
          ...(Array.isArray(inner.enum) ? { enum: [...inner.enum, null] } : {}),
        };
      }
      return { anyOf: [rewrite(rest), { type: "null" }] };
    }
    if (node.nullable === false) {
      const { nullable: _n, ...rest } = node;
      return rewrite(rest);
    }
    const out: Json = {};
    for (const [k, v] of Object.entries<Json>(node)) {
      if (k === "$ref" && typeof v === "string") {
        const m = /^#\/components\/schemas\/(.+)$/.exec(v);
        if (!m) throw new Error(`unsupported $ref ${v}`);
        const name = m[1];
        if (!(name in definitions)) {
          definitions[name] = true; // placeholder against cycles
          definitions[name] = rewrite(loadSpec().components.schemas[name]);
        }
        out.$ref = `#/definitions/${name}`;
      } else if (k === "example" || k === "examples" || k === "description") {
        // documentation only
      } else {
        out[k] = rewrite(v);
      }
    }
    return out;
  };
  const root = rewrite(schema);
  const fn = getAjv().compile({ ...root, definitions });
  compiled.set(schema, fn);
  return fn;
}

function errorsOf(fn: ValidateFunction): string {
  return (fn.errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || "/"} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`)
    .join("; ");
}

function coerce(value: string, schema: Json): unknown {
  const type = schema?.type;
  if (type === "integer" || type === "number") return value.trim() === "" ? value : Number(value);
  if (type === "boolean") return value === "true" ? true : value === "false" ? false : value;
  if (type === "array") return value.split(",");
  return value;
}

export interface RequestLike {
  method: string;
  pathname: string;
  query: URLSearchParams;
  body: unknown;
  hasBody: boolean;
}

/** Returns the violations of one request (empty when it conforms) and the matched operation. */
export function validateRequest(req: RequestLike): {
  violations: string[];
  op?: Operation;
  params: Record<string, string>;
} {
  const where = `${req.method} ${req.pathname}`;
  const found = findOperation(req.method, req.pathname);
  if (!found) return { violations: [`${where}: no such operation in GitHub's OpenAPI description`], params: {} };
  const { op, params } = found;
  const v: string[] = [];
  const declared = (op.op.parameters as Json[]).map(deref) as Param[];
  for (const p of declared) {
    let raw: string | undefined;
    if (p.in === "path") raw = params[p.name];
    else if (p.in === "query") raw = req.query.get(p.name) ?? undefined;
    else continue;
    if (raw === undefined) {
      if (p.required) v.push(`${where}: missing required ${p.in} parameter "${p.name}" (${op.operationId})`);
      continue;
    }
    if (p.schema) {
      const fn = compile(p.schema);
      if (!fn(coerce(raw, p.schema))) v.push(`${where}: ${p.in} parameter "${p.name}"=${raw}: ${errorsOf(fn)}`);
    }
  }
  for (const key of req.query.keys()) {
    if (!declared.some((p) => p.in === "query" && p.name === key)) {
      v.push(`${where}: unknown query parameter "${key}" (${op.operationId})`);
    }
  }
  const rb = deref(op.op.requestBody);
  if (rb) {
    const schema = rb.content?.["application/json"]?.schema;
    if (!req.hasBody) {
      if (rb.required) v.push(`${where}: request body required (${op.operationId})`);
    } else if (schema) {
      const fn = compile(schema);
      if (!fn(req.body)) v.push(`${where}: request body: ${errorsOf(fn)} (${op.operationId})`);
    }
  } else if (req.hasBody && req.method !== "GET") {
    v.push(`${where}: a body was sent but ${op.operationId} takes none`);
  }
  return { violations: v, op, params };
}

/** Returns the violations of one response to `op`. */
export function validateResponse(op: Operation, status: number, body: unknown, where: string): string[] {
  const responses = op.op.responses ?? {};
  const declared = responses[String(status)] ?? responses.default;
  if (!declared && status >= 400 && status < 500) {
    // GitHub answers 403/404/422 on operations whose description lists only success; hold those to its error shape.
    const fn = compile({ $ref: "#/components/schemas/basic-error" });
    return fn(body) ? [] : [`${where}: error response ${status} body: ${errorsOf(fn)} (${op.operationId})`];
  }
  if (!declared) {
    return [
      `${where}: status ${status} is not a documented response of ${op.operationId} (${Object.keys(responses).join(", ")})`,
    ];
  }
  const res = deref(declared);
  const schema = res?.content?.["application/json"]?.schema;
  if (!schema) {
    return body === undefined || body === ""
      ? []
      : [`${where}: ${op.operationId} ${status} has no body, but one was sent`];
  }
  const fn = compile(schema);
  return fn(body) ? [] : [`${where}: response ${status} body: ${errorsOf(fn)} (${op.operationId})`];
}
