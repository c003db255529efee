import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/ledger/trailers.ts
function formatTrailers(trailers) {
  return trailers.map(([k, v]) => `${k}: ${v.replace(/[\r\n]+/g, " ").trim()}`).join("\n");
}
function commitMessage(subject, body, trailers) {
  return [subject, body.trim(), formatTrailers(trailers)].filter(Boolean).join("\n\n");
}
function parseTrailers(text) {
  const out = /* @__PURE__ */ new Map();
  for (const line of text.split("\n")) {
    const m = /^([A-Za-z0-9-]+):\s?(.*)$/.exec(line.trimEnd());
    if (!m) continue;
    const list = out.get(m[1]) ?? [];
    list.push(m[2]);
    out.set(m[1], list);
  }
  return out;
}
function promotionTrailers(r, digest) {
  const approvedBy = r.action === "publish" ? r.approvals.map((a) => ["Approved-by", `${a.reviewer} (review ${a.reviewId} on ${a.commit})`]) : (r.release?.environmentApprovals ?? []).filter((a) => a.state === "approved").map((a) => ["Approved-by", `${a.user} (environment ${r.environment})`]);
  if (r.action === "publish") {
    return [
      ["Model", r.model.name],
      ["Model-Version", r.model.version],
      ["Model-Digest", `sha256:${r.model.sha256}`],
      ...r.data.map((d) => ["Data-Digest", `${d.name} sha256:${d.sha256}`]),
      ["Eval-Record", r.evaluation.record],
      ["Eval-Gate", r.evaluation.verdict],
      ...r.pullRequest ? [["Reviewed-on", r.pullRequest.url ?? `#${r.pullRequest.number}`]] : [],
      ...approvedBy,
      ["Image", r.image.reference],
      ["Environment", r.environment],
      ["Promoted-by", r.triggeredBy],
      ["Promotion-Record", digest],
      ["Stage-Tag", r.stageTag]
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
    ...sup ? [["Supersedes", `${sup.version} ${sup.image}`]] : [],
    ["Promotion-Record", digest],
    ["Stage-Tag", r.stageTag]
  ];
}
function monitoringTrailers(r, digest) {
  return [
    ["Model", r.model.name],
    ["Model-Version", r.model.version],
    ["Model-Digest", `sha256:${r.model.sha256}`],
    ["Environment", r.environment],
    ["Monitored-Promotion", r.promotion.record],
    ["Monitoring-Record", digest],
    ["Monitoring-Verdict", r.verdict]
  ];
}

export {
  commitMessage,
  parseTrailers,
  promotionTrailers,
  monitoringTrailers
};
