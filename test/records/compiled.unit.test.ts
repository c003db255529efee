import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { z } from "zod";
import { API_VERSION } from "../../src/manifest/schema.ts";
import { generateCheck } from "../../src/records/compiled.ts";
import { generatedChecks } from "../../src/records/generated-checks.ts";
import { promotionRecordSchema } from "../../src/records/promotion.ts";
import { checkPromotionRecord } from "../../src/records/promotion-check.ts";
import { checkMonitoringRecord } from "../../src/records/monitoring-check.ts";
import { monitoringRecordSchema } from "../../src/records/monitoring.ts";

/** A check generated from `schema` as JavaScript, loaded as a module. */
async function compileSchema(schema: z.ZodType): Promise<(input: unknown) => unknown> {
  const js = generateCheck(schema, { name: "check", typeName: "T", typeFrom: "", header: "", js: true });
  return (await import(`data:text/javascript,${encodeURIComponent(js)}`)).check;
}

const hex = (c: string) => c.repeat(64);
const commit = "a".repeat(40);

const publish = {
  apiVersion: API_VERSION,
  kind: "PromotionRecord",
  sequence: 1,
  previous: null,
  action: "publish",
  at: "2026-01-02T03:04:05Z",
  model: { name: "churn", version: "1.0.0", sha256: hex("1"), path: "models/churn/model.onnx" },
  data: [{ name: "churn-eval", sha256: hex("2") }],
  evaluation: {
    record: `sha256:${hex("3")}`,
    path: `records/churn/evaluations/${hex("3")}.json`,
    verdict: "pass",
    gates: [{ gate: "roc_auc >= 0.85", status: "pass" }],
    metrics: { roc_auc: 0.91, brier: null },
  },
  pullRequest: { number: 7, author: "alice", head: commit, url: "https://github.com/o/r/pull/7" },
  approvals: [{ reviewer: "bob", reviewId: 11, commit, submittedAt: "2026-01-02T03:00:00Z" }],
  approvalSource: { from: "github", api: "https://api.github.com", run: null },
  image: { reference: `ghcr.io/o/churn@sha256:${hex("4")}`, digest: `sha256:${hex("4")}` },
  environment: "staging",
  stageTag: "churn#staging#1",
  source: "b".repeat(40),
  triggeredBy: "carol",
  card: { path: "models/churn/MODEL_CARD.md", sha256: hex("5") },
  attestation: {
    signer: "key",
    builder: { id: "modelgate offline" },
    datasets: [{ name: "churn-eval", path: "data/eval.csv" }],
    statements: [{ predicateType: "https://slsa.dev/provenance/v1", digest: `sha256:${hex("6")}` }],
  },
};
const release = {
  ...publish,
  sequence: 2,
  previous: `sha256:${hex("7")}`,
  action: "release",
  environment: "production",
  stageTag: "churn#production#1",
  pullRequest: null,
  approvalSource: { from: "facts-file" },
  release: {
    tag: "churn@v1.0.0",
    tagObject: "c".repeat(40),
    pushedBy: "dana",
    signature: { verified: false, reason: "unsigned" },
    environmentApprovals: [
      { user: "erin", state: "approved", comment: "", at: "2026-01-02T04:00:00Z", environments: ["production"] },
    ],
    publishRecord: `sha256:${hex("8")}`,
    supersedes: { version: "0.9.0", image: `sha256:${hex("9")}` },
    runId: 5,
    runAttempt: 1,
  },
};
const deregister = {
  ...publish,
  sequence: 3,
  previous: `sha256:${hex("a")}`,
  action: "deregister",
  registry: { publishRecord: `sha256:${hex("8")}`, pushedBy: "dana" },
};

/** Every value at every path of a JSON value, with a setter. */
function* paths(v: unknown, path: (string | number)[] = []): Generator<(string | number)[]> {
  yield path;
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* paths(v[i], [...path, i]);
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) yield* paths(x, [...path, k]);
}
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));
function mutated(record: object): unknown[] {
  const out: unknown[] = [];
  const replacements = [
    null,
    "x",
    "",
    0,
    -1,
    1.5,
    Number.POSITIVE_INFINITY,
    true,
    {},
    [],
    [1],
    { extra: 1 },
    "sha256:zz",
  ];
  for (const path of paths(record)) {
    if (path.length === 0) continue;
    const at = (r: unknown) => path.slice(0, -1).reduce((o: any, k) => o[k], r) as any;
    const last = path[path.length - 1];
    for (const x of replacements) {
      const r = clone(record);
      at(r)[last] = x;
      out.push(r);
    }
    const r = clone(record);
    if (Array.isArray(at(r))) at(r).splice(last, 1);
    else delete at(r)[last];
    out.push(r);
    const extra = clone(record);
    const parent = at(extra);
    if (parent && typeof parent === "object" && !Array.isArray(parent)) parent.unexpected = 1;
    out.push(extra);
  }
  out.push(JSON.parse('{"__proto__": {"x": 1}}'), null, [], "record", 1);
  return out;
}

test("src/records/promotion-check.ts and the other generated checks are what the schemas generate (run `npm run schemas` when this fails)", () => {
  for (const [path, text] of Object.entries(generatedChecks())) assert.equal(readFileSync(path, "utf8"), text, path);
});

/**
 * A generated check beside zod's on each input: whatever it accepts, zod accepts, with the same value (keys in the same
 * order); how many it accepted, and how many it left to zod.
 */
function againstZod(inputs: unknown[], check: (json: unknown) => unknown, schema: z.ZodType) {
  let accepted = 0;
  let deferred = 0;
  for (const input of inputs) {
    const fast = check(input);
    const zod = schema.safeParse(input);
    if (fast === undefined) {
      deferred++;
      continue;
    }
    accepted++;
    assert.ok(zod.success, `the compiled check accepted what zod rejects: ${JSON.stringify(input).slice(0, 300)}`);
    assert.equal(JSON.stringify(fast), JSON.stringify(zod.data));
  }
  return { accepted, deferred };
}

test("the generated promotion-record check accepts only what zod accepts, and returns what zod returns", () => {
  const { accepted, deferred } = againstZod(
    [publish, release, deregister, ...[publish, release, deregister].flatMap(mutated)],
    checkPromotionRecord,
    promotionRecordSchema,
  );
  // the three records, and the mutations zod also accepts (an optional field removed, another string), are not deferred
  assert.ok(accepted > 3 && deferred > 100, `${accepted} accepted, ${deferred} deferred`);
  for (const r of [publish, release, deregister]) assert.ok(checkPromotionRecord(r) !== undefined, "a valid record");
});

/** A monitoring record with every optional part (estimated and realized metrics, intervals, latency, p-values). */
const monitoring = {
  apiVersion: API_VERSION,
  kind: "MonitoringRecord",
  model: { name: "churn", version: "1.0.0", sha256: hex("1"), task: "binary-classification" },
  environment: "production",
  promotion: { record: `sha256:${hex("2")}`, sequence: 2, ledger: "records/churn/promotions.jsonl", stageTag: "s#1" },
  versions: [
    {
      version: "1.0.0",
      sha256: hex("1"),
      promotion: `sha256:${hex("2")}`,
      sequence: 2,
      stageTag: "churn#production#1",
      from: "2026-03-09T00:00:00Z",
      until: "2026-03-16T00:00:00Z",
      rows: 1200,
      scored: 3,
    },
  ],
  window: { since: "2026-03-09T00:00:00Z", until: "2026-03-16T00:00:00Z", rows: 1200, labeled: 400, skipped: { x: 2 } },
  sources: [{ path: "logs.jsonl", sha256: hex("3"), kind: "table", rows: 1203 }],
  reference: { dataset: "churn-eval", sha256: hex("4"), rows: 500, evaluation: `sha256:${hex("5")}` },
  minRows: 1000,
  drift: {
    status: "checked",
    correction: "holm",
    alpha: 0.05,
    columns: [
      {
        feature: "tenure",
        kind: "numeric",
        test: "ks",
        statistic: 0.12,
        pValue: 0.01,
        adjustedPValue: 0.02,
        threshold: 0.05,
        drifted: true,
        rows: { reference: 500, current: 1200 },
      },
    ],
    drifted: 1,
    notes: ["plan: not judged"],
  },
  performance: {
    realized: {
      rows: 400,
      metrics: { roc_auc: 0.9, brier: null },
      intervals: { roc_auc: [0.85, 0.94] },
      slices: [
        {
          column: "plan",
          value: "a",
          count: 40,
          supported: true,
          metrics: { roc_auc: 0.8 },
          intervals: { roc_auc: [0.7, 0.9] },
        },
      ],
    },
    estimated: { method: "CBPE", rows: 1200, metrics: { roc_auc: 0.88 } },
    comparison: { roc_auc: { estimated: 0.88, realized: 0.9, difference: -0.02 } },
    operations: {
      requests: 1203,
      errors: 3,
      error_rate: 0.0025,
      latency: { p50_ms: 4, p95_ms: 9, p99_ms: 15, rows: 1200 },
    },
    notes: [],
  },
  gates: [{ gate: "roc_auc >= 0.8", status: "pass", basis: "realized", value: 0.9, detail: "0.9 >= 0.8" }],
  alerts: [{ kind: "drift", feature: "tenure", message: "tenure drifted" }],
  verdict: "alert",
  runtime: { modelgate: "0.1.0", onnxruntime: "1.20.0" },
};

test("the generated monitoring-record check accepts only what zod accepts, and returns what zod returns", () => {
  const { accepted, deferred } = againstZod(
    [monitoring, ...mutated(monitoring)],
    checkMonitoringRecord,
    monitoringRecordSchema,
  );
  assert.ok(checkMonitoringRecord(monitoring) !== undefined, "a valid record");
  if (process.env.COMPILED_COUNTS) console.error(`monitoring: ${accepted} accepted, ${deferred} deferred`);
  assert.ok(accepted > 20 && deferred > 1000, `${accepted} accepted, ${deferred} deferred`);
});

test("a tuple of fixed items: an array of exactly their number, each checked; one with a rest defers", async () => {
  const pair = await compileSchema(z.strictObject({ i: z.tuple([z.number(), z.string()]) }));
  assert.deepEqual(pair({ i: [1, "a"] }), { i: [1, "a"] });
  for (const i of [[1], [1, "a", 2], ["a", 1], {}, [Number.NaN, "a"]]) assert.equal(pair({ i }), undefined);
  const rest = await compileSchema(z.strictObject({ i: z.tuple([z.number()], z.string()) }));
  assert.equal(rest({ i: [1] }), undefined);
});

test("a schema using what the generated check does not know always defers to zod", async () => {
  const check = await compileSchema(z.strictObject({ at: z.string().datetime() }));
  assert.equal(check({ at: "2026-01-02T03:04:05Z" }), undefined);
  const loose = await compileSchema(z.object({ a: z.string() }));
  assert.equal(loose({ a: "x" }), undefined);
  const ok = await compileSchema(z.strictObject({ a: z.string().nullable(), b: z.number().int().optional() }));
  assert.deepEqual(ok({ b: 1, a: null }), { a: null, b: 1 });
  assert.equal(ok({ a: "x", b: 1.5 }), undefined);
});
