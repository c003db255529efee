import { posix } from "node:path";
import { UserError } from "../errors.ts";
import { ownersOfPaths } from "./codeowners.ts";
import {
  type ApprovalDecision,
  type ApprovalFacts,
  type ApprovalPolicy,
  effectivePolicy,
  evaluateApproval,
  type ModelUnderReview,
  strictestRiskClass,
} from "./policy.ts";
import { type RuleSet, rulesOrigin } from "./rules.ts";

/**
 * The approval decision over an opened repository, without GitHub: which policy judges each model (the repository's,
 * overridden by the model's manifest; the strictest risk class for a model new in the pull request), and the
 * decision from facts already read. `approve` and `publish` both decide through here.
 */

/** The commit status branch protection requires. */
export const APPROVAL_CONTEXT = "modelgate/approval";

/** What `approve` did: the decision, and whether the commit status and comment were written. */
export interface ApproveResult {
  decision: ApprovalDecision;
  /** Whether the commit status was written; when not, `statusError` says why. */
  statusSet: boolean;
  statusError?: string;
  commentError?: string;
  /** The API error that made the gate fail closed, if any. */
  apiError?: string;
}

/**
 * Each named model (default: every model the rules know) with the policy, risk class and CODEOWNERS that judge it,
 * all from `rules` (./rules.ts: the base branch's, never the change's own).
 */
export function modelsUnderReview(rules: RuleSet, names: string[] | undefined): ModelUnderReview[] {
  const base = rules.config.spec.approval as ApprovalPolicy;
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
          broken
            ? `model "${name}" has an invalid manifest in ${where} (${broken.problem}); the rules that judge it are read from there, so fix it there first`
            : `no model named "${name}" in ${where}${available.length ? ` (models: ${available.join(", ")})` : ""}`,
        );
      }
      // Not among the rules (a model the change adds): its own manifest is the change's to write, so it is judged by
      // the repository's policy at the strictest risk class.
      const riskClass = strictestRiskClass(base);
      const dir = `${rules.config.spec.paths.models.replace(/^\.\//, "").replace(/\/+$/, "")}/${name}/`;
      return {
        name,
        policy: base,
        riskClass,
        codeowners: owners ? ownersOfPaths(owners.rules, [dir, `${dir}model.yaml`]) : [],
        note: `not in ${where} (new in this change?): judged by the repository's policy at the strictest risk class (${riskClass})`,
      };
    }
    // The keys the model's manifest writes replace the repository's policy.
    const policy = effectivePolicy(base, m.value.spec.approval as Partial<ApprovalPolicy> | undefined);
    const folder = posix.dirname(m.file);
    const artifact = posix.normalize(posix.join(folder, m.value.spec.artifact.path));
    const paths = [m.file, artifact, `${folder}/`];
    return {
      name,
      policy,
      riskClass: m.value.spec.riskClass ?? "minimal",
      codeowners: owners ? ownersOfPaths(owners.rules, paths) : [],
    };
  });
}

/** The decision from facts already read (a `--facts` file, or what was read from GitHub): no status is set. */
export function decideFromFacts(rules: RuleSet, facts: ApprovalFacts, models: string[] | undefined): ApprovalDecision {
  return evaluateApproval(modelsUnderReview(rules, models), facts);
}

/** The decision when the facts could not be read: unapproved, with the error, for every model (fail closed). */
export function failClosed(models: ModelUnderReview[], headSha: string, error: string): ApprovalDecision {
  const description = `not approved: ${error}`;
  return {
    state: "failure",
    approved: false,
    description: description.length <= 140 ? description : `${description.slice(0, 139)}…`,
    headSha,
    models: models.map((m) => ({
      model: m.name,
      riskClass: m.riskClass,
      state: "failure",
      needed: 0,
      approvers: [],
      blockers: [],
      missing: [`could not verify approvals: ${error}`],
    })),
    approvers: [],
    stale: [],
    ignored: [],
  };
}
