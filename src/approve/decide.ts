import { relative, sep } from "node:path";
import { readCodeowners, ownersOfPaths } from "./codeowners.ts";
import { readApprovalFacts } from "./facts.ts";
import {
  type ApprovalDecision,
  type ApprovalPolicy,
  effectivePolicy,
  evaluateApproval,
  type ModelUnderReview,
  strictestRiskClass,
} from "./policy.ts";
import { UserError } from "../errors.ts";
import { type Repository, loadRepository } from "../manifest/repo.ts";

/** The commit status branch protection requires. */
export const APPROVAL_CONTEXT = "modelgate/approval";

export interface ApproveResult {
  decision: ApprovalDecision;
  /** Whether the commit status was written; when not, `statusError` says why. */
  statusSet: boolean;
  statusError?: string;
  commentError?: string;
  /** The API error that made the gate fail closed, if any. */
  apiError?: string;
}

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

/** The decision from a facts file (no GitHub, no status). */
export function decideFromFacts(cwd: string, file: string, models: string[] | undefined): ApproveResult {
  const facts = readApprovalFacts(file);
  const decision = evaluateApproval(modelsUnderReview(loadRepository(cwd), models), facts);
  return { decision, statusSet: false };
}
