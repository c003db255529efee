/**
 * The pure plan of a monitoring run (issue #23 items 2–5): what the window counts, the record and its bytes, the
 * content-addressed path, the commit's trailers, the alerts from the manifest's monitoring gates (realized values,
 * else the CBPE estimate, said as such), "not enough rows", the sticky issue's state and the --json shape.
 */
import assert from "node:assert/strict";
import { binOf } from "../../src/data/profile.ts";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { parseTrailers } from "../../src/ledger/trailers.ts";
import { type Monitoring, monitoringSchema } from "../../src/manifest/schema.ts";
import type { NumericReference } from "../../src/monitor/drift.ts";
import { judgeGates } from "../../src/monitor/gates.ts";
import { type MonitoringFacts, planMonitoring } from "../../src/monitor/plan.ts";
import { WindowAccumulator, type WindowRows } from "../../src/monitor/window.ts";
import { monitoringRecordSchema } from "../../src/records/monitoring.ts";

const HEX = "a".repeat(64);
const DIGEST = `sha256:${"b".repeat(64)}`;

const amountRef: NumericReference = {
  kind: "numeric",
  edges: [10, 20, 30, 40, 50, 60, 70, 80, 90],
  fractions: new Array(10).fill(0.1),
  rows: 5000,
  distinct: 101,
  std: 28.87,
  min: 0,
  max: 100,
};

/** n rows: amount spread over the reference's bins shifted by `shift` bins, region "eu"/"na", score 0.3. */
function rows(n: number, shift = 0, labels = false): WindowRows {
  return {
    length: n,
    version: new Int32Array(n),
    numeric: new Map([
      ["amount", Float64Array.from({ length: n }, (_, i) => Math.min(99, ((i % 10) + shift) * 10 + 5))],
    ]),
    text: new Map([["region", Array.from({ length: n }, (_, i) => (i % 2 ? "eu" : "na"))]]),
    preds: Float64Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 0.8 : 0.3)),
    scored: new Uint8Array(n),
    label: Array.from({ length: n }, (_, i) => (labels ? (i % 4 === 0 ? "1" : "0") : null)),
    latencyMs: Float64Array.from({ length: n }, (_, i) => 5 + (i % 10)),
    error: Int8Array.from({ length: n }, (_, i) => (i === 0 ? 1 : 0)),
  };
}

function window(r: WindowRows) {
  const acc = new WindowAccumulator({
    columns: [
      { name: "amount", ref: amountRef },
      { name: "region", ref: { kind: "categorical", fractions: { eu: 0.5, na: 0.5 }, rows: 5000 } },
    ],
    width: 1,
    slices: ["region"],
    versions: 1,
  });
  acc.add(r);
  return acc.summary();
}

function facts(n: number, shift: number, monitoring: Partial<Monitoring> = {}): MonitoringFacts {
  const w = window(rows(n, shift));
  const m = monitoringSchema.parse({ ...monitoring });
  return {
    model: { name: "fraud", version: "1.0.0", sha256: HEX, task: "binary-classification" },
    environment: "production",
    promotion: {
      record: DIGEST,
      sequence: 3,
      ledger: "records/fraud/promotions.jsonl",
      stageTag: "fraud#production#2",
    },
    versions: [
      {
        version: "1.0.0",
        sha256: HEX,
        promotion: DIGEST,
        sequence: 3,
        stageTag: "fraud#production#2",
        from: "2026-05-01T00:00:00Z",
        until: "2026-05-08T00:00:00Z",
        rows: n,
        scored: 0,
      },
    ],
    window: { since: "2026-05-01T00:00:00Z", until: "2026-05-08T00:00:00Z", rows: n, labeled: 0, skipped: {} },
    sources: [{ path: "logs/may.jsonl", sha256: HEX, kind: "cloudevents", rows: n }],
    reference: { dataset: "eval", sha256: HEX, rows: 5000, evaluation: DIGEST },
    monitoring: m,
    columns: w.columns.map((c) => ({ feature: c.name, ref: c.ref, cur: c.cur })),
    driftNotes: [],
    performance: { estimated: { method: "CBPE", rows: n, metrics: { recall: 0.41, precision: 0.5 } }, notes: [] },
    evaluation: { recall: 0.6, precision: 0.45, roc_auc: 0.82 },
    recordsDir: "records",
    runtime: { modelgate: "0.0.0-test" },
  };
}

test("the window counts each watched column in the reference's bins, the labelled rows, latency and errors", () => {
  const s = window(rows(40, 0, true));
  assert.equal(s.rows, 40);
  assert.equal(s.labeled, 40);
  const amount = s.columns.find((c) => c.name === "amount")!;
  assert.deepEqual(amount.cur.kind === "numeric" && amount.cur.counts, new Array(10).fill(4));
  const region = s.columns.find((c) => c.name === "region")!;
  assert.deepEqual(region.cur.kind === "categorical" && Object.fromEntries(region.cur.counts), { na: 20, eu: 20 });
  assert.deepEqual(s.labeledRows.slices[0].keys.slice(0, 2), ["na", "eu"]);
  assert.equal(s.operations.requests, 40);
  assert.equal(s.operations.errors, 1);
  assert.equal(s.operations.latencies.length, 40);
});

test("labels of some rows, over two batches: the labelled rows' codes, scores, versions and slices line up", () => {
  const acc = new WindowAccumulator({
    columns: [{ name: "amount", ref: amountRef }],
    width: 1,
    slices: ["region"],
    versions: 2,
  });
  const a = rows(8, 0, true);
  a.label = a.label.map((l, i) => (i % 2 ? l : null)); // rows 1, 3, 5, 7: "0", "0", "0", "0"
  const b = rows(4, 0, true); // "1", "0", "0", "0"
  b.version.fill(1);
  b.preds = Float64Array.from([0.9, 0.2, 0.1, 0.4]);
  acc.add(a);
  acc.add(b);
  const s = acc.summary();
  assert.equal(s.rows, 12);
  assert.equal(s.labeled, 8);
  assert.deepEqual(s.labeledRows.keys, ["0", "1"], "in the order first seen");
  assert.deepEqual([...s.labeledRows.codes], [0, 0, 0, 0, 1, 0, 0, 0]);
  assert.deepEqual([...s.labeledRows.preds], [0.3, 0.3, 0.3, 0.3, 0.9, 0.2, 0.1, 0.4]);
  assert.deepEqual([...s.labeledRows.versions], [0, 0, 0, 0, 1, 1, 1, 1]);
  assert.deepEqual(s.labeledRows.slices[0].keys, ["eu", "eu", "eu", "eu", "na", "eu", "na", "eu"]);
  assert.deepEqual([...s.versions], [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
});

test("the window's bins are exactly binOf's (the profile's), values on the edges and nulls included", () => {
  const cases = [
    [-1.6, -1.2, -0.8, -0.4, 0, 0.4, 0.8, 1.2, 1.6],
    [0, 0, 0, 1, 1, 5, 5, 5, 1e6], // repeated edges, a long tail
    [1e-300, 2e-300, 3e-300], // a tiny range
    [3, 7],
  ];
  let seed = 11;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (const edges of cases) {
    const values = Float64Array.from({ length: 20_000 }, (_, i) => {
      const e = edges[i % edges.length];
      if (i % 5 === 0) return e; // on an edge
      if (i % 5 === 1) return e + Number.EPSILON * Math.max(1, Math.abs(e)); // just above it
      if (i % 10 === 2) return e - Number.EPSILON * Math.max(1, Math.abs(e)); // just below it
      const span = edges[edges.length - 1] - edges[0] || 1;
      return edges[0] - span * 0.1 + rand() * span * 1.2;
    });
    values[3] = Number.NaN;
    const ref = {
      kind: "numeric" as const,
      edges,
      fractions: new Array(edges.length + 1).fill(1 / (edges.length + 1)),
      rows: 100,
      distinct: 100,
      std: 1,
    };
    const acc = new WindowAccumulator({ columns: [{ name: "x", ref }], width: 1, slices: [], versions: 1 });
    const n = values.length;
    acc.add({
      length: n,
      version: new Int32Array(n),
      numeric: new Map([["x", values]]),
      text: new Map(),
      preds: new Float64Array(n),
      scored: new Uint8Array(n),
      label: new Array(n).fill(null),
    });
    const want = new Array(edges.length + 1).fill(0);
    for (const v of values) if (Number.isFinite(v)) want[binOf(edges, v)]++;
    const got = acc.summary().columns[0];
    assert.deepEqual(got.cur.kind === "numeric" && got.cur.counts, want, String(edges));
    assert.equal(got.nulls, 1);
  }
});

test("too few rows: no drift is judged, the record says so, and nothing alerts", () => {
  const p = planMonitoring(facts(400, 3));
  assert.equal(p.record.drift.status, "not-enough-rows");
  assert.deepEqual(p.record.drift.columns, []);
  assert.match(p.record.drift.notes[0], /not enough rows: 400 in the window, fewer than the 1000/);
  assert.equal(p.record.verdict, "not-enough-rows");
  assert.deepEqual(p.record.alerts, []);
  assert.equal(p.issue.open, false);
});

test("a drifted column alerts; the record is content-addressed, its commit carries the trailers that bind it", () => {
  const f = facts(1000, 3);
  const p = planMonitoring(f);
  const amount = p.record.drift.columns.find((c) => c.feature === "amount")!;
  assert.equal(amount.test, "wasserstein");
  assert.equal(amount.drifted, true);
  assert.equal(p.record.drift.columns.find((c) => c.feature === "region")?.drifted, false);
  assert.deepEqual(
    p.record.alerts.map((a) => [a.kind, a.feature]),
    [["drift", "amount"]],
  );
  assert.equal(p.record.verdict, "alert");
  monitoringRecordSchema.parse(JSON.parse(p.text));
  const hex = createHash("sha256").update(p.text).digest("hex");
  assert.equal(p.path, `records/fraud/monitoring/${hex}.json`);
  assert.equal(p.digest, `sha256:${hex}`);
  assert.deepEqual(Object.keys(p.files), [p.path]);
  const t = parseTrailers(p.message.split("\n\n").at(-1) ?? "");
  assert.deepEqual(t.get("Model"), ["fraud"]);
  assert.deepEqual(t.get("Model-Version"), ["1.0.0"]);
  assert.deepEqual(t.get("Environment"), ["production"]);
  assert.deepEqual(t.get("Monitored-Promotion"), [DIGEST]);
  assert.deepEqual(t.get("Monitoring-Record"), [p.digest]);
  assert.deepEqual(t.get("Monitoring-Verdict"), ["alert"]);
  assert.equal(t.get("Promotion-Record"), undefined, "it appends no promotion record, so it claims none");
  assert.match(p.message, /^Monitor fraud 1\.0\.0 in production: 1 alert\n/);
  assert.equal(p.issue.open, true);
  assert.equal(p.issue.marker, "modelgate-monitor:fraud:production");
  // the same facts, the same bytes
  assert.equal(planMonitoring(facts(1000, 3)).text, p.text);
  // the --json output, in the issue's shape
  assert.deepEqual(Object.keys(p.output).slice(0, 6), [
    "model",
    "version",
    "environment",
    "window",
    "drift",
    "performance",
  ]);
  assert.deepEqual(p.output.window, { since: "2026-05-01T00:00:00Z", until: "2026-05-08T00:00:00Z", rows: 1000 });
  assert.deepEqual(p.output.performance, { estimated: { recall: 0.41, precision: 0.5 } });
  assert.match(p.summary, /```mermaid\n[^`]*xychart-beta/);
  // with `share`, one drifted column of two does not alert
  const shared = planMonitoring(facts(1000, 3, { drift: { share: 0.6 } } as Partial<Monitoring>));
  assert.equal(shared.record.verdict, "ok");
  assert.match(
    shared.record.drift.notes.join("\n"),
    /1 of 2 columns drifted \(50%\), under the share that alerts \(60%\)/,
  );
});

test("gates read the realized value once enough labels arrived, else the estimate (said as such)", () => {
  const gates = monitoringSchema.parse({
    gates: [
      { metric: "recall", min: 0.5 },
      { metric: "precision", maxDrop: 0.02 },
      { metric: "recall", maxDrop: 0.1, severity: "warn" },
      { metric: "latency_p95_ms", max: 10 },
      { metric: "error_rate", max: 0.01 },
      { metric: "roc_auc", min: 0.7, estimated: false },
    ],
  }).gates;
  const estimated = judgeGates({
    gates,
    minRows: 500,
    performance: { estimated: { method: "CBPE", rows: 900, metrics: { recall: 0.41, precision: 0.5 } }, notes: [] },
    evaluation: { recall: 0.6, precision: 0.45 },
  });
  assert.deepEqual(
    estimated.results.map((r) => [r.status, r.basis]),
    [
      ["fail", "estimated"],
      ["pass", "estimated"],
      ["warn", "estimated"],
      ["skip", "none"],
      ["skip", "none"],
      ["skip", "none"],
    ],
  );
  assert.match(
    estimated.results[0].detail,
    /recall estimated 0\.41 \(CBPE, an estimate from the scores: no labels yet\): below the floor 0\.5/,
  );
  assert.deepEqual(
    estimated.alerts.map((a) => a.metric),
    ["recall"],
    "a warn gate warns, it does not alert",
  );
  const realized = judgeGates({
    gates,
    minRows: 500,
    performance: {
      realized: {
        rows: 800,
        metrics: { recall: 0.55, precision: 0.4, roc_auc: 0.8 },
        intervals: { recall: [0.5, 0.6], precision: [0.35, 0.42] },
        slices: [],
      },
      estimated: { method: "CBPE", rows: 900, metrics: { recall: 0.41 } },
      operations: {
        requests: 100,
        errors: 2,
        error_rate: 0.02,
        latency: { p50_ms: 4, p95_ms: 9, p99_ms: 30, rows: 100 },
      },
      notes: [],
    },
    evaluation: { recall: 0.6, precision: 0.45 },
  });
  assert.deepEqual(
    realized.results.map((r) => [r.status, r.basis]),
    [
      ["pass", "realized"],
      // precision 0.40 [0.35, 0.42]: the whole interval is below 0.45 - 0.02
      ["fail", "realized"],
      // recall dropped 0.05 (allowed 0.1)
      ["pass", "realized"],
      ["pass", "operations"],
      ["fail", "operations"],
      ["pass", "realized"],
    ],
  );
  assert.deepEqual(
    realized.alerts.map((a) => [a.kind, a.metric]),
    [
      ["performance", "precision"],
      ["errors", "error_rate"],
    ],
  );
  assert.match(
    realized.alerts[0].message,
    /precision 0\.4 \[0\.35, 0\.42\] on 800 labelled rows: down 0\.05 from 0\.45/,
  );
  // fewer labelled rows than a window needs: the estimate decides
  const few = judgeGates({
    gates: gates.slice(0, 1),
    minRows: 500,
    performance: {
      realized: { rows: 20, metrics: { recall: 0.9 }, intervals: {}, slices: [] },
      estimated: { method: "CBPE", rows: 900, metrics: { recall: 0.41 } },
      notes: [],
    },
    evaluation: {},
  });
  assert.equal(few.results[0].basis, "estimated");
  assert.match(few.results[0].detail, /20 labelled rows, fewer than 500/);
});
