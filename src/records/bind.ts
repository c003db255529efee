/**
 * An evaluation record is bound to the bytes it describes: the candidate ONNX file, the model's version and the
 * evaluation data. Every consumer (report, package, publish, release, audit) checks the record against the manifests
 * and files in front of it with `checkRecordBinding`, and refuses a stale record with `staleRecordMessage`.
 */
import { existsSync } from "node:fs";
import { findDataset, type Loaded, type Repository, repoRelative, resolveInside } from "../manifest/repo.ts";
import type { Model } from "../manifest/schema.ts";
import { isRemote, workTreeDigest } from "../storage/source.ts";
import type { EvaluationRecord } from "./evaluation.ts";

/** One field of the record that differs from what is in front of the consumer, with both values. */
export interface BindingMismatch {
  /** The record's field, e.g. `candidate.sha256`. */
  field: string;
  /** The record's value ("(none)" when it has none). */
  record: string;
  /** What it was compared with: a file, or a manifest and its field. */
  against: string;
  /** Its value there ("(unknown)" when it cannot be known, e.g. an absent file with no digest in the manifest). */
  actual: string;
  /**
   * The commands that make the two agree, in order: `lock` when the manifest's digest is not the file's (the file
   * changed and the manifest was not locked), `evaluate` when the record does not describe the file or the manifest.
   */
  fix: StaleFix[];
}

/** A command that fixes a stale binding: `modelgate lock` (the manifest's digests) or `modelgate evaluate` (the record). */
export type StaleFix = "lock" | "evaluate";

/** What a record is checked against: the manifest's values and the digests of the files. */
export interface BindingFacts {
  name: string;
  /** model.yaml relative to the repository root (absent for a bare ONNX file). */
  manifest?: string;
  version?: string;
  task?: string;
  artifact: {
    /** The ONNX file relative to the root (or as given). */
    file: string;
    /** The file's sha256, undefined when the file is absent. */
    sha256?: string;
    /** spec.artifact.sha256, when the manifest records it. */
    declared?: string;
  };
  dataset?: {
    name: string;
    /** The Dataset manifest, relative to the root (undefined when no Dataset has the name). */
    manifest?: string;
    file?: string;
    sha256?: string;
    declared?: string;
  };
}

const NONE = "(none)";

/** The mismatches between a record and the facts: pure. An empty list means the record describes these bytes. */
export function recordMismatches(record: EvaluationRecord, facts: BindingFacts): BindingMismatch[] {
  const out: BindingMismatch[] = [];
  const differ = (
    field: string,
    value: string | undefined,
    against: string,
    actual: string | undefined,
    fix: StaleFix[] = ["evaluate"],
  ) => {
    if (value !== actual) out.push({ field, record: value ?? NONE, against, actual: actual ?? NONE, fix });
  };
  /**
   * What fixes a record's digest that differs from a file or from the manifest's digest of it. The manifest is stale
   * when it pins other bytes than the file's (lock); the record, when it describes other bytes than the file's, or
   * than the manifest's when the file is absent (evaluate).
   */
  const digestFix = (record: string, file: string | undefined, declared: string | undefined): StaleFix[] => {
    const lock = file !== undefined && declared !== undefined && file !== declared;
    const evaluate = file !== undefined ? record !== file : record !== declared;
    return [...(lock ? (["lock"] as const) : []), ...(evaluate ? (["evaluate"] as const) : [])];
  };
  // without a manifest (a bare ONNX file), the name and version come from the command line
  const flag: Record<string, string> = { "metadata.name": "--name", "spec.version": "--version" };
  const where = (field: string) => (facts.manifest ? `${facts.manifest} ${field}` : (flag[field] ?? field));
  differ("model.name", record.model.name, where("metadata.name"), facts.name);
  if (facts.task !== undefined) differ("model.task", record.model.task, where("spec.task"), facts.task);
  if (facts.version !== undefined) {
    differ("model.version", record.model.version, where("spec.version"), facts.version);
    if (record.candidate.version !== undefined && record.candidate.version !== record.model.version)
      differ("candidate.version", record.candidate.version, where("spec.version"), facts.version);
  }
  const c = record.candidate.sha256;
  const a = facts.artifact;
  const artifactFix = digestFix(c, a.sha256, a.declared);
  if (a.sha256 !== undefined) differ("candidate.sha256", c, a.file, a.sha256, artifactFix);
  if (a.declared !== undefined) differ("candidate.sha256", c, where("spec.artifact.sha256"), a.declared, artifactFix);
  if (a.sha256 === undefined && a.declared === undefined) {
    out.push({
      field: "candidate.sha256",
      record: c,
      against: `${a.file} (absent, and the manifest records no spec.artifact.sha256)`,
      actual: "(unknown)",
      fix: ["evaluate"],
    });
  }
  const d = facts.dataset;
  if (d) {
    differ("dataset.name", record.dataset.name, where("spec.evaluation.datasets[0]"), d.name);
    const rd = record.dataset.sha256;
    const dataFix = digestFix(rd, d.sha256, d.declared);
    if (d.sha256 !== undefined) differ("dataset.sha256", rd, d.file ?? d.name, d.sha256, dataFix);
    if (d.declared !== undefined)
      differ("dataset.sha256", rd, `${d.manifest ?? d.name} spec.sha256`, d.declared, dataFix);
    if (d.sha256 === undefined && d.declared === undefined) {
      out.push({
        field: "dataset.sha256",
        record: rd,
        against: `${d.file ?? `dataset "${d.name}"`} (absent, and its manifest records no spec.sha256)`,
        actual: "(unknown)",
        fix: ["evaluate"],
      });
    }
  }
  return out;
}

/** The facts of a model of the repository: its manifest's values and the digests of its artifact and data. */
export async function bindingFacts(model: Loaded<Model>, repo: Repository): Promise<BindingFacts> {
  const spec = model.value.spec;
  // a remote file's bytes are held to the manifest's pin whenever they are read: its digest here is the declared one
  const digestOf = async (abs: string, error?: string) =>
    !error && existsSync(abs) ? await workTreeDigest(abs) : undefined;
  const local = (path: string, dir: string) =>
    isRemote(path) ? { abs: path, error: "remote" } : resolveInside(repo.root, dir, path);
  const art = local(spec.artifact.path, model.dir);
  const facts: BindingFacts = {
    name: model.value.metadata.name,
    manifest: model.file,
    version: spec.version,
    task: spec.task,
    artifact: {
      file: art.error ? spec.artifact.path : repoRelative(repo.root, art.abs),
      sha256: await digestOf(art.abs, art.error),
      declared: spec.artifact.sha256,
    },
  };
  const dsName = spec.evaluation.datasets[0];
  const ds = findDataset(repo, dsName);
  if (!ds) facts.dataset = { name: dsName };
  else {
    const data = local(ds.value.spec.path, ds.dir);
    facts.dataset = {
      name: dsName,
      manifest: ds.file,
      file: data.error ? ds.value.spec.path : repoRelative(repo.root, data.abs),
      sha256: await digestOf(data.abs, data.error),
      declared: ds.value.spec.sha256,
    };
  }
  return facts;
}

/** Checks a record against a model of the repository and the files in front of it; [] when it is bound to them. */
export async function checkRecordBinding(
  record: EvaluationRecord,
  model: Loaded<Model>,
  repo: Repository,
): Promise<BindingMismatch[]> {
  return recordMismatches(record, await bindingFacts(model, repo));
}

/**
 * The refusal, naming the command that fixes the actual mismatch, then each field with both values: "stale evaluation
 * record: run `modelgate evaluate MODEL`" when the record describes other bytes or another version; "stale digest in
 * the manifest: run `modelgate lock MODEL`" when the record describes the files and the manifest pins older ones; both,
 * lock first, when the files changed after both.
 */
export function staleRecordMessage(model: string, mismatches: BindingMismatch[]): string {
  const fields = mismatches.map((m) => `${m.field}: the record has ${m.record}, ${m.against} ${verb(m)} ${m.actual}`);
  const fixes = new Set(mismatches.flatMap((m) => m.fix));
  const lock = `\`modelgate lock ${model}\``;
  const evaluate = `\`modelgate evaluate ${model}\``;
  const what =
    fixes.has("lock") && fixes.has("evaluate")
      ? `stale evaluation record and digests in the manifests: run ${lock}, then ${evaluate}`
      : fixes.has("lock")
        ? `stale digest in the manifests: the evaluation record describes the files, but the manifests pin other bytes; run ${lock} and commit`
        : `stale evaluation record: run ${evaluate}`;
  return `${what} (${fields.join("; ")})`;
}

const verb = (m: BindingMismatch) => (/(^| )(spec\.|metadata\.|--)/.test(m.against) ? "is" : "has");
