import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  validateRepository
} from "./chunk-LNRWPDQM.js";
import {
  RECORDS_DIR,
  evaluationRecordSchema
} from "./chunk-542YCOB7.js";
import {
  readOnnxSignature
} from "./chunk-C5XYVW47.js";
import {
  writeFileAtomic
} from "./chunk-D2E5CVHB.js";
import {
  findModel,
  loadRepository,
  repoRelative,
  require_dist,
  resolveInside
} from "./chunk-YBB4ID5S.js";
import {
  UserError
} from "./chunk-QVLUCJ3W.js";
import {
  __toESM
} from "./chunk-ZGDBGMMU.js";

// src/report/card.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

// src/report/escape.ts
var HTML = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(text2) {
  return text2.replace(/[&<>"']/g, (c) => HTML[c]);
}
function escapeMd(text2) {
  return String(text2).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/g, "").replace(/\r\n?|\n/g, " ").replace(/[\\`*_{}[\]()#!|~$]/g, (c) => `\\${c}`).replace(/[&<>"']/g, (c) => HTML[c]).replace(/@/g, "&#64;");
}
function escapeMdLine(text2) {
  return escapeMd(text2).replace(/^[-+=]/, (c) => `\\${c}`).replace(/^(\d+)([.)])/, "$1\\$2");
}
function escapeMdBlock(text2) {
  return String(text2).split(/\r\n?|\n/).map((line) => {
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    return item ? `- ${escapeMd(item[1].trim())}` : escapeMdLine(line.trim());
  }).join("\n").replace(/\n{3,}/g, "\n\n").trim();
}

// src/report/metrics.ts
var LOWER_IS_BETTER = /^(mae|mse|rmse|mape|msle|rmsle|log_loss|brier|brier_score|max_error|median_ae|median_absolute_error|latency_p\d+_ms|hamming_loss|fpr|fnr|false_positive_rate|false_negative_rate|expected_calibration_error|ece)$/;
function lowerIsBetter(metric) {
  return LOWER_IS_BETTER.test(metric);
}
var NAMES = {
  roc_auc: "ROC AUC",
  average_precision: "Average precision",
  pr_auc: "PR AUC",
  accuracy: "Accuracy",
  balanced_accuracy: "Balanced accuracy",
  precision: "Precision",
  recall: "Recall",
  f1: "F1",
  log_loss: "Log loss",
  brier: "Brier score",
  brier_score: "Brier score",
  ece: "Expected calibration error",
  specificity: "Specificity",
  precision_macro: "Precision (macro)",
  recall_macro: "Recall (macro)",
  f1_macro: "F1 (macro)",
  precision_weighted: "Precision (weighted)",
  recall_weighted: "Recall (weighted)",
  f1_weighted: "F1 (weighted)",
  top_k_accuracy: "Top-k accuracy",
  median_ae: "Median absolute error",
  max_error: "Max error",
  mae: "MAE",
  mse: "MSE",
  rmse: "RMSE",
  mape: "MAPE",
  r2: "R\xB2",
  positive_rate: "Positive rate",
  latency_p50_ms: "Latency p50 (ms)",
  latency_p95_ms: "Latency p95 (ms)",
  latency_p99_ms: "Latency p99 (ms)"
};
function metricName(metric) {
  return NAMES[metric] ?? metric;
}
function fmt(x, metric = "") {
  if (x === null || x === void 0 || !Number.isFinite(x)) return "\u2014";
  if (/_ms$/.test(metric)) return x.toFixed(2);
  if (Number.isInteger(x) && Math.abs(x) >= 1) return String(x);
  if (Math.abs(x) >= 1e3) return x.toFixed(1);
  return x.toFixed(4);
}
function fmtDelta(x, metric = "") {
  if (x === null || x === void 0 || !Number.isFinite(x)) return "\u2014";
  const s = fmt(Math.abs(x), metric);
  if (Number(s) === 0) return `\xB1${s}`;
  return x > 0 ? `+${s}` : `\u2212${s}`;
}
function fmtInterval(iv, metric = "") {
  if (!iv) return "\u2014";
  return `[${fmtDelta(iv[0], metric)}, ${fmtDelta(iv[1], metric)}]`;
}

// node_modules/markdown-table/index.js
function defaultStringLength(value) {
  return value.length;
}
function markdownTable(table2, options) {
  const settings = options || {};
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  const alignments = [];
  const cellMatrix = [];
  const sizeMatrix = [];
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;
  while (++rowIndex < table2.length) {
    const row2 = [];
    const sizes2 = [];
    let columnIndex2 = -1;
    if (table2[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table2[rowIndex].length;
    }
    while (++columnIndex2 < table2[rowIndex].length) {
      const cell = serialize(table2[rowIndex][columnIndex2]);
      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell);
        sizes2[columnIndex2] = size;
        if (longestCellByColumn[columnIndex2] === void 0 || size > longestCellByColumn[columnIndex2]) {
          longestCellByColumn[columnIndex2] = size;
        }
      }
      row2.push(cell);
    }
    cellMatrix[rowIndex] = row2;
    sizeMatrix[rowIndex] = sizes2;
  }
  let columnIndex = -1;
  if (typeof align === "object" && "length" in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex]);
    }
  } else {
    const code = toAlignment(align);
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code;
    }
  }
  columnIndex = -1;
  const row = [];
  const sizes = [];
  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex];
    let before = "";
    let after = "";
    if (code === 99) {
      before = ":";
      after = ":";
    } else if (code === 108) {
      before = ":";
    } else if (code === 114) {
      after = ":";
    }
    let size = settings.alignDelimiters === false ? 1 : Math.max(
      1,
      longestCellByColumn[columnIndex] - before.length - after.length
    );
    const cell = before + "-".repeat(size) + after;
    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;
      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }
      sizes[columnIndex] = size;
    }
    row[columnIndex] = cell;
  }
  cellMatrix.splice(1, 0, row);
  sizeMatrix.splice(1, 0, sizes);
  rowIndex = -1;
  const lines = [];
  while (++rowIndex < cellMatrix.length) {
    const row2 = cellMatrix[rowIndex];
    const sizes2 = sizeMatrix[rowIndex];
    const cellsInRow = settings.fillRows === false ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length) : mostCellsPerRow;
    columnIndex = -1;
    const line = [];
    while (++columnIndex < cellsInRow) {
      const cell = row2[columnIndex] || "";
      let before = "";
      let after = "";
      if (settings.alignDelimiters !== false) {
        const size = longestCellByColumn[columnIndex] - (sizes2[columnIndex] || 0);
        const code = alignments[columnIndex];
        if (code === 114) {
          before = " ".repeat(size);
        } else if (code === 99) {
          const half = size / 2;
          if (size % 2) {
            before = " ".repeat(half + 0.5);
            after = " ".repeat(half - 0.5);
          } else {
            before = " ".repeat(half);
            after = before;
          }
        } else {
          after = " ".repeat(size);
        }
      }
      if (settings.delimiterStart !== false && !columnIndex) {
        line.push("|");
      }
      if (settings.padding !== false && // Don’t add the opening space if we’re not aligning and the cell is
      // empty: there will be a closing space.
      !(settings.alignDelimiters === false && cell === "") && (settings.delimiterStart !== false || columnIndex)) {
        line.push(" ");
      }
      if (settings.alignDelimiters !== false) {
        line.push(before);
      }
      line.push(cell);
      if (settings.alignDelimiters !== false) {
        line.push(after);
      }
      if (settings.padding !== false) {
        line.push(" ");
      }
      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push("|");
      }
    }
    lines.push(
      settings.delimiterEnd === false ? line.join("").replace(/ +$/, "") : line.join("")
    );
  }
  return lines.join("\n");
}
function serialize(value) {
  return value === null || value === void 0 ? "" : String(value);
}
function toAlignment(value) {
  const code = typeof value === "string" ? value.codePointAt(0) : 0;
  return code === 67 || code === 99 ? 99 : code === 76 || code === 108 ? 108 : code === 82 || code === 114 ? 114 : 0;
}

// src/report/card.ts
var CARD_FILE = "MODEL_CARD.md";
var begin = (name) => `<!-- modelgate:begin:${name} -->`;
var end = (name) => `<!-- modelgate:end:${name} -->`;
var block = (name, body) => `${begin(name)}
${body.trim()}

${end(name)}`;
var table = (rows) => markdownTable(rows, { alignDelimiters: false });
var TASK = {
  "binary-classification": { type: "tabular-classification", name: "Binary classification" },
  "multiclass-classification": { type: "tabular-classification", name: "Multiclass classification" },
  regression: { type: "tabular-regression", name: "Regression" }
};
var notGiven = (field) => `_Not provided. Write it in \`spec.card.${field}\` of the model manifest._`;
var text = (v, field) => v ? escapeMdBlock(v) : notGiven(field);
function cardMetadata(input) {
  const { model, record } = input;
  const spec = model.spec;
  const task = TASK[spec.task];
  const datasets = (input.datasets ?? []).map((d) => d.name);
  const metrics = record ? Object.entries(record.candidate.metrics).filter((e) => typeof e[1] === "number") : [];
  const meta = {};
  if (spec.card.license) meta.license = spec.card.license.toLowerCase();
  meta.library_name = "onnx";
  meta.pipeline_tag = task.type;
  meta.tags = [.../* @__PURE__ */ new Set(["modelgate", "onnx", task.type, `risk-class-${spec.riskClass}`, ...spec.card.tags ?? []])];
  if (datasets.length) meta.datasets = datasets;
  if (metrics.length) meta.metrics = metrics.map(([k]) => k);
  if (record && metrics.length) {
    const evalName = record.dataset.name ?? record.dataset.path;
    meta["model-index"] = [
      {
        name: model.metadata.name,
        results: [
          {
            task: { type: task.type, name: task.name },
            dataset: { type: evalName, name: evalName, split: "evaluation", revision: record.dataset.sha256 },
            metrics: metrics.map(([k, v]) => ({ type: k, value: v, name: metricName(k), verified: false }))
          }
        ]
      }
    ];
  }
  return meta;
}
function detailsSection(input) {
  const { model, record } = input;
  const spec = model.spec;
  const sha = input.modelSha256 ?? spec.artifact.sha256 ?? record?.candidate.sha256;
  const rows = [
    ["Name", escapeMd(model.metadata.name)],
    ["Version", escapeMd(spec.version)],
    ["Task", TASK[spec.task].name],
    ["Risk class (EU AI Act)", spec.riskClass],
    ["Artifact", `${escapeMd(spec.artifact.path)}${sha ? ` (sha256 ${sha})` : ""}`],
    ["Owners", spec.owners.map(escapeMd).join(", ")]
  ];
  if (record) rows.push(["Evaluation data digest", `sha256 ${record.dataset.sha256}`]);
  if (input.pr)
    rows.push([
      "Pull request",
      input.pr.url && /^https?:\/\/\S+$/.test(input.pr.url) ? `[#${input.pr.number}](${input.pr.url})` : `#${input.pr.number}`
    ]);
  if (input.approvals?.length) {
    rows.push([
      "Approved by",
      input.approvals.map(
        (a) => `${escapeMd(a.reviewer)}${a.commit ? ` on ${escapeMd(a.commit.slice(0, 12))}` : ""}${a.at ? ` (${escapeMd(a.at)})` : ""}`
      ).join(", ")
    ]);
  }
  if (input.image) rows.push(["Image", escapeMd(input.image)]);
  const summary = spec.card.summary ?? spec.description;
  return `## Model details

${summary ? `${escapeMdBlock(summary)}

` : ""}${table([["", ""], ...rows])}`;
}
function useSection(model) {
  return [
    "## Intended use",
    text(model.spec.card.intendedUse, "intendedUse"),
    "### Out-of-scope use",
    text(model.spec.card.outOfScopeUse, "outOfScopeUse")
  ].join("\n\n");
}
function factorsSection(input) {
  const spec = input.model.spec;
  const slices = spec.evaluation.slices.map((s) => escapeMd(s.column));
  const metrics = input.record ? Object.keys(input.record.candidate.metrics).map((m) => escapeMd(metricName(m))) : [];
  const out = [
    "## Factors",
    slices.length ? `Performance is reported per value of: ${slices.join(", ")} (slices with fewer than ${spec.evaluation.minSliceSupport} rows are shown but not used for gaps).` : "No slice columns are declared (`spec.evaluation.slices`).",
    "## Metrics",
    metrics.length ? `Reported: ${metrics.join(", ")}.` : "No evaluation record yet."
  ];
  if (spec.task === "binary-classification") out.push(`Decision threshold: ${spec.threshold}.`);
  if (input.record) {
    const b = input.record.bootstrap;
    out.push(`Uncertainty: 95% intervals from ${b.resamples} paired Poisson bootstrap resamples (seed ${b.seed}).`);
  }
  if (spec.gates.length) {
    out.push(
      `Release gates: ${spec.gates.map(
        (g) => "sliceGap" in g ? escapeMd(`${g.sliceGap} gap over ${g.over} \u2264 ${g.max}`) : escapeMd(
          `${g.metric} ${[g.min !== void 0 ? `\u2265 ${g.min}` : "", g.max !== void 0 ? `\u2264 ${g.max}` : "", g.maxDrop !== void 0 ? `drop \u2264 ${g.maxDrop}` : "", g.maxRise !== void 0 ? `rise \u2264 ${g.maxRise}` : ""].filter(Boolean).join(", ")}`
        )
      ).join("; ")}.`
    );
  }
  return out.join("\n\n");
}
var SHEET = [
  ["motivation", "Motivation"],
  ["composition", "Composition"],
  ["collection", "Collection"],
  ["preprocessing", "Preprocessing"],
  ["uses", "Uses"],
  ["distribution", "Distribution"],
  ["maintenance", "Maintenance"],
  ["license", "License"],
  ["personalData", "Personal data"],
  ["knownBiases", "Known biases"]
];
function dataSection(input) {
  const out = [];
  for (const use of ["training", "evaluation"]) {
    out.push(`## ${use === "training" ? "Training" : "Evaluation"} data`);
    const ds = (input.datasets ?? []).filter((d) => d.uses.includes(use));
    if (ds.length === 0) {
      out.push(
        use === "training" ? "No training datasets declared (`spec.training.datasets`)." : "No evaluation datasets found."
      );
      continue;
    }
    for (const d of ds) {
      const spec = d.value?.spec;
      const facts = spec ? [
        spec.rows !== void 0 ? `${spec.rows} rows` : "",
        spec.sha256 ? `sha256 ${spec.sha256}` : "",
        `columns: ${spec.columns.map((c) => `${escapeMd(c.name)} (${c.role})`).join(", ")}`
      ].filter(Boolean).join("; ") : "manifest not found";
      out.push(`### ${escapeMd(d.name)}

${d.file ? `${escapeMd(d.file)}: ` : ""}${facts}.`);
      const sheet = spec?.datasheet ?? {};
      const lines = SHEET.filter(([k]) => sheet[k]).map(([k, label]) => `**${label}.** ${escapeMdBlock(sheet[k])}`);
      out.push(lines.length ? lines.join("\n\n") : "_No datasheet fields (`spec.datasheet` of the Dataset manifest)._");
    }
  }
  return out.join("\n\n");
}
function quantSection(input) {
  const rec = input.record;
  if (!rec) return "## Quantitative analyses\n\nNo evaluation record yet: run `modelgate evaluate`.";
  const overall = table([
    ["metric", "value", "95% interval"],
    ...Object.entries(rec.candidate.metrics).map(([k, v]) => {
      const iv = rec.candidate.intervals[k];
      return [escapeMd(metricName(k)), fmt(v, k), iv ? `[${fmt(iv[0], k)}, ${fmt(iv[1], k)}]` : "\u2014"];
    })
  ]);
  const delta = Object.entries(rec.deltas).length ? `

Against the baseline${rec.baseline?.version ? ` (${escapeMd(rec.baseline.version)})` : ""}:

${table([
    ["metric", "delta", "95% interval of the delta"],
    ...Object.entries(rec.deltas).map(([k, d]) => [
      escapeMd(metricName(k)),
      fmt(d.delta, k),
      fmtInterval(d.interval, k)
    ])
  ])}` : "";
  const out = [
    `## Quantitative analyses

On ${escapeMd(rec.dataset.name ?? rec.dataset.path)} (${rec.dataset.rows} rows):

${overall}${delta}`
  ];
  if (rec.slices.length) {
    const ms = [...new Set(rec.slices.flatMap((s) => Object.keys(s.candidate)))].slice(0, 4);
    out.push(
      `### By slice

${table([
        ["slice", "n", ...ms.map((m) => escapeMd(metricName(m)))],
        ...rec.slices.map((s) => [
          `${escapeMd(s.column)} = ${escapeMd(s.value)}${s.supported ? "" : " (few rows)"}`,
          String(s.count),
          ...ms.map((m) => {
            const iv = s.intervals?.[m];
            return `${fmt(s.candidate[m], m)}${iv ? ` [${fmt(iv[0], m)}, ${fmt(iv[1], m)}]` : ""}`;
          })
        ])
      ])}`
    );
  }
  if (rec.fairness.length) {
    out.push(
      `### Gaps between slices

${rec.fairness.filter((f) => f.role === "candidate").map(
        (f) => `- ${escapeMd(f.metric)} over ${escapeMd(f.over)}: ${fmt(f.gap)} (${escapeMd(f.max.value)} ${fmt(f.max.metric)} vs ${escapeMd(f.min.value)} ${fmt(f.min.metric)})`
      ).join("\n")}`
    );
  }
  return out.join("\n\n");
}
function risksSection(input) {
  const card = input.model.spec.card;
  const biases = (input.datasets ?? []).filter((d) => d.value?.spec.datasheet?.knownBiases);
  return [
    "## Risks, limitations and ethical considerations",
    `Risk class under the EU AI Act: **${input.model.spec.riskClass}**.`,
    "### Limitations",
    text(card.limitations, "limitations"),
    "### Ethical considerations",
    text(card.ethicalConsiderations, "ethicalConsiderations"),
    ...biases.length ? [
      "### Known biases in the data",
      biases.map((d) => `- ${escapeMd(d.name)}: ${escapeMd(d.value.spec.datasheet.knownBiases)}`).join("\n")
    ] : []
  ].join("\n\n");
}
function technicalSection(input) {
  const spec = input.model.spec;
  const sig = input.signature;
  const io = (list) => list.map(
    (t) => `${escapeMd(t.name)}: ${escapeMd(t.type)}${t.shape ? ` [${t.shape.map((d) => escapeMd(String(d))).join(", ")}]` : ""}`
  ).join("; ");
  const inputs = sig?.inputs ?? spec.signature?.inputs;
  const outputs = sig?.outputs ?? spec.signature?.outputs;
  const rows = [
    ["Format", "ONNX"],
    ["Opset", sig ? String(sig.opsetVersion) : "\u2014"],
    ...sig?.producer ? [["Producer", escapeMd(sig.producer)]] : [],
    ["Inputs", inputs ? io(inputs) : "\u2014"],
    ["Outputs", outputs ? io(outputs) : "\u2014"],
    ["Features (in order)", spec.inputs.features.map(escapeMd).join(", ")],
    [
      "Runtime",
      input.record ? `onnxruntime ${escapeMd(input.record.runtime.onnxruntime)} (Node ${escapeMd(input.record.runtime.node)})` : "onnxruntime"
    ],
    [
      "Serving",
      `${spec.deployment.target === "kserve" ? "KServe InferenceService" : "Triton"}, ${spec.deployment.replicas} replica(s)`
    ]
  ];
  const lat = input.record?.timings?.latency?.candidate;
  if (lat)
    rows.push([
      "Latency (one row)",
      `p50 ${fmt(lat.p50_ms, "_ms")} ms, p95 ${fmt(lat.p95_ms, "_ms")} ms, p99 ${fmt(lat.p99_ms, "_ms")} ms`
    ]);
  return `## Technical specifications

${table([["", ""], ...rows])}`;
}
function oversightSection(model) {
  const card = model.spec.card;
  const high = model.spec.riskClass === "high";
  const need = (v, field, art) => v ? escapeMdBlock(v) : `${notGiven(field)}${high ? ` A high-risk system needs it (EU AI Act ${art}).` : ""}`;
  return [
    "## Human oversight (EU AI Act art. 14)",
    need(card.humanOversight, "humanOversight", "art. 14"),
    "## Post-market monitoring (EU AI Act art. 72)",
    need(card.postMarketMonitoring, "postMarketMonitoring", "art. 72")
  ].join("\n\n");
}
function authorsSection(model) {
  return `## Authors and contact

Owners: ${model.spec.owners.map(escapeMd).join(", ")}.${model.spec.card.contact ? `

Contact: ${escapeMd(model.spec.card.contact)}.` : ""}`;
}
function cardBlocks(input) {
  const m = input.model;
  return [
    [
      "title",
      `# Model card: ${escapeMd(m.metadata.name)} ${escapeMd(m.spec.version)}

<!-- Written by modelgate. Text between modelgate:begin/end markers is replaced on every run; write your own text outside them, or in spec.card of the model manifest. -->`
    ],
    ["details", detailsSection(input)],
    ["use", useSection(m)],
    ["factors", factorsSection(input)],
    ["data", dataSection(input)],
    ["quantitative", quantSection(input)],
    ["risks", risksSection(input)],
    ["technical", technicalSection(input)],
    ["oversight", oversightSection(m)],
    ["authors", authorsSection(m)]
  ];
}
var FRONT = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
function renderCardBody(input) {
  return cardBlocks(input).map(([, b]) => b).join("\n\n").replace(/<!-- Written by modelgate\.[^>]*-->\n?/, "").replace(/^# /, "### ").replace(/^## /gm, "#### ").replace(/^### (?!Model card)/gm, "##### ");
}
function renderModelCard(input, existing) {
  const meta = cardMetadata(input);
  const blocks = cardBlocks(input);
  let body;
  let oldMeta = {};
  if (existing) {
    const fm = FRONT.exec(existing);
    let rest = existing;
    if (fm) {
      try {
        const parsed = (0, import_yaml.parse)(fm[1]);
        if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) oldMeta = parsed;
      } catch {
      }
      rest = existing.slice(fm[0].length);
    }
    const hasMarkers = blocks.some(([name]) => rest.includes(begin(name)));
    if (!hasMarkers) {
      body = `${blocks.map(([n, b]) => block(n, b)).join("\n\n")}

${rest.trim()}`;
    } else {
      body = rest;
      let prev;
      for (const [name, text2] of blocks) {
        const s = body.indexOf(begin(name));
        const e = s >= 0 ? body.indexOf(end(name), s) : -1;
        if (s >= 0 && e >= 0) {
          body = body.slice(0, s) + block(name, text2) + body.slice(e + end(name).length);
        } else {
          const at = prev ? body.indexOf(end(prev)) : -1;
          const pos = at >= 0 ? at + end(prev).length : body.length;
          body = `${body.slice(0, pos)}

${block(name, text2)}${body.slice(pos)}`;
        }
        prev = name;
      }
    }
  } else {
    body = blocks.map(([n, b]) => block(n, b)).join("\n\n");
  }
  const merged = { ...oldMeta, ...meta };
  return `---
${(0, import_yaml.stringify)(merged, { lineWidth: 0 })}---

${body.trim()}
`;
}
async function writeModelCard(modelDir, input, path = join(modelDir, CARD_FILE)) {
  const old = existsSync(path) ? readFileSync(path, "utf8") : void 0;
  const next = renderModelCard(input, old);
  if (next === old) return { path, changed: false };
  await writeFileAtomic(path, next);
  return { path, changed: true };
}

// src/report/build.ts
import { readFileSync as readFileSync3 } from "node:fs";
import { isAbsolute, join as join3, resolve } from "node:path";

// src/report/gates.ts
var GATE_RULES = "min/max compare the candidate's point estimate. maxDrop fails when the lower bound of the 95% paired interval of the delta (candidate \u2212 baseline) is below \u2212maxDrop, i.e. a drop larger than allowed cannot be ruled out; maxRise fails when the upper bound is above maxRise. Without an interval (no bootstrap resamples) a drop or rise beyond the limit fails on the point estimate and any smaller one warns. A gate with severity warn warns instead of failing.";
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
  if ("sliceGap" in g) return `${g.sliceGap} gap over ${g.over} \u2264 ${g.max}`;
  const parts = [];
  if (g.min !== void 0) parts.push(`\u2265 ${g.min}`);
  if (g.max !== void 0) parts.push(`\u2264 ${g.max}`);
  if (g.maxDrop !== void 0) parts.push(`drop \u2264 ${g.maxDrop}`);
  if (g.maxRise !== void 0) parts.push(`rise \u2264 ${g.maxRise}`);
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
        parts.push({ status: "fail", value: v, reason: `${m} ${fmt(v, m)} is below the minimum ${g.min}${ivText}` });
      } else if (g.max !== void 0 && v > g.max) {
        parts.push({ status: "fail", value: v, reason: `${m} ${fmt(v, m)} is above the maximum ${g.max}${ivText}` });
      } else {
        const bound = [g.min !== void 0 ? `\u2265 ${g.min}` : "", g.max !== void 0 ? `\u2264 ${g.max}` : ""].filter(Boolean).join(" and ");
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
      const bound = dir === "drop" ? d.interval[0] : d.interval[1];
      const beyond = dir === "drop" ? bound < -limit : bound > limit;
      const ivText = `95% interval ${fmtInterval(d.interval, m)}`;
      if (beyond) {
        parts.push({
          status: "fail",
          value: d.delta,
          reason: `${m} delta ${fmtDelta(d.delta, m)}, ${ivText}: a ${dir} larger than ${limit} cannot be ruled out`
        });
      } else {
        parts.push({
          status: "pass",
          value: d.delta,
          reason: `${m} delta ${fmtDelta(d.delta, m)}, ${ivText}: any ${dir} is within ${limit}`
        });
      }
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
  const text2 = `${g.sliceGap} gap over ${g.over} ${fmt(gap)} (${hi.value} ${fmt(hi.metric)} vs ${lo.value} ${fmt(lo.metric)})`;
  return gap > g.max ? [{ status: "fail", value: gap, reason: `${text2} exceeds ${g.max}` }] : [{ status: "pass", value: gap, reason: `${text2} \u2264 ${g.max}` }];
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
      reason: `no evaluation record for ${name}${input.recordPath ? ` at ${input.recordPath}` : ""}; run \`modelgate evaluate ${name}\` first`,
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

// src/report/records.ts
import { existsSync as existsSync2, lstatSync, readdirSync, readFileSync as readFileSync2 } from "node:fs";
import { join as join2, relative, sep } from "node:path";
var MAX_RECORD_BYTES = 4 * 1024 * 1024;
var MAX_ARTIFACT_BYTES = 64 * 1024 * 1024;
var MAX_ARTIFACT_FILES = 1e3;
var MAX_DEPTH = 4;
function parseRecord(text2) {
  let json;
  try {
    json = JSON.parse(text2);
  } catch (err) {
    return { reason: `not JSON (${err.message.split("\n")[0]})` };
  }
  const r = evaluationRecordSchema.safeParse(json);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`).join("; ");
    return { reason: `not a valid evaluation record (${issues}${r.error.issues.length > 3 ? "; \u2026" : ""})` };
  }
  return { record: r.data };
}
function readOne(abs, shown) {
  const st = lstatSync(abs);
  if (st.isSymbolicLink()) return { reason: "is a symlink" };
  if (!st.isFile()) return { reason: "is not a regular file" };
  if (st.size > MAX_RECORD_BYTES) return { reason: `is ${st.size} bytes, over the ${MAX_RECORD_BYTES}-byte limit` };
  void shown;
  return parseRecord(readFileSync2(abs, "utf8"));
}
function loadRecordsDir(dir, models) {
  const out = { byModel: /* @__PURE__ */ new Map(), refused: [] };
  for (const name of models) {
    const abs = join2(dir, `${name}.json`);
    if (!existsSync2(abs)) continue;
    const r = readOne(abs, `${name}.json`);
    if (r.record) out.byModel.set(name, { record: r.record, file: `${name}.json` });
    else out.refused.push({ file: `${name}.json`, reason: r.reason });
  }
  return out;
}
function modelsWithRecords(dir) {
  if (!existsSync2(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(".json") && !f.startsWith(".") && !/\.shard-\d+-of-\d+\.json$/.test(f)).map((f) => f.slice(0, -5)).sort();
}
function loadArtifact(dir) {
  if (!existsSync2(dir) || !lstatSync(dir).isDirectory()) {
    throw new UserError(
      `--from-artifact ${dir}: not a folder; pass the folder actions/download-artifact wrote the evaluation records to`
    );
  }
  const files = [];
  let total = 0;
  const walk = (d, depth) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = join2(d, e.name);
      if (e.isDirectory() && !e.isSymbolicLink()) {
        if (depth < MAX_DEPTH) walk(abs, depth + 1);
        continue;
      }
      if (!e.name.endsWith(".json") || /\.shard-\d+-of-\d+\.json$/.test(e.name)) continue;
      files.push(abs);
      if (files.length > MAX_ARTIFACT_FILES) {
        throw new UserError(
          `--from-artifact ${dir}: more than ${MAX_ARTIFACT_FILES} .json files; refusing the artifact`
        );
      }
      const st = lstatSync(abs);
      if (st.isFile()) total += st.size;
      if (total > MAX_ARTIFACT_BYTES) {
        throw new UserError(
          `--from-artifact ${dir}: more than ${MAX_ARTIFACT_BYTES} bytes of records; refusing the artifact`
        );
      }
    }
  };
  walk(dir, 0);
  const out = { byModel: /* @__PURE__ */ new Map(), refused: [] };
  const dup = /* @__PURE__ */ new Set();
  for (const abs of files) {
    const shown = relative(dir, abs).split(sep).join("/");
    const r = readOne(abs, shown);
    if (!r.record) {
      out.refused.push({ file: shown, reason: r.reason });
      continue;
    }
    const name = r.record.model.name;
    const prev = out.byModel.get(name);
    if (prev || dup.has(name)) {
      out.refused.push({
        file: shown,
        reason: `a second record for model ${name}${prev ? ` (also ${prev.file})` : ""}`
      });
      if (prev) out.refused.push({ file: prev.file, reason: `a second record for model ${name} (also ${shown})` });
      out.byModel.delete(name);
      dup.add(name);
      continue;
    }
    out.byModel.set(name, { record: r.record, file: shown });
  }
  return out;
}

// src/report/build.ts
function signatureOf(repo, m) {
  const r = resolveInside(repo.root, m.dir, m.value.spec.artifact.path);
  if (r.error) return void 0;
  try {
    return readOnnxSignature(readFileSync3(r.abs), m.value.spec.artifact.path);
  } catch {
    return void 0;
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
    signature: signatureOf(repo, m),
    pr: extra.pr,
    approvals: extra.approvals
  };
}
async function buildReport(opts) {
  const repo = loadRepository(opts.cwd);
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
    const dir = opts.recordsDir ? isAbsolute(opts.recordsDir) ? opts.recordsDir : resolve(opts.cwd, opts.recordsDir) : join3(root, RECORDS_DIR);
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
  let validation;
  if (opts.validation === void 0 || opts.validation === true) {
    validation = await validateRepository(root, {
      paths: [...manifests.values()].map((m) => m.dir),
      skipData: opts.skipData
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
    const loaded = records.byModel.get(name);
    const judgeInput = {
      model: m.value,
      record: loaded?.record,
      recordPath: where(name),
      findings,
      modelFile: m.file,
      datasetFiles
    };
    const card = cardInputFor(repo, m, loaded?.record, opts);
    cards.set(name, card);
    const trainSet = m.value.spec.training?.datasets[0];
    const train = trainSet ? repo.datasets.find((d) => d.value.metadata.name === trainSet) : void 0;
    models.push({
      model: m.value,
      modelFile: m.file,
      record: loaded?.record,
      recordFile: loaded?.file,
      verdict: judge(judgeInput),
      findings: findings ? modelFindings(judgeInput) : void 0,
      card: renderCardBody(card),
      drift: validation?.drift.filter((d) => d.model === name).map(({ dataset, psi }) => ({ dataset, psi })),
      driftLimits: { ...repo.config.spec.drift, ...train?.value.spec.drift ?? {} }
    });
  }
  return { root, repo, models, cards, manifests, refused: records.refused };
}

export {
  escapeHtml,
  escapeMd,
  escapeMdLine,
  lowerIsBetter,
  metricName,
  fmt,
  fmtDelta,
  fmtInterval,
  markdownTable,
  CARD_FILE,
  renderModelCard,
  writeModelCard,
  GATE_RULES,
  metricValue,
  deltaOf,
  judge,
  cardInputFor,
  buildReport
};
