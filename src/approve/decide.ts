import { relative, sep } from "node:path";
import { UserError } from "../errors.ts";
import type { Repository } from "../manifest/repo.ts";
import { ownersOfPaths, readCodeowners } from "./codeowners.ts";
import {
  type ApprovalDecision,
  type ApprovalFacts,
  type ApprovalPolicy,
  effectivePolicy,
  evaluateApproval,
  type ModelUnderReview,
  strictestRiskClass,
} from "./policy.ts";

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

/** Each named model (default: every model of the repository) with the policy, risk class and CODEOWNERS that judge it. */
export function modelsUnderReview(repo: Repository, names: string[] | undefined): ModelUnderReview[] {
  const base = repo.config.spec.approval as ApprovalPolicy;
  const owners = readCodeowners(repo.root);
  const available = repo.models.map((m) => m.value.metadata.name);
  const wanted = names ?? available;
  return wanted.map((name) => {
    const m = repo.models.find((x) => x.value.metadata.name === name);
    if (!m) {
      const broken = repo.findings.find((f) => f.severity === "error" && f.file.includes(`/${name}/`));
      if (broken || !/^[a-z0-9]([a-z0-9._-]*[a-z0-9])?$/.test(name)) {
        throw new UserError(
          broken
            ? `model "${name}" has an invalid manifest (${broken.file}:${broken.line ?? 1}: ${broken.message}); run \`modelgate validate\``
            : `no model named "${name}" in ${repo.root}${available.length ? ` (models: ${available.join(", ")})` : ""}`,
        );
      }
      // Not in this checkout (the base branch, as the README advises): a model the PR adds. Its own manifest is the
      // PR author's to write, so it is judged by the repository's policy at the strictest risk class.
      const riskClass = strictestRiskClass(base);
      const dir = `${repo.config.spec.paths.models}/${name}/`;
      return {
        name,
        policy: base,
        riskClass,
        codeowners: owners ? ownersOfPaths(owners.rules, [dir, `${dir}model.yaml`]) : [],
        note: `not in this checkout (new in this pull request?): judged by the repository's policy at the strictest risk class (${riskClass})`,
      };
    }
    // The keys the model's manifest writes replace the repository's policy.
    const policy = effectivePolicy(base, m.value.spec.approval as Partial<ApprovalPolicy> | undefined);
    const artifact = relative(repo.root, `${m.dir}${sep}${m.value.spec.artifact.path}`).split(sep).join("/");
    const paths = [m.file, artifact, `${m.file.replace(/[^/]+$/, "")}`];
    return {
      name,
      policy,
      riskClass: m.value.spec.riskClass ?? "minimal",
      codeowners: owners ? ownersOfPaths(owners.rules, paths) : [],
    };
  });
}

/** The decision from facts already read (a `--facts` file, or what was read from GitHub): no status is set. */
export function decideFromFacts(
  repo: Repository,
  facts: ApprovalFacts,
  models: string[] | undefined,
): ApprovalDecision {
  return evaluateApproval(modelsUnderReview(repo, models), facts);
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
