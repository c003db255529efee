import { createRequire } from 'node:module';
import { s as sha256File, i as isRemote, g as graphFacts, v as validateRepository, T as DRIFT_ALPHA } from './hot-validate-Cbhe7qur.js';
import { t as trainingRecordOf, C as CARD_FILE, a as renderCardSummary, m as markdownTable } from './chunk-N3AID6DX-dQPS-OfG.js';
import { a0 as judge, a1 as worst, a2 as modelFindings, f as escapeMd, a3 as escapeMdLine, U as metricName, V as fmt, a4 as metricValue, a5 as deltaOf, a6 as fmtDelta, W as fmtInterval, a7 as fmtCount, a8 as lowerIsBetter, a9 as escapeHtml, aa as GATE_RULES } from './hot-audit-verify-DZYJh8zf.js';
import { C as CHECK_TEXT_MAX, j as clip, g as getPullRequest, k as createOrUpdateCheckRun, m as upsertStickyComment, P as PR_COMMENT_MARKER } from './chunk-NKXRGQC5-h4gDLlTY.js';
import { w as writeJobSummary } from './chunk-BJUODENM-D7tbkoXJ.js';
import { l as loadArtifact, m as modelsWithRecords, a as loadRecordsDir } from './chunk-VK5GUTCG-BuY9l5Ac.js';
import { c as checkRecordBinding, s as staleRecordMessage } from './chunk-FESBZRCF-DVFrC6lj.js';
import { R as RECORDS_DIR } from './chunk-ZYONVBQU-s7z3Z2Hp.js';
import { c as cachedCopy } from './chunk-OYQDDGAU-Dpe-Jqkv.js';
import { r as readOnnxModel } from './chunk-2ZLDIS45-ZCAU1cz0.js';
import { l as loadRepository } from './hot-plan-YWGJn6IT.js';
import { b as resolveInside, c as repoRelative, o as findModel, d as at } from './hot-validate-plan-DjS3M9MR.js';
import { U as UserError } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { readdirSync, lstatSync, readFileSync } from 'node:fs';
import { join, relative, sep, resolve, isAbsolute } from 'node:path';

const require$1 = createRequire(import.meta.url);
var MAX_ARTIFACT_MODELS = 100;
var MAX_MODEL_BYTES = 4 * 1024 * 1024 * 1024;
var MAX_DEPTH = 6;
var RECOMPUTE_TOLERANCE = 1e-6;
async function artifactModels(dir) {
  const files = [];
  const walk = (d, depth) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = join(d, e.name);
      if (e.isDirectory() && !e.isSymbolicLink()) {
        if (depth < MAX_DEPTH) walk(abs, depth + 1);
      } else if (e.isFile() && e.name.endsWith(".onnx")) {
        files.push(abs);
        if (files.length > MAX_ARTIFACT_MODELS) {
          throw new UserError(
            `--from-artifact ${dir}: more than ${MAX_ARTIFACT_MODELS} .onnx files; refusing the artifact`
          );
        }
      }
    }
  };
  walk(dir, 0);
  const out = /* @__PURE__ */ new Map();
  for (const abs of files) {
    if (lstatSync(abs).size > MAX_MODEL_BYTES) continue;
    out.set(await sha256File(abs), relative(dir, abs).split(sep).join("/"));
  }
  return out;
}
var num = (x) => x === null ? "undefined" : String(Number(x.toPrecision(9)));
var same = (a, b) => a === b || Math.abs(a - b) <= RECOMPUTE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
function compareMetrics(what, claimed, trusted, out) {
  const keys = /* @__PURE__ */ new Set([...Object.keys(claimed ?? {}), ...Object.keys(trusted ?? {})]);
  for (const k of [...keys].sort()) {
    const c = claimed?.[k];
    const t = trusted?.[k];
    if (c === void 0 || t === void 0) {
      out.push(
        `${what} ${k}: ${c === void 0 ? "missing" : num(c)} in the record, ${t === void 0 ? "missing" : num(t)} recomputed`
      );
    } else if (c === null || t === null ? c !== t : !same(c, t)) {
      out.push(`${what} ${k}: ${num(c)} in the record, ${num(t)} recomputed`);
    }
  }
}
function compareIntervals(what, claimed, trusted, out) {
  const keys = /* @__PURE__ */ new Set([...Object.keys(claimed ?? {}), ...Object.keys(trusted ?? {})]);
  for (const k of [...keys].sort()) {
    const c = claimed?.[k];
    const t = trusted?.[k];
    if (!c || !t || !same(c[0], t[0]) || !same(c[1], t[1])) {
      const show = (i) => i ? `[${num(i[0])}, ${num(i[1])}]` : "missing";
      out.push(`${what} ${k}: ${show(c)} in the record, ${show(t)} recomputed`);
    }
  }
}
function compareRecords(claimed, trusted) {
  const out = [];
  const eq = (what, c, t) => {
    if (c !== t) out.push(`${what}: ${String(c ?? "none")} in the record, ${String(t ?? "none")} recomputed`);
  };
  eq("candidate sha256", claimed.candidate.sha256, trusted.candidate.sha256);
  eq("dataset sha256", claimed.dataset.sha256, trusted.dataset.sha256);
  eq("dataset rows", claimed.dataset.rows, trusted.dataset.rows);
  eq("baseline sha256", claimed.baseline?.sha256, trusted.baseline?.sha256);
  eq("bootstrap resamples", claimed.bootstrap.resamples, trusted.bootstrap.resamples);
  eq("bootstrap seed", claimed.bootstrap.seed, trusted.bootstrap.seed);
  compareMetrics("candidate", claimed.candidate.metrics, trusted.candidate.metrics, out);
  compareIntervals("candidate interval", claimed.candidate.intervals, trusted.candidate.intervals, out);
  if (claimed.baseline && trusted.baseline) {
    compareMetrics("baseline", claimed.baseline.metrics, trusted.baseline.metrics, out);
    compareIntervals("baseline interval", claimed.baseline.intervals, trusted.baseline.intervals, out);
  }
  compareMetrics(
    "delta",
    Object.fromEntries(Object.entries(claimed.deltas).map(([k, d]) => [k, d.delta])),
    Object.fromEntries(Object.entries(trusted.deltas).map(([k, d]) => [k, d.delta])),
    out
  );
  compareIntervals(
    "delta interval",
    Object.fromEntries(Object.entries(claimed.deltas).map(([k, d]) => [k, d.interval])),
    Object.fromEntries(Object.entries(trusted.deltas).map(([k, d]) => [k, d.interval])),
    out
  );
  const sliceKey = (s) => `${s.column}=${s.value}`;
  const trustedSlices = new Map(trusted.slices.map((s) => [sliceKey(s), s]));
  const claimedSlices = new Map(claimed.slices.map((s) => [sliceKey(s), s]));
  for (const key of /* @__PURE__ */ new Set([...claimedSlices.keys(), ...trustedSlices.keys()])) {
    const c = claimedSlices.get(key);
    const t = trustedSlices.get(key);
    if (!c || !t) {
      out.push(`slice ${key}: ${c ? "present" : "missing"} in the record, ${t ? "present" : "missing"} recomputed`);
      continue;
    }
    eq(`slice ${key} rows`, c.count, t.count);
    compareMetrics(`slice ${key} candidate`, c.candidate, t.candidate, out);
    compareMetrics(`slice ${key} baseline`, c.baseline, t.baseline, out);
    compareIntervals(`slice ${key} interval`, c.intervals, t.intervals, out);
  }
  const gapKey = (f) => `${f.role} ${f.metric} gap over ${f.over}`;
  compareMetrics(
    "",
    Object.fromEntries(claimed.fairness.map((f) => [gapKey(f), f.gap])),
    Object.fromEntries(trusted.fairness.map((f) => [gapKey(f), f.gap])),
    out
  );
  return out.map((s) => s.trimStart());
}
function trustResult(name, claimed, rc) {
  const base = { index: -1, label: "recomputed by this run", path: ["metadata", "name"] };
  if (!rc.record) {
    return {
      ...base,
      status: "fail",
      reason: `the record ${claimed.file} came from an untrusted run and could not be recomputed: ${rc.error}`
    };
  }
  const diff = compareRecords(claimed.record, rc.record);
  if (diff.length === 0) {
    return {
      ...base,
      status: "pass",
      reason: `the record ${claimed.file} matches the numbers recomputed from ${rc.source ?? "its candidate"} on this branch's manifests and data; those are shown`
    };
  }
  return {
    ...base,
    status: "fail",
    reason: `the record ${claimed.file} does not match the numbers recomputed from ${rc.source ?? "its candidate"} on this branch's manifests and data (${diff.length} difference${diff.length === 1 ? "" : "s"}: ${diff.slice(0, 3).join("; ")}${diff.length > 3 ? "; \u2026" : ""}); the recomputed numbers are shown, and ${name} fails`
  };
}
function signatureOf(repo, m) {
  const art = m.value.spec.artifact;
  const copy = isRemote(art.path) ? cachedCopy(process.env, { sha256: art.sha256, size: art.sizeBytes }) : void 0;
  const r = copy ? { abs: copy } : resolveInside(repo.root, m.dir, art.path);
  if ("error" in r && r.error) return {};
  try {
    const { model, signature } = readOnnxModel(readFileSync(r.abs), m.value.spec.artifact.path);
    return { signature, zipMaps: graphFacts(model).zipMaps };
  } catch {
    return {};
  }
}
function cardInputFor(repo, m, record, extra = {}) {
  const spec = m.value.spec;
  const uses = /* @__PURE__ */ new Map();
  for (const n of spec.training?.datasets ?? []) uses.set(n, [...uses.get(n) ?? [], "training"]);
  for (const n of spec.evaluation.datasets) uses.set(n, [...uses.get(n) ?? [], "evaluation"]);
  const datasets = [...uses].map(([name, u]) => {
    const d = repo.datasets.find((x) => x.value.metadata.name === name);
    return { name, file: d?.file, value: d?.value, uses: u };
  });
  return {
    model: m.value,
    record: record && record.model.name === m.value.metadata.name ? record : void 0,
    datasets,
    ...signatureOf(repo, m),
    training: trainingRecordOf(repo.root, m.value.metadata.name),
    pr: extra.pr,
    approvals: extra.approvals
  };
}
async function buildReport(opts) {
  const repo = opts.repo ?? loadRepository(opts.cwd);
  const root = repo.root;
  let records;
  let names = opts.models && opts.models.length > 0 ? [...new Set(opts.models)] : void 0;
  let where;
  if (opts.fromArtifact) {
    if (opts.recordsDir) throw new UserError("--records and --from-artifact exclude each other; pass one");
    const dir = resolve(opts.cwd, opts.fromArtifact);
    records = loadArtifact(dir);
    for (const [name, r] of records.byModel) {
      if (!repo.models.some((m) => m.value.metadata.name === name)) {
        records.refused.push({ file: r.file, reason: `names model ${name}, which this repository does not have` });
        records.byModel.delete(name);
      }
    }
    names ??= [...records.byModel.keys()].sort();
    where = () => `in the artifact ${opts.fromArtifact}`;
  } else {
    const dir = opts.recordsDir ? isAbsolute(opts.recordsDir) ? opts.recordsDir : resolve(opts.cwd, opts.recordsDir) : join(root, RECORDS_DIR);
    names ??= modelsWithRecords(dir).filter((n) => repo.models.some((m) => m.value.metadata.name === n));
    records = loadRecordsDir(dir, names);
    const shown = repoRelative(root, dir);
    where = (name) => `${shown.startsWith("..") ? dir : shown}/${name}.json`;
  }
  if (names.length === 0) {
    throw new UserError(
      opts.fromArtifact ? `no evaluation records in the artifact ${opts.fromArtifact}${records.refused.length ? ` (refused: ${records.refused.map((r) => `${r.file}: ${r.reason}`).join("; ")})` : ""}; check the upload step of the evaluate job` : `no evaluation records found; run \`modelgate evaluate\` first, or name the models to report on`
    );
  }
  const manifests = new Map(names.map((n) => [n, findModel(repo, n)]));
  const stale = /* @__PURE__ */ new Map();
  if (!opts.fromArtifact) {
    for (const [name, loaded] of records.byModel) {
      const m = manifests.get(name);
      if (!m) continue;
      const mismatches = await checkRecordBinding(loaded.record, m, repo);
      if (mismatches.length > 0) stale.set(name, staleRecordMessage(name, mismatches));
    }
  }
  let validation;
  if (opts.validation === void 0 || opts.validation === true) {
    validation = await validateRepository(root, {
      paths: [...manifests.values()].map((m) => m.dir),
      skipData: opts.skipData,
      repo
    });
  } else if (opts.validation !== false) {
    validation = opts.validation;
  }
  const findings = validation?.findings;
  const datasetFiles = new Map(repo.datasets.map((d) => [d.value.metadata.name, d.file]));
  const models = [];
  const cards = /* @__PURE__ */ new Map();
  for (const name of names) {
    const m = manifests.get(name);
    let loaded = stale.has(name) ? void 0 : records.byModel.get(name);
    let trust;
    if (loaded && opts.recompute) {
      const rc = await opts.recompute(m, loaded);
      trust = trustResult(name, loaded, rc);
      loaded = rc.record ? { record: rc.record, file: loaded.file } : void 0;
    }
    const judgeInput = {
      model: m.value,
      record: loaded?.record,
      recordPath: where(name),
      recordRefused: stale.get(name),
      findings,
      modelFile: m.file,
      datasetFiles
    };
    const card = cardInputFor(repo, m, loaded?.record, opts);
    cards.set(name, card);
    const trainSet = m.value.spec.training?.datasets[0];
    const train = trainSet ? repo.datasets.find((d) => d.value.metadata.name === trainSet) : void 0;
    const verdict = judge(judgeInput);
    if (trust) {
      verdict.results = [trust, ...verdict.results.filter((r) => !(r.index === -1 && r.label === "evaluation record"))];
      verdict.status = worst(verdict.results.map((r) => r.status));
    }
    models.push({
      model: m.value,
      modelFile: m.file,
      record: loaded?.record,
      recordFile: loaded?.file,
      verdict,
      findings: findings ? modelFindings(judgeInput) : void 0,
      card: renderCardSummary(card),
      cardFile: `${m.file.replace(/[^/]*$/, "")}${CARD_FILE}`,
      drift: validation?.drift.filter((d) => d.model === name).map(({ dataset, psi, p, level, unjudged }) => ({ dataset, psi, p, level, unjudged })),
      driftNotChecked: validation?.driftNotChecked.filter((d) => d.model === name).map((d) => d.reason),
      driftLimits: { ...repo.config.spec.drift, ...train?.value.spec.drift ?? {} }
    });
  }
  return { root, repo, models, cards, manifests, refused: records.refused };
}

// src/report/charts.ts
var AXIS_MAX = 100;
var SAMPLES = AXIS_MAX + 1;
var BASELINE_COLOR = "#E69F00";
var CANDIDATE_COLOR = "#0072B2";
var pct = (x) => Math.round(Math.min(1, Math.max(0, x)) * 1e3) / 10;
function sampleXs(n = SAMPLES) {
  return Array.from({ length: n }, (_, i) => i / (n - 1));
}
function rocAt(points) {
  const pts = [...points].filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length === 0) return () => 0;
  if (pts[0][0] > 0) pts.unshift([0, 0]);
  if (pts[pts.length - 1][0] < 1) pts.push([1, 1]);
  return (x) => {
    let best = -1;
    for (const p of pts) if (p[0] === x) best = Math.max(best, p[1]);
    if (best >= 0) return best;
    let i = 0;
    while (i < pts.length - 1 && pts[i + 1][0] < x) i++;
    const [x0, y0] = pts[i];
    const [x1, y1] = pts[Math.min(i + 1, pts.length - 1)];
    return x1 === x0 ? y1 : y0 + (y1 - y0) * (x - x0) / (x1 - x0);
  };
}
function prAt(points) {
  const pts = points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  return (r) => {
    let best = 0;
    for (const p of pts) if (p[0] >= r - 1e-12 && p[1] > best) best = p[1];
    return best;
  };
}
function chart(title, xLabel, yLabel, series, colors) {
  return [
    "```mermaid",
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${colors.join(", ")}"}}}}%%`,
    "xychart-beta",
    `  title "${title}"`,
    `  x-axis "${xLabel} (%)" 0 --> ${AXIS_MAX}`,
    `  y-axis "${yLabel} (%)" 0 --> 100`,
    ...series.map((s) => `  line [${s.join(", ")}]`),
    "```"
  ].join("\n");
}
function pairChart(p, at2, title, xLabel, yLabel) {
  const present = [
    { pts: p.baseline, color: BASELINE_COLOR, name: "baseline" },
    { pts: p.candidate, color: CANDIDATE_COLOR, name: "candidate" }
  ].filter((c) => !!c.pts && c.pts.length > 0);
  if (present.length === 0) return void 0;
  const xs = sampleXs();
  const series = present.map((c) => {
    const f = at2(c.pts);
    return xs.map((x) => pct(f(x)));
  });
  const legend = present.length === 2 ? "orange: baseline; blue: candidate" : `${present[0].name} only (no ${present[0].name === "candidate" ? "baseline" : "candidate"} curve)`;
  return [
    chart(
      title,
      xLabel,
      yLabel,
      series,
      present.map((c) => c.color)
    ),
    `<sub>${legend}. Both axes are to scale: each curve is drawn at every 1% of the x axis.</sub>`
  ].join("\n\n");
}
function curveCharts(roc, pr) {
  return [
    pairChart(roc, rocAt, "ROC curve", "False positive rate", "True positive rate"),
    pairChart(pr, prAt, "Precision-recall curve", "Recall", "Precision")
  ].filter((c) => c !== void 0).join("\n\n");
}

// src/report/markdown.ts
var ICON = { pass: "\u2705", warn: "\u26A0\uFE0F", fail: "\u274C" };
var WORD = { pass: "pass", warn: "warn", fail: "fail" };
var table = (rows, align) => markdownTable(rows, { align, alignDelimiters: false });
var details = (summary, body, open = false) => `<details${open ? " open" : ""}><summary>${summary}</summary>

${body}

</details>`;
var safeUrl = (u) => u && /^https?:\/\/[^\s()<>"'`]+$/.test(u) ? u : void 0;
var plural = (n, w) => `${n} ${w}${n === 1 ? "" : "s"}`;
function versionChange(r) {
  const cand = r.record?.candidate.version ?? r.record?.model.version ?? r.model.spec.version;
  const baseline = r.record?.baseline;
  const base = baseline?.version;
  if (!baseline) return `${escapeMd(cand)} (new)`;
  if (!base) return `${escapeMd(cand)} (against ${escapeMd(baseline.source)})`;
  if (base === cand) return `${escapeMd(cand)} (same version)`;
  return `${escapeMd(base)} \u2192 ${escapeMd(cand)}`;
}
function deciding(r) {
  const v = r.verdict;
  const bad = v.results.filter((x) => x.status === v.status && v.status !== "pass");
  if (bad.length > 0) {
    const text = bad.slice(0, 2).map((x, i) => i === 0 ? escapeMdLine(x.reason) : escapeMd(x.reason));
    return text.join("; ") + (bad.length > 2 ? ` (and ${bad.length - 2} more)` : "");
  }
  if (v.results.length === 0) return "no gates declared";
  return v.results.slice(0, 2).map((x, i) => i === 0 ? escapeMdLine(x.reason) : escapeMd(x.reason)).join("; ");
}
function headerLine(r) {
  return `### ${ICON[r.verdict.status]} ${escapeMd(r.model.metadata.name)} \xB7 ${versionChange(r)} \xB7 ${WORD[r.verdict.status]}

${deciding(r)}`;
}
function gatesTable(results, onlyBad) {
  const rows = results.filter((x) => !onlyBad || x.status !== "pass");
  if (rows.length === 0)
    return onlyBad ? `All ${plural(results.length, "gate")} pass.` : "No gates declared in spec.gates.";
  const t = table(
    [["", "gate", "result"], ...rows.map((x) => [ICON[x.status], escapeMd(x.label), escapeMd(x.reason)])],
    ["c", "l", "l"]
  );
  const hidden = results.length - rows.length;
  return hidden > 0 ? `${t}

${plural(hidden, "other gate")} pass.` : t;
}
function gateCell(results, metric) {
  const mine = results.filter((x) => x.metric === metric && x.gate && !("sliceGap" in x.gate));
  return mine.map((x) => `${ICON[x.status]} ${escapeMd(x.label.slice(metric.length).trim())}`).join("<br>");
}
var TREND_LEGEND = "\u25B2 better, \u25BC worse: the paired 95% interval of the delta lies wholly on that side of zero (for losses, errors and latency, lower is better); no mark: the interval includes zero.";
function metricsTable(rec, results) {
  const keys = Object.keys(rec.candidate.metrics);
  for (const k of Object.keys(rec.baseline?.metrics ?? {})) if (!keys.includes(k)) keys.push(k);
  for (const x of results)
    if (x.metric && x.gate && !("sliceGap" in x.gate) && !keys.includes(x.metric)) keys.push(x.metric);
  if (!rec.baseline) {
    const rows2 = keys.map((k) => {
      const iv = rec.candidate.intervals[k];
      return [
        escapeMd(metricName(k)),
        fmt(metricValue(rec, "candidate", k), k),
        iv ? `[${fmt(iv[0], k)}, ${fmt(iv[1], k)}]` : "\u2014",
        gateCell(results, k)
      ];
    });
    return table([["metric", "candidate", "95% interval", "gate"], ...rows2], ["l", "r", "c", "l"]);
  }
  let marked = false;
  const rows = keys.map((k) => {
    const d = deltaOf(rec, k);
    const mark = trend(d?.interval, k);
    if (mark) marked = true;
    return [
      escapeMd(metricName(k)),
      fmt(metricValue(rec, "baseline", k), k),
      fmt(metricValue(rec, "candidate", k), k),
      d ? `${fmtDelta(d.delta, k)}${mark}` : "\u2014",
      fmtInterval(d?.interval, k),
      gateCell(results, k)
    ];
  });
  const t = table(
    [["metric", "baseline", "candidate", "delta", "95% interval of the delta", "gate"], ...rows],
    ["l", "r", "r", "r", "c", "l"]
  );
  return marked ? `${t}

<sub>${TREND_LEGEND}</sub>` : t;
}
function latencyTable(rec) {
  const l = rec.timings?.latency;
  if (!l) return void 0;
  const row = (name, x) => x ? [
    name,
    fmt(x.p50_ms, "_ms"),
    fmt(x.p95_ms, "_ms"),
    fmt(x.p99_ms, "_ms"),
    fmtCount(Math.round(x.batch_rows_per_s))
  ] : [name, "\u2014", "\u2014", "\u2014", "\u2014"];
  return table(
    [
      ["latency (ms, one row)", "p50", "p95", "p99", `rows/s (batch ${fmtCount(l.candidate.batch_size)})`],
      ...rec.baseline ? [row("baseline", l.baseline)] : [],
      row("candidate", l.candidate)
    ],
    ["l", "r", "r", "r", "r"]
  );
}
function sliceMetrics(r, slices) {
  const want = [];
  for (const g of r.model.spec.gates) if ("sliceGap" in g && !want.includes(g.sliceGap)) want.push(g.sliceGap);
  for (const m of [
    "recall",
    "recall_macro",
    "precision",
    "precision_macro",
    "f1",
    "f1_macro",
    "roc_auc",
    "accuracy",
    "mae",
    "rmse",
    "r2"
  ])
    if (!want.includes(m)) want.push(m);
  const have = new Set(slices.flatMap((s) => Object.keys(s.candidate)));
  const out = want.filter((m) => have.has(m));
  for (const m of have) if (!out.includes(m)) out.push(m);
  return out.slice(0, 3);
}
function sortWorstFirst(slices, metric) {
  const sign = lowerIsBetter(metric) ? -1 : 1;
  const v = (s) => {
    const x = s.candidate[metric];
    return typeof x === "number" ? sign * x : Number.POSITIVE_INFINITY;
  };
  return [...slices].sort(
    (a, b) => Number(b.supported) - Number(a.supported) || v(a) - v(b) || a.value.localeCompare(b.value)
  );
}
function slicesPart(r, rec, detail) {
  if (rec.slices.length === 0) return void 0;
  const byCol = /* @__PURE__ */ new Map();
  for (const s of rec.slices) byCol.set(s.column, [...byCol.get(s.column) ?? [], s]);
  const out = [];
  for (const [col, slices] of byCol) {
    const metrics = sliceMetrics(r, slices);
    const sorted = sortWorstFirst(slices, metrics[0]);
    if (detail >= 2) {
      const w = sorted[0];
      out.push(
        `Slices over ${escapeMd(col)}: ${slices.length}; worst ${escapeMd(w.value)} (n=${fmtCount(w.count)}) with ${escapeMd(metricName(metrics[0]))} ${fmt(w.candidate[metrics[0]], metrics[0])}.`
      );
      continue;
    }
    const withDelta = slices.some((s) => s.baseline);
    let marked = false;
    const rows = sorted.map((s) => [
      `${escapeMd(s.value)}${s.supported ? "" : " \u207D\u207F\u207E"}`,
      fmtCount(s.count),
      ...metrics.flatMap((m) => {
        const c = s.candidate[m];
        const b = s.baseline?.[m];
        const iv = s.intervals?.[m];
        const mark = trend(s.deltas?.[m]?.interval, m);
        if (mark) marked = true;
        const value = `${fmt(c, m)}${iv ? ` [${fmt(iv[0], m)}, ${fmt(iv[1], m)}]` : ""}`;
        if (!withDelta) return [value];
        return [value, typeof c === "number" && typeof b === "number" ? `${fmtDelta(c - b, m)}${mark}` : "\u2014"];
      })
    ]);
    const head = ["slice", "n", ...metrics.flatMap((m) => [escapeMd(metricName(m)), ...withDelta ? ["\u0394"] : []])];
    let t = table([head, ...rows], ["l", "r", ...metrics.flatMap(() => withDelta ? ["r", "r"] : ["r"])]);
    if (slices.some((s) => s.intervals)) t += "\n\n<sub>[low, high]: the 95% interval on the slice's own rows.</sub>";
    if (marked) t += `

<sub>${TREND_LEGEND}</sub>`;
    if (slices.some((s) => !s.supported))
      t += "\n\n\u207D\u207F\u207E fewer rows than minSliceSupport: shown, not used for gaps or gates.";
    const title = `Slices over ${escapeHtml(col)} (${slices.length}, worst first)`;
    out.push(slices.length > 6 ? details(title, t) : `**${title}**

${t}`);
  }
  return out.join("\n\n");
}
function fairnessPart(rec) {
  if (rec.fairness.length === 0) return void 0;
  return `**Fairness gaps**

${table(
    [
      ["over", "metric", "model", "gap", "highest", "lowest"],
      ...rec.fairness.map((f) => [
        escapeMd(f.over),
        escapeMd(f.metric),
        f.role,
        fmt(f.gap),
        `${escapeMd(f.max.value)} ${fmt(f.max.metric)}`,
        `${escapeMd(f.min.value)} ${fmt(f.min.metric)}`
      ])
    ],
    ["l", "l", "l", "r", "l", "l"]
  )}`;
}
function confusionPart(rec) {
  const one = (name, c) => {
    if (!c) return void 0;
    const labels = c.labels.map((l) => escapeMd(String(l)));
    return `${name} (rows: actual, columns: predicted)

${table([
      ["", ...labels],
      ...c.matrix.map((row, i) => [`**${labels[i] ?? i}**`, ...row.map(fmtCount)])
    ])}`;
  };
  const parts = [one("Baseline", rec.baseline?.confusion), one("Candidate", rec.candidate.confusion)].filter(Boolean);
  if (parts.length === 0) return void 0;
  return details("Confusion matrices", parts.join("\n\n"));
}
function findingsPart(findings, detail, psi, limits, notChecked) {
  if (!findings) return "Data checks: validation results were not available to this report (run `modelgate validate`).";
  const drift = findings.filter((f) => f.check === "drift");
  const other = findings.filter((f) => f.check !== "drift");
  const count = (fs) => {
    const e = fs.filter((f) => f.severity === "error").length;
    return `${plural(e, "error")}, ${plural(fs.length - e, "warning")}`;
  };
  const out = [];
  const byCheck = /* @__PURE__ */ new Map();
  for (const f of other) byCheck.set(f.check, (byCheck.get(f.check) ?? 0) + 1);
  const checks = [...byCheck].map(([c, n]) => `${escapeMd(c)} ${n}`).join(", ");
  out.push(
    other.length === 0 ? "Data checks: \u2705 no findings." : `Data checks: ${other.some((f) => f.severity === "error") ? "\u274C" : "\u26A0\uFE0F"} ${count(other)} (${checks}).`
  );
  const list = (fs) => table(
    [
      ["", "where", "column", "finding"],
      ...fs.slice(0, 30).map((f) => [
        f.severity === "error" ? "\u274C" : "\u26A0\uFE0F",
        escapeMd(`${f.file}${f.line ? `:${f.line}` : ""}`),
        f.column ? escapeMd(f.column) : "",
        escapeMd(f.message)
      ])
    ],
    ["c", "l", "l", "l"]
  ) + (fs.length > 30 ? `

\u2026and ${fs.length - 30} more (see \`modelgate validate\`).` : "");
  if (detail < 2 && other.length > 0) out.push(details("Data-check findings", list(other)));
  out.push(driftPart(drift, detail, psi, limits, notChecked));
  return out.join("\n\n");
}
function driftPart(drift, detail, psi, limits, notChecked = []) {
  const lim = limits ?? { psiWarn: 0.1, psiFail: 0.25 };
  const rows = (psi ?? []).flatMap(
    (d) => Object.entries(d.psi).map(([feature, v]) => ({
      dataset: d.dataset,
      feature,
      v,
      p: d.p?.[feature],
      // the level validation found (threshold reached and significant); by PSI alone for results without one
      level: d.level?.[feature] ?? (v >= lim.psiFail ? "fail" : v >= lim.psiWarn ? "warn" : "ok")
    }))
  );
  const unjudged = (psi ?? []).flatMap((d) => d.unjudged ?? []);
  const icon = { ok: "\u2705", warn: "\u26A0\uFE0F", fail: "\u274C" };
  const drifted = rows.filter((r) => r.level !== "ok");
  const rule = `PSI \u2265 ${lim.psiWarn} with a significant difference (chi-square p < ${DRIFT_ALPHA} \xF7 features compared); fails at ${lim.psiFail}`;
  const notes = [
    ...notChecked.length > 0 ? [`Drift not checked: ${notChecked.map(escapeMd).join("; ")}.`] : [],
    ...unjudged.length > 0 ? [`Too few rows to judge: ${unjudged.map(escapeMd).join(", ")}.`] : []
  ];
  let head;
  if (rows.length > 0) {
    head = drifted.length === 0 ? `Drift: \u2705 no feature drifted (${rule}).` : `Drift: ${drifted.some((r) => r.level === "fail") ? "\u274C" : "\u26A0\uFE0F"} ${plural(drifted.length, "feature")} drifted (${rule}).`;
  } else if (drift.length > 0) {
    head = `Drift: ${drift.some((f) => f.severity === "error") ? "\u274C" : "\u26A0\uFE0F"} ${plural(drift.length, "finding")}.`;
  } else if (notChecked.length > 0) {
    return `Drift: not checked: ${notChecked.map(escapeMd).join("; ")}.`;
  } else {
    head = "Drift: not checked.";
  }
  const withNotes = [head, ...notes].join(" ");
  if (detail >= 2) return withNotes;
  if (rows.length > 0) {
    rows.sort((a, b) => b.v - a.v || a.feature.localeCompare(b.feature));
    const multi = new Set(rows.map((r) => r.dataset)).size > 1;
    const t = table(
      [
        ["", "feature", ...multi ? ["evaluation data"] : [], "PSI", "p"],
        ...rows.map((r) => [
          icon[r.level],
          escapeMd(r.feature),
          ...multi ? [escapeMd(r.dataset)] : [],
          r.v.toFixed(3),
          r.p === void 0 ? "\u2014" : r.p < 1e-4 ? r.p.toExponential(1) : r.p.toFixed(4)
        ])
      ],
      ["c", "l", ...multi ? ["l"] : [], "r", "r"]
    );
    return `${withNotes}

${rows.length > 8 ? details("Drift per feature (PSI, largest first)", t) : t}`;
  }
  if (drift.length > 0) {
    const t = table(
      [["", "finding"], ...drift.map((f) => [f.severity === "error" ? "\u274C" : "\u26A0\uFE0F", escapeMd(f.message)])],
      ["c", "l"]
    );
    return `${withNotes}

${details("Drift per feature", t)}`;
  }
  return withNotes;
}
function provenance(rec, recordFile) {
  const short = (h) => h ? h.slice(0, 12) : "\u2014";
  const skipped = Object.entries(rec.dataset.skipped).filter(([, n]) => n > 0);
  return `<sub>Evaluated on ${escapeMd(rec.dataset.name ?? rec.dataset.path)} (${fmtCount(rec.dataset.rows)} rows, sha256 ${short(rec.dataset.sha256)})${skipped.length ? `, skipped: ${skipped.map(([k, n]) => `${escapeMd(k)} ${fmtCount(n)}`).join(", ")}` : ""}; candidate ${short(rec.candidate.sha256)}${rec.baseline ? `, baseline ${short(rec.baseline.sha256)}` : ", no baseline"}; ${fmtCount(rec.bootstrap.resamples)} paired bootstrap resamples (seed ${rec.bootstrap.seed}); onnxruntime ${escapeMd(rec.runtime.onnxruntime)}${recordFile ? `; record ${escapeMd(recordFile)}` : ""}.</sub>`;
}
function cardLink(r) {
  const file = r.cardFile ?? `${r.model.metadata.name}/MODEL_CARD.md`;
  const url = safeUrl(r.cardUrl);
  return url ? `The whole model card: [${escapeMd(file)}](${url}).` : `The whole model card: ${escapeMd(file)} (\`modelgate report --write-card\` writes it).`;
}
function trend(interval, metric) {
  if (!interval) return "";
  const [lo, hi] = interval;
  const better = lowerIsBetter(metric) ? hi < 0 : lo > 0;
  const worse = lowerIsBetter(metric) ? lo > 0 : hi < 0;
  return better ? " \u25B2" : worse ? " \u25BC" : "";
}
function renderModelSection(r, detail = 0) {
  const parts = [headerLine(r)];
  const link = safeUrl(r.checkRunUrl);
  if (detail >= 4) {
    if (link) parts.push(`Details: [check run](${link}).`);
    return parts.join("\n\n");
  }
  parts.push(gatesTable(r.verdict.results, detail >= 3));
  const rec = r.record && r.record.model.name === r.model.metadata.name ? r.record : void 0;
  if (rec) {
    parts.push(metricsTable(rec, r.verdict.results));
    if (detail <= 2) {
      const lat = latencyTable(rec);
      if (lat) parts.push(lat);
      const sl = slicesPart(r, rec, detail);
      if (sl) parts.push(sl);
      if (detail <= 1) {
        const fa = fairnessPart(rec);
        if (fa) parts.push(fa);
        const cm = confusionPart(rec);
        if (cm) parts.push(cm);
      }
      parts.push(findingsPart(r.findings, detail, r.drift, r.driftLimits, r.driftNotChecked));
      if (detail === 0) {
        const charts = curveCharts(
          { baseline: rec.baseline?.curves?.roc, candidate: rec.candidate.curves?.roc },
          { baseline: rec.baseline?.curves?.pr, candidate: rec.candidate.curves?.pr }
        );
        if (charts) parts.push(details("ROC and precision-recall curves", charts));
        if (r.card) parts.push(details("Model card", `${r.card}

${cardLink(r)}`));
      }
      parts.push(provenance(rec, r.recordFile));
    }
  } else if (detail <= 2) {
    parts.push(findingsPart(r.findings, detail));
  }
  if (detail >= 1 && link) parts.push(`Full report for this model: [check run](${link}).`);
  return parts.join("\n\n");
}
var COMMENT_BUDGET = 6e4;
function overview(models, opts, degraded) {
  const n = (s) => models.filter((m) => m.verdict.status === s).length;
  const status = worstOf(models);
  const lines = [
    `## ${ICON[status]} modelgate report`,
    `${plural(models.length, "model")}: ${n("fail")} failing, ${n("warn")} with warnings, ${n("pass")} passing${opts.sha && /^[0-9a-f]{7,64}$/.test(opts.sha) ? ` \xB7 commit ${opts.sha.slice(0, 7)}` : ""}`
  ];
  if (opts.refused && opts.refused.length > 0) {
    lines.push(
      `\u274C **Refused input** (${plural(opts.refused.length, "file")}): ` + opts.refused.slice(0, 10).map((x) => `${escapeMd(x.file)}: ${escapeMd(x.reason)}`).join("; ") + (opts.refused.length > 10 ? `; and ${opts.refused.length - 10} more` : "")
    );
  }
  for (const n2 of opts.notices ?? []) lines.push(`> \u26A0\uFE0F ${escapeMd(n2)}`);
  if (models.length > 1) {
    lines.push(
      table(
        [
          ["", "model", "version", "deciding"],
          ...[...models].sort(
            (a, b) => rank(b.verdict.status) - rank(a.verdict.status) || a.model.metadata.name.localeCompare(b.model.metadata.name)
          ).map((m) => [ICON[m.verdict.status], escapeMd(m.model.metadata.name), versionChange(m), shortDeciding(m)])
        ],
        ["c", "l", "l", "l"]
      )
    );
  }
  if (degraded) {
    const run = safeUrl(opts.runUrl);
    lines.push(
      `> Some detail is left out to fit GitHub's 65,536-character comment limit; each model's check run${run ? ` and the [job summary](${run})` : " and the job summary"} hold the full report.`
    );
  }
  return lines.join("\n\n");
}
function shortDeciding(m) {
  const bad = m.verdict.results.find((x) => x.status === m.verdict.status && x.status !== "pass");
  const text = bad ? bad.reason : m.verdict.results[0]?.reason ?? "no gates declared";
  return escapeMd(text.length > 120 ? `${text.slice(0, 119)}\u2026` : text);
}
var rank = (s) => ({ pass: 0, warn: 1, fail: 2 })[s];
var worstOf = (models) => models.reduce((w, m) => rank(m.verdict.status) > rank(w) ? m.verdict.status : w, "pass");
function footer() {
  return `<sub>How gates are judged: ${GATE_RULES}</sub>`;
}
function renderReport(models, opts = {}) {
  const budget = opts.maxChars ?? COMMENT_BUDGET;
  const cache = /* @__PURE__ */ new Map();
  const section = (i, d) => {
    const key = `${i}:${d}`;
    let s = cache.get(key);
    if (s === void 0) cache.set(key, s = renderModelSection(models[i], d));
    return s;
  };
  const detail = models.map(() => 0);
  const compose = () => {
    const degraded = detail.some((d) => d > 0);
    return [overview(models, opts, degraded), ...models.map((_, i) => section(i, detail[i])), footer()].join("\n\n---\n\n") + "\n";
  };
  let markdown = compose();
  if (!opts.unlimited && markdown.length > budget) {
    const order = models.map((m, i) => ({ i, r: rank(m.verdict.status) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.i);
    outer: for (let d = 1; d <= 4; d = d + 1) {
      for (const i of order) {
        detail[i] = d;
        markdown = compose();
        if (markdown.length <= budget) break outer;
      }
    }
    if (markdown.length > budget) {
      markdown = `${overview(models, opts, true)}

${footer()}
`;
      if (markdown.length > budget) markdown = `${markdown.slice(0, budget - 2)}\u2026
`;
    }
  }
  return { markdown, detail, status: worstOf(models) };
}

// src/report/post.ts
var CHECK_NAME_PREFIX = "modelgate / ";
var checkName = (model) => `${CHECK_NAME_PREFIX}${model}`;
var CONCLUSION = { pass: "success", warn: "neutral", fail: "failure" };
function gateAnnotations(built, r) {
  const m = built.manifests.get(r.model.metadata.name);
  if (!m) return [];
  return r.verdict.results.filter((x) => x.status !== "pass").map((x) => {
    const pos = at(m, x.path);
    return {
      path: pos.file,
      startLine: pos.line,
      startColumn: pos.col,
      level: x.status === "fail" ? "failure" : "warning",
      title: `${x.status === "fail" ? "Gate failed" : "Gate warning"}: ${x.label}`,
      message: x.reason
    };
  });
}
function checkRunSummary(r) {
  for (let d = 0; d <= 4; d = d + 1) {
    const s = renderModelSection(r, d);
    if (s.length <= CHECK_TEXT_MAX) return s;
  }
  return clip(renderModelSection(r, 4), CHECK_TEXT_MAX);
}
async function postReport(ctx, built, opts = {}) {
  const env = opts.env ?? process.env;
  let headSha = opts.sha;
  if (!headSha && ctx.pr) headSha = (await getPullRequest(ctx)).headSha;
  headSha ??= ctx.eventHeadSha ?? env.GITHUB_SHA;
  if (headSha && /^[0-9a-f]{7,64}$/.test(headSha)) {
    for (const r of built.models) {
      if (r.cardFile) r.cardUrl = `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/blob/${headSha}/${r.cardFile}`;
    }
  }
  const checkRuns = /* @__PURE__ */ new Map();
  if (opts.checkRuns !== false && headSha) {
    for (const r of built.models) {
      const name = r.model.metadata.name;
      const status = r.verdict.status;
      const bad = r.verdict.results.find((x) => x.status === status && status !== "pass");
      const res = await createOrUpdateCheckRun(ctx, {
        name: checkName(name),
        headSha,
        conclusion: CONCLUSION[status],
        title: `${status === "pass" ? "Passed" : status === "warn" ? "Passed with warnings" : "Failed"}: ${bad ? bad.reason : `${r.verdict.results.length} gate(s) pass`}`,
        summary: checkRunSummary(r),
        annotations: gateAnnotations(built, r),
        ...ctx.runUrl ? { detailsUrl: ctx.runUrl } : {}
      });
      checkRuns.set(name, res);
      r.checkRunUrl = res.url;
    }
  }
  let comment;
  let commentBody;
  if (opts.comment !== false && ctx.pr) {
    commentBody = renderReport(built.models, {
      sha: headSha,
      runUrl: ctx.runUrl,
      refused: built.refused,
      notices: opts.notices
    }).markdown;
    comment = await upsertStickyComment(ctx, ctx.pr, PR_COMMENT_MARKER, commentBody);
  }
  let jobSummary = false;
  if (opts.jobSummary !== false) {
    const full = renderReport(built.models, {
      sha: headSha,
      runUrl: ctx.runUrl,
      refused: built.refused,
      unlimited: true,
      notices: opts.notices
    });
    jobSummary = writeJobSummary(full.markdown, env);
  }
  return { headSha, checkRuns, comment, commentBody, jobSummary };
}

export { cardInputFor as a, buildReport as b, checkName as c, artifactModels as d, postReport as p, renderReport as r };
