import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { COMMENT_MAX } from "../../src/github/index.ts";
import { escapeMd, escapeMdLine } from "../../src/report/escape.ts";
import { AXIS_MAX, curveCharts, rocAt, SAMPLES, sampleXs } from "../../src/report/charts.ts";
import { judge } from "../../src/report/gates.ts";
import { type ModelReport, renderModelSection, renderReport } from "../../src/report/markdown.ts";
import { makeModel, makeRecord, type RecordOptions } from "./builder.ts";

function report(name = "churn", o: RecordOptions = {}, over = {}): ModelReport {
  const model = makeModel(name, over);
  const record = makeRecord({ name, ...o });
  return { model, record, verdict: judge({ model, record }), findings: [], card: "#### Intended use\n\nTesting." };
}

describe("report markdown", () => {
  it("writes its own text as it is: no HTML entities where no untrusted value is (issue #22 item 11)", () => {
    const md = renderReport([report()]).markdown;
    assert.match(
      md,
      /How gates are judged: min\/max compare the candidate's point estimate\. .*half the interval's width \(the smallest change/,
    );
    assert.doesNotMatch(md.slice(md.indexOf("How gates are judged")), /&#|\\\(/);
  });

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
      /\| ROC AUC \| 0\.9000 \| 0\.9100 \| \+0\.0100( ▲)? \| \[0\.0000, \+0\.0200\] \| ✅ ≥ 0\.85<br>✅ drop ≤ 0\.02 \|/,
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
    assert.match(
      md,
      /```mermaid\n%%\{init: .*\}%%\nxychart-beta\n {2}title "ROC curve"\n {2}x-axis "False positive rate \(%\)" 0 --> 100\n/,
    );
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

  it("writes every number one way: 4 decimals (1.0000, not 1), a real minus sign, zero without a sign", () => {
    const md = renderModelSection(
      report("churn", {
        metrics: { roc_auc: 0.9, accuracy: 1, precision: 0.8, recall: 0.75, f1: 0.77 },
        baseline: { roc_auc: 0.9, accuracy: 0.9744, precision: 0.81, recall: 0.75, f1: 0.77 },
        deltas: { roc_auc: [0, -0.01, 0.01], precision: [-0.01, -0.02, -0.001] },
      }),
    );
    assert.match(md, /\| Accuracy \| 0\.9744 \| 1\.0000 \| \+0\.0256 /);
    assert.match(md, /\| ROC AUC \| 0\.9000 \| 0\.9000 \| 0\.0000 \| \[\u22120\.0100, \+0\.0100\] /);
    assert.match(md, /\| Precision \| 0\.8100 \| 0\.8000 \| \u22120\.0100 ▼ \| \[\u22120\.0200, \u22120\.0010\] /);
    assert.doesNotMatch(md, /±/);
    assert.doesNotMatch(md, /[\s[(|]-\d/, "no hyphen for a minus");
    assert.match(
      md,
      /\| candidate \| \d\.\d{2} \| \d\.\d{2} \| \d\.\d{2} \| 100,000 \|/,
      "counts grouped by thousands",
    );
    assert.match(md, /\| \*\*0\*\* \| 1,800 \| 200 \|/);
  });

  it("explains ▲/▼ under every table that uses them", () => {
    const md = renderModelSection(report("churn", { regions: { north: 0.8, south: 0.6 } }));
    const metrics = md.indexOf("| metric | baseline |");
    const legend = "▲ better, ▼ worse: the paired 95% interval of the delta lies wholly on that side of zero";
    assert.ok(md.indexOf("▲", metrics) > 0, "the fixture's deltas are decided");
    assert.ok(md.indexOf(legend, metrics) > metrics, "a legend follows the metrics table");
  });

  it("a new model has no baseline columns, rows or dashes: its values and their intervals", () => {
    const md = renderModelSection(report("churn", { baseline: null }), 0);
    assert.match(md, /### ⚠️ churn · 1\.1\.0 \(new\) · warn\n\nno baseline in the record/);
    assert.match(
      md,
      /\| metric \| candidate \| 95% interval \| gate \|\n\| :- \| -: \| :-: \| :- \|\n\| ROC AUC \| 0\.9100 \| \[0\.8900, 0\.9300\] \|/,
    );
    assert.doesNotMatch(md, /baseline \|/);
    assert.doesNotMatch(md, /\| — \| — \|/, "no row of dashes");
    assert.doesNotMatch(md, /\| Δ \|/, "no slice deltas");
    assert.doesNotMatch(md, /Baseline \(rows/, "no baseline confusion matrix");
    assert.doesNotMatch(md, /▲|▼/);
    assert.match(md, /candidate b{12}, no baseline;/);
  });

  it("the model card in the comment is its summary and a link to MODEL_CARD.md at the commit", () => {
    const r = report();
    r.card = "A churn model.\n\n**Intended use.** Testing.";
    r.cardFile = "models/churn/MODEL_CARD.md";
    r.cardUrl = `https://github.com/o/r/blob/${"d".repeat(40)}/models/churn/MODEL_CARD.md`;
    const md = renderModelSection(r, 0);
    assert.match(
      md,
      /<details><summary>Model card<\/summary>\n\nA churn model\.\n\n\*\*Intended use\.\*\* Testing\.\n\nThe whole model card: \[models\/churn\/MODEL\\_CARD\.md\]\(https:\/\/github\.com\/o\/r\/blob\/d{40}\/models\/churn\/MODEL_CARD\.md\)\.\n\n<\/details>/,
    );
    r.cardUrl = "javascript:alert(1)";
    assert.doesNotMatch(renderModelSection(r, 0), /javascript:/);
  });

  it("the curves: contrasting colours set by Mermaid's init directive, sampled at evenly spaced x on a numeric axis", () => {
    const md = renderModelSection(report(), 0);
    assert.match(
      md,
      /```mermaid\n%%\{init: \{"themeVariables": \{"xyChart": \{"plotColorPalette": "#E69F00, #0072B2"\}\}\}\}%%\nxychart-beta\n/,
    );
    assert.match(md, /orange: baseline; blue: candidate/);
    assert.doesNotMatch(md, /not to scale/);
    // rare positives: the ROC curve climbs within the first 2% of false positives
    const steep: [number, number][] = Array.from({ length: 101 }, (_, i) => {
      const x = i / 100;
      return [x, 1 - (1 - x) ** 60];
    });
    const chart = curveCharts({ candidate: steep }, {});
    assert.match(chart, /plotColorPalette": "#0072B2"/);
    assert.match(chart, /candidate only \(no baseline curve\)/);
    // the x axis is numeric, 0 to 100 percent: its tick labels are Mermaid's own (0, 10, …), not one per point
    assert.match(chart, /x-axis "False positive rate \(%\)" 0 --> 100\n/);
    assert.doesNotMatch(chart, /x-axis "[^"]*" \[/, "no categorical x axis");
    const line = /\n {2}line \[([^\]]*)\]/.exec(chart)![1].split(", ").map(Number);
    // one value per percent of x, which Mermaid spreads evenly over 0..100: the values are those of x = 0, 0.01, …, 1
    assert.equal(line.length, SAMPLES);
    const xs = sampleXs();
    assert.equal(xs.length, SAMPLES);
    assert.equal(xs[0], 0);
    assert.equal(xs[xs.length - 1], 1);
    const steps = xs.slice(1).map((x, i) => x - xs[i]);
    assert.ok(
      steps.every((d) => Math.abs(d - 1 / (SAMPLES - 1)) < 1e-12),
      `evenly spaced x: ${steps.join(", ")}`,
    );
    const f = rocAt(steep);
    line.forEach((y, i) => {
      assert.ok(Math.abs(y - 100 * f(xs[i])) <= 0.05 + 1e-9, `y at x=${xs[i]}: ${y} vs ${100 * f(xs[i])}`);
    });
    // the steep start is drawn where it happens: 45% of positives found at 1% false positives
    assert.ok(line[1] > 40 && line[2] > 65, `early values: ${line.slice(0, 4).join(", ")}`);
    // Mermaid 11 puts value i at min + i·(max − min)/(n − 1), Mermaid 10 at min + i·(max − min + 1)/n: the same x
    assert.equal(AXIS_MAX / (SAMPLES - 1), (AXIS_MAX + 1) / SAMPLES);
  });

  it("the evaluation record's warnings show in the gate table, with their message, at every detail that shows gates", () => {
    const model = makeModel();
    const record = makeRecord();
    record.warnings = [
      {
        code: "roc_auc_near_chance",
        role: "candidate",
        message:
          'candidate: roc_auc 0.4966 (95% interval [0.4485, 0.5434]) is not told apart from chance (0.5) on these 569 rows: the scores hardly tell "malignant" from the other class. Likely causes: the features in another order than the model was trained on',
      },
    ];
    const r: ModelReport = { model, record, verdict: judge({ model, record }), findings: [] };
    for (const detail of [0, 3] as const) {
      const md = renderModelSection(r, detail);
      assert.match(md, /^### ⚠️ churn · 1\.0\.0 → 1\.1\.0 · warn/);
      assert.match(
        md,
        /\| ⚠️ \| ROC AUC near chance \| candidate: roc\\_auc 0\.4966 .* is not told apart from chance .* on these 569 rows: .*the features in another order than the model was trained on \|/,
      );
    }
  });

  it("keeps full detail when it fits", () => {
    const r = renderReport([report("a"), report("b")]);
    assert.deepEqual(r.detail, [0, 0]);
    assert.match(r.markdown, /^## ✅ modelgate report\n\n2 models: 0 failing, 0 with warnings, 2 passing/);
  });
});
