import { createRequire } from 'node:module';
import { f as escapeMd } from './hot-audit-verify-DZYJh8zf.js';

const require$1 = createRequire(import.meta.url);

// src/release/result.ts
var oneLine = (v) => String(v).replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ");
function formatReleaseResult(r) {
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
  return `${lines.map(oneLine).join("\n")}
`;
}
function releaseMarkdown(r) {
  const rows = [
    ["outcome", r.outcome],
    ["model", r.model],
    ["version", r.version],
    ["environment", r.environment],
    ...r.stageTag ? [["stage tag", r.stageTag]] : [],
    ...r.registryTag ? [["registry tag", r.registryTag]] : [],
    ...r.image ? [["image", r.image.reference]] : [],
    ...r.supersedes ? [["supersedes", `${r.supersedes.version} (${r.supersedes.image})`]] : [],
    ...r.releaser ? [["released by", `${r.releaser.login} (${r.releaser.via})`]] : [],
    ...(r.environmentApprovals ?? []).map((a) => [`${a.state} by`, `${a.user}${a.comment ? `: ${a.comment}` : ""}`]),
    ...r.commit ? [["commit", r.commit]] : [],
    ...r.pullRequest ? [["pull request", `#${r.pullRequest.number}`]] : []
  ];
  return `### modelgate release: ${escapeMd(r.model)} ${escapeMd(r.version)}

${escapeMd(r.summary)}

| | |
|---|---|
${rows.map(([k, v]) => `| ${escapeMd(k)} | ${escapeMd(v)} |`).join("\n")}
`;
}

export { formatReleaseResult as f, releaseMarkdown as r };
