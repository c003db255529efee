import { createRequire } from 'node:module';
import { t as trainingRecordSchema } from './chunk-AUVY43KH-ByPVU_Dd.js';
import { T as escapeMdBlock, U as metricName, f as escapeMd, V as fmt, W as fmtInterval, X as trainingRecordPath } from './hot-audit-verify-DZYJh8zf.js';
import { s as servedGraphNote } from './chunk-UBMSCOQN-DvpQ3ehE.js';
import { w as writeFileAtomic } from './hot-validate-plan-audit-verify-DglurztO.js';
import { r as require_dist } from './hot-plan-YWGJn6IT.js';
import { c as __toESM } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const require$1 = createRequire(import.meta.url);

// src/report/card.ts
var import_yaml = __toESM(require_dist(), 1);

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
      const worst = supported.reduce(
        (a, b) => a.candidate[metric] <= b.candidate[metric] ? a : b
      );
      const overall = rec.candidate.metrics[metric];
      out.push(
        `- ${escapeMd(metricName(metric))} by ${escapeMd(column)}: lowest for ${escapeMd(worst.value)}, ${fmt(worst.candidate[metric], metric)}${typeof overall === "number" ? ` against ${fmt(overall, metric)} overall` : ""} (${worst.count} rows). Review its decisions more closely and watch it in monitoring.`
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

export { CARD_FILE as C, renderCardSummary as a, markdownTable as m, renderModelCard as r, trainingRecordOf as t, writeModelCard as w };
