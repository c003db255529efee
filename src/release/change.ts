import { attestRecord, type BuildFacts } from "../attest/promotion.ts";
import type { Statement } from "../attest/statement.ts";
import { renderOverlay } from "../deploy/render.ts";
import { appendToLedger, type LedgerEntry, type NewRecord } from "../ledger/ledger.ts";
import type { TagSpec } from "../ledger/writer.ts";
import { stageTag } from "../ledger/tags.ts";
import { commitMessage, promotionTrailers } from "../ledger/trailers.ts";
import { API_VERSION, type Model } from "../manifest/schema.ts";
import type { ApprovalSourceRecord, EnvironmentApproval, PromotionRecord } from "../records/promotion.ts";
import type { TagVerification } from "../vocabulary.ts";
import type { Located, ReleaseTarget } from "./checks.ts";

/**
 * The files, record, commit message and stage tag of one release, from values: the published image goes into the
 * environment's overlay, a record chained to the model's last one goes into its ledger, and the stage assignment
 * `<model>#<env>#N` is made on the version's commit (where GTO reads a stage's version from), not on this commit.
 */

export interface ChangeFacts {
  action: "release" | "rollback";
  supersedes: LedgerEntry | undefined;
  stageNumber: number;
  actor: string;
  triggeredBy: string;
  tagger: string | undefined;
  signature: TagVerification | undefined;
  approvals: EnvironmentApproval[];
  approvalSource?: ApprovalSourceRecord;
  runId: number | undefined;
  runAttempt?: number;
  /** RFC 3339, UTC. */
  at: string;
  /** Who signs, when the record is attested: its Statements are returned to be signed. */
  attest?: BuildFacts;
}

export interface ReleaseChange {
  record: PromotionRecord;
  digest: string;
  stageTag: string;
  files: Record<string, string>;
  message: string;
  tagMessage: string;
  /** The Statements that attest the record (empty when not attested). */
  statements: Statement[];
}

export function releaseChange(
  t: ReleaseTarget,
  loc: Located,
  model: Model,
  ledgerText: string,
  f: ChangeFacts,
): ReleaseChange {
  const p = loc.publish.record;
  const stage = stageTag(t.model, t.environment, f.stageNumber);
  const sup = f.supersedes?.record;
  const record: NewRecord = {
    apiVersion: API_VERSION,
    kind: "PromotionRecord",
    action: f.action,
    at: f.at,
    model: p.model,
    data: p.data,
    evaluation: p.evaluation,
    pullRequest: p.pullRequest,
    approvals: p.approvals,
    image: p.image,
    environment: t.environment,
    stageTag: stage,
    // The version's commit: the one whose publish record this release promotes, where its stage tag points.
    source: loc.tag.commit,
    triggeredBy: f.triggeredBy,
    release: {
      tag: loc.tag.name,
      tagObject: loc.tag.oid,
      ...(f.tagger ? { tagger: f.tagger } : {}),
      pushedBy: f.actor,
      ...(f.signature ? { signature: f.signature } : {}),
      environmentApprovals: f.approvals,
      publishRecord: loc.publish.digest,
      supersedes: sup ? { version: sup.model.version, image: sup.image.digest } : null,
      ...(f.runId !== undefined ? { runId: f.runId } : {}),
      ...(f.runAttempt !== undefined ? { runAttempt: f.runAttempt } : {}),
      ...(f.approvalSource ? { approvalSource: f.approvalSource } : {}),
    },
  };
  let statements: Statement[] = [];
  const attest = f.attest;
  const appended = appendToLedger(
    ledgerText,
    record,
    attest
      ? (chained) => {
          const a = attestRecord(chained, attest);
          statements = a.statements;
          return { ...chained, attestation: a.block };
        }
      : undefined,
  );
  const overlay = renderOverlay(model, t.environment, {
    image: { repository: loc.image.repository, digest: loc.image.digest, scheme: loc.image.scheme },
    version: t.version,
    record: appended.digest,
  });

  const verb =
    f.action === "rollback"
      ? `Roll back ${t.model} to ${t.version} in ${t.environment}`
      : `Release ${t.model} ${t.version} to ${t.environment}`;
  const approvers = f.approvals.filter((a) => a.state === "approved");
  const body = [
    `${loc.tag.name} (tag object ${loc.tag.oid}) pushed by ${f.actor}${f.signature ? `, signature ${f.signature.verified ? "verified" : "not verified"} by GitHub (${f.signature.reason})` : ""}.`,
    `Image ${p.image.reference}, published by record #${p.sequence} (${loc.publish.digest}).`,
    sup
      ? `Supersedes ${sup.model.version} (${sup.image.digest}).`
      : `First promotion of ${t.model} to ${t.environment}.`,
    approvers.length
      ? `Approved for ${t.environment} by ${approvers.map((a) => a.user).join(", ")}${f.runId !== undefined ? ` in workflow run ${f.runId}` : ""}.`
      : "",
  ]
    .filter(Boolean)
    .join("\n");
  const trailers = promotionTrailers(appended.record, appended.digest);
  return {
    record: appended.record,
    digest: appended.digest,
    stageTag: stage,
    files: { [t.ledgerPath]: appended.text, [t.overlayPath]: overlay },
    message: commitMessage(verb, body, trailers),
    tagMessage: `${verb}\n\nReleased by ${f.actor} with ${loc.tag.name}; promotion record ${appended.digest}.`,
    statements,
  };
}

/** What a deregistration or an unassignment records: who asked for it, and when. */
export interface RegistryFacts {
  mode: "deregister" | "unassign";
  actor: string;
  triggeredBy: string;
  /** RFC 3339, UTC. */
  at: string;
  /** Who signs, when the record is attested: its Statement is returned to be signed. */
  attest?: BuildFacts;
}

/** The ledger, commit message and tag of one deregistration or unassignment. */
export interface RegistryChange {
  record: PromotionRecord;
  digest: string;
  files: Record<string, string>;
  message: string;
  tag: TagSpec;
  /** The Statement that attests the record (empty when not attested). */
  statements: Statement[];
}

/**
 * A deregistration (`<model>@vX.Y.Z!`) or an unassignment (`<model>#<env>!#N`) kept in the ledger too: a record
 * chained to the model's last one, naming the version's publish record and the tag, appended by the commit pushed
 * with the tag. The tag is GTO's registry; the record is what stays when someone deletes the tag.
 */
export function registryChange(
  t: ReleaseTarget,
  publish: LedgerEntry,
  tag: TagSpec,
  ledgerText: string,
  f: RegistryFacts,
): RegistryChange {
  const p = publish.record;
  let statements: Statement[] = [];
  const attest = f.attest;
  const record: NewRecord = {
    apiVersion: API_VERSION,
    kind: "PromotionRecord",
    action: f.mode,
    at: f.at,
    model: p.model,
    data: p.data,
    evaluation: p.evaluation,
    pullRequest: p.pullRequest,
    approvals: p.approvals,
    image: p.image,
    environment: f.mode === "unassign" ? t.environment : p.environment,
    stageTag: tag.name,
    // the version's commit, where the tag goes
    source: tag.target,
    triggeredBy: f.triggeredBy,
    registry: { publishRecord: publish.digest, pushedBy: f.actor },
  };
  const appended = appendToLedger(
    ledgerText,
    record,
    attest
      ? (chained) => {
          const a = attestRecord(chained, attest);
          statements = a.statements;
          return { ...chained, attestation: a.block };
        }
      : undefined,
  );
  const subject =
    f.mode === "deregister"
      ? `Deregister ${t.model} ${t.version}`
      : `Unassign ${t.environment} from ${t.model} ${t.version}`;
  const body = `${tag.name} on ${tag.target}, asked for by ${f.actor}; the version was published by record #${p.sequence} (${publish.digest}).`;
  return {
    record: appended.record,
    digest: appended.digest,
    files: { [t.ledgerPath]: appended.text },
    message: commitMessage(subject, body, promotionTrailers(appended.record, appended.digest)),
    tag: { ...tag, message: `${tag.message}; promotion record ${appended.digest}` },
    statements,
  };
}
