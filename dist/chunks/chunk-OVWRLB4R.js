import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  validateRepository
} from "./chunk-APDG3SIG.js";
import {
  DRIFT_ALPHA
} from "./chunk-JOETGJTL.js";
import {
  GATE_RULES,
  deltaOf,
  fmt,
  fmtCount,
  fmtDelta,
  fmtInterval,
  judge,
  lowerIsBetter,
  metricName,
  metricValue,
  modelFindings,
  worst
} from "./chunk-GBOQY7F6.js";
import {
  trainingRecordPath,
  trainingRecordSchema
} from "./chunk-REJUCCMN.js";
import {
  checkRecordBinding,
  loadArtifact,
  loadRecordsDir,
  modelsWithRecords,
  staleRecordMessage
} from "./chunk-LHB2DN4U.js";
import {
  RECORDS_DIR
} from "./chunk-VRZ2CJVB.js";
import {
  servedGraphNote
} from "./chunk-7CYA4NHE.js";
import {
  graphFacts,
  readOnnxModel,
  sha256File
} from "./chunk-AZ7PF7DE.js";
import {
  escapeHtml,
  escapeMd,
  escapeMdBlock,
  escapeMdLine
} from "./chunk-U73FS3GH.js";
import {
  CHECK_TEXT_MAX,
  PR_COMMENT_MARKER,
  clip,
  createOrUpdateCheckRun,
  getPullRequest,
  upsertStickyComment,
  writeJobSummary
} from "./chunk-YA4536HC.js";
import {
  at,
  findModel,
  loadRepository,
  repoRelative,
  resolveInside
} from "./chunk-7X65H3OX.js";
import {
  writeFileAtomic
} from "./chunk-RQB7ZENY.js";
import {
  require_dist
} from "./chunk-E5SOOXKQ.js";
import {
  UserError
} from "./chunk-H5EPG2ZH.js";
import {
  __toESM
} from "./chunk-ZGDBGMMU.js";

// src/report/card.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

// node_modules/markdown-table/index.js
function defaultStringLength(value) {
  return value.length;
}
function markdownTable(table3, options) {
  const settings = options || {};
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  const alignments = [];
  const cellMatrix = [];
  const sizeMatrix = [];
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;
  while (++rowIndex < table3.length) {
    const row2 = [];
    const sizes2 = [];
    let columnIndex2 = -1;
    if (table3[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table3[rowIndex].length;
    }
    while (++columnIndex2 < table3[rowIndex].length) {
      const cell = serialize(table3[rowIndex][columnIndex2]);
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
    const code2 = toAlignment(align);
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code2;
    }
  }
  columnIndex = -1;
  const row = [];
  const sizes = [];
  while (++columnIndex < mostCellsPerRow) {
    const code2 = alignments[columnIndex];
    let before = "";
    let after = "";
    if (code2 === 99) {
      before = ":";
      after = ":";
    } else if (code2 === 108) {
      before = ":";
    } else if (code2 === 114) {
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
        const code2 = alignments[columnIndex];
        if (code2 === 114) {
          before = " ".repeat(size);
        } else if (code2 === 99) {
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
  const code2 = typeof value === "string" ? value.codePointAt(0) : 0;
  return code2 === 67 || code2 === 99 ? 99 : code2 === 76 || code2 === 108 ? 108 : code2 === 82 || code2 === 114 ? 114 : 0;
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
var HUB_LICENSES = new Set(
  "apache-2.0 mit openrail bigscience-openrail-m creativeml-openrail-m bigscience-bloom-rail-1.0 bigcode-openrail-m afl-3.0 artistic-2.0 bsl-1.0 bsd bsd-2-clause bsd-3-clause bsd-3-clause-clear c-uda cc cc0-1.0 cc-by-2.0 cc-by-2.5 cc-by-3.0 cc-by-4.0 cc-by-sa-3.0 cc-by-sa-4.0 cc-by-nc-2.0 cc-by-nc-3.0 cc-by-nc-4.0 cc-by-nd-4.0 cc-by-nc-nd-3.0 cc-by-nc-nd-4.0 cc-by-nc-sa-2.0 cc-by-nc-sa-3.0 cc-by-nc-sa-4.0 cdla-sharing-1.0 cdla-permissive-1.0 cdla-permissive-2.0 wtfpl ecl-2.0 epl-1.0 epl-2.0 etalab-2.0 eupl-1.1 eupl-1.2 agpl-3.0 gfdl gpl gpl-2.0 gpl-3.0 lgpl lgpl-2.1 lgpl-3.0 isc h-research intel-research lppl-1.3c ms-pl apple-ascl apple-amlr mpl-2.0 odc-by odbl openmdw-1.0 openmdw-1.1 openrail++ osl-3.0 postgresql ofl-1.1 ncsa unlicense zlib pddl lgpl-lr deepfloyd-if-license fair-noncommercial-research-license llama2 llama3 llama3.1 llama3.2 llama3.3 llama4 grok2-community gemma unknown other".split(" ")
);
var isHubDatasetId = (id) => /^[A-Za-z0-9][\w.-]{0,95}(\/[A-Za-z0-9][\w.-]{0,95})?$/.test(id);
var OWNED_KEYS = [
  "license",
  "license_name",
  "library_name",
  "pipeline_tag",
  "tags",
  "datasets",
  "metrics",
  "model-index"
];
function evaluationHubId(input) {
  const rec = input.record;
  if (!rec) return void 0;
  const d = (input.datasets ?? []).find((x) => x.name === rec.dataset.name && x.uses.includes("evaluation"));
  return d?.hubId && isHubDatasetId(d.hubId) ? d.hubId : void 0;
}
function cardMetadata(input) {
  const { model, record } = input;
  const spec = model.spec;
  const task = TASK[spec.task];
  const datasets = (input.datasets ?? []).filter((d) => d.uses.includes("training") && d.hubId && isHubDatasetId(d.hubId)).map((d) => d.hubId);
  const metrics = record ? Object.entries(record.candidate.metrics).filter((e) => typeof e[1] === "number") : [];
  const meta = {};
  if (spec.card.license) {
    const id = spec.card.license.trim().toLowerCase();
    if (HUB_LICENSES.has(id)) meta.license = id;
    else {
      meta.license = "other";
      meta.license_name = id.replace(/[^a-z0-9.+]+/g, "-").replace(/^-+|-+$/g, "") || "other";
    }
  }
  meta.pipeline_tag = task.type;
  meta.tags = [.../* @__PURE__ */ new Set(["modelgate", "onnx", task.type, `risk-class-${spec.riskClass}`, ...spec.card.tags ?? []])];
  if (datasets.length) meta.datasets = [...new Set(datasets)];
  if (metrics.length) meta.metrics = metrics.map(([k]) => k);
  const hubEval = evaluationHubId(input);
  if (record && metrics.length && hubEval) {
    meta["model-index"] = [
      {
        name: model.metadata.name,
        results: [
          {
            task: { type: task.type, name: task.name },
            dataset: {
              type: hubEval,
              name: record.dataset.name ?? record.dataset.path,
              split: "evaluation",
              revision: record.dataset.sha256
            },
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
  if (!evaluationHubId(input))
    out.push(
      "_These results are in the card's body only: the front matter's model-index names its evaluation data by a Hugging Face Hub dataset id, which this evaluation data does not have._"
    );
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
    ] : [],
    recommendations(input)
  ].join("\n\n");
}
var OIP_TYPE = {
  bool: "BOOL",
  uint8: "UINT8",
  uint16: "UINT16",
  uint32: "UINT32",
  uint64: "UINT64",
  int8: "INT8",
  int16: "INT16",
  int32: "INT32",
  int64: "INT64",
  float16: "FP16",
  float32: "FP32",
  float64: "FP64",
  bfloat16: "BF16",
  string: "BYTES"
};
function exampleValue(col, type) {
  const first = col?.values?.[0];
  if (type === "string") return first === void 0 ? "" : String(first);
  if (type === "bool") return typeof first === "boolean" ? first : false;
  if (col?.min !== void 0) return col.min;
  return typeof first === "number" ? first : 0;
}
function exampleRequest(input) {
  const spec = input.model.spec;
  const inputs = input.signature?.inputs ?? spec.signature?.inputs;
  if (!inputs?.length) return void 0;
  const columns = /* @__PURE__ */ new Map();
  for (const d of input.datasets ?? [])
    if (d.uses.includes("evaluation")) for (const c of d.value?.spec.columns ?? []) columns.set(c.name, c);
  const row = (t, n) => (t.shape?.length ? t.shape : [1, n]).map((d, i) => i === 0 || typeof d === "string" || d < 0 ? 1 : d);
  const tensors = spec.inputs.mode === "tensor" ? inputs.filter((t) => t.name === (spec.inputs.tensor ?? inputs[0].name)).map((t) => ({
    name: t.name,
    shape: row(t, spec.inputs.features.length),
    datatype: OIP_TYPE[t.type] ?? t.type.toUpperCase(),
    data: spec.inputs.features.map((f) => exampleValue(columns.get(f), t.type))
  })) : inputs.map((t) => ({
    name: t.name,
    shape: row(t, 1),
    datatype: OIP_TYPE[t.type] ?? t.type.toUpperCase(),
    data: [exampleValue(columns.get(t.name), t.type)]
  }));
  return { inputs: tensors };
}
function code(text2, inTable = false) {
  const t = text2.replace(/[\u0000-\u001f\u007f\u2028\u2029`]/g, "");
  return `\`${inTable ? t.replace(/\|/g, "\\|") : t}\``;
}
function fence(lang, body) {
  const run = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const f = "`".repeat(run + 1);
  return `${f}${lang}
${body}
${f}`;
}
function startSection(input) {
  const m = input.model;
  const name = m.metadata.name;
  const out = ["## How to get started with the model"];
  out.push(
    input.image ? `The image is ${code(input.image)}: the ONNX file as a KServe modelcar (${code(`/models/${name}/1/model.onnx`)} with its Triton configuration), addressed by digest. Each environment's overlay pins it: ${code(`kubectl apply -k deploy/${name}/overlays/<environment>`)}.` : `Not published yet: on merge, \`modelgate publish\` builds the image (the ONNX file as a KServe modelcar) and writes its digest here and into ${code(`deploy/${name}/overlays/<environment>`)}.`
  );
  const body = exampleRequest(input);
  if (m.spec.deployment.target === "kserve" && body) {
    const json = JSON.stringify(body);
    out.push(
      `The InferenceService speaks KServe's v2 (Open Inference Protocol). One row, with each feature at its smallest value in the evaluation data (features: ${m.spec.inputs.features.map(escapeMd).join(", ")}):`,
      fence(
        "sh",
        `curl -s -H "Content-Type: application/json" \\
  "$(kubectl get inferenceservice ${name} -o jsonpath='{.status.url}')/v2/models/${name}/infer" \\
  -d '${json.replace(/'/g, "'\\''")}'`
      ),
      `The response's \`outputs\` hold the model's output tensors${input.model.spec.task === "binary-classification" ? `; a probability at or above ${m.spec.threshold} is the positive class` : ""}.`
    );
  } else if (body) {
    out.push(
      `Triton serves it on port 8000 (the Service ${escapeMd(name)}); one row, Open Inference Protocol:`,
      fence(
        "sh",
        `curl -s -H "Content-Type: application/json" "http://${name}:8000/v2/models/${name}/infer" \\
  -d '${JSON.stringify(body).replace(/'/g, "'\\''")}'`
      )
    );
  }
  return out.join("\n\n");
}
function boundTraining(input) {
  const t = input.training;
  if (!t) return {};
  const sha = input.modelSha256 ?? input.model.spec.artifact.sha256 ?? input.record?.candidate.sha256;
  if (t.result !== "ok" || !t.output)
    return { note: `The last training run (${escapeMd(t.startedAt)}) failed: ${escapeMd(t.reason ?? "see its log")}.` };
  if (sha && t.output.sha256 !== sha)
    return {
      note: `The training record ${escapeMd(trainingRecordPath(t.model.name))} describes another artifact (sha256 ${t.output.sha256}), not this one (sha256 ${sha}): run \`modelgate train\` again, or this artifact was not trained by modelgate.`
    };
  return { record: t };
}
function trainingSection(input) {
  const out = ["## Training procedure"];
  const { record: t, note } = boundTraining(input);
  if (!t) {
    out.push(
      note ?? (input.model.spec.training ? "No training record: run `modelgate train`, which writes .modelgate/training/<model>.json next to the model." : "Not trained by modelgate: the artifact was committed as it is (`spec.training` declares no command).")
    );
  } else {
    const rows = [
      ["Command", escapeMd(t.command.argv.join(" "))],
      ["Working folder", escapeMd(t.command.workdir)],
      ["Parameters", Object.keys(t.params).length ? code(JSON.stringify(t.params), true) : "none"],
      ["Parameters digest", `sha256 ${t.paramsSha256}`],
      ...t.datasets.map((d) => [
        `Data: ${escapeMd(d.name)}`,
        `${escapeMd(d.path)} (sha256 ${d.sha256}, ${d.sizeBytes} bytes)`
      ]),
      [
        "Source",
        t.git.commit ? `commit ${escapeMd(t.git.commit.slice(0, 12))}${t.git.dirty ? " with uncommitted changes" : ""}` : "not a git checkout"
      ],
      [
        "Tools",
        `modelgate ${escapeMd(t.tools.modelgate)}, Node ${escapeMd(t.tools.node)}${t.tools.onnxruntime ? `, onnxruntime ${escapeMd(t.tools.onnxruntime)}` : ""}, ${escapeMd(t.tools.platform)}/${escapeMd(t.tools.arch)}`
      ],
      ["Record", `${escapeMd(trainingRecordPath(t.model.name))} (its log's sha256 ${t.log.sha256})`]
    ];
    out.push(table([["", ""], ...rows]));
  }
  out.push("### Speeds, sizes, times");
  const lines = [];
  if (t?.output) lines.push(`- Model file: ${t.output.sizeBytes} bytes.`);
  if (t)
    lines.push(
      `- Training: ${t.durationSeconds.toFixed(1)} s (${escapeMd(t.startedAt)} to ${escapeMd(t.finishedAt)}).`
    );
  const rec = input.record;
  const lat = rec?.timings?.latency?.candidate;
  if (lat)
    lines.push(
      `- Latency, one row through onnxruntime (${lat.runs} runs, ${lat.intraOpThreads} intra-op thread${lat.intraOpThreads === 1 ? "" : "s"}): p50 ${fmt(lat.p50_ms, "_ms")} ms, p95 ${fmt(lat.p95_ms, "_ms")} ms, p99 ${fmt(lat.p99_ms, "_ms")} ms; in batches of ${lat.batch_size}: ${Math.round(lat.batch_rows_per_s)} rows/s.`
    );
  if (rec?.timings?.rowsPerSecond)
    lines.push(
      `- Evaluation: ${rec.dataset.rows} rows at ${Math.round(rec.timings.rowsPerSecond)} rows/s, with the bootstrap.`
    );
  out.push(lines.length ? lines.join("\n") : "No measurement yet: `modelgate evaluate` measures latency.");
  return out.join("\n\n");
}
function recommendations(input) {
  const spec = input.model.spec;
  const rec = input.record;
  const out = [];
  const gates = spec.gates.filter((g) => !("sliceGap" in g));
  if (gates.length)
    out.push(
      `- Release gates hold on the evaluation data only (${rec ? `${escapeMd(rec.dataset.name ?? rec.dataset.path)}, ${rec.dataset.rows} rows` : "no record yet"}); data unlike it (other periods, regions, channels) needs its own evaluation before the model is used there.`
    );
  if (rec?.slices.length) {
    const metric = spec.gates.find((g) => "sliceGap" in g)?.sliceGap ?? Object.keys(rec.candidate.metrics)[0];
    for (const column of [...new Set(rec.slices.map((s) => s.column))]) {
      const supported = rec.slices.filter(
        (s) => s.column === column && s.supported && typeof s.candidate[metric] === "number"
      );
      if (supported.length < 2) continue;
      const worst2 = supported.reduce(
        (a, b) => a.candidate[metric] <= b.candidate[metric] ? a : b
      );
      const overall = rec.candidate.metrics[metric];
      out.push(
        `- ${escapeMd(metricName(metric))} by ${escapeMd(column)}: lowest for ${escapeMd(worst2.value)}, ${fmt(worst2.candidate[metric], metric)}${typeof overall === "number" ? ` against ${fmt(overall, metric)} overall` : ""} (${worst2.count} rows). Review its decisions more closely and watch it in monitoring.`
      );
    }
    const few = rec.slices.filter((s) => !s.supported);
    if (few.length)
      out.push(
        `- ${few.map((s) => `${escapeMd(s.column)} = ${escapeMd(s.value)} (${s.count} rows)`).join(", ")}: fewer than ${spec.evaluation.minSliceSupport} rows, so no gap is judged on ${few.length === 1 ? "it" : "them"}; do not rely on the model there without more data.`
      );
  }
  for (const g of spec.gates)
    if ("sliceGap" in g) {
      const f = rec?.fairness.find((x) => x.role === "candidate" && x.metric === g.sliceGap && x.over === g.over);
      if (f && f.gap > g.max)
        out.push(
          `- ${escapeMd(metricName(g.sliceGap))} differs by ${fmt(f.gap)} over ${escapeMd(g.over)}, beyond the ${g.max} its gate allows: the model must not be released as it is.`
        );
    }
  if (spec.task === "binary-classification")
    out.push(
      `- Decisions are made at the threshold ${spec.threshold}; another threshold trades precision for recall, so evaluate it before using one.`
    );
  if (spec.riskClass === "high")
    out.push("- A high-risk system under the EU AI Act: keep the human oversight described below in place.");
  return [
    "### Recommendations",
    out.length ? out.join("\n") : "_No gates, slices or record to base recommendations on yet._"
  ].join("\n\n");
}
function served(input) {
  const note = input.signature && servedGraphNote(input.signature, input.zipMaps ?? []);
  if (!note) return [];
  return [
    [
      "Served graph",
      `${escapeMd(note)}; the image serves the graph that was evaluated (as skl2onnx writes it with zipmap=False), so clients get the evaluated probabilities`
    ]
  ];
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
    ...served(input),
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
    ["start", startSection(input)],
    ["factors", factorsSection(input)],
    ["data", dataSection(input)],
    ["training", trainingSection(input)],
    ["quantitative", quantSection(input)],
    ["risks", risksSection(input)],
    ["technical", technicalSection(input)],
    ["oversight", oversightSection(m)],
    ["authors", authorsSection(m)]
  ];
}
var FRONT = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
function renderCardSummary(input) {
  const spec = input.model.spec;
  const summary = spec.card.summary ?? spec.description;
  return [
    summary ? escapeMdBlock(summary) : notGiven("summary"),
    `${TASK[spec.task].name}; risk class (EU AI Act): ${spec.riskClass}; owners: ${spec.owners.map(escapeMd).join(", ")}.`,
    `**Intended use.** ${text(spec.card.intendedUse, "intendedUse")}`,
    `**Out of scope.** ${text(spec.card.outOfScopeUse, "outOfScopeUse")}`
  ].join("\n\n");
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
          const at2 = prev ? body.indexOf(end(prev)) : -1;
          const pos = at2 >= 0 ? at2 + end(prev).length : body.length;
          body = `${body.slice(0, pos)}

${block(name, text2)}${body.slice(pos)}`;
        }
        prev = name;
      }
    }
  } else {
    body = blocks.map(([n, b]) => block(n, b)).join("\n\n");
  }
  for (const k of OWNED_KEYS) delete oldMeta[k];
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
function trainingRecordOf(root, model) {
  const path = join(root, trainingRecordPath(model));
  if (!existsSync(path)) return void 0;
  try {
    const parsed = trainingRecordSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
    return parsed.success && parsed.data.model.name === model ? parsed.data : void 0;
  } catch {
    return void 0;
  }
}

// src/report/recompute.ts
import { lstatSync, readdirSync } from "node:fs";
import { join as join2, relative, sep } from "node:path";
var MAX_ARTIFACT_MODELS = 100;
var MAX_MODEL_BYTES = 4 * 1024 * 1024 * 1024;
var MAX_DEPTH = 6;
var RECOMPUTE_TOLERANCE = 1e-6;
async function artifactModels(dir) {
  const files = [];
  const walk = (d, depth) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = join2(d, e.name);
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

// src/report/build.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { isAbsolute, join as join3, resolve } from "node:path";
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
  const r = resolveInside(repo.root, m.dir, m.value.spec.artifact.path);
  if (r.error) return {};
  try {
    const { model, signature } = readOnnxModel(readFileSync2(r.abs), m.value.spec.artifact.path);
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
var table2 = (rows, align) => markdownTable(rows, { align, alignDelimiters: false });
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
    const text2 = bad.slice(0, 2).map((x, i) => i === 0 ? escapeMdLine(x.reason) : escapeMd(x.reason));
    return text2.join("; ") + (bad.length > 2 ? ` (and ${bad.length - 2} more)` : "");
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
  const t = table2(
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
    return table2([["metric", "candidate", "95% interval", "gate"], ...rows2], ["l", "r", "c", "l"]);
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
  const t = table2(
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
  return table2(
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
    let t = table2([head, ...rows], ["l", "r", ...metrics.flatMap(() => withDelta ? ["r", "r"] : ["r"])]);
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

${table2(
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

${table2([
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
  const list = (fs) => table2(
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
    const t = table2(
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
    const t = table2(
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
      table2(
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
  const text2 = bad ? bad.reason : m.verdict.results[0]?.reason ?? "no gates declared";
  return escapeMd(text2.length > 120 ? `${text2.slice(0, 119)}\u2026` : text2);
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

export {
  CARD_FILE,
  renderModelCard,
  writeModelCard,
  artifactModels,
  cardInputFor,
  buildReport,
  renderReport,
  checkName,
  postReport
};
