import { createRequire } from 'node:module';
import { m as modelManifestPaths } from './hot-verify-CS61MYk-.js';
import { s as sha256Of, f as escapeMd, N as runAudit, o as overlayOf, R as commitMessage, _ as monitoringTrailers, D as promotionsPath, O as parseLedger } from './hot-audit-verify-DZYJh8zf.js';
import { q as sha256Bytes, s as sha256File, c as columnClasses, l as labelKey, x as sortKeys, d as declaredPositive, J as keyOf, K as quantileEdges, L as binOf } from './hot-validate-Cbhe7qur.js';
import { f as readManifestsAt } from './hot-validate-verify-COnm42W2.js';
import { e as evaluationRecordSchema } from './chunk-ZYONVBQU-s7z3Z2Hp.js';
import { C as CheckFailed, U as UserError, V as VERSION } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { existsSync, statSync, readFileSync } from 'node:fs';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { posix, join, basename, extname } from 'node:path';
import { O as OTHER, D as DEFAULT_DRIFT, d as driftTable, r as referenceOf, e as expandPaths, s as shown, a as readLabels, W as WindowAccumulator, F as Feeder, l as logKind, t as tableBatches, b as eventBatches } from './chunk-MQCGLXLB-CbrzXGu1.js';
import { f as fitIsotonic, e as estimatedPerformance } from './chunk-TTEN63ZV-SY8ycxCd.js';
import { d as defaultScoringWorkers } from './chunk-6ISN4EGF-OY3v5fbb.js';
import { m as monitoringRecordSchema, a as monitoringRecordPath } from './chunk-UJBNVSBJ-FdgIgU5w.js';
import { d as defaultEnvironment } from './chunk-DL6T25Z3-Dn6jH0Bt.js';
import { e as remoteRefs, n as noteFetched, g as fetchBranch, r as remoteDefaultBranch, i as isRepository } from './chunk-QY6YSSUQ-DOW5Hrlb.js';
import { f as finalize, m as modelIoOf } from './chunk-KDNZQSEI-BmEYO2Wc.js';
import { S as SCORING_THREADS, M as ModelRunner } from './chunk-RUQEVCOP-DcryHeG5.js';
import { t as toJson, C as CONFIG_FILE } from './hot-validate-plan-audit-verify-DglurztO.js';
import { m as monitoringSchema } from './hot-plan-YWGJn6IT.js';
import { o as findModel } from './hot-validate-plan-DjS3M9MR.js';

const require$2 = createRequire(import.meta.url);

// src/git/blob-text.ts
async function blobText(git, commit, path) {
  const [o] = await git.catFileBatch([`${commit}:${path}`]).catch(() => [void 0]);
  if (o === void 0) return git.show(commit, path);
  return o.type === "blob" ? o.content.toString("utf8") : git.show(commit, path);
}

// src/monitor/versions.ts
async function loadVersion(git, tip, repo, index, segment, entry, scratch) {
  const r = entry.record;
  const what = `${r.model.name} ${r.model.version} (promotion record #${r.sequence})`;
  const bytes = await git.showBytes(r.source, r.model.path);
  if (!bytes) {
    throw new CheckFailed(
      `${what}: ${r.model.path} is not in the published commit ${r.source.slice(0, 12)} (stored with git LFS, or not committed?); monitor scores with the exact model that ran`
    );
  }
  if (sha256Bytes(bytes) !== r.model.sha256) {
    throw new CheckFailed(
      `${what}: ${r.model.path} at ${r.source.slice(0, 12)} has sha256 ${sha256Bytes(bytes)}, not ${r.model.sha256} as the record says`
    );
  }
  const paths = modelManifestPaths(repo.config.spec.paths.models, r.model);
  const manifests = await readManifestsAt(git, r.source, paths, "Model");
  const found = manifests.find((m) => m.value);
  if (!found?.value) {
    throw new CheckFailed(
      `${what}: no valid model manifest at ${r.source.slice(0, 12)} (looked at ${paths.join(", ")})`
    );
  }
  const evalText = await blobText(git, tip, r.evaluation.path);
  if (evalText === void 0)
    throw new CheckFailed(`${what}: its evaluation record ${r.evaluation.path} is not on the GitOps branch`);
  if (sha256Of(evalText) !== r.evaluation.record) {
    throw new CheckFailed(
      `${what}: ${r.evaluation.path} has digest ${sha256Of(evalText)}, not ${r.evaluation.record} as the promotion record cites; the record is stale or was edited (\`modelgate audit verify\`)`
    );
  }
  const evaluation = evaluationRecordSchema.parse(JSON.parse(evalText));
  const v = {
    index,
    segment,
    entry,
    manifest: found.value,
    bytes: new Uint8Array(bytes),
    evaluation,
    notes: []
  };
  v.dataset = await evaluationDataset(git, repo, v, scratch);
  return v;
}
async function evaluationDataset(git, repo, v, scratch) {
  const r = v.entry.record;
  const name = v.manifest.spec.evaluation.datasets[0];
  const data = repo.config.spec.paths.data.replace(/\/+$/, "");
  const here = repo.datasets.find((d) => d.value.metadata.name === name)?.file;
  const candidates = [.../* @__PURE__ */ new Set([...here ? [here] : [], `${data}/${name}.yaml`])];
  const at = await readManifestsAt(git, r.source, candidates, "Dataset");
  const found = at.find((d) => d.value);
  if (!found?.value) {
    v.notes.push(
      `the evaluation dataset "${name}" has no valid manifest at ${r.source.slice(0, 12)}; drift has no reference`
    );
    return void 0;
  }
  const value = found.value;
  const cited = r.data.find((d) => d.name === name)?.sha256;
  const dir = posix.dirname(found.file);
  const rel = posix.normalize(posix.join(dir === "." ? "" : dir, value.spec.path));
  let dataPath;
  const want = cited ?? value.spec.sha256;
  const local = join(repo.root, rel);
  if (existsSync(local) && statSync(local).isFile() && want && await sha256File(local) === want) dataPath = local;
  else {
    const bytes = await git.showBytes(r.source, rel);
    if (bytes && (!want || sha256Bytes(bytes) === want)) {
      dataPath = join(scratch, `${v.index}-${basename(rel)}`);
      await writeFile(dataPath, bytes);
    } else
      v.notes.push(
        `${rel} (the evaluation data of ${r.model.version}) is not in git at ${r.source.slice(0, 12)} with the digest its records cite; the prediction's drift and the CBPE estimate need it scored`
      );
  }
  return { name, file: found.file, value, ...dataPath ? { dataPath } : {} };
}
async function scratchFolder() {
  const dir = await mkdtemp(join(tmpdir(), "modelgate-monitor-"));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
function positiveClass(m, source, width, classLabels, observed = []) {
  const label = m.spec.label;
  const counts = new Map(observed.map((k) => [k, 1]));
  const cols = width > 1 ? columnClasses(source, width, classLabels, label, counts, "the reference").labels : void 0;
  const classes = label.classes?.map(labelKey) ?? cols ?? sortKeys(observed);
  const pos = declaredPositive(label, classes, cols === void 0) ?? sortKeys(classes)[classes.length - 1] ?? "1";
  const column = cols ? cols.indexOf(pos) : 0;
  if (width > 2 || column < 0) {
    throw new CheckFailed(
      `${source}: cannot find the positive class "${pos}" among the model's ${width} probability columns (classes [${cols?.join(", ") ?? "unknown"}]); spec.label.positive must be one of its classes`
    );
  }
  return { column, label: pos };
}

const require$1 = createRequire(import.meta.url);

// src/monitor/gates.ts
var OPERATIONS = {
  latency_p50_ms: (o) => o.latency?.p50_ms,
  latency_p95_ms: (o) => o.latency?.p95_ms,
  latency_p99_ms: (o) => o.latency?.p99_ms,
  error_rate: (o) => o.error_rate
};
var fmt = (v) => Math.abs(v) >= 100 ? v.toFixed(1) : Number(v.toPrecision(3)).toString();
function gateLabel(g) {
  const parts = [];
  if (g.min !== void 0) parts.push(`\u2265 ${g.min}`);
  if (g.max !== void 0) parts.push(`\u2264 ${g.max}`);
  if (g.maxDrop !== void 0) parts.push(`drop \u2264 ${g.maxDrop}`);
  if (g.maxRise !== void 0) parts.push(`rise \u2264 ${g.maxRise}`);
  return `${g.metric} ${parts.join(", ") || "(no bound)"}`;
}
function judgeGates(f) {
  const results = [];
  const alerts = [];
  const p = f.performance;
  for (const g of f.gates) {
    const gate = gateLabel(g);
    const op = OPERATIONS[g.metric];
    let value;
    let interval;
    let basis;
    let said;
    if (op) {
      const v = p.operations ? op(p.operations) : void 0;
      if (typeof v !== "number") {
        results.push({
          gate,
          status: "skip",
          basis: "none",
          detail: `the logs carry no ${g.metric.startsWith("latency") ? "latency (response times)" : "responses"}`
        });
        continue;
      }
      value = v;
      basis = "operations";
      said = `${g.metric} ${fmt(v)}`;
    } else {
      const r = p.realized;
      const rv = r?.metrics[g.metric];
      const e = p.estimated?.metrics[g.metric];
      if (r && r.rows >= f.minRows && typeof rv === "number") {
        value = rv;
        interval = r.intervals[g.metric];
        basis = "realized";
        said = `${g.metric} ${fmt(rv)}${interval ? ` [${fmt(interval[0])}, ${fmt(interval[1])}]` : ""} on ${r.rows} labelled rows`;
      } else if (g.estimated && typeof e === "number" && (p.estimated?.rows ?? 0) >= f.minRows) {
        value = e;
        basis = "estimated";
        const labelled = r ? `${r.rows} labelled rows, fewer than ${f.minRows}` : "no labels yet";
        said = `${g.metric} estimated ${fmt(e)} (CBPE, an estimate from the scores: ${labelled})`;
      } else {
        const labels = !r ? "no labels yet" : r.rows < f.minRows ? `${r.rows} labelled rows, fewer than ${f.minRows}` : `no ${g.metric} in the realized metrics`;
        const few = typeof e === "number" && g.estimated ? `; the estimate covers ${p.estimated?.rows} rows, fewer than ${f.minRows}` : "";
        const why = `${labels}${few}`;
        results.push({
          gate,
          status: "skip",
          basis: "none",
          detail: `${why}${g.estimated && p.estimated === void 0 ? "; no estimate (CBPE estimates binary classifiers with a scored reference)" : ""}`
        });
        continue;
      }
    }
    const failures = [];
    if (g.min !== void 0 && value < g.min) failures.push(`below the floor ${g.min}`);
    if (g.max !== void 0 && value > g.max) failures.push(`above the ceiling ${g.max}`);
    let unjudged = "";
    if (g.maxDrop !== void 0 || g.maxRise !== void 0) {
      const ref = f.evaluation[g.metric];
      if (typeof ref !== "number")
        unjudged = `; the evaluation record has no ${g.metric}, so no drop or rise is judged`;
      else {
        const high = interval ? interval[1] : value;
        const low = interval ? interval[0] : value;
        if (g.maxDrop !== void 0 && high < ref - g.maxDrop)
          failures.push(`down ${fmt(ref - value)} from ${fmt(ref)} in the evaluation record (allowed: ${g.maxDrop})`);
        if (g.maxRise !== void 0 && low > ref + g.maxRise)
          failures.push(`up ${fmt(value - ref)} from ${fmt(ref)} in the evaluation record (allowed: ${g.maxRise})`);
      }
    }
    if (failures.length === 0) {
      results.push({ gate, status: "pass", basis, value, detail: `${said}${unjudged}` });
      continue;
    }
    const status = g.severity === "warn" ? "warn" : "fail";
    const detail = `${said}: ${failures.join("; ")}`;
    results.push({ gate, status, basis, value, detail });
    if (status === "fail")
      alerts.push({
        kind: basis === "operations" ? g.metric === "error_rate" ? "errors" : "latency" : "performance",
        metric: g.metric,
        message: `${gate}: ${detail}`
      });
  }
  return { results, alerts };
}
function driftAlerts(columns, share) {
  const drifted = columns.filter((c) => c.drifted);
  if (drifted.length === 0) return { alerts: [] };
  const fraction = drifted.length / Math.max(1, columns.length);
  if (share !== void 0 && fraction < share) {
    return {
      alerts: [],
      note: `${drifted.length} of ${columns.length} columns drifted (${(fraction * 100).toFixed(0)}%), under the share that alerts (${share * 100}%)`
    };
  }
  return {
    alerts: drifted.map((c) => ({
      kind: "drift",
      feature: c.feature,
      message: `${c.feature} drifted: ${describeTest(c)}`
    }))
  };
}
function describeTest(c) {
  const rows = `${c.rows.current} rows against ${c.rows.reference} in the reference`;
  if (c.pValue === void 0)
    return `${c.test} distance ${fmt(c.statistic)} ${c.drifted ? "\u2265" : "<"} ${c.threshold} (${rows})`;
  const adj = c.adjustedPValue !== void 0 && c.adjustedPValue !== c.pValue ? `, adjusted ${fmtP(c.adjustedPValue)}` : "";
  return `${c.test} statistic ${fmt(c.statistic)}, p ${fmtP(c.pValue)}${adj} ${c.drifted ? c.test === "ks" ? "\u2264" : "<" : c.test === "ks" ? ">" : "\u2265"} ${c.threshold} (${rows})`;
}
function fmtP(p) {
  return p < 1e-4 ? p.toExponential(1) : Number(p.toPrecision(2)).toString();
}

// src/monitor/render.ts
var fmt2 = (v) => typeof v !== "number" || !Number.isFinite(v) ? "\u2013" : Math.abs(v) >= 100 ? v.toFixed(1) : Number(v.toPrecision(3)).toString();
var VERDICT = {
  ok: "no alert",
  alert: "ALERT",
  "not-enough-rows": "not enough rows to judge"
};
var HEADLINE = ["roc_auc", "recall", "precision", "f1", "accuracy", "specificity", "ece", "brier"];
function metricRows(names) {
  return [...HEADLINE.filter((m) => names.includes(m)), ...names.filter((m) => !HEADLINE.includes(m))];
}
function renderSummary(r, columns = []) {
  const out = [];
  const e = escapeMd;
  out.push(
    `### modelgate monitor: ${e(r.model.name)} ${e(r.model.version)} in ${e(r.environment)}: ${VERDICT[r.verdict]}`
  );
  out.push("");
  const versions = r.versions.map(
    (v) => `${e(v.version)} (${v.rows} rows${v.scored ? `, ${v.scored} scored by monitor` : ""})`
  );
  out.push(
    `Window ${e(r.window.since)} to ${e(r.window.until)}: **${r.window.rows}** rows served by ${versions.join(", ") || "no version"}, ${r.window.labeled} with a label. Reference: ${e(r.reference.dataset)} (${r.reference.rows ?? "?"} rows).`
  );
  const skipped = Object.entries(r.window.skipped).filter(([, n]) => n > 0);
  if (skipped.length) out.push(`Not judged: ${skipped.map(([k, n]) => `${n} ${e(k)}`).join(", ")}.`);
  out.push("");
  if (r.alerts.length) {
    out.push("**Alerts**");
    out.push("");
    for (const a of r.alerts) out.push(`- ${e(a.kind)}: ${e(a.message)}`);
    out.push("");
  }
  out.push("#### Drift");
  out.push("");
  if (r.drift.columns.length) {
    out.push("| column | test | statistic | p-value | adjusted | threshold | rows (window / reference) | drifted |");
    out.push("|---|---|---:|---:|---:|---:|---:|:---:|");
    for (const c of r.drift.columns) {
      out.push(
        `| ${e(c.feature)} | ${c.test} | ${fmt2(c.statistic)} | ${c.pValue !== void 0 ? fmtP(c.pValue) : ""} | ${c.adjustedPValue !== void 0 ? fmtP(c.adjustedPValue) : ""} | ${c.threshold} | ${c.rows.current} / ${c.rows.reference} | ${c.drifted ? "**yes**" : "no"} |`
      );
    }
    out.push("");
    out.push(
      `p-value tests (ks, chisquare, z) are ${r.drift.correction === "none" ? "not corrected" : `${r.drift.correction}-corrected across columns`} at ${r.drift.alpha}; distances (wasserstein, jensenshannon) compare with their thresholds.`
    );
    out.push("");
    const shown2 = r.drift.columns.filter((c) => c.drifted).slice(0, 4);
    for (const c of shown2) {
      const col = columns.find((x) => x.feature === c.feature);
      if (col) out.push(driftChart(c.feature, col.ref, col.cur), "");
    }
  }
  for (const n of r.drift.notes) out.push(`- ${e(n)}`);
  if (r.drift.notes.length) out.push("");
  out.push("#### Performance");
  out.push("");
  const p = r.performance;
  const names = metricRows([
    .../* @__PURE__ */ new Set([...Object.keys(p.realized?.metrics ?? {}), ...Object.keys(p.estimated?.metrics ?? {})])
  ]);
  if (names.length) {
    out.push(
      `| metric | realized${p.realized ? ` (${p.realized.rows} labelled rows)` : ""} | 95% interval | estimated${p.estimated ? ` (CBPE, ${p.estimated.rows} rows)` : ""} |`
    );
    out.push("|---|---:|---:|---:|");
    for (const m of names) {
      const iv = p.realized?.intervals[m];
      out.push(
        `| ${e(m)} | ${fmt2(p.realized?.metrics[m])} | ${iv ? `[${fmt2(iv[0])}, ${fmt2(iv[1])}]` : ""} | ${fmt2(p.estimated?.metrics[m])} |`
      );
    }
    out.push("");
    if (p.estimated) out.push("Estimated values are CBPE's estimate from the scores, not measurements.", "");
  }
  if (p.comparison) {
    out.push(
      `Estimate against the realized value on the labelled rows: ${Object.entries(p.comparison).map(([m, c]) => `${e(m)} estimated ${fmt2(c.estimated)}, realized ${fmt2(c.realized)}`).join("; ")}.`,
      ""
    );
  }
  const ops = p.operations;
  if (ops) {
    const lat = ops.latency ? `latency p50 ${fmt2(ops.latency.p50_ms)} ms, p95 ${fmt2(ops.latency.p95_ms)} ms, p99 ${fmt2(ops.latency.p99_ms)} ms; ` : "";
    out.push(`Operations: ${lat}${ops.errors} errors in ${ops.requests} responses.`, "");
  }
  for (const n of p.notes) out.push(`- ${e(n)}`);
  if (p.notes.length) out.push("");
  if (r.gates.length) {
    out.push("#### Gates (spec.monitoring.gates)");
    out.push("");
    out.push("| gate | status | basis | detail |");
    out.push("|---|---|---|---|");
    for (const g of r.gates) out.push(`| ${e(g.gate)} | ${g.status} | ${g.basis} | ${e(g.detail)} |`);
    out.push("");
  }
  return out.join("\n");
}
function issueBody(r, path, summary) {
  const state = r.verdict === "alert" ? "This issue stays open while the model's monitoring alerts; modelgate updates it on each run and closes it when a window no longer alerts." : "The last window did not alert: modelgate closed this issue. It reopens it if a later window alerts.";
  return `${summary}

${state}

Monitoring record: \`${escapeMd(path)}\` (committed to the GitOps branch).
`;
}
function driftChart(feature, ref, cur) {
  let labels;
  let refShares;
  let curShares;
  let legend = "";
  if (ref.kind === "numeric" && cur.kind === "numeric") {
    const total = cur.counts.reduce((a, b) => a + b, 0) || 1;
    const rs = ref.fractions.reduce((a, b) => a + b, 0) || 1;
    labels = ref.fractions.map(
      (_, j) => j < ref.edges.length ? `\u2264${fmt2(ref.edges[j])}` : `>${fmt2(ref.edges[j - 1])}`
    );
    refShares = ref.fractions.map((f) => 100 * f / rs);
    curShares = cur.counts.map((c) => 100 * c / total);
  } else if (ref.kind === "categorical" && cur.kind === "categorical") {
    const keys = [.../* @__PURE__ */ new Set([...Object.keys(ref.fractions).filter((k) => k !== OTHER), ...cur.counts.keys()])].sort();
    const total = [...cur.counts.values()].reduce((a, b) => a + b, 0) || 1;
    const rs = Object.values(ref.fractions).reduce((a, b) => a + b, 0) || 1;
    const shown2 = keys.slice(0, 12);
    labels = shown2.map((_, i) => String(i + 1));
    refShares = shown2.map((k) => 100 * (ref.fractions[k] ?? 0) / rs);
    curShares = shown2.map((k) => 100 * (cur.counts.get(k) ?? 0) / total);
    legend = `

${shown2.map((k, i) => `${i + 1}: ${escapeMd(k)}`).join(", ")}`;
  } else return "";
  const max = Math.max(1, ...refShares, ...curShares);
  const r1 = (x) => Math.round(x * 10) / 10;
  return [
    `**${escapeMd(feature)}**: reference (bars) and window (line), % of rows per bin`,
    "",
    "```mermaid",
    '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#E69F00, #0072B2"}}}}%%',
    "xychart-beta",
    `  x-axis [${labels.map((l) => `"${l}"`).join(", ")}]`,
    `  y-axis "% of rows" 0 --> ${Math.ceil(max * 1.1)}`,
    `  bar [${refShares.map(r1).join(", ")}]`,
    `  line [${curShares.map(r1).join(", ")}]`,
    "```"
  ].join("\n") + legend;
}
function renderText(r, where) {
  const out = [];
  out.push(
    `${r.model.name} ${r.model.version} in ${r.environment}, ${r.window.since} to ${r.window.until}: ${r.window.rows} rows (${r.window.labeled} labelled): ${VERDICT[r.verdict]}`
  );
  for (const a of r.alerts) out.push(`  alert (${a.kind}): ${a.message}`);
  if (r.drift.columns.length) {
    out.push("drift:");
    const w = Math.max(...r.drift.columns.map((c) => c.feature.length), 7);
    for (const c of r.drift.columns)
      out.push(`  ${c.feature.padEnd(w)}  ${c.drifted ? "DRIFT" : "ok   "}  ${describeTest(c)}`);
  }
  for (const n of r.drift.notes) out.push(`  note: ${n}`);
  const p = r.performance;
  if (p.realized) {
    const ms = metricRows(Object.keys(p.realized.metrics)).slice(0, 6);
    out.push(
      `realized on ${p.realized.rows} labelled rows: ${ms.map((m) => `${m} ${fmt2(p.realized?.metrics[m])}`).join(", ")}`
    );
  }
  if (p.estimated) {
    out.push(
      `estimated (CBPE, from the scores of ${p.estimated.rows} rows): ${Object.entries(p.estimated.metrics).map(([m, v]) => `${m} ${fmt2(v)}`).join(", ")}`
    );
  }
  if (p.operations?.latency)
    out.push(
      `latency p50 ${fmt2(p.operations.latency.p50_ms)} ms, p95 ${fmt2(p.operations.latency.p95_ms)} ms; errors ${p.operations.errors}/${p.operations.requests}`
    );
  for (const n of p.notes) out.push(`  note: ${n}`);
  for (const g of r.gates) out.push(`gate ${g.gate}: ${g.status} (${g.detail})`);
  out.push(`record: ${where.path}${where.commit ? ` (commit ${where.commit.slice(0, 7)})` : ""}`);
  return `${out.join("\n")}
`;
}

// src/git/branch-tip.ts
async function branchTip(git, remote, branch, into) {
  const listed = await remoteRefs(git, remote).then(
    (refs) => refs.heads.get(branch),
    () => void 0
  );
  if (listed && /^[\w-]+(\.[\w-]+)*$/.test(remote)) {
    const [tracking] = await git.catFileBatch([`refs/remotes/${remote}/${branch}`]).catch(() => [void 0]);
    if (tracking?.type === "commit" && tracking.oid === listed) {
      if (await git.tryRun(["update-ref", into, listed]) !== void 0) {
        noteFetched(git, into, listed);
        return listed;
      }
    }
  }
  return fetchBranch(git, remote, branch, into);
}

// src/monitor/history.ts
var iso = (t) => new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z");
async function servedDuring(cwd, ref, model, environment, since, until) {
  const first = await runAudit({ cwd, ref, models: [model], at: { time: since, environment } });
  const snap = first.snap;
  const changes = /* @__PURE__ */ new Set();
  for (const c of snap.commits) {
    const t = Date.parse(c.committer.date);
    if (!(t > since && t < until)) continue;
    if (c.changes.some((ch) => overlayOf(snap, ch.path)?.model === model && overlayOf(snap, ch.path)?.env === environment))
      changes.add(t);
  }
  const starts = [since, ...[...changes].sort((a, b) => a - b)];
  const segments = [];
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i];
    const to = i + 1 < starts.length ? starts[i + 1] : until;
    const at = i === 0 ? first : await runAudit({ cwd, ref, models: [model], at: { time: from, environment } });
    const placement = at.report.at?.models.find((m) => m.model === model)?.placement ?? null;
    if (!placement) continue;
    if (!placement.record) {
      throw new CheckFailed(
        `${model} in ${environment} at ${iso(from)}: the overlay pins ${placement.image ?? "an image"} without a promotion record (a change made outside modelgate; \`modelgate audit verify\` names it), so monitor cannot tell which model ran`
      );
    }
    const prev = segments.at(-1);
    if (prev && prev.placement.record?.digest === placement.record.digest && prev.until === from) prev.until = to;
    else segments.push({ from, until: to, placement });
  }
  return segments;
}

// src/monitor/plan.ts
function planMonitoring(f) {
  const m = f.monitoring;
  const d = m.drift;
  const settings = {
    ...DEFAULT_DRIFT,
    test: d.test,
    alpha: d.alpha,
    correction: d.correction,
    wasserstein: d.wasserstein,
    jensenshannon: d.jensenshannon
  };
  const enough = f.window.rows >= m.minRows;
  const notes = [...f.driftNotes];
  let columns = [];
  if (enough) {
    const t = driftTable(f.columns, settings);
    columns = t.columns;
    notes.push(...t.notes);
  } else {
    notes.unshift(
      `not enough rows: ${f.window.rows} in the window, fewer than the ${m.minRows} a window needs before its drift is judged (spec.monitoring.minRows)`
    );
  }
  const drifted = driftAlerts(columns, d.share);
  if (drifted.note) notes.push(drifted.note);
  const gates = judgeGates({
    gates: m.gates,
    minRows: m.minRows,
    performance: f.performance,
    evaluation: f.evaluation
  });
  const alerts = [...drifted.alerts, ...gates.alerts];
  const judged = enough || gates.results.some((g) => g.status !== "skip");
  const verdict = alerts.length > 0 ? "alert" : judged ? "ok" : "not-enough-rows";
  const record = monitoringRecordSchema.parse({
    apiVersion: "modelgate.dev/v1alpha1",
    kind: "MonitoringRecord",
    model: f.model,
    environment: f.environment,
    promotion: f.promotion,
    versions: f.versions,
    window: f.window,
    sources: f.sources,
    reference: f.reference,
    minRows: m.minRows,
    drift: {
      status: enough ? "checked" : "not-enough-rows",
      correction: d.correction,
      alpha: d.alpha,
      columns,
      drifted: columns.filter((c) => c.drifted).length,
      notes
    },
    performance: f.performance,
    gates: gates.results,
    alerts,
    verdict,
    runtime: f.runtime
  });
  const text = toJson(record);
  const digest = sha256Of(text);
  const path = monitoringRecordPath(f.recordsDir, f.model.name, digest.slice("sha256:".length));
  const n = alerts.length;
  const outcome = verdict === "alert" ? `${n} alert${n === 1 ? "" : "s"}` : verdict === "ok" ? "ok" : "not enough rows";
  const subject = `Monitor ${f.model.name} ${f.model.version} in ${f.environment}: ${outcome}`;
  const body = `The window ${f.window.since} to ${f.window.until}: ${f.window.rows} rows, ${f.window.labeled} labelled. Record: ${path}.`;
  const marker = `modelgate-monitor:${f.model.name}:${f.environment}`;
  const summary = renderSummary(record, f.columns);
  return {
    record,
    text,
    digest,
    path,
    files: { [path]: text },
    message: commitMessage(subject, body, monitoringTrailers(record, digest)),
    issue: {
      marker,
      title: `modelgate monitor: ${f.model.name} in ${f.environment}`,
      body: issueBody(record, path, summary),
      open: verdict === "alert"
    },
    summary,
    output: {
      model: f.model.name,
      version: f.model.version,
      environment: f.environment,
      window: { since: f.window.since, until: f.window.until, rows: f.window.rows },
      drift: columns.map((c) => ({
        feature: c.feature,
        test: c.test,
        statistic: c.statistic,
        ...c.pValue !== void 0 ? { pValue: c.pValue } : {},
        ...c.adjustedPValue !== void 0 ? { adjustedPValue: c.adjustedPValue } : {},
        threshold: c.threshold,
        drifted: c.drifted
      })),
      performance: {
        ...f.performance.realized ? { realized: f.performance.realized.metrics } : {},
        ...f.performance.estimated ? { estimated: f.performance.estimated.metrics } : {}
      },
      alerts,
      verdict,
      record: { path, digest }
    }
  };
}

// src/monitor/performance.ts
async function realizedPerformance(w, spec) {
  const L = w.labeledRows;
  const n = L.codes.length;
  if (n === 0) return void 0;
  const keys = spec.task === "regression" ? [] : L.keys;
  const labelCodes = spec.task === "regression" ? new Int32Array(n) : L.codes;
  const target = new Float64Array(spec.task === "regression" ? n : 0);
  if (spec.task === "regression") for (let i = 0; i < n; i++) target[i] = Number(L.keys[L.codes[i]]);
  const slices = L.slices.map((s) => {
    const sk = [];
    const at = /* @__PURE__ */ new Map();
    const codes = new Int32Array(n);
    s.keys.forEach((k, i) => {
      const key = k ?? "(null)";
      let c = at.get(key);
      if (c === void 0) {
        c = sk.length;
        at.set(key, c);
        sk.push(key);
      }
      codes[i] = c;
    });
    return { column: s.column, keys: sk, codes };
  });
  const collected = {
    settings: {
      name: spec.name,
      version: spec.version,
      task: spec.task,
      data: { path: "monitoring window", display: "monitoring window" },
      label: spec.label,
      threshold: spec.threshold,
      slices: spec.slices.filter((s) => L.slices.some((x) => x.column === s.column)),
      minSliceSupport: spec.minSliceSupport,
      nanPolicy: "count",
      bootstrap: spec.bootstrap,
      batchSize: n
    },
    dataset: { path: "monitoring window", sha256: "0".repeat(64), format: "csv" },
    rows: n,
    blocks: [{ offset: 0, rows: n }],
    labelKeys: keys,
    labelCodes,
    target,
    slices,
    models: [
      {
        role: "candidate",
        source: "production",
        version: spec.version,
        sha256: "0".repeat(64),
        output: { name: "prediction", width: spec.width },
        ...spec.classes ? { classLabels: spec.classes } : {},
        notes: [],
        preds: L.preds,
        inferMs: 0,
        inferRows: 0,
        threads: SCORING_THREADS,
        features: []
      }
    ],
    skipped: {},
    durationMs: 0,
    workers: 0
  };
  const record = await finalize(collected, { workers: 1 });
  return {
    rows: n,
    metrics: record.candidate.metrics,
    intervals: record.candidate.intervals,
    slices: record.slices.map((s) => ({
      column: s.column,
      value: s.value,
      count: s.count,
      supported: s.supported,
      metrics: s.candidate,
      ...s.intervals ? { intervals: s.intervals } : {}
    }))
  };
}
function compareEstimate(estimated, realized) {
  if (!estimated || !realized) return void 0;
  const out = {};
  for (const [k, e] of Object.entries(estimated.metrics)) {
    const r = realized.metrics[k];
    if (typeof e === "number" && typeof r === "number") out[k] = { estimated: e, realized: r, difference: r - e };
  }
  return Object.keys(out).length ? out : void 0;
}
function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1))];
}
function operations(w) {
  const o = w.operations;
  if (o.requests === 0 && o.latencies.length === 0) return void 0;
  const sorted = Float64Array.from(o.latencies).sort();
  return {
    requests: o.requests,
    errors: o.errors,
    error_rate: o.requests > 0 ? o.errors / o.requests : null,
    ...sorted.length > 0 ? {
      latency: {
        p50_ms: percentile(sorted, 50),
        p95_ms: percentile(sorted, 95),
        p99_ms: percentile(sorted, 99),
        rows: sorted.length
      }
    } : {}
  };
}

// src/monitor/references.ts
function referenceJob(v) {
  const m = v.manifest;
  const d = v.dataset;
  const source = `${m.metadata.name}@${m.spec.version}`;
  if (!d?.dataPath) return { model: { bytes: v.bytes, source, task: m.spec.task, io: modelIoOf(m) } };
  return {
    spec: {
      name: m.metadata.name,
      version: m.spec.version,
      task: m.spec.task,
      data: { path: d.dataPath, display: d.value.spec.path, format: d.value.spec.format, name: d.name },
      label: m.spec.label,
      threshold: m.spec.threshold,
      slices: [],
      minSliceSupport: 1,
      nanPolicy: "count",
      bootstrap: { resamples: 0, seed: 0 },
      candidate: { bytes: v.bytes, source, version: m.spec.version, io: modelIoOf(m) }
    }
  };
}
function profileReferences(s, versions) {
  const primary = versions[versions.length - 1];
  const pm = primary.manifest;
  const notes = [];
  const d = primary.dataset?.value;
  const watched = s.monitoring.drift.features ?? pm.spec.inputs.features;
  const columns = [];
  for (const f of watched) {
    const p = d?.spec.profile?.[f];
    const ref = p ? referenceOf(p, d?.spec.rows) : void 0;
    if (ref) columns.push({ feature: f, ref });
    else
      notes.push(
        `${f}: no reference (the evaluation dataset ${primary.dataset?.name ?? ""} has no profile of it with a row count; run \`modelgate lock\`)`
      );
  }
  return { columns, notes };
}
function earlyPositives(versions, runners) {
  if (versions[versions.length - 1].manifest.spec.task !== "binary-classification")
    return versions.map(() => void 0);
  try {
    return versions.map(
      (v, i) => positiveClass(
        v.manifest,
        `${v.manifest.metadata.name}@${v.manifest.spec.version}`,
        runners[i].output.width,
        runners[i].classLabels,
        []
      )
    );
  } catch {
    return void 0;
  }
}
function scoredReferences(s, versions, runners, scores) {
  const primary = versions[versions.length - 1];
  const pm = primary.manifest;
  const notes = [];
  const perfNotes = [];
  const calibrators = [];
  const positive = [];
  let prediction;
  const binary = pm.spec.task === "binary-classification";
  for (const [i, v] of versions.entries()) {
    const c = scores[i];
    const source = `${v.manifest.metadata.name}@${v.manifest.spec.version}`;
    const out = runners[i].output;
    const pos = binary ? positiveClass(v.manifest, source, out.width, runners[i].classLabels, c?.labelKeys) : void 0;
    positive.push(pos);
    if (!c) {
      calibrators.push(void 0);
      continue;
    }
    const w = c.width;
    const preds = c.preds;
    const col = pos?.column ?? 0;
    const scoresOf = Float64Array.from({ length: c.rows }, (_, k) => preds[k * w + col]);
    if (binary && pos) {
      const y = Uint8Array.from(c.labelCodes, (code) => c.labelKeys[code] === pos.label ? 1 : 0);
      calibrators.push(fitIsotonic(scoresOf, y));
    } else calibrators.push(void 0);
    if (v === primary && s.monitoring.drift.prediction) prediction = predictionReference(pm, c, scoresOf);
  }
  if (binary && calibrators.every((x) => !x))
    perfNotes.push("no CBPE estimate: no version's evaluation data could be scored");
  if (s.monitoring.drift.prediction && !prediction)
    notes.push(`prediction: no reference (the evaluation data of ${pm.spec.version} could not be scored)`);
  return { ...prediction ? { prediction } : {}, calibrators, positive, notes, perfNotes };
}
function predictionReference(m, c, scores) {
  if (m.spec.task !== "multiclass-classification") return numericReference(scores);
  const w = c.width;
  const preds = c.preds;
  const classes = c.classLabels ?? m.spec.label.classes?.map((x) => keyOf(x) ?? String(x)) ?? [];
  const counts = {};
  for (let k = 0; k < c.rows; k++) {
    let best = 0;
    for (let j = 1; j < w; j++) if (preds[k * w + j] > preds[k * w + best]) best = j;
    const key = classes[best] ?? String(best);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  const fractions = Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, n / c.rows]));
  return { kind: "categorical", fractions, rows: c.rows };
}
function numericReference(values) {
  const finite = Array.from(values).filter(Number.isFinite);
  const edges = quantileEdges(finite);
  const counts = new Array(edges.length + 1).fill(0);
  let sum = 0;
  let sq = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of finite) {
    counts[binOf(edges, v)]++;
    sum += v;
    sq += v * v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const n = finite.length;
  const mean = n ? sum / n : 0;
  return {
    kind: "numeric",
    edges,
    fractions: counts.map((c) => n ? c / n : 0),
    rows: n,
    distinct: new Set(finite.slice(0, 1e4)).size,
    std: Math.sqrt(Math.max(sq / Math.max(n, 1) - mean * mean, 0)),
    ...n ? { min, max } : {}
  };
}

// src/monitor/run.ts
var DURATION_MS = { m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
var iso2 = (t) => new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z");
async function runMonitor(ws, opts) {
  const s = await openMonitor(ws, opts);
  const scratch = await scratchFolder();
  try {
    const g = await gatherFacts(s, scratch.dir);
    const plan = planMonitoring(g.facts);
    if (opts.dryRun) return { plan, dryRun: true };
    const { applyMonitoring } = await import('./apply-IO5T6M67-qq7CEUn-.js');
    return { plan, dryRun: false, ...await applyMonitoring(s, plan, g) };
  } finally {
    await scratch.remove();
  }
}
async function runMonitorWithRollback(ws, opts) {
  const r = await runMonitor(ws, opts);
  if (r.dryRun || !opts.rollback || r.plan.record.verdict !== "alert") return r;
  const { proposeRollback } = await import('./rollback-ZSI2P5U4-C6zyIuZc.js');
  try {
    const rollback = await proposeRollback(ws, {
      model: r.plan.record.model.name,
      environment: r.plan.record.environment,
      record: r.plan.digest,
      ...opts.release,
      ...opts.log ? { log: opts.log } : {}
    });
    return { ...r, rollback };
  } catch (err) {
    if (!(err instanceof CheckFailed)) throw err;
    return { ...r, rollback: { monitoringRecord: r.plan.digest, refused: err.message } };
  }
}
async function openMonitor(ws, opts) {
  if (!namesRemote(ws.root)) remoteRefs(ws.git, "origin").catch(() => void 0);
  const repo = ws.repo;
  const config = repo.config;
  const manifest = findModel(repo, opts.model).value;
  const monitoring = manifest.spec.monitoring ?? monitoringSchema.parse({});
  const environment = opts.environment ?? monitoring.environment ?? defaultEnvironment(config);
  const envs = config.spec.environments.map((e) => e.name);
  if (!envs.includes(environment))
    throw new UserError(
      `--env ${environment}: no such environment in modelgate.yaml (environments: ${envs.join(", ")})`
    );
  const until = opts.until ?? ws.now().getTime();
  const m = /^(\d+)([mhdw])$/.exec(monitoring.window);
  const since = opts.since ?? until - Number(m?.[1] ?? 7) * DURATION_MS[m?.[2] ?? "d"];
  if (!(since < until))
    throw new UserError(`the window is empty: --since ${iso2(since)} is not before --until ${iso2(until)}`);
  const remote = config.spec.gitops.remote ?? "origin";
  const branch = config.spec.gitops.branch ?? await remoteDefaultBranch(ws.git, remote);
  const tip = await branchTip(ws.git, remote, branch, "refs/modelgate/monitor/tip");
  if (!tip) {
    if (!await isRepository(ws.git))
      throw new UserError(`${ws.root} is not in a git repository; monitor reads the GitOps history of a clone`);
    throw new UserError(
      `cannot read the GitOps branch ${branch} of ${remote}: monitor reads what ran from its history and commits its record there (add the remote, or set spec.gitops in modelgate.yaml)`
    );
  }
  const segments = await servedDuring(ws.root, tip, manifest.metadata.name, environment, since, until);
  if (segments.length === 0) {
    throw new UserError(
      `no version of ${manifest.metadata.name} ran in ${environment} between ${iso2(since)} and ${iso2(until)} (by the GitOps history: \`modelgate audit --at\`); nothing to monitor there`
    );
  }
  return {
    ws,
    opts,
    config,
    manifest,
    monitoring,
    environment,
    since,
    until,
    gitops: { remote, branch, tip },
    segments
  };
}
function namesRemote(root) {
  try {
    return /remote/i.test(readFileSync(join(root, CONFIG_FILE), "utf8"));
  } catch {
    return true;
  }
}
async function gatherFacts(s, scratch) {
  const { ws, config, manifest } = s;
  const name = manifest.metadata.name;
  const ledgerPath = promotionsPath(config.spec.paths.records, name);
  const { entries } = parseLedger(await blobText(ws.git, s.gitops.tip, ledgerPath) ?? "");
  const versions = [];
  for (const [i, seg] of s.segments.entries()) {
    const entry = entries.find((e) => e.digest === seg.placement.record?.digest);
    if (!entry)
      throw new CheckFailed(`${name}: the promotion record ${seg.placement.record?.digest} is not in ${ledgerPath}`);
    versions.push(await loadVersion(ws.git, s.gitops.tip, ws.repo, i, seg, entry, scratch));
  }
  const task = versions[versions.length - 1].manifest.spec.task;
  for (const v of versions)
    if (v.manifest.spec.task !== task)
      throw new CheckFailed(
        `${name}: versions of different tasks served the window (${v.manifest.spec.version} is a ${v.manifest.spec.task}); monitor one task per window`
      );
  const runners = [];
  const logs = await expandPaths(ws.io.cwd, s.opts.logs, "--logs");
  const starting = startFeedPool(s, versions, logs);
  let pool;
  let poolClosed = false;
  const scoring = import('./reference-worker-TOXRFLDD-DQOHJ1Pt.js').then(
    ({ scoreReferencesInWorker }) => scoreReferencesInWorker(versions.map(referenceJob))
  );
  scoring.catch(() => void 0);
  try {
    for (const v of versions)
      runners.push(ModelRunner.planned(v.bytes, `${name}@${v.manifest.spec.version}`, task, modelIoOf(v.manifest)));
    const profiled = profileReferences(s, versions);
    const early = earlyPositives(versions, runners);
    const referenced = scoring.then((scored2) => ({
      scored: scored2,
      late: scoredReferences(s, versions, runners, scored2.scores)
    }));
    referenced.catch(() => void 0);
    const refsFirst = async (err) => {
      let failed;
      try {
        await referenced;
      } catch (e) {
        failed = e;
      }
      throw failed ?? err;
    };
    const before = early ? void 0 : await referenced;
    let w = await prepareWindow(s, versions, runners, profiled, before?.late.positive ?? early).catch(refsFirst);
    const up = await starting;
    pool = up.pool;
    if (up.error)
      ws.io.err(
        `warning: monitoring worker threads could not start; the logs are read in the main thread (same record, slower): ${up.error}
`
      );
    const feedPool = () => w.feed.capture ? void 0 : pool;
    let streamed = await streamLogs(s, w, logs, feedPool()).catch(refsFirst);
    const { scored, late } = before ?? await referenced;
    if (!before && late.positive.some((p, i) => p?.column !== early?.[i]?.column)) {
      w = await prepareWindow(s, versions, runners, profiled, late.positive);
      streamed = await streamLogs(s, w, logs, feedPool());
    }
    w.notes.push(...late.perfNotes);
    const facts = await factsOf(s, versions, w, streamed, { ...late, onnxruntime: scored.onnxruntime }, pool);
    await pool?.close();
    poolClosed = true;
    return {
      facts,
      versions,
      ledger: entries,
      ...w.feed.capture ? { captured: { columns: w.feed.capture, rows: w.feeder.captured } } : {}
    };
  } finally {
    pool ??= (await starting).pool;
    if (!poolClosed) await pool?.close();
    for (const r of runners) await r.close();
  }
}
var FEED_POOL_MIN_BYTES = 16 * 1024 * 1024;
async function startFeedPool(s, versions, logs) {
  const csv = logs.filter((f) => extname(f).toLowerCase() === ".csv");
  if (csv.length === 0 || retrainingSets(s)) return {};
  const bytes = csv.reduce((a, f) => a + statSync(f).size, 0);
  const workers = s.opts.workers ?? (bytes >= FEED_POOL_MIN_BYTES ? defaultScoringWorkers() : 0);
  if (workers === 0) return {};
  const name = s.manifest.metadata.name;
  const { FeedPool } = await import('./workers-SIVCSP2A-B8relEtn.js');
  return FeedPool.start(
    versions.map((v) => ({ bytes: v.bytes, file: `${name}@${v.manifest.spec.version}`, io: modelIoOf(v.manifest) })),
    versions[versions.length - 1].manifest.spec.task,
    workers
  );
}
function retrainingSets(s) {
  const { ws, monitoring } = s;
  const retraining = s.opts.retrain || s.opts.github !== void 0 && monitoring.onAlert.includes("retrain");
  if (!retraining) return void 0;
  const named = [s.manifest.spec.training?.datasets[0], s.manifest.spec.evaluation.datasets[0]];
  const sets = named.map((n) => ws.repo.datasets.find((d) => d.value.metadata.name === n)?.value);
  return sets[0] ? sets : void 0;
}
async function prepareWindow(s, versions, runners, refs, positives) {
  const { ws } = s;
  const pm = versions[versions.length - 1].manifest;
  const task = pm.spec.task;
  const last = runners[runners.length - 1];
  const width = task === "multiclass-classification" ? last.output.width : 1;
  const classes = task === "multiclass-classification" ? last.classLabels ?? pm.spec.label.classes?.map((c) => keyOf(c) ?? String(c)) : void 0;
  const notes = versions.flatMap((v) => v.notes);
  const positive = positives.map((p) => p?.column ?? 0);
  const dataset = versions[versions.length - 1].dataset?.value;
  const idColumn = dataset?.spec.columns.find((c) => c.role === "id")?.name;
  const labels = /* @__PURE__ */ new Map();
  const labelSources = [];
  for (const f of await expandPaths(ws.io.cwd, s.opts.labels ?? [], "--labels", true)) {
    const where = shown(ws.io.cwd, f);
    const rows = await readLabels(f, where, { id: idColumn, label: pm.spec.label.column }, labels, (c) => keyOf(c));
    labelSources.push({ path: where, sha256: await sha256File(f), kind: "labels", rows });
  }
  const watched = refs.columns.map((c) => ({
    name: c.feature,
    kind: c.ref.kind,
    column: dataset?.spec.columns.find((x) => x.name === c.feature)
  }));
  const slices = pm.spec.evaluation.slices;
  const sets = retrainingSets(s);
  const capture = sets ? [...new Set(sets.flatMap((d) => d?.spec.columns.map((c) => c.name) ?? []))] : void 0;
  const feed = {
    since: s.since,
    until: s.until,
    segments: versions.map((v) => ({ from: v.segment.from, until: v.segment.until })),
    versions: versions.map((_, i) => ({ runner: runners[i], positive: positive[i] })),
    task,
    width,
    watched,
    slices,
    labelColumn: pm.spec.label.column,
    labels,
    ...capture ? { capture } : {},
    ...idColumn ? { idColumn } : {}
  };
  const acc = new WindowAccumulator({
    // the prediction's counts are taken from the window's scores at the end (its reference is scored meanwhile)
    columns: refs.columns.map((c) => ({ name: c.feature, ref: c.ref })),
    width,
    ...classes ? { classes } : {},
    slices: slices.map((x) => x.column),
    versions: versions.length
  });
  const stringInputs = new Set(runners.flatMap((r) => r.stringColumns()));
  const numeric = /* @__PURE__ */ new Set([
    ...runners.flatMap((r) => r.columns).filter((c) => !stringInputs.has(c)),
    ...watched.filter((w) => w.kind === "numeric").map((w) => w.name)
  ]);
  const other = [
    .../* @__PURE__ */ new Set([
      ...watched.filter((w) => w.kind === "categorical").map((w) => w.name),
      ...slices.map((x) => x.column),
      pm.spec.label.column,
      ...capture ?? [],
      ...stringInputs
    ])
  ].filter((c) => !numeric.has(c));
  const payload = {
    features: pm.spec.inputs.features,
    mode: pm.spec.inputs.mode,
    ...pm.spec.inputs.tensor ? { tensor: pm.spec.inputs.tensor } : {},
    outputs: pm.spec.outputs,
    columns: /* @__PURE__ */ new Set([...dataset?.spec.columns.map((c) => c.name) ?? [], ...numeric, ...other]),
    ...idColumn ? { idColumn } : {}
  };
  return {
    feed,
    feeder: new Feeder(feed, acc),
    acc,
    refs,
    numeric,
    other,
    payload,
    ...idColumn ? { idColumn } : {},
    ...classes ? { classes } : {},
    notes,
    labelSources
  };
}
async function streamLogs(s, w, logs, pool) {
  const cwd = s.ws.io.cwd;
  const sources = [];
  const skipped = {};
  for (const f of logs) {
    const display = shown(cwd, f);
    const kind = await logKind(f);
    let rows = 0;
    let sha256 = "";
    const verify = { onDigest: (d) => sha256 = d };
    const batchSize = s.opts.batchSize;
    if (kind === "table") {
      const id = w.idColumn && (w.feed.labels.size > 0 || w.feed.capture) ? { idColumn: w.idColumn } : {};
      const want = { numeric: [...w.numeric], other: w.other, ...id };
      if (pool && extname(f).toLowerCase() === ".csv") {
        const { feedTableInWorkers } = await import('./workers-SIVCSP2A-B8relEtn.js');
        const fed = await feedTableInWorkers(pool, f, display, want, { ...w, ...batchSize ? { batchSize } : {} });
        rows = fed.rows;
        sha256 = fed.sha256;
      } else
        for await (const { batch } of tableBatches(f, display, want, verify, batchSize)) {
          rows += batch.length;
          await w.feeder.add(batch);
        }
    } else {
      let counts;
      for await (const { batch, joiner } of eventBatches(f, display, w.payload, w.numeric, batchSize, verify)) {
        counts = joiner.counts;
        await w.feeder.add(batch);
      }
      rows = counts?.requests ?? 0;
      const orphans = counts?.orphanResponses ?? 0;
      if (orphans)
        skipped["responses without their request"] = (skipped["responses without their request"] ?? 0) + orphans;
    }
    sources.push({ path: display, sha256, kind, rows });
  }
  for (const [k, n] of Object.entries(w.feeder.skipped)) skipped[k] = (skipped[k] ?? 0) + n;
  return { sources, skipped };
}
async function factsOf(s, versions, w, streamed, refs, pool) {
  const primary = versions[versions.length - 1];
  const pm = primary.manifest;
  const r = primary.entry.record;
  const binary = pm.spec.task === "binary-classification";
  const cal = refs.calibrators;
  const inWorker = binary && pool !== void 0 && cal.some((c) => c !== void 0);
  const summary = w.acc.summary({ shared: inWorker, ...refs.prediction ? { prediction: refs.prediction } : {} });
  const estimator = inWorker ? import('./estimate-worker-L2GQFZZQ-DeeGoZtW.js').catch(() => void 0) : void 0;
  await pool?.close();
  const start = (await estimator)?.estimateInWorker;
  const estimating = start ? start({ preds: summary.preds, versions: summary.versions, calibrators: cal, threshold: pm.spec.threshold }).then(
    (e) => ({ e }),
    () => void 0
  ) : void 0;
  const driftNotes = [...w.refs.notes, ...refs.notes];
  const columns = summary.columns.filter((c) => {
    const seen = c.cur.kind === "numeric" ? c.cur.counts.some((x) => x > 0) : c.cur.counts.size > 0;
    if (c.present && seen) return true;
    driftNotes.push(`${c.name}: not in the logs (no value in the window)`);
    return false;
  }).map((c) => ({ feature: c.name, ref: c.ref, cur: c.cur }));
  if (summary.prediction)
    columns.push({ feature: "prediction", ref: summary.prediction.ref, cur: summary.prediction.cur });
  const perfNotes = [...w.notes];
  const realized = summary.labeled > 0 ? await realizedPerformance(summary, {
    name: pm.metadata.name,
    version: pm.spec.version,
    task: pm.spec.task,
    label: pm.spec.label,
    threshold: pm.spec.threshold,
    slices: pm.spec.evaluation.slices,
    minSliceSupport: pm.spec.evaluation.minSliceSupport,
    bootstrap: pm.spec.evaluation.bootstrap,
    width: w.feed.width,
    ...w.classes ? { classes: w.classes } : {}
  }) : void 0;
  if (!realized) perfNotes.push("no labels for the window's rows yet: the realized metrics wait for them (--labels)");
  const estimate = (preds, versions2) => estimatedPerformance(preds, versions2, cal, pm.spec.threshold);
  const fromWorker = estimating ? await estimating : void 0;
  const estimated = fromWorker ? fromWorker.e : binary ? estimate(summary.preds, summary.versions) : void 0;
  const L = summary.labeledRows;
  const onLabelled = binary && summary.labeled === summary.rows ? estimated : binary ? estimate(L.preds, L.versions) : void 0;
  const comparison = compareEstimate(onLabelled, realized);
  const ops = operations(summary);
  const cited = r.data.find((d) => d.name === primary.dataset?.name) ?? r.data[0];
  return {
    model: { name: pm.metadata.name, version: pm.spec.version, sha256: r.model.sha256, task: pm.spec.task },
    environment: s.environment,
    promotion: {
      record: primary.entry.digest,
      sequence: r.sequence,
      ledger: promotionsPath(s.config.spec.paths.records, pm.metadata.name),
      stageTag: r.stageTag
    },
    versions: versions.map((v, i) => ({
      version: v.manifest.spec.version,
      sha256: v.entry.record.model.sha256,
      promotion: v.entry.digest,
      sequence: v.entry.record.sequence,
      stageTag: v.entry.record.stageTag,
      from: iso2(Math.max(v.segment.from, s.since)),
      until: iso2(Math.min(v.segment.until, s.until)),
      rows: summary.perVersion[i].rows,
      scored: summary.perVersion[i].scored
    })),
    window: {
      since: iso2(s.since),
      until: iso2(s.until),
      rows: summary.rows,
      labeled: summary.labeled,
      skipped: streamed.skipped
    },
    sources: [...streamed.sources, ...w.labelSources],
    reference: {
      dataset: primary.dataset?.name ?? cited?.name ?? "(none)",
      sha256: cited?.sha256 ?? "0".repeat(64),
      ...primary.dataset?.value.spec.rows !== void 0 ? { rows: primary.dataset.value.spec.rows } : {},
      evaluation: r.evaluation.record
    },
    monitoring: s.monitoring,
    columns,
    driftNotes,
    performance: {
      ...realized ? { realized } : {},
      ...estimated ? { estimated } : {},
      ...comparison ? { comparison } : {},
      ...ops ? { operations: ops } : {},
      notes: perfNotes
    },
    evaluation: primary.evaluation.candidate.metrics,
    recordsDir: s.config.spec.paths.records,
    runtime: { modelgate: VERSION, onnxruntime: refs.onnxruntime }
  };
}

export { renderText as a, runMonitorWithRollback as b, runMonitor as r, scratchFolder as s };
