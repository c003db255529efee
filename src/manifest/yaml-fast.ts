/**
 * The value of a YAML document written in the plain block style manifests use — mappings and sequences by
 * indentation, one-line flow lists and maps, plain, single- and double-quoted scalars resolved by YAML 1.2's core
 * schema, comments — read in one pass over the lines, without building the document tree the `yaml` package builds
 * (which costs several times more in a short CLI run). It returns what `parseDocument(text).toJS()` returns, or
 * undefined for anything outside that style (anchors, aliases, tags, block scalars, multi-line scalars or flows,
 * tabs, duplicate keys, several documents, …): then the caller parses with `yaml`, which also names the problems.
 */

type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

class Outside extends Error {}
const outside = (): never => {
  throw new Outside();
};

// YAML 1.2 core schema (the `yaml` package's tests, in its order): null, bool, int (octal, decimal, hex), float
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value by the core schema, as `yaml` resolves it. */
function resolvePlain(s: string): Value {
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === "t" || s[0] === "T";
  if (INT_OCT.test(s)) return Number.parseInt(s.substring(2), 8);
  if (INT.test(s)) return Number.parseInt(s, 10);
  if (INT_HEX.test(s)) return Number.parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === "nan" ? Number.NaN : s[0] === "-" ? -Infinity : Infinity;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return Number.parseFloat(s);
  return s;
}

/** A key as `yaml` makes it a property name: plain words only (anything else is left to `yaml`). */
const KEY = /^[A-Za-z_][A-Za-z0-9_./-]*$/;

function setKey(map: { [key: string]: Value }, key: string, value: Value): void {
  if (!KEY.test(key) || BOOL.test(key) || NULL.test(key) || key === "__proto__" || Object.hasOwn(map, key)) outside();
  map[key] = value;
}

/** A plain scalar in block context: no indicator first, no ": " or " #" inside (the comment is cut before). */
function plainBlock(s: string): Value {
  const c = s[0];
  if (c === undefined || "?:,[]{}#&*!|>'\"%@`".includes(c)) outside();
  if (c === "-" && (s.length === 1 || s[1] === " ")) outside();
  if (s.includes(": ") || s.endsWith(":") || s.includes(" #") || s.includes("\t")) outside();
  return resolvePlain(s);
}

/** Cuts a line's comment (a `#` after a space, outside quotes) and trailing spaces. */
function uncomment(s: string): string {
  // most lines have no comment: the loop below would only reach its end (it runs cold, once per line)
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

/** A one-line value: a quoted scalar, a flow list or map, or a plain scalar (`s` starts at `line`, column `col`). */
function inlineValue(s: string, line: number, col: number): Value {
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

/** A reader of one line's flow collection or quoted scalar (`s[0]` is at `line`, column `col`). */
class Flow {
  constructor(
    readonly s: string,
    public i: number,
    readonly line: number,
    readonly col: number,
  ) {}

  /** Where the value read from s[start] is: a collection's own entry, else its first character's place. */
  private at(value: Value, start: number): Pos {
    const own = value !== null && typeof value === "object" ? positions?.get(value) : undefined;
    return own ?? { line: this.line, col: this.col + start };
  }

  space(): void {
    while (this.s[this.i] === " ") this.i++;
  }

  value(): Value {
    this.space();
    const c = this.s[this.i];
    if (c === "[") return this.list();
    if (c === "{") return this.map();
    if (c === '"' || c === "'") return this.quoted();
    return this.plain();
  }

  list(): Value[] {
    const out: Value[] = [];
    const items: Pos[] = [];
    positions?.set(out, { line: this.line, col: this.col + this.i, items });
    this.i++;
    this.space();
    if (this.s[this.i] === "]") {
      this.i++;
      return out;
    }
    for (;;) {
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
      if (this.s[this.i] === "]") outside(); // a trailing comma: left to yaml
    }
  }

  map(): { [key: string]: Value } {
    const out: { [key: string]: Value } = {};
    const entries = new Map<string, { key: Pos; value: Pos | undefined }>();
    positions?.set(out, { line: this.line, col: this.col + this.i, entries });
    this.i++;
    this.space();
    if (this.s[this.i] === "}") {
      this.i++;
      return out;
    }
    for (;;) {
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
  plain(): Value {
    const start = this.i;
    while (this.i < this.s.length && !",]}".includes(this.s[this.i])) this.i++;
    const t = this.s.slice(start, this.i).trimEnd();
    const c = t[0];
    if (c === undefined || "?:,[]{}#&*!|>'\"%@`".includes(c)) outside();
    if (c === "-" && (t.length === 1 || t[1] === " ")) outside();
    if (/[[{#:]|\t/.test(t)) outside();
    return resolvePlain(t);
  }

  quoted(): string {
    const q = this.s[this.i++];
    let out = "";
    for (;;) {
      const c = this.s[this.i++];
      if (c === undefined) outside();
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
        else if (e === "t") out += "\t";
        else outside();
        continue;
      }
      out += c;
    }
  }
}

interface Line {
  /** 1-based line number in the text. */
  line: number;
  indent: number;
  /** The content after the indentation, comment cut. */
  text: string;
}

/** The document's value, or undefined when it is not written in the style this reader knows. */
export function fastYamlValue(text: string): unknown {
  try {
    return readDocument(text);
  } catch (err) {
    if (err instanceof Outside) return undefined;
    throw err;
  }
}

function readDocument(text: string): Value {
  if (text.includes("\t") || text.includes("\r") || text.charCodeAt(0) === 0xfeff) outside();
  const lines: Line[] = [];
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

type Reader = { lines: Line[]; at: number };

/** The block node whose lines start at r.at, indented `indent`: a sequence or a mapping. */
function block(r: Reader, indent: number): Value {
  const first = r.lines[r.at];
  if (first.text === "-" || first.text.startsWith("- ")) return sequence(r, indent);
  return mapping(r, indent, first.text);
}

/** `key: value`: the key and the rest (undefined when the line is not a mapping entry). */
function entry(text: string): [string, string] {
  const i = text.indexOf(":");
  if (i <= 0 || (i + 1 < text.length && text[i + 1] !== " ")) outside();
  const key = text.slice(0, i);
  if (!KEY.test(key)) outside();
  return [key, text.slice(i + 1).trim()];
}

function mapping(r: Reader, indent: number, firstText: string): Value {
  const out: { [key: string]: Value } = {};
  const first = r.lines[r.at];
  const entries = new Map<string, { key: Pos; value: Pos | undefined }>();
  positions?.set(out, { line: first.line, col: indent + 1, entries });
  let text: string | undefined = firstText;
  for (;;) {
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
    if (next.text === "-" || next.text.startsWith("- ")) return out; // a sequence at a parent's indentation
    text = next.text;
  }
}

/** The value of `key:` or `-` with nothing after it: the block below it (a sequence may sit at a key's own indent). */
function nested(r: Reader, indent: number, underKey: boolean): Value {
  const next = r.lines[r.at];
  if (!next || next.indent < indent) return null;
  if (next.indent > indent) return block(r, next.indent);
  if (underKey && (next.text === "-" || next.text.startsWith("- "))) return sequence(r, indent);
  return null;
}

function sequence(r: Reader, indent: number): Value[] {
  const out: Value[] = [];
  const items: (Pos | undefined)[] = [];
  positions?.set(out, { line: r.lines[r.at].line, col: indent + 1, items });
  for (;;) {
    const line = r.lines[r.at];
    if (!line || line.indent !== indent || !(line.text === "-" || line.text.startsWith("- "))) return out;
    const rest = line.text.slice(1).trimStart();
    if (rest === "") {
      r.at++;
      const v = nested(r, indent, false);
      out.push(v);
      items.push(valuePos(v, rest, line.line, 0));
      continue;
    }
    if (rest.startsWith("- ") || rest === "-") outside(); // a sequence in a sequence on one line
    const inner = indent + (line.text.length - rest.length);
    const colon = rest.search(/:( |$)/);
    if (colon > 0 && rest[0] !== '"' && rest[0] !== "'" && rest[0] !== "[" && rest[0] !== "{") {
      // `- key: value`: a mapping whose keys sit at the column of this first one
      r.lines[r.at] = { line: line.line, indent: inner, text: rest };
      const v = mapping(r, inner, rest);
      out.push(v);
      items.push(valuePos(v, rest, line.line, inner + 1));
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

// ---------------------------------------------------------------------------------------------------------------------
// Positions: where a node starts, as `yaml` reports it (its range's start), for the documents read above — so that a
// finding's line does not need `yaml`'s document tree: block and one-line flow collections, their items, keys and
// values. A node whose position is not certain (an empty value) has none, and the caller asks `yaml`.

/** 1-based line and column. */
export interface Pos {
  line: number;
  col: number;
}
interface Collection extends Pos {
  /** A block mapping's entries: the key's position and the value's. */
  entries?: Map<string, { key: Pos; value: Pos | undefined }>;
  /** A block sequence's items. */
  items?: (Pos | undefined)[];
}

let positions: WeakMap<object, Collection> | undefined;

/** A value's position: a collection's own (block or flow); an inline scalar's, where its text starts. */
function valuePos(value: Value, rest: string, line: number, col: number): Pos | undefined {
  if (value !== null && typeof value === "object") return positions?.get(value);
  if (rest === "") return undefined; // empty: `yaml` makes a null scalar whose place is its own business
  return { line, col };
}

/**
 * Where the nodes of a document fastYamlValue reads start: a function of a path that gives the node's position (for
 * a missing node, its nearest existing parent's; `key`: the key's), as `yaml`'s document would, or undefined when not
 * certain. Undefined for a document outside the style.
 */
export function fastYamlPositions(
  text: string,
): ((path: (string | number)[], key?: boolean) => Pos | undefined) | undefined {
  const table = new WeakMap<object, Collection>();
  let root: Value;
  positions = table;
  try {
    root = readDocument(text);
  } catch (err) {
    if (err instanceof Outside) return undefined;
    throw err;
  } finally {
    positions = undefined;
  }
  if (root === null || typeof root !== "object") return undefined;
  const top: object = root;
  return (path, key = false) => {
    let node: Value = top as Value;
    let best: Pos | undefined = table.get(top);
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const here = node !== null && typeof node === "object" ? table.get(node) : undefined;
      if (!here) {
        // a scalar (the walk stops at it); a collection always has its entry
        if (node !== null && typeof node === "object") return undefined;
        break;
      }
      if (here.entries && !Array.isArray(node)) {
        const e = here.entries.get(String(seg));
        if (!e) break;
        if (i === path.length - 1 && key) return e.key;
        if (!e.value) return undefined;
        best = e.value;
        node = (node as { [k: string]: Value })[String(seg)];
      } else if (here.items && Array.isArray(node) && typeof seg === "number") {
        if (!Number.isInteger(seg) || seg < 0 || seg >= node.length) break;
        const p = here.items[seg];
        if (!p) return undefined;
        best = p;
        node = node[seg];
      } else break;
    }
    return best && { line: best.line, col: best.col };
  };
}
