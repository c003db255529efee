import type { Model } from "../manifest/schema.ts";
import type { EvaluationRecord } from "../records/evaluation.ts";
import type { PromotionRecord } from "../records/promotion.ts";
import { judge } from "../report/gates.ts";

/**
 * What `audit verify` asks of an evaluation record a publish record cites (./rules/evaluation.ts): read it, compare it
 * with the record, and judge its gates against the manifest at the merged commit. Pure and light (no schema, no YAML),
 * so that a worker thread can run it on the records' bytes and hand back only the answers (./judge-worker.ts).
 */

export const short = (oid: string | undefined | null) => (oid ? oid.slice(0, 12) : "(none)");

/**
 * An evaluation record's fields that verify reads. Its bytes are those whose digest the (chained, checked) promotion
 * record cites, and publish validated them against the schema before it cited them, so only their shape is checked
 * here (the records are the largest files verify reads; a full schema pass doubled its time).
 */
export function readEvaluation(buf: Uint8Array): { record?: EvaluationRecord; error?: string } {
  let json: EvaluationRecord;
  try {
    json = JSON.parse(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString("utf8"));
  } catch (err) {
    return { error: `not JSON: ${(err as Error).message}` };
  }
  const ok =
    json?.kind === "EvaluationRecord" &&
    typeof json.model?.name === "string" &&
    typeof json.candidate?.sha256 === "string" &&
    typeof json.candidate.metrics === "object" &&
    typeof json.dataset?.sha256 === "string" &&
    Array.isArray(json.slices ?? []);
  return ok ? { record: json } : { error: "not an evaluation record (kind, model, candidate or dataset missing)" };
}

/** What of a publish record its evaluation record is compared with (all a worker is given of it). */
export type BoundRecord = Pick<PromotionRecord, "model" | "data" | "source"> & {
  evaluation: Pick<PromotionRecord["evaluation"], "metrics">;
};

/** The parts of a publish record that bindingGaps reads. */
export const boundRecord = (r: PromotionRecord): BoundRecord => ({
  model: r.model,
  data: r.data,
  source: r.source,
  evaluation: { metrics: r.evaluation.metrics },
});

/**
 * Where the evaluation record and the publish record (and the manifest at its source commit) disagree on what was
 * evaluated: the artifact, model, version, data and headline metrics. Empty: they agree.
 */
export function bindingGaps(r: BoundRecord, ev: EvaluationRecord, manifest: Model | undefined): string[] {
  const wrong: string[] = [];
  if (ev.candidate.sha256 !== r.model.sha256)
    wrong.push(
      `it evaluated the artifact sha256:${ev.candidate.sha256}, but the record published sha256:${r.model.sha256}`,
    );
  if (ev.model.name !== r.model.name) wrong.push(`it evaluated model ${ev.model.name}, not ${r.model.name}`);
  if (ev.model.version !== undefined && ev.model.version !== r.model.version)
    wrong.push(`it evaluated version ${ev.model.version}, but the record published ${r.model.version}`);
  if (r.data.length > 0 && !r.data.some((d) => d.sha256 === ev.dataset.sha256))
    wrong.push(
      `it evaluated data sha256:${ev.dataset.sha256}, but the record names ${r.data.map((d) => `${d.name} sha256:${d.sha256}`).join(", ")}`,
    );
  for (const [k, v] of Object.entries(r.evaluation.metrics)) {
    if (ev.candidate.metrics[k] !== v)
      wrong.push(`metric ${k} is ${ev.candidate.metrics[k]} there, ${v} in the record`);
  }
  if (manifest?.spec.artifact.sha256 && manifest.spec.artifact.sha256 !== r.model.sha256)
    wrong.push(
      `the manifest at the source commit ${short(r.source)} declares artifact sha256:${manifest.spec.artifact.sha256}`,
    );
  return wrong;
}

/** The gates' results that verify reads, or why the record cannot be judged (judge threw). */
export type Judged =
  | { results: { label: string; status: string; reason: string; index: number }[] }
  | { error: string };

/** The evaluation record judged against the manifest (report/gates.ts judge), as verify reads the verdict. */
export function judgeEvaluation(ev: EvaluationRecord, manifest: Model): Judged {
  try {
    const verdict = judge({
      model: manifest,
      record: { ...ev, slices: ev.slices ?? [], fairness: ev.fairness ?? [], deltas: ev.deltas ?? {} },
    });
    return {
      results: verdict.results.map((g) => ({ label: g.label, status: g.status, reason: g.reason, index: g.index })),
    };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/**
 * One publish record's evaluation as read and judged where its bytes are (../judge-worker.ts): why its bytes are not
 * an evaluation record, or where they disagree with the record and what its gates give (with a manifest).
 */
export type EvaluationAnswer = ({ error: string } | { error?: undefined; wrong: string[]; judged?: Judged }) & {
  /** sha256:<hex> of the bytes, when the answer says it. */
  sha256?: string;
  /** False when git has no file at the path (a worker that read it itself says so; `error` is then not read). */
  found?: boolean;
};

/** The answer for one publish record's evaluation bytes (see EvaluationAnswer). */
export function answerEvaluation(buf: Uint8Array, r: BoundRecord, manifest: Model | undefined): EvaluationAnswer {
  const read = readEvaluation(buf);
  if (!read.record) return { error: read.error as string };
  const wrong = bindingGaps(r, read.record, manifest);
  return manifest ? { wrong, judged: judgeEvaluation(read.record, manifest) } : { wrong };
}
