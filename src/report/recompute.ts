/**
 * Which numbers the report may trust. A pull request from a fork ran its own code to produce its evaluation record,
 * so the privileged report job recomputes the record from the candidate ONNX file in the artifact (onnxruntime only:
 * an ONNX file is data, no pull request code runs) under the base branch's manifests, gates and evaluation data, and
 * the fork's own record must agree with the recomputation. This module finds the candidate files in an artifact and
 * compares two records; the recomputation itself is `evaluate`'s (src/evaluate/run.ts, evaluateCandidate).
 */
import { lstatSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { sha256File } from "../data/hash.ts";
import { UserError } from "../errors.ts";
import type { EvaluationRecord } from "../records/evaluation.ts";

/** At most this many ONNX files in an artifact, each at most this large. */
export const MAX_ARTIFACT_MODELS = 100;
export const MAX_MODEL_BYTES = 4 * 1024 * 1024 * 1024;
const MAX_DEPTH = 6;

/**
 * Two numbers a record holds are the same when they differ by at most this much (absolute, or relative for large
 * values): the recomputation runs on another machine, and scores may differ in their last float32 bits there.
 */
export const RECOMPUTE_TOLERANCE = 1e-6;

/**
 * The ONNX files of an untrusted artifact folder, by sha256: regular files named *.onnx at most six levels deep;
 * symlinks and anything else are skipped. More than MAX_ARTIFACT_MODELS files refuses the artifact.
 */
export async function artifactModels(dir: string): Promise<Map<string, string>> {
  const files: string[] = [];
  const walk = (d: string, depth: number) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = join(d, e.name);
      if (e.isDirectory() && !e.isSymbolicLink()) {
        if (depth < MAX_DEPTH) walk(abs, depth + 1);
      } else if (e.isFile() && e.name.endsWith(".onnx")) {
        files.push(abs);
        if (files.length > MAX_ARTIFACT_MODELS) {
          throw new UserError(
            `--from-artifact ${dir}: more than ${MAX_ARTIFACT_MODELS} .onnx files; refusing the artifact`,
          );
        }
      }
    }
  };
  walk(dir, 0);
  const out = new Map<string, string>();
  for (const abs of files) {
    if (lstatSync(abs).size > MAX_MODEL_BYTES) continue;
    out.set(await sha256File(abs), relative(dir, abs).split(sep).join("/"));
  }
  return out;
}

/** A number as the mismatch message shows it: enough digits to see a difference the tolerance does not allow. */
const num = (x: number | null) => (x === null ? "undefined" : String(Number(x.toPrecision(9))));

const same = (a: number, b: number) =>
  a === b || Math.abs(a - b) <= RECOMPUTE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));

function compareMetrics(
  what: string,
  claimed: Record<string, number | null> | undefined,
  trusted: Record<string, number | null> | undefined,
  out: string[],
): void {
  const keys = new Set([...Object.keys(claimed ?? {}), ...Object.keys(trusted ?? {})]);
  for (const k of [...keys].sort()) {
    const c = claimed?.[k];
    const t = trusted?.[k];
    if (c === undefined || t === undefined) {
      out.push(
        `${what} ${k}: ${c === undefined ? "missing" : num(c)} in the record, ${t === undefined ? "missing" : num(t)} recomputed`,
      );
    } else if (c === null || t === null ? c !== t : !same(c, t)) {
      out.push(`${what} ${k}: ${num(c)} in the record, ${num(t)} recomputed`);
    }
  }
}

function compareIntervals(
  what: string,
  claimed: Record<string, [number, number]> | undefined,
  trusted: Record<string, [number, number]> | undefined,
  out: string[],
): void {
  const keys = new Set([...Object.keys(claimed ?? {}), ...Object.keys(trusted ?? {})]);
  for (const k of [...keys].sort()) {
    const c = claimed?.[k];
    const t = trusted?.[k];
    if (!c || !t || !same(c[0], t[0]) || !same(c[1], t[1])) {
      const show = (i?: [number, number]) => (i ? `[${num(i[0])}, ${num(i[1])}]` : "missing");
      out.push(`${what} ${k}: ${show(c)} in the record, ${show(t)} recomputed`);
    }
  }
}

/**
 * Where a record (`claimed`, from an untrusted run) differs from the recomputation (`trusted`) in anything that is
 * judged or shown as a number: the files it was computed on (candidate, baseline and data digests, rows, bootstrap
 * settings), every metric and interval of candidate and baseline, every delta, every slice and every fairness gap.
 * Not compared: timings (latency is measured again on this machine and taken from the recomputation), versions of
 * the tools, notes and curves (drawn from the same scores). Empty when they agree.
 */
export function compareRecords(claimed: EvaluationRecord, trusted: EvaluationRecord): string[] {
  const out: string[] = [];
  const eq = (what: string, c: unknown, t: unknown) => {
    if (c !== t) out.push(`${what}: ${String(c ?? "none")} in the record, ${String(t ?? "none")} recomputed`);
  };
  eq("candidate sha256", claimed.candidate.sha256, trusted.candidate.sha256);
  eq("dataset sha256", claimed.dataset.sha256, trusted.dataset.sha256);
  eq("dataset rows", claimed.dataset.rows, trusted.dataset.rows);
  eq("baseline sha256", claimed.baseline?.sha256, trusted.baseline?.sha256);
  eq("bootstrap resamples", claimed.bootstrap.resamples, trusted.bootstrap.resamples);
  eq("bootstrap seed", claimed.bootstrap.seed, trusted.bootstrap.seed);
  compareMetrics("candidate", claimed.candidate.metrics, trusted.candidate.metrics, out);
  compareIntervals("candidate interval", claimed.candidate.intervals, trusted.candidate.intervals, out);
  if (claimed.baseline && trusted.baseline) {
    compareMetrics("baseline", claimed.baseline.metrics, trusted.baseline.metrics, out);
    compareIntervals("baseline interval", claimed.baseline.intervals, trusted.baseline.intervals, out);
  }
  compareMetrics(
    "delta",
    Object.fromEntries(Object.entries(claimed.deltas).map(([k, d]) => [k, d.delta])),
    Object.fromEntries(Object.entries(trusted.deltas).map(([k, d]) => [k, d.delta])),
    out,
  );
  compareIntervals(
    "delta interval",
    Object.fromEntries(Object.entries(claimed.deltas).map(([k, d]) => [k, d.interval])),
    Object.fromEntries(Object.entries(trusted.deltas).map(([k, d]) => [k, d.interval])),
    out,
  );
  const sliceKey = (s: EvaluationRecord["slices"][number]) => `${s.column}=${s.value}`;
  const trustedSlices = new Map(trusted.slices.map((s) => [sliceKey(s), s]));
  const claimedSlices = new Map(claimed.slices.map((s) => [sliceKey(s), s]));
  for (const key of new Set([...claimedSlices.keys(), ...trustedSlices.keys()])) {
    const c = claimedSlices.get(key);
    const t = trustedSlices.get(key);
    if (!c || !t) {
      out.push(`slice ${key}: ${c ? "present" : "missing"} in the record, ${t ? "present" : "missing"} recomputed`);
      continue;
    }
    eq(`slice ${key} rows`, c.count, t.count);
    compareMetrics(`slice ${key} candidate`, c.candidate, t.candidate, out);
    compareMetrics(`slice ${key} baseline`, c.baseline, t.baseline, out);
    compareIntervals(`slice ${key} interval`, c.intervals, t.intervals, out);
  }
  const gapKey = (f: EvaluationRecord["fairness"][number]) => `${f.role} ${f.metric} gap over ${f.over}`;
  compareMetrics(
    "",
    Object.fromEntries(claimed.fairness.map((f) => [gapKey(f), f.gap])),
    Object.fromEntries(trusted.fairness.map((f) => [gapKey(f), f.gap])),
    out,
  );
  return out.map((s) => s.trimStart());
}
