import { evaluationCopyPath } from "../../ledger/ledger.ts";
import type { EvaluationRecord } from "../../records/evaluation.ts";
import { judge } from "../../report/gates.ts";
import { digestOf } from "../digests.ts";
import { short } from "../history.ts";
import {
  type EntryFacts,
  type EntryRule,
  type EvaluationRead,
  finding,
  recordText,
  type VerifyFacts,
} from "./context.ts";

/**
 * The evaluation behind each publish record: kept in git at its content address with the digest the record cites,
 * having evaluated exactly the artifact, version and data that were published, and passing its gates when judged
 * again against the manifest at the merged commit.
 */

const hex = (d: string) => d.replace(/^sha256:/, "");

/**
 * An evaluation record's fields that verify reads. Its bytes are those whose digest the (chained, checked) promotion
 * record cites, and publish validated them against the schema before it cited them, so only their shape is checked
 * here (the records are the largest files verify reads; a full schema pass doubled its time).
 */
export function readEvaluation(buf: Buffer): { record?: EvaluationRecord; error?: string } {
  let json: EvaluationRecord;
  try {
    json = JSON.parse(buf.toString("utf8"));
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

/**
 * The evaluation record at the tip where a publish record says it is: its digest and fields. The rules of one record
 * run in turn, so the last one read is kept (per audit) and none longer: 80 KB records parsed and kept for every
 * version would cost more in garbage collection than reading them.
 */
const lastRead = new WeakMap<VerifyFacts, { path: string; read: EvaluationRead }>();

export function evaluationAt(facts: VerifyFacts, path: string): EvaluationRead {
  const last = lastRead.get(facts);
  if (last?.path === path) return last.read;
  const buf = facts.blobs.get(`${facts.snap.tip}:${path}`);
  const read: EvaluationRead = buf ? { found: true, digest: digestOf(buf), ...readEvaluation(buf) } : { found: false };
  lastRead.set(facts, { path, read });
  return read;
}

const where = ({ view, entry }: EntryFacts) => ({ model: view.model, entry, path: entry.record.evaluation.path });

/** evaluation-missing: a publish record that keeps its evaluation record anywhere but at its content address. */
export const evaluationAtItsAddress: EntryRule = (facts, at) => {
  const r = at.entry.record;
  if (r.action !== "publish") return [];
  const want = evaluationCopyPath(facts.snap.config.records, at.view.model, hex(r.evaluation.record));
  if (r.evaluation.path === want) return [];
  return [
    finding(
      "evaluation-missing",
      where(at),
      `${recordText(at.entry)} keeps its evaluation record at ${r.evaluation.path}, not at its content address ${want}`,
      `the evaluation record at ${want}`,
    ),
  ];
};

/** The evaluation record a publish record cites, when git holds exactly the bytes it cites and they are one. */
function boundEvaluation(facts: VerifyFacts, at: EntryFacts): EvaluationRecord | undefined {
  const r = at.entry.record;
  const read = evaluationAt(facts, r.evaluation.path);
  return read.digest === r.evaluation.record ? read.record : undefined;
}

/** Why the cited evaluation record cannot be read as the one cited (a finding), or undefined when it can. */
function unreadable(facts: VerifyFacts, at: EntryFacts, read: EvaluationRead) {
  const { snap } = facts;
  const r = at.entry.record;
  if (!read.found) {
    return finding(
      "evaluation-missing",
      where(at),
      `${recordText(at.entry)} cites the evaluation record ${r.evaluation.record}, but ${r.evaluation.path} is not in git at ${snap.ref} (${short(snap.tip)})`,
      "the evaluation record kept in git at the path the record names, with the digest it names",
    );
  }
  if (read.digest !== r.evaluation.record) {
    return finding(
      "evaluation-binding",
      where(at),
      `${r.evaluation.path} has digest ${read.digest}, but ${recordText(at.entry)} cites ${r.evaluation.record}: the evaluation record was changed after it was published`,
      `the bytes whose sha256 is ${r.evaluation.record}`,
    );
  }
  if (!read.record)
    return finding("evaluation-missing", where(at), `${r.evaluation.path}: ${read.error}`, "a valid evaluation record");
  return undefined;
}

/**
 * evaluation-missing, evaluation-binding: the evaluation record is in git with the cited digest and evaluated exactly
 * the artifact (also the one the manifest at the merged commit declares), version, data and metrics published.
 */
export const evaluationBound: EntryRule = (facts, at) => {
  const r = at.entry.record;
  if (r.action !== "publish") return [];
  const gap = unreadable(facts, at, evaluationAt(facts, r.evaluation.path));
  if (gap) return [gap];
  const ev = boundEvaluation(facts, at) as EvaluationRecord;
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
  const manifest = facts.manifests.get(at.entry.digest);
  if (manifest?.spec.artifact.sha256 && manifest.spec.artifact.sha256 !== r.model.sha256)
    wrong.push(
      `the manifest at the source commit ${short(r.source)} declares artifact sha256:${manifest.spec.artifact.sha256}`,
    );
  if (!wrong.length) return [];
  return [
    finding(
      "evaluation-binding",
      where(at),
      `${recordText(at.entry)} and its evaluation record ${r.evaluation.record} disagree: ${wrong.join("; ")}`,
      "the evaluation record evaluated exactly the artifact, version and data that were published",
    ),
  ];
};

/**
 * evaluation-verdict: the evaluation record, judged against the manifest at the merged commit, fails a gate or gives
 * another status than the record claims (only when both are read: the rule above names a missing one).
 */
export const evaluationVerdict: EntryRule = (facts, at) => {
  const r = at.entry.record;
  if (r.action !== "publish") return [];
  const ev = boundEvaluation(facts, at);
  const manifest = facts.manifests.get(at.entry.digest);
  if (!ev || !manifest) return [];
  let verdict: ReturnType<typeof judge>;
  try {
    verdict = judge({
      model: manifest,
      record: { ...ev, slices: ev.slices ?? [], fairness: ev.fairness ?? [], deltas: ev.deltas ?? {} },
    });
  } catch (err) {
    return [
      finding(
        "evaluation-verdict",
        where(at),
        `${recordText(at.entry)}: its evaluation record cannot be judged against the manifest at ${short(r.source)}: ${(err as Error).message}`,
        "an evaluation record its gates can be judged on",
      ),
    ];
  }
  const failing = verdict.results.filter((g) => g.status === "fail");
  const claimed = new Map(r.evaluation.gates.map((g) => [g.gate, g.status]));
  const differs = verdict.results.filter(
    (g) => g.index >= 0 && claimed.has(g.label) && claimed.get(g.label) !== g.status,
  );
  if (!failing.length && !differs.length) return [];
  return [
    finding(
      "evaluation-verdict",
      where(at),
      `${recordText(at.entry)} published ${r.model.version} with verdict ${r.evaluation.verdict}, but its evaluation record judged against the manifest at ${short(r.source)} gives ${[
        ...failing.map((g) => `${g.label}: fail (${g.reason})`),
        ...differs
          .filter((g) => g.status !== "fail")
          .map((g) => `${g.label}: ${g.status}, the record says ${claimed.get(g.label)}`),
      ].join("; ")}`,
      "every gate passed (or warned, where the policy allows) on the evaluation record that was published",
    ),
  ];
};
