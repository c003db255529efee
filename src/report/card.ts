/**
 * The model card, models/<model>/MODEL_CARD.md: YAML front matter in Hugging Face's model-index layout, then the
 * sections of "Model Cards for Model Reporting" (Mitchell et al.) with the EU AI Act's human oversight (art. 14) and
 * post-market monitoring (art. 72). Every generated part sits between `<!-- modelgate:begin:NAME -->` and
 * `<!-- modelgate:end:NAME -->`; regeneration replaces only those, so text a person wrote outside them survives.
 * Front-matter keys modelgate does not write are kept as well.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import type { Dataset, Model } from "../manifest/schema.ts";
import type { OnnxSignature, ZipMapNode } from "../onnx/signature.ts";
import { servedGraphNote } from "../onnx/zipmap.ts";
import type { EvaluationRecord } from "../records/evaluation.ts";
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

/** The front matter as an object, in Hugging Face's layout (license only when given; ids lowercased as HF lists them). */
export function cardMetadata(input: CardInput): Record<string, unknown> {
  const { model, record } = input;
  const spec = model.spec;
  const task = TASK[spec.task];
  const datasets = (input.datasets ?? []).map((d) => d.name);
  const metrics = record
    ? Object.entries(record.candidate.metrics).filter((e): e is [string, number] => typeof e[1] === "number")
    : [];
  const meta: Record<string, unknown> = {};
  if (spec.card.license) meta.license = spec.card.license.toLowerCase();
  meta.library_name = "onnx";
  meta.pipeline_tag = task.type;
  meta.tags = [...new Set(["modelgate", "onnx", task.type, `risk-class-${spec.riskClass}`, ...(spec.card.tags ?? [])])];
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
  const lat = input.record?.timings?.latency?.candidate;
  if (lat)
    rows.push([
      "Latency (one row)",
      `p50 ${fmt(lat.p50_ms, "_ms")} ms, p95 ${fmt(lat.p95_ms, "_ms")} ms, p99 ${fmt(lat.p99_ms, "_ms")} ms`,
    ]);
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
    ["factors", factorsSection(input)],
    ["data", dataSection(input)],
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
