import { createRequire } from 'node:module';
import { g as gitignoreWithModelgate } from './chunk-CWFCTTKI-Cu2Nx6Gr.js';
import { l as lockRepository } from './chunk-DOJBJRVX-Dsm5fQDV.js';
import { r as readBatches, R as Reservoir, l as labelKey, c as columnClasses, b as listed, d as declaredPositive, s as sha256File, e as formatOf, g as graphFacts, v as validateRepository, f as formatFindings } from './hot-validate-Cbhe7qur.js';
import './hot-validate-plan-DjS3M9MR.js';
import './hot-validate-verify-COnm42W2.js';
import { A as API_VERSION, C as CONFIG_FILE, u as copyFileAtomic, w as writeFileAtomic, g as parseArgs, s as str, t as toJson } from './hot-validate-plan-audit-verify-DglurztO.js';
import { r as recordPath } from './chunk-ZYONVBQU-s7z3Z2Hp.js';
import './chunk-OYQDDGAU-Dpe-Jqkv.js';
import { r as readOnnxModel } from './chunk-2ZLDIS45-ZCAU1cz0.js';
import './chunk-U6HQLEKJ-DFuKjzG7.js';
import './chunk-YK35P24K-BysRypHz.js';
import { r as require_dist, l as loadRepository } from './hot-plan-YWGJn6IT.js';
import './hot-validate-plan-verify-C9JqfCVv.js';
import './chunk-DFUR2YEO-CrRpRbga.js';
import { U as UserError, C as CheckFailed, c as __toESM, g as EXIT_USAGE, E as EXIT_OK, f as EXIT_FAILED } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { createInterface } from 'node:readline/promises';
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, sep, posix, isAbsolute, resolve, extname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import 'node:worker_threads';
import 'node:crypto';
import 'node:fs/promises';
import 'node:timers/promises';
import 'node:v8';
import 'node:util';
import 'node:child_process';
import 'node:os';

const require$1 = createRequire(import.meta.url);

// src/init/infer.ts
var TASKS = ["binary-classification", "multiclass-classification", "regression"];
var DISTINCT_CAP = 1e3;
var FEW_VALUES = 20;
var ID_NAME = /(^|[_\-. ])(id|uuid|guid|key)$|^id([_\-. ]|$)/i;
var looksLikeId = (name) => ID_NAME.test(name);
function columnType(s) {
  const seen = s.rows - s.nulls;
  if (seen === 0) return "string";
  if (s.booleans === seen) return "boolean";
  if (s.numbers > 0 && s.numbers + s.nans === seen)
    return s.integers === s.numbers && s.nans === 0 ? "integer" : "float";
  return "string";
}
var isNumeric = (t) => t === "integer" || t === "float";
function sortedValues(s, type) {
  const vals = [...s.distinct];
  if (isNumeric(type))
    return vals.map(Number).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (type === "boolean") return [false, true].filter((b) => vals.some((v) => v.toLowerCase() === String(b)));
  return vals.sort();
}
function guessLabel(columns) {
  const names = ["label", "target", "y", "class", "outcome"];
  return columns.find((c) => names.includes(c.toLowerCase()));
}
function planColumns(stats, label, task, inputsByName) {
  return stats.map((s) => {
    const type = columnType(s);
    const numeric = isNumeric(type);
    const plan = { name: s.name, type, role: "feature", nullable: s.nulls > 0 || numeric && s.nans > 0 };
    if (numeric) Object.assign(plan, numericBounds(s, type));
    const few = !s.distinctOverflow && s.distinct.size <= FEW_VALUES;
    if (s.name === label) {
      plan.role = "label";
      if (task && task !== "regression" && few) {
        plan.values = sortedValues(s, type);
        delete plan.min;
        delete plan.max;
        delete plan.expected;
      }
      return plan;
    }
    if (type === "string" && few && s.distinct.size > 0) plan.values = sortedValues(s, type);
    if (inputsByName.has(s.name)) return plan;
    if (looksLikeId(s.name) && s.unique && s.nulls === 0 && (type === "integer" || type === "string")) {
      plan.role = "id";
      plan.unique = true;
      delete plan.min;
      delete plan.max;
      delete plan.expected;
      plan.review = "guessed an id (name and unique values): not a feature";
      return plan;
    }
    if (inputsByName.size > 0) {
      if (type === "string" && few && s.distinct.size >= 2) {
        plan.role = "slice";
        plan.review = "guessed a slice (few values, not a model input): metrics are reported per value";
      } else {
        plan.role = "ignore";
        plan.review = "no model input of this name: not fed to the model";
      }
      return plan;
    }
    if (type === "string" || type === "boolean") {
      if (type === "string" && few && s.distinct.size >= 2) {
        plan.role = "slice";
        plan.review = "guessed a slice (few values, not numeric): metrics are reported per value";
      } else {
        plan.role = "ignore";
        plan.review = "not numeric, so not fed to the model's feature tensor";
      }
    }
    return plan;
  });
}
function numericBounds(s, type) {
  const { min, max } = s;
  if (min === void 0 || max === void 0 || !Number.isFinite(min) || !Number.isFinite(max)) return {};
  const nonNegative = min >= 0;
  const flag = type === "integer" && min === 0 && max === 1;
  if (flag) return { min: 0, max: 1 };
  const out = nonNegative ? { min: 0 } : {};
  const expected = expectedRange(min, max, s.median, type === "integer");
  if (expected && nonNegative && expected.min === 0) delete expected.min;
  if (expected) out.expected = expected;
  return out;
}
function expectedRange(min, max, median2, integer) {
  const width2 = max - min;
  if (!(width2 > 0) || !Number.isFinite(width2)) return void 0;
  const mid = median2 === void 0 ? (min + max) / 2 : Math.min(max, Math.max(min, median2));
  let lo = min - Math.max(mid - min, width2 / 10);
  let hi = max + Math.max(max - mid, width2 / 10);
  if (min >= 0) lo = Math.max(lo, 0);
  let step = 10 ** (Math.floor(Math.log10(hi - lo)) - 1);
  if (integer) step = Math.max(step, 1);
  const clean = (v) => Number(v.toPrecision(12));
  lo = clean(Math.floor(lo / step) * step);
  hi = clean(Math.ceil(hi / step) * step);
  return { min: lo, max: hi };
}
var isFloat = (t) => t.kind === "tensor" && (t.type === "float32" || t.type === "float64");
var width = (t) => t.shape.length === 2 && typeof t.shape[1] === "number" ? t.shape[1] : void 0;
function guessTask(sig, label) {
  const zipmap = sig.outputs.find((o) => o.kind === "sequence" || o.kind === "map");
  const labelOut = sig.outputs.find((o) => o.kind === "tensor" && (o.type === "int64" || o.type === "string"));
  const floats = sig.outputs.filter(isFloat);
  const classes = label && !label.distinctOverflow ? label.distinct.size : void 0;
  const byClasses = (what) => classes !== void 0 && classes > 2 ? { task: "multiclass-classification", why: `${what}, and the label has ${classes} values` } : { task: "binary-classification", why: `${what}, and the label has ${classes ?? "many"} values` };
  if (zipmap) return byClasses(`output "${zipmap.name}" is a ZipMap of class probabilities`);
  const prob = floats.find((o) => /prob|score/i.test(o.name)) ?? (labelOut ? floats[0] : void 0);
  if (prob) {
    const k = width(prob);
    if (k !== void 0 && k > 2)
      return { task: "multiclass-classification", why: `output "${prob.name}" has ${k} class probabilities` };
    if (k === 2) return { task: "binary-classification", why: `output "${prob.name}" has 2 class probabilities` };
    return byClasses(`output "${prob.name}" holds scores`);
  }
  if (labelOut) return byClasses(`output "${labelOut.name}" is a class label`);
  if (floats.length > 0 && (classes === void 0 || classes > 2 || label?.integers !== label?.numbers))
    return { task: "regression", why: `the one output "${floats[0].name}" is a float value per row` };
  return byClasses(`the one output "${floats[0]?.name ?? "?"}" is a float per row`);
}
function outputRoles(sig, task) {
  const floats = sig.outputs.filter(isFloat);
  if (task === "regression") return { value: floats[0]?.name };
  const zipmap = sig.outputs.find((o) => o.kind === "sequence" || o.kind === "map");
  const labelOut = sig.outputs.find((o) => o.kind === "tensor" && (o.type === "int64" || o.type === "string"));
  const probability = zipmap?.name ?? floats.find((o) => /prob|score/i.test(o.name))?.name ?? floats[0]?.name;
  return { probability, ...labelOut ? { label: labelOut.name } : {} };
}
function planInputs(sig, columns) {
  const names = sig.inputs.map((i) => i.name);
  const tensorInput = sig.inputs.length === 1 && isFloat(sig.inputs[0]) && sig.inputs[0].shape.length === 2;
  if (names.every((n) => columns.includes(n)) && !(tensorInput && width(sig.inputs[0]) !== 1)) {
    return { mode: "columns", features: names };
  }
  if (tensorInput) return { mode: "tensor", tensor: names[0], features: [] };
  const missing = names.filter((n) => !columns.includes(n));
  return {
    mode: "columns",
    features: names,
    review: `the model's inputs ${missing.map((n) => `"${n}"`).join(", ")} have no column of that name in the data`
  };
}
function tensorReview(sig, plan, features) {
  if (plan.mode !== "tensor") return void 0;
  const w = width(sig.inputs[0]);
  if (w === void 0 || w <= 0 || w === features.length)
    return "the columns in the order the model was trained on (file order assumed)";
  return `the model's input "${plan.tensor}" takes ${w} features but ${features.length} numeric columns are listed; keep the ${w} it was trained on, in training order, and set the others' role to ignore`;
}
function guessPositive(values) {
  if (values.length === 0) return void 0;
  const named = values.find((v) => /^(1|true|yes|y|positive|pos)$/i.test(String(v)));
  return named ?? values[values.length - 1];
}
function slug(text, fallback) {
  const s = text.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/-+/g, "-").replace(/^-+|-+$/g, "").slice(0, 63).replace(/-+$/g, "");
  return s || fallback;
}

// src/init/collect.ts
function classify(cell) {
  if (cell === null) return null;
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") return cell;
  if (typeof cell === "bigint") return Number(cell);
  if (typeof cell === "string") {
    const t = cell.trim();
    if (t === "") return null;
    if (/^(true|false)$/i.test(t)) return t.toLowerCase() === "true";
    if (/^nan$/i.test(t)) return Number.NaN;
    const n = Number(t);
    return Number.isNaN(n) ? cell : n;
  }
  if (cell instanceof Date) return cell.toISOString();
  return JSON.stringify(cell);
}
var MEDIAN_SAMPLE = 2048;
function median(values) {
  if (values.length === 0) return void 0;
  const sorted = Float64Array.from(values).sort();
  return sorted[sorted.length - 1 >> 1];
}
async function collectColumnStats(path, displayName) {
  let stats = [];
  let seen = [];
  let samples = [];
  for await (const batch of readBatches(path, { displayName })) {
    if (stats.length === 0) {
      stats = batch.columns.map((name) => ({
        name,
        rows: 0,
        nulls: 0,
        nans: 0,
        booleans: 0,
        numbers: 0,
        integers: 0,
        distinct: /* @__PURE__ */ new Set(),
        counts: /* @__PURE__ */ new Map(),
        distinctOverflow: false,
        unique: looksLikeId(name) ? true : void 0
      }));
      seen = batch.columns.map((name) => looksLikeId(name) ? /* @__PURE__ */ new Set() : void 0);
      samples = batch.columns.map(() => new Reservoir(MEDIAN_SAMPLE));
    }
    for (let c = 0; c < stats.length; c++) {
      const s = stats[c];
      const cells = batch.data[c];
      s.rows += batch.length;
      for (let r = 0; r < batch.length; r++) {
        const v = classify(cells[r]);
        if (v === null) {
          s.nulls++;
          continue;
        }
        let key;
        if (typeof v === "number" && Number.isNaN(v)) {
          s.nans++;
          key = String(cells[r]);
        } else if (typeof v === "boolean") {
          s.booleans++;
          key = String(v);
        } else if (typeof v === "number") {
          s.numbers++;
          if (Number.isInteger(v)) s.integers++;
          if (s.min === void 0 || v < s.min) s.min = v;
          if (s.max === void 0 || v > s.max) s.max = v;
          if (Number.isFinite(v)) samples[c].add(v);
          key = String(v);
        } else key = v;
        if (!s.distinctOverflow) {
          s.distinct.add(key);
          s.counts?.set(key, (s.counts.get(key) ?? 0) + 1);
          if (s.distinct.size > DISTINCT_CAP) s.distinctOverflow = true;
        }
        const u = seen[c];
        if (u) {
          if (u.has(key)) {
            s.unique = false;
            seen[c] = void 0;
          } else u.add(key);
        }
      }
    }
  }
  stats.forEach((s, c) => {
    s.median = median(samples[c].values);
  });
  return stats;
}
function packageRoot() {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (; ; ) {
    const pj = join(dir, "package.json");
    if (existsSync(pj) && JSON.parse(readFileSync(pj, "utf8")).name === "modelgate") return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error("modelgate's package.json not found above the running module");
    dir = up;
  }
}
function releaseRef(root = packageRoot()) {
  const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
  return `v${version.split(".")[0]}`;
}
var OWNER = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})";
var NAME = "[A-Za-z0-9._-]{1,100}";
var SLUG = new RegExp(`^${OWNER}/${NAME}$`);
function githubSlug(repository) {
  const raw = typeof repository === "string" ? repository : repository && typeof repository === "object" && typeof repository.url === "string" ? repository.url : void 0;
  if (!raw) return void 0;
  const m = /^(?:github:)?([^/:@\s]+\/[^/:@\s]+?)(?:\.git)?$/.exec(raw) ?? /^(?:git\+)?(?:https?|ssh|git):\/\/(?:git@)?github\.com[/:]([^/\s]+\/[^/\s]+?)(?:\.git)?\/?$/.exec(raw) ?? /^git@github\.com:([^/\s]+\/[^/\s]+?)(?:\.git)?$/.exec(raw);
  return m && SLUG.test(m[1]) ? m[1] : void 0;
}
function packageHome(root = packageRoot()) {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const repo = githubSlug(pkg.repository);
  if (!repo)
    throw new UserError(
      `${join(root, "package.json")} names no GitHub repository (\`repository\`), so there is no default home for modelgate's actions; pass --uses OWNER/REPO@REF`
    );
  return { repo, ref: releaseRef(root) };
}
function parseHome(spec, flag = "--uses") {
  const at = spec.lastIndexOf("@");
  const repo = at > 0 ? spec.slice(0, at) : "";
  const ref = at > 0 ? spec.slice(at + 1) : "";
  const refOk = /^[A-Za-z0-9._/-]+$/.test(ref) && !ref.includes("..") && !ref.startsWith("/") && !ref.endsWith("/");
  if (!SLUG.test(repo) || !refOk)
    throw new UserError(
      `${flag} "${spec}": expected OWNER/REPO@REF, the GitHub repository that holds modelgate's actions and a tag, branch or commit SHA of it, e.g. acme/modelgate@v0 or acme/modelgate@<40-hex commit SHA>`
    );
  return { repo, ref };
}
var workflowUses = (home, file) => `${home.repo}/.github/workflows/${file}@${home.ref}`;
function rehomeWorkflow(text, home, isOwn) {
  return text.replace(
    /^(\s*(?:#\s*)?(?:-\s+)?uses:\s*)([\w.-]+\/[\w.-]+)\/((?:actions\/[\w.-]+)|(?:\.github\/workflows\/[\w.-]+\.ya?ml))@([^\s#]+)/gm,
    (line, lead, repo, path) => isOwn(repo, path) ? `${lead}${home.repo}/${path}@${home.ref}` : line
  );
}
var sameRepo = (home) => (repo) => repo.toLowerCase() === home.repo.toLowerCase();
function schemaLocation(root, manifest, schema, home) {
  const installed = join(root, "node_modules", "modelgate", "schemas", schema);
  if (existsSync(installed))
    return relative(dirname(join(root, manifest)), installed).split(sep).join(posix.sep);
  return `https://raw.githubusercontent.com/${home.repo}/${home.ref}/schemas/${schema}`;
}

// src/init/labels.ts
function probabilityColumns(sig, graph, output) {
  const spec = sig.outputs.find((o) => o.name === output);
  if (!spec) return { classes: graph.classLabels };
  if (spec.kind !== "tensor") {
    const classes = graph.zipMaps.find((z) => z.output === spec.name)?.classLabels ?? graph.classLabels;
    return { width: classes?.length, classes };
  }
  const [, w] = spec.shape;
  const width2 = spec.shape.length === 1 ? 1 : typeof w === "number" && w > 0 ? w : graph.classLabels?.length;
  return { width: width2, classes: graph.classLabels };
}
var classValue = (c) => /^-?\d+$/.test(c) ? Number(c) : c;
async function mapLabels(f) {
  if (!f.values) return {};
  const keys = f.values.map(labelKey);
  const byKey = new Map(keys.map((k, i) => [k, f.values[i]]));
  const typed = (k) => byKey.get(k) ?? k;
  const spec = { column: f.column };
  if (f.task === "binary-classification" && f.columns.width === 1) return oneScore(f, keys, typed);
  const width2 = f.columns.width ?? keys.length;
  try {
    const r = columnClasses(f.model, width2, f.columns.classes, spec, f.counts, f.data);
    const classes = r.labels.map(typed);
    const renamed = r.labels.filter((l, j) => l !== r.classes[j]);
    const whose = r.source === "graph" ? "the model's classes (named in its graph)" : `the model's probability columns 0 to ${width2 - 1} (its graph names no classes)`;
    const pairs = r.labels.map((l, j) => `${JSON.stringify(l)} is the model's class ${r.classes[j]}`).join(", ");
    const note = renamed.length ? `label "${f.column}": ${pairs} (${r.source === "graph" ? "named in its graph" : "its column numbers"})` : `label "${f.column}": ${listed(r.labels)} are ${whose}`;
    return { classes, classesNote: `${whose}, in column order`, ...positiveOf(f, classes), note };
  } catch (err) {
    if (err instanceof CheckFailed) return { note: err.message };
    if (!(err instanceof UserError)) throw err;
  }
  return f.columns.classes ? nameClasses(f, keys, typed, f.columns.classes) : orderColumns(f, keys, typed, width2);
}
function positiveOf(f, classes) {
  if (f.task !== "binary-classification") return {};
  return { positive: guessPositive(classes), positiveNote: "review: the class whose probability the model scores" };
}
async function oneScore(f, keys, typed) {
  const classes = keys.map(typed);
  try {
    const p = declaredPositive({ column: f.column }, keys, true);
    return {
      classes,
      classesNote: "the label's values",
      positive: typed(p),
      positiveNote: "the model's one score is the probability of this class",
      note: `label "${f.column}": the model's one score per row is the probability of ${listed([p])}`
    };
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
  }
  if (f.ask) {
    const answer = await f.ask(
      `the model gives one score per row: the probability of which label of "${f.column}" (${keys.join(", ")})?`
    );
    if (!keys.includes(labelKey(answer)))
      throw new UserError(`"${answer}" is not a label of "${f.column}" (${listed(keys)})`);
    return {
      classes,
      classesNote: "the label's values",
      positive: typed(labelKey(answer)),
      positiveNote: "the model's one score is the probability of this class (as you answered)",
      note: `label "${f.column}": the model's one score per row is the probability of ${listed([labelKey(answer)])} (spec.label.positive, as you answered)`
    };
  }
  return {
    classes,
    classesNote: "the label's values",
    todo: {
      text: `the label whose probability the model's one score is (${keys.join(", ")}): it cannot be told, e.g.`,
      field: "positive",
      example: classes[classes.length - 1]
    },
    note: `label "${f.column}" has ${listed(keys)} and the model gives one score per row: whose probability it is cannot be told; set spec.label.positive (marked TODO), or run init on a terminal to be asked`
  };
}
async function nameClasses(f, keys, typed, classes) {
  const whose = `the model's classes [${classes.join(", ")}] (named in its graph)`;
  if (!f.ask) {
    const example = Object.fromEntries(keys.map((k, j) => [k, classValue(classes[j] ?? classes[0])]));
    return {
      todo: { text: `which of ${whose} each label is; they cannot be told apart, e.g.`, field: "labels", example },
      note: `label "${f.column}" has ${listed(keys)}, and ${whose} are other names: which is which cannot be told; say it in spec.label.labels (marked TODO), or run init on a terminal to be asked`
    };
  }
  const labels = {};
  for (const [j, k] of keys.entries()) {
    const answer = (await f.ask(`label "${k}" of "${f.column}" is which of ${whose}?`, classes[j])).trim();
    if (!classes.includes(answer)) throw new UserError(`"${answer}" is not one of ${whose}`);
    labels[k] = classValue(answer);
  }
  const r = columnClasses(f.model, classes.length, classes, { column: f.column, labels }, f.counts, f.data);
  const ordered = r.labels.map(typed);
  return {
    classes: ordered,
    classesNote: `mapped to ${whose} by spec.label.labels, in column order`,
    labels,
    ...positiveOf(f, ordered),
    note: `label "${f.column}": ${keys.map((k) => `${JSON.stringify(k)} is the model's class ${labels[k]}`).join(", ")} (spec.label.labels, as you answered)`
  };
}
async function orderColumns(f, keys, typed, width2) {
  const whose = `the model's ${width2} probability columns (its graph names no classes)`;
  if (!f.ask) {
    return {
      todo: {
        text: `the labels in the order of ${whose}; it cannot be told, e.g.`,
        field: "classes",
        example: f.values
      },
      note: `label "${f.column}" has ${listed(keys)}, not the column numbers 0 to ${width2 - 1}: which column is which label cannot be told; list them in spec.label.classes in the model's column order (marked TODO), or run init on a terminal to be asked`
    };
  }
  const order = [];
  for (let j = 0; j < width2; j++) {
    const answer = labelKey(
      (await f.ask(`column ${j} of ${whose} is the probability of which label (${keys.join(", ")})?`, keys[j])).trim()
    );
    if (!keys.includes(answer) || order.includes(answer))
      throw new UserError(`"${answer}" is not a label of "${f.column}" left to place (${listed(keys)})`);
    order.push(answer);
  }
  const classes = order.map(typed);
  return {
    classes,
    classesNote: `${whose}, in column order, as you answered`,
    ...positiveOf(f, classes),
    note: `label "${f.column}": ${order.map((l, j) => `column ${j} is ${JSON.stringify(l)}`).join(", ")} (spec.label.classes, as you answered)`
  };
}

// src/init/render.ts
var import_yaml = __toESM(require_dist(), 1);
function y(v) {
  if (typeof v === "string" && /[\u0000-\u001f\u007f\u2028\u2029]/.test(v)) return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(y).join(", ")}]`;
  return (0, import_yaml.stringify)(v, { lineWidth: 0, flowCollectionPadding: false, collectionStyle: "flow" }).trimEnd();
}
var SCHEMA = (location) => `# yaml-language-server: $schema=${location}`;
function renderConfig(name, schema) {
  return `${SCHEMA(schema)}
# modelgate's configuration for this model repository: where images go, the environments, who approves, who
# releases. Written by \`modelgate init\`; the values shown are the defaults unless a comment says otherwise.
apiVersion: ${API_VERSION}
kind: Config
metadata:
  name: ${y(name)}
spec:
  # registry: ghcr.io/OWNER/models # where model images are pushed; without it, a local OCI image layout
  environments:
    - name: staging
      promotion: direct # publish commits the new image digest to deploy/<model>/overlays/staging
    - name: production
      promotion: direct # or pull-request: open a pull request instead of committing
      requiresTag: true # a release manager tags <model>@vX.Y.Z to deploy that version
      githubEnvironment: production # the GitHub environment the release workflow's job declares
      # TODO: create that environment on GitHub with required reviewers (Settings > Environments): a release waits
      # for one of them to approve its run. Without the next line (or with false), an allowed releaser deploys alone.
      requiresApproval: true
  approval:
    approvals: 1
    reviewers:
      users: [] # TODO: GitHub logins allowed to approve model changes (empty: anyone with write access)
      teams: [] # org/team-slug; needs a token that reads the organization's members
      codeowners: false # true: the owners of the model's paths in CODEOWNERS may approve
    riskClass:
      high:
        extraApprovals: 1 # high-risk models (EU AI Act) need one approval more
  releasers:
    users: [] # TODO: GitHub logins allowed to tag releases
  drift:
    psiWarn: 0.1 # population stability index per feature, training data against evaluation data
    psiFail: 0.25
`;
}
var DATASHEET = [
  ["motivation", "why the dataset was created, by whom, for which task"],
  ["composition", "what a row is, how many, which period, what is missing"],
  ["collection", "how the data was collected and sampled"],
  ["preprocessing", "cleaning, labelling, filtering applied"],
  ["license", "the data's license or terms of use"],
  ["personalData", "whether it holds personal data, which, and on what basis"],
  ["knownBiases", "groups under- or over-represented, label noise"]
];
function columnYaml(c, labelReview) {
  const lines = [`    - name: ${y(c.name)}`, `      type: ${c.type}`];
  const role = c.role === "feature" ? "" : `      role: ${c.role}`;
  const review = c.role === "label" ? labelReview : c.review;
  if (role) lines.push(review ? `${role} # review: ${review}` : role);
  else if (review) lines[1] += ` # review: ${review}`;
  if (c.nullable) lines.push("      nullable: true");
  if (c.unique) lines.push("      unique: true");
  if (c.min !== void 0) lines.push(`      min: ${y(c.min)}`);
  if (c.max !== void 0) lines.push(`      max: ${y(c.max)}`);
  if (c.expected) lines.push(`      expected: ${y(c.expected)}`);
  if (c.values) lines.push(`      values: ${y(c.values)}`);
  return lines.join("\n");
}
function renderDataset(o) {
  return `${SCHEMA(o.schema)}
# A Dataset manifest, written by \`modelgate init\` from ${o.source}: column types, nullability and allowed values
# are what the file holds today, and \`modelgate validate\` holds every later version of it to them. A range is held
# only where the meaning implies it (min: 0 where no value is negative; 0/1 flags); \`expected\` is the file's range
# with headroom, and a value outside it is a warning, not an error.
# sha256, sizeBytes, rows and profile are written by \`modelgate lock\`: run it after each change to the file.
apiVersion: ${API_VERSION}
kind: Dataset
metadata:
  name: ${y(o.name)}
spec:
  path: ${y(o.path)}
  # TODO: the datasheet (Datasheets for Datasets): replace \`datasheet: {}\` with these fields, written out:
  # datasheet:
${DATASHEET.map(([k, v]) => `  #   ${k}: ${v}`).join("\n")}
  datasheet: {}
  columns:
${o.columns.map((c) => columnYaml(c, o.labelReview)).join("\n")}
`;
}
var CARD = [
  ["summary", "what the model does, in one or two sentences"],
  ["intendedUse", "who uses it, for which decisions"],
  ["outOfScopeUse", "uses it must not be put to"],
  ["limitations", "where it is known to be weak"],
  ["ethicalConsiderations", "who could be harmed by its errors, and how that is watched"],
  ["humanOversight", "how people check and can override it (EU AI Act art. 14)"],
  ["postMarketMonitoring", "how it is watched in production (EU AI Act art. 72)"],
  ["license", "the model's license"],
  ["contact", "who to ask"]
];
function gatesYaml(task, classes) {
  if (task === "binary-classification")
    return [
      "    - {metric: roc_auc, min: 0.5} # TODO: the lowest ROC AUC you accept",
      "    - {metric: roc_auc, maxDrop: 0.01} # against the baseline, judged on the paired 95% interval"
    ];
  if (task === "multiclass-classification")
    return [
      `    - {metric: accuracy, min: ${Number((1 / Math.max(classes, 2)).toFixed(4))}} # TODO: the lowest accuracy you accept (this is chance)`,
      "    - {metric: f1_macro, maxDrop: 0.01} # against the baseline, judged on the paired 95% interval"
    ];
  return [
    "    - {metric: r2, min: 0} # TODO: the lowest R\xB2 you accept",
    "    - {metric: r2, maxDrop: 0.01} # against the baseline, judged on the paired 95% interval"
  ];
}
function renderModel(o) {
  const outputs = Object.entries(o.outputs).filter(([, v]) => v !== void 0);
  const ownersLine = o.owners.length ? `  owners: ${y(o.owners)}` : "  owners: [your-github-login] # TODO: GitHub logins or org/team slugs who own this model";
  const taskNote = o.taskConfirmed ? `${o.taskWhy}; confirmed` : `review: ${o.taskWhy}; pass --task to confirm`;
  const label = [`    column: ${y(o.label)}`];
  const m = o.mapping;
  if (m.classes) label.push(`    classes: ${y(m.classes)}${m.classesNote ? ` # ${m.classesNote}` : ""}`);
  if (m.labels) label.push(`    labels: ${y(m.labels)} # each label \u2192 the model's class, as you answered`);
  if (m.positive !== void 0)
    label.push(`    positive: ${y(m.positive)}${m.positiveNote ? ` # ${m.positiveNote}` : ""}`);
  if (m.todo) label.push(`    # TODO: ${m.todo.text}`, `    # ${m.todo.field}: ${y(m.todo.example)}`);
  return `${SCHEMA(o.schema)}
# A Model manifest, written by \`modelgate init\`. Lines marked "review:" are guesses to check, "TODO:" what only
# you can write. artifact.sha256 and signature are written by \`modelgate lock\`: run it after each new model file.
apiVersion: ${API_VERSION}
kind: Model
metadata:
  name: ${y(o.name)}
spec:
  version: 1.0.0 # semantic version: bump it with each change
  # description: what the model does, in a sentence
${ownersLine}
  task: ${o.task} # ${taskNote}
  riskClass: minimal # TODO: the EU AI Act risk class: minimal, limited or high
  artifact:
    path: ${y(o.artifact)}
  inputs:
    mode: ${o.inputs.mode}
${o.inputs.tensor ? `    tensor: ${y(o.inputs.tensor)}
` : ""}    features: ${y(o.inputs.features)}${o.featuresReview ? ` # review: ${o.featuresReview}` : ""}
${outputs.length ? `  outputs:
${outputs.map(([k, v]) => `    ${k}: ${y(v)}`).join("\n")}
` : ""}  label:
${label.join("\n")}
${o.task === "regression" ? "" : "  threshold: 0.5 # a score at or above it is the positive class\n"}  # training: how CI retrains the model in a pull request (see \`modelgate train --help\`), e.g.
  #   command: [python, train.py, --params, "{params}", --out, "{output}"]
  #   datasets: [a-training-dataset]
  evaluation:
    datasets: [${y(o.dataset)}]
${o.slices.length ? `    slices:
${o.slices.map((s) => `      - column: ${y(s)}`).join("\n")}
` : ""}  gates:
${gatesYaml(o.task, o.classCount).join("\n")}
  # TODO: the model card, what only a person can write: replace \`card: {}\` with these fields, written out:
  # card:
${CARD.map(([k, v]) => `  #   ${k}: ${v}`).join("\n")}
  card: {}
`;
}
function copiedWorkflows(home, root = packageRoot()) {
  const shipped = packageHome(root);
  const dir = join(root, "workflows");
  const out = {};
  for (const f of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort())
    out[f] = rehomeWorkflow(readFileSync(join(dir, f), "utf8"), home, sameRepo(shipped));
  return out;
}
function callerWorkflows(home) {
  const uses = (f) => workflowUses(home, f);
  return {
    "modelgate-pr.yml": `# modelgate: plan, validate, train and evaluate the models a pull request touches (read-only token).
name: modelgate (pull request)
on:
  pull_request:
    types: [opened, synchronize, reopened]
permissions:
  contents: read
concurrency:
  group: modelgate-pr-\${{ github.event.pull_request.number }}
  cancel-in-progress: true
jobs:
  modelgate:
    uses: ${uses("pull-request.yml")}
`,
    "modelgate-report.yml": `# modelgate: the report on the pull request, from the records of "modelgate (pull request)" (untrusted input).
name: modelgate (report)
on:
  workflow_run:
    workflows: ["modelgate (pull request)"]
    types: [completed]
permissions:
  contents: read
concurrency:
  group: modelgate-report-\${{ github.event.workflow_run.head_repository.full_name }}-\${{ github.event.workflow_run.head_branch }}
  cancel-in-progress: true
jobs:
  modelgate:
    permissions:
      contents: read
      actions: read
      checks: write
      pull-requests: write
    uses: ${uses("report.yml")}
    secrets:
      token: \${{ secrets.GITHUB_TOKEN }}
`,
    "modelgate-approval.yml": `# modelgate: the approval gate; make \`modelgate/approval\` a required status check of main.
name: modelgate (approval)
on:
  pull_request_target:
    types: [opened, synchronize, reopened]
  pull_request_review:
    types: [submitted, edited, dismissed]
permissions:
  contents: read
concurrency: # the two events apart: a read-only review run must never cancel the run that sets the status
  group: modelgate-approval-\${{ github.event.pull_request.number }}-\${{ github.event_name }}
  cancel-in-progress: true
jobs:
  modelgate:
    permissions:
      contents: read
      statuses: write
      pull-requests: write
    uses: ${uses("approval.yml")}
    secrets:
      token: \${{ secrets.GITHUB_TOKEN }}
`,
    "modelgate-publish.yml": `# modelgate: publish what was evaluated and approved, on every push to main. A protected main needs a token that may
# push to it: pass a GitHub App's installation token as the push-token secret.
name: modelgate (publish)
on:
  push:
    branches: [main]
permissions:
  contents: read
concurrency:
  group: modelgate-publish
  cancel-in-progress: false # publishes queue; none is cancelled half-way
jobs:
  modelgate:
    permissions:
      contents: write
      packages: write
      actions: read
      pull-requests: read
      statuses: read
      checks: read
      id-token: write # signed provenance: actions/attest signs each record's Statements keylessly
      attestations: write
    uses: ${uses("publish.yml")}
`,
    "modelgate-release.yml": `# modelgate: release a published version to production when its tag name@vX.Y.Z is pushed, or by hand ("Run
# workflow") with a model and a version (an older version is a rollback). The job runs in the GitHub environment
# "production": give it required reviewers.
name: modelgate (release)
on:
  push:
    tags:
      - "*@v*"
      - "!*@v*!" # a deregistration (name@vX.Y.Z!) releases nothing
  workflow_dispatch:
    inputs:
      model:
        description: The model to release
        required: true
        type: string
      version:
        description: The version X.Y.Z (its tag must exist); an older version than production runs is a rollback
        required: true
        type: string
permissions:
  contents: read
concurrency: # one release per environment at a time; a running release is never cancelled
  group: modelgate-release-production
  cancel-in-progress: false
jobs:
  modelgate:
    permissions:
      contents: write
      actions: read
      pull-requests: write
      id-token: write # signed provenance: actions/attest signs the release's Statement keylessly
      attestations: write
      packages: write
    uses: ${uses("release.yml")}
    with:
      model: \${{ inputs.model }}
      version: \${{ inputs.version }}
`,
    "modelgate-audit.yml": `# modelgate: the nightly audit (audit verify, the timeline, the evidence folder as an artifact). Read-only.
name: modelgate (audit)
on:
  schedule:
    - cron: "23 4 * * *"
  workflow_dispatch:
permissions:
  contents: read
concurrency:
  group: modelgate-audit
  cancel-in-progress: false
jobs:
  modelgate:
    permissions:
      contents: read
    uses: ${uses("audit.yml")}
`,
    "modelgate-monitor.yml": `# modelgate: post-market monitoring of production (drift, performance, a record in git, a sticky issue).
# monitoring/fetch-logs.sh fetches the window's logs and labels; the models input lists the models (JSON).
name: modelgate (monitor)
on:
  schedule:
    - cron: "17 6 * * 1"
  workflow_dispatch:
    inputs:
      models:
        description: 'Models to monitor, a JSON list (default: the list in the job matrix), e.g. ["fraud-detector"]'
        required: false
        type: string
      since:
        description: "The window's start (RFC 3339 or a date); empty: its end minus spec.monitoring.window"
        required: false
        type: string
      until:
        description: "The window's end, exclusive (RFC 3339 or a date); empty: now"
        required: false
        type: string
permissions:
  contents: read
concurrency:
  group: modelgate-monitor
  cancel-in-progress: false
jobs:
  modelgate:
    permissions:
      contents: write
      issues: write
      pull-requests: write
      actions: read
      id-token: write
    uses: ${uses("monitor.yml")}
    with:
      models: \${{ inputs.models }}
      since: \${{ inputs.since }}
      until: \${{ inputs.until }}
`
  };
}

// src/init/init.ts
var toPosix = (p) => p.split(sep).join("/");
function insideRoot(root, abs) {
  const real = existsSync(abs) ? realpathSync(abs) : abs;
  const rel = relative(realpathSync(root), real);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? toPosix(rel) : void 0;
}
function inputFile(cwd, p, flag, exts) {
  const abs = resolve(cwd, p);
  if (!existsSync(abs) || !statSync(abs).isFile()) throw new UserError(`${flag} ${p}: no such file`);
  if (!exts.includes(extname(abs).toLowerCase()))
    throw new UserError(`${flag} ${p}: expected a ${exts.join(" or ")} file`);
  return abs;
}
async function sameBytes(planned, abs) {
  if (planned.text !== void 0) return readFileSync(abs, "utf8") === planned.text;
  const a = statSync(planned.copyFrom);
  const b = statSync(abs);
  return a.size === b.size && await sha256File(planned.copyFrom) === await sha256File(abs);
}
async function initRepository(opts) {
  const plan = await planInit(opts);
  if (plan.inTheWay.length)
    throw new UserError(
      `${plan.inTheWay.join(", ")} already exist${plan.inTheWay.length === 1 ? "s" : ""} in ${plan.root} and would be replaced; pass --force to overwrite, or --name to choose another model name`
    );
  return applyInit(plan, opts);
}
async function planInit(opts) {
  const root = resolve(opts.cwd, opts.dir);
  if (existsSync(root) && !statSync(root).isDirectory()) throw new UserError(`${opts.dir} is not a folder`);
  const ask = opts.ask;
  const notes = [];
  const existingRepo = existsSync(join(root, CONFIG_FILE));
  let modelPath = opts.model;
  if (!modelPath && ask) modelPath = await ask("ONNX model file (empty: none for now)", "") || void 0;
  let dataPath = opts.data;
  if (!dataPath && ask && modelPath)
    dataPath = await ask("evaluation data file (.csv, .jsonl or .parquet)", "") || void 0;
  if (modelPath && !dataPath)
    throw new UserError("--model needs --data: the file the model is evaluated on (.csv, .jsonl or .parquet)");
  const modelAbs = modelPath ? inputFile(opts.cwd, modelPath, "--model", [".onnx"]) : void 0;
  const dataAbs = dataPath ? inputFile(opts.cwd, dataPath, "--data", [".csv", ".jsonl", ".ndjson", ".parquet", ".pq"]) : void 0;
  if (opts.task !== void 0 && !TASKS.includes(opts.task))
    throw new UserError(`--task must be one of ${TASKS.join(", ")}, got "${opts.task}"`);
  const home = opts.uses !== void 0 ? parseHome(opts.uses) : packageHome();
  const schema = (manifest, file) => schemaLocation(root, manifest, file, home);
  const planned = [];
  planned.push({
    path: CONFIG_FILE,
    text: renderConfig(slug(basename(root), "models"), schema(CONFIG_FILE, "config.schema.json")),
    shared: true
  });
  const ignore = join(root, ".gitignore");
  const ignored = gitignoreWithModelgate(existsSync(ignore) ? readFileSync(ignore, "utf8") : void 0);
  if (ignored !== void 0)
    planned.push({ path: ".gitignore", text: ignored, shared: true, merge: existsSync(ignore) });
  const m = dataAbs ? await planManifests(opts, { root, dataAbs, dataPath, modelAbs, modelPath, schema, notes, planned }) : {};
  const workflows = opts.workflows ?? "copy";
  const texts = workflows === "copy" ? copiedWorkflows(home) : workflows === "call" ? callerWorkflows(home) : {};
  for (const [f, text] of Object.entries(texts)) planned.push({ path: `.github/workflows/${f}`, text, shared: true });
  const { files, toWrite, inTheWay } = await decideWrites(planned, root, opts.force === true);
  return {
    root,
    files,
    inTheWay,
    model: m.modelName,
    dataset: m.datasetName,
    datasetFile: m.datasetFile,
    task: m.task,
    existingRepo,
    notes,
    writes: toWrite
  };
}
async function planManifests(opts, { root, dataAbs, dataPath, modelAbs, modelPath, schema, notes, planned }) {
  const ask = opts.ask;
  let modelName;
  let datasetName;
  let task;
  let datasetFile;
  let modelFile;
  {
    const display = dataPath;
    formatOf(dataAbs);
    opts.onProgress?.(`reading ${display}`);
    const stats = await collectColumnStats(dataAbs, display);
    const columns = stats.map((s) => s.name);
    if (columns.length === 0) throw new UserError(`${display} has no columns`);
    let label = opts.label;
    let labelGuessed = false;
    if (label === void 0 && ask)
      label = await ask(`label column (${columns.join(", ")})`, guessLabel(columns) ?? (modelAbs ? void 0 : ""));
    if (label === void 0 || label === "") {
      label = guessLabel(columns);
      labelGuessed = label !== void 0;
    }
    if (label !== void 0 && !columns.includes(label))
      throw new UserError(`--label ${label}: no such column in ${display} (it has: ${columns.join(", ")})`);
    if (modelAbs && label === void 0)
      throw new UserError(`pass --label COLUMN, the column the model predicts (${display} has: ${columns.join(", ")})`);
    const labelStats = stats.find((s) => s.name === label);
    let inputs;
    let sig;
    let graph;
    let taskWhy = "";
    let taskConfirmed = false;
    if (modelAbs) {
      const onnx = readOnnxModel(readFileSync(modelAbs), modelPath);
      sig = onnx.signature;
      graph = graphFacts(onnx.model);
      inputs = planInputs(sig, columns);
      const guess = guessTask(sig, labelStats);
      taskWhy = guess.why;
      task = guess.task;
      if (opts.task) {
        task = opts.task;
        taskConfirmed = true;
        if (task !== guess.task) notes.push(`task: ${task} as --task says (the outputs suggested ${guess.task})`);
      } else if (ask) {
        const answer = await ask(`task (${TASKS.join(", ")}): ${guess.why}`, guess.task);
        if (!TASKS.includes(answer))
          throw new UserError(`the task must be one of ${TASKS.join(", ")}, got "${answer}"`);
        task = answer;
        taskConfirmed = true;
      }
    }
    const plans = planColumns(stats, label ?? "", task, new Set(inputs?.mode === "columns" ? inputs.features : []));
    datasetName = slug(basename(dataAbs, extname(dataAbs)), "data");
    const dataRel = existsSync(root) ? insideRoot(root, dataAbs) : void 0;
    const target = dataRel ?? `data/${basename(dataAbs)}`;
    if (!dataRel) planned.push({ path: target, copyFrom: dataAbs, shared: false });
    datasetFile = `data/${datasetName}.yaml`;
    planned.push({
      path: datasetFile,
      text: renderDataset({
        name: datasetName,
        path: posix.relative("data", target),
        columns: plans,
        labelReview: labelGuessed ? "guessed the label from its name; pass --label COLUMN" : void 0,
        schema: schema(datasetFile, "dataset.schema.json"),
        source: basename(dataAbs)
      }),
      shared: false
    });
    if (modelAbs && sig && graph && inputs && task && label !== void 0) {
      const fromFile = slug(basename(modelAbs, extname(modelAbs)), "model");
      const fallback = fromFile === "model" ? slug(basename(dirname(modelAbs)), "model") : fromFile;
      modelName = opts.name ?? (ask ? await ask("model name", fallback) : fallback);
      if (slug(modelName, "") !== modelName)
        throw new UserError(
          `model name "${modelName}" must be lowercase letters, digits and '-' (at most 63), e.g. "${slug(modelName, "my-model")}"`
        );
      if (existsSync(join(root, CONFIG_FILE))) await refuseSameArtifact(root, modelAbs, modelPath, modelName);
      const owners = opts.owners ?? (ask ? splitList(await ask("owners (GitHub logins or org/team, comma-separated)", "")) : []);
      const features = inputs.mode === "tensor" ? plans.filter((c) => c.role === "feature" && (c.type === "float" || c.type === "integer")).map((c) => c.name) : inputs.features;
      const labelPlan = plans.find((c) => c.name === label);
      const outputs = outputRoles(sig, task);
      const mapping = task === "regression" ? void 0 : await mapLabels({
        task,
        column: label,
        values: labelPlan.values,
        counts: labelStats?.counts ?? /* @__PURE__ */ new Map(),
        columns: probabilityColumns(sig, graph, outputs.probability),
        model: modelPath,
        data: display,
        ask
      });
      if (task !== "regression" && !labelPlan.values)
        notes.push(
          `label "${label}" has more than 20 values: its classes are not listed; check that the task is ${task}`
        );
      if (mapping?.note) notes.push(mapping.note);
      const modelRel = existsSync(root) ? insideRoot(root, modelAbs) : void 0;
      const artifactTarget = modelRel ?? `models/${modelName}/model.onnx`;
      if (!modelRel) planned.push({ path: artifactTarget, copyFrom: modelAbs, shared: false });
      modelFile = `models/${modelName}/model.yaml`;
      planned.push({
        path: modelFile,
        text: renderModel({
          name: modelName,
          artifact: posix.relative(`models/${modelName}`, artifactTarget),
          task,
          taskWhy,
          taskConfirmed,
          owners,
          inputs: { ...inputs, features },
          featuresReview: inputs.review ?? tensorReview(sig, inputs, features),
          outputs,
          label,
          mapping: mapping ?? {},
          classCount: labelPlan.values?.length ?? 2,
          dataset: datasetName,
          slices: plans.filter((c) => c.role === "slice").map((c) => c.name),
          schema: schema(modelFile, "model.schema.json")
        }),
        shared: false
      });
    }
  }
  return { modelName, datasetName, task, datasetFile };
}
async function decideWrites(planned, root, force) {
  const files = [];
  const toWrite = [];
  const inTheWay = [];
  for (const p of planned) {
    const abs = join(root, p.path);
    if (!existsSync(abs)) {
      toWrite.push(p);
      files.push({ path: p.path, action: "written" });
    } else if (p.merge) {
      toWrite.push(p);
      files.push({ path: p.path, action: "updated" });
    } else if (await sameBytes(p, abs)) files.push({ path: p.path, action: "unchanged" });
    else if (force) {
      toWrite.push(p);
      files.push({ path: p.path, action: "written" });
    } else if (p.shared) files.push({ path: p.path, action: "kept" });
    else inTheWay.push(p.path);
  }
  return { files, toWrite, inTheWay };
}
async function applyInit(plan, opts = {}) {
  const { root, files, notes, existingRepo } = plan;
  const modelName = plan.model;
  const datasetName = plan.dataset;
  const datasetFile = plan.datasetFile;
  const task = plan.task;
  for (const p of plan.writes) {
    const abs = join(root, p.path);
    if (p.copyFrom) await copyFileAtomic(p.copyFrom, abs);
    else await writeFileAtomic(abs, p.text);
  }
  let validation;
  if (modelName) {
    opts.onProgress?.("locking digests and profiles");
    await lockRepository(root, [modelName]);
    validation = await validateRepository(root, { paths: [join(root, "models", modelName)] });
  } else if (datasetFile) {
    if (existingRepo) notes.push(`run \`modelgate lock\` to write ${datasetFile}'s digest, rows and profile`);
    else {
      await lockRepository(root, []);
      validation = await validateRepository(root, { paths: [join(root, datasetFile)] });
    }
  }
  const todo = [];
  for (const f of files) {
    if (f.action !== "written" || !/\.ya?ml$/.test(f.path) || f.path.startsWith(".github/")) continue;
    const lines = readFileSync(join(root, f.path), "utf8").split("\n");
    lines.forEach((l, i) => {
      if (/#\s*(review|TODO):/.test(l)) todo.push({ file: f.path, line: i + 1, text: l.trim() });
    });
  }
  return { root, files, model: modelName, dataset: datasetName, task, todo, validation, notes };
}
async function refuseSameArtifact(root, modelAbs, modelPath, name) {
  let repo;
  try {
    repo = loadRepository(root);
  } catch {
    return;
  }
  const digest = await sha256File(modelAbs);
  const other = repo.models.find((m) => m.value.metadata.name !== name && m.value.spec.artifact.sha256 === digest);
  if (!other) return;
  const old = other.value.metadata.name;
  throw new UserError(
    `${modelPath} is already in this repository as model "${old}" (${other.file}), from an earlier init: a second copy named "${name}" would put both in every report. To rename it, remove ${posix.dirname(other.file)} (and ${recordPath(old)}) first; to write it again, pass --name ${old} --force`
  );
}
function splitList(s) {
  return s.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);
}

// src/commands/init.ts
var command = {
  name: "init",
  summary: "write a model repository from an ONNX file and a data file",
  usage: `Usage: modelgate init [DIR] [--model PATH.onnx --data PATH --label COLUMN] [--task TASK] [options]

Writes a model repository into DIR (default: the current folder) that validates and evaluates as it is:
  modelgate.yaml                 the configuration, its defaults written out with comments
  data/<dataset>.yaml            a Dataset manifest inferred from the data file: columns, types, roles (the label
                                 from --label; ids and slices guessed and marked "# review:"), nullability, allowed
                                 values; min: 0 where no value is negative and 0/1 flags as hard bounds, the file's
                                 range with headroom as \`expected\` (a warning, so a new batch validates); digest,
                                 size, rows and profile as \`modelgate lock\` writes them
  models/<name>/model.yaml       a Model manifest from the ONNX file: its signature, how columns feed its inputs
                                 (one tensor, or one input per column by name), its outputs (ZipMap included), the
                                 task guessed from them, how the label's values map to its classes (from its
                                 graph; asked on a terminal, else a "# TODO:" \u2014 never guessed), starter gates, the
                                 model card's fields as prompts
  .gitignore                     modelgate's local image store, scratch files and training logs left out of git
                                 (lines added to a .gitignore that is there; nothing of it changed)
  .github/workflows/             modelgate's workflows: pull request, report, approval, publish, release, audit
The data and model files are copied into data/ and models/<name>/ unless they are inside DIR already. Then it runs
\`modelgate validate\` on the model and lists the lines marked "# review:" (a guess to check) and "# TODO:" (for
you to write). On a terminal it asks for what the options leave open; in scripts, give the options.

Options:
  --model PATH.onnx     the model
  --data PATH           the data it is evaluated on: .csv, .jsonl or .parquet
  --label COLUMN        the column the model predicts
  --task TASK           binary-classification | multiclass-classification | regression (default: guessed
                        from the model's outputs and the label's values)
  --name NAME           the model's name (default: from the ONNX file's name)
  --owner LOGIN         an owner: GitHub login or org/team (repeatable)
  --workflows MODE      copy (default): the ready-to-copy workflows; call: short workflows calling modelgate's
                        reusable ones (OWNER/REPO/.github/workflows/\u2026@REF); none
  --uses OWNER/REPO@REF where modelgate's actions and reusable workflows live, for every \`uses:\` written (and the
                        \`$schema\` links when modelgate is not installed in DIR's node_modules); REF is a tag, a
                        branch or a commit SHA (pin a reviewed commit: OWNER/REPO@<40-hex SHA>). Default: the
                        repository in modelgate's package.json, at v<major> of this version
  --force               overwrite files that exist (default: a manifest in the way stops init, with nothing
                        written; an existing modelgate.yaml or workflow is kept)
  --dry-run             print what would be written, and what a file in the way would stop; write nothing
  --yes                 ask nothing, even on a terminal
  --json                the result as JSON
  -h, --help            this text

Exit codes: 0 written and valid, 1 written but \`validate\` found errors, 2 usage error or a file in the way.
`,
  async run(args, io) {
    const { values, positionals } = parseArgs("init", args, {
      model: { type: "string" },
      data: { type: "string" },
      label: { type: "string" },
      task: { type: "string" },
      name: { type: "string" },
      owner: { type: "string", multiple: true },
      workflows: { type: "string" },
      uses: { type: "string" },
      force: { type: "boolean" },
      "dry-run": { type: "boolean" },
      yes: { type: "boolean" }
    });
    if (positionals.length > 1) throw new UserError(`init takes one folder, got ${positionals.length}`);
    const workflows = str(values.workflows) ?? "copy";
    if (!["copy", "call", "none"].includes(workflows))
      throw new UserError(`--workflows must be copy, call or none, got "${workflows}"`);
    const interactive = !values.yes && !values.json && Boolean(process.stdin.isTTY) && io.isTTY;
    const prompt = interactive ? terminalAsker(process.stdin, process.stderr) : void 0;
    try {
      const options = {
        dir: positionals[0] ?? ".",
        cwd: io.cwd,
        model: str(values.model),
        data: str(values.data),
        label: str(values.label),
        task: str(values.task),
        name: str(values.name),
        owners: values.owner,
        workflows,
        uses: str(values.uses),
        force: Boolean(values.force),
        ask: prompt?.ask,
        onProgress: values.json ? void 0 : (m) => io.err(`${m}
`)
      };
      if (values["dry-run"]) {
        const plan = await planInit(options);
        const { writes: _, ...view } = plan;
        io.out(values.json ? toJson(view) : formatInitPlan(plan));
        return plan.inTheWay.length ? EXIT_USAGE : EXIT_OK;
      }
      const result = await initRepository(options);
      io.out(values.json ? toJson(result) : formatInit(result));
      const errors = result.validation?.findings.filter((f) => f.severity === "error").length ?? 0;
      return errors ? EXIT_FAILED : EXIT_OK;
    } finally {
      prompt?.close();
    }
  }
};
function terminalAsker(input, output) {
  const rl = createInterface({ input, output, terminal: false });
  return {
    ask: async (question, fallback) => {
      const answer = (await rl.question(`${question}${fallback ? ` [${fallback}]` : ""}: `)).trim();
      return answer || fallback || "";
    },
    close: () => rl.close()
  };
}
function formatInitPlan(p) {
  const out = [`init (dry run, nothing written): ${p.root}`];
  for (const f of p.files) out.push(`  would be ${f.action.padEnd(9)} ${f.path}`);
  for (const f of p.inTheWay) out.push(`  in the way  ${f} (exists; --force would replace it)`);
  if (p.model) out.push("", `model ${p.model} (${p.task}) evaluated on dataset ${p.dataset}`);
  else if (p.dataset) out.push("", `dataset ${p.dataset}`);
  for (const n of p.notes) out.push(`note: ${n}`);
  return `${out.join("\n")}
`;
}
function formatInit(r) {
  const out = [`init: ${r.root}`];
  for (const f of r.files) out.push(`  ${f.action.padEnd(9)} ${f.path}`);
  if (r.model) out.push("", `model ${r.model} (${r.task}) evaluated on dataset ${r.dataset}`);
  else if (r.dataset) out.push("", `dataset ${r.dataset}`);
  for (const n of r.notes) out.push(`note: ${n}`);
  if (r.validation) {
    out.push("", "modelgate validate:", formatFindings(r.validation).trimEnd());
  }
  if (r.todo.length) {
    out.push("", "Still to do (lines marked in the files):");
    for (const t of r.todo) out.push(`  ${t.file}:${t.line}: ${t.text}`);
  }
  out.push(
    "",
    r.model ? `Next: review the marked lines, run \`modelgate evaluate ${r.model} --baseline none\`, then commit and open a pull request.` : "Next: `modelgate init --model PATH.onnx --data PATH --label COLUMN` adds a model."
  );
  return `${out.join("\n")}
`;
}

export { command, formatInit, formatInitPlan, terminalAsker };
