import type { MonitoringRecord } from "../records/monitoring.ts";
import type { PromotionRecord } from "../records/promotion.ts";

/**
 * Commit trailers on every commit modelgate makes (git interpret-trailers syntax: "Key: value" lines in the last
 * paragraph of the message; keys of letters, digits and hyphens). The keys are PRODUCT.md's; a key may repeat
 * (one Data-Digest per dataset, one Approved-by per reviewer).
 */
export const TRAILER_KEYS = [
  "Model",
  "Model-Version",
  "Model-Digest",
  "Data-Digest",
  "Eval-Record",
  "Eval-Gate",
  "Reviewed-on",
  "Approved-by",
  "Image",
  "Environment",
  "Promoted-by",
  "Supersedes",
  "Promotion-Record",
  "Stage-Tag",
  "Monitored-Promotion",
  "Monitoring-Record",
  "Monitoring-Verdict",
] as const;
export type TrailerKey = (typeof TRAILER_KEYS)[number];
export type Trailers = [TrailerKey, string][];

/** One line per value; values are made single-line (a line break in a value would end the trailer block). */
export function formatTrailers(trailers: Trailers): string {
  return trailers.map(([k, v]) => `${k}: ${v.replace(/[\r\n]+/g, " ").trim()}`).join("\n");
}

/** A commit message: subject, body, then the trailer block as its last paragraph. */
export function commitMessage(subject: string, body: string, trailers: Trailers): string {
  return [subject, body.trim(), formatTrailers(trailers)].filter(Boolean).join("\n\n");
}

/**
 * Reads trailers from the text git prints for `%(trailers:only,unfold)` (or `git interpret-trailers --parse`):
 * every value of every key, in order.
 */
export function parseTrailers(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of text.split("\n")) {
    const m = /^([A-Za-z0-9-]+):\s?(.*)$/.exec(line.trimEnd());
    if (!m) continue;
    const list = out.get(m[1]) ?? [];
    list.push(m[2]);
    out.set(m[1], list);
  }
  return out;
}

/**
 * The trailers of the commit that appends a promotion record, derived from the record and its digest alone: the one
 * list publish and release write and `audit verify` expects, so writer and verifier cannot drift apart.
 */
export function promotionTrailers(r: PromotionRecord, digest: string): Trailers {
  const approvedBy: [TrailerKey, string][] =
    r.action === "publish"
      ? r.approvals.map((a) => ["Approved-by", `${a.reviewer} (review ${a.reviewId} on ${a.commit})`])
      : (r.release?.environmentApprovals ?? [])
          .filter((a) => a.state === "approved")
          .map((a) => ["Approved-by", `${a.user} (environment ${r.environment})`]);
  if (r.action === "publish") {
    return [
      ["Model", r.model.name],
      ["Model-Version", r.model.version],
      ["Model-Digest", `sha256:${r.model.sha256}`],
      ...r.data.map((d): [TrailerKey, string] => ["Data-Digest", `${d.name} sha256:${d.sha256}`]),
      ["Eval-Record", r.evaluation.record],
      ["Eval-Gate", r.evaluation.verdict],
      ...(r.pullRequest
        ? [["Reviewed-on", r.pullRequest.url ?? `#${r.pullRequest.number}`] as [TrailerKey, string]]
        : []),
      ...approvedBy,
      ["Image", r.image.reference],
      ["Environment", r.environment],
      ["Promoted-by", r.triggeredBy],
      ["Promotion-Record", digest],
      ["Stage-Tag", r.stageTag],
    ];
  }
  const sup = r.release?.supersedes;
  return [
    ["Model", r.model.name],
    ["Model-Version", r.model.version],
    ["Model-Digest", `sha256:${r.model.sha256}`],
    ["Eval-Record", r.evaluation.record],
    ["Image", r.image.reference],
    ["Environment", r.environment],
    ["Promoted-by", r.release?.pushedBy ?? r.triggeredBy],
    ...approvedBy,
    ...(sup ? [["Supersedes", `${sup.version} ${sup.image}`] as [TrailerKey, string]] : []),
    ["Promotion-Record", digest],
    ["Stage-Tag", r.stageTag],
  ];
}

/**
 * The trailers of the commit that adds a monitoring record, from the record and its digest alone: the version,
 * environment and promotion record it watched (Monitored-Promotion: it appends no promotion record, so it does not
 * carry Promotion-Record, which `audit verify` reads as a claim of one), the record itself and its verdict.
 */
export function monitoringTrailers(r: MonitoringRecord, digest: string): Trailers {
  return [
    ["Model", r.model.name],
    ["Model-Version", r.model.version],
    ["Model-Digest", `sha256:${r.model.sha256}`],
    ["Environment", r.environment],
    ["Monitored-Promotion", r.promotion.record],
    ["Monitoring-Record", digest],
    ["Monitoring-Verdict", r.verdict],
  ];
}
