import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  didYouMean,
  findingLocation
} from "./chunk-QOWBSAJO.js";
import {
  configSchema,
  manifestSchemas,
  require_dist
} from "./chunk-WARMS5WM.js";
import {
  UserError
} from "./chunk-7SHYJVU3.js";
import {
  __toESM
} from "./chunk-ZGDBGMMU.js";

// src/manifest/repo.ts
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

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
function positionOf(src, path, key = false) {
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
function parseManifest(file, text, expect) {
  const { src, findings } = parseYaml(file, text);
  if (findings.some((f) => f.severity === "error")) return { findings };
  let raw;
  try {
    raw = src.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    let at2 = { line: 1, col: 1 };
    (0, import_yaml.visit)(src.doc, {
      Alias(_, node) {
        if (node.range) at2 = src.lines.linePos(node.range[0]);
        return import_yaml.visit.BREAK;
      }
    });
    findings.push({
      severity: "error",
      check: "yaml",
      file,
      ...at2,
      message: `YAML aliases here expand to more than ${MAX_ALIAS_COUNT} copies (${err.message.split("\n")[0]}); write the values out instead of repeating *aliases`
    });
    return { findings };
  }
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
  const result = schema.safeParse(raw);
  if (!result.success) {
    findings.push(...schemaFindings(src, schema, raw, result.error.issues));
    return { manifest: { kind, src }, findings };
  }
  return { manifest: { kind, src, value: result.data }, findings };
}

// src/manifest/repo.ts
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
var toPosix = (p) => p.split(sep).join("/");
var inside = (x, base) => x === base || x.startsWith(base + sep);
function refuseOutside(root, realRoot, abs) {
  const real = realpathSync(abs);
  if (!inside(real, realRoot)) {
    throw new UserError(
      `${toPosix(relative(root, abs))} is a symlink to ${real}, outside the repository; copy the manifest into the repository instead`
    );
  }
  return real;
}
function yamlFiles(root, realRoot, dir, seen = /* @__PURE__ */ new Set()) {
  if (!existsSync(dir)) return [];
  const real = refuseOutside(root, realRoot, dir);
  if (seen.has(real)) return [];
  seen.add(real);
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      if (!existsSync(p)) continue;
      if (!/\.ya?ml$/.test(entry.name) && !statSync(p).isDirectory()) continue;
      const st = statSync(refuseOutside(root, realRoot, p));
      isDir = st.isDirectory();
      isFile = st.isFile();
    }
    if (isDir) out.push(...yamlFiles(root, realRoot, p, seen));
    else if (isFile && /\.ya?ml$/.test(entry.name)) out.push(p);
  }
  return out;
}
function configuredDir(root, realRoot, cfg, key, p) {
  const abs = resolve(root, p);
  const fail = (why) => {
    throw new UserError(
      `spec.paths.${key} "${p}" ${why}; name a folder inside the repository, relative to ${CONFIG_FILE}`,
      cfg ? { file: cfg.file, ...positionOf(cfg.src, ["spec", "paths", key]) } : { file: CONFIG_FILE }
    );
  };
  if (!inside(abs, resolve(root))) fail(`points outside the repository (to ${abs})`);
  if (existsSync(abs)) {
    const real = realpathSync(abs);
    if (!inside(real, realRoot)) fail(`is a symlink to ${real}, outside the repository`);
  }
  return abs;
}
function loadRepository(start) {
  const root = findRoot(start);
  const realRoot = realpathSync(root);
  const findings = [];
  const invalid = [];
  const load = (abs, kind) => {
    refuseOutside(root, realRoot, abs);
    const file = toPosix(relative(root, abs));
    let text;
    try {
      if (statSync(abs).isDirectory()) throw Object.assign(new Error("a folder"), { code: "EISDIR" });
      text = readFileSync(abs, "utf8");
    } catch (err) {
      const code = err.code;
      findings.push({
        severity: "error",
        check: "yaml",
        file,
        message: code === "EISDIR" ? `this is a folder, not a file: the ${kind} manifest must be a YAML file here; move the folder away and write the manifest in its place` : `cannot read this file (${err.message}); check that it is a readable file`
      });
      invalid.push({ kind, file });
      return void 0;
    }
    const r = parseManifest(file, text, kind);
    findings.push(...r.findings);
    if (!r.manifest?.value) {
      const name = r.manifest?.src.doc.getIn(["metadata", "name"]);
      invalid.push({ kind, file, ...typeof name === "string" ? { name } : {} });
      return void 0;
    }
    return { file, abs, dir: dirname(abs), src: r.manifest.src, value: r.manifest.value };
  };
  const configFile = load(join(root, CONFIG_FILE), "Config");
  const config = configFile?.value ?? configSchema.parse({ apiVersion: "modelgate.dev/v1alpha1", kind: "Config", metadata: { name: "default" } });
  const modelsDir = configuredDir(root, realRoot, configFile, "models", config.spec.paths.models);
  const dataDir = configuredDir(root, realRoot, configFile, "data", config.spec.paths.data);
  configuredDir(root, realRoot, configFile, "deploy", config.spec.paths.deploy);
  const models = [];
  if (existsSync(modelsDir)) {
    for (const entry of readdirSync(modelsDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const folder = join(modelsDir, entry.name);
      if (entry.isSymbolicLink()) {
        if (!existsSync(folder) || !statSync(refuseOutside(root, realRoot, folder)).isDirectory()) continue;
      } else if (!entry.isDirectory()) continue;
      const file = ["model.yaml", "model.yml"].map((f) => join(modelsDir, entry.name, f)).find((f) => existsSync(f));
      if (!file) continue;
      const m = load(file, "Model");
      if (!m) continue;
      if (m.value.metadata.name !== entry.name) {
        findings.push({
          severity: "error",
          check: "reference",
          file: m.file,
          ...positionOf(m.src, ["metadata", "name"]),
          message: `metadata.name "${m.value.metadata.name}" differs from its folder "${entry.name}"; rename one so they match`
        });
      }
      models.push(m);
    }
  }
  const datasets = [];
  const seen = /* @__PURE__ */ new Map();
  for (const file of yamlFiles(root, realRoot, dataDir)) {
    const d = load(file, "Dataset");
    if (!d) continue;
    const other = seen.get(d.value.metadata.name);
    if (other) {
      findings.push({
        severity: "error",
        check: "reference",
        file: d.file,
        ...positionOf(d.src, ["metadata", "name"]),
        message: `dataset name "${d.value.metadata.name}" is also used by ${other}; dataset names must be unique`
      });
      continue;
    }
    seen.set(d.value.metadata.name, d.file);
    datasets.push(d);
  }
  return { root, config, configFile, models, datasets, findings, invalid };
}
function findModel(repo, name) {
  const m = repo.models.find((x) => x.value.metadata.name === name);
  if (m) return m;
  const broken = repo.findings.find(
    (f) => f.severity === "error" && f.file.startsWith(`${repo.config.spec.paths.models}/${name}/`)
  );
  if (broken)
    throw new UserError(
      `model "${name}" has an invalid manifest: ${findingLocation(broken)}: ${broken.message}; run \`modelgate validate\` to see every problem`
    );
  const names = repo.models.map((x) => x.value.metadata.name);
  throw new UserError(
    `no model named "${name}" in ${repo.root}${names.length ? ` (models: ${names.join(", ")})` : ""}`
  );
}
function findDataset(repo, name) {
  return repo.datasets.find((d) => d.value.metadata.name === name);
}
function missingDataset(repo, name) {
  const bad = repo.invalid.find((x) => x.kind === "Dataset" && x.name === name);
  if (bad) {
    const first = repo.findings.find((f) => f.file === bad.file && f.severity === "error");
    return `the Dataset manifest ${bad.file} is invalid${first ? ` (${findingLocation(first)}: ${first.message})` : ""}; run \`modelgate validate\` to see every problem`;
  }
  const names = repo.datasets.map((x) => x.value.metadata.name);
  return `there is no Dataset manifest with that name (datasets: ${names.join(", ") || "none"})`;
}
function at(m, path, key = false) {
  return { file: m.file, ...positionOf(m.src, path, key) };
}
function resolveInside(root, fromDir, p) {
  if (isAbsolute(p)) return { abs: p, error: `"${p}" is absolute; write it relative to the manifest's folder` };
  const abs = resolve(fromDir, p);
  const realRoot = realpathSync(root);
  if (!inside(abs, resolve(root))) {
    return { abs, error: `"${p}" points outside the repository (to ${abs}); keep model and data files inside it` };
  }
  if (existsSync(abs)) {
    const real = realpathSync(abs);
    if (!inside(real, realRoot)) {
      return {
        abs,
        error: `"${p}" is a symlink to ${real}, outside the repository; copy the file into the repository instead`
      };
    }
    if (!statSync(real).isFile()) return { abs, error: `"${p}" is not a file` };
  }
  return { abs };
}
function repoRelative(root, abs) {
  return toPosix(relative(root, abs));
}

export {
  parseManifest,
  CONFIG_FILE,
  findRoot,
  loadRepository,
  findModel,
  findDataset,
  missingDataset,
  at,
  resolveInside,
  repoRelative
};
