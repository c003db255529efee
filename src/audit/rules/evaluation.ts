import { evaluationCopyPath } from "../../ledger/read.ts";
import type { EvaluationRecord } from "../../records/evaluation.ts";
import { digestOf } from "../digests.ts";
import { bindingGaps, type EvaluationAnswer, type Judged, judgeEvaluation, readEvaluation, short } from "../judging.ts";
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

export { readEvaluation };

const hex = (d: string) => d.replace(/^sha256:/, "");

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

/**
 * A publish record's evaluation, read and judged: by a worker thread that had its bytes (`facts.evaluations`,
 * ../judge-worker.ts), or here.
 */
function evaluationOf(facts: VerifyFacts, at: EntryFacts): { read: EvaluationRead; answer?: EvaluationAnswer } {
  const r = at.entry.record;
  const answer = facts.evaluations?.get(at.entry.digest);
  if (!answer) return { read: evaluationAt(facts, r.evaluation.path) };
  // the worker read the bytes itself (they are not among the blobs), or was given them
  const buf = facts.blobs.get(`${facts.snap.tip}:${r.evaluation.path}`);
  if (answer.found === false || (!buf && answer.sha256 === undefined)) return { read: { found: false } };
  const error = answer.error === undefined ? {} : { error: answer.error };
  return { read: { found: true, digest: answer.sha256 ?? digestOf(buf as Buffer), ...error }, answer };
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
  if (read.error !== undefined)
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
  const { read, answer } = evaluationOf(facts, at);
  const gap = unreadable(facts, at, read);
  if (gap) return [gap];
  const wrong =
    answer && answer.error === undefined
      ? answer.wrong
      : bindingGaps(r, read.record as EvaluationRecord, facts.manifests.get(at.entry.digest));
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

/** The cited record's gates judged against the manifest, when both are read and the bytes are the ones cited. */
function verdictOf(facts: VerifyFacts, at: EntryFacts): Judged | undefined {
  const manifest = facts.manifests.get(at.entry.digest);
  if (!manifest) return undefined;
  const { read, answer } = evaluationOf(facts, at);
  if (read.digest !== at.entry.record.evaluation.record || read.error !== undefined) return undefined;
  if (answer && answer.error === undefined) return answer.judged;
  return read.record ? judgeEvaluation(read.record, manifest) : undefined;
}

/**
 * evaluation-verdict: the evaluation record, judged against the manifest at the merged commit, fails a gate or gives
 * another status than the record claims (only when both are read: the rule above names a missing one).
 */
export const evaluationVerdict: EntryRule = (facts, at) => {
  const r = at.entry.record;
  if (r.action !== "publish") return [];
  const verdict = verdictOf(facts, at);
  if (!verdict) return [];
  if ("error" in verdict) {
    return [
      finding(
        "evaluation-verdict",
        where(at),
        `${recordText(at.entry)}: its evaluation record cannot be judged against the manifest at ${short(r.source)}: ${verdict.error}`,
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
