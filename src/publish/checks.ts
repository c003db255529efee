import type { Model } from "../manifest/schema.ts";
import { recordMismatches, staleRecordMessage } from "../records/bind.ts";
import type { EvaluationRecord } from "../records/evaluation.ts";
import type { Verdict } from "../report/gates.ts";

/**
 * What publish refuses, as pure functions: each refusal names the model, the field, the two values and what to do.
 * Everything is checked for every model before anything is built, pushed or committed.
 */

export interface Refusal {
  model: string;
  field: string;
  expected?: string;
  actual?: string;
  message: string;
}

export interface PublishFacts {
  model: Model;
  /** sha256 of the artifact file publish would ship. */
  artifactSha256: string | undefined;
  /** Where that file came from (for messages). */
  artifactSource: string;
  record: EvaluationRecord | undefined;
  recordSource: string;
  /** Digest of each evaluation dataset's file, by dataset name, and its manifest's declared digest. */
  datasets: { name: string; fileSha256?: string; declared?: string }[];
  verdict: Verdict | undefined;
  allowWarn: boolean;
  approval: {
    approved: boolean;
    status?: string;
    expected?: string;
    reason?: string;
    approvers: { login: string; commit: string }[];
  };
  /** The pull request's head: the commit that was evaluated and approved. */
  head: string;
  /** The manifest's artifact.sha256 at the approved head commit, when that commit is in the clone. */
  declaredAtHead?: string;
  /** The publish records of this model and version already on the GitOps branch (a version is immutable). */
  published?: PublishedVersion[];
}

/** A publish record of a version, as the GitOps branch's ledger holds it. */
export interface PublishedVersion {
  sequence: number;
  sha256: string;
  source: string;
  stageTag: string;
}

const short = (s: string | undefined) => (s ? (/^[0-9a-f]{64}$/.test(s) ? `${s.slice(0, 12)}…` : s) : "(none)");

export function publishRefusals(f: PublishFacts): Refusal[] {
  const name = f.model.metadata.name;
  const out: Refusal[] = [];
  const refuse = (field: string, expected: string | undefined, actual: string | undefined, what: string) =>
    out.push({
      model: name,
      field,
      expected,
      actual,
      message: `${name}: ${field}: ${what}${expected !== undefined || actual !== undefined ? ` (expected ${short(expected)}, found ${short(actual)})` : ""}`,
    });
  const spec = f.model.spec;
  const declared = spec.artifact.sha256;
  if (!declared) {
    refuse(
      "spec.artifact.sha256",
      undefined,
      undefined,
      "the manifest does not pin the artifact; run `modelgate lock` in the pull request",
    );
  }
  if (!f.artifactSha256) {
    refuse(
      "artifact",
      declared,
      undefined,
      `no artifact file (${f.artifactSource}); commit it or pass the PR run's artifact folder with --artifacts DIR`,
    );
  } else if (declared && f.artifactSha256 !== declared) {
    refuse(
      "artifact",
      declared,
      f.artifactSha256,
      `${f.artifactSource} is not the file the manifest pins; publish ships only the evaluated bytes`,
    );
  }
  if (f.declaredAtHead && declared && f.declaredAtHead !== declared) {
    refuse(
      "artifact.sha256 at the approved head",
      f.declaredAtHead,
      declared,
      `the artifact changed between the approved head ${f.head.slice(0, 12)} and the merge; open a new pull request for the change`,
    );
  }
  const other = (f.published ?? []).find((p) => declared && p.sha256 !== declared);
  if (other) {
    refuse("spec.version", other.sha256, declared, versionTakenMessage(name, spec.version, other));
  }
  const r = f.record;
  if (!r) {
    refuse(
      "evaluation record",
      undefined,
      undefined,
      `no evaluation record at ${f.recordSource}; publish needs the passing record of the pull request's head (pass the PR run's artifact folder with --records DIR)`,
    );
  } else {
    const evalName = spec.evaluation.datasets[0];
    const d = f.datasets.find((x) => x.name === evalName);
    if (r.shard)
      refuse(
        "evaluation record shard",
        undefined,
        `${r.shard.index}/${r.shard.count}`,
        "a shard's record; publish the merged record (`modelgate evaluate merge`)",
      );
    // the record must describe the bytes that ship: one check for every consumer (src/records/bind.ts)
    const mismatches = recordMismatches(r, {
      name,
      version: spec.version,
      task: spec.task,
      artifact: { file: f.artifactSource, sha256: f.artifactSha256, declared },
      dataset: { name: evalName, file: `the data file of ${evalName}`, sha256: d?.fileSha256, declared: d?.declared },
    });
    const seen = new Set<string>();
    for (const mm of mismatches) {
      const field = mm.field === "dataset.sha256" ? `dataset ${evalName} sha256` : `evaluation record ${mm.field}`;
      if (seen.has(`${field} ${mm.actual}`)) continue;
      seen.add(`${field} ${mm.actual}`);
      refuse(field, mm.actual, mm.record, `${staleRecordMessage(name, [mm])} (${f.recordSource})`);
    }
    if (d?.fileSha256 && d.declared && d.fileSha256 !== d.declared) {
      refuse(
        `dataset ${evalName} file`,
        d.declared,
        d.fileSha256,
        "the data file differs from its manifest; run `modelgate validate`",
      );
    }
  }
  if (f.verdict) {
    const failed = f.verdict.results.filter((x) => x.status === "fail");
    if (failed.length) {
      refuse("gates", "pass", "fail", `gate failed: ${failed.map((x) => `${x.label}: ${x.reason}`).join("; ")}`);
    } else if (f.verdict.status === "warn" && !f.allowWarn) {
      refuse("gates", "pass", "warn", "gates ended in warnings and modelgate.yaml spec.allowWarn is false");
    }
  }
  if (!f.approval.approved) {
    refuse(
      "approval",
      f.approval.expected ?? "success",
      f.approval.status ?? "not approved",
      `${f.approval.reason ?? "the pull request's head was not approved"}; publish ships only what reviewers approved on the evaluated head commit`,
    );
  } else if (!f.approval.approvers.some((a) => a.commit === f.head)) {
    refuse(
      "approval",
      f.head,
      f.approval.approvers.map((a) => a.commit).join(", "),
      "no approval of the evaluated head commit",
    );
  }
  return out;
}

/** Why a version that was already published with other bytes is refused: a published version never changes. */
export function versionTakenMessage(name: string, version: string, p: PublishedVersion): string {
  return `version ${version} of ${name} was already published with another artifact (record #${p.sequence}, ${p.stageTag}, sha256 ${p.sha256.slice(0, 12)}…, from ${p.source.slice(0, 12)}); a published version is immutable: bump spec.version in a new pull request`;
}
