import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parse } from "yaml";
import type { Dataset } from "../../src/manifest/schema.ts";
import { type CardInput, exampleRequest, renderModelCard } from "../../src/report/card.ts";
import { type TrainingRecord, trainingRecordSchema } from "../../src/records/training.ts";
import { makeModel, makeRecord } from "./builder.ts";

/** What the Hub accepts (test/fixtures/huggingface/hub-metadata.json: huggingface.js and hub-docs, with sources). */
const hub = JSON.parse(readFileSync("test/fixtures/huggingface/hub-metadata.json", "utf8")) as {
  libraries: string[];
  pipelines: string[];
  licenses: string[];
};
const FRONT = /^---\n([\s\S]*?)\n---\n/;
const HUB_ID = /^[A-Za-z0-9][\w.-]*(\/[A-Za-z0-9][\w.-]*)?$/;

/** The front matter's problems by the Hub's rules (hub-docs modelcard.md); `hubIds` are the dataset ids on the Hub. */
function hubProblems(meta: Record<string, any>, hubIds: string[] = []): string[] {
  const out: string[] = [];
  if ("library_name" in meta && !hub.libraries.includes(meta.library_name))
    out.push(`library_name ${meta.library_name} is not one of huggingface.js's libraries`);
  if ("pipeline_tag" in meta && !hub.pipelines.includes(meta.pipeline_tag))
    out.push(`pipeline_tag ${meta.pipeline_tag} is not one of huggingface.js's pipelines`);
  if ("license" in meta) {
    if (!hub.licenses.includes(meta.license)) out.push(`license ${meta.license} is not a Hub license identifier`);
    if (meta.license === "other" && !(typeof meta.license_name === "string" && meta.license_name))
      out.push("license: other without license_name");
  }
  for (const d of meta.datasets ?? [])
    if (!HUB_ID.test(d) || !hubIds.includes(d)) out.push(`datasets: ${d} is not a Hub dataset id`);
  for (const entry of meta["model-index"] ?? []) {
    if (typeof entry.name !== "string") out.push("model-index: an entry without a name");
    for (const r of entry.results ?? []) {
      if (typeof r.task?.type !== "string") out.push("model-index: task.type is required");
      if (typeof r.dataset?.name !== "string") out.push("model-index: dataset.name is required");
      if (!hubIds.includes(r.dataset?.type)) out.push(`model-index: dataset.type ${r.dataset?.type} is not a Hub id`);
      for (const m of r.metrics ?? [])
        if (typeof m.type !== "string" || typeof m.value !== "number") out.push("model-index: metric type and value");
    }
  }
  return out;
}

const dataset = (name: string): Dataset => ({
  apiVersion: "modelgate.dev/v1alpha1",
  kind: "Dataset",
  metadata: { name },
  spec: {
    path: `${name}.csv`,
    rows: 3000,
    sha256: "a".repeat(64),
    columns: [
      { name: "tenure", type: "integer", role: "feature", nullable: false, unique: false, min: 1, max: 72 },
      { name: "spend", type: "float", role: "feature", nullable: false, unique: false, min: 12.5 },
      { name: "region", type: "string", role: "slice", nullable: false, unique: false, values: ["east", "north"] },
    ],
  },
});

function training(over: Partial<TrainingRecord> = {}): TrainingRecord {
  return trainingRecordSchema.parse({
    apiVersion: "modelgate.dev/v1alpha1",
    kind: "TrainingRecord",
    model: { name: "churn", version: "1.1.0", manifest: "models/churn/model.yaml" },
    result: "ok",
    git: { commit: "0123456789abcdef0123456789abcdef01234567", dirty: false, branch: "churn-1.1.0" },
    command: { argv: ["python", "train.py", "--out", "{output}"], shell: false, workdir: ".", timeoutMinutes: 60 },
    params: { depth: 4, "a|b": "x`y" },
    paramsSha256: "d".repeat(64),
    datasets: [
      {
        name: "churn-train",
        path: "data/churn-train.csv",
        sha256: "e".repeat(64),
        declaredSha256: null,
        sizeBytes: 4096,
      },
    ],
    env: [],
    tools: { modelgate: "0.1.0", node: "v20.20.2", onnxruntime: "1.30.0", platform: "linux", arch: "x64" },
    startedAt: "2026-01-05T09:00:00Z",
    finishedAt: "2026-01-05T09:00:03Z",
    durationSeconds: 2.84,
    exitCode: 0,
    signal: null,
    timedOut: false,
    log: { path: ".modelgate/training/churn.log", sizeBytes: 10, sha256: "f".repeat(64) },
    output: {
      path: "models/churn/model.onnx",
      artifact: "models/churn/model.onnx",
      sha256: "b".repeat(64), // the record's candidate: the artifact this card is about
      sizeBytes: 123456,
      declaredSha256: null,
      signatureChecked: true,
    },
    ...over,
  });
}

function input(over: Partial<CardInput> = {}): CardInput {
  return {
    model: makeModel("churn", {
      training: {
        command: ["python", "train.py"],
        shell: false,
        workdir: ".",
        params: {},
        datasets: ["churn-train"],
        env: [],
        timeoutMinutes: 60,
      },
      signature: {
        inputs: [{ name: "input", type: "float32", shape: ["N", 2] }],
        outputs: [{ name: "probabilities", type: "float32", shape: ["N", 2] }],
      },
      card: { license: "Apache-2.0" },
    }),
    record: makeRecord({ regions: { north: 0.78, south: 0.74, east: 0.7 } }),
    datasets: [
      { name: "churn-train", file: "data/churn-train.yaml", value: dataset("churn-train"), uses: ["training"] },
      { name: "churn-eval", file: "data/churn-eval.yaml", value: dataset("churn-eval"), uses: ["evaluation"] },
    ],
    ...over,
  };
}

const metaOf = (card: string) => parse(FRONT.exec(card)![1]) as Record<string, any>;

describe("model card against the Hugging Face Hub's metadata rules", () => {
  it("the rules are live: modelgate's former front matter breaks them", () => {
    assert.ok(!hub.libraries.includes("onnx"), "onnx is a file format, not a Hub library");
    assert.ok(hub.libraries.includes("sklearn") && hub.pipelines.includes("tabular-classification"));
    assert.deepEqual(hubProblems({ library_name: "onnx", datasets: ["churn-train"], license: "proprietary" }), [
      "library_name onnx is not one of huggingface.js's libraries",
      "license proprietary is not a Hub license identifier",
      "datasets: churn-train is not a Hub dataset id",
    ]);
  });

  it("with local data: passes; no library_name, datasets or model-index", () => {
    const meta = metaOf(renderModelCard(input()));
    assert.deepEqual(hubProblems(meta), []);
    for (const k of ["library_name", "datasets", "model-index"]) assert.equal(meta[k], undefined, k);
    assert.equal(meta.license, "apache-2.0");
    assert.equal(meta.pipeline_tag, "tabular-classification");
  });

  it("with data on the Hub: datasets and model-index name the Hub ids, and pass", () => {
    const base = input();
    const ids = { "churn-train": "acme/churn-train", "churn-eval": "acme/churn-eval" } as Record<string, string>;
    const meta = metaOf(
      renderModelCard({ ...base, datasets: base.datasets!.map((d) => ({ ...d, hubId: ids[d.name] })) }),
    );
    assert.deepEqual(hubProblems(meta, Object.values(ids)), []);
    assert.deepEqual(meta.datasets, ["acme/churn-train"]);
    assert.equal(meta["model-index"][0].results[0].dataset.type, "acme/churn-eval");
    // an id the Hub would not take is left out
    const bad = metaOf(
      renderModelCard({ ...base, datasets: base.datasets!.map((d) => ({ ...d, hubId: "not an id/x y" })) }),
    );
    assert.equal(bad.datasets, undefined);
    assert.equal(bad["model-index"], undefined);
  });

  it("a license the Hub does not list is `other` with its name in license_name", () => {
    const meta = metaOf(
      renderModelCard(input({ model: makeModel("churn", { card: { license: "Acme Internal License v2" } }) })),
    );
    assert.deepEqual(hubProblems(meta), []);
    assert.equal(meta.license, "other");
    assert.equal(meta.license_name, "acme-internal-license-v2");
  });

  it("regenerating a card from an older modelgate drops the keys it wrote that the Hub refuses, and keeps a person's", () => {
    const old = `---\nlibrary_name: onnx\nlicense: apache-2.0\ndatasets:\n  - churn-train\nmodel-index:\n  - name: churn\n    results:\n      - task: { type: tabular-classification }\n        dataset: { type: churn-eval, name: churn-eval }\n        metrics: [{ type: roc_auc, value: 0.9 }]\nlanguage: en\n---\n\n# Churn\n`;
    const meta = metaOf(renderModelCard(input(), old));
    assert.deepEqual(hubProblems(meta), []);
    assert.equal(meta.language, "en");
    for (const k of ["library_name", "datasets", "model-index"]) assert.equal(meta[k], undefined, k);
  });
});

describe("model card sections modelgate knows the answer to", () => {
  it("how to get started: the image and an Open Inference Protocol request built from the signature and the data", () => {
    const image = "ghcr.io/acme/churn@sha256:" + "9".repeat(64);
    const card = renderModelCard(input({ image }));
    const start = card.slice(
      card.indexOf("## How to get started with the model"),
      card.indexOf("<!-- modelgate:end:start -->"),
    );
    assert.ok(start.includes(`\`${image}\``), "the image by digest, as a code span");
    assert.match(start, /`kubectl apply -k deploy\/churn\/overlays\/<environment>`/);
    const curl = /```sh\n([\s\S]*?)\n```/.exec(start)![1];
    assert.match(curl, /\/v2\/models\/churn\/infer"/);
    const body = JSON.parse(/-d '([^']*)'/.exec(curl)![1]);
    assert.deepEqual(body, {
      inputs: [{ name: "input", shape: [1, 2], datatype: "FP32", data: [1, 12.5] }],
    });
    assert.deepEqual(exampleRequest(input()), body);
    assert.match(renderModelCard(input()), /Not published yet: on merge, `modelgate publish` builds the image/);
  });

  it("one input per column: a tensor per column, strings from the allowed values", () => {
    const model = makeModel("churn", {
      inputs: { mode: "columns", features: ["tenure", "region"] },
      signature: {
        inputs: [
          { name: "tenure", type: "int64", shape: ["N", 1] },
          { name: "region", type: "string", shape: ["N", 1] },
        ],
        outputs: [{ name: "probabilities", type: "float32", shape: ["N", 2] }],
      },
    });
    assert.deepEqual(exampleRequest(input({ model })), {
      inputs: [
        { name: "tenure", shape: [1, 1], datatype: "INT64", data: [1] },
        { name: "region", shape: [1, 1], datatype: "BYTES", data: ["east"] },
      ],
    });
  });

  it("training procedure and speeds from the training record that describes this artifact", () => {
    const card = renderModelCard(input({ training: training() }));
    const section = card.slice(card.indexOf("## Training procedure"), card.indexOf("<!-- modelgate:end:training -->"));
    assert.match(section, /\| Command \| python train\.py --out \\\{output\\\} \|/);
    assert.ok(
      section.includes('| Parameters | `{"depth":4,"a\\|b":"xy"}` |'),
      "a code span, its pipe escaped for the table",
    );
    assert.match(section, /\| Data: churn-train \| data\/churn-train\.csv \(sha256 e{64}, 4096 bytes\) \|/);
    assert.match(section, /\| Source \| commit 0123456789ab \|/);
    assert.match(section, /- Model file: 123456 bytes\./);
    assert.match(section, /- Training: 2\.8 s \(2026-01-05T09:00:00Z to 2026-01-05T09:00:03Z\)\./);
    assert.match(
      section,
      /- Latency, one row through onnxruntime \(200 runs, 1 intra-op thread\): p50 1\.00 ms, p95 2\.00 ms, p99 3\.00 ms; in batches of 256: 100000 rows\/s\./,
    );

    const other = renderModelCard(
      input({ training: training({ output: { ...training().output!, sha256: "7".repeat(64) } }) }),
    );
    assert.match(other, /describes another artifact \(sha256 7{64}\), not this one \(sha256 b{64}\)/);
    assert.doesNotMatch(other, /\| Command \|/, "a record of other bytes is not shown as this model's");
    assert.match(renderModelCard(input()), /No training record: run `modelgate train`/);
  });

  it("recommendations from the gates, the slices and the threshold", () => {
    const record = makeRecord({ regions: { north: 0.78, south: 0.74, east: 0.7 } });
    record.slices.push({ column: "region", value: "west", count: 12, supported: false, candidate: { recall: 0.2 } });
    record.fairness.push({
      metric: "recall",
      over: "region",
      role: "candidate",
      gap: 0.12,
      max: { value: "north", metric: 0.78 },
      min: { value: "east", metric: 0.7 },
    } as (typeof record.fairness)[number]);
    const card = renderModelCard(input({ record }));
    const rec = card.slice(card.indexOf("### Recommendations"), card.indexOf("<!-- modelgate:end:risks -->"));
    assert.match(rec, /- Recall by region: lowest for east, 0\.7000 against 0\.7500 overall \(1000 rows\)/);
    assert.match(rec, /region = west \(12 rows\): fewer than \d+ rows, so no gap is judged on it/);
    assert.match(rec, /- Recall differs by 0\.1200 over region, beyond the 0\.1 its gate allows/);
    assert.match(rec, /Decisions are made at the threshold 0\.5/);
  });
});
