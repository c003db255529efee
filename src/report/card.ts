/**
 * The model card, models/<model>/MODEL_CARD.md: YAML front matter that passes the Hugging Face Hub's metadata rules
 * (hub-docs modelcard.md: the Hub verifies `license`, `datasets` and `model-index` on push), then the sections of
 * "Model Cards for Model Reporting" (Mitchell et al.) and of the Hub's card template that modelgate knows the answer
 * to (how to get started, the training procedure, speeds and sizes, recommendations), with the EU AI Act's human
 * oversight (art. 14) and post-market monitoring (art. 72). Every generated part sits between
 * `<!-- modelgate:begin:NAME -->` and `<!-- modelgate:end:NAME -->`; regeneration replaces only those, so text a
 * person wrote outside them survives. Front-matter keys modelgate does not write are kept as well.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import type { Column, Dataset, Model } from "../manifest/schema.ts";
import type { OnnxSignature, ZipMapNode } from "../onnx/signature.ts";
import { servedGraphNote } from "../onnx/zipmap.ts";
import type { EvaluationRecord } from "../records/evaluation.ts";
import { type TrainingRecord, trainingRecordPath, trainingRecordSchema } from "../records/training.ts";
import { writeFileAtomic } from "../util/fs.ts";
import { escapeMd, escapeMdBlock } from "./escape.ts";
import { fmt, fmtInterval, metricName } from "./metric-names.ts";
import { markdownTable } from "markdown-table";

export interface CardDataset {
  name: string;
  /** Manifest path relative to the repository root. */
  file?: string;
  value?: Dataset;
  /** "training" or "evaluation" (a dataset may be both). */
  uses: ("training" | "evaluation")[];
  /**
   * Its id on the Hugging Face Hub (`owner/name`), when it is published there: only such datasets go in the front
   * matter (`datasets`, model-index); a local dataset is described in the card's body.
   */
  hubId?: string;
}

export interface CardApproval {
  reviewer: string;
  /** The commit the approval was given on. */
  commit?: string;
  at?: string;
}

export interface CardInput {
  model: Model;
  record?: EvaluationRecord;
  datasets?: CardDataset[];
  /** Read from the ONNX file when available: opset, producer, inputs, outputs. */
  signature?: OnnxSignature;
  /** The ONNX file's ZipMap nodes: evaluated and served without them (the card says so). */
  zipMaps?: ZipMapNode[];
  /** The artifact's sha256 (defaults to the manifest's, then the record's). */
  modelSha256?: string;
  pr?: { number: number; url?: string };
  approvals?: CardApproval[];
  /** The published image (set by publish): repository@sha256:… */
  image?: string;
  /** The training record (.modelgate/training/<model>.json); shown when it describes this artifact. */
  training?: TrainingRecord;
}

export const CARD_FILE = "MODEL_CARD.md";
const begin = (name: string) => `<!-- modelgate:begin:${name} -->`;
const end = (name: string) => `<!-- modelgate:end:${name} -->`;
const block = (name: string, body: string) => `${begin(name)}\n${body.trim()}\n\n${end(name)}`;
const table = (rows: string[][]) => markdownTable(rows, { alignDelimiters: false });
const TASK: Record<Model["spec"]["task"], { type: string; name: string }> = {
  "binary-classification": { type: "tabular-classification", name: "Binary classification" },
  "multiclass-classification": { type: "tabular-classification", name: "Multiclass classification" },
  regression: { type: "tabular-regression", name: "Regression" },
};
const notGiven = (field: string) => `_Not provided. Write it in \`spec.card.${field}\` of the model manifest._`;
const text = (v: string | undefined, field: string) => (v ? escapeMdBlock(v) : notGiven(field));

/**
 * The license identifiers the Hugging Face Hub accepts (hub-docs docs/hub/repositories-licenses.md). Any other
 * license is written `license: other` with its name in `license_name`, as the Hub asks.
 */
export const HUB_LICENSES: ReadonlySet<string> = new Set(
  (
    "apache-2.0 mit openrail bigscience-openrail-m creativeml-openrail-m bigscience-bloom-rail-1.0 bigcode-openrail-m " +
    "afl-3.0 artistic-2.0 bsl-1.0 bsd bsd-2-clause bsd-3-clause bsd-3-clause-clear c-uda cc cc0-1.0 cc-by-2.0 " +
    "cc-by-2.5 cc-by-3.0 cc-by-4.0 cc-by-sa-3.0 cc-by-sa-4.0 cc-by-nc-2.0 cc-by-nc-3.0 cc-by-nc-4.0 cc-by-nd-4.0 " +
    "cc-by-nc-nd-3.0 cc-by-nc-nd-4.0 cc-by-nc-sa-2.0 cc-by-nc-sa-3.0 cc-by-nc-sa-4.0 cdla-sharing-1.0 " +
    "cdla-permissive-1.0 cdla-permissive-2.0 wtfpl ecl-2.0 epl-1.0 epl-2.0 etalab-2.0 eupl-1.1 eupl-1.2 agpl-3.0 gfdl " +
    "gpl gpl-2.0 gpl-3.0 lgpl lgpl-2.1 lgpl-3.0 isc h-research intel-research lppl-1.3c ms-pl apple-ascl apple-amlr " +
    "mpl-2.0 odc-by odbl openmdw-1.0 openmdw-1.1 openrail++ osl-3.0 postgresql ofl-1.1 ncsa unlicense zlib pddl lgpl-lr " +
    "deepfloyd-if-license fair-noncommercial-research-license llama2 llama3 llama3.1 llama3.2 llama3.3 llama4 " +
    "grok2-community gemma unknown other"
  ).split(" "),
);

/** A dataset id of the Hub: `name` or `owner/name` (letters, digits, `-`, `_`, `.`). */
export const isHubDatasetId = (id: string) => /^[A-Za-z0-9][\w.-]{0,95}(\/[A-Za-z0-9][\w.-]{0,95})?$/.test(id);

/** The front-matter keys modelgate writes: on regeneration an old value of one of them goes, even when none is new. */
const OWNED_KEYS = [
  "license",
  "license_name",
  "library_name",
  "pipeline_tag",
  "tags",
  "datasets",
  "metrics",
  "model-index",
] as const;

/** The Hub id of the evaluation data of the record, when its dataset has one. */
function evaluationHubId(input: CardInput): string | undefined {
  const rec = input.record;
  if (!rec) return undefined;
  const d = (input.datasets ?? []).find((x) => x.name === rec.dataset.name && x.uses.includes("evaluation"));
  return d?.hubId && isHubDatasetId(d.hubId) ? d.hubId : undefined;
}

/**
 * The front matter as an object, by the Hub's rules (hub-docs modelcard.md): the license as a Hub identifier (or
 * `other` with `license_name`); no `library_name` (ONNX is a file format, not one of the Hub's libraries); `datasets`
 * and the model-index only with Hub dataset ids, since the Hub verifies them on push.
 */
export function cardMetadata(input: CardInput): Record<string, unknown> {
  const { model, record } = input;
  const spec = model.spec;
  const task = TASK[spec.task];
  const datasets = (input.datasets ?? [])
    .filter((d) => d.uses.includes("training") && d.hubId && isHubDatasetId(d.hubId))
    .map((d) => d.hubId!);
  const metrics = record
    ? Object.entries(record.candidate.metrics).filter((e): e is [string, number] => typeof e[1] === "number")
    : [];
  const meta: Record<string, unknown> = {};
  if (spec.card.license) {
    const id = spec.card.license.trim().toLowerCase();
    if (HUB_LICENSES.has(id)) meta.license = id;
    else {
      meta.license = "other";
      meta.license_name = id.replace(/[^a-z0-9.+]+/g, "-").replace(/^-+|-+$/g, "") || "other";
    }
  }
  meta.pipeline_tag = task.type;
  meta.tags = [...new Set(["modelgate", "onnx", task.type, `risk-class-${spec.riskClass}`, ...(spec.card.tags ?? [])])];
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
              revision: record.dataset.sha256,
            },
            metrics: metrics.map(([k, v]) => ({ type: k, value: v, name: metricName(k), verified: false })),
          },
        ],
      },
    ];
  }
  return meta;
}

function detailsSection(input: CardInput): string {
  const { model, record } = input;
  const spec = model.spec;
  const sha = input.modelSha256 ?? spec.artifact.sha256 ?? record?.candidate.sha256;
  const rows: string[][] = [
    ["Name", escapeMd(model.metadata.name)],
    ["Version", escapeMd(spec.version)],
    ["Task", TASK[spec.task].name],
    ["Risk class (EU AI Act)", spec.riskClass],
    ["Artifact", `${escapeMd(spec.artifact.path)}${sha ? ` (sha256 ${sha})` : ""}`],
    ["Owners", spec.owners.map(escapeMd).join(", ")],
  ];
  if (record) rows.push(["Evaluation data digest", `sha256 ${record.dataset.sha256}`]);
  if (input.pr)
    rows.push([
      "Pull request",
      input.pr.url && /^https?:\/\/\S+$/.test(input.pr.url)
        ? `[#${input.pr.number}](${input.pr.url})`
        : `#${input.pr.number}`,
    ]);
  if (input.approvals?.length) {
    rows.push([
      "Approved by",
      input.approvals
        .map(
          (a) =>
            `${escapeMd(a.reviewer)}${a.commit ? ` on ${escapeMd(a.commit.slice(0, 12))}` : ""}${a.at ? ` (${escapeMd(a.at)})` : ""}`,
        )
        .join(", "),
    ]);
  }
  if (input.image) rows.push(["Image", escapeMd(input.image)]);
  const summary = spec.card.summary ?? spec.description;
  return `## Model details\n\n${summary ? `${escapeMdBlock(summary)}\n\n` : ""}${table([["", ""], ...rows])}`;
}

function useSection(model: Model): string {
  return [
    "## Intended use",
    text(model.spec.card.intendedUse, "intendedUse"),
    "### Out-of-scope use",
    text(model.spec.card.outOfScopeUse, "outOfScopeUse"),
  ].join("\n\n");
}

function factorsSection(input: CardInput): string {
  const spec = input.model.spec;
  const slices = spec.evaluation.slices.map((s) => escapeMd(s.column));
  const metrics = input.record ? Object.keys(input.record.candidate.metrics).map((m) => escapeMd(metricName(m))) : [];
  const out = [
    "## Factors",
    slices.length
      ? `Performance is reported per value of: ${slices.join(", ")} (slices with fewer than ${spec.evaluation.minSliceSupport} rows are shown but not used for gaps).`
      : "No slice columns are declared (`spec.evaluation.slices`).",
    "## Metrics",
    metrics.length ? `Reported: ${metrics.join(", ")}.` : "No evaluation record yet.",
  ];
  if (spec.task === "binary-classification") out.push(`Decision threshold: ${spec.threshold}.`);
  if (input.record) {
    const b = input.record.bootstrap;
    out.push(`Uncertainty: 95% intervals from ${b.resamples} paired Poisson bootstrap resamples (seed ${b.seed}).`);
  }
  if (spec.gates.length) {
    out.push(
      `Release gates: ${spec.gates
        .map((g) =>
          "sliceGap" in g
            ? escapeMd(`${g.sliceGap} gap over ${g.over} ≤ ${g.max}`)
            : escapeMd(
                `${g.metric} ${[g.min !== undefined ? `≥ ${g.min}` : "", g.max !== undefined ? `≤ ${g.max}` : "", g.maxDrop !== undefined ? `drop ≤ ${g.maxDrop}` : "", g.maxRise !== undefined ? `rise ≤ ${g.maxRise}` : ""].filter(Boolean).join(", ")}`,
              ),
        )
        .join("; ")}.`,
    );
  }
  return out.join("\n\n");
}

const SHEET: [keyof NonNullable<Dataset["spec"]["datasheet"]>, string][] = [
  ["motivation", "Motivation"],
  ["composition", "Composition"],
  ["collection", "Collection"],
  ["preprocessing", "Preprocessing"],
  ["uses", "Uses"],
  ["distribution", "Distribution"],
  ["maintenance", "Maintenance"],
  ["license", "License"],
  ["personalData", "Personal data"],
  ["knownBiases", "Known biases"],
];

function dataSection(input: CardInput): string {
  const out: string[] = [];
  for (const use of ["training", "evaluation"] as const) {
    out.push(`## ${use === "training" ? "Training" : "Evaluation"} data`);
    const ds = (input.datasets ?? []).filter((d) => d.uses.includes(use));
    if (ds.length === 0) {
      out.push(
        use === "training"
          ? "No training datasets declared (`spec.training.datasets`)."
          : "No evaluation datasets found.",
      );
      continue;
    }
    for (const d of ds) {
      const spec = d.value?.spec;
      const facts = spec
        ? [
            spec.rows !== undefined ? `${spec.rows} rows` : "",
            spec.sha256 ? `sha256 ${spec.sha256}` : "",
            `columns: ${spec.columns.map((c) => `${escapeMd(c.name)} (${c.role})`).join(", ")}`,
          ]
            .filter(Boolean)
            .join("; ")
        : "manifest not found";
      out.push(`### ${escapeMd(d.name)}\n\n${d.file ? `${escapeMd(d.file)}: ` : ""}${facts}.`);
      const sheet = spec?.datasheet ?? {};
      const lines = SHEET.filter(([k]) => sheet[k]).map(([k, label]) => `**${label}.** ${escapeMdBlock(sheet[k])}`);
      out.push(lines.length ? lines.join("\n\n") : "_No datasheet fields (`spec.datasheet` of the Dataset manifest)._");
    }
  }
  return out.join("\n\n");
}

function quantSection(input: CardInput): string {
  const rec = input.record;
  if (!rec) return "## Quantitative analyses\n\nNo evaluation record yet: run `modelgate evaluate`.";
  const overall = table([
    ["metric", "value", "95% interval"],
    ...Object.entries(rec.candidate.metrics).map(([k, v]) => {
      const iv = rec.candidate.intervals[k];
      return [escapeMd(metricName(k)), fmt(v, k), iv ? `[${fmt(iv[0], k)}, ${fmt(iv[1], k)}]` : "—"];
    }),
  ]);
  const delta = Object.entries(rec.deltas).length
    ? `\n\nAgainst the baseline${rec.baseline?.version ? ` (${escapeMd(rec.baseline.version)})` : ""}:\n\n${table([
        ["metric", "delta", "95% interval of the delta"],
        ...Object.entries(rec.deltas).map(([k, d]) => [
          escapeMd(metricName(k)),
          fmt(d.delta, k),
          fmtInterval(d.interval, k),
        ]),
      ])}`
    : "";
  const out = [
    `## Quantitative analyses\n\nOn ${escapeMd(rec.dataset.name ?? rec.dataset.path)} (${rec.dataset.rows} rows):\n\n${overall}${delta}`,
  ];
  if (!evaluationHubId(input))
    out.push(
      "_These results are in the card's body only: the front matter's model-index names its evaluation data by a Hugging Face Hub dataset id, which this evaluation data does not have._",
    );
  if (rec.slices.length) {
    const ms = [...new Set(rec.slices.flatMap((s) => Object.keys(s.candidate)))].slice(0, 4);
    out.push(
      `### By slice\n\n${table([
        ["slice", "n", ...ms.map((m) => escapeMd(metricName(m)))],
        ...rec.slices.map((s) => [
          `${escapeMd(s.column)} = ${escapeMd(s.value)}${s.supported ? "" : " (few rows)"}`,
          String(s.count),
          ...ms.map((m) => {
            const iv = s.intervals?.[m];
            return `${fmt(s.candidate[m], m)}${iv ? ` [${fmt(iv[0], m)}, ${fmt(iv[1], m)}]` : ""}`;
          }),
        ]),
      ])}`,
    );
  }
  if (rec.fairness.length) {
    out.push(
      `### Gaps between slices\n\n${rec.fairness
        .filter((f) => f.role === "candidate")
        .map(
          (f) =>
            `- ${escapeMd(f.metric)} over ${escapeMd(f.over)}: ${fmt(f.gap)} (${escapeMd(f.max.value)} ${fmt(f.max.metric)} vs ${escapeMd(f.min.value)} ${fmt(f.min.metric)})`,
        )
        .join("\n")}`,
    );
  }
  return out.join("\n\n");
}

function risksSection(input: CardInput): string {
  const card = input.model.spec.card;
  const biases = (input.datasets ?? []).filter((d) => d.value?.spec.datasheet?.knownBiases);
  return [
    "## Risks, limitations and ethical considerations",
    `Risk class under the EU AI Act: **${input.model.spec.riskClass}**.`,
    "### Limitations",
    text(card.limitations, "limitations"),
    "### Ethical considerations",
    text(card.ethicalConsiderations, "ethicalConsiderations"),
    ...(biases.length
      ? [
          "### Known biases in the data",
          biases.map((d) => `- ${escapeMd(d.name)}: ${escapeMd(d.value!.spec.datasheet!.knownBiases)}`).join("\n"),
        ]
      : []),
    recommendations(input),
  ].join("\n\n");
}

/** The Open Inference Protocol (KServe's v2 protocol, which Triton serves) datatype of an ONNX element type. */
const OIP_TYPE: Record<string, string> = {
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
  string: "BYTES",
};

/** A value for an example request: the column's smallest value or first allowed value, else 0 (or ""). */
function exampleValue(col: Column | undefined, type: string): number | string | boolean {
  const first = col?.values?.[0];
  if (type === "string") return first === undefined ? "" : String(first);
  if (type === "bool") return typeof first === "boolean" ? first : false;
  if (col?.min !== undefined) return col.min;
  return typeof first === "number" ? first : 0;
}

/**
 * One row as an Open Inference Protocol request body, from the ONNX inputs and the evaluation data's columns: the
 * features tensor in tensor mode, one tensor per column in columns mode. Undefined without the model's inputs.
 */
export function exampleRequest(input: CardInput): Record<string, unknown> | undefined {
  const spec = input.model.spec;
  const inputs = input.signature?.inputs ?? spec.signature?.inputs;
  if (!inputs?.length) return undefined;
  const columns = new Map<string, Column>();
  for (const d of input.datasets ?? [])
    if (d.uses.includes("evaluation")) for (const c of d.value?.spec.columns ?? []) columns.set(c.name, c);
  const row = (t: { shape?: (number | string)[] }, n: number) =>
    (t.shape?.length ? t.shape : [1, n]).map((d, i) => (i === 0 || typeof d === "string" || d < 0 ? 1 : d));
  const tensors =
    spec.inputs.mode === "tensor"
      ? inputs
          .filter((t) => t.name === (spec.inputs.tensor ?? inputs[0].name))
          .map((t) => ({
            name: t.name,
            shape: row(t, spec.inputs.features.length),
            datatype: OIP_TYPE[t.type] ?? t.type.toUpperCase(),
            data: spec.inputs.features.map((f) => exampleValue(columns.get(f), t.type)),
          }))
      : inputs.map((t) => ({
          name: t.name,
          shape: row(t, 1),
          datatype: OIP_TYPE[t.type] ?? t.type.toUpperCase(),
          data: [exampleValue(columns.get(t.name), t.type)],
        }));
  return { inputs: tensors };
}

/**
 * Text as an inline code span: Markdown and HTML are not interpreted inside one, so nothing is escaped but the
 * backticks and line breaks that would end it (and, in a table cell, the pipe that would end the cell).
 */
function code(text: string, inTable = false): string {
  const t = text.replace(/[\u0000-\u001f\u007f\u2028\u2029`]/g, "");
  return `\`${inTable ? t.replace(/\|/g, "\\|") : t}\``;
}

/** A fenced code block that no backtick run in `body` can close early. */
function fence(lang: string, body: string): string {
  const run = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const f = "`".repeat(run + 1);
  return `${f}${lang}\n${body}\n${f}`;
}

function startSection(input: CardInput): string {
  const m = input.model;
  const name = m.metadata.name;
  const out = ["## How to get started with the model"];
  out.push(
    input.image
      ? `The image is ${code(input.image)}: the ONNX file as a KServe modelcar (${code(`/models/${name}/1/model.onnx`)} with its Triton configuration), addressed by digest. Each environment's overlay pins it: ${code(`kubectl apply -k deploy/${name}/overlays/<environment>`)}.`
      : `Not published yet: on merge, \`modelgate publish\` builds the image (the ONNX file as a KServe modelcar) and writes its digest here and into ${code(`deploy/${name}/overlays/<environment>`)}.`,
  );
  const body = exampleRequest(input);
  if (m.spec.deployment.target === "kserve" && body) {
    const json = JSON.stringify(body);
    out.push(
      `The InferenceService speaks KServe's v2 (Open Inference Protocol). One row, with each feature at its smallest value in the evaluation data (features: ${m.spec.inputs.features.map(escapeMd).join(", ")}):`,
      fence(
        "sh",
        `curl -s -H "Content-Type: application/json" \\\n  "$(kubectl get inferenceservice ${name} -o jsonpath='{.status.url}')/v2/models/${name}/infer" \\\n  -d '${json.replace(/'/g, "'\\''")}'`,
      ),
      `The response's \`outputs\` hold the model's output tensors${input.model.spec.task === "binary-classification" ? `; a probability at or above ${m.spec.threshold} is the positive class` : ""}.`,
    );
  } else if (body) {
    out.push(
      `Triton serves it on port 8000 (the Service ${escapeMd(name)}); one row, Open Inference Protocol:`,
      fence(
        "sh",
        `curl -s -H "Content-Type: application/json" "http://${name}:8000/v2/models/${name}/infer" \\\n  -d '${JSON.stringify(body).replace(/'/g, "'\\''")}'`,
      ),
    );
  }
  return out.join("\n\n");
}

/** The training record, when it describes the artifact in front of us (its output digest is the artifact's). */
function boundTraining(input: CardInput): { record?: TrainingRecord; note?: string } {
  const t = input.training;
  if (!t) return {};
  const sha = input.modelSha256 ?? input.model.spec.artifact.sha256 ?? input.record?.candidate.sha256;
  if (t.result !== "ok" || !t.output)
    return { note: `The last training run (${escapeMd(t.startedAt)}) failed: ${escapeMd(t.reason ?? "see its log")}.` };
  if (sha && t.output.sha256 !== sha)
    return {
      note: `The training record ${escapeMd(trainingRecordPath(t.model.name))} describes another artifact (sha256 ${t.output.sha256}), not this one (sha256 ${sha}): run \`modelgate train\` again, or this artifact was not trained by modelgate.`,
    };
  return { record: t };
}

function trainingSection(input: CardInput): string {
  const out = ["## Training procedure"];
  const { record: t, note } = boundTraining(input);
  if (!t) {
    out.push(
      note ??
        (input.model.spec.training
          ? "No training record: run `modelgate train`, which writes .modelgate/training/<model>.json next to the model."
          : "Not trained by modelgate: the artifact was committed as it is (`spec.training` declares no command)."),
    );
  } else {
    const rows: string[][] = [
      ["Command", escapeMd(t.command.argv.join(" "))],
      ["Working folder", escapeMd(t.command.workdir)],
      ["Parameters", Object.keys(t.params).length ? code(JSON.stringify(t.params), true) : "none"],
      ["Parameters digest", `sha256 ${t.paramsSha256}`],
      ...t.datasets.map((d) => [
        `Data: ${escapeMd(d.name)}`,
        `${escapeMd(d.path)} (sha256 ${d.sha256}, ${d.sizeBytes} bytes)`,
      ]),
      [
        "Source",
        t.git.commit
          ? `commit ${escapeMd(t.git.commit.slice(0, 12))}${t.git.dirty ? " with uncommitted changes" : ""}`
          : "not a git checkout",
      ],
      [
        "Tools",
        `modelgate ${escapeMd(t.tools.modelgate)}, Node ${escapeMd(t.tools.node)}${t.tools.onnxruntime ? `, onnxruntime ${escapeMd(t.tools.onnxruntime)}` : ""}, ${escapeMd(t.tools.platform)}/${escapeMd(t.tools.arch)}`,
      ],
      ["Record", `${escapeMd(trainingRecordPath(t.model.name))} (its log's sha256 ${t.log.sha256})`],
    ];
    out.push(table([["", ""], ...rows]));
  }
  out.push("### Speeds, sizes, times");
  const lines: string[] = [];
  if (t?.output) lines.push(`- Model file: ${t.output.sizeBytes} bytes.`);
  if (t)
    lines.push(
      `- Training: ${t.durationSeconds.toFixed(1)} s (${escapeMd(t.startedAt)} to ${escapeMd(t.finishedAt)}).`,
    );
  const rec = input.record;
  const lat = rec?.timings?.latency?.candidate;
  if (lat)
    lines.push(
      `- Latency, one row through onnxruntime (${lat.runs} runs, ${lat.intraOpThreads} intra-op thread${lat.intraOpThreads === 1 ? "" : "s"}): p50 ${fmt(lat.p50_ms, "_ms")} ms, p95 ${fmt(lat.p95_ms, "_ms")} ms, p99 ${fmt(lat.p99_ms, "_ms")} ms; in batches of ${lat.batch_size}: ${Math.round(lat.batch_rows_per_s)} rows/s.`,
    );
  if (rec?.timings?.rowsPerSecond)
    lines.push(
      `- Evaluation: ${rec.dataset.rows} rows at ${Math.round(rec.timings.rowsPerSecond)} rows/s, with the bootstrap.`,
    );
  out.push(lines.length ? lines.join("\n") : "No measurement yet: `modelgate evaluate` measures latency.");
  return out.join("\n\n");
}

/** What to do given the gates, the slices and the threshold: facts from the manifest and the record only. */
function recommendations(input: CardInput): string {
  const spec = input.model.spec;
  const rec = input.record;
  const out: string[] = [];
  const gates = spec.gates.filter((g) => !("sliceGap" in g));
  if (gates.length)
    out.push(
      `- Release gates hold on the evaluation data only (${rec ? `${escapeMd(rec.dataset.name ?? rec.dataset.path)}, ${rec.dataset.rows} rows` : "no record yet"}); data unlike it (other periods, regions, channels) needs its own evaluation before the model is used there.`,
    );
  if (rec?.slices.length) {
    const metric = spec.gates.find((g) => "sliceGap" in g)?.sliceGap ?? Object.keys(rec.candidate.metrics)[0];
    for (const column of [...new Set(rec.slices.map((s) => s.column))]) {
      const supported = rec.slices.filter(
        (s) => s.column === column && s.supported && typeof s.candidate[metric] === "number",
      );
      if (supported.length < 2) continue;
      const worst = supported.reduce((a, b) =>
        (a.candidate[metric] as number) <= (b.candidate[metric] as number) ? a : b,
      );
      const overall = rec.candidate.metrics[metric];
      out.push(
        `- ${escapeMd(metricName(metric))} by ${escapeMd(column)}: lowest for ${escapeMd(worst.value)}, ${fmt(worst.candidate[metric], metric)}${typeof overall === "number" ? ` against ${fmt(overall, metric)} overall` : ""} (${worst.count} rows). Review its decisions more closely and watch it in monitoring.`,
      );
    }
    const few = rec.slices.filter((s) => !s.supported);
    if (few.length)
      out.push(
        `- ${few.map((s) => `${escapeMd(s.column)} = ${escapeMd(s.value)} (${s.count} rows)`).join(", ")}: fewer than ${spec.evaluation.minSliceSupport} rows, so no gap is judged on ${few.length === 1 ? "it" : "them"}; do not rely on the model there without more data.`,
      );
  }
  for (const g of spec.gates)
    if ("sliceGap" in g) {
      const f = rec?.fairness.find((x) => x.role === "candidate" && x.metric === g.sliceGap && x.over === g.over);
      if (f && f.gap > g.max)
        out.push(
          `- ${escapeMd(metricName(g.sliceGap))} differs by ${fmt(f.gap)} over ${escapeMd(g.over)}, beyond the ${g.max} its gate allows: the model must not be released as it is.`,
        );
    }
  if (spec.task === "binary-classification")
    out.push(
      `- Decisions are made at the threshold ${spec.threshold}; another threshold trades precision for recall, so evaluate it before using one.`,
    );
  if (spec.riskClass === "high")
    out.push("- A high-risk system under the EU AI Act: keep the human oversight described below in place.");
  return [
    "### Recommendations",
    out.length ? out.join("\n") : "_No gates, slices or record to base recommendations on yet._",
  ].join("\n\n");
}

/** The row that says how the served graph differs from the artifact (a ZipMap removed), when it does. */
function served(input: CardInput): string[][] {
  const note = input.signature && servedGraphNote(input.signature, input.zipMaps ?? []);
  if (!note) return [];
  return [
    [
      "Served graph",
      `${escapeMd(note)}; the image serves the graph that was evaluated (as skl2onnx writes it with zipmap=False), so clients get the evaluated probabilities`,
    ],
  ];
}

function technicalSection(input: CardInput): string {
  const spec = input.model.spec;
  const sig = input.signature;
  const io = (list: { name: string; type: string; shape?: (number | string)[] }[]) =>
    list
      .map(
        (t) =>
          `${escapeMd(t.name)}: ${escapeMd(t.type)}${t.shape ? ` [${t.shape.map((d) => escapeMd(String(d))).join(", ")}]` : ""}`,
      )
      .join("; ");
  const inputs = sig?.inputs ?? spec.signature?.inputs;
  const outputs = sig?.outputs ?? spec.signature?.outputs;
  const rows: string[][] = [
    ["Format", "ONNX"],
    ["Opset", sig ? String(sig.opsetVersion) : "—"],
    ...(sig?.producer ? [["Producer", escapeMd(sig.producer)]] : []),
    ["Inputs", inputs ? io(inputs) : "—"],
    ["Outputs", outputs ? io(outputs) : "—"],
    ...served(input),
    ["Features (in order)", spec.inputs.features.map(escapeMd).join(", ")],
    [
      "Runtime",
      input.record
        ? `onnxruntime ${escapeMd(input.record.runtime.onnxruntime)} (Node ${escapeMd(input.record.runtime.node)})`
        : "onnxruntime",
    ],
    [
      "Serving",
      `${spec.deployment.target === "kserve" ? "KServe InferenceService" : "Triton"}, ${spec.deployment.replicas} replica(s)`,
    ],
  ];
  return `## Technical specifications\n\n${table([["", ""], ...rows])}`;
}

function oversightSection(model: Model): string {
  const card = model.spec.card;
  const high = model.spec.riskClass === "high";
  const need = (v: string | undefined, field: string, art: string) =>
    v ? escapeMdBlock(v) : `${notGiven(field)}${high ? ` A high-risk system needs it (EU AI Act ${art}).` : ""}`;
  return [
    "## Human oversight (EU AI Act art. 14)",
    need(card.humanOversight, "humanOversight", "art. 14"),
    "## Post-market monitoring (EU AI Act art. 72)",
    need(card.postMarketMonitoring, "postMarketMonitoring", "art. 72"),
  ].join("\n\n");
}

function authorsSection(model: Model): string {
  return `## Authors and contact\n\nOwners: ${model.spec.owners.map(escapeMd).join(", ")}.${model.spec.card.contact ? `\n\nContact: ${escapeMd(model.spec.card.contact)}.` : ""}`;
}

/** The generated blocks of the card, in order. */
export function cardBlocks(input: CardInput): [string, string][] {
  const m = input.model;
  return [
    [
      "title",
      `# Model card: ${escapeMd(m.metadata.name)} ${escapeMd(m.spec.version)}\n\n<!-- Written by modelgate. Text between modelgate:begin/end markers is replaced on every run; write your own text outside them, or in spec.card of the model manifest. -->`,
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
    ["authors", authorsSection(m)],
  ];
}

const FRONT = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/**
 * What the PR comment shows of the card: its summary, the facts a reviewer checks first and the intended use; the
 * whole card (data, metrics, risks, oversight) is MODEL_CARD.md, which the comment links to.
 */
export function renderCardSummary(input: CardInput): string {
  const spec = input.model.spec;
  const summary = spec.card.summary ?? spec.description;
  return [
    summary ? escapeMdBlock(summary) : notGiven("summary"),
    `${TASK[spec.task].name}; risk class (EU AI Act): ${spec.riskClass}; owners: ${spec.owners.map(escapeMd).join(", ")}.`,
    `**Intended use.** ${text(spec.card.intendedUse, "intendedUse")}`,
    `**Out of scope.** ${text(spec.card.outOfScopeUse, "outOfScopeUse")}`,
  ].join("\n\n");
}

/**
 * The whole MODEL_CARD.md. With `existing` (the file as it is), generated blocks are replaced in place, new ones
 * inserted after the block before them, and everything else — a person's text, front-matter keys modelgate does
 * not write — kept. A hand-written card without markers keeps its text below the generated one.
 */
export function renderModelCard(input: CardInput, existing?: string): string {
  const meta = cardMetadata(input);
  const blocks = cardBlocks(input);
  let body: string;
  let oldMeta: Record<string, unknown> = {};
  if (existing) {
    const fm = FRONT.exec(existing);
    let rest = existing;
    if (fm) {
      try {
        const parsed = parseYaml(fm[1]);
        if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) oldMeta = parsed as Record<string, unknown>;
      } catch {
        // unparsable front matter: replaced by ours
      }
      rest = existing.slice(fm[0].length);
    }
    const hasMarkers = blocks.some(([name]) => rest.includes(begin(name)));
    if (!hasMarkers) {
      body = `${blocks.map(([n, b]) => block(n, b)).join("\n\n")}\n\n${rest.trim()}`;
    } else {
      body = rest;
      let prev: string | undefined;
      for (const [name, text] of blocks) {
        const s = body.indexOf(begin(name));
        const e = s >= 0 ? body.indexOf(end(name), s) : -1;
        if (s >= 0 && e >= 0) {
          body = body.slice(0, s) + block(name, text) + body.slice(e + end(name).length);
        } else {
          const at = prev ? body.indexOf(end(prev)) : -1;
          const pos = at >= 0 ? at + end(prev!).length : body.length;
          body = `${body.slice(0, pos)}\n\n${block(name, text)}${body.slice(pos)}`;
        }
        prev = name;
      }
    }
  } else {
    body = blocks.map(([n, b]) => block(n, b)).join("\n\n");
  }
  for (const k of OWNED_KEYS) delete oldMeta[k];
  const merged = { ...oldMeta, ...meta };
  return `---\n${stringifyYaml(merged, { lineWidth: 0 })}---\n\n${body.trim()}\n`;
}

/** Writes models/<model>/MODEL_CARD.md (or `path`), keeping what a person wrote. Returns the path and whether it changed. */
export async function writeModelCard(
  modelDir: string,
  input: CardInput,
  path = join(modelDir, CARD_FILE),
): Promise<{ path: string; changed: boolean }> {
  const old = existsSync(path) ? readFileSync(path, "utf8") : undefined;
  const next = renderModelCard(input, old);
  if (next === old) return { path, changed: false };
  await writeFileAtomic(path, next);
  return { path, changed: true };
}

/** The model's training record (.modelgate/training/<model>.json under the root), or undefined when absent or invalid. */
export function trainingRecordOf(root: string, model: string): TrainingRecord | undefined {
  const path = join(root, trainingRecordPath(model));
  if (!existsSync(path)) return undefined;
  try {
    const parsed = trainingRecordSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
    return parsed.success && parsed.data.model.name === model ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
