/**
 * Reading what production logged (issue #23 item 1) through the one data reader: CloudEvents whose optional
 * attributes differ from line to line (KServe's `annotations`, `data_base64` for a non-JSON content type), tables
 * with epoch-second timestamps and the optional prediction, latency and error columns, folders of logs, labels.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { keyOf } from "../../src/evaluate/collect.ts";
import type { PayloadSpec } from "../../src/monitor/events.ts";
import { eventBatches, expandPaths, logKind, readLabels, tableBatches } from "../../src/monitor/logs.ts";

const spec: PayloadSpec = {
  features: ["amount", "hour"],
  mode: "tensor",
  tensor: "float_input",
  outputs: { probability: "probabilities" },
  columns: new Set(["transaction_id", "amount", "hour", "region"]),
  idColumn: "transaction_id",
};

test("CloudEvents lines need not share their keys: the attributes monitor reads are taken from every line", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-logs-"));
  const file = join(dir, "events.jsonl");
  const request = (id: string, tid: number) => ({
    specversion: "1.0",
    id,
    type: "org.kubeflow.serving.inference.request",
    time: "2026-05-01T10:00:00Z",
    inferenceservicename: "fraud",
    data: { inputs: [{ name: "float_input", shape: [1, 2], data: [10, 3] }], parameters: { transaction_id: tid } },
  });
  const base64 = Buffer.from(JSON.stringify({ outputs: [{ name: "probabilities", shape: [1, 2], data: [0.4, 0.6] }] }));
  writeFileSync(
    file,
    [
      request("a", 1),
      { ...request("b", 2), annotations: '{"team":"risk"}' },
      {
        specversion: "1.0",
        id: "b",
        type: "org.kubeflow.serving.inference.response",
        time: "2026-05-01T10:00:00.008Z",
        datacontenttype: "application/octet-stream",
        data_base64: base64.toString("base64"),
      },
    ]
      .map((e) => JSON.stringify(e))
      .join("\n"),
  );
  assert.equal(await logKind(file), "cloudevents");
  const rows: { id: string | null; prediction?: number[]; latency: number }[] = [];
  for await (const { batch } of eventBatches(file, "events.jsonl", spec, new Set(["amount", "hour"]))) {
    for (let r = 0; r < batch.length; r++)
      rows.push({ id: batch.id(r), prediction: batch.prediction?.[r], latency: batch.latencyMs?.[r] ?? Number.NaN });
    assert.deepEqual([...(batch.numeric.get("amount") ?? [])], [10, 10]);
  }
  rows.sort((x, y) => String(x.id).localeCompare(String(y.id)));
  assert.deepEqual(rows[0].id, "1");
  assert.equal(rows[0].prediction, undefined, "no response logged for a: monitor scores it");
  assert.deepEqual(rows[1], { id: "2", prediction: [0.4, 0.6], latency: 8 });
});

test("tables: epoch-second timestamps, the prediction column, columns the file lacks said; folders and labels", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-logs-"));
  mkdirSync(join(dir, "logs/day2"), { recursive: true });
  writeFileSync(
    join(dir, "logs/a.csv"),
    "timestamp,transaction_id,amount,prediction,latency_ms\n1777629600,7,12.5,0.25,4\n1777629601,8,3,,6\n",
  );
  writeFileSync(join(dir, "logs/day2/b.csv"), "timestamp,transaction_id,amount\n1777629602,9,1\n");
  writeFileSync(join(dir, "logs/notes.txt"), "not a log");
  const files = await expandPaths(dir, ["logs"], "--logs");
  assert.deepEqual(
    files.map((f) => f.slice(dir.length + 1)),
    ["logs/a.csv", "logs/day2/b.csv"],
  );
  assert.equal(await logKind(files[0]), "table");
  for await (const { batch, missing } of tableBatches(files[0], "a.csv", {
    numeric: ["amount", "hour"],
    other: ["region"],
    idColumn: "transaction_id",
  })) {
    assert.deepEqual(missing, ["hour", "region"]);
    assert.deepEqual([...batch.time], [1777629600000, 1777629601000]);
    assert.deepEqual([batch.id(0), batch.id(1)], ["7", "8"]);
    assert.deepEqual(
      [...(batch.predicted ?? [])].map((x) => (Number.isNaN(x) ? null : x)),
      [0.25, null],
    );
    assert.deepEqual([...(batch.latencyMs ?? [])], [4, 6]);
  }
  await assert.rejects(expandPaths(dir, ["nowhere"], "--logs"), /--logs nowhere: no such file or folder/);
  mkdirSync(join(dir, "empty"));
  await assert.rejects(expandPaths(dir, ["empty"], "--logs"), /the folder holds no \.csv/);
  assert.deepEqual(await expandPaths(dir, ["empty"], "--labels", true), [], "labels that have not arrived yet");
  writeFileSync(join(dir, "labels.csv"), "transaction_id,is_fraud,timestamp\n7,1,x\n8.0,0,y\n");
  const labels = new Map<string, string>();
  assert.equal(
    await readLabels(join(dir, "labels.csv"), "labels.csv", { id: "transaction_id", label: "is_fraud" }, labels, (c) =>
      keyOf(c),
    ),
    2,
  );
  assert.deepEqual(Object.fromEntries(labels), { "7": "1", "8": "0" });
  await assert.rejects(
    readLabels(join(dir, "labels.csv"), "labels.csv", { label: "churned" }, new Map(), (c) => keyOf(c)),
    /a labels table needs an id column \(id\)/,
  );
});

test("a CSV table's timestamps read as numbers: epoch seconds and RFC 3339 side by side, a bad one named as written", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-logs-"));
  const file = join(dir, "t.csv");
  const want = { numeric: ["amount"], other: [] };
  const times = async (cells: string[]) => {
    writeFileSync(file, `timestamp,amount\n${cells.map((c, i) => `${c},${i}`).join("\n")}\n`);
    const out: number[] = [];
    for await (const { batch } of tableBatches(file, "t.csv", want)) out.push(...batch.time);
    return out;
  };
  assert.deepEqual(
    await times(["1780272000", "2026-06-01T00:00:01Z", "1780272002.5", '"1780272003"', " 1780272004"]),
    [1780272000000, 1780272001000, 1780272002500, 1780272003000, 1780272004000],
  );
  for (const [cell, shown] of [
    ["-5", "-5"],
    ["later", "later"],
    ["", null],
  ])
    await assert.rejects(times(["1780272000", cell as string]), (e: Error) =>
      e.message.includes(`t.csv:3: timestamp ${JSON.stringify(shown)} is not a time`),
    );
});
