import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  fmt,
  fmtDelta,
  fmtInterval,
  fmtLimit
} from "./chunk-TYVK2T2V.js";

// src/report/gates.ts
var GATE_RULES = "min/max compare the candidate's point estimate. maxDrop is judged on the 95% paired interval of the delta (candidate \u2212 baseline): it fails when the whole interval is a drop larger than maxDrop, passes when the whole interval is above \u2212maxDrop, and warns when the interval holds both, i.e. the evaluation set cannot tell; maxRise likewise with a rise. When half the interval's width (the smallest change these rows can detect) is larger than the tolerance, the gate says so. Without an interval (no bootstrap resamples) a drop or rise beyond the limit fails on the point estimate and any smaller one warns. A gate with severity warn warns instead of failing.";
var RANK = { pass: 0, warn: 1, fail: 2 };
var worst = (statuses) => {
  let w = "pass";
  for (const s of statuses) if (RANK[s] > RANK[w]) w = s;
  return w;
};
var LATENCY = /^latency_(p50|p95|p99)_ms$/;
function metricValue(record, role, metric) {
  const lat = LATENCY.exec(metric);
  if (lat) {
    const l = record.timings?.latency?.[role];
    return l ? l[`${lat[1]}_ms`] : void 0;
  }
  const r = role === "candidate" ? record.candidate : record.baseline;
  return r?.metrics[metric];
}
function deltaOf(record, metric) {
  const d = record.deltas[metric];
  if (d) return { delta: d.delta, interval: record.bootstrap.resamples > 0 ? d.interval : void 0 };
  const c = metricValue(record, "candidate", metric);
  const b = metricValue(record, "baseline", metric);
  if (typeof c === "number" && typeof b === "number") return { delta: c - b };
  return void 0;
}
function gateLabel(g) {
  if ("sliceGap" in g) return `${g.sliceGap} gap over ${g.over} \u2264 ${fmtLimit(g.max)}`;
  const parts = [];
  if (g.min !== void 0) parts.push(`\u2265 ${fmtLimit(g.min)}`);
  if (g.max !== void 0) parts.push(`\u2264 ${fmtLimit(g.max)}`);
  if (g.maxDrop !== void 0) parts.push(`drop \u2264 ${fmtLimit(g.maxDrop)}`);
  if (g.maxRise !== void 0) parts.push(`rise \u2264 ${fmtLimit(g.maxRise)}`);
  return `${g.metric} ${parts.join(", ") || "(no bound)"}`;
}
function judgeMetricGate(g, record) {
  const m = g.metric;
  const parts = [];
  if (g.min !== void 0 || g.max !== void 0) {
    const v = metricValue(record, "candidate", m);
    if (v === void 0) {
      const have = Object.keys(record.candidate.metrics);
      const hint = LATENCY.test(m) ? "the record has no latency measurement" : `it has ${have.join(", ") || "none"}`;
      parts.push({ status: "fail", reason: `${m} is not in the evaluation record (${hint})` });
    } else if (v === null) {
      parts.push({ status: "fail", reason: `${m} is undefined for the candidate (e.g. one class only in the data)` });
    } else {
      const iv = record.candidate.intervals[m];
      const ivText = iv ? ` (95% interval [${fmt(iv[0], m)}, ${fmt(iv[1], m)}])` : "";
      if (g.min !== void 0 && v < g.min) {
        parts.push({
          status: "fail",
          value: v,
          reason: `${m} ${fmt(v, m)} is below the minimum ${fmtLimit(g.min)}${ivText}`
        });
      } else if (g.max !== void 0 && v > g.max) {
        parts.push({
          status: "fail",
          value: v,
          reason: `${m} ${fmt(v, m)} is above the maximum ${fmtLimit(g.max)}${ivText}`
        });
      } else {
        const bound = [
          g.min !== void 0 ? `\u2265 ${fmtLimit(g.min)}` : "",
          g.max !== void 0 ? `\u2264 ${fmtLimit(g.max)}` : ""
        ].filter(Boolean).join(" and ");
        parts.push({ status: "pass", value: v, reason: `${m} ${fmt(v, m)} ${bound}${ivText}` });
      }
    }
  }
  for (const dir of ["drop", "rise"]) {
    const limit = dir === "drop" ? g.maxDrop : g.maxRise;
    if (limit === void 0) continue;
    if (!record.baseline && !record.timings?.latency?.baseline) {
      parts.push({
        status: "warn",
        reason: `no baseline in the record: the ${m} ${dir} cannot be judged (first version?)`
      });
      continue;
    }
    const d = deltaOf(record, m);
    if (!d) {
      parts.push({ status: "fail", reason: `${m} has no delta against the baseline in the record` });
      continue;
    }
    const signed = dir === "drop" ? -d.delta : d.delta;
    if (d.interval) {
      parts.push(judgeInterval(m, dir, limit, d.delta, d.interval, record.dataset.rows));
    } else if (signed > limit) {
      parts.push({
        status: "fail",
        value: d.delta,
        reason: `${m} ${dir === "drop" ? "drops" : "rises"} by ${fmt(signed, m)}, more than ${limit} (no interval)`
      });
    } else if (signed > 0) {
      parts.push({
        status: "warn",
        value: d.delta,
        reason: `${m} ${dir === "drop" ? "drops" : "rises"} by ${fmt(signed, m)} and no interval decides whether that is noise`
      });
    } else {
      parts.push({ status: "pass", value: d.delta, reason: `${m} delta ${fmtDelta(d.delta, m)} (no interval)` });
    }
  }
  if (parts.length === 0)
    parts.push({ status: "warn", reason: `gate on ${m} sets no bound (min, max, maxDrop, maxRise)` });
  return parts;
}
function judgeInterval(m, dir, limit, delta, interval, rows) {
  const [lo, hi] = interval;
  const ivText = `95% interval ${fmtInterval(interval, m)}`;
  const head = `${m} delta ${fmtDelta(delta, m)}, ${ivText}`;
  const mdc = (hi - lo) / 2;
  const small = mdc > limit ? `; the evaluation set (${rows.toLocaleString("en-US")} rows) is too small to detect a ${dir} of ${limit}: the smallest change it can tell from noise is about ${fmt(mdc, m)} (half the interval's width)` : "";
  const beyondAll = dir === "drop" ? hi < -limit : lo > limit;
  const withinAll = dir === "drop" ? lo >= -limit : hi <= limit;
  if (beyondAll)
    return { status: "fail", value: delta, reason: `${head}: the whole interval is a ${dir} larger than ${limit}` };
  if (withinAll) return { status: "pass", value: delta, reason: `${head}: any ${dir} is within ${limit}${small}` };
  return {
    status: "warn",
    value: delta,
    reason: `${head}: a ${dir} larger than ${limit} is neither shown nor ruled out${small || "; more evaluation rows would decide"}`
  };
}
function judgeSliceGap(g, record) {
  const f = record.fairness.find((x) => x.over === g.over && x.metric === g.sliceGap && x.role === "candidate");
  let gap;
  let hi;
  let lo;
  if (f) {
    gap = f.gap;
    hi = f.max;
    lo = f.min;
  } else {
    const rows = record.slices.filter((s) => s.column === g.over && s.supported && typeof s.candidate[g.sliceGap] === "number").map((s) => ({ value: s.value, metric: s.candidate[g.sliceGap] }));
    if (rows.length < 2) {
      const any = record.slices.some((s) => s.column === g.over);
      return [
        {
          status: "fail",
          reason: any ? `fewer than two supported slices of ${g.over} have ${g.sliceGap}: the gap cannot be judged` : `the record has no slices over ${g.over}; add it to spec.evaluation.slices and evaluate again`
        }
      ];
    }
    rows.sort((a, b) => a.metric - b.metric);
    lo = rows[0];
    hi = rows[rows.length - 1];
    gap = hi.metric - lo.metric;
  }
  const text = `${g.sliceGap} gap over ${g.over} ${fmt(gap)} (${hi.value} ${fmt(hi.metric)} vs ${lo.value} ${fmt(lo.metric)})`;
  return gap > g.max ? [{ status: "fail", value: gap, reason: `${text} exceeds ${g.max}` }] : [{ status: "pass", value: gap, reason: `${text} \u2264 ${g.max}` }];
}
function concerns(model, modelFile, datasetFiles, f) {
  const dir = modelFile ? modelFile.replace(/[^/]*$/, "") : void 0;
  if (dir && f.file.startsWith(dir)) return true;
  const names = /* @__PURE__ */ new Set([...model.spec.evaluation.datasets, ...model.spec.training?.datasets ?? []]);
  for (const n of names) {
    const file = datasetFiles.get(n);
    if (file && (f.file === file || f.file === file.replace(/\.ya?ml$/, ""))) return true;
  }
  return false;
}
var WARNING_LABELS = {
  roc_auc_below_chance: "ROC AUC below chance",
  roc_auc_near_chance: "ROC AUC near chance"
};
function modelFindings(input) {
  return (input.findings ?? []).filter(
    (f) => concerns(input.model, input.modelFile, input.datasetFiles ?? /* @__PURE__ */ new Map(), f)
  );
}
function judge(input) {
  const { model, record } = input;
  const name = model.metadata.name;
  const results = [];
  if (!record) {
    results.push({
      index: -1,
      label: "evaluation record",
      status: "fail",
      reason: input.recordRefused ?? `no evaluation record for ${name}${input.recordPath ? ` at ${input.recordPath}` : ""}; run \`modelgate evaluate ${name}\` first`,
      path: ["metadata", "name"]
    });
  } else if (record.model.name !== name) {
    results.push({
      index: -1,
      label: "evaluation record",
      status: "fail",
      reason: `the evaluation record is for model ${record.model.name}, not ${name}`,
      path: ["metadata", "name"]
    });
  }
  const errors = modelFindings(input).filter((f) => f.severity === "error");
  if (errors.length > 0) {
    results.push({
      index: -1,
      label: "validation",
      status: "fail",
      reason: `${errors.length} validation error${errors.length === 1 ? "" : "s"}, first: ${errors[0].file}${errors[0].line ? `:${errors[0].line}` : ""} ${errors[0].message}`,
      path: ["metadata", "name"]
    });
  }
  if (record && record.model.name === name) {
    for (const w of record.warnings ?? []) {
      results.push({
        index: -1,
        label: WARNING_LABELS[w.code] ?? "evaluation warning",
        status: "warn",
        reason: w.message,
        path: ["spec", "label"]
      });
    }
    model.spec.gates.forEach((g, index) => {
      const parts = "sliceGap" in g ? judgeSliceGap(g, record) : judgeMetricGate(g, record);
      let status = worst(parts.map((p) => p.status));
      const decisive = parts.filter((p) => p.status === status);
      if (status === "fail" && g.severity === "warn") status = "warn";
      results.push({
        index,
        gate: g,
        label: gateLabel(g),
        metric: "sliceGap" in g ? g.sliceGap : g.metric,
        status,
        reason: decisive.map((p) => p.reason).join("; ") + (g.severity === "warn" && decisive[0].status === "fail" ? " (severity: warn)" : ""),
        value: decisive[0]?.value,
        path: ["spec", "gates", index]
      });
    });
  }
  return { model: name, status: worst(results.map((r) => r.status)), results };
}

export {
  GATE_RULES,
  worst,
  metricValue,
  deltaOf,
  modelFindings,
  judge
};
