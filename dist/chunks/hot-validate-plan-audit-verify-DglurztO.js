import { createRequire } from 'node:module';
import { U as UserError } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { existsSync } from 'node:fs';
import { resolve, join, dirname, posix, basename } from 'node:path';
import { parseArgs as parseArgs$1 } from 'node:util';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile, rename, rm, copyFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';

const require$5 = createRequire(import.meta.url);

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

const require$4 = createRequire(import.meta.url);

// src/storage/location.ts
var LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
function isObjectUrl(p) {
  return /^(s3|gs|https?):\/\//i.test(p);
}
function objectUrlProblem(p) {
  const m = /^(s3|gs):\/\/([^/]+)\/(.+)$/i.exec(p);
  if (/^(s3|gs):/i.test(p)) {
    if (!m) return `"${p}" needs a bucket and a key: ${p.slice(0, 2).toLowerCase()}://BUCKET/KEY`;
    if (m[3].endsWith("/")) return `"${p}" names a folder; name one object (a file), not a prefix`;
    return void 0;
  }
  let u;
  try {
    u = new URL(p);
  } catch {
    return `"${p}" is not a valid URL`;
  }
  if (u.username || u.password)
    return `"${p}" holds credentials; never write them in a manifest (use the store's own credential chain)`;
  if (u.protocol === "http:" && !LOOPBACK.test(u.hostname))
    return `"${p}" is plain http to another machine; use https (plain http is accepted only for a loopback address)`;
  return void 0;
}
function parseLocation(p) {
  if (isObjectUrl(p)) {
    const scheme = p.slice(0, p.indexOf(":")).toLowerCase();
    if (scheme === "s3" || scheme === "gs") {
      const rest = p.slice(5);
      const slash = rest.indexOf("/");
      return { kind: "object", url: p, scheme, bucket: rest.slice(0, slash), key: rest.slice(slash + 1) };
    }
    return { kind: "object", url: p, scheme };
  }
  const hash = p.indexOf("#");
  if (hash > 0 && /(^|\/)dvc\.lock$/.test(p.slice(0, hash)))
    return { kind: "dvc", file: p.slice(0, hash), out: p.slice(hash + 1) };
  if (/\.dvc$/.test(p)) return { kind: "dvc", file: p };
  return { kind: "file", path: p };
}
function contentName(p) {
  const loc = parseLocation(p);
  if (loc.kind === "object") return (loc.key ?? new URL(loc.url).pathname).replace(/[?#].*$/, "");
  if (loc.kind === "dvc") return loc.out ?? loc.file.replace(/\.dvc$/, "");
  return loc.path;
}
var CONFIG_FILE = "modelgate.yaml";
function findRoot(start) {
  let dir = resolve(start);
  for (; ; ) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    const up = dirname(dir);
    if (up === dir) {
      throw new UserError(
        `no model repository found: no ${CONFIG_FILE} in ${resolve(start)} or any folder above it; run inside a model repository (see examples/fraud-detection) or create ${CONFIG_FILE}`
      );
    }
    dir = up;
  }
}
var PROFILE_DISTINCT_CAP = 100;
var API_VERSION = "modelgate.dev/v1alpha1";
function repoPath(p) {
  const n = posix.normalize(p.trim());
  return n.length > 1 ? n.replace(/\/+$/, "") : n;
}
function isRelativePath(p) {
  return !p.startsWith("/") && !/^[A-Za-z]:[\\/]/.test(p);
}
function locationProblem(p) {
  if (isObjectUrl(p)) return objectUrlProblem(p);
  if (!isRelativePath(p))
    return "must be a relative path (relative to this manifest's folder) or a store URL (s3://, gs://, https://)";
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(p))
    return `the scheme of "${p}" is not one modelgate reads; use s3://, gs:// or https://`;
  return void 0;
}
var isLocation = (p) => locationProblem(p) === void 0;
var isCompleteDeploy = (d) => d.gitops !== "argocd" || Boolean(d.argocd.repoURL);

const require$3 = createRequire(import.meta.url);
var common = {
  help: { type: "boolean", short: "h" },
  json: { type: "boolean" }
};
function parseArgs(command, args, options, allowPositionals = true) {
  try {
    const { values, positionals } = parseArgs$1({
      args,
      options: { ...common, ...options },
      allowPositionals,
      strict: true
    });
    return { values, positionals };
  } catch (err) {
    const msg = err.message.replace(/\. To specify a positional argument.*$/s, "");
    throw new UserError(`${msg}
Run \`modelgate ${command} --help\` for usage.`);
  }
}
function str(v) {
  return typeof v === "string" ? v : void 0;
}
function wholeNumber(label, v, min, max) {
  if (v === void 0 || v === "") return void 0;
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UserError(
      `${label} must be a whole number from ${min.toLocaleString("en-US")} to ${max.toLocaleString("en-US")}, got "${String(v)}"`
    );
  }
  return n;
}
function num(flag, v) {
  if (v === void 0) return void 0;
  const n = Number(v);
  if (typeof v !== "string" || v.trim() === "" || !Number.isFinite(n)) {
    throw new UserError(`--${flag} expects a number, got "${String(v)}"`);
  }
  return n;
}

const require$2 = createRequire(import.meta.url);
function tempName(path) {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}
async function writeFileAtomic(path, data) {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tempName(path);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
async function copyFileAtomic(from, to) {
  await mkdir(dirname(to), { recursive: true });
  const tmp = tempName(to);
  try {
    await copyFile(from, tmp);
    await rename(tmp, to);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
function toJson(value) {
  return `${JSON.stringify(value, null, 2)}
`;
}

const require$1 = createRequire(import.meta.url);
var ReaderError = class extends Error {
};
var IDLE_MS = 1e4;
var ObjectReader = class {
  constructor(dir, env, onEnd) {
    this.onEnd = onEnd;
    this.child = spawn("git", ["cat-file", "--batch"], { cwd: dir, env, stdio: "pipe" });
    this.child.stdout.on("data", (c) => this.take(c));
    this.child.stderr.on("data", (c) => {
      this.errText += c.toString();
    });
    this.child.stdin.on("error", () => {
    });
    this.child.on("error", (err) => this.end(err));
    this.child.on("close", (code) => this.end(new ReaderError(this.errText || `exit ${code ?? "by signal"}`)));
  }
  onEnd;
  child;
  queue = [];
  errText = "";
  ended = false;
  idle;
  // the answer being parsed: a header line, then `size` bytes and a line break
  header = [];
  body;
  read(names) {
    return new Promise((resolvePromise, reject) => {
      if (this.ended) return reject(new ReaderError(this.errText || "the reader ended"));
      clearTimeout(this.idle);
      this.hold(true);
      this.queue.push({ count: names.length, out: [], resolve: resolvePromise, reject });
      this.child.stdin.write(`${names.join("\n")}
`);
    });
  }
  /** No request is waiting for its answer. */
  get idleNow() {
    return this.queue.length === 0;
  }
  close() {
    if (this.ended) return;
    this.child.stdin.end();
    this.end(new ReaderError("the reader was closed"));
  }
  /** Keeps the process alive while a request waits for its answer, and not otherwise. */
  hold(on) {
    const pipes = [this.child.stdin, this.child.stdout, this.child.stderr];
    for (const h of [this.child, ...pipes]) {
      if (on) h.ref();
      else h.unref();
    }
  }
  end(err) {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.idle);
    this.onEnd();
    for (const r of this.queue.splice(0)) r.reject(err);
    this.hold(false);
  }
  answer(o) {
    const r = this.queue[0];
    if (!r) return;
    r.out.push(o);
    if (r.out.length < r.count) return;
    this.queue.shift();
    r.resolve(r.out);
    if (this.queue.length === 0) {
      this.hold(false);
      this.idle = setTimeout(() => this.close(), IDLE_MS);
      this.idle.unref();
    }
  }
  take(chunk) {
    let c = chunk;
    while (c.length > 0) {
      if (this.body) {
        const b = this.body;
        const need = b.size + 1 - b.have;
        const part = c.length > need ? c.subarray(0, need) : c;
        b.chunks.push(part);
        b.have += part.length;
        c = c.subarray(part.length);
        if (b.have === b.size + 1) {
          this.body = void 0;
          const all = b.chunks.length === 1 ? b.chunks[0] : Buffer.concat(b.chunks, b.have);
          this.answer({ oid: b.oid, type: b.type, content: all.subarray(0, b.size) });
        }
        continue;
      }
      const nl = c.indexOf(10);
      if (nl < 0) {
        this.header.push(c);
        return;
      }
      this.header.push(c.subarray(0, nl));
      c = c.subarray(nl + 1);
      const line = Buffer.concat(this.header).toString("utf8");
      this.header = [];
      const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(line);
      if (!m) this.answer(void 0);
      else this.body = { oid: m[1], type: m[2], size: Number(m[3]), chunks: [], have: 0 };
    }
  }
};
var readers = /* @__PURE__ */ new Map();
var envKeys = /* @__PURE__ */ new WeakMap();
function envKey(env) {
  let key = envKeys.get(env);
  if (key === void 0) {
    key = JSON.stringify(Object.entries(env).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
    envKeys.set(env, key);
  }
  return key;
}
function readObjects(dir, env, names) {
  if (names.length === 0) return Promise.resolve([]);
  for (const n of names) if (/[\r\n]/.test(n)) return Promise.reject(new Error(`object name with a line break: ${n}`));
  const key = `${resolve(dir)}\0${envKey(env)}`;
  let reader = readers.get(key);
  if (!reader) {
    const r = new ObjectReader(dir, env, () => {
      if (readers.get(key) === r) readers.delete(key);
    });
    reader = r;
    readers.set(key, r);
  }
  return reader.read(names);
}
function closeObjectReaders() {
  for (const r of [...readers.values()]) if (r.idleNow) r.close();
}
var SOURCE = `
const { spawn } = require("node:child_process");
let buf = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (c) => {
  buf += c;
  for (let i = buf.indexOf("\\n"); i >= 0; i = buf.indexOf("\\n")) {
    const line = buf.slice(0, i);
    buf = buf.slice(i + 1);
    run(JSON.parse(line));
  }
});
function run({ id, cwd, env, args, afterExitMs }) {
  const out = [];
  const err = [];
  let done = false;
  let timer;
  const send = (r) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    const o = Buffer.concat(out).toString("base64");
    const e = Buffer.concat(err).toString("base64");
    process.stdout.write(JSON.stringify({ id, ...r, out: o, err: e }) + "\\n");
  };
  let child;
  try {
    child = spawn("git", args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
  } catch (e) {
    return send({ code: null, signal: null, error: String(e.message) });
  }
  child.stdout.on("data", (c) => out.push(c));
  child.stderr.on("data", (c) => err.push(c));
  child.on("error", (e) => send({ code: null, signal: null, error: String(e.message) }));
  child.on("exit", (code, signal) => {
    timer = setTimeout(() => setImmediate(() => send({ code, signal })), afterExitMs);
  });
  child.on("close", (code, signal) => send({ code, signal }));
}
`;
var Spawner = class {
  child;
  waiting = /* @__PURE__ */ new Map();
  next = 0;
  buf = "";
  ended = false;
  constructor() {
    this.child = spawn(process.execPath, ["-e", SOURCE], { stdio: "pipe", env: { PATH: process.env.PATH ?? "" } });
    this.child.stdout.setEncoding("utf8");
    this.child.stdout.on("data", (c) => this.take(c));
    this.child.stderr.on("data", () => {
    });
    this.child.stdin.on("error", () => {
    });
    this.child.on("error", () => this.end());
    this.child.on("close", () => this.end());
    this.hold(false);
  }
  /** The outcome of `git ARGS`, or undefined when the helper had ended before (the caller runs git itself). */
  run(cwd, env, args, afterExitMs) {
    if (this.ended) return Promise.resolve(void 0);
    const id = this.next++;
    return new Promise((resolve2) => {
      this.waiting.set(id, resolve2);
      if (this.waiting.size === 1) this.hold(true);
      this.child.stdin.write(`${JSON.stringify({ id, cwd, env, args, afterExitMs })}
`);
    });
  }
  get pid() {
    return this.child.pid;
  }
  close() {
    const exited = new Promise((resolve2) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve2();
      else this.child.once("exit", () => resolve2());
    });
    this.child.stdin.end();
    this.end();
    this.child.ref();
    return exited;
  }
  take(chunk) {
    this.buf += chunk;
    for (let i = this.buf.indexOf("\n"); i >= 0; i = this.buf.indexOf("\n")) {
      const a = JSON.parse(this.buf.slice(0, i));
      this.buf = this.buf.slice(i + 1);
      const resolve2 = this.waiting.get(a.id);
      if (!resolve2) continue;
      this.waiting.delete(a.id);
      if (this.waiting.size === 0) this.hold(false);
      resolve2({
        code: a.code,
        signal: a.signal,
        ...a.error !== void 0 ? { error: a.error } : {},
        out: Buffer.from(a.out, "base64"),
        err: Buffer.from(a.err, "base64")
      });
    }
  }
  end() {
    if (this.ended) return;
    this.ended = true;
    if (active === this) active = void 0;
    const gone = Buffer.from("the helper process that started git ended before git did");
    for (const resolve2 of this.waiting.values()) resolve2({ code: null, signal: null, out: Buffer.alloc(0), err: gone });
    this.waiting.clear();
    this.hold(false);
  }
  /** Keeps this process alive while an answer is awaited, and not otherwise. */
  hold(on) {
    const pipes = [this.child.stdin, this.child.stdout, this.child.stderr];
    for (const h of [this.child, ...pipes]) {
      if (on) h.ref();
      else h.unref();
    }
  }
};
var active;
var onFirstUse = false;
function startGitSpawner(options = {}) {
  const before = active !== void 0 || onFirstUse;
  if (options.whenFirstNeeded) onFirstUse = true;
  else active ??= new Spawner();
  return before ? () => Promise.resolve() : stopGitSpawner;
}
function stopGitSpawner() {
  const s = active;
  active = void 0;
  onFirstUse = false;
  return s ? s.close() : Promise.resolve();
}
function gitSpawnerPid() {
  return active?.pid;
}
function spawnThroughHelper(cwd, env, args, afterExitMs) {
  if (onFirstUse && !active) active = new Spawner();
  return active?.run(cwd, env, args, afterExitMs);
}

// src/git/process.ts
var MAX_PER_HANDLE = 4;
var AFTER_EXIT_MS = 50;
var Limiter = class {
  constructor(max) {
    this.max = max;
  }
  max;
  running = 0;
  waiting = [];
  async run(job) {
    if (this.running >= this.max) await new Promise((go) => this.waiting.push(go));
    else this.running++;
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
};
async function runGitProcess(dir, env, args) {
  const o = await spawnThroughHelper(dir, env, args, AFTER_EXIT_MS) ?? await runHere(dir, env, args);
  if (o.error === void 0 && o.code === 0) return o.out.toString("utf8");
  const why = o.error === void 0 ? [] : [Buffer.from(existsSync(dir) ? o.error : `the folder ${dir} does not exist`)];
  const said = Buffer.concat([o.out, o.err, ...why]);
  throw new Error(said.length > 0 ? said.toString("utf8") : `exit code ${o.code ?? o.signal ?? "unknown"}`);
}
function runHere(dir, env, args) {
  return new Promise((resolve2) => {
    const out = [];
    const err = [];
    let settled = false;
    let exitTimer;
    const finish = (code, signal, error) => {
      if (settled) return;
      settled = true;
      clearTimeout(exitTimer);
      resolve2({
        code,
        signal,
        ...error ? { error: error.message } : {},
        out: Buffer.concat(out),
        err: Buffer.concat(err)
      });
    };
    const child = spawn("git", args, { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
    child.stdout.on("data", (c) => out.push(c));
    child.stderr.on("data", (c) => err.push(c));
    child.on("error", (e) => finish(null, null, e));
    child.on("exit", (code, signal) => {
      exitTimer = setTimeout(() => setImmediate(() => finish(code, signal)), AFTER_EXIT_MS);
    });
    child.on("close", (code, signal) => finish(code, signal));
  });
}

// src/git/index.ts
var GitError = class extends Error {
  constructor(args, message) {
    super(`git ${args.join(" ")}: ${message.trim()}`);
    this.args = args;
    this.name = "GitError";
  }
  args;
};
function gitEnvironment(opts = {}) {
  const inherited = Object.entries(process.env).filter(([k]) => !(opts.isolated && /^GIT_/i.test(k)));
  const env = { ...Object.fromEntries(inherited), ...opts.env, GIT_TERMINAL_PROMPT: "0" };
  for (const k of ["EDITOR", "VISUAL", "GIT_EDITOR", "GIT_SEQUENCE_EDITOR", "PAGER", "GIT_PAGER"]) delete env[k];
  if (opts.isolated) {
    env.GIT_CONFIG_NOSYSTEM = "1";
    env.GIT_CONFIG_GLOBAL = "/dev/null";
  }
  if (opts.identity) {
    env.GIT_AUTHOR_NAME = env.GIT_COMMITTER_NAME = opts.identity.name;
    env.GIT_AUTHOR_EMAIL = env.GIT_COMMITTER_EMAIL = opts.identity.email;
  }
  return env;
}
var Git = class {
  dir;
  env;
  limiter = new Limiter(MAX_PER_HANDLE);
  constructor(dir, opts = {}) {
    this.dir = dir;
    this.env = gitEnvironment(opts);
  }
  /** `git ARGS` in this handle's folder and environment, at most MAX_PER_HANDLE at once (process.ts). */
  raw(args) {
    return this.limiter.run(() => runGitProcess(this.dir, this.env, args));
  }
  /** Runs `git ARGS` and returns its stdout; throws GitError with git's own message on failure. */
  async run(args) {
    try {
      return await this.raw(args);
    } catch (err) {
      throw new GitError(args, err.message);
    }
  }
  /** Like run, trimmed, or undefined when git fails (a ref that does not exist, a path absent at a commit). */
  async tryRun(args) {
    try {
      return (await this.raw(args)).trim();
    } catch {
      return void 0;
    }
  }
  async revParse(ref) {
    return this.tryRun(["rev-parse", "--verify", "-q", `${ref}^{commit}`]);
  }
  /** The object a ref names, without peeling (an annotated tag's own object id). */
  async objectId(ref) {
    return this.tryRun(["rev-parse", "--verify", "-q", ref]);
  }
  /** "commit", "tag", "tree", "blob", or undefined. */
  async objectType(ref) {
    return this.tryRun(["cat-file", "-t", ref]);
  }
  async isAncestor(ancestor, of) {
    try {
      await this.raw(["merge-base", "--is-ancestor", ancestor, of]);
      return true;
    } catch {
      return false;
    }
  }
  /** A file's text at a commit, or undefined when it is not there. */
  async show(commit, path) {
    try {
      return await this.raw(["show", `${commit}:${path}`]);
    } catch {
      return void 0;
    }
  }
  /** A file's bytes at a commit (a model, binary), or undefined when it is not there or not a file. */
  async showBytes(commit, path) {
    const [o] = await this.catFileBatch([`${commit}:${path}`]).catch(() => [void 0]);
    return o?.type === "blob" ? o.content : void 0;
  }
  /**
   * Many objects at once through the repository's one long-lived `git cat-file --batch` (object-reader.ts): for each name (`<commit>:<path>`, an object id,
   * a tag), its type and bytes, or undefined when missing. Order of the answer is the order asked.
   */
  catFileBatch(names) {
    return readObjects(this.dir, this.env, names).catch((err) => {
      throw err instanceof ReaderError ? new GitError(["cat-file", "--batch"], err.message) : err;
    });
  }
  /**
   * Every ref under a prefix, one object per ref with the fields of the `for-each-ref` format asked. Each field is
   * ended by NUL, a byte git never prints inside one (a tag message or a tagger's name may hold any other).
   */
  async refs(prefix, fields) {
    const keys = Object.keys(fields);
    const fmt = `${keys.map((k) => fields[k]).join("%00")}%00`;
    const tokens = (await this.run(["for-each-ref", `--format=${fmt}`, prefix])).split("\0");
    const out = [];
    for (let i = 0; i + keys.length < tokens.length; i += keys.length) {
      out.push(
        Object.fromEntries(keys.map((k, j) => [k, j === 0 ? tokens[i].replace(/^\n/, "") : tokens[i + j]]))
      );
    }
    return out;
  }
  /** The best common ancestor of two commits, or undefined when they have none (or history is missing: shallow). */
  async mergeBase(a, b) {
    return this.tryRun(["merge-base", a, b]);
  }
  /**
   * The paths that differ between two commits, with renames detected (git's default 50% similarity), paths relative
   * to this handle's folder and limited to it. NUL-separated output, so any file name is read exactly.
   */
  async diffNames(from, to) {
    const out = await this.run([
      "-c",
      "diff.renameLimit=10000",
      "diff",
      "--name-status",
      "-z",
      "-M",
      "--relative",
      "--no-ext-diff",
      "--no-textconv",
      from,
      to,
      "--"
    ]);
    const f = out.split("\0");
    const entries = [];
    for (let i = 0; i + 1 < f.length; ) {
      const status = f[i];
      if (/^[RC]/.test(status)) {
        entries.push({ status: status[0], from: f[i + 1], path: f[i + 2] });
        i += 3;
      } else {
        entries.push({ status: status[0], path: f[i + 1] });
        i += 2;
      }
    }
    return entries;
  }
  /** The files of a commit's tree under `paths` (relative to this handle's folder), recursively. */
  async listFiles(ref, paths) {
    const out = await this.run(["ls-tree", "-r", "-z", "--name-only", ref, "--", ...paths]);
    return out.split("\0").filter((p) => p.length > 0);
  }
};
function openGit(dir, opts = {}) {
  return new Git(dir, opts);
}

export { API_VERSION as A, CONFIG_FILE as C, Git as G, PROFILE_DISTINCT_CAP as P, isLocation as a, isRelativePath as b, fastYamlValue as c, findRoot as d, isObjectUrl as e, fastYamlPositions as f, parseArgs as g, closeObjectReaders as h, isCompleteDeploy as i, readObjects as j, gitEnvironment as k, locationProblem as l, contentName as m, num as n, openGit as o, parseLocation as p, GitError as q, repoPath as r, str as s, toJson as t, copyFileAtomic as u, wholeNumber as v, writeFileAtomic as w, gitSpawnerPid as x, startGitSpawner as y };
