import { canonicalJson, recordDigest, sha256Of } from "../ledger/canonical.ts";
import { parseTag } from "../ledger/tags.ts";
import type { AttestationBlock, PromotionRecord } from "../records/promotion.ts";
import {
  PROMOTION_PREDICATE,
  type PromotionPredicate,
  SLSA_PROVENANCE,
  type Statement,
  type Subject,
  statement,
  subject,
} from "./statement.ts";

/**
 * The in-toto Statements that attest a promotion record, as a pure function of the record (and of its attestation
 * block: who built it, the base image, the data files). publish and release build them to sign; `audit verify
 * --trust` builds them again from the record in git and compares them with the signed payload byte for byte, so
 * writer and verifier cannot drift apart.
 *
 * - publish: subjects the image (its index digest) and the model file (its sha256); two Statements, SLSA provenance
 *   v1 for the build (resolved dependencies: the merged commit, the model, the data files, the evaluation record, the
 *   base image) and modelgate's promotion predicate (evaluation record digest, gates, approvals, promotion record).
 * - release and rollback: subject the image; the promotion predicate with the environment, the stage counter, the
 *   environment approvals and the release (version tag, the publish record it promotes, what it supersedes).
 * - deregister and unassign: subject the image; the promotion predicate with the environment and the registry
 *   operation (its GTO tag, the version's publish record, who asked for it).
 *
 * A Statement names its record by the digest of the record's body (the record without `attestation`), and the record
 * carries each Statement's digest: the ledger's hash chain covers what is signed, and the signature covers the record.
 */

/** Builds the image and signs in GitHub Actions: modelgate's build type for SLSA provenance. */
export const PUBLISH_BUILD_TYPE = "https://modelgate.dev/buildtypes/publish/v1";
/** The builder of a publish or release made outside GitHub Actions (a laptop, a test, the demo). */
export const OFFLINE_BUILDER = "https://modelgate.dev/builders/offline/v1";

export type RecordBody = Omit<PromotionRecord, "attestation">;

/** The record without its attestation block: what the Statements attest. */
export function recordBody(r: PromotionRecord | RecordBody): RecordBody {
  const { attestation: _, ...body } = r as PromotionRecord;
  return body;
}

/** sha256 of the record body's canonical JSON: the `promotionRecord` a Statement names. */
export function recordBodyDigest(r: PromotionRecord | RecordBody): string {
  return recordDigest(recordBody(r));
}

/** The image's repository (the reference without `@digest`), as a Statement's subject name. */
export function imageName(reference: string): string {
  const at = reference.indexOf("@");
  return at >= 0 ? reference.slice(0, at) : reference;
}

/** What the record's attestation block holds besides the Statements' digests. */
export type BuildFacts = Omit<AttestationBlock, "statements">;

/** Subjects: the image, and for a publish the model file too. */
export function recordSubjects(r: RecordBody): Subject[] {
  const image = subject(imageName(r.image.reference), r.image.digest);
  return r.action === "publish" ? [image, subject(r.model.path, r.model.sha256)] : [image];
}

/** SLSA provenance v1 of the image publish built (https://slsa.dev/spec/v1.0/provenance). */
export function provenancePredicate(r: RecordBody, build: BuildFacts): Record<string, unknown> {
  const hex = (d: string) => d.replace(/^sha256:/, "");
  const paths = new Map((build.datasets ?? []).map((d) => [d.name, d.path]));
  const deps: Record<string, unknown>[] = [
    {
      name: "source",
      ...(build.builder.repository ? { uri: `git+${build.builder.repository}@${r.source}` } : {}),
      digest: { gitCommit: r.source },
    },
    { name: "model", uri: r.model.path, digest: { sha256: r.model.sha256 } },
    ...r.data.map((d) => ({
      name: `data/${d.name}`,
      ...(paths.get(d.name) ? { uri: paths.get(d.name) } : {}),
      digest: { sha256: d.sha256 },
    })),
    { name: "evaluation-record", uri: r.evaluation.path, digest: { sha256: hex(r.evaluation.record) } },
    ...(build.base
      ? [{ name: "base-image", uri: `oci://${build.base.reference}`, digest: { sha256: hex(build.base.digest) } }]
      : []),
  ];
  return {
    buildDefinition: {
      buildType: PUBLISH_BUILD_TYPE,
      externalParameters: {
        model: r.model.name,
        version: r.model.version,
        environment: r.environment,
        pullRequest: r.pullRequest ? r.pullRequest.number : null,
      },
      internalParameters: { stageTag: r.stageTag, triggeredBy: r.triggeredBy },
      resolvedDependencies: deps,
    },
    runDetails: {
      builder: { id: build.builder.id },
      metadata: { ...(build.builder.runUrl ? { invocationId: build.builder.runUrl } : {}), startedOn: r.at },
    },
  };
}

/** modelgate's promotion predicate of a record. */
export function promotionPredicate(r: RecordBody, build: BuildFacts): PromotionPredicate {
  const rel = r.release;
  const reg = r.registry;
  const stage = parseTag(r.stageTag);
  return {
    action: r.action,
    model: { name: r.model.name, version: r.model.version, sha256: r.model.sha256 },
    environment: r.environment,
    stageTag: r.stageTag,
    promotionRecord: recordBodyDigest(r),
    evaluation: { record: r.evaluation.record, verdict: r.evaluation.verdict, gates: r.evaluation.gates },
    approvals: r.approvals.map((a) => ({ reviewer: a.reviewer, commit: a.commit, reviewId: a.reviewId })),
    environmentApprovals: (rel?.environmentApprovals ?? [])
      .filter((a) => a.state === "approved")
      .map((a) => ({ user: a.user, at: a.at })),
    source: r.source,
    builder: { id: build.builder.id, ...(build.builder.runUrl ? { runUrl: build.builder.runUrl } : {}) },
    ...(rel
      ? {
          release: {
            tag: rel.tag,
            tagObject: rel.tagObject,
            pushedBy: rel.pushedBy,
            stage: stage?.kind === "stage" ? (stage.number ?? 0) : 0,
            publishRecord: rel.publishRecord,
            supersedes: rel.supersedes,
          },
        }
      : {}),
    ...(reg ? { registry: { tag: r.stageTag, publishRecord: reg.publishRecord, pushedBy: reg.pushedBy } } : {}),
  };
}

/** The Statements of a record: publish gets provenance and promotion, release and rollback the promotion. */
export function recordStatements(r: RecordBody, build: BuildFacts): Statement[] {
  const subjects = recordSubjects(r);
  const promotion = statement(
    subjects,
    PROMOTION_PREDICATE,
    promotionPredicate(r, build) as unknown as Record<string, unknown>,
  );
  if (r.action !== "publish") return [promotion];
  return [statement(subjects, SLSA_PROVENANCE, provenancePredicate(r, build)), promotion];
}

/** A Statement in the form its digest is taken of: subjects sorted, canonical JSON (RFC 8785). */
export function normalStatement(s: Statement): string {
  return canonicalJson(statement(s.subject, s.predicateType, s.predicate));
}

/** sha256 of a Statement's normal form: the digest a record carries, whoever serialised the signed payload. */
export function statementDigest(s: Statement): string {
  return sha256Of(normalStatement(s));
}

/** The attestation block of a record about to be appended, and the Statements to sign (in its order). */
export function attestRecord(
  body: RecordBody,
  build: BuildFacts,
): { block: AttestationBlock; statements: Statement[] } {
  const statements = recordStatements(body, build);
  return {
    block: {
      ...build,
      statements: statements.map((s) => ({ predicateType: s.predicateType, digest: statementDigest(s) })),
    },
    statements,
  };
}
