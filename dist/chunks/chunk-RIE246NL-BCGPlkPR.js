import { createRequire } from 'node:module';
import { c as rulesOrigin, s as strictestRiskClass, o as ownersOfPaths, g as effectivePolicy, e as evaluateApproval } from './chunk-GLGUTLI5-Jm6A3CVq.js';
import { a as readFactsFile } from './chunk-IUP2DSUK-kBqg7nXA.js';
import { e as external_exports } from './hot-plan-YWGJn6IT.js';
import { U as UserError } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { posix } from 'node:path';

const require$1 = createRequire(import.meta.url);
var APPROVAL_CONTEXT = "modelgate/approval";
function modelsUnderReview(rules, names) {
  const base = rules.config.spec.approval;
  const owners = rules.codeowners;
  const available = rules.models.map((m) => m.name);
  const wanted = names ?? available;
  const where = rulesOrigin(rules);
  return wanted.map((name) => {
    const m = rules.models.find((x) => x.name === name);
    if (!m) {
      const broken = rules.invalid.find((x) => x.name === name);
      if (broken || !/^[a-z0-9]([a-z0-9._-]*[a-z0-9])?$/.test(name)) {
        throw new UserError(
          broken ? `model "${name}" has an invalid manifest in ${where} (${broken.problem}); the rules that judge it are read from there, so fix it there first` : `no model named "${name}" in ${where}${available.length ? ` (models: ${available.join(", ")})` : ""}`
        );
      }
      const riskClass = strictestRiskClass(base);
      const dir = `${rules.config.spec.paths.models.replace(/^\.\//, "").replace(/\/+$/, "")}/${name}/`;
      return {
        name,
        policy: base,
        riskClass,
        codeowners: owners ? ownersOfPaths(owners.rules, [dir, `${dir}model.yaml`]) : [],
        note: `not in ${where} (new in this change?): judged by the repository's policy at the strictest risk class (${riskClass})`
      };
    }
    const policy = effectivePolicy(base, m.value.spec.approval);
    const folder = posix.dirname(m.file);
    const artifact = posix.normalize(posix.join(folder, m.value.spec.artifact.path));
    const paths = [m.file, artifact, `${folder}/`];
    return {
      name,
      policy,
      riskClass: m.value.spec.riskClass ?? "minimal",
      codeowners: owners ? ownersOfPaths(owners.rules, paths) : []
    };
  });
}
function decideFromFacts(rules, facts, models) {
  return evaluateApproval(modelsUnderReview(rules, models), facts);
}
function failClosed(models, headSha, error) {
  const description = `not approved: ${error}`;
  return {
    state: "failure",
    approved: false,
    description: description.length <= 140 ? description : `${description.slice(0, 139)}\u2026`,
    headSha,
    models: models.map((m) => ({
      model: m.name,
      riskClass: m.riskClass,
      state: "failure",
      needed: 0,
      approvers: [],
      blockers: [],
      missing: [`could not verify approvals: ${error}`]
    })),
    approvers: [],
    stale: [],
    ignored: []
  };
}

// src/vocabulary.ts
var REVIEW_STATES = ["APPROVED", "CHANGES_REQUESTED", "COMMENTED", "DISMISSED", "PENDING"];

// src/approve/facts.ts
var approvalFactsSchema = external_exports.strictObject({
  pr: external_exports.strictObject({
    number: external_exports.number().int().positive(),
    author: external_exports.string().min(1),
    headSha: external_exports.string().regex(/^[0-9a-f]{7,64}$/, "must be a commit id"),
    url: external_exports.string().optional().describe("The pull request's web address (publish records it)."),
    baseSha: external_exports.string().regex(/^[0-9a-f]{7,64}$/, "must be a commit id").optional().describe("The base commit: the approval rules are read there (default: the checkout's).")
  }),
  headPushers: external_exports.array(external_exports.string().min(1)).optional().describe("Who pushed the head commit (GitHub's activity log): their approval never counts."),
  commitAuthors: external_exports.array(external_exports.string().min(1)).optional().describe("GitHub logins of the authors and committers of the commits under review."),
  mergedBy: external_exports.string().optional().describe("Who merged the pull request (publish --facts records it)."),
  reviews: external_exports.array(
    external_exports.strictObject({
      id: external_exports.number().int(),
      login: external_exports.string().min(1),
      userType: external_exports.string().default("User"),
      state: external_exports.enum(REVIEW_STATES),
      commitId: external_exports.string().nullable(),
      submittedAt: external_exports.string().nullable().describe("null for a pending review, which never counts")
    })
  ),
  permissions: external_exports.record(external_exports.string(), external_exports.enum(["admin", "maintain", "write", "triage", "read", "none"])).default({}),
  teams: external_exports.record(external_exports.string(), external_exports.array(external_exports.string())).default({})
});
function readApprovalFacts(file) {
  return readFactsFile(file, approvalFactsSchema);
}

export { APPROVAL_CONTEXT as A, approvalFactsSchema as a, decideFromFacts as d, failClosed as f, modelsUnderReview as m, readApprovalFacts as r };
