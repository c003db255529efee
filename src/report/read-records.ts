/**
 * Reading evaluation records: from `evaluate`'s output folder (trusted, same job) or from an artifact an
 * unprivileged job produced (`--from-artifact`: untrusted). Every record is checked against the zod schema; artifact
 * input is walked without following symlinks and refused when a file or the whole is oversized or malformed.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { UserError } from "../errors.ts";
import { type EvaluationRecord, evaluationRecordSchema } from "../records/evaluation.ts";

/** Largest record file accepted (a record with curves and many slices is well under 1 MiB). */
export const MAX_RECORD_BYTES = 4 * 1024 * 1024;
/** Largest artifact accepted in total, and most files in it. */
export const MAX_ARTIFACT_BYTES = 64 * 1024 * 1024;
export const MAX_ARTIFACT_FILES = 1000;
const MAX_DEPTH = 4;

export interface LoadedRecord {
  record: EvaluationRecord;
  /** The file, relative to the folder it was read from. */
  file: string;
}

export interface Refused {
  file: string;
  reason: string;
}

export interface RecordSet {
  byModel: Map<string, LoadedRecord>;
  refused: Refused[];
}

/** Parses and schema-checks one record's text; returns the record or why it was refused. */
export function parseRecord(text: string): { record?: EvaluationRecord; reason?: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { reason: `not JSON (${(err as Error).message.split("\n")[0]})` };
  }
  const r = evaluationRecordSchema.safeParse(json);
  if (!r.success) {
    const issues = r.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`)
      .join("; ");
    return { reason: `not a valid evaluation record (${issues}${r.error.issues.length > 3 ? "; …" : ""})` };
  }
  return { record: r.data };
}

function readOne(abs: string, shown: string): { record?: EvaluationRecord; reason?: string } {
  const st = lstatSync(abs);
  if (st.isSymbolicLink()) return { reason: "is a symlink" };
  if (!st.isFile()) return { reason: "is not a regular file" };
  if (st.size > MAX_RECORD_BYTES) return { reason: `is ${st.size} bytes, over the ${MAX_RECORD_BYTES}-byte limit` };
  void shown;
  return parseRecord(readFileSync(abs, "utf8"));
}

/** Records `evaluate` wrote: `<dir>/<model>.json` for each model asked for; absent files are simply absent. */
export function loadRecordsDir(dir: string, models: string[]): RecordSet {
  const out: RecordSet = { byModel: new Map(), refused: [] };
  for (const name of models) {
    const abs = join(dir, `${name}.json`);
    if (!existsSync(abs)) continue;
    const r = readOne(abs, `${name}.json`);
    if (r.record) out.byModel.set(name, { record: r.record, file: `${name}.json` });
    else out.refused.push({ file: `${name}.json`, reason: r.reason! });
  }
  return out;
}

/** The model names that have a record file in `dir`. */
export function modelsWithRecords(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json") && !f.startsWith(".") && !/\.shard-\d+-of-\d+\.json$/.test(f))
    .map((f) => f.slice(0, -5))
    .sort();
}

/**
 * Every `.json` file under an artifact folder (at most 4 levels deep; other files ignored), each validated and keyed
 * by the model it names. Symlinks, oversized files, invalid JSON, schema violations and two records for one model
 * are refused and listed; more than MAX_ARTIFACT_FILES files or MAX_ARTIFACT_BYTES in total refuses the whole
 * artifact (a UserError).
 */
export function loadArtifact(dir: string): RecordSet {
  if (!existsSync(dir) || !lstatSync(dir).isDirectory()) {
    throw new UserError(
      `--from-artifact ${dir}: not a folder; pass the folder actions/download-artifact wrote the evaluation records to`,
    );
  }
  const files: string[] = [];
  let total = 0;
  const walk = (d: string, depth: number) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = join(d, e.name);
      if (e.isDirectory() && !e.isSymbolicLink()) {
        if (depth < MAX_DEPTH) walk(abs, depth + 1);
        continue;
      }
      // Records only: other files, and the shard states `evaluate --shard` writes (merge them first), are skipped.
      if (!e.name.endsWith(".json") || /\.shard-\d+-of-\d+\.json$/.test(e.name)) continue;
      files.push(abs);
      if (files.length > MAX_ARTIFACT_FILES) {
        throw new UserError(
          `--from-artifact ${dir}: more than ${MAX_ARTIFACT_FILES} .json files; refusing the artifact`,
        );
      }
      const st = lstatSync(abs);
      if (st.isFile()) total += st.size;
      if (total > MAX_ARTIFACT_BYTES) {
        throw new UserError(
          `--from-artifact ${dir}: more than ${MAX_ARTIFACT_BYTES} bytes of records; refusing the artifact`,
        );
      }
    }
  };
  walk(dir, 0);
  const out: RecordSet = { byModel: new Map(), refused: [] };
  const dup = new Set<string>();
  for (const abs of files) {
    const shown = relative(dir, abs).split(sep).join("/");
    const r = readOne(abs, shown);
    if (!r.record) {
      out.refused.push({ file: shown, reason: r.reason! });
      continue;
    }
    const name = r.record.model.name;
    const prev = out.byModel.get(name);
    if (prev || dup.has(name)) {
      out.refused.push({
        file: shown,
        reason: `a second record for model ${name}${prev ? ` (also ${prev.file})` : ""}`,
      });
      if (prev) out.refused.push({ file: prev.file, reason: `a second record for model ${name} (also ${shown})` });
      out.byModel.delete(name);
      dup.add(name);
      continue;
    }
    out.byModel.set(name, { record: r.record, file: shown });
  }
  return out;
}
