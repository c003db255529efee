import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { cellToString, readBatches } from "../../data/read.ts";
import { ModelRunner } from "../../evaluate/runner.ts";
import { modelIoOf } from "../../evaluate/spec.ts";
import type { Dataset, Model } from "../../manifest/schema.ts";
import { REQUEST_TYPE, RESPONSE_TYPE } from "../../monitor/events.ts";

/**
 * Production traffic for the demo (and the tests): the rows of a data file, spread evenly over a span of days, as
 * KServe's logger sends them (one CloudEvent per inference request and one per response, JSON lines, the request's id
 * as the event id, the open inference protocol's v2 bodies: the model's tensor input, its probabilities and label
 * outputs as served by the given model); the Dataset's id and slice columns ride along as request parameters, and the
 * labels, which arrive later, go to a separate table of id and label. Deterministic: the same inputs, the same bytes.
 */

export interface TrafficOptions {
  /** The data file and its Dataset manifest (columns, id, label). */
  data: string;
  dataset: Dataset;
  /** The model that served the traffic, and its manifest. */
  model: Uint8Array;
  manifest: Model;
  /** When the first request arrived (ms), and over how many days the rows are spread. */
  start: number;
  days: number;
  /** Where the CloudEvents and the labels go. */
  events: string;
  labels: string;
}

export interface Traffic {
  requests: number;
  first: string;
  last: string;
}

const iso = (t: number) => new Date(t).toISOString();

export async function kserveTraffic(o: TrafficOptions): Promise<Traffic> {
  const m = o.manifest;
  const features = m.spec.inputs.features;
  const cols = o.dataset.spec.columns;
  const idCol = cols.find((c) => c.role === "id")?.name;
  const params = cols.filter((c) => c.role === "id" || c.role === "slice").map((c) => c.name);
  const label = m.spec.label.column;
  const runner = await ModelRunner.open(o.model, `${m.metadata.name}@${m.spec.version}`, m.spec.task, modelIoOf(m));
  const events = createWriteStream(o.events);
  const labels = createWriteStream(o.labels);
  const write = async (s: NodeJS.WritableStream, text: string) => {
    if (!s.write(text)) await once(s, "drain");
  };
  let total = 0;
  for await (const _ of readBatches(o.data, { columns: [label] })) total += _.length;
  const span = o.days * 86_400_000;
  const tensor = m.spec.inputs.tensor ?? "input";
  await write(labels, `${idCol ?? "id"},${label}\n`);
  let i = 0;
  let last = o.start;
  try {
    for await (const b of readBatches(o.data, { columns: [...features, ...params, label], numeric: features })) {
      const numeric = new Map(features.map((f) => [f, b.numeric![b.columns.indexOf(f)]!]));
      const out = await runner.run({ length: b.length, numeric, strings: new Map() });
      const w = runner.output.width;
      for (let r = 0; r < b.length; r++, i++) {
        const t = o.start + Math.floor((i * span) / Math.max(1, total));
        last = t;
        const cell = (c: string) => b.data[b.columns.indexOf(c)][r];
        const id = idCol ? String(cellToString(cell(idCol))) : String(i);
        const parameters = Object.fromEntries(
          params.map((p) => {
            const v = cell(p);
            return [p, typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v];
          }),
        );
        const request = {
          specversion: "1.0",
          id: `req-${id}`,
          type: REQUEST_TYPE,
          source: "http://localhost:9081/",
          time: iso(t),
          datacontenttype: "application/json",
          inferenceservicename: m.metadata.name,
          namespace: "production",
          component: "predictor",
          endpoint: "",
          data: {
            id: `req-${id}`,
            inputs: [
              {
                name: tensor,
                shape: [1, features.length],
                datatype: "FP32",
                data: features.map((f) => numeric.get(f)![r]),
              },
            ],
            parameters,
          },
        };
        const probs = Array.from(out.subarray(r * w, (r + 1) * w), (x) => Number(x.toFixed(6)));
        const response = {
          ...request,
          type: RESPONSE_TYPE,
          time: iso(t + 3 + (i % 10)),
          data: {
            model_name: m.metadata.name,
            model_version: m.spec.version,
            id: `req-${id}`,
            outputs: [
              { name: "label", shape: [1], datatype: "INT64", data: [probs.length > 1 && probs[1] >= 0.5 ? 1 : 0] },
              { name: m.spec.outputs.probability ?? "probabilities", shape: [1, w], datatype: "FP32", data: probs },
            ],
          },
        };
        await write(events, `${JSON.stringify(request)}\n${JSON.stringify(response)}\n`);
        await write(labels, `${id},${cellToString(cell(label))}\n`);
      }
    }
  } finally {
    await runner.close();
    events.end();
    labels.end();
    await Promise.all([once(events, "close"), once(labels, "close")]);
  }
  return { requests: i, first: iso(o.start), last: iso(last) };
}
