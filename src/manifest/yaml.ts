import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from "yaml";
import type { z } from "zod";
import { didYouMean, type Finding } from "./findings.ts";
import { type ParsedManifest, type ParseResult, plainManifest, rememberManifest } from "./plain.ts";
import { manifestSchemas, type Kind } from "./schema.ts";
import { lazySource, type Path, positionOf, provideYamlParser, type SourceDoc } from "./source.ts";
import { fastYamlValue } from "./yaml-fast.ts";

export type { ParsedManifest } from "./plain.ts";
export { type Path, positionOf, type SourceDoc } from "./source.ts";

/** How many times aliases may be expanded in one manifest (yaml's default): more is refused as an alias bomb. */
const MAX_ALIAS_COUNT = 100;

export function parseYaml(file: string, text: string): { src: SourceDoc; findings: Finding[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  const findings: Finding[] = [];
  for (const e of doc.errors) {
    const pos = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
    findings.push({
      severity: "error",
      check: "yaml",
      file,
      line: pos.line,
      col: pos.col,
      message: `YAML syntax: ${e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`,
    });
  }
  for (const w of doc.warnings) {
    const pos = w.linePos?.[0] ?? lines.linePos(w.pos[0]);
    findings.push({
      severity: "warning",
      check: "yaml",
      file,
      line: pos.line,
      col: pos.col,
      message: w.message.split("\n")[0],
    });
  }
  return { src: { file, text, doc, lines }, findings };
}

/** Line and column of the node at `path` in yaml's document (see positionOf, ./source.ts). */
function positionInDoc(src: SourceDoc, path: Path, key: boolean): { line: number; col: number } {
  let node: unknown = src.doc.contents;
  let best: unknown = node;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      if (i === path.length - 1 && key) {
        best = pair.key;
        break;
      }
      node = pair.value;
      best = node ?? pair.key;
    } else if (isSeq(node) && typeof seg === "number") {
      node = node.items[seg];
      if (!node) break;
      best = node;
    } else break;
  }
  const range = (best as Node | undefined)?.range;
  if (!range) return { line: 1, col: 1 };
  return src.lines.linePos(range[0]);
}

provideYamlParser({ parse: (file, text) => parseYaml(file, text).src, position: positionInDoc });

/** The keys a zod object schema allows at `path` of `schema`, for "did you mean" (best effort over zod's def). */
function knownKeys(schema: z.ZodType, path: Path, value: unknown): string[] {
  let s: any = schema;
  let v: any = value;
  const unwrap = () => {
    for (;;) {
      const t = s?.def?.type;
      if (t === "optional" || t === "default" || t === "nullable" || t === "prefault" || t === "readonly")
        s = s.def.innerType;
      else if (t === "pipe") s = s.def.in;
      else if (t === "union") {
        const opts: any[] = s.def.options;
        // the branch sharing the most keys with the value
        const score = (o: any) => {
          const shape = o?.def?.shape ?? o?.def?.innerType?.def?.shape;
          return shape && v && typeof v === "object" ? Object.keys(v).filter((k) => k in shape).length : -1;
        };
        s = opts.reduce((a, b) => (score(b) > score(a) ? b : a));
      } else return;
    }
  };
  unwrap();
  for (const seg of path) {
    const t = s?.def?.type;
    if (t === "object") s = s.def.shape[seg];
    else if (t === "array") s = s.def.element;
    else if (t === "record") s = s.def.valueType;
    else return [];
    v = v?.[seg];
    unwrap();
  }
  return s?.def?.type === "object" ? Object.keys(s.def.shape) : [];
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the string "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `${typeof value} ${String(value)}`;
}

function getIn(value: unknown, path: Path): unknown {
  let v: any = value;
  for (const seg of path) v = v?.[seg as any];
  return v;
}

/** zod issues → findings at the right lines, with plain messages and fixes. */
export function schemaFindings(
  src: SourceDoc,
  schema: z.ZodType,
  value: unknown,
  issues: z.core.$ZodIssue[],
): Finding[] {
  const out: Finding[] = [];
  // "missing key K in P" is left out when an unknown key in P is a near miss of K: "did you mean K?" says it once
  const missing = new Map<Finding, string>();
  const suggested = new Set<string>();
  const add = (path: Path, message: string, key = false) => {
    const pos = positionOf(src, path, key);
    const f: Finding = { severity: "error", check: "schema", file: src.file, line: pos.line, col: pos.col, message };
    out.push(f);
    return f;
  };
  const addMissing = (path: Path) => {
    const f = add(
      path.slice(0, -1),
      `missing required key "${String(path[path.length - 1])}"${path.length > 1 ? ` in ${path.slice(0, -1).join(".")}` : ""}`,
      path.length > 1,
    );
    missing.set(f, path.join("."));
  };
  const visit = (issue: z.core.$ZodIssue, prefix: Path) => {
    const path = [...prefix, ...(issue.path as Path)];
    const where = path.length ? path.join(".") : "the document";
    switch (issue.code) {
      case "unrecognized_keys": {
        const allowed = knownKeys(schema, path, value);
        for (const k of issue.keys) {
          const near = didYouMean(k, allowed);
          if (near) suggested.add([...path, near].join("."));
          add(
            [...path, k],
            `unknown key "${k}" in ${path.length ? path.join(".") : "the top level"}${near ? `; did you mean "${near}"?` : allowed.length ? `; allowed: ${allowed.join(", ")}` : ""}`,
            true,
          );
        }
        return;
      }
      case "invalid_type": {
        const actual = getIn(value, path);
        if (actual === undefined) addMissing(path);
        else {
          let hint = "";
          if (issue.expected === "string" && (typeof actual === "number" || typeof actual === "boolean")) {
            const range = (src.doc.getIn(path, true) as Node | undefined)?.range;
            const literal = range ? src.text.slice(range[0], range[1]).trim() : String(actual);
            hint = `; YAML reads ${literal} as a ${typeof actual}: write it in quotes, "${literal}"`;
          }
          add(path, `${where}: expected ${issue.expected}, got ${describe(actual)}${hint}`);
        }
        return;
      }
      case "invalid_union": {
        const branches = (issue as any).errors as z.core.$ZodIssue[][] | undefined;
        if (branches?.length) {
          // the branch that got furthest: the fewest issues, not counting unknown keys twice
          const best = branches.reduce((a, b) => (b.length < a.length ? b : a));
          for (const sub of best) visit(sub, path);
          return;
        }
        add(path, `${where}: ${issue.message}`);
        return;
      }
      case "invalid_value": {
        const actual = getIn(value, path);
        if (actual === undefined) {
          // a required enum or literal key that is not there (zod reports it as a value not allowed)
          addMissing(path);
          return;
        }
        const allowed = (issue as any).values as unknown[];
        const near = typeof actual === "string" ? didYouMean(actual, allowed.map(String)) : undefined;
        add(
          path,
          `${where}: ${describe(actual)} is not allowed; expected ${allowed.map((v) => JSON.stringify(v)).join(" or ")}${near ? ` (did you mean "${near}"?)` : ""}`,
        );
        return;
      }
      default:
        add(path, `${where}: ${issue.message}`);
    }
  };
  for (const issue of issues) visit(issue, []);
  return out.filter((f) => !suggested.has(missing.get(f) ?? ""));
}

/**
 * Parses a manifest file; checks its kind (when `expect` is given) and its schema: without yaml's document and zod
 * when it can (./plain.ts), else with them, which name every problem.
 */
export function parseManifest(file: string, text: string, expect?: Kind): ParseResult {
  const plain = plainManifest(file, text, expect);
  if (plain) return plain;
  const r = parseManifestText(file, text, expect);
  rememberManifest(file, text, expect, r);
  return r;
}

function parseManifestText(
  file: string,
  text: string,
  expect?: Kind,
): { manifest?: ParsedManifest; findings: Finding[] } {
  // the plain block style manifests are written in is read without yaml's document tree, which is built only when a
  // position is asked for (a finding's line) or the manifest is edited; anything else is parsed by yaml at once
  const fast = fastYamlValue(text);
  if (fast !== undefined) return checkManifest(lazySource(file, text), fast, [], expect);
  const { src, findings } = parseYaml(file, text);
  if (findings.some((f) => f.severity === "error")) return { findings };
  let raw: unknown;
  try {
    raw = src.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // yaml refuses aliases that expand past maxAliasCount ("Excessive alias count…"): a billion-laughs document
    let at: { line: number; col: number } = { line: 1, col: 1 };
    visit(src.doc, {
      Alias(_, node) {
        if (node.range) at = src.lines.linePos(node.range[0]);
        return visit.BREAK;
      },
    });
    findings.push({
      severity: "error",
      check: "yaml",
      file,
      ...at,
      message: `YAML aliases here expand to more than ${MAX_ALIAS_COUNT} copies (${(err as Error).message.split("\n")[0]}); write the values out instead of repeating *aliases`,
    });
    return { findings };
  }
  return checkManifest(src, raw, findings, expect);
}

/** A manifest's value checked: a mapping, of a known kind (the expected one), valid by its kind's schema. */
function checkManifest(
  src: SourceDoc,
  raw: unknown,
  findings: Finding[],
  expect: Kind | undefined,
): { manifest?: ParsedManifest; findings: Finding[] } {
  const file = src.file;
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    findings.push({
      severity: "error",
      check: "schema",
      file,
      line: 1,
      col: 1,
      message: "a manifest must be a YAML mapping with apiVersion, kind, metadata and spec",
    });
    return { findings };
  }
  const kinds = Object.keys(manifestSchemas) as Kind[];
  const kind = (raw as { kind?: unknown }).kind;
  if (typeof kind !== "string" || !kinds.includes(kind as Kind)) {
    const pos = positionOf(src, ["kind"]);
    const near = typeof kind === "string" ? didYouMean(kind, kinds) : undefined;
    findings.push({
      severity: "error",
      check: "schema",
      file,
      ...pos,
      message:
        kind === undefined
          ? `missing "kind"; expected ${expect ?? kinds.join(", ")}`
          : `unknown kind ${JSON.stringify(kind)}${near ? `; did you mean "${near}"?` : `; expected ${kinds.join(", ")}`}`,
    });
    return { findings };
  }
  if (expect && kind !== expect) {
    findings.push({
      severity: "error",
      check: "schema",
      file,
      ...positionOf(src, ["kind"]),
      message: `this file must hold a ${expect} manifest, not a ${kind}`,
    });
    return { findings };
  }
  const schema = manifestSchemas[kind as Kind];
  // without zod's generated validators: a manifest is checked once per process, and generating (and compiling) one
  // function per object schema cost more than the check itself (loadRepository on the example: 56 -> 36 ms of CPU)
  const result = schema.safeParse(raw, { jitless: true });
  if (!result.success) {
    findings.push(...schemaFindings(src, schema, raw, result.error.issues));
    return { manifest: { kind: kind as Kind, src }, findings };
  }
  return { manifest: { kind: kind as Kind, src, value: result.data as any }, findings };
}
