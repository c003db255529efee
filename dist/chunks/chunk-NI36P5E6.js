import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

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
var KEY = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
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
function inlineValue(s, line, col) {
  const c = s[0];
  if (c === '"' || c === "'") {
    const r = new Flow(s, 0, line, col);
    const v = r.quoted();
    if (r.i !== s.length) outside();
    return v;
  }
  if (c === "[" || c === "{") {
    const r = new Flow(s, 0, line, col);
    const v = r.value();
    r.space();
    if (r.i !== s.length) outside();
    return v;
  }
  return plainBlock(s);
}
var Flow = class {
  constructor(s, i, line, col) {
    this.s = s;
    this.i = i;
    this.line = line;
    this.col = col;
  }
  s;
  i;
  line;
  col;
  /** Where the value read from s[start] is: a collection's own entry, else its first character's place. */
  at(value, start) {
    const own = value !== null && typeof value === "object" ? positions?.get(value) : void 0;
    return own ?? { line: this.line, col: this.col + start };
  }
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
    const items = [];
    positions?.set(out, { line: this.line, col: this.col + this.i, items });
    this.i++;
    this.space();
    if (this.s[this.i] === "]") {
      this.i++;
      return out;
    }
    for (; ; ) {
      this.space();
      const start = this.i;
      const v = this.value();
      out.push(v);
      if (positions) items.push(this.at(v, start));
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
    const entries = /* @__PURE__ */ new Map();
    positions?.set(out, { line: this.line, col: this.col + this.i, entries });
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
      this.space();
      const valueStart = this.i;
      const value = this.value();
      setKey(out, key, value);
      if (positions)
        entries.set(key, { key: { line: this.line, col: this.col + start }, value: this.at(value, valueStart) });
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
    const after = text.slice(key.length + 1);
    const col = indent + key.length + 1 + (after.length - after.trimStart().length) + 1;
    const value = rest === "" ? nested(r, indent, true) : inlineValue(rest, at.line, col);
    setKey(out, key, value);
    if (positions) {
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
    const v = inlineValue(rest, line.line, inner + 1);
    out.push(v);
    items.push(valuePos(v, rest, line.line, inner + 1));
    const next = r.lines[r.at];
    if (next && next.indent > indent) outside();
  }
}
var positions;
function valuePos(value, rest, line, col) {
  if (value !== null && typeof value === "object") return positions?.get(value);
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

export {
  fastYamlValue,
  fastYamlPositions
};
