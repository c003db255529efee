import type { Cell } from "../data/read.ts";

/**
 * KServe's payload logs as modelgate reads them: CloudEvents (structured mode, one JSON object per line) of type
 * `org.kubeflow.serving.inference.request` and `…response`, which KServe's logger sends with the request's id as the
 * event id (pkg/logger, v0.20), joined here by that id into logged rows: the request's features (and any Dataset
 * column it names), the response's prediction, the time and, when both events carry one, the latency. Bodies are the
 * open inference protocol (v2: `inputs[]` / `outputs[]`) or KServe's v1 (`instances` / `predictions`). Pure: events
 * in, rows out; the file reading is the service's.
 */

export const REQUEST_TYPE = "org.kubeflow.serving.inference.request";
export const RESPONSE_TYPE = "org.kubeflow.serving.inference.response";

/** The event attributes modelgate reads (other attributes and extensions are ignored). */
export const EVENT_KEYS = ["specversion", "id", "type", "time", "datacontenttype", "data", "data_base64"] as const;

export interface CloudEvent {
  id: unknown;
  type: unknown;
  time?: unknown;
  datacontenttype?: unknown;
  data?: unknown;
  data_base64?: unknown;
  /** Where the event was read (file:line), for messages. */
  where: string;
}

/** How the model's inputs and outputs are named: the Model manifest's words, and the Dataset's columns. */
export interface PayloadSpec {
  /** The feature columns, in the model's order (a tensor input's columns). */
  features: string[];
  /** Tensor mode: the input name (default: an input of [N, features] shape). Columns mode: undefined. */
  tensor?: string;
  mode: "tensor" | "columns";
  outputs: { probability?: string; label?: string; value?: string };
  /** Dataset columns a request may name (inputs of shape [N], request parameters, v1 instance keys). */
  columns: Set<string>;
  /** The Dataset's id column, when it has one. */
  idColumn?: string;
}

export interface LoggedRow {
  /** Milliseconds since the epoch; NaN when the event has no readable time. */
  time: number;
  /** The row's id: the Dataset's id column when the request names it, else the event id (`id/i` in a batch). */
  id: string;
  values: Map<string, Cell>;
  /** The model's output for the row (class probabilities, a score or a value); undefined when not logged. */
  prediction?: number[];
  latencyMs?: number;
  error?: boolean;
  where: string;
}

/** Something in an event that cannot be read: the service turns it into a usage error naming the file and line. */
export class PayloadProblem extends Error {
  constructor(
    readonly where: string,
    detail: string,
  ) {
    super(`${where}: ${detail}`);
    this.name = "PayloadProblem";
  }
}

/** An event's time in ms (RFC 3339 with a zone), NaN when absent. */
export function eventTime(e: CloudEvent): number {
  if (typeof e.time !== "string") return Number.NaN;
  return parseTimestamp(e.time);
}

/**
 * A timestamp cell as ms since the epoch: RFC 3339 with a zone (`2024-05-01T10:00:00Z`, `…+02:00`, a space for the T),
 * epoch seconds (a number, or digits with an optional fraction), or a Date; NaN for anything else.
 */
export function parseTimestamp(v: Cell | unknown): number {
  if (v instanceof Date) return v.getTime();
  if (typeof v === "number") return Number.isFinite(v) ? v * 1000 : Number.NaN;
  if (typeof v === "bigint") return Number(v) * 1000;
  if (typeof v !== "string") return Number.NaN;
  const t = v.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 1000;
  if (!/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})$/.test(t)) return Number.NaN;
  return Date.parse(t.replace(" ", "T"));
}

/** The event's body as JSON: `data` (an object, or JSON text), or `data_base64` holding JSON. */
export function eventBody(e: CloudEvent): Record<string, unknown> {
  let d: unknown = e.data;
  if (d === undefined || d === null) {
    if (typeof e.data_base64 !== "string") throw new PayloadProblem(e.where, "the event has no data");
    d = Buffer.from(e.data_base64, "base64").toString("utf8");
  }
  if (typeof d === "string") {
    try {
      d = JSON.parse(d);
    } catch {
      throw new PayloadProblem(e.where, "the event's data is not JSON (an inference request or response)");
    }
  }
  if (!d || typeof d !== "object" || Array.isArray(d)) {
    throw new PayloadProblem(e.where, "the event's data is not a JSON object (an inference request or response)");
  }
  return d as Record<string, unknown>;
}

/** A v2 tensor's values, flattened in row-major order (nested lists are accepted as KServe accepts them). */
function flatData(t: Record<string, unknown>, where: string): Cell[] {
  const data = t.data;
  if (!Array.isArray(data)) throw new PayloadProblem(where, `tensor "${String(t.name)}" has no data array`);
  return (data as unknown[]).flat(Number.POSITIVE_INFINITY) as Cell[];
}

function shapeOf(t: Record<string, unknown>, count: number): number[] {
  const s = t.shape;
  if (Array.isArray(s) && s.every((x) => typeof x === "number")) return s as number[];
  return [count];
}

/** The rows of an inference request: each a map from column to value. */
export function requestRows(body: Record<string, unknown>, spec: PayloadSpec, where: string): Map<string, Cell>[] {
  if (Array.isArray(body.inputs)) return v2Request(body, spec, where);
  if (Array.isArray(body.instances)) return v1Request(body.instances as unknown[], spec, where);
  throw new PayloadProblem(
    where,
    "the request has neither `inputs` (open inference protocol, v2) nor `instances` (KServe v1)",
  );
}

function v2Request(body: Record<string, unknown>, spec: PayloadSpec, where: string): Map<string, Cell>[] {
  const inputs = body.inputs as Record<string, unknown>[];
  const F = spec.features.length;
  let rows: Map<string, Cell>[] | undefined;
  const ensure = (n: number, name: string) => {
    if (!rows) rows = Array.from({ length: n }, () => new Map<string, Cell>());
    else if (rows.length !== n)
      throw new PayloadProblem(where, `input "${name}" has ${n} rows, the request's other inputs ${rows.length}`);
    return rows;
  };
  for (const t of inputs) {
    if (!t || typeof t !== "object") continue;
    const name = String(t.name ?? "");
    const data = flatData(t, where);
    const shape = shapeOf(t, data.length);
    const isTensor =
      spec.mode === "tensor" &&
      (spec.tensor ? name === spec.tensor : shape.length === 2 && shape[1] === F && !spec.columns.has(name));
    if (isTensor) {
      if (data.length % F !== 0) {
        throw new PayloadProblem(
          where,
          `input "${name}" holds ${data.length} values, not a multiple of the model's ${F} features (${spec.features.join(", ")})`,
        );
      }
      const n = data.length / F;
      const rs = ensure(n, name);
      for (let r = 0; r < n; r++) for (let c = 0; c < F; c++) rs[r].set(spec.features[c], data[r * F + c]);
    } else if (spec.columns.has(name) || spec.features.includes(name)) {
      const width = shape.length > 1 ? shape.slice(1).reduce((a, b) => a * b, 1) : 1;
      if (width !== 1) continue;
      const rs = ensure(data.length, name);
      for (let r = 0; r < data.length; r++) rs[r].set(name, data[r]);
    }
  }
  if (!rows) {
    const names = inputs.map((t) => `"${String(t?.name)}"`).join(", ");
    throw new PayloadProblem(
      where,
      `no input of the request feeds the model (inputs ${names}; expected ${spec.tensor ? `"${spec.tensor}"` : `a [N, ${F}] tensor`} or inputs named as the features)`,
    );
  }
  applyParameters(body.parameters, rows, spec, where);
  return rows;
}

/** Request-level parameters that name Dataset columns: one value for every row, or a list with one per row. */
function applyParameters(params: unknown, rows: Map<string, Cell>[], spec: PayloadSpec, where: string): void {
  if (!params || typeof params !== "object" || Array.isArray(params)) return;
  for (const [k, v] of Object.entries(params as Record<string, unknown>)) {
    if (!spec.columns.has(k)) continue;
    if (Array.isArray(v)) {
      if (v.length !== rows.length)
        throw new PayloadProblem(where, `parameter "${k}" lists ${v.length} values for ${rows.length} rows`);
      v.forEach((x, r) => {
        rows[r].set(k, x as Cell);
      });
    } else for (const r of rows) r.set(k, v as Cell);
  }
}

function v1Request(instances: unknown[], spec: PayloadSpec, where: string): Map<string, Cell>[] {
  return instances.map((inst, r) => {
    const row = new Map<string, Cell>();
    if (Array.isArray(inst)) {
      const flat = inst.flat(Number.POSITIVE_INFINITY) as Cell[];
      if (flat.length !== spec.features.length) {
        throw new PayloadProblem(
          where,
          `instance ${r} has ${flat.length} values; the model takes ${spec.features.length} (${spec.features.join(", ")})`,
        );
      }
      spec.features.forEach((f, c) => {
        row.set(f, flat[c]);
      });
    } else if (inst && typeof inst === "object") {
      for (const [k, v] of Object.entries(inst as Record<string, unknown>))
        if (spec.columns.has(k) || spec.features.includes(k)) row.set(k, v as Cell);
    } else throw new PayloadProblem(where, `instance ${r} is neither a list of features nor an object of columns`);
    return row;
  });
}

/**
 * The predictions of an inference response, one vector per row, from the output the manifest names (the
 * probability output, else the value, else the label); `error` when the body is an error.
 */
export function responsePredictions(
  body: Record<string, unknown>,
  spec: PayloadSpec,
  where: string,
): { predictions?: number[][]; error?: string } {
  if (typeof body.error === "string") return { error: body.error };
  if (Array.isArray(body.outputs)) {
    const outputs = body.outputs as Record<string, unknown>[];
    const wanted = [spec.outputs.probability, spec.outputs.value, spec.outputs.label].filter(Boolean) as string[];
    const t =
      wanted.map((w) => outputs.find((o) => o?.name === w)).find(Boolean) ??
      (wanted.length === 0 && outputs.length === 1 ? outputs[0] : undefined);
    if (!t) return {};
    const data = flatData(t, where).map(Number);
    const shape = shapeOf(t, data.length);
    const n = shape[0] ?? data.length;
    const w = n > 0 ? data.length / n : 1;
    if (!Number.isInteger(w)) throw new PayloadProblem(where, `output "${String(t.name)}" does not match its shape`);
    return { predictions: Array.from({ length: n }, (_, r) => data.slice(r * w, r * w + w)) };
  }
  if (Array.isArray(body.predictions)) {
    const key = spec.outputs.probability ?? spec.outputs.value;
    return {
      predictions: (body.predictions as unknown[]).map((p) => {
        const v = p && typeof p === "object" && !Array.isArray(p) && key ? (p as Record<string, unknown>)[key] : p;
        return (Array.isArray(v) ? (v.flat(Number.POSITIVE_INFINITY) as unknown[]) : [v]).map(Number);
      }),
    };
  }
  throw new PayloadProblem(
    where,
    "the response has neither `outputs` (open inference protocol, v2) nor `predictions` (KServe v1)",
  );
}

/** Counts of what the events held, for the record and the messages. */
export interface EventCounts {
  requests: number;
  responses: number;
  /** Responses whose request was not in the logs. */
  orphanResponses: number;
  /** Events of other types. */
  otherEvents: number;
  errors: number;
}

/**
 * Joins request and response events by id as they stream in: a request waits for its response (or the other way
 * round); `add` returns the rows completed by an event, `finish` the requests whose response never came (rows
 * without a prediction, which monitor scores itself).
 */
export class EventJoiner {
  readonly counts: EventCounts = { requests: 0, responses: 0, orphanResponses: 0, otherEvents: 0, errors: 0 };
  private readonly requests = new Map<string, { e: CloudEvent; rows: Map<string, Cell>[] }>();
  private readonly responses = new Map<string, CloudEvent>();

  constructor(private readonly spec: PayloadSpec) {}

  add(e: CloudEvent): LoggedRow[] {
    if (e.id === undefined || e.id === null || e.id === "") throw new PayloadProblem(e.where, "the event has no id");
    const id = String(e.id);
    if (e.type === REQUEST_TYPE) {
      this.counts.requests++;
      const rows = requestRows(eventBody(e), this.spec, e.where);
      const res = this.responses.get(id);
      if (res) {
        this.responses.delete(id);
        return this.join(id, e, rows, res);
      }
      this.requests.set(id, { e, rows });
      return [];
    }
    if (e.type === RESPONSE_TYPE) {
      this.counts.responses++;
      const req = this.requests.get(id);
      if (req) {
        this.requests.delete(id);
        return this.join(id, req.e, req.rows, e);
      }
      this.responses.set(id, e);
      return [];
    }
    this.counts.otherEvents++;
    return [];
  }

  finish(): LoggedRow[] {
    const out: LoggedRow[] = [];
    for (const [id, { e, rows }] of this.requests) out.push(...this.rows(id, e, rows));
    this.counts.orphanResponses += this.responses.size;
    this.requests.clear();
    this.responses.clear();
    return out;
  }

  private join(id: string, req: CloudEvent, rows: Map<string, Cell>[], res: CloudEvent): LoggedRow[] {
    const out = this.rows(id, req, rows);
    const r = responsePredictions(eventBody(res), this.spec, res.where);
    const t0 = eventTime(req);
    const t1 = eventTime(res);
    const latency = Number.isFinite(t0) && Number.isFinite(t1) && t1 >= t0 ? t1 - t0 : undefined;
    if (r.error !== undefined) this.counts.errors++;
    if (r.predictions && r.predictions.length !== out.length) {
      throw new PayloadProblem(
        res.where,
        `the response holds ${r.predictions.length} predictions for the request's ${out.length} rows`,
      );
    }
    out.forEach((row, i) => {
      if (r.predictions) row.prediction = r.predictions[i];
      if (latency !== undefined) row.latencyMs = latency;
      row.error = r.error !== undefined;
    });
    return out;
  }

  private rows(id: string, e: CloudEvent, rows: Map<string, Cell>[]): LoggedRow[] {
    const time = eventTime(e);
    return rows.map((values, i) => {
      const own = this.spec.idColumn ? values.get(this.spec.idColumn) : undefined;
      return {
        time,
        id: own !== undefined && own !== null ? String(own) : rows.length === 1 ? id : `${id}/${i}`,
        values,
        where: e.where,
      };
    });
  }
}
