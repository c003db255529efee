import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { COMMENT_MAX } from "../../src/github/index.ts";
import { escapeMd, escapeMdLine } from "../../src/report/escape.ts";
import { judge } from "../../src/report/gates.ts";
import { type ModelReport, renderModelSection, renderReport } from "../../src/report/markdown.ts";
import { makeModel, makeRecord, type RecordOptions } from "./builder.ts";

function report(name = "churn", o: RecordOptions = {}, over = {}): ModelReport {
  const model = makeModel(name, over);
  const record = makeRecord({ name, ...o });
  return { model, record, verdict: judge({ model, record }), findings: [], card: "#### Intended use\n\nTesting." };
}

describe("report markdown", () => {
  it("has a header line with verdict, version change and the deciding number", () => {
    const md = renderModelSection(report("churn", { metrics: { roc_auc: 0.8, recall: 0.7 } }));
    const header = md.split("\n")[0];
    assert.equal(header, "### ❌ churn · 1.0.0 → 1.1.0 · fail");
    assert.match(md.split("\n\n")[1], /^roc\\_auc 0\.8000 is below the minimum 0\.85/);
  });

  it("has the metrics table: metric | baseline | candidate | delta | 95% interval of the delta | gate", () => {
    const md = renderModelSection(report());
    assert.match(md, /\| metric \| baseline \| candidate \| delta \| 95% interval of the delta \| gate \|/);
    assert.match(
      md,
      /\| ROC AUC \| 0\.9000 \| 0\.9100 \| \+0\.0100( ▲)? \| \[±0\.0000, \+0\.0200\] \| ✅ ≥ 0\.85<br>✅ drop ≤ 0\.02 \|/,
    );
  });

  it("lists slices worst first, latency, confusion matrices, curves as Mermaid xychart-beta, and the card collapsed", () => {
    const md = renderModelSection(report("churn", { regions: { north: 0.8, south: 0.6, east: 0.7 } }), 0);
    const south = md.indexOf("| south |");
    const east = md.indexOf("| east |");
    const north = md.indexOf("| north |");
    assert.ok(south > 0 && south < east && east < north, "worst recall first");
    assert.match(md, /\| latency \(ms, one row\) \| p50 \| p95 \| p99 \|/);
    assert.match(md, /<summary>Confusion matrices<\/summary>/);
    assert.match(md, /```mermaid\nxychart-beta\n {2}title "ROC curve"\n {2}x-axis "False positive rate" \[0, 0\.1,/);
    assert.equal((md.match(/^ {2}line \[/gm) ?? []).length, 4, "baseline and candidate, ROC and PR");
    assert.match(md, /<details><summary>Model card<\/summary>\n\n#### Intended use/);
  });

  it("escapes everything that came from a manifest, dataset or record", () => {
    const evil = "<img src=x onerror=alert(1)> @octocat **bold** [link](https://evil.example) | cell\nnew line";
    const r = report("churn", { regions: { [evil]: 0.7, south: 0.72 } });
    r.findings = [{ severity: "error", check: "data", file: "data/x.yaml", column: evil, message: evil }];
    r.record!.dataset.name = evil;
    const md = renderModelSection(r, 0);
    assert.doesNotMatch(md, /<img/);
    assert.doesNotMatch(md, /@octocat/);
    assert.doesNotMatch(md, /\[link\]\(https/);
    assert.doesNotMatch(md, /\*\*bold\*\*/);
    assert.doesNotMatch(md, /(?<!\\)\| cell/, "a pipe cannot end a table cell");
    assert.doesNotMatch(md, /\nnew line/, "a newline cannot start a block");
    assert.equal(escapeMd("a|b"), "a\\|b");
    assert.equal(escapeMd("@team"), "&#64;team");
    assert.equal(escapeMdLine("1. x"), "1\\. x");
    assert.equal(escapeMd("1.0.0"), "1.0.0");
  });

  it("a model without a record says so and fails", () => {
    const model = makeModel("churn");
    const md = renderModelSection({
      model,
      verdict: judge({ model, recordPath: ".modelgate/evaluations/churn.json" }),
    });
    assert.match(md, /### ❌ churn · 1\.1\.0 \(new\) · fail/);
    assert.match(
      md,
      /no evaluation record for churn at \.modelgate\/evaluations\/churn\.json; run \\`modelgate evaluate churn\\` first/,
    );
  });

  it("fits 50 models with curves and many slices under the comment limit, failing models keeping the most detail", () => {
    const regions = Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`region-${i}`, 0.6 + i / 100]));
    const models = Array.from({ length: 50 }, (_, i) =>
      report(
        `model-${String(i).padStart(2, "0")}`,
        {
          regions,
          ...(i % 10 === 3 ? { metrics: { roc_auc: 0.8, recall: 0.7, precision: 0.7 } } : {}),
        },
        { gates: [{ metric: "roc_auc", min: 0.85, severity: "fail" }] },
      ),
    );
    const full = renderReport(models, { unlimited: true });
    assert.ok(full.markdown.length > COMMENT_MAX, `unfitted report is ${full.markdown.length} characters`);
    const fitted = renderReport(models, { runUrl: "https://github.com/o/r/actions/runs/1" });
    assert.ok(fitted.markdown.length <= 60_000, `fitted report is ${fitted.markdown.length} characters`);
    for (const m of models) assert.ok(fitted.markdown.includes(`${m.model.metadata.name} ·`), m.model.metadata.name);
    const failing = models.map((m, i) => (m.verdict.status === "fail" ? i : -1)).filter((i) => i >= 0);
    assert.equal(failing.length, 5);
    const minFail = Math.min(...failing.map((i) => fitted.detail[i]));
    const maxPass = Math.max(...fitted.detail.filter((_, i) => !failing.includes(i)));
    assert.ok(minFail <= maxPass, "failing models lose detail last");
    assert.match(
      fitted.markdown,
      /the \[job summary\]\(https:\/\/github\.com\/o\/r\/actions\/runs\/1\) hold the full report/,
    );
    process.stdout.write(
      `# 50 models: ${full.markdown.length} characters unfitted, ${fitted.markdown.length} fitted, detail levels ${JSON.stringify(fitted.detail)}\n`,
    );
  });

  it("keeps full detail when it fits", () => {
    const r = renderReport([report("a"), report("b")]);
    assert.deepEqual(r.detail, [0, 0]);
    assert.match(r.markdown, /^## ✅ modelgate report\n\n2 models: 0 failing, 0 with warnings, 2 passing/);
  });
});
