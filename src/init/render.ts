import { stringify } from "yaml";
import { API_VERSION } from "../manifest/schema.ts";
import type { ColumnPlan, InputPlan, Task } from "./infer.ts";
import type { LabelMapping } from "./labels.ts";

/**
 * The files `modelgate init` writes, as text: manifests with their guesses marked `# review:` and what only a person
 * can write marked `# TODO:`, so that init can list both with their lines. Pure: values in, text out. Every value
 * that came from a file (column names, values) goes through `y()`, which quotes it as YAML needs.
 */

/** A value as a YAML flow scalar or flow sequence, quoted where YAML needs it. */
export function y(v: unknown): string {
  if (typeof v === "string" && /[\u0000-\u001f\u007f\u2028\u2029]/.test(v)) return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(y).join(", ")}]`;
  return stringify(v, { lineWidth: 0, flowCollectionPadding: false, collectionStyle: "flow" }).trimEnd();
}

/** The first line of a manifest: where editors find its JSON Schema (see `schemaLocation` in home.ts). */
const SCHEMA = (location: string) => `# yaml-language-server: $schema=${location}`;

export function renderConfig(name: string, schema: string): string {
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

const DATASHEET = [
  ["motivation", "why the dataset was created, by whom, for which task"],
  ["composition", "what a row is, how many, which period, what is missing"],
  ["collection", "how the data was collected and sampled"],
  ["preprocessing", "cleaning, labelling, filtering applied"],
  ["license", "the data's license or terms of use"],
  ["personalData", "whether it holds personal data, which, and on what basis"],
  ["knownBiases", "groups under- or over-represented, label noise"],
];

function columnYaml(c: ColumnPlan, labelReview?: string): string {
  const lines = [`    - name: ${y(c.name)}`, `      type: ${c.type}`];
  const role = c.role === "feature" ? "" : `      role: ${c.role}`;
  const review = c.role === "label" ? labelReview : c.review;
  if (role) lines.push(review ? `${role} # review: ${review}` : role);
  else if (review) lines[1] += ` # review: ${review}`;
  if (c.nullable) lines.push("      nullable: true");
  if (c.unique) lines.push("      unique: true");
  if (c.min !== undefined) lines.push(`      min: ${y(c.min)}`);
  if (c.max !== undefined) lines.push(`      max: ${y(c.max)}`);
  if (c.expected) lines.push(`      expected: ${y(c.expected)}`);
  if (c.values) lines.push(`      values: ${y(c.values)}`);
  return lines.join("\n");
}

export function renderDataset(o: {
  name: string;
  path: string;
  columns: ColumnPlan[];
  labelReview?: string;
  /** Where the manifest's $schema comment points. */
  schema: string;
  source: string;
}): string {
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

const CARD = [
  ["summary", "what the model does, in one or two sentences"],
  ["intendedUse", "who uses it, for which decisions"],
  ["outOfScopeUse", "uses it must not be put to"],
  ["limitations", "where it is known to be weak"],
  ["ethicalConsiderations", "who could be harmed by its errors, and how that is watched"],
  ["humanOversight", "how people check and can override it (EU AI Act art. 14)"],
  ["postMarketMonitoring", "how it is watched in production (EU AI Act art. 72)"],
  ["license", "the model's license"],
  ["contact", "who to ask"],
];

function gatesYaml(task: Task, classes: number): string[] {
  if (task === "binary-classification")
    return [
      "    - {metric: roc_auc, min: 0.5} # TODO: the lowest ROC AUC you accept",
      "    - {metric: roc_auc, maxDrop: 0.01} # against the baseline, judged on the paired 95% interval",
    ];
  if (task === "multiclass-classification")
    return [
      `    - {metric: accuracy, min: ${Number((1 / Math.max(classes, 2)).toFixed(4))}} # TODO: the lowest accuracy you accept (this is chance)`,
      "    - {metric: f1_macro, maxDrop: 0.01} # against the baseline, judged on the paired 95% interval",
    ];
  return [
    "    - {metric: r2, min: 0} # TODO: the lowest R² you accept",
    "    - {metric: r2, maxDrop: 0.01} # against the baseline, judged on the paired 95% interval",
  ];
}

export interface ModelRender {
  name: string;
  artifact: string;
  task: Task;
  taskWhy: string;
  taskConfirmed: boolean;
  owners: string[];
  inputs: InputPlan;
  featuresReview?: string;
  outputs: { probability?: string; label?: string; value?: string };
  label: string;
  /** How the label's values map to the model's probability columns (src/init/labels.ts). */
  mapping: LabelMapping;
  /** How many classes the label has (for the multiclass starter gate). */
  classCount: number;
  dataset: string;
  slices: string[];
  /** Where the manifest's $schema comment points. */
  schema: string;
}

export function renderModel(o: ModelRender): string {
  const outputs = Object.entries(o.outputs).filter(([, v]) => v !== undefined);
  const ownersLine = o.owners.length
    ? `  owners: ${y(o.owners)}`
    : "  owners: [your-github-login] # TODO: GitHub logins or org/team slugs who own this model";
  const taskNote = o.taskConfirmed ? `${o.taskWhy}; confirmed` : `review: ${o.taskWhy}; pass --task to confirm`;
  const label = [`    column: ${y(o.label)}`];
  const m = o.mapping;
  if (m.classes) label.push(`    classes: ${y(m.classes)}${m.classesNote ? ` # ${m.classesNote}` : ""}`);
  if (m.labels) label.push(`    labels: ${y(m.labels)} # each label → the model's class, as you answered`);
  if (m.positive !== undefined)
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
${o.inputs.tensor ? `    tensor: ${y(o.inputs.tensor)}\n` : ""}    features: ${y(o.inputs.features)}${o.featuresReview ? ` # review: ${o.featuresReview}` : ""}
${outputs.length ? `  outputs:\n${outputs.map(([k, v]) => `    ${k}: ${y(v)}`).join("\n")}\n` : ""}  label:
${label.join("\n")}
${o.task === "regression" ? "" : "  threshold: 0.5 # a score at or above it is the positive class\n"}  # training: how CI retrains the model in a pull request (see \`modelgate train --help\`), e.g.
  #   command: [python, train.py, --params, "{params}", --out, "{output}"]
  #   datasets: [a-training-dataset]
  evaluation:
    datasets: [${y(o.dataset)}]
${o.slices.length ? `    slices:\n${o.slices.map((s) => `      - column: ${y(s)}`).join("\n")}\n` : ""}  gates:
${gatesYaml(o.task, o.classCount).join("\n")}
  # TODO: the model card, what only a person can write: replace \`card: {}\` with these fields, written out:
  # card:
${CARD.map(([k, v]) => `  #   ${k}: ${v}`).join("\n")}
  card: {}
`;
}
