import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { type CardInput, renderModelCard, writeModelCard } from "../../src/report/card.ts";
import { makeModel, makeRecord } from "./builder.ts";

const FRONT = /^---\n([\s\S]*?)\n---\n/;

function input(over: Partial<CardInput> = {}): CardInput {
  const model = makeModel("churn", {
    riskClass: "high",
    training: {
      command: ["python", "train.py"],
      shell: false,
      workdir: ".",
      params: {},
      datasets: ["churn-train"],
      env: [],
      timeoutMinutes: 60,
    },
    card: {
      intendedUse: "Rank customers for retention offers.",
      license: "Apache-2.0",
      tags: ["churn"],
      humanOversight: "An analyst reviews every offer.",
    },
  });
  const dataset = (name: string, datasheet: Record<string, string>) => ({
    apiVersion: "modelgate.dev/v1alpha1" as const,
    kind: "Dataset" as const,
    metadata: { name },
    spec: {
      path: `${name}.csv`,
      rows: 3000,
      sha256: "a".repeat(64),
      columns: [{ name: "tenure", type: "integer" as const, role: "feature" as const, nullable: false, unique: false }],
      datasheet,
    },
  });
  return {
    model,
    record: makeRecord(),
    datasets: [
      {
        name: "churn-train",
        file: "data/churn-train.yaml",
        value: dataset("churn-train", { motivation: "Past churn.", knownBiases: "Few customers from the east." }),
        uses: ["training"],
      },
      {
        name: "churn-eval",
        file: "data/churn-eval.yaml",
        value: dataset("churn-eval", { collection: "<script>x</script> from CRM" }),
        uses: ["evaluation"],
      },
    ],
    pr: { number: 7, url: "https://github.com/acme/models/pull/7" },
    approvals: [{ reviewer: "bob", commit: "0123456789abcdef0123" }],
    ...over,
  };
}

describe("model card", () => {
  it("front matter: Hub ids only; local datasets and their results stay in the body", () => {
    const card = renderModelCard(input());
    const meta = parse(FRONT.exec(card)![1]);
    assert.equal(meta.license, "apache-2.0");
    assert.equal(meta.library_name, undefined, "ONNX is a file format, not a Hub library");
    assert.equal(meta.datasets, undefined, "churn-train is a local dataset, not a Hub id");
    assert.equal(meta["model-index"], undefined, "its dataset.type must be a Hub dataset id");
    assert.ok(meta.tags.includes("churn") && meta.tags.includes("tabular-classification"));
    assert.equal(meta.pipeline_tag, "tabular-classification");
    assert.match(
      card,
      /### churn-train\n\ndata\/churn-train\.yaml: 3000 rows/,
      "the local training data is in the body",
    );
    assert.match(card, /\| ROC AUC \| 0\.9100 \|/, "and the results");
  });

  it("front matter follows Hugging Face's model-index layout when the data is on the Hub", () => {
    const base = input();
    const card = renderModelCard({
      ...base,
      datasets: base.datasets!.map((d) => ({
        ...d,
        hubId: d.name === "churn-train" ? "acme/churn-train" : "acme/churn",
      })),
    });
    const meta = parse(FRONT.exec(card)![1]);
    assert.deepEqual(meta.datasets, ["acme/churn-train"], "the datasets used to train");
    assert.ok(Array.isArray(meta["model-index"]) && meta["model-index"].length === 1);
    const entry = meta["model-index"][0];
    assert.equal(entry.name, "churn");
    for (const r of entry.results) {
      // Required by the spec (hub-docs modelcard.md): task.type, dataset.type, dataset.name, metrics[].type/value.
      assert.equal(typeof r.task.type, "string");
      assert.equal(r.dataset.type, "acme/churn");
      assert.equal(typeof r.dataset.name, "string");
      assert.ok(r.metrics.length > 0);
      for (const m of r.metrics) {
        assert.equal(typeof m.type, "string");
        assert.equal(typeof m.value, "number");
      }
    }
    assert.deepEqual(
      entry.results[0].metrics.find((m: { type: string }) => m.type === "roc_auc"),
      { type: "roc_auc", value: 0.91, name: "ROC AUC", verified: false },
    );
  });

  it("has the sections the issue lists", () => {
    const card = renderModelCard(input());
    for (const h of [
      "## Model details",
      "## Intended use",
      "### Out-of-scope use",
      "## How to get started with the model",
      "## Factors",
      "## Metrics",
      "## Training data",
      "## Evaluation data",
      "## Training procedure",
      "### Speeds, sizes, times",
      "## Quantitative analyses",
      "### By slice",
      "## Risks, limitations and ethical considerations",
      "### Recommendations",
      "## Technical specifications",
      "## Human oversight (EU AI Act art. 14)",
      "## Post-market monitoring (EU AI Act art. 72)",
      "## Authors and contact",
    ]) {
      assert.ok(card.includes(`\n${h}\n`), h);
    }
    assert.match(card, /\| Pull request \| \[#7\]\(https:\/\/github\.com\/acme\/models\/pull\/7\) \|/);
    assert.match(card, /\| Approved by \| bob on 0123456789ab \|/);
    assert.match(card, /\*\*Motivation\.\*\* Past churn\./);
    assert.match(card, /&lt;script&gt;x&lt;\/script&gt; from CRM/);
    assert.match(
      card,
      /Not provided\. Write it in `spec\.card\.postMarketMonitoring`.*A high-risk system needs it \(EU AI Act art\. 72\)/,
    );
  });

  it("regeneration replaces generated parts and keeps what a person wrote", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mg-card-"));
    const first = await writeModelCard(dir, input());
    assert.equal(first.changed, true);
    let text = readFileSync(first.path, "utf8");
    text = text.replace("---\n\n", "---\n\nA note a person wrote above everything.\n\n");
    text = text.replace(
      "<!-- modelgate:end:use -->",
      "<!-- modelgate:end:use -->\n\n### Our own caveat\n\nNever use on minors.",
    );
    text = text.replace(/^license: apache-2\.0$/m, "license: apache-2.0\nlanguage: en");
    text += "\n## Changelog\n\nHand-written history.\n";
    writeFileSync(first.path, text);

    const again = await writeModelCard(dir, input({ record: makeRecord({ metrics: { roc_auc: 0.95, recall: 0.8 } }) }));
    assert.equal(again.changed, true);
    const out = readFileSync(first.path, "utf8");
    assert.match(out, /A note a person wrote above everything\./);
    assert.match(out, /<!-- modelgate:end:use -->\n\n### Our own caveat\n\nNever use on minors\./);
    assert.match(out, /## Changelog\n\nHand-written history\.\n$/);
    const meta = parse(FRONT.exec(out)![1]);
    assert.equal(meta.language, "en", "a front-matter key modelgate does not write is kept");
    assert.match(out, /\| ROC AUC \| 0\.9500 \|/, "generated parts are regenerated");
    assert.equal((out.match(/<!-- modelgate:begin:details -->/g) ?? []).length, 1);

    const same = await writeModelCard(dir, input({ record: makeRecord({ metrics: { roc_auc: 0.95, recall: 0.8 } }) }));
    assert.equal(same.changed, false, "the same inputs give the same bytes");
  });

  it("a hand-written card without markers keeps its text below the generated card", () => {
    const out = renderModelCard(input(), "# Churn\n\nWritten by hand before modelgate.\n");
    assert.match(out, /<!-- modelgate:end:authors -->\n\n# Churn\n\nWritten by hand before modelgate\.\n$/);
  });
});
