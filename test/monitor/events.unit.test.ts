/**
 * KServe's payload logs as monitor reads them (issue #23 item 1): CloudEvents of type …inference.request and
 * …inference.response joined by id, in either order; open inference protocol (v2) bodies with a tensor input or one
 * input per column and request parameters naming Dataset columns; KServe v1 bodies; data_base64; errors; latency.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type CloudEvent,
  EventJoiner,
  type PayloadSpec,
  PayloadProblem,
  parseTimestamp,
  REQUEST_TYPE,
  RESPONSE_TYPE,
  requestRows,
  responsePredictions,
} from "../../src/monitor/events.ts";

const spec: PayloadSpec = {
  features: ["amount", "hour"],
  mode: "tensor",
  tensor: "float_input",
  outputs: { probability: "probabilities", label: "label" },
  columns: new Set(["transaction_id", "amount", "hour", "region", "is_fraud"]),
  idColumn: "transaction_id",
};

const ev = (type: string, id: string, data: unknown, time?: string, line = 1): CloudEvent => ({
  id,
  type,
  ...(time ? { time } : {}),
  data,
  where: `logs.jsonl:${line}`,
});

test("a v2 request with a [N, F] tensor gives N rows of the model's features; parameters name Dataset columns", () => {
  const rows = requestRows(
    {
      inputs: [{ name: "float_input", shape: [2, 2], datatype: "FP32", data: [120.5, 3, 40, 22] }],
      parameters: { transaction_id: [7, 8], region: "eu", unrelated: "x" },
    },
    spec,
    "f:1",
  );
  assert.equal(rows.length, 2);
  assert.deepEqual(Object.fromEntries(rows[0]), { amount: 120.5, hour: 3, transaction_id: 7, region: "eu" });
  assert.deepEqual(Object.fromEntries(rows[1]), { amount: 40, hour: 22, transaction_id: 8, region: "eu" });
  // nested lists, as KServe also accepts them
  const nested = requestRows({ inputs: [{ name: "float_input", shape: [1, 2], data: [[1, 2]] }] }, spec, "f:2");
  assert.deepEqual(Object.fromEntries(nested[0]), { amount: 1, hour: 2 });
});

test("a v2 request of one input per column (columns mode, the pandas codec) and v1 instances", () => {
  const columns: PayloadSpec = { ...spec, mode: "columns", tensor: undefined };
  const rows = requestRows(
    {
      inputs: [
        { name: "amount", shape: [2], datatype: "FP64", data: [1.5, 2.5] },
        { name: "hour", shape: [2, 1], datatype: "INT64", data: [[4], [5]] },
        { name: "region", shape: [2], datatype: "BYTES", data: ["na", "latam"] },
      ],
    },
    columns,
    "f:1",
  );
  assert.deepEqual(
    rows.map((r) => Object.fromEntries(r)),
    [
      { amount: 1.5, hour: 4, region: "na" },
      { amount: 2.5, hour: 5, region: "latam" },
    ],
  );
  const v1 = requestRows({ instances: [[10, 1], { amount: 20, hour: 2, region: "eu", nope: 1 }] }, spec, "f:2");
  assert.deepEqual(
    v1.map((r) => Object.fromEntries(r)),
    [
      { amount: 10, hour: 1 },
      { amount: 20, hour: 2, region: "eu" },
    ],
  );
  assert.throws(
    () => requestRows({ instances: [[1, 2, 3]] }, spec, "f:3"),
    /instance 0 has 3 values; the model takes 2/,
  );
  assert.throws(() => requestRows({ query: 1 }, spec, "f:4"), /neither `inputs`.*nor `instances`/);
});

test("a response's predictions come from the output the manifest names; v1 predictions; an error body", () => {
  const v2 = responsePredictions(
    {
      outputs: [
        { name: "label", shape: [2], datatype: "INT64", data: [0, 1] },
        { name: "probabilities", shape: [2, 2], datatype: "FP32", data: [0.9, 0.1, 0.2, 0.8] },
      ],
    },
    spec,
    "f:1",
  );
  assert.deepEqual(v2.predictions, [
    [0.9, 0.1],
    [0.2, 0.8],
  ]);
  const v1 = responsePredictions({ predictions: [[0.7, 0.3], 0.4, { probabilities: [0.1, 0.9] }] }, spec, "f:2");
  assert.deepEqual(v1.predictions, [[0.7, 0.3], [0.4], [0.1, 0.9]]);
  assert.deepEqual(responsePredictions({ error: "model not ready" }, spec, "f:3"), { error: "model not ready" });
});

test("requests and responses join by id in either order; latency from their times; rows without a response", () => {
  const j = new EventJoiner(spec);
  const req = (id: string, tid: number, t: string) =>
    ev(
      REQUEST_TYPE,
      id,
      { inputs: [{ name: "float_input", shape: [1, 2], data: [tid, 1] }], parameters: { transaction_id: tid } },
      t,
    );
  const res = (id: string, p: number, t: string) =>
    ev(RESPONSE_TYPE, id, { outputs: [{ name: "probabilities", shape: [1, 2], data: [1 - p, p] }] }, t);
  assert.deepEqual(j.add(req("a", 1, "2026-05-01T10:00:00Z")), []);
  const joined = j.add(res("a", 0.25, "2026-05-01T10:00:00.012Z"));
  assert.equal(joined.length, 1);
  assert.equal(joined[0].id, "1", "the Dataset's id column, named by a request parameter");
  assert.deepEqual(joined[0].prediction, [0.75, 0.25]);
  assert.equal(joined[0].latencyMs, 12);
  assert.equal(joined[0].time, Date.parse("2026-05-01T10:00:00Z"));
  // the response first
  assert.deepEqual(j.add(res("b", 0.5, "2026-05-01T10:01:00Z")), []);
  assert.equal(j.add(req("b", 2, "2026-05-01T10:00:59Z"))[0].prediction?.[1], 0.5);
  // a request never answered; a response whose request is not in the logs; another event type
  j.add(req("c", 3, "2026-05-01T10:02:00Z"));
  j.add(res("z", 0.1, "2026-05-01T10:03:00Z"));
  j.add(ev("com.example.other", "q", {}));
  const left = j.finish();
  assert.equal(left.length, 1);
  assert.equal(left[0].prediction, undefined);
  assert.deepEqual(j.counts, { requests: 3, responses: 3, orphanResponses: 1, otherEvents: 1, errors: 0 });
});

test("data_base64 bodies, error responses, ids of multi-row requests, and what cannot be read", () => {
  const j = new EventJoiner({ ...spec, idColumn: undefined });
  const body = Buffer.from(JSON.stringify({ inputs: [{ name: "float_input", shape: [2, 2], data: [1, 2, 3, 4] }] }));
  j.add({ id: "r", type: REQUEST_TYPE, data_base64: body.toString("base64"), where: "f:1" });
  const rows = j.add(ev(RESPONSE_TYPE, "r", { error: "timeout" }));
  assert.deepEqual(
    rows.map((r) => [r.id, r.error]),
    [
      ["r/0", true],
      ["r/1", true],
    ],
  );
  assert.equal(j.counts.errors, 1);
  assert.throws(
    () => j.add(ev(REQUEST_TYPE, "", {})),
    (e: unknown) => e instanceof PayloadProblem && /logs\.jsonl:1: the event has no id/.test((e as Error).message),
  );
  assert.throws(() => j.add(ev(REQUEST_TYPE, "x", "{not json")), /logs.jsonl:1: the event's data is not JSON/);
  assert.throws(
    () => j.add(ev(REQUEST_TYPE, "y", { inputs: [{ name: "other", shape: [1, 3], data: [1, 2, 3] }] })),
    /no input of the request feeds the model/,
  );
  // a response that does not match its request's rows
  j.add(ev(REQUEST_TYPE, "w", { inputs: [{ name: "float_input", shape: [1, 2], data: [1, 2] }] }));
  assert.throws(
    () => j.add(ev(RESPONSE_TYPE, "w", { outputs: [{ name: "probabilities", shape: [2, 2], data: [1, 0, 0, 1] }] })),
    /2 predictions for the request's 1 rows/,
  );
});

test("timestamps: RFC 3339 with a zone, epoch seconds; anything else is not a time", () => {
  assert.equal(parseTimestamp("2026-05-01T10:00:00Z"), Date.parse("2026-05-01T10:00:00Z"));
  assert.equal(parseTimestamp("2026-05-01 12:00:00+02:00"), Date.parse("2026-05-01T10:00:00Z"));
  assert.equal(parseTimestamp(1777629600), 1777629600000);
  assert.equal(parseTimestamp("1777629600.5"), 1777629600500);
  assert.equal(parseTimestamp(new Date(5)), 5);
  for (const bad of ["2026-05-01T10:00:00", "yesterday", "", null, true])
    assert.ok(Number.isNaN(parseTimestamp(bad)), String(bad));
});
