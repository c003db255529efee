import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  GATE_RULES,
  buildReport,
  deltaOf,
  escapeHtml,
  escapeMd,
  escapeMdLine,
  fmt,
  fmtDelta,
  fmtInterval,
  lowerIsBetter,
  markdownTable,
  metricName,
  metricValue,
  writeModelCard
} from "./chunk-SKWFDNJ7.js";
import {
  CHECK_TEXT_MAX,
  PR_COMMENT_MARKER,
  clip,
  createOrUpdateCheckRun,
  getPullRequest,
  resolveContext,
  upsertStickyComment,
  writeJobSummary
} from "./chunk-5WH7IXBD.js";
import {
  inGitHubActions
} from "./chunk-5MMVVRRW.js";
import {
  parseArgs,
  str
} from "./chunk-WEB6YSE2.js";
import {
  toJson
} from "./chunk-D2E5CVHB.js";
import {
  at
} from "./chunk-YBB4ID5S.js";
import {
  EXIT_FAILED,
  EXIT_OK
} from "./chunk-QVLUCJ3W.js";

// src/commands/report.ts
import { writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

// src/report/charts.ts
var GRID = 11;
var grid = () => Array.from({ length: GRID }, (_, i) => i / (GRID - 1));
var r3 = (x) => Math.round(Math.min(1, Math.max(0, x)) * 1e3) / 1e3;
function resampleRoc(points) {
  const pts = [...points].filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length === 0) return [];
  if (pts[0][0] > 0) pts.unshift([0, 0]);
  if (pts[pts.length - 1][0] < 1) pts.push([1, 1]);
  return grid().map((x) => {
    let i = 0;
    while (i < pts.length - 1 && pts[i + 1][0] < x) i++;
    const at2 = pts.filter((p) => p[0] === x);
    if (at2.length > 0) return r3(Math.max(...at2.map((p) => p[1])));
    const [x0, y0] = pts[i];
    const [x1, y1] = pts[Math.min(i + 1, pts.length - 1)];
    return r3(x1 === x0 ? y1 : y0 + (y1 - y0) * (x - x0) / (x1 - x0));
  });
}
function resamplePr(points) {
  const pts = points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  if (pts.length === 0) return [];
  return grid().map((r) => {
    const ys = pts.filter((p) => p[0] >= r - 1e-12).map((p) => p[1]);
    return r3(ys.length ? Math.max(...ys) : 0);
  });
}
function chart(title, xLabel, yLabel, series) {
  const axis = grid().map((x) => String(Math.round(x * 100) / 100));
  return [
    "```mermaid",
    "xychart-beta",
    `  title "${title}"`,
    `  x-axis "${xLabel}" [${axis.join(", ")}]`,
    `  y-axis "${yLabel}" 0 --> 1`,
    ...series.map((s) => `  line [${s.join(", ")}]`),
    "```"
  ].join("\n");
}
function curveCharts(roc, pr) {
  const out = [];
  const legend = (p) => p.baseline && p.candidate ? "First line: baseline; second line: candidate." : p.candidate ? "Candidate only (the baseline has no curve)." : "Baseline only.";
  const series = (p, f) => [p.baseline, p.candidate].filter((c) => !!c && c.length > 0).map(f);
  const rocS = series(roc, resampleRoc);
  if (rocS.length)
    out.push(chart("ROC curve", "False positive rate", "True positive rate", rocS), `<sub>${legend(roc)}</sub>`);
  const prS = series(pr, resamplePr);
  if (prS.length) out.push(chart("Precision-recall curve", "Recall", "Precision", prS), `<sub>${legend(pr)}</sub>`);
  return out.join("\n\n");
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
  const base = r.record?.baseline?.version;
  if (!base) return `${escapeMd(cand)} (new)`;
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
function metricsTable(rec, results) {
  const keys = Object.keys(rec.candidate.metrics);
  for (const k of Object.keys(rec.baseline?.metrics ?? {})) if (!keys.includes(k)) keys.push(k);
  for (const x of results)
    if (x.metric && x.gate && !("sliceGap" in x.gate) && !keys.includes(x.metric)) keys.push(x.metric);
  const rows = keys.map((k) => {
    const d = deltaOf(rec, k);
    return [
      escapeMd(metricName(k)),
      fmt(metricValue(rec, "baseline", k), k),
      fmt(metricValue(rec, "candidate", k), k),
      d ? `${fmtDelta(d.delta, k)}${trend(d.interval, k)}` : "\u2014",
      fmtInterval(d?.interval, k),
      gateCell(results, k)
    ];
  });
  return table(
    [["metric", "baseline", "candidate", "delta", "95% interval of the delta", "gate"], ...rows],
    ["l", "r", "r", "r", "c", "l"]
  );
}
function latencyTable(rec) {
  const l = rec.timings?.latency;
  if (!l) return void 0;
  const row = (name, x) => x ? [name, fmt(x.p50_ms, "_ms"), fmt(x.p95_ms, "_ms"), fmt(x.p99_ms, "_ms"), fmt(Math.round(x.batch_rows_per_s))] : [name, "\u2014", "\u2014", "\u2014", "\u2014"];
  return table(
    [
      ["latency (ms, one row)", "p50", "p95", "p99", `rows/s (batch ${l.candidate.batch_size})`],
      row("baseline", l.baseline),
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
        `Slices over ${escapeMd(col)}: ${slices.length}; worst ${escapeMd(w.value)} (n=${w.count}) with ${escapeMd(metricName(metrics[0]))} ${fmt(w.candidate[metrics[0]], metrics[0])}.`
      );
      continue;
    }
    const rows = sorted.map((s) => [
      `${escapeMd(s.value)}${s.supported ? "" : " \u207D\u207F\u207E"}`,
      String(s.count),
      ...metrics.flatMap((m) => {
        const c = s.candidate[m];
        const b = s.baseline?.[m];
        const iv = s.intervals?.[m];
        return [
          `${fmt(c, m)}${iv ? ` [${fmt(iv[0], m)}, ${fmt(iv[1], m)}]` : ""}`,
          typeof c === "number" && typeof b === "number" ? `${fmtDelta(c - b, m)}${trend(s.deltas?.[m]?.interval, m)}` : "\u2014"
        ];
      })
    ]);
    const head = ["slice", "n", ...metrics.flatMap((m) => [escapeMd(metricName(m)), "\u0394"])];
    let t = table([head, ...rows], ["l", "r", ...metrics.flatMap(() => ["r", "r"])]);
    if (slices.some((s) => s.intervals))
      t += "\n\n[low, high]: the 95% interval on the slice's own rows; \u25B2/\u25BC: the paired interval of \u0394 is above/below zero.";
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
      ...c.matrix.map((row, i) => [`**${labels[i] ?? i}**`, ...row.map(String)])
    ])}`;
  };
  const parts = [one("Baseline", rec.baseline?.confusion), one("Candidate", rec.candidate.confusion)].filter(Boolean);
  if (parts.length === 0) return void 0;
  return details("Confusion matrices", parts.join("\n\n"));
}
function findingsPart(findings, detail, psi, limits) {
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
  out.push(driftPart(findings, drift, detail, psi, limits));
  return out.join("\n\n");
}
function driftPart(_findings, drift, detail, psi, limits) {
  const rows = (psi ?? []).flatMap(
    (d) => Object.entries(d.psi).map(([feature, v]) => ({ dataset: d.dataset, feature, v }))
  );
  const lim = limits ?? { psiWarn: 0.1, psiFail: 0.25 };
  const state = (v) => v >= lim.psiFail ? "\u274C" : v >= lim.psiWarn ? "\u26A0\uFE0F" : "\u2705";
  const drifted = rows.filter((r) => r.v >= lim.psiWarn).length;
  const head = rows.length > 0 ? `Drift: ${drifted === 0 ? "\u2705 no feature" : `${state(Math.max(...rows.map((r) => r.v)))} ${plural(drifted, "feature")}`} at or above PSI ${lim.psiWarn} (fails at ${lim.psiFail}).` : drift.length === 0 ? "Drift: \u2705 no feature drifted beyond its threshold." : `Drift: ${drift.some((f) => f.severity === "error") ? "\u274C" : "\u26A0\uFE0F"} ${plural(drift.length, "finding")}.`;
  if (detail >= 2) return head;
  if (rows.length > 0) {
    rows.sort((a, b) => b.v - a.v || a.feature.localeCompare(b.feature));
    const multi = new Set(rows.map((r) => r.dataset)).size > 1;
    const t = table(
      [
        ["", "feature", ...multi ? ["evaluation data"] : [], "PSI"],
        ...rows.map((r) => [state(r.v), escapeMd(r.feature), ...multi ? [escapeMd(r.dataset)] : [], r.v.toFixed(3)])
      ],
      ["c", "l", ...multi ? ["l"] : [], "r"]
    );
    return `${head}

${rows.length > 8 ? details("Drift per feature (PSI, largest first)", t) : t}`;
  }
  if (drift.length > 0) {
    const t = table(
      [["", "finding"], ...drift.map((f) => [f.severity === "error" ? "\u274C" : "\u26A0\uFE0F", escapeMd(f.message)])],
      ["c", "l"]
    );
    return `${head}

${details("Drift per feature", t)}`;
  }
  return head;
}
function provenance(rec, recordFile) {
  const short = (h) => h ? h.slice(0, 12) : "\u2014";
  const skipped = Object.entries(rec.dataset.skipped).filter(([, n]) => n > 0);
  return `<sub>Evaluated on ${escapeMd(rec.dataset.name ?? rec.dataset.path)} (${rec.dataset.rows} rows, sha256 ${short(rec.dataset.sha256)})${skipped.length ? `, skipped: ${skipped.map(([k, n]) => `${escapeMd(k)} ${n}`).join(", ")}` : ""}; candidate ${short(rec.candidate.sha256)}, baseline ${short(rec.baseline?.sha256)}; ${rec.bootstrap.resamples} paired bootstrap resamples (seed ${rec.bootstrap.seed}); onnxruntime ${escapeMd(rec.runtime.onnxruntime)}${recordFile ? `; record ${escapeMd(recordFile)}` : ""}.</sub>`;
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
      parts.push(findingsPart(r.findings, detail, r.drift, r.driftLimits));
      if (detail === 0) {
        const charts = curveCharts(
          { baseline: rec.baseline?.curves?.roc, candidate: rec.candidate.curves?.roc },
          { baseline: rec.baseline?.curves?.pr, candidate: rec.candidate.curves?.pr }
        );
        if (charts) parts.push(details("ROC and precision-recall curves", charts));
        if (r.card) parts.push(details("Model card", r.card));
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
  return `<sub>How gates are judged: ${escapeMd(GATE_RULES)}</sub>`;
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

// src/report/publish.ts
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
async function publishReport(ctx, built, opts = {}) {
  const env = opts.env ?? process.env;
  let headSha = opts.sha;
  if (!headSha && ctx.pr) headSha = (await getPullRequest(ctx)).headSha;
  headSha ??= ctx.eventHeadSha ?? env.GITHUB_SHA;
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
    commentBody = renderReport(built.models, { sha: headSha, runUrl: ctx.runUrl, refused: built.refused }).markdown;
    comment = await upsertStickyComment(ctx, ctx.pr, PR_COMMENT_MARKER, commentBody);
  }
  let jobSummary = false;
  if (opts.jobSummary !== false) {
    const full = renderReport(built.models, {
      sha: headSha,
      runUrl: ctx.runUrl,
      refused: built.refused,
      unlimited: true
    });
    jobSummary = writeJobSummary(full.markdown, env);
  }
  return { headSha, checkRuns, comment, commentBody, jobSummary };
}

// src/commands/report.ts
function wantsGitHub(opts) {
  if (opts.dryRun) return false;
  return Boolean(opts.repo || opts.pr) || inGitHubActions(opts.env);
}
async function runReport(opts) {
  let ctx;
  if (wantsGitHub(opts)) {
    ctx = resolveContext(opts.env, { repo: opts.repo, pr: opts.pr, token: opts.token, http: opts.http });
  }
  const built = await buildReport({
    cwd: opts.cwd,
    models: opts.models,
    recordsDir: opts.records,
    fromArtifact: opts.fromArtifact,
    validation: opts.validate === false ? false : void 0,
    skipData: opts.skipData,
    ...ctx?.pr ? { pr: { number: ctx.pr, url: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/pull/${ctx.pr}` } } : {}
  });
  const cards = [];
  if (opts.writeCard) {
    for (const [name, input] of built.cards) {
      const dir = built.manifests.get(name).dir;
      cards.push((await writeModelCard(dir, input)).path);
    }
  }
  let published;
  let comment;
  if (ctx) {
    published = await publishReport(ctx, built, {
      sha: opts.sha,
      comment: opts.comment,
      checkRuns: opts.checkRuns,
      env: opts.env
    });
    comment = published.commentBody ?? renderReport(built.models, { refused: built.refused, sha: published.headSha }).markdown;
  } else {
    comment = renderReport(built.models, { refused: built.refused, sha: opts.sha }).markdown;
    if (!opts.dryRun)
      writeJobSummary(renderReport(built.models, { refused: built.refused, unlimited: true }).markdown, opts.env);
  }
  if (opts.out) {
    const path = resolve(opts.cwd, opts.out);
    writeFileSync(
      path,
      renderReport(built.models, { refused: built.refused, sha: opts.sha, unlimited: true }).markdown
    );
    void dirname;
  }
  const statuses = built.models.map((m) => m.verdict.status);
  const status = statuses.includes("fail") || built.refused.length > 0 ? "fail" : statuses.includes("warn") ? "warn" : "pass";
  return { built, status, comment, published, cards };
}
function reportExitCode(r) {
  return r.status === "fail" ? EXIT_FAILED : EXIT_OK;
}
function formatReportResult(r) {
  const icon = { pass: "\u2713", warn: "!", fail: "\u2717" };
  const lines = r.built.models.map((m) => {
    const bad = m.verdict.results.filter((x) => x.status !== "pass");
    return `${icon[m.verdict.status]} ${m.model.metadata.name}: ${m.verdict.status}${bad.length ? ` \u2014 ${bad.map((x) => x.reason).join("; ")}` : ""}`;
  });
  for (const x of r.built.refused) lines.push(`\u2717 refused ${x.file}: ${x.reason}`);
  if (r.published?.comment)
    lines.push(`comment: ${r.published.comment.url} (${r.published.comment.created ? "created" : "updated"})`);
  for (const [name, c] of r.published?.checkRuns ?? []) lines.push(`check run ${name}: ${c.url}`);
  for (const p of r.cards) lines.push(`model card: ${p}`);
  return `${lines.join("\n")}
`;
}
function toJsonResult(r) {
  return {
    status: r.status,
    models: r.built.models.map((m) => ({
      name: m.model.metadata.name,
      status: m.verdict.status,
      gates: m.verdict.results.map((x) => ({
        gate: x.label,
        status: x.status,
        reason: x.reason,
        ...x.value !== void 0 ? { value: x.value } : {}
      })),
      ...m.checkRunUrl ? { checkRun: m.checkRunUrl } : {}
    })),
    refused: r.built.refused,
    ...r.published?.comment ? { comment: r.published.comment } : {},
    cards: r.cards
  };
}
var usage = `Usage: modelgate report [MODEL\u2026] [options]

Judges each model's gates on its evaluation record and reports: one sticky PR comment (at most 65,536 characters),
a check run "modelgate / <model>" per model with annotations on the manifest lines of failing gates, the job summary,
and optionally the model card. Without MODEL, every model that has an evaluation record. A named model without a
record fails. Exit 1 when any model fails or any record was refused.

Input:
  --records DIR         evaluation records as \`modelgate evaluate\` writes them (default .modelgate/evaluations)
  --from-artifact DIR   untrusted records from an unprivileged job (fork-safe workflows): schema-checked, size-limited
  --skip-validate       do not run validation (data checks and drift are then left out of the report)
  --skip-data           validate manifests and digests only, without reading data files

GitHub (inside Actions from the environment; outside, with GITHUB_TOKEN and GITHUB_API_URL):
  --repo OWNER/NAME     the repository (default GITHUB_REPOSITORY)
  --pr N                the pull request to comment on
  --sha SHA             the commit for the check runs (default the pull request's head)
  --no-comment          no PR comment
  --no-checks           no check runs
  --dry-run             print the comment and post nothing

Output:
  --write-card          write models/<model>/MODEL_CARD.md (text outside the generated markers is kept)
  --out FILE            write the full report (no size limit) to FILE
  --json                machine-readable result

Without --repo/--pr and outside Actions, the comment is printed to stdout.
`;
var command = {
  name: "report",
  summary: "gates \u2192 verdict; sticky PR comment, check runs, job summary, model card",
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs("report", args, {
      records: { type: "string" },
      "from-artifact": { type: "string" },
      "skip-validate": { type: "boolean" },
      "skip-data": { type: "boolean" },
      repo: { type: "string" },
      pr: { type: "string" },
      sha: { type: "string" },
      "no-comment": { type: "boolean" },
      "no-checks": { type: "boolean" },
      "dry-run": { type: "boolean" },
      "write-card": { type: "boolean" },
      out: { type: "string" }
    });
    const r = await runReport({
      cwd: io.cwd,
      env: io.env,
      models: positionals,
      records: str(values.records),
      fromArtifact: str(values["from-artifact"]),
      validate: !values["skip-validate"],
      skipData: Boolean(values["skip-data"]),
      repo: str(values.repo),
      pr: str(values.pr),
      sha: str(values.sha),
      comment: !values["no-comment"],
      checkRuns: !values["no-checks"],
      dryRun: Boolean(values["dry-run"]),
      writeCard: Boolean(values["write-card"]),
      out: str(values.out)
    });
    if (values.json) io.out(toJson(toJsonResult(r)));
    else if (!r.published) io.out(r.comment);
    else io.out(formatReportResult(r));
    if (r.published || values.json) {
      for (const m of r.built.models)
        if (m.verdict.status === "fail") io.err(`modelgate report: ${m.model.metadata.name} failed its gates
`);
    }
    return reportExitCode(r);
  }
};

export {
  runReport,
  reportExitCode,
  formatReportResult,
  command
};
