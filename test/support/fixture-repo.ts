import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { sharedBusyboxBase } from "./busybox-base.ts";
import { logisticRegressionModel } from "./onnx-build.ts";
import { rng } from "../../src/util/random.ts";

export { rng };

const sha = (b: string | Uint8Array) => createHash("sha256").update(b).digest("hex");

/** CSV rows for a small churn-like dataset: tenure, spend, region (slice), churned (label). */
export function churnCsv(seed: number, rows: number, shift = 0): string {
  const r = rng(seed);
  const lines = ["customer_id,tenure,spend,region,churned"];
  for (let i = 0; i < rows; i++) {
    const tenure = Math.floor(r() * 60) + shift * 20;
    const spend = Math.round((20 + r() * 80 + shift * 40) * 100) / 100;
    const region = ["north", "south", "east"][Math.floor(r() * 3)];
    const p = 1 / (1 + Math.exp(-(1.5 - tenure / 15 + spend / 100)));
    const churned = r() < p ? 1 : 0;
    lines.push(`${seed * 100000 + i},${tenure},${spend},${region},${churned}`);
  }
  return `${lines.join("\n")}\n`;
}

const datasetYaml = (name: string, path: string, digest: string, rows: number) => `apiVersion: modelgate.dev/v1alpha1
kind: Dataset
metadata:
  name: ${name}
spec:
  path: ${path}
  sha256: ${digest}
  rows: ${rows}
  columns:
    - name: customer_id
      type: integer
      role: id
      unique: true
    - name: tenure
      type: integer
      min: 0
      max: 200
    - name: spend
      type: float
      min: 0
    - name: region
      type: string
      role: slice
      values: [north, south, east]
    - name: churned
      type: integer
      role: label
      values: [0, 1]
  datasheet:
    motivation: Test fixture.
    license: CC0-1.0
`;

export interface FixtureRepo {
  root: string;
  write(rel: string, text: string | Uint8Array): void;
}

/**
 * A small, valid model repository in a fresh temp folder: one model (churn) with a logistic regression ONNX file,
 * a training and an evaluation CSV with their Dataset manifests, digests filled in; spec.base names a local busybox
 * layout, so that images are modelcars built offline.
 */
export function makeFixtureRepo(): FixtureRepo {
  const root = mkdtempSync(join(tmpdir(), "mg-repo-"));
  const write = (rel: string, text: string | Uint8Array) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  write(
    "modelgate.yaml",
    `# yaml-language-server: $schema=../../schemas/config.schema.json
apiVersion: modelgate.dev/v1alpha1
kind: Config
metadata:
  name: fixture
spec:
  # the modelcar's base, from a layout built from Debian's busybox-static (the default, busybox, is on Docker Hub)
  base:
    image: ${sharedBusyboxBase().ref}
  approval:
    approvals: 1
    reviewers:
      users: [alice, bob]
`,
  );
  const train = churnCsv(1, 400);
  const evalCsv = churnCsv(2, 300);
  write("data/churn-train.csv", train);
  write("data/churn-eval.csv", evalCsv);
  write("data/churn-train.yaml", datasetYaml("churn-train", "churn-train.csv", sha(train), 400));
  write("data/churn-eval.yaml", datasetYaml("churn-eval", "churn-eval.csv", sha(evalCsv), 300));
  const onnx = logisticRegressionModel({ weights: [-1 / 15, 1 / 100], bias: 1.5 });
  write("models/churn/model.onnx", onnx);
  write(
    "models/churn/model.yaml",
    `apiVersion: modelgate.dev/v1alpha1
kind: Model
metadata:
  name: churn
spec:
  version: 1.0.0
  owners: [alice]
  task: binary-classification
  riskClass: limited
  artifact:
    path: model.onnx
    sha256: ${sha(onnx)}
  signature:
    inputs:
      - { name: input, type: float32, shape: [N, 2] }
    outputs:
      - { name: label, type: int64, shape: [N] }
      - { name: probabilities, type: float32, shape: [N, 2] }
  inputs:
    features: [tenure, spend]
  outputs:
    probability: probabilities
    label: label
  label:
    column: churned
    classes: [0, 1]
    positive: 1
  training:
    command: [node, train.mjs]
    datasets: [churn-train]
  evaluation:
    datasets: [churn-eval]
    slices:
      - column: region
  gates:
    - { metric: roc_auc, min: 0.6 }
    - { metric: roc_auc, maxDrop: 0.01 }
    - { sliceGap: recall, over: region, max: 0.2 }
  card:
    intendedUse: Testing modelgate.
`,
  );
  return { root, write };
}
