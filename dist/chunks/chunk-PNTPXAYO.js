import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-YZUBQ7DK.js";
import {
  manifestSchemas
} from "./chunk-OHXYSI3I.js";
import {
  didYouMean
} from "./chunk-UPGHJSZ6.js";
import {
  __toESM
} from "./chunk-CCN2QAD7.js";

// src/manifest/yaml.ts
var import_yaml = __toESM(require_dist(), 1);

// src/manifest/yaml-fast.ts
var Outside = class extends Error {
};
var outside = () => {
  throw new Outside();
};
var NULL = /^(?:~|[Nn]ull|NULL)?$/;
var BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
var INT_OCT = /^0o[0-7]+$/;
var INT = /^[-+]?[0-9]+$/;
var INT_HEX = /^0x[0-9a-fA-F]+$/;
var FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
var FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
var FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
function resolvePlain(s) {
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === "t" || s[0] === "T";
  if (INT_OCT.test(s)) return Number.parseInt(s.substring(2), 8);
  if (INT.test(s)) return Number.parseInt(s, 10);
  if (INT_HEX.test(s)) return Number.parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === "nan" ? Number.NaN : s[0] === "-" ? -Infinity : Infinity;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return Number.parseFloat(s);
  return s;
}
var KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
function setKey(map, key, value) {
  if (!KEY.test(key) || BOOL.test(key) || NULL.test(key) || key === "__proto__" || Object.hasOwn(map, key)) outside();
  map[key] = value;
}
function plainBlock(s) {
  const c = s[0];
  if (c === void 0 || "?:,[]{}#&*!|>'\"%@`".includes(c)) outside();
  if (c === "-" && (s.length === 1 || s[1] === " ")) outside();
  if (s.includes(": ") || s.endsWith(":") || s.includes(" #") || s.includes("	")) outside();
  return resolvePlain(s);
}
function uncomment(s) {
  if (!s.includes("#")) return s.trimEnd();
  let quote = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = "";
      else if (c === "\\" && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "#" && (i === 0 || s[i - 1] === " ")) return s.slice(0, i).trimEnd();
  }
  return s.trimEnd();
}
function inlineValue(s) {
  const c = s[0];
  if (c === '"' || c === "'") {
    const r = new Flow(s, 0);
    const v = r.quoted();
    if (r.i !== s.length) outside();
    return v;
  }
  if (c === "[" || c === "{") {
    const r = new Flow(s, 0);
    const v = r.value();
    r.space();
    if (r.i !== s.length) outside();
    return v;
  }
  return plainBlock(s);
}
var Flow = class {
  constructor(s, i) {
    this.s = s;
    this.i = i;
  }
  s;
  i;
  space() {
    while (this.s[this.i] === " ") this.i++;
  }
  value() {
    this.space();
    const c = this.s[this.i];
    if (c === "[") return this.list();
    if (c === "{") return this.map();
    if (c === '"' || c === "'") return this.quoted();
    return this.plain();
  }
  list() {
    const out = [];
    this.i++;
    this.space();
    if (this.s[this.i] === "]") {
      this.i++;
      return out;
    }
    for (; ; ) {
      out.push(this.value());
      this.space();
      const c = this.s[this.i++];
      if (c === "]") return out;
      if (c !== ",") outside();
      this.space();
      if (this.s[this.i] === "]") outside();
    }
  }
  map() {
    const out = {};
    this.i++;
    this.space();
    if (this.s[this.i] === "}") {
      this.i++;
      return out;
    }
    for (; ; ) {
      this.space();
      const start = this.i;
      while (this.i < this.s.length && /[A-Za-z0-9_.-]/.test(this.s[this.i])) this.i++;
      const key = this.s.slice(start, this.i);
      if (this.s[this.i] !== ":" || this.s[this.i + 1] !== " ") outside();
      this.i += 2;
      setKey(out, key, this.value());
      this.space();
      const c = this.s[this.i++];
      if (c === "}") return out;
      if (c !== ",") outside();
    }
  }
  /** A plain scalar in flow context: up to `,`, `]`, `}` (no `: `, `#`, `[`, `{` in it). */
  plain() {
    const start = this.i;
    while (this.i < this.s.length && !",]}".includes(this.s[this.i])) this.i++;
    const t = this.s.slice(start, this.i).trimEnd();
    const c = t[0];
    if (c === void 0 || "?:,[]{}#&*!|>'\"%@`".includes(c)) outside();
    if (c === "-" && (t.length === 1 || t[1] === " ")) outside();
    if (/[[{#:]|\t/.test(t)) outside();
    return resolvePlain(t);
  }
  quoted() {
    const q = this.s[this.i++];
    let out = "";
    for (; ; ) {
      const c = this.s[this.i++];
      if (c === void 0) outside();
      if (c === q) {
        if (q === "'" && this.s[this.i] === "'") {
          out += "'";
          this.i++;
          continue;
        }
        return out;
      }
      if (c === "\\" && q === '"') {
        const e = this.s[this.i++];
        if (e === '"' || e === "\\" || e === "/") out += e;
        else if (e === "n") out += "\n";
        else if (e === "t") out += "	";
        else outside();
        continue;
      }
      out += c;
    }
  }
};
function fastYamlValue(text) {
  try {
    return readDocument(text);
  } catch (err) {
    if (err instanceof Outside) return void 0;
    throw err;
  }
}
function readDocument(text) {
  if (text.includes("	") || text.includes("\r") || text.charCodeAt(0) === 65279) outside();
  const lines = [];
  const raws = text.split("\n");
  for (let n = 0; n < raws.length; n++) {
    const raw = raws[n];
    const t = raw.trimStart();
    if (t === "" || t[0] === "#") continue;
    if (raw.startsWith("---") || raw.startsWith("...") || raw[0] === "%") outside();
    lines.push({ line: n + 1, indent: raw.length - t.length, text: uncomment(t) });
  }
  if (lines.length === 0) outside();
  const r = { lines, at: 0 };
  if (lines[0].indent !== 0) outside();
  const v = block(r, 0);
  if (r.at !== lines.length) outside();
  return v;
}
function block(r, indent) {
  const first = r.lines[r.at];
  if (first.text === "-" || first.text.startsWith("- ")) return sequence(r, indent);
  return mapping(r, indent, first.text);
}
function entry(text) {
  const i = text.indexOf(":");
  if (i <= 0 || i + 1 < text.length && text[i + 1] !== " ") outside();
  const key = text.slice(0, i);
  if (!KEY.test(key)) outside();
  return [key, text.slice(i + 1).trim()];
}
function mapping(r, indent, firstText) {
  const out = {};
  const first = r.lines[r.at];
  const entries = /* @__PURE__ */ new Map();
  positions?.set(out, { line: first.line, col: indent + 1, entries });
  let text = firstText;
  for (; ; ) {
    const [key, rest] = entry(text);
    const at = r.lines[r.at];
    r.at++;
    const value = rest === "" ? nested(r, indent, true) : inlineValue(rest);
    setKey(out, key, value);
    if (positions) {
      const after = text.slice(key.length + 1);
      const col = indent + key.length + 1 + (after.length - after.trimStart().length) + 1;
      entries.set(key, { key: { line: at.line, col: indent + 1 }, value: valuePos(value, rest, at.line, col) });
    }
    const next = r.lines[r.at];
    if (!next || next.indent < indent) return out;
    if (next.indent > indent) outside();
    if (next.text === "-" || next.text.startsWith("- ")) return out;
    text = next.text;
  }
}
function nested(r, indent, underKey) {
  const next = r.lines[r.at];
  if (!next || next.indent < indent) return null;
  if (next.indent > indent) return block(r, next.indent);
  if (underKey && (next.text === "-" || next.text.startsWith("- "))) return sequence(r, indent);
  return null;
}
function sequence(r, indent) {
  const out = [];
  const items = [];
  positions?.set(out, { line: r.lines[r.at].line, col: indent + 1, items });
  for (; ; ) {
    const line = r.lines[r.at];
    if (!line || line.indent !== indent || !(line.text === "-" || line.text.startsWith("- "))) return out;
    const rest = line.text.slice(1).trimStart();
    if (rest === "") {
      r.at++;
      const v2 = nested(r, indent, false);
      out.push(v2);
      items.push(valuePos(v2, rest, line.line, 0));
      continue;
    }
    if (rest.startsWith("- ") || rest === "-") outside();
    const inner = indent + (line.text.length - rest.length);
    const colon = rest.search(/:( |$)/);
    if (colon > 0 && rest[0] !== '"' && rest[0] !== "'" && rest[0] !== "[" && rest[0] !== "{") {
      r.lines[r.at] = { line: line.line, indent: inner, text: rest };
      const v2 = mapping(r, inner, rest);
      out.push(v2);
      items.push(valuePos(v2, rest, line.line, inner + 1));
      continue;
    }
    r.at++;
    const v = inlineValue(rest);
    out.push(v);
    items.push(valuePos(v, rest, line.line, inner + 1));
    const next = r.lines[r.at];
    if (next && next.indent > indent) outside();
  }
}
var positions;
function valuePos(value, rest, line, col) {
  if (value !== null && typeof value === "object") {
    const block2 = positions?.get(value);
    if (block2) return block2;
    return rest === "" ? void 0 : { line, col };
  }
  if (rest === "") return void 0;
  return { line, col };
}
function fastYamlPositions(text) {
  const table = /* @__PURE__ */ new WeakMap();
  let root;
  positions = table;
  try {
    root = readDocument(text);
  } catch (err) {
    if (err instanceof Outside) return void 0;
    throw err;
  } finally {
    positions = void 0;
  }
  if (root === null || typeof root !== "object") return void 0;
  const top = root;
  return (path, key = false) => {
    let node = top;
    let best = table.get(top);
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const here = node !== null && typeof node === "object" ? table.get(node) : void 0;
      if (!here) {
        if (node !== null && typeof node === "object") return void 0;
        break;
      }
      if (here.entries && !Array.isArray(node)) {
        const e = here.entries.get(String(seg));
        if (!e) break;
        if (i === path.length - 1 && key) return e.key;
        if (!e.value) return void 0;
        best = e.value;
        node = node[String(seg)];
      } else if (here.items && Array.isArray(node) && typeof seg === "number") {
        if (!Number.isInteger(seg) || seg < 0 || seg >= node.length) break;
        const p = here.items[seg];
        if (!p) return void 0;
        best = p;
        node = node[seg];
      } else break;
    }
    return best && { line: best.line, col: best.col };
  };
}

// src/manifest/yaml.ts
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
function positionOf(src, path, key = false) {
  const fast = src.fastPosition?.(path, key);
  if (fast) return { line: fast.line, col: fast.col };
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
var parsedManifests = /* @__PURE__ */ new Map();
var PARSED_MANIFESTS_KEPT = 256;
function parseManifest(file, text, expect) {
  const key = `${expect ?? ""}\0${file}\0${text}`;
  const hit = parsedManifests.get(key);
  if (hit) {
    return {
      manifest: { kind: hit.kind, src: lazySource(file, text), value: structuredClone(hit.value) },
      findings: hit.findings.map((f) => ({ ...f }))
    };
  }
  const r = parseManifestText(file, text, expect);
  if (r.manifest?.value) {
    if (parsedManifests.size >= PARSED_MANIFESTS_KEPT) parsedManifests.delete(parsedManifests.keys().next().value);
    parsedManifests.set(key, {
      kind: r.manifest.kind,
      value: structuredClone(r.manifest.value),
      findings: r.findings.map((f) => ({ ...f }))
    });
  }
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
function lazySource(file, text) {
  let full;
  const parsed = () => {
    full ??= parseYaml(file, text).src;
    return full;
  };
  let fast;
  return {
    file,
    text,
    fastPosition: (path, key) => {
      if (full) return void 0;
      if (fast === void 0) fast = fastYamlPositions(text) ?? null;
      return fast?.(path, key);
    },
    get doc() {
      return parsed().doc;
    },
    get lines() {
      return parsed().lines;
    }
  };
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

export {
  positionOf,
  parseManifest
};
