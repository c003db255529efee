import type { AttestationsResult } from "../attest/setup.ts";
import type { EnvironmentApproval, PromotionRecord } from "../records/promotion.ts";
import { escapeMd } from "../report/escape.ts";
import type { TagVerification } from "../vocabulary.ts";

/** What a release did (or, with --dry-run, would do), and the two ways it is shown: lines for people, Markdown. */

export type ReleaseMode = "release" | "unassign" | "deregister";

export type Outcome = "released" | "rolled-back" | "proposed" | "unchanged" | "planned" | "unassigned" | "deregistered";

export interface ReleaseResult {
  model: string;
  version: string;
  tag: string;
  environment: string;
  outcome: Outcome;
  /** One sentence for people. */
  summary: string;
  dryRun: boolean;
  action?: "release" | "rollback";
  stageTag?: string;
  /** The tag made by --unassign or --deregister. */
  registryTag?: string;
  commit?: string;
  branch?: string;
  image?: { reference: string; digest: string };
  supersedes?: { version: string; image: string } | null;
  record?: PromotionRecord;
  recordDigest?: string;
  recordPath?: string;
  overlayPath?: string;
  releaser?: { login: string; via: string };
  environmentApprovals?: EnvironmentApproval[];
  signature?: TagVerification;
  pullRequest?: { number: number; url: string; created: boolean };
  attempts?: number;
  /** The record's attestations: signed with the key (bundles beside the ledger), or pending for actions/attest. */
  attestations?: AttestationsResult;
}

/** A value on one line: no control characters, so a record's text cannot start a line (or a workflow command). */
const oneLine = (v: unknown) => String(v).replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ");

/** The human-readable lines of a result. */
export function formatReleaseResult(r: ReleaseResult): string {
  const lines = [r.summary];
  if (r.image && r.outcome !== "unchanged") lines.push(`  image: ${r.image.reference}`);
  if (r.supersedes) lines.push(`  supersedes: ${r.supersedes.version} (${r.supersedes.image})`);
  if (r.releaser) lines.push(`  releaser: ${r.releaser.login} (${r.releaser.via})`);
  if (r.environmentApprovals?.length) {
    lines.push(`  ${r.environment} approvals: ${r.environmentApprovals.map((a) => `${a.user} ${a.state}`).join(", ")}`);
  }
  if (r.signature)
    lines.push(`  signature: ${r.signature.verified ? "verified" : "not verified"} (${r.signature.reason})`);
  if (r.recordDigest && r.outcome !== "unchanged") lines.push(`  record: ${r.recordDigest} in ${r.recordPath}`);
  if (r.pullRequest) lines.push(`  pull request: #${r.pullRequest.number} ${r.pullRequest.url}`);
  if (r.attestations?.by === "key")
    lines.push(`  attested: ${r.attestations.statements.map((a) => a.bundle).join(", ")}`);
  if (r.attestations?.by === "workflow")
    lines.push(`  to be attested by the workflow: ${r.attestations.statements.map((a) => a.digest).join(", ")}`);
  return `${lines.map(oneLine).join("\n")}\n`;
}

/** The job summary: what was released, escaped (approval comments and tag text are untrusted). */
export function releaseMarkdown(r: ReleaseResult): string {
  const rows = [
    ["outcome", r.outcome],
    ["model", r.model],
    ["version", r.version],
    ["environment", r.environment],
    ...(r.stageTag ? [["stage tag", r.stageTag]] : []),
    ...(r.registryTag ? [["registry tag", r.registryTag]] : []),
    ...(r.image ? [["image", r.image.reference]] : []),
    ...(r.supersedes ? [["supersedes", `${r.supersedes.version} (${r.supersedes.image})`]] : []),
    ...(r.releaser ? [["released by", `${r.releaser.login} (${r.releaser.via})`]] : []),
    ...(r.environmentApprovals ?? []).map((a) => [`${a.state} by`, `${a.user}${a.comment ? `: ${a.comment}` : ""}`]),
    ...(r.commit ? [["commit", r.commit]] : []),
    ...(r.pullRequest ? [["pull request", `#${r.pullRequest.number}`]] : []),
  ];
  return `### modelgate release: ${escapeMd(r.model)} ${escapeMd(r.version)}\n\n${escapeMd(r.summary)}\n\n| | |\n|---|---|\n${rows.map(([k, v]) => `| ${escapeMd(k)} | ${escapeMd(v)} |`).join("\n")}\n`;
}
