import { createRequire } from 'node:module';
import { a as manifestSchemas } from './chunk-LYRQXBMV-BXHYPiyi.js';
import { t as provideYamlParser, p as positionOf, l as didYouMean, b as plainManifest, u as rememberManifest, v as lazySource } from './hot-validate-verify-C8t4jxm2.js';
import { r as require_dist } from './chunk-YZUBQ7DK-DHQLuxFL.js';
import { c as fastYamlValue } from './hot-validate-audit-verify-C-_o6MJ0.js';
import { _ as __toESM } from './hot-help-validate-audit-verify-aYLtKKnG.js';

const require$1 = createRequire(import.meta.url);

// src/manifest/yaml.ts
var import_yaml = __toESM(require_dist(), 1);
var MAX_ALIAS_COUNT = 100;
function parseYaml(file, text) {
  const lines = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  const findings = [];
  for (const e of doc.errors) {
    const pos = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
    findings.push({
      severity: "error",
      check: "yaml",
      file,
      line: pos.line,
      col: pos.col,
      message: `YAML syntax: ${e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`
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
      message: w.message.split("\n")[0]
    });
  }
  return { src: { file, text, doc, lines }, findings };
}
function positionInDoc(src, path, key) {
  let node = src.doc.contents;
  let best = node;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if ((0, import_yaml.isMap)(node)) {
      const pair = node.items.find((p) => (0, import_yaml.isScalar)(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      if (i === path.length - 1 && key) {
        best = pair.key;
        break;
      }
      node = pair.value;
      best = node ?? pair.key;
    } else if ((0, import_yaml.isSeq)(node) && typeof seg === "number") {
      node = node.items[seg];
      if (!node) break;
      best = node;
    } else break;
  }
  const range = best?.range;
  if (!range) return { line: 1, col: 1 };
  return src.lines.linePos(range[0]);
}
provideYamlParser({ parse: (file, text) => parseYaml(file, text).src, position: positionInDoc });
function knownKeys(schema, path, value) {
  let s = schema;
  let v = value;
  const unwrap = () => {
    for (; ; ) {
      const t = s?.def?.type;
      if (t === "optional" || t === "default" || t === "nullable" || t === "prefault" || t === "readonly")
        s = s.def.innerType;
      else if (t === "pipe") s = s.def.in;
      else if (t === "union") {
        const opts = s.def.options;
        const score = (o) => {
          const shape = o?.def?.shape ?? o?.def?.innerType?.def?.shape;
          return shape && v && typeof v === "object" ? Object.keys(v).filter((k) => k in shape).length : -1;
        };
        s = opts.reduce((a, b) => score(b) > score(a) ? b : a);
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
function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the string "${value.length > 40 ? `${value.slice(0, 40)}\u2026` : value}"`;
  return `${typeof value} ${String(value)}`;
}
function getIn(value, path) {
  let v = value;
  for (const seg of path) v = v?.[seg];
  return v;
}
function schemaFindings(src, schema, value, issues) {
  const out = [];
  const missing = /* @__PURE__ */ new Map();
  const suggested = /* @__PURE__ */ new Set();
  const add = (path, message, key = false) => {
    const pos = positionOf(src, path, key);
    const f = { severity: "error", check: "schema", file: src.file, line: pos.line, col: pos.col, message };
    out.push(f);
    return f;
  };
  const addMissing = (path) => {
    const f = add(
      path.slice(0, -1),
      `missing required key "${String(path[path.length - 1])}"${path.length > 1 ? ` in ${path.slice(0, -1).join(".")}` : ""}`,
      path.length > 1
    );
    missing.set(f, path.join("."));
  };
  const visit2 = (issue, prefix) => {
    const path = [...prefix, ...issue.path];
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
            true
          );
        }
        return;
      }
      case "invalid_type": {
        const actual = getIn(value, path);
        if (actual === void 0) addMissing(path);
        else {
          let hint = "";
          if (issue.expected === "string" && (typeof actual === "number" || typeof actual === "boolean")) {
            const range = src.doc.getIn(path, true)?.range;
            const literal = range ? src.text.slice(range[0], range[1]).trim() : String(actual);
            hint = `; YAML reads ${literal} as a ${typeof actual}: write it in quotes, "${literal}"`;
          }
          add(path, `${where}: expected ${issue.expected}, got ${describe(actual)}${hint}`);
        }
        return;
      }
      case "invalid_union": {
        const branches = issue.errors;
        if (branches?.length) {
          const best = branches.reduce((a, b) => b.length < a.length ? b : a);
          for (const sub of best) visit2(sub, path);
          return;
        }
        add(path, `${where}: ${issue.message}`);
        return;
      }
      case "invalid_value": {
        const actual = getIn(value, path);
        if (actual === void 0) {
          addMissing(path);
          return;
        }
        const allowed = issue.values;
        const near = typeof actual === "string" ? didYouMean(actual, allowed.map(String)) : void 0;
        add(
          path,
          `${where}: ${describe(actual)} is not allowed; expected ${allowed.map((v) => JSON.stringify(v)).join(" or ")}${near ? ` (did you mean "${near}"?)` : ""}`
        );
        return;
      }
      default:
        add(path, `${where}: ${issue.message}`);
    }
  };
  for (const issue of issues) visit2(issue, []);
  return out.filter((f) => !suggested.has(missing.get(f) ?? ""));
}
function parseManifest(file, text, expect) {
  const plain = plainManifest(file, text, expect);
  if (plain) return plain;
  const r = parseManifestText(file, text, expect);
  rememberManifest(file, text, expect, r);
  return r;
}
function parseManifestText(file, text, expect) {
  const fast = fastYamlValue(text);
  if (fast !== void 0) return checkManifest(lazySource(file, text), fast, [], expect);
  const { src, findings } = parseYaml(file, text);
  if (findings.some((f) => f.severity === "error")) return { findings };
  let raw;
  try {
    raw = src.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    let at = { line: 1, col: 1 };
    (0, import_yaml.visit)(src.doc, {
      Alias(_, node) {
        if (node.range) at = src.lines.linePos(node.range[0]);
        return import_yaml.visit.BREAK;
      }
    });
    findings.push({
      severity: "error",
      check: "yaml",
      file,
      ...at,
      message: `YAML aliases here expand to more than ${MAX_ALIAS_COUNT} copies (${err.message.split("\n")[0]}); write the values out instead of repeating *aliases`
    });
    return { findings };
  }
  return checkManifest(src, raw, findings, expect);
}
function checkManifest(src, raw, findings, expect) {
  const file = src.file;
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    findings.push({
      severity: "error",
      check: "schema",
      file,
      line: 1,
      col: 1,
      message: "a manifest must be a YAML mapping with apiVersion, kind, metadata and spec"
    });
    return { findings };
  }
  const kinds = Object.keys(manifestSchemas);
  const kind = raw.kind;
  if (typeof kind !== "string" || !kinds.includes(kind)) {
    const pos = positionOf(src, ["kind"]);
    const near = typeof kind === "string" ? didYouMean(kind, kinds) : void 0;
    findings.push({
      severity: "error",
      check: "schema",
      file,
      ...pos,
      message: kind === void 0 ? `missing "kind"; expected ${expect ?? kinds.join(", ")}` : `unknown kind ${JSON.stringify(kind)}${near ? `; did you mean "${near}"?` : `; expected ${kinds.join(", ")}`}`
    });
    return { findings };
  }
  if (expect && kind !== expect) {
    findings.push({
      severity: "error",
      check: "schema",
      file,
      ...positionOf(src, ["kind"]),
      message: `this file must hold a ${expect} manifest, not a ${kind}`
    });
    return { findings };
  }
  const schema = manifestSchemas[kind];
  const result = schema.safeParse(raw, { jitless: true });
  if (!result.success) {
    findings.push(...schemaFindings(src, schema, raw, result.error.issues));
    return { manifest: { kind, src }, findings };
  }
  return { manifest: { kind, src, value: result.data }, findings };
}

export { parseYaml as a, parseManifest as p, schemaFindings as s };
